"""Finding codes as people read them: `reconcile codes` lists them, `explain` tells one.

Everything comes from the catalogue in reconcile.codes, so the help never drifts from the code.
"""

from __future__ import annotations

import difflib
import re
import textwrap

from reconcile.codes import CODES, Code
from reconcile.errors import ConfigError

WIDTH = 88


def _severity(code: Code) -> str:
    return f"{code.severity.value}, fatal" if code.fatal else code.severity.value


def _pattern(template: str) -> str:
    """A message template as a pattern people read: "<value> is not an amount; ..."."""
    return re.sub(r"\{(\w+)\}", r"<\1>", template)


def list_codes() -> str:
    """One line per code: code, severity, stage and the message it gives."""
    width = max(len(code) for code in CODES)
    lines = [f"{'code':<{width}}  {'severity':<14}  {'stage':<9}  message"]
    lines += [
        f"{c.code:<{width}}  {_severity(c):<14}  {c.stage:<9}  {_pattern(c.template)}"
        for c in CODES.values()
    ]
    lines.append("")
    lines.append("`reconcile explain CODE` tells more about one code.")
    return "\n".join(lines) + "\n"


def _paragraph(text: str) -> str:
    return textwrap.fill(text, WIDTH, initial_indent="  ", subsequent_indent="  ")


def explain_code(name: str) -> str:
    """What a finding of code ``name`` means, why it matters and how to fix it."""
    code = CODES.get(name.strip().lower())
    if code is None:
        close = difflib.get_close_matches(name, list(CODES), n=3)
        alternatives = (
            ", ".join(close[:-1]) + " or " + close[-1] if len(close) > 1 else "".join(close)
        )
        hint = f" Did you mean {alternatives}?" if close else ""
        raise ConfigError(f"unknown finding code {name!r}.{hint} `reconcile codes` lists them all.")
    if code.fatal:
        tuning = (
            "The input could not be used, so the run is incomplete: exit code 2, whatever "
            "the configuration says."
        )
    else:
        tuning = (
            f"Reported as {code.severity.value}. A team can change that in reconcile.toml "
            f'([severity] {code.code} = "warning") or with --severity {code.code}=LEVEL.'
        )
    parts = [
        f"{code.code}  ({_severity(code)}; found while the {code.stage} stage runs)",
        "",
        "What the message says:",
        _paragraph(_pattern(code.template)),
        "",
        "Why it matters and how to fix it:",
        _paragraph(code.explanation),
        "",
        "Severity:",
        _paragraph(tuning),
    ]
    return "\n".join(parts) + "\n"
