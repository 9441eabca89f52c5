"""The HTML report: one self-contained page (no scripts, no network) with the verdict, the
per-ministry table, the contributions chart as inline SVG and the findings with their cells.

Every text that comes from a workbook or an announcement goes through ``escape_html``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, TextIO

from reconcile.codes import format_value, render_message
from reconcile.i18n import tr
from reconcile.model import Finding, Severity
from reconcile.money import format_eur, unit_label
from reconcile.report import RenderOptions
from reconcile.report.chart import ContributionChart, contribution_chart
from reconcile.report.diff import CHANGE_HEADS, NET_HEADS, NUMERIC, change_rows, net_rows
from reconcile.report.record import Report
from reconcile.report.wording import (
    counted_text,
    counts_files,
    diff_verdict_text,
    share_of_file,
    share_text,
    subtotal_text,
    verdict_text,
)
from reconcile.report.years import ministry_years
from reconcile.safety import escape_html as esc

if TYPE_CHECKING:
    from reconcile.diff import Diff

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; max-width: 72rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.verdict { padding: .75rem 1rem; border-radius: .4rem; font-weight: 600; }
.verdict.ok { background: #e3f4e1; border: 1px solid #2e7d32; }
.verdict.fail { background: #fde7e7; border: 1px solid #c62828; }
table { border-collapse: collapse; margin-top: .5rem; }
th, td { border-bottom: 1px solid #ccc; padding: .3rem .6rem; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 600; border-top: 2px solid #1b1b1b; }
.error { color: #c62828; font-weight: 600; } .warning { color: #a15c00; } .info { color: #1565c0; }
code { font-size: .9em; }
svg text { font: 12px system-ui, sans-serif; }
td.path { overflow-wrap: anywhere; } td.num, th.num, td.keep, td code { white-space: nowrap; }
.tables { display: flex; flex-wrap: wrap; gap: 0 2rem; align-items: flex-start; }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 9pt; }
  .verdict { border-radius: 0; }
  .tables { display: block; }
  table { width: 100%; } thead { display: table-header-group; }
  tr { break-inside: avoid; } h2 { break-after: avoid; }
  svg { max-width: 100%; height: auto; }
}
"""
SEVERITY_CLASS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}

# The chart's geometry, in SVG user units.
LABEL_W, BAR_W, AMOUNT_W, ROW_H, BAR_H = 110, 480, 150, 24, 16


def render_html(report: Report, stream: TextIO, options: RenderOptions) -> None:
    lang = options.lang
    announcement = report.announcement
    title = tr("report-title", lang)
    if report.command == "check" and announcement is not None:
        title = f"{announcement.name}: {title}"
    parts = page_start(title, lang)
    counted = counted_text(report, lang)
    if counted is not None:
        parts.append(f"<p>{esc(counted)}</p>")
    verdict_class = "ok" if report.verdict_good else "fail"
    parts.append(
        f'<p id="verdict" class="verdict {verdict_class}">{esc(verdict_text(report, lang))}</p>'
    )
    if report.files:
        parts.append('<div class="tables">')
        parts += _files_table(report, lang)
        if report.totals is not None:
            parts += _years_table(report, lang)
        parts.append("</div>")
        parts += _profile_table(report, lang)
        if counts_files(report):  # open-data tables alone reserve nothing to chart
            parts.append(f"<h2>{esc(tr('chart-title', lang))}</h2>")
            parts.append(chart_svg(contribution_chart(report), lang))
    parts += findings_table(report.findings, lang)
    parts.append("</body></html>")
    stream.write("\n".join(parts) + "\n")


def page_start(title: str, lang: str) -> list[str]:
    """The page up to its heading: no scripts, nothing loaded from anywhere."""
    return [
        "<!DOCTYPE html>",
        f'<html lang="{esc(lang)}">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # No network: nothing may be loaded from anywhere, not even by accident.
        (
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; img-src data:\">"
        ),
        f"<title>{esc(title)}</title>",
        f"<style>{STYLE}</style></head>",
        "<body>",
        f"<h1>{esc(title)}</h1>",
    ]


