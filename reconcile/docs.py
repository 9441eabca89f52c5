"""Write the finding codes' reference pages (docs/en/codes.md, docs/nl/codes.md) from the catalogue.

Run ``python -m reconcile.docs`` from the repository after changing a code or its texts; a test
fails while a committed page differs from what this writes. The catalogue is read only through
reconcile.codes (``CODES``, ``texts_of``) and the words of reconcile.i18n, and a code's pattern
and severity are worded by reconcile.explain's functions, as ``reconcile explain`` words them.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from reconcile.codes import CODES, texts_of
from reconcile.explain import pattern, severity_text
from reconcile.i18n import LANGS, N_, gettext, tr, word

PAGES = {lang: Path("docs") / lang / "codes.md" for lang in LANGS}

# The page's title and opening paragraphs (Markdown), in English; the catalogue has them in
# each language.
# Translators: the title of docs/<lang>/codes.md
TITLE = N_("Finding codes")
INTRO = (
    # Translators: Markdown; the links are relative to docs/<lang>/ (link the English page)
    N_(
        "Every finding reconcile can report, with its stage, its severity and its message; "
        "below the table, what each one means and how to fix it. A code never changes meaning, "
        "so scripts and CI may rely on it. `reconcile codes` lists the same, `reconcile explain "
        "CODE` tells one, and [Checks](checks.md) says what is checked. A fatal code means the "
        "file could not be used at all: the run is incomplete and exits with 2, whatever "
        "`--fail-on` or `[severity]` say. [In Dutch](../nl/codes.md)."
    ),
    # Translators: Markdown
    N_(
        "This page is generated from the catalogue (`reconcile/codes.py`) by "
        "`python -m reconcile.docs`; do not edit it by hand."
    ),
)


def _markdown(text: str) -> str:
    """Catalogue text as Markdown shows it: on one line, with no HTML tag or table bar in it."""
    text = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|")


def render_codes(lang: str) -> str:
    """The codes page in ``lang``: a table of every code, then each code's texts."""
    code_head, severity_head, stage_head, message_head = tr("codes-head", lang).split("|")
    parts = [f"# {gettext(TITLE, lang)}", *(gettext(part, lang) for part in INTRO)]
    intro = [textwrap.fill(part, 96) + "\n" for part in parts]
    lines = [*intro, f"| {code_head} | {stage_head} | {severity_head} | {message_head} |"]
    lines.append("|---|---|---|---|")
    severity = {code.code: severity_text(code, lang, exit_code=True) for code in CODES.values()}
    for code in CODES.values():
        template = pattern(texts_of(code.code, lang)[0])
        lines.append(
            f"| [`{code.code}`](#{code.code}) | {word(code.stage, lang)} | "
            f"{severity[code.code]} | {_markdown(template)} |"
        )
    for code in CODES.values():
        template, explanation = texts_of(code.code, lang)
        lines += [
            "",
            f"## {code.code}",
            "",
            f"{severity[code.code]}, {word(code.stage, lang)}: {_markdown(pattern(template))}",
            "",
            _markdown(explanation),
        ]
    return "\n".join(lines) + "\n"


def write_codes_docs(root: Path) -> list[Path]:
    """Write every codes page under the repository ``root``; the paths that changed."""
    changed = []
    for lang, page in PAGES.items():
        path = root / page
        text = render_codes(lang)
        if not path.is_file() or path.read_text("utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)  # a new language's folder
            path.write_text(text, "utf-8")
            changed.append(path)
    return changed


def main() -> None:
    root = Path.cwd()
    if not (root / "docs").is_dir():
        sys.exit("Run this from the repository's folder (the one holding docs/).")
    for path in write_codes_docs(root):
        print(f"wrote {path.relative_to(root)}")


if __name__ == "__main__":
    main()
