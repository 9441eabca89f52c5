"""--annotate: copies for the ministries with their findings marked, and the summary workbook."""

from __future__ import annotations

import functools
import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reconcile import pipeline
from reconcile.cli import cli
from reconcile.report.annotate import annotate_workbook, summary_workbook, write_annotations
from tests.builders import Formula, write_workbook

EXAMPLE = Path("examples/ai-fabriek-with-errors")


def _open(path: Path, data_only: bool = False) -> Any:
    import openpyxl

    return openpyxl.load_workbook(path, data_only=data_only)


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@functools.cache
def _check(folder: Path) -> Any:
    """The report of ``folder``; reports are frozen, so the tests share one per folder."""
    return pipeline.check([str(folder)], pipeline.find_announcement([str(folder)], None))


def test_annotate_writes_copies_and_a_summary_and_leaves_the_inputs_alone(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(EXAMPLE, inputs)
    before = _digests(inputs)
    result = CliRunner().invoke(
        cli, ["check", str(inputs), "--annotate", str(tmp_path / "out"), "--lang", "nl"]
    )
    assert result.exit_code == 1, result.output
    assert _digests(inputs) == before
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "BZK.xlsx",
        "Defensie.xlsx",
        "EZ.xlsx",
        "IenW.xlsx",
        "OCW.xlsx",
        "VWS.xlsx",
        "overzicht.xlsx",
    ]
    assert f"Geschreven: {(tmp_path / 'out' / 'OCW.xlsx').as_posix()}" in result.output


def test_copy_marks_each_finding_at_its_cell(tmp_path: Path) -> None:
    report = _check(EXAMPLE)
    write_annotations(report, tmp_path, "nl")
    book = _open(tmp_path / "EZ.xlsx")
    assert book.sheetnames == ["Bevindingen", "Reservering"]
    assert book.active.title == "Bevindingen"
    sheet = book["Reservering"]
    for ref, code in (("G10", "duplicate-line"), ("G14", "total-mismatch")):
        assert sheet[ref].fill.fgColor.rgb == "00FFC7CE", ref
        assert f"fout [{code}]" in sheet[ref].comment.text
    assert "Deze regel herhaalt G9" in sheet["G10"].comment.text
    assert sheet["G9"].comment is None and sheet["G9"].fill.fill_type is None
    assert sheet["G10"].value == 6000  # values are kept as they were


