"""What fails a run: per-code severity overrides and --fail-on, applied to a finished Report.

The library reports each finding at its catalogue severity; a team may tune that per code (a
note it wants to see as a warning, a warning it treats as an error). Fatal codes (an input that
could not be read) cannot be tuned: such a run is incomplete and always exits 2.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from reconcile.codes import CODES
from reconcile.errors import ConfigError
from reconcile.model import Severity
from reconcile.report.record import Report

FAIL_ON = ("error", "warning", "never")
LEVELS = tuple(s.value for s in Severity)


def parse_severity(code: str, level: object, where: str) -> tuple[str, Severity]:
    """One override ``code = level``; ``where`` names its origin (option or file) in errors."""
    if code not in CODES:
        raise ConfigError(
            "{where}: unknown finding code {code!r} (see `reconcile codes`)", where=where, code=code
        )
    if CODES[code].fatal:
        raise ConfigError(
            "{where}: the severity of {code!r} cannot be changed: the input could not be "
            "read, so the run is incomplete (exit code 2)",
            where=where,
            code=code,
        )
    if not isinstance(level, str) or level not in LEVELS:
        raise ConfigError(
            "{where}: {code} must be one of {levels}, not {level!r}",
            where=where,
            code=code,
            levels=", ".join(LEVELS),
            level=level,
        )
    return code, Severity(level)


def parse_overrides(items: Iterable[str], where: str) -> dict[str, Severity]:
    """``CODE=LEVEL`` texts (the --severity option) as overrides."""
    overrides: dict[str, Severity] = {}
    for item in items:
        code, sep, level = item.partition("=")
        if not sep:
            raise ConfigError(
                "{where}: write CODE=LEVEL, e.g. unit-assumed=warning, not {item!r}",
                where=where,
                item=item,
            )
        key, value = parse_severity(code.strip(), level.strip(), where)
        overrides[key] = value
    return overrides


def apply_policy(report: Report, overrides: Mapping[str, Severity], fail_on: str) -> Report:
    """The report with the overridden severities and the --fail-on threshold in force."""
    findings = tuple(
        dataclasses.replace(f, severity=overrides[f.code]) if f.code in overrides else f
        for f in report.findings
    )
    return dataclasses.replace(report, findings=findings, fail_on=fail_on)
