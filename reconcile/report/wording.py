"""Sentences several renderers share: the verdict, what a check counted, the counts with the
exit code, a share, a severity. Plain text in the run's language; each renderer styles or
escapes it for its medium (rich for the terminal, HTML, Markdown, workflow commands).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from reconcile.codes import format_value
from reconcile.i18n import pgettext, tr
from reconcile.model import FileResult, Severity
from reconcile.money import format_eur
from reconcile.report.record import Report

if TYPE_CHECKING:
    from reconcile.diff import Diff


def verdict_text(report: Report, lang: str) -> str:
    """Report.verdict as one sentence in ``lang``."""
    verdict = report.verdict
    if verdict == "incomplete-files":
        return tr("verdict-incomplete-files", lang)
    if verdict in ("valid", "not-valid"):
        return tr(f"verdict-{verdict}", lang, errors=report.errors)
    assert report.target is not None and report.totals is not None
    where = tr(
        "verdict-where",  # the announcement's text: made visible where the verdict is shown
        lang,
        total=format_eur(report.totals.total, lang),
        text=report.target.text,
        interval=format_value(report.target.interval, lang),
    )
    if verdict in ("incomplete", "reconciled"):
        return tr(f"verdict-{verdict}", lang, where=where)
    reason = tr("reason-inside" if verdict.endswith("inside") else "reason-outside", lang)
    return tr("verdict-not-reconciled", lang, where=where, reason=reason)


def counted_text(report: Report, lang: str) -> str | None:
    """What a check counts: "(announcement: ...; counted: series U, 2025–2030)"; None else."""
    announcement = report.announcement
    if report.command != "check" or announcement is None:
        return None
    years = announcement.years
    return tr(
        "header",
        lang,
        origin=announcement.origin,
        series=announcement.series,
        first=years[0],
        last=years[-1],
    )


def counts_text(report: Report, lang: str) -> str:
    """ "2 errors, 1 warning, 0 notes; exit code 1." in ``lang``."""
    return tr(
        "counts",
        lang,
        errors=report.errors,
        warnings=report.warnings,
        notes=report.notes,
        code=report.exit_code,
    )


def share_text(share: Decimal | None, lang: str = "en") -> str:
    """A share (``Report.share``) as a person reads it: "36.0 %", in Dutch "36,0 %"."""
    if share is None:
        return "–"
    return f"{share} %".replace(".", pgettext("decimal mark", ".", lang))


def counts_files(report: Report) -> bool:
    """Whether the file table shows what each file reserves (subtotal, share): not when every
    file is an open-data table read with a layout (begrotingsstaten, B-tables), which is
    checked and reserves nothing; the table then names each file's layout instead."""
    return not report.files or any(f.layout is None for f in report.files)


def subtotal_text(file: FileResult, lang: str) -> str:
    """What a file reserves, "–" for an open-data table: it reserves nothing (not EUR 0)."""
    return "–" if file.layout is not None else format_eur(file.total, lang)


def share_of_file(report: Report, file: FileResult, lang: str) -> str:
    """A file's share of the announcement, "–" for an open-data table."""
    return "–" if file.layout is not None else share_text(report.share(file.total), lang)


def severity_label(severity: Severity, lang: str) -> str:
    """The severity as a word of ``lang``, padded to the longest one so messages line up."""
    width = max(len(tr(s.value, lang)) for s in Severity)
    return f"{tr(severity.value, lang):<{width}}"


def diff_verdict_text(diff: Diff, lang: str = "en") -> str:
    """Diff.verdict as one sentence in ``lang``, with the counts."""
    return tr(f"diff-verdict-{diff.verdict}", lang, **diff.counts, unchanged=diff.unchanged)


def exit_text(diff: Diff, lang: str) -> str:
    """ "Exit code 1." for a diff, in ``lang``."""
    return tr("exit-code", lang, code=diff.exit_code)


__all__ = [
    "counted_text",
    "counts_files",
    "counts_text",
    "diff_verdict_text",
    "exit_text",
    "severity_label",
    "share_of_file",
    "share_text",
    "subtotal_text",
    "verdict_text",
]