def _files_table(report: Report, lang: str) -> list[str]:
    transfers = report.has_transfers  # what each transferred out and received
    moved = ["transferred-out", "received"] if transfers else []
    counts = counts_files(report)  # open-data tables alone: their layouts, no subtotals
    heads = [
        "ministry",
        "file",
        "chapter",
        "unit",
        "lines",
        *(["subtotal", *moved, "share"] if counts else ["layout", *moved]),
    ]
    numeric = {"lines", "subtotal", "share", *moved}
    rows = [
        '<table id="files"><thead><tr>'
        + "".join(
            f"<th{' class=num' if key in numeric else ''}>{esc(tr(key, lang))}</th>"
            for key in heads
        )
        + "</tr></thead><tbody>"
    ]
    for f in report.files_by_contribution():
        share = share_of_file(report, f, lang)
        reserved = subtotal_text(f, lang) if counts else f.layout or "–"
        cells = [
            f.ministry or "?",
            f.path,
            ", ".join(f.chapters) or "–",
            unit_label(f.unit, lang) if f.unit is not None else "–",
        ]
        amounts = (
            [format_eur(a, lang) for a in report.transfers_of(f.ministry)] if transfers else []
        )
        css = ["", ' class="path"', "", ' class="keep"']  # a path may break, a unit not
        rows.append(
            "<tr>"
            + "".join(f"<td{k}>{esc(c)}</td>" for k, c in zip(css, cells, strict=True))
            + f'<td class="num">{f.lines}</td>'
            + ('<td class="num">' if counts else "<td>")
            + esc(reserved)
            + "".join(f'</td><td class="num">{esc(a)}' for a in amounts)
            + (f'</td><td class="num">{esc(share)}' if counts else "")
            + "</td></tr>"
        )
    total = esc(format_eur(report.total, lang)) if counts else ""
    rows.append(
        f'<tr class="total"><td>{esc(tr("total", lang))}</td><td></td><td></td><td></td>'
        f'<td class="num">{report.lines_counted}</td>'
        f'<td class="num">{total}</td>'
        + "<td></td>" * len(moved)
        + (f'<td class="num">{share_text(report.share(report.total), lang)}</td>' if counts else "")
        + "</tr>"
    )
    rows.append("</tbody></table>")
    if any(f.layout is not None for f in report.files):
        rows.append(f'<p class="note">{esc(tr("open-data-note", lang))}</p>')
    return rows


def _profile_table(report: Report, lang: str) -> list[str]:
    """The profile per year after kasschuiven, when a line is more than a reservation."""
    totals = report.totals
    if totals is None or not report.shows_profile:
        return []
    rows = [
        f"<h2>{esc(tr('years-title', lang))}</h2>",
        (
            '<table id="profile"><thead><tr>'
            f"<th>{esc(tr('year', lang))}</th><th class=num>{esc(tr('counted', lang))}</th>"
            f"<th class=num>{esc(tr('of-which-kasschuif', lang))}</th></tr></thead><tbody>"
        ),
    ]
    for year, amount in totals.by_year.items():
        moved = totals.kasschuiven_by_year.get(year)
        rows.append(
            f'<tr><td>{year}</td><td class="num">{esc(format_eur(amount, lang))}</td>'
            f'<td class="num">{esc(format_eur(moved, lang) if moved else "–")}</td></tr>'
        )
    rows.append(
        f'<tr class="total"><td>{esc(tr("total", lang))}</td>'
        f'<td class="num">{esc(format_eur(totals.total, lang))}</td><td></td></tr>'
    )
    rows.append("</tbody></table>")
    return rows


