"""Renderers for ``reconcile diff``: the changed lines and the net effect, in every format
``check`` writes: text, JSON, JUnit XML, GitHub annotations (with a job summary), GitLab Code
Quality and HTML.

They share the machinery of the report renderers: a change is also a finding
(``Change.finding``), so annotations and JUnit test cases show changes as they show findings.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from typing import Any, TextIO

from rich.table import Table
from rich.text import Text

from reconcile.codes import render_message
from reconcile.diff import CHANGE_CODES, Change, Diff, Entry, Version
from reconcile.i18n import field_name, tr
from reconcile.money import format_eur
from reconcile.report import RenderOptions, repository_path
from reconcile.report.github import (
    command_text,
    findings_pieces,
    markdown_head,
    table_pieces,
    write_annotations,
    write_summary,
)
from reconcile.report.gitlab import write_code_quality
from reconcile.report.html import findings_table, page_start
from reconcile.report.json import eur, finding_document, write_json
from reconcile.report.junit import file_checks, suite, write_testsuites
from reconcile.report.text import GOOD, STYLE, console_for, inert
from reconcile.report.wording import diff_verdict_text, exit_text, severity_label
from reconcile.safety import escape_html as esc
from reconcile.safety import markdown_text as markdown_cell
from reconcile.safety import visible

DIFF_VERSION = 1
# The tables' columns, as keys of reconcile.i18n.TEXTS: the headings follow the language.
CHANGE_HEADS = ("diff-change", "diff-line", "diff-old", "diff-new", "diff-difference", "cell")
NET_HEADS = ("ministry", "year", "diff-series", "diff-moment", "diff-new-minus-old")
NUMERIC = {"diff-old", "diff-new", "diff-difference", "diff-new-minus-old"}  # right-aligned


def _key_text(change: Change, lang: str) -> str:
    return ", ".join(f"{field_name(name, lang)} {value}" for name, value in change.key if value)


def _shown(entry: Entry | None, lang: str) -> str:
    if entry is None:
        return "–"
    return format_eur(entry.amount, lang) if entry.amount is not None else f'"{entry.text}"'


def change_rows(diff: Diff, lang: str) -> list[tuple[str, ...]]:
    """A row per change, in the order of CHANGE_HEADS."""
    rows: list[tuple[str, ...]] = []
    for change in diff.changes:
        difference = change.difference
        entry = change.new or change.old
        rows.append(
            (
                tr(f"diff-{change.change}", lang),
                _key_text(change, lang),
                _shown(change.old, lang),
                _shown(change.new, lang),
                "–" if difference is None else format_eur(difference, lang),
                entry.cell.place if entry else "",
            )
        )
    return rows


def net_rows(diff: Diff, lang: str) -> list[tuple[str, ...]]:
    """A row per ministry, year, series and moment, in the order of NET_HEADS."""
    return [
        (
            key.ministry,
            str(key.year or "–"),
            key.series or "–",
            key.moment or "–",
            format_eur(amount, lang),
        )
        for key, amount in diff.net_effect.items()
    ]


def _rich_table(
    heads: tuple[str, ...], rows: list[tuple[str, ...]], lang: str, title: str = ""
) -> Table:
    table = Table(show_edge=False, header_style="bold", pad_edge=False, title=title or None)
    for key in heads:
        table.add_column(tr(key, lang), justify="right" if key in NUMERIC else "left")
    for row in rows:
        table.add_row(*(inert(value) for value in row))  # workbook text, never rich markup
    return table


def render_diff_text(diff: Diff, stream: TextIO, options: RenderOptions) -> None:
    console = console_for(stream, options)
    lang = options.lang
    console.print(inert(f"{diff.old.path} → {diff.new.path}", style="bold"))
    if diff.changes:
        console.print(_rich_table(CHANGE_HEADS, change_rows(diff, lang), lang))
        console.print()
    if diff.net_effect:  # none when every change involves a PM: those are never counted
        net_title = tr("diff-net-effect", lang)
        console.print(_rich_table(NET_HEADS, net_rows(diff, lang), lang, title=net_title))
        console.print()
    for finding in diff.findings:
        line = Text(f"{severity_label(finding.severity, lang)} ", style=STYLE[finding.severity])
        line.append(visible(f"{finding.location} [{finding.code}] {render_message(finding, lang)}"))
        console.print(line, soft_wrap=True)
    style = GOOD if diff.verdict == "equal" else "bold red"
    console.print(Text(diff_verdict_text(diff, lang), style=style), soft_wrap=True)
    console.print(Text(exit_text(diff, lang)))


def render_diff_github(diff: Diff, stream: TextIO, options: RenderOptions) -> None:
    """An annotation per change (at its cell) and per reading finding, then the verdict."""
    lang = options.lang
    write_annotations(diff.all_findings, stream, options)
    stream.write(f"{command_text(diff_verdict_text(diff, lang))}\n")
    stream.write(f"{command_text(exit_text(diff, lang))}\n")


def render_diff_gitlab(diff: Diff, stream: TextIO, options: RenderOptions) -> None:
    """A Code Quality row per change (at its cell) and per reading finding."""
    write_code_quality(diff.all_findings, stream, options)


def _markdown_table(heads: tuple[str, ...], rows: list[tuple[str, ...]], lang: str) -> str:
    return markdown_head([tr(h, lang) for h in heads], [h in NUMERIC for h in heads]) + "".join(
        _markdown_row(row) for row in rows
    )


def _markdown_row(row: tuple[str, ...]) -> str:
    return "| " + " | ".join(markdown_cell(value) for value in row) + " |\n"


def render_diff_github_summary(diff: Diff, stream: TextIO, options: RenderOptions) -> None:
    """The job summary: the verdict and the net effect, then every change and every reading
    finding (within GitHub's 1 MiB; what does not fit is counted)."""
    lang = options.lang
    old = repository_path(diff.old.path, options.workspace)
    new = repository_path(diff.new.path, options.workspace)
    head = f"## reconcile diff: {markdown_cell(old)} → {markdown_cell(new)}\n\n"
    head += f"**{markdown_cell(diff_verdict_text(diff, lang))}**\n\n"
    if diff.net_effect:
        head += f"{tr('diff-net-effect', lang)}:\n\n"
        head += _markdown_table(NET_HEADS, net_rows(diff, lang), lang) + "\n"
    change_head = markdown_head(
        [tr(h, lang) for h in CHANGE_HEADS], [h in NUMERIC for h in CHANGE_HEADS]
    )
    changes = table_pieces("", change_head, map(_markdown_row, change_rows(diff, lang)))
    pieces = itertools.chain(changes, findings_pieces(diff.findings, options))
    count = len(diff.changes) + len(diff.findings)
    write_summary(head, pieces, count, f"{exit_text(diff, lang)}\n\n", stream, options)


def render_diff_junit(diff: Diff, stream: TextIO, options: RenderOptions) -> None:
    """A suite per file (reading it) and a suite "diff" whose cases are the kinds of change:
    each fails, listing its lines, when the versions differ that way."""
    root = ET.Element("testsuites", name="reconcile diff")
    counts = []
    for path in dict.fromkeys((diff.old.path, diff.new.path)):
        own = [f for f in diff.findings if f.location.file == path]
        name = repository_path(path, options.workspace)
        ran = file_checks(own, ("read",))
        counts.append(suite(root, name, name, ran, own, diff.fails, options.lang))
    changes = [change.finding for change in diff.changes]
    checks = () if diff.incomplete else CHANGE_CODES  # nothing was compared: nothing passed
    new = repository_path(diff.new.path, options.workspace)
    counts.append(
        suite(root, "diff", new, checks, changes, diff.fails, options.lang, lambda f: f.code)
    )
    write_testsuites(root, counts, stream)


def _html_table(
    name: str, heads: tuple[str, ...], rows: list[tuple[str, ...]], lang: str
) -> list[str]:
    def cell(tag: str, head: str, value: str) -> str:
        css = ' class="num"' if head in NUMERIC else ""
        return f"<{tag}{css}>{esc(value)}</{tag}>"

    out = [f'<table id="{name}"><thead><tr>']
    out[0] += "".join(cell("th", key, tr(key, lang)) for key in heads) + "</tr></thead><tbody>"
    out += [
        "<tr>" + "".join(cell("td", h, v) for h, v in zip(heads, row, strict=True)) + "</tr>"
        for row in rows
    ]
    out.append("</tbody></table>")
    return out


def render_diff_html(diff: Diff, stream: TextIO, options: RenderOptions) -> None:
    """One self-contained page: the verdict, the changes, the net effect, reading's findings."""
    lang = options.lang
    parts = page_start(f"reconcile diff: {diff.old.path} → {diff.new.path}", lang)
    css = "ok" if diff.verdict == "equal" else "fail"
    verdict = esc(diff_verdict_text(diff, lang))
    parts.append(f'<p id="verdict" class="verdict {css}">{verdict}</p>')
    if diff.changes:
        parts.append(f"<h2>{esc(tr('diff-changes', lang))}</h2>")
        parts += _html_table("changes", CHANGE_HEADS, change_rows(diff, lang), lang)
    if diff.net_effect:
        parts.append(f"<h2>{esc(tr('diff-net-effect', lang))}</h2>")
        parts += _html_table("net-effect", NET_HEADS, net_rows(diff, lang), lang)
    parts += findings_table(diff.findings, lang)
    parts.append("</body></html>")
    stream.write("\n".join(parts) + "\n")


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


def render_diff_json(diff: Diff, stream: TextIO, options: RenderOptions) -> None:
    write_json(diff_document(diff, options.lang), stream)


__all__ = [
    "diff_document",
    "render_diff_github",
    "render_diff_github_summary",
    "render_diff_gitlab",
    "render_diff_html",
    "render_diff_json",
    "render_diff_junit",
    "render_diff_text",
]
