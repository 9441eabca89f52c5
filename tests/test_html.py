"""--format html: one self-contained page, read back with a parser and in a real browser."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reconcile import pipeline
from reconcile.cli import cli
from reconcile.report import RENDERERS, RenderOptions
from tests.builders import write_workbook

EXAMPLE = "examples/ai-fabriek-with-errors"


class Page(HTMLParser):
    """What a reader of the page sees: texts by element id, table rows, SVG shapes, links."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.text_by_id: dict[str, str] = {}
        self.rows: dict[str, list[list[str]]] = {}
        self.shapes: list[dict[str, str | None]] = []
        self.external: list[str] = []
        self.scripts = 0
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.stack.append((tag, attributes))
        for name in ("src", "href"):
            if attributes.get(name):
                self.external.append(str(attributes[name]))
        if tag == "script":
            self.scripts += 1
        if tag == "rect":
            self.shapes.append(attributes)
        table = self._table()
        if tag == "tr" and table:
            self.rows.setdefault(table, []).append([])
        if tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._table():
            self.rows[self._table()][-1].append("".join(self._cell).strip())
            self._cell = None
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        for _, attributes in self.stack:
            if attributes.get("id"):
                key = str(attributes["id"])
                self.text_by_id[key] = self.text_by_id.get(key, "") + data

    def _table(self) -> str:
        for tag, attributes in reversed(self.stack):
            if tag == "table":
                return str(attributes.get("id"))
        return ""


def _html(paths: list[str], lang: str = "en") -> str:
    announcement = pipeline.find_announcement(paths, None)
    report = pipeline.check(paths, announcement)
    out = io.StringIO()
    RENDERERS["html"](report, out, RenderOptions(lang=lang))
    return out.getvalue()


def _page(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


# The per-ministry table's heads when a set has overboekingen (docs/en/workbooks.md, "How money
# is counted").
FILES_HEAD_WITH_TRANSFERS = [
    "Ministry",
    "File",
    "Chapter",
    "Unit",
    "Lines",
    "Subtotal",
    "Transferred out",
    "Received",
    "Share",
]


def test_html_report_shows_transfers_and_the_profile_after_kasschuiven() -> None:
    page = _page(_html(["examples/ai-fabriek-overboekingen"]))
    files = page.rows["files"]
    assert files[0] == FILES_HEAD_WITH_TRANSFERS
    ez = next(row for row in files if row[0] == "EZ")
    assert ez[5:8] == ["EUR 25,000,000", "EUR 0", "EUR 44,400,000"]  # received: not counted
    assert page.rows["profile"][1:3] == [
        ["2025", "EUR 5,100,000", "EUR 5,100,000"],  # EZ's kasschuif into 2025
        ["2026", "EUR 22,050,000", "-EUR 5,100,000"],
    ]
    assert page.rows["profile"][-1] == ["Total", "EUR 69,400,000", ""]


def test_html_report_shows_verdict_table_chart_and_findings() -> None:
    page = _page(_html([EXAMPLE]))
    assert page.text_by_id["verdict"].startswith("NOT RECONCILED: total EUR 65,500,000")
    files = page.rows["files"]
    # OCW's overboeking naar EZ: what each transferred out and received
    assert files[0] == FILES_HEAD_WITH_TRANSFERS
    assert files[1][:2] == ["EZ", f"{EXAMPLE}/EZ.xlsx"] and files[1][5] == "EUR 31,100,000"
    assert files[-1][0] == "Total" and files[-1][5] == "EUR 65,500,000"
    bars = [s for s in page.shapes if s.get("class") in ("bar", "total")]
    assert len(bars) == 6 + 1
    assert [s.get("class") for s in page.shapes].count("band") == 1
    findings = page.rows["findings"]
    assert findings[[row[3] for row in findings].index("amount-not-a-number")][:3] == [
        "examples/ai-fabriek-with-errors/OCW.xlsx",
        "Reservering!E6",
        "error",
    ]
    assert page.external == [] and page.scripts == 0  # nothing to fetch, nothing to run


def test_html_report_in_dutch() -> None:
    page = _page(_html(["examples/ai-fabriek"], "nl"))
    assert page.text_by_id["verdict"].startswith("SLUIT AAN: totaal € 69.400.000")
    assert page.rows["files"][0][0] == "Ministerie"


def test_workbook_text_is_escaped(tmp_path: Path) -> None:
    hostile = '<script>alert("x")</script><img src=x>'
    path = write_workbook(
        tmp_path / "OCW.xlsx",
        {
            "<svg onload=x>": [
                ["Ministerie van Onderwijs, Cultuur en Wetenschap"],
                ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"],
                ["VIII", 16, "AI", 2026, hostile],
            ]
        },
    )
    text = _html([str(path)])
    assert "<script" not in text and "<img" not in text and "<svg onload" not in text
    page = _page(text)
    assert page.scripts == 0 and page.external == []
    assert any(hostile in " ".join(row) for row in page.rows["findings"])
    assert any("<svg onload=x>!E3" in row for row in page.rows["findings"])


def test_text_reordering_marks_are_shown_not_obeyed(tmp_path: Path) -> None:
    # "abc\u202egnp.xlsx" shows in a browser as "abcxslx.png": a file or sheet name, or a
    # cell, could pose as another; the terminal and the CI log show such marks as escapes
    spoof = "abc\u202egnp"
    path = write_workbook(
        tmp_path / f"OCW {spoof}.xlsx",
        {
            f"Blad {spoof}": [
                ["Ministerie van Onderwijs, Cultuur en Wetenschap"],
                ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"],
                ["VIII", 16, "AI", 2026, f"Kasschuif {spoof}"],
            ]
        },
    )
    text = _html([str(path)])
    assert "\u202e" not in text
    assert "abc\\u202egnp" in text


def test_html_report_through_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["check", EXAMPLE, "--format", "html", "-o", str(out)])
    assert result.exit_code == 1
    assert _page(out.read_text("utf-8")).text_by_id["verdict"].startswith("NOT RECONCILED")


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _browser() -> str:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run installs it so this test runs in CI")
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    return CHROMIUM


