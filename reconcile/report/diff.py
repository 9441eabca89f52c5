"""Renderers for ``reconcile diff``: the changed lines and the net effect, as text or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TextIO

from rich.table import Table
from rich.text import Text

from reconcile.codes import render_message
from reconcile.diff import Change, Diff, Entry
from reconcile.money import format_eur
from reconcile.report import RenderOptions
from reconcile.report.json import eur, finding_document
from reconcile.report.text import STYLE, _console

DIFF_VERSION = 1


def _key_text(change: Change) -> str:
    return ", ".join(f"{name} {value}" for name, value in change.key if value)


def _shown(entry: Entry | None, lang: str) -> str:
    if entry is None:
        return "–"
    return format_eur(entry.amount, lang) if entry.amount is not None else f'"{entry.text}"'


def _cell(entry: Entry | None) -> str | None:
    return None if entry is None or entry.cell.cell is None else str(entry.cell)


def render_diff_text(diff: Diff, stream: TextIO, options: RenderOptions) -> None:
    console = _console(stream, options)
    lang = options.lang
    console.print(Text(f"{diff.old.path} → {diff.new.path}", style="bold"))
    if diff.changes:
        table = Table(show_edge=False, header_style="bold", pad_edge=False)
        for name, justify in (
            ("Change", "left"),
            ("Line", "left"),
            ("Old", "right"),
            ("New", "right"),
            ("Difference", "right"),
            ("Cell", "left"),
        ):
            table.add_column(name, justify=justify)  # type: ignore[arg-type]
        for change in diff.changes:
            difference = change.difference
            entry = change.new or change.old
            table.add_row(
                change.change,
                _key_text(change),
                _shown(change.old, lang),
                _shown(change.new, lang),
                "–" if difference is None else format_eur(difference, lang),
                entry.cell.cell if entry and entry.cell.cell else "",
            )
        console.print(table)
        console.print()
        net = Table(show_edge=False, header_style="bold", pad_edge=False, title="Net effect")
        for name in ("Ministry", "Year", "V/U/O", "Moment"):
            net.add_column(name)
        net.add_column("New − old", justify="right")
        for key, amount in diff.net_effect.items():
            net.add_row(
                key.ministry,
                str(key.year or "–"),
                key.series or "–",
                key.moment or "–",
                format_eur(amount, lang),
            )
        console.print(net)
        console.print()
    for finding in diff.findings:
        line = Text(f"{finding.severity.value:<7} ", style=STYLE[finding.severity])
        line.append(f"{finding.location} [{finding.code}] {render_message(finding, lang)}")
        console.print(line, soft_wrap=True)
    counts = diff.counts
    if diff.incomplete:
        verdict = Text("INCOMPLETE: a file could not be read.", style="bold red")
    elif diff.changes:
        verdict = Text(
            f"DIFFERENT: {counts['added']} added, {counts['removed']} removed, "
            f"{counts['changed']} changed, {diff.unchanged} unchanged.",
            style="bold red",
        )
    else:
        verdict = Text(f"EQUAL: {diff.unchanged} lines, none changed.", style="bold green")
    console.print(verdict, soft_wrap=True)
    console.print(f"exit code {diff.exit_code}.")


def _side(entry: Entry | None) -> dict[str, Any] | None:
    if entry is None:
        return None
    return {
        "amount_eur": eur(entry.amount),
        "text": entry.text,
        "sheet": entry.cell.sheet,
        "cell": entry.cell.cell,
    }


def diff_document(diff: Diff, lang: str = "en") -> dict[str, Any]:
    """The diff as plain JSON-ready data; the JSON renderer and the tests share it."""
    return {
        "version": DIFF_VERSION,
        "command": "diff",
        "ok": diff.exit_code == 0,
        "exit_code": diff.exit_code,
        "old": {"path": diff.old.path, "sha256": diff.old.sha256, "layout": diff.old.layout},
        "new": {"path": diff.new.path, "sha256": diff.new.sha256, "layout": diff.new.layout},
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


def render_diff_json(diff: Diff, stream: TextIO, options: RenderOptions) -> None:
    json.dump(diff_document(diff, options.lang), stream, indent=2, ensure_ascii=False)
    stream.write("\n")


DIFF_RENDERERS: dict[str, Callable[[Diff, TextIO, RenderOptions], None]] = {
    "text": render_diff_text,
    "json": render_diff_json,
}

__all__ = ["DIFF_RENDERERS", "diff_document", "render_diff_json", "render_diff_text"]