def test_findings_sheet_lists_every_finding_with_a_link(tmp_path: Path) -> None:
    report = _check(EXAMPLE)
    write_annotations(report, tmp_path, "nl")
    sheet = _open(tmp_path / "EZ.xlsx")["Bevindingen"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    assert rows[0] == ["Ernst", "Plaats", "Melding"]
    assert [(r[0], r[1], r[2].split("]")[0] + "]") for r in rows[1:]] == [
        ("fout", "G6 (Reservering)", "[kasschuif-not-zero]"),
        ("fout", "G10 (Reservering)", "[duplicate-line]"),
        ("fout", "G14 (Reservering)", "[total-mismatch]"),
        ("opmerking", "(Reservering)", "[lines-not-counted]"),
    ]
    assert [sheet.cell(row=r, column=2).hyperlink.location for r in (4, 5, 6)] == [
        "'Reservering'!G6",
        "'Reservering'!G10",
        "'Reservering'!G14",
    ]


@pytest.mark.parametrize("name", ["OCW.xlsx", "EZ.xlsx", "Defensie.xlsx"])
def test_copy_is_read_as_the_original_was(tmp_path: Path, name: str) -> None:
    """Values, formulas and their saved results (EZ's stale Totaal) are kept."""
    announcement = pipeline.find_announcement([str(EXAMPLE)], None)
    original = pipeline.validate([str(EXAMPLE / name)], announcement)
    write_annotations(original, tmp_path, "en")
    copy = pipeline.validate([str(tmp_path / name)], announcement)
    assert _open(tmp_path / name).sheetnames[0] == "Findings"
    assert [(f.location.sheet, f.location.cell, f.code) for f in copy.findings] == [
        (f.location.sheet, f.location.cell, f.code) for f in original.findings
    ]
    assert [(ln.year, ln.amount, ln.source.cell) for ln in copy.lines] == [
        (ln.year, ln.amount, ln.source.cell) for ln in original.lines
    ]


def test_workbook_text_in_annotations_is_never_a_formula(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "OCW.xlsx",
        {
            "Blad": [
                ["Ministerie van Onderwijs, Cultuur en Wetenschap"],
                ["(bedragen x € 1.000)"],
                ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"],
                ["VIII", 16, "AI", 2026, "=HYPERLINK(1)"],
                ["Totaal", None, None, None, Formula("=SUM(E4:E4)", 0)],
            ]
        },
    )
    report = pipeline.validate([str(path)], pipeline.find_announcement([], None))
    findings = [f for f in report.findings if f.code == "amount-not-a-number"]
    assert findings, report.findings
    book_bytes = annotate_workbook(path.read_bytes(), list(report.findings), "en")
    (tmp_path / "copy.xlsx").write_bytes(book_bytes)
    sheet = _open(tmp_path / "copy.xlsx")["Findings"]
    messages = [c.value for c in sheet["C"] if c.value]
    assert any('"=HYPERLINK(1)" is not an amount' in m for m in messages)
    assert all(sheet.cell(row=r, column=3).data_type == "s" for r in range(4, sheet.max_row + 1))


def test_summary_workbook_has_the_table_the_interval_and_a_bar_chart(tmp_path: Path) -> None:
    report = _check(EXAMPLE)
    path = tmp_path / "summary.xlsx"
    path.write_bytes(summary_workbook(report, "en"))
    sheet = _open(path).worksheets[0]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    facts: dict[str, Any] = {}
    for row in values:
        facts.setdefault(row[0], row[1])
    assert facts["Announced"] == "bijna 70 miljoen euro"
    assert (facts["Lower bound"], facts["Upper bound"]) == (66_500_000, 70_000_000)
    assert (facts["Computed total"], facts["Difference to the interval"]) == (
        65_500_000,
        -1_000_000,
    )
    assert values[1][0].startswith("NOT RECONCILED: total EUR 65,500,000")
    # the example has an overboeking, so what each transferred out and received is beside
    years = ["Ministry", 2025, 2026, 2027, 2028, 2029, 2030, "Total"]
    header = values.index([*years, "Transferred out", "Received"])
    table = {row[0]: row[1:8] for row in values[header + 1 : header + 8]}
    # after EZ's kasschuif, which takes 5,000 (not 5,100) out of 2026
    assert table["EZ"] == [5_100_000, 8_100_000, 12_000_000, 3_900_000, 2_000_000, 0, 31_100_000]
    assert table["Total"][-1] == 65_500_000
    (chart,) = sheet._charts
    assert (chart.type, chart.grouping, chart.overlap) == ("bar", "stacked", 100)
    titles = [s.tx.strRef.f for s in chart.series]
    assert len(titles) == 6 + 2  # six contributors, then the invisible lower part and the band
    assert chart.series[-2].graphicalProperties.noFill is True
    assert [(e.idx, e.delete) for e in chart.legend.legendEntry] == [(6, True)]


def test_summary_is_deterministic() -> None:
    report = _check(EXAMPLE)
    assert summary_workbook(report, "nl") == summary_workbook(report, "nl")


def test_validate_annotates_without_a_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["validate", str(EXAMPLE / "VWS.xlsx"), "--annotate", str(tmp_path), "--lang", "en"]
    )
    assert result.exit_code == 1, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["VWS.xlsx"]


