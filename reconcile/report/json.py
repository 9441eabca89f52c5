"""The JSON documents: the report, the finding codes and the layouts; amounts as decimal
strings in euros, stable key order. Each has a JSON Schema in reconcile/data/."""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

from reconcile.codes import CODES, render_message, texts_of
from reconcile.model import Finding, Interval, Severity
from reconcile.money import format_plain
from reconcile.report.record import Report

if TYPE_CHECKING:
    from reconcile.diff import Diff, Entry, Version
    from reconcile.read.layouts import Layout

REPORT_VERSION = 2  # 2: line kinds (totals' transfers and profiles, files' kinds, mutations)
CODES_VERSION = 1
LAYOUTS_VERSION = 2  # 2: an amount column's "year", "series" and "above"


def eur(amount: Decimal | None) -> str | None:
    """An amount as JSON writes it: a decimal string in euros ("69400000.00"), or null."""
    return None if amount is None else format_plain(amount)


def finding_document(finding: Finding, lang: str) -> dict[str, Any]:
    """One finding as every JSON document writes it (reports and diffs alike)."""
    loc = finding.location
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": render_message(finding, lang),
        "file": loc.file,
        "sheet": loc.sheet,
        "cell": loc.cell,
    }


def _interval(interval: Interval) -> dict[str, str | None]:
    return {"min_eur": eur(interval.low), "max_eur": eur(interval.high)}


def _by_year(amounts: Mapping[int, Decimal]) -> dict[str, str | None]:
    return {str(year): eur(amount) for year, amount in amounts.items()}


def report_document(report: Report, lang: str = "en") -> dict[str, Any]:
    """The report as plain JSON-ready data; the JSON renderer and the tests share it."""
    announcement = report.announcement
    doc: dict[str, Any] = {
        "version": REPORT_VERSION,
        "command": report.command,
        "ok": report.ok,
        "exit_code": report.exit_code,
        "announcement": None,
        "totals": None,
    }
    if announcement is not None:
        target = announcement.target_amount
        doc["announcement"] = {
            "name": announcement.name,
            "source": announcement.source,
            "origin": announcement.origin,
            "target": announcement.target,
            "text": target.text,
            **_interval(target.interval),
            "series": announcement.series,
            "years": list(announcement.years),
            "band": str(announcement.band),
            "expected": list(announcement.expected),
            "largest": list(announcement.largest),
            "amounts": {
                key: {"text": amount.text, **_interval(amount.interval)}
                for key, amount in announcement.amounts.items()
            },
        }
    if report.totals is not None and report.target is not None:
        totals = report.totals
        doc["totals"] = {
            "total_eur": eur(totals.total),
            "difference_eur": eur(report.difference),
            "by_ministry": {code: eur(amount) for code, amount in totals.by_ministry.items()},
            "by_year": _by_year(totals.by_year),
            "transferred_out": {code: eur(a) for code, a in totals.transferred_out.items()},
            "received": {code: eur(a) for code, a in totals.received.items()},
            "by_ministry_year": {
                code: _by_year(years) for code, years in totals.by_ministry_year.items()
            },
        }
    kinds = report.kinds_by_file()
    doc["files"] = [
        {
            "path": f.path,
            "sha256": f.sha256,
            "ministry": f.ministry,
            "sheet": f.sheet,
            "shape": f.shape,
            "layout": f.layout,
            "unit_eur": eur(f.unit),
            "chapters": list(f.chapters),
            "lines": f.lines,
            "total_eur": eur(f.total),
            "kinds": {
                kind: {"lines": count, "amount_eur": eur(amount)}
                for kind, (count, amount) in kinds.get(f.path, {}).items()
            },
        }
        for f in report.files
    ]
    doc["mutations"] = [
        {
            "file": line.source.file,
            "sheet": line.source.sheet,
            "cell": line.source.cell,
            "ministry": line.ministry,
            "year": line.year,
            "amount_eur": eur(line.amount),
            "kind": line.kind,
            "told": line.told,
            "counterpart": line.counterpart,
        }
        for line in report.lines
        if line.told != "default"
    ]
    doc["findings"] = [finding_document(f, lang) for f in report.findings]
    doc["summary"] = {
        "errors": report.errors,
        "warnings": report.warnings,
        "info": sum(1 for f in report.findings if f.severity is Severity.INFO),
    }
    return doc


def render_json(report: Report, stream: TextIO, options: Any) -> None:
    write_json(report_document(report, options.lang), stream)


def codes_document(lang: str = "en") -> dict[str, Any]:
    """Every finding code (`reconcile codes --format json`): the catalogue, in ``lang``."""
    codes = []
    for code in CODES.values():
        template, explanation = texts_of(code.code, lang)
        codes.append(
            {
                "code": code.code,
                "severity": code.severity.value,
                "stage": code.stage,
                "fatal": code.fatal,
                "template": template,
                "explanation": explanation,
            }
        )
    return {"version": CODES_VERSION, "codes": codes}


def layouts_document(layouts: list[Layout]) -> dict[str, Any]:
    """The built-in layouts (`reconcile layouts --format json`): how each is recognised."""
    return {
        "version": LAYOUTS_VERSION,
        "layouts": [
            {
                "name": layout.name,
                "title": layout.title,
                "unit_eur": eur(layout.unit.euros),
                "numbers": layout.numbers,
                "source": layout.source,
                "columns": {name: list(labels) for name, labels in layout.columns.items()},
                "amounts": [
                    {
                        "name": a.name,
                        "labels": list(a.labels),
                        "year_offset": a.year_offset,
                        "year": a.year,
                        "series": a.series,
                        "above": list(a.above),
                    }
                    for a in layout.amounts
                ],
            }
            for layout in layouts
        ],
    }


def write_json(document: Any, stream: TextIO) -> None:
    """A JSON document as reconcile writes every one: indented, UTF-8 text, a final newline."""
    json.dump(document, stream, indent=2, ensure_ascii=False)
    stream.write("\n")


# --- reconcile diff -----------------------------------------------------------------

DIFF_VERSION = 1


def _side(entry: Entry | None) -> dict[str, Any] | None:
    if entry is None:
        return None
    return {
        "amount_eur": eur(entry.amount),
        "text": entry.text,
        "sheet": entry.cell.sheet,
        "cell": entry.cell.cell,
    }


def _version(version: Version) -> dict[str, Any]:
    return {
        "path": version.path,
        "sha256": version.sha256,
        "shape": version.shape,
        "layout": version.layout,
    }


def diff_document(diff: Diff, lang: str = "en") -> dict[str, Any]:
    """The diff as plain JSON-ready data; the JSON renderer and the tests share it."""
    return {
        "version": DIFF_VERSION,
        "command": "diff",
        "ok": diff.exit_code == 0,
        "exit_code": diff.exit_code,
        "old": _version(diff.old),
        "new": _version(diff.new),
        "summary": {**diff.counts, "unchanged": diff.unchanged},
        "changes": [
            {
                "change": change.change,
                "key": dict(change.key),
                "ministry": change.ministry,
                "year": change.year,
                "old": _side(change.old),
                "new": _side(change.new),
                "difference_eur": eur(change.difference),
            }
            for change in diff.changes
        ],
        "net_effect": [
            {**key._asdict(), "difference_eur": eur(amount)}
            for key, amount in diff.net_effect.items()
        ],
        "findings": [finding_document(f, lang) for f in diff.findings],
    }


def render_diff_json(diff: Diff, stream: TextIO, options: Any) -> None:
    write_json(diff_document(diff, options.lang), stream)