def _run_browser(browser: str, tmp_path: Path, *args: str) -> Any:
    """Headless chromium with a profile of its own and nothing fetched on the side."""
    result = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def test_html_report_opens_in_a_real_browser(tmp_path: Path) -> None:
    browser = _browser()
    page = tmp_path / "report.html"
    page.write_text(_html([EXAMPLE]), "utf-8")
    result = _run_browser(browser, tmp_path, "--dump-dom", page.as_uri())
    dom: Any = _page(result.stdout)
    assert dom.text_by_id["verdict"].startswith("NOT RECONCILED: total EUR 65,500,000")
    assert dom.rows["files"][-1][0] == "Total" and len(dom.rows["files"]) == 8
    assert len([s for s in dom.shapes if s.get("class") in ("bar", "total", "band")]) == 8
    assert "Contributions against the announced band" in dom.text_by_id["chart"]


def test_html_report_shows_the_per_year_table_beside_the_per_ministry_one() -> None:
    page = _page(_html(["examples/ai-fabriek"]))
    years = page.rows["years"]
    assert years[0] == ["Ministry", "2025", "2026", "2027", "2028", "2029", "2030", "Total"]
    assert next(row for row in years if row[0] == "EZ")[:2] == ["EZ", "EUR 5,100,000"]
    assert years[-1][0] == "Total" and years[-1][-1] == "EUR 69,400,000"


def test_html_per_year_table_counts_money_once_where_ministries_transfer() -> None:
    # EZ receives EUR 44,400,000 from the others: shown in their rows, not again in EZ's
    years = _page(_html(["examples/ai-fabriek-overboekingen"])).rows["years"]

    def euros(text: str) -> int:
        return int(text.removeprefix("-").removeprefix("EUR ").replace(",", "")) * (
            -1 if text.startswith("-") else 1
        )

    rows = {row[0]: row[1:] for row in years[1:]}
    assert rows["EZ"][-1] == "EUR 25,000,000" and rows["Total"][-1] == "EUR 69,400,000"
    for name, cells in rows.items():  # each row's years add up to its total
        assert sum(map(euros, cells[:-1])) == euros(cells[-1]), name


def test_html_report_prints_on_a4_with_the_heads_repeated() -> None:
    text = _html([EXAMPLE])
    assert "@page { size: A4;" in text
    assert "thead { display: table-header-group; }" in text
    assert "td.num, th.num, td.keep, td code { white-space: nowrap; }" in text  # amounts whole


def test_html_report_prints_to_pdf_in_a_real_browser(tmp_path: Path) -> None:
    browser = _browser()
    page = tmp_path / "report.html"
    page.write_text(_html([EXAMPLE]), "utf-8")
    pdf = tmp_path / "report.pdf"
    _run_browser(
        browser, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()
    )
    # A4 in points (595 x 842), as the page's @page rule asks: the MediaBox of every page.
    boxes = re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", pdf.read_bytes())
    assert boxes and {(round(float(w)), round(float(h))) for w, h in boxes} == {(595, 842)}
