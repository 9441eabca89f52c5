"""A Draft as the announcement TOML that `reconcile check` reads: every value with the
letter's sentence quoted beside it, and what the letter leaves open as a commented choice."""

from __future__ import annotations

import re
import textwrap

from reconcile.i18n import tr
from reconcile.letter.draft import Draft, Named, Open, Where

_WIDTH = 96
# Choices about the letter's amounts, written below [amounts].
_AMOUNT_CHOICES = (
    "draft-open-unread",
    "draft-open-zero",
    "draft-open-per-year",
    "draft-open-table",
)


def render_draft(draft: Draft, lang: str) -> str:
    letter = draft.letter
    lines = [f"# {line}" for line in _wrap(tr("draft-head", lang, letter=letter.path.name))]
    lines += [f"# {line}" for line in _wrap(tr("draft-read", lang))]
    lines.append("")
    name = letter.title or letter.path.stem
    source = letter.identifier or letter.path.name
    lines += [f"name = {_string(name)}", f"source = {_string(source)}", ""]

    if draft.target is not None:
        lines += [f"# {line}" for line in _wrap(tr("draft-target", lang))]
        lines += _quote(draft.target.sentence, draft.target.where, lang)
        lines.append(f"reconcile = {_string(draft.target.key)}")
    else:
        lines += _choice(_open(draft, "draft-open-target", "draft-open-no-amounts"), lang)
        keys = [a.key for a in draft.amounts]
        if keys:
            lines.append(f"# reconcile = {_string(keys[0])}")
    lines.append(f'series = "U"  # {tr("draft-series", lang)}')
    if draft.years is not None:
        first, last = draft.years
        named = ", ".join(m.value for m in draft.moments if re.search(r"\d{4}", m.value))
        lines += [f"# {line}" for line in _wrap(tr("draft-years", lang, moments=named))]
        lines += _quote_all(draft.moments, lang)
        lines.append(f'years = "{first}-{last}"')
    else:
        lines += _choice(_open(draft, "draft-open-years"), lang)
        lines += _quote_all(draft.moments, lang)
        lines.append('# years = "2025-2029"')
    lines.append('band = "5%"')
    lines.append("")

    lines.append("[amounts]")
    for amount in draft.amounts:
        lines += _quote(amount.sentence, amount.where, lang)
        if amount.written != amount.text:
            lines.append(f"# {tr('draft-written', lang, written=amount.written)}")
        lines.append(f"{_key(amount.key)} = {_string(amount.text)}")
    for item in draft.open:
        if item.key in _AMOUNT_CHOICES:
            lines += _choice(item, lang)
    lines.append("")

    if draft.sums:
        lines += [f"# {line}" for line in _wrap(tr("draft-sums", lang))]
    for total in draft.sums:
        quoted = next(a for a in draft.amounts if a.key == total.total)
        lines.append("[[sums]]")
        lines += _quote(quoted.sentence, quoted.where, lang)
        lines.append(f"total = {_string(total.total)}")
        lines.append(f"parts = [{', '.join(_string(p) for p in total.parts)}]")
        lines.append("")
    for item in draft.open:
        if item.key in ("draft-open-sum", "draft-open-sum-none", "draft-open-sum-many"):
            lines += [*_choice(item, lang), ""]

    lines.append("[contributors]")
    lines += _quote_all(draft.expected + draft.largest, lang)
    if draft.expected:
        lines.append(f"expected = [{', '.join(_string(n.value) for n in draft.expected)}]")
    else:
        lines += _choice(_open(draft, "draft-open-contributors"), lang)
        lines.append("# expected = []")
    if draft.largest:
        lines.append(f"largest = [{', '.join(_string(n.value) for n in draft.largest)}]")
    for item in draft.open:
        if item.key == "draft-open-ministry":
            lines += _choice(item, lang)
    return "\n".join(lines).rstrip("\n") + "\n"


def open_messages(draft: Draft, lang: str) -> list[str]:
    """What the letter leaves open, one line each, for standard error."""
    return [tr(item.key, lang, **_params(item, lang)) for item in draft.open]


def _params(item: Open, lang: str) -> dict[str, str]:
    params = dict(item.params)
    if item.where is not None:
        params["where"] = _place(item.where, lang)
    return params


def _open(draft: Draft, *keys: str) -> Open:
    return next((item for item in draft.open if item.key in keys), Open(keys[0]))


def _choice(item: Open, lang: str) -> list[str]:
    text = tr("draft-choose", lang) + ": " + tr(item.key, lang, **_params(item, lang))
    return [f"# {line}" for line in _wrap(text)]


def _place(where: Where, lang: str) -> str:
    if where.footnote:
        return tr("draft-footnote", lang, page=where.page or "-")
    if where.page is not None:
        return tr("draft-page-paragraph", lang, page=where.page, paragraph=where.paragraph)
    return tr("draft-paragraph", lang, paragraph=where.paragraph)


def _quote(sentence: str, where: Where, lang: str, lead: str = "") -> list[str]:
    text = f"{lead}{_place(where, lang)}: “{_comment_safe(sentence)}”"
    return [f"# {line}" for line in _wrap(text)]


def _quote_all(named: tuple[Named, ...], lang: str) -> list[str]:
    lines: list[str] = []
    seen: set[str] = set()
    for item in named:
        if item.sentence not in seen:
            seen.add(item.sentence)
            lines += _quote(item.sentence, item.where, lang)
    return lines


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH, break_long_words=False, break_on_hyphens=False) or [""]


def _comment_safe(text: str) -> str:
    """TOML comments hold no control characters but tab."""
    return "".join(c if c == "\t" or (ord(c) >= 32 and c != "\x7f") else " " for c in text)


def _string(value: str) -> str:
    """A TOML basic string."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if ord(c) >= 32 and c != "\x7f" else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _string(key)