def _years_table(report: Report, lang: str) -> list[str]:
    """Per ministry (rows) and year (columns), with totals: beside the per-ministry table."""
    assert report.totals is not None
    years, amounts = ministry_years(report)

    def row(label: str, cells: list[Decimal], total: Decimal, css: str = "") -> str:
        numbers = "".join(f'<td class="num">{esc(format_eur(c, lang))}</td>' for c in cells)
        total_cell = f'<td class="num">{esc(format_eur(total, lang))}</td>'
        return f"<tr{css}><td>{esc(label)}</td>{numbers}{total_cell}</tr>"

    heads = "".join(f'<th class="num">{year}</th>' for year in years)
    caption = esc(tr("by-ministry-year", lang))
    head = f"<th>{esc(tr('ministry', lang))}</th>{heads}"
    head += f'<th class="num">{esc(tr("total", lang))}</th>'
    out = [f'<table id="years"><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>']
    for ministry, total in report.totals.by_ministry.items():
        cells = [amounts.get((ministry, year), Decimal(0)) for year in years]
        out.append(row(ministry, cells, total))
    by_year = [report.totals.by_year.get(year, Decimal(0)) for year in years]
    out.append(row(tr("total", lang), by_year, report.totals.total, ' class="total"'))
    out.append("</tbody></table>")
    return out


def chart_svg(chart: ContributionChart, lang: str) -> str:
    """Horizontal bars per ministry and for the total, with the announced band behind them."""
    rows = [*chart.bars, (tr("total", lang), chart.total)]
    height = ROW_H * (len(rows) + 1) + 10
    width = LABEL_W + BAR_W + AMOUNT_W
    out = [
        (
            f'<svg id="chart" xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}">'
        ),
        f"<title>{esc(tr('chart-title', lang))}</title>",
    ]
    if chart.band is not None:
        low = LABEL_W + chart.fraction(chart.band.low) * BAR_W
        high_amount = chart.band.high if chart.band.high is not None else chart.scale
        high = LABEL_W + chart.fraction(high_amount) * BAR_W
        band_text = f"{tr('band', lang)}: {format_value(chart.band, lang)}"
        out.append(
            f'<rect class="band" x="{low:.1f}" y="0" width="{max(high - low, 1):.1f}" '
            f'height="{ROW_H * len(rows):.1f}" fill="#fff3c4" stroke="#c9a400">'
            f"<title>{esc(band_text)}</title></rect>"
        )
        out.append(f'<text x="{LABEL_W}" y="{ROW_H * len(rows) + 16}">{esc(band_text)}</text>')
    for index, (name, amount) in enumerate(rows):
        is_total = index == len(rows) - 1
        y = index * ROW_H + (ROW_H - BAR_H) / 2
        colour = "#1565c0"
        if is_total and chart.inside is not None:
            colour = "#2e7d32" if chart.inside else "#c62828"
        bar = chart.fraction(amount) * BAR_W
        amount_text = format_eur(amount, lang)
        out += [
            f'<text x="0" y="{y + BAR_H - 3:.1f}">{esc(name)}</text>',
            (
                f'<rect class="{"total" if is_total else "bar"}" x="{LABEL_W}" y="{y:.1f}" '
                f'width="{bar:.1f}" height="{BAR_H}" fill="{colour}">'
                f"<title>{esc(name)}: {esc(amount_text)}</title></rect>"
            ),
            (
                f'<text x="{LABEL_W + BAR_W + AMOUNT_W - 4}" y="{y + BAR_H - 3:.1f}" '
                f'text-anchor="end">{esc(amount_text)}</text>'
            ),
        ]
    out.append("</svg>")
    return "\n".join(out)


def findings_table(findings: tuple[Finding, ...], lang: str) -> list[str]:
    out = [f"<h2>{esc(tr('findings', lang))}</h2>"]
    if not findings:
        return [*out, f"<p>{esc(tr('no-findings', lang))}</p>"]
    heads = ["file", "location", "severity", "code", "message"]
    out.append(
        '<table id="findings"><thead><tr>'
        + "".join(f"<th>{esc(tr(key, lang))}</th>" for key in heads)
        + "</tr></thead><tbody>"
    )
    for finding in findings:
        loc = finding.location
        css = SEVERITY_CLASS[finding.severity]
        out.append(
            f'<tr><td class="path">{esc(loc.file)}</td><td><code>{esc(loc.place)}</code></td>'
            f'<td class="{css} keep">{esc(tr(finding.severity.value, lang))}</td>'
            f"<td><code>{esc(finding.code)}</code></td>"
            f"<td>{esc(render_message(finding, lang))}</td></tr>"
        )
    out.append("</tbody></table>")
    return out


# --- reconcile diff -----------------------------------------------------------------


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
