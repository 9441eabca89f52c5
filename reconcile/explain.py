"""Finding codes as people read them: `reconcile codes` lists them, `explain` tells one.

Everything comes from the catalogue in reconcile.codes, so the help never drifts from the code.
"""

from __future__ import annotations

import difflib
import re
import textwrap

from reconcile.codes import CODES, Code, texts_of
from reconcile.errors import ConfigError
from reconcile.i18n import tr, word
from reconcile.model import Phrase

WIDTH = 88
MANY = 2  # a message with a count is shown in its plural: "<count> cells"


def severity_text(code: Code, lang: str = "en", *, exit_code: bool = False) -> str:
    """A code's severity in ``lang``, saying when it is fatal: "error, fatal", or with
    ``exit_code`` (the codes pages) "error (fatal, exit 2)"."""
    severity = tr(code.severity.value, lang)
    if not code.fatal:
        return severity
    fatal = tr("fatal", lang)
    return f"{severity} ({fatal}, exit 2)" if exit_code else f"{severity}, {fatal}"


def pattern(template: str) -> str:
    """A message template as a pattern people read: "<value> is not an amount; ..."."""
    return re.sub(r"\{(\w+)\}", r"<\1>", template)


def list_codes(lang: str = "en") -> str:
    """One line per code: code, severity, stage and the message it gives."""
    width = max(len(code) for code in CODES)
    code, severity, stage, message = tr("codes-head", lang).split("|")
    lines = [f"{code:<{width}}  {severity:<18}  {stage:<12}  {message}"]
    lines += [
        f"{c.code:<{width}}  {severity_text(c, lang):<18}  {word(c.stage, lang):<12}  "
        f"{pattern(texts_of(c.code, lang, MANY)[0])}"
        for c in CODES.values()
    ]
    lines.append("")
    lines.append(tr("codes-more", lang))
    return "\n".join(lines) + "\n"


def _paragraph(text: str) -> str:
    return textwrap.fill(text, WIDTH, initial_indent="  ", subsequent_indent="  ")


def explain_code(name: str, lang: str = "en") -> str:
    """What a finding of code ``name`` means, why it matters and how to fix it."""
    code = CODES.get(name.strip().lower())
    if code is None:
        close = difflib.get_close_matches(name, list(CODES), n=3)
        if not close:
            raise ConfigError(
                "unknown finding code {code!r}. `reconcile codes` lists them all.", code=name
            )
        alternatives = (
            Phrase("{first} or {last}", {"first": ", ".join(close[:-1]), "last": close[-1]})
            if len(close) > 1
            else close[0]
        )
        raise ConfigError(
            "unknown finding code {code!r}. Did you mean {alternatives}? `reconcile codes` lists "
            "them all.",
            code=name,
            alternatives=alternatives,
        )
    if code.fatal:
        tuning = tr("explain-fatal", lang)
    elif code.stage == "diff":  # --severity and [severity] are for check and validate
        tuning = tr("explain-diff", lang)
    else:
        tuning = tr("explain-tuning", lang, severity=code.severity.value, code=code.code)
    template, explanation = texts_of(code.code, lang, MANY)
    parts = [
        tr(
            "explain-title",
            lang,
            code=code.code,
            severity=severity_text(code, lang),
            stage=word(code.stage, lang),
        ),
        "",
        tr("explain-message", lang),
        _paragraph(pattern(template)),
        "",
        tr("explain-why", lang),
        _paragraph(explanation),
        "",
        tr("explain-severity", lang),
        _paragraph(tuning),
    ]
    return "\n".join(parts) + "\n"