def test_unreadable_inputs_are_not_annotated(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.xlsx"
    bad.write_bytes(b"not a workbook")
    result = CliRunner().invoke(
        cli, ["validate", str(bad), "--annotate", str(tmp_path / "out"), "--lang", "en"]
    )
    assert result.exit_code == 2
    assert f"Not annotated (the file could not be read): {bad.as_posix()}" in result.output
    assert not (tmp_path / "out").exists()


def test_annotating_into_the_inputs_folder_never_overwrites_an_input(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(EXAMPLE, inputs)
    before = _digests(inputs)
    result = CliRunner().invoke(cli, ["check", str(inputs), "--annotate", str(inputs)])
    assert result.exit_code == 2
    assert "refusing to write" in result.output and "it is one of the input files" in result.output
    assert _digests(inputs) == before


def test_annotated_copies_are_deterministic() -> None:
    report = _check(EXAMPLE)
    data = (EXAMPLE / "EZ.xlsx").read_bytes()
    findings = [f for f in report.findings if f.location.file.endswith("EZ.xlsx")]
    assert annotate_workbook(data, findings, "nl") == annotate_workbook(data, findings, "nl")


def test_a_copy_annotated_again_gets_new_findings_in_place_of_the_old(tmp_path: Path) -> None:
    report = _check(EXAMPLE)
    write_annotations(report, tmp_path / "first", "nl")
    again = pipeline.validate(
        [str(tmp_path / "first" / "VWS.xlsx")], pipeline.find_announcement([], None)
    )
    write_annotations(again, tmp_path / "second", "en")
    book = _open(tmp_path / "second" / "VWS.xlsx")
    assert book.sheetnames == ["Findings", "Reservation"]
    sheet = book["Reservation"]
    assert sheet["E7"].comment.text.count("[negative-reservation]") == 1
    assert sheet["E7"].comment.text.startswith("error [negative-reservation]")


def test_a_corrected_cell_loses_its_old_mark(tmp_path: Path) -> None:
    import openpyxl

    report = _check(EXAMPLE)
    write_annotations(report, tmp_path / "first", "en")
    book = openpyxl.load_workbook(tmp_path / "first" / "VWS.xlsx")
    book["Reservation"]["E7"] = 200  # the negative amount corrected in the copy
    book.save(tmp_path / "VWS.xlsx")
    again = pipeline.validate([str(tmp_path / "VWS.xlsx")], pipeline.find_announcement([], None))
    assert "negative-reservation" not in {f.code for f in again.findings}
    write_annotations(again, tmp_path / "second", "en")
    cell = _open(tmp_path / "second" / "VWS.xlsx")["Reservation"]["E7"]
    assert cell.comment is None and cell.fill.fill_type is None


def test_ods_and_xls_inputs_are_read_but_not_annotated(tmp_path: Path) -> None:
    corpus = Path("tests/corpus")
    ods = corpus / "same-table.libreoffice.ods"
    result = CliRunner().invoke(
        cli, ["validate", str(ods), "--annotate", str(tmp_path / "out"), "--lang", "en"]
    )
    assert result.exit_code in (0, 1), result.output
    assert (
        "Not annotated (only .xlsx and .xlsm copies are annotated; save it as .xlsx): "
        f"{ods.as_posix()}" in result.output
    )
    assert not (tmp_path / "out").exists()


def test_summary_lists_every_finding_with_a_link_into_the_annotated_copy(tmp_path: Path) -> None:
    write_annotations(_check(EXAMPLE), tmp_path, "nl")
    sheet = _open(tmp_path / "overzicht.xlsx")["Bevindingen"]
    rows = {(r[1].value, r[2].value): r for r in sheet.iter_rows(min_row=4) if r[1].value}
    assert sheet["B3"].value == "Bestand"
    ocw = rows[("OCW.xlsx", "E6 (Reservering)")]
    assert ocw[3].value.startswith("[amount-not-a-number]")
    assert (ocw[2].hyperlink.target, ocw[2].hyperlink.location) == (
        "OCW.xlsx",
        "'Reservering'!E6",
    )
    of_the_set = [r for r in sheet.iter_rows(min_row=4) if r[1].value.endswith(".toml")]
    assert sorted(r[3].value.split("]")[0] for r in of_the_set) == [
        "[ministry-missing",
        "[total-below-announced",
    ]


HOSTILE = Path(__file__).resolve().parent / "hostile"


def test_files_the_pre_flight_refuses_are_never_opened_to_annotate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reconcile.report.annotate as annotate
    from reconcile.codes import is_fatal

    opened: list[str] = []
    real = annotate.annotate_workbook

    def recording(data: bytes, *args: Any, **kwargs: Any) -> bytes:
        opened.append(hashlib.sha256(data).hexdigest())
        return real(data, *args, **kwargs)

    monkeypatch.setattr(annotate, "annotate_workbook", recording)
    hostile = sorted(str(p) for p in HOSTILE.glob("*.xls*"))
    report = pipeline.validate(hostile, pipeline.find_announcement([], None))
    refused = {f.location.file for f in report.findings if is_fatal(f.code)}
    written = write_annotations(report, tmp_path / "out", "en")
    refused_digests = {r.sha256 for r in report.files if r.path in refused}
    assert len(refused) >= 15  # the corpus is mostly refusals
    assert refused_digests.isdisjoint(opened)
    assert refused <= {path for path, _ in written.skipped}
    assert len(written.files) == len(opened)  # what passed the pre-flight was annotated


def test_checking_the_feedback_folder_skips_the_summary_with_a_note(tmp_path: Path) -> None:
    out = tmp_path / "out"
    CliRunner().invoke(cli, ["check", str(EXAMPLE), "--annotate", str(out), "--lang", "nl"])
    again = pipeline.check([str(out)], pipeline.find_announcement([str(EXAMPLE)], None))
    summary = f"{out.as_posix()}/overzicht.xlsx"
    assert [(f.location.file, f.code) for f in again.findings if f.location.file == summary] == [
        (summary, "own-output-skipped")
    ]
    assert again.exit_code == 1  # the copies' own findings; nothing left unread (exit 2)
    assert sorted(Path(f.path).name for f in again.files) == [
        "BZK.xlsx",
        "Defensie.xlsx",
        "EZ.xlsx",
        "IenW.xlsx",
        "OCW.xlsx",
        "VWS.xlsx",
    ]


def test_a_workbook_without_a_table_that_reconcile_did_not_write_is_still_refused(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_workbook(folder / "notes.xlsx", {"Blad1": [["Aantekeningen bij de reservering"]]})
    shutil.copy(EXAMPLE / "OCW.xlsx", folder / "OCW.xlsx")
    report = pipeline.validate([str(folder)], pipeline.find_announcement([str(EXAMPLE)], None))
    assert ("notes.xlsx", "no-table") in {
        (Path(f.location.file).name, f.code) for f in report.findings
    }


def _page(sheet: Any) -> tuple[Any, ...]:
    setup = sheet.page_setup
    return (
        setup.paperSize,
        setup.orientation,
        sheet.sheet_properties.pageSetUpPr.fitToPage,
        setup.fitToWidth,
        setup.fitToHeight,
        sheet.print_title_rows,
    )


A4 = 9  # the paper size code of A4 in a worksheet's page setup


def test_the_findings_and_the_summary_print_on_a4_one_page_wide(tmp_path: Path) -> None:
    out = tmp_path / "out"
    CliRunner().invoke(cli, ["check", str(EXAMPLE), "--annotate", str(out), "--lang", "nl"])
    copy = _open(out / "EZ.xlsx")
    findings = copy["Bevindingen"]
    assert _page(findings) == (A4, "landscape", True, 1, 0, "$3:$3")  # heads on every page
    assert all(findings.cell(row=r, column=3).alignment.wrap_text for r in range(4, 7))
    summary = _open(out / "overzicht.xlsx")
    assert _page(summary.worksheets[0])[:5] == (A4, "landscape", True, 1, 0)
    assert _page(summary["Bevindingen"]) == (A4, "landscape", True, 1, 0, "$3:$3")
    verdict = summary.worksheets[0]["A2"]
    assert verdict.alignment.wrap_text and "A2:H2" in summary.worksheets[0].merged_cells
