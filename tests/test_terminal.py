"""The terminal report's chart of contributions against the band, and the reading progress bar."""

from __future__ import annotations

import io

import pytest

from reconcile import pipeline
from reconcile.report import RENDERERS, RenderOptions
from reconcile.report.chart import contribution_chart
from reconcile.report.progress import ReadProgress, progress_wanted


def _report(folder: str) -> object:
    return pipeline.check([folder], pipeline.find_announcement([folder], None))


def _text(report: object, **options: object) -> str:
    out = io.StringIO()
    RENDERERS["text"](report, out, RenderOptions(color=False, **options))  # type: ignore[arg-type]
    return out.getvalue()


def test_chart_shows_each_contribution_the_total_and_the_band() -> None:
    text = _text(_report("examples/ai-fabriek"), lang="en", chart=True)
    lines = text.splitlines()
    start = lines.index("Contributions against the announced band")
    chart = lines[start + 1 : start + 9]
    assert [line.split()[0] for line in chart] == [
        "EZ", "Defensie", "OCW", "BZK", "VWS", "LVVN", "Total", "Announced",
    ]  # fmt: skip
    bars = {line.split()[0]: line.split()[1] for line in chart[:7]}
    assert len(bars["Total"]) > len(bars["EZ"]) > len(bars["Defensie"]) > len(bars["LVVN"])
    assert chart[6].endswith("EUR 69,400,000")
    band = chart[7]
    total_end = chart[6].index(bars["Total"]) + len(bars["Total"])
    # the total's bar ends inside the band: between its left and right ends
    assert band.index("┣") <= total_end <= band.index("┫") + 1


def test_chart_is_only_drawn_on_a_terminal_unless_asked() -> None:
    report = _report("examples/ai-fabriek")
    assert "Contributions against" not in _text(report)  # a buffer is not a terminal
    assert "Bijdragen tegenover de aangekondigde bandbreedte" in _text(
        report, lang="nl", chart=True
    )


def test_chart_scale_holds_the_band_and_the_total() -> None:
    chart = contribution_chart(_report("examples/ai-fabriek-with-errors"))  # type: ignore[arg-type]
    assert chart.band is not None and chart.scale == chart.band.high == 70_000_000
    assert chart.inside is False
    assert chart.fraction(chart.total) == pytest.approx(65.5 / 70)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stream", "environ", "wanted"),
    [
        (Terminal(), {}, True),
        (Terminal(), {"CI": "true"}, False),
        (Terminal(), {"TERM": "dumb"}, False),
        (io.StringIO(), {}, False),
    ],
)
def test_progress_only_for_a_person_at_a_terminal(
    stream: io.StringIO, environ: dict[str, str], wanted: bool
) -> None:
    assert progress_wanted(stream, environ) is wanted


def test_progress_appears_only_when_reading_takes_more_than_a_moment() -> None:
    now = [0.0]
    stream = Terminal()
    progress = ReadProgress(stream, "nl", delay=0.5, clock=lambda: now[0])
    progress(0, 3, "EZ.xlsx")
    now[0] = 0.2
    progress(1, 3, "Defensie.xlsx")
    assert not progress.shown and stream.getvalue() == ""
    now[0] = 0.7
    progress(2, 3, "OCW.xlsx")
    assert progress.shown
    progress.close()
    assert "Werkmappen lezen" in stream.getvalue()
