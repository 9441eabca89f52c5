"""Submission templates: what a coordinator sends out, read back and filled in."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reconcile import pipeline
from reconcile.announcement import load_announcement, parse_announcement
from reconcile.cli import cli
from reconcile.codes import render
from reconcile.errors import ConfigError
from reconcile.ministries import load_table
from reconcile.template import (
    Layout,
    NoContributorsError,
    OutputIsAFileError,
    OutputIsAWorkbookNameError,
    TemplatesExistError,
    build_template,
    template_targets,
)
from tests.filling import LINES, TOTAL_EUR, amount_row, fill_as_instructed, fill_template
from tests.spec import message

ANNOUNCEMENT = load_announcement(None)


def _open(path: Path, data_only: bool = False) -> Any:
    import openpyxl

    return openpyxl.load_workbook(path, data_only=data_only)


def _write(tmp_path: Path, code: str, lang: str = "nl") -> Path:
    path = tmp_path / f"{code}.xlsx"
    path.write_bytes(build_template(code, ANNOUNCEMENT, lang))
    return path


def test_template_has_titles_caption_header_years_and_a_totaal_formula(tmp_path: Path) -> None:
    book = _open(_write(tmp_path, "OCW"))
    assert book.sheetnames == ["Reservering", "Toelichting"]
    sheet = book["Reservering"]
    assert [sheet[f"A{row}"].value for row in (1, 2, 3)] == [
        "Ministerie van Onderwijs, Cultuur en Wetenschap",
        "AI-fabriek Groningen: reservering 2025–2030, reeks U",
        "(bedragen x € 1.000)",
    ]
    assert [c.value for c in sheet[5]] == [
        "Hoofdstuk",
        "Artikel",
        "Omschrijving",
        "V/U/O",
        "Jaar",
        "Bedrag",
        "Soort mutatie",  # after the others, so they keep their places
        "Van/naar",  # an overboeking's other ministry
    ]
    layout = Layout(ANNOUNCEMENT.years)
    years = [sheet.cell(row=r, column=5).value for r in range(6, layout.last_row + 1)]
    assert years[:7] == [2025, 2026, 2027, 2028, 2029, 2030, 2025]
    assert {sheet.cell(row=r, column=4).value for r in range(6, layout.last_row + 1)} == {"U"}
    total = layout.total_row
    assert sheet[f"A{total}"].value == "Totaal"
    assert sheet[f"F{total}"].value == f'=SUMIF(D6:D{total - 1},"U",F6:F{total - 1})'
    assert sheet["F6"].number_format == "#,##0"
    assert sheet.freeze_panes == "A6"


def test_template_has_drop_downs_locked_header_and_instructions(tmp_path: Path) -> None:
    book = _open(_write(tmp_path, "Defensie"))
    sheet = book.worksheets[0]
    last = Layout(ANNOUNCEMENT.years).last_row
    rules = {str(dv.sqref): (dv.type, dv.formula1) for dv in sheet.data_validations.dataValidation}
    assert rules == {
        f"A6:A{last}": ("list", '"X,K"'),
        f"B6:B{last}": ("list", '"1,2,3,4,5,7,8,9,10,11,12,13"'),  # chapter X's articles
        f"D6:D{last}": ("list", '"V,U,O"'),
        f"E6:E{last}": ("list", '"2025,2026,2027,2028,2029,2030"'),
        # a number; negative only where the kind is not a reservation
        f"F6:F{last}": (
            "custom",
            'AND(ISNUMBER(F6),OR(F6>=0,AND(G6<>"",G6<>"Reservering")))',
        ),
        f"G6:G{last}": (
            "list",
            '"Reservering,Kasschuif,Overboeking naar,Overboeking van,Vrijval,Herschikking"',
        ),
        # the other ministries, from the ministry table (reconcile/data/ministries.toml)
        f"H6:H{last}": ("list", '"EZ,OCW,BZK,VWS,LVVN,KGG,IenW,Financien,BZ,JenV,SZW,VRO,AZ"'),
    }
    assert sheet.protection.sheet is True
    assert sheet.protection.insertRows is False  # (False: allowed) more lines when rows run out
    assert sheet["A5"].protection.locked and sheet["A1"].protection.locked
    assert not sheet["F6"].protection.locked and not sheet[f"C{last}"].protection.locked
    assert sheet[f"F{last + 1}"].protection.locked  # the Totaal formula
    instructions = [c.value for c in book["Toelichting"]["A"] if c.value]
    assert instructions[0] == "AI-fabriek Groningen: zo vult u deze werkmap in"
    assert "7. Controleer het bestand voor u het verstuurt: reconcile validate Defensie.xlsx" in (
        instructions
    )


def test_english_template(tmp_path: Path) -> None:
    sheet = _open(_write(tmp_path, "EZ", "en")).worksheets[0]
    assert sheet.title == "Reservation"
    assert sheet["A1"].value == "Ministry of Economische Zaken"
    assert sheet["A3"].value == "(amounts x EUR 1,000)"
    assert [c.value for c in sheet[5]][:3] == ["Chapter", "Article", "Description"]


def test_template_bytes_are_deterministic() -> None:
    assert build_template("VWS", ANNOUNCEMENT) == build_template("VWS", ANNOUNCEMENT)


def test_unknown_ministry_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="'XYZ' is not a ministry reconcile knows"):
        build_template("XYZ", ANNOUNCEMENT)


def test_template_follows_the_announcements_years() -> None:
    short = parse_announcement(
        {"name": "Test", "years": [2026, 2027], "amounts": {"rijk": "10 miljoen"}}, "t.toml"
    )
    assert Layout(short.years).last_row == 6 + 5 * 2 - 1
    assert b"2026,2027" in _sheet_xml(build_template("EZ", short))


def _sheet_xml(data: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


def test_an_untouched_template_is_read_as_it_is_and_is_not_valid(tmp_path: Path) -> None:
    path = _write(tmp_path, "OCW")
    report = pipeline.validate([str(path)], ANNOUNCEMENT)
    assert report.exit_code == 1  # nothing to check is not valid
    assert [(f.location.cell, f.code) for f in report.findings] == [("A5", "table-empty")]
    assert [(f.ministry, f.sheet, f.shape, f.unit, f.lines) for f in report.files] == [
        ("OCW", "Reservering", "long", 1000, 0)
    ]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_six_untouched_templates_fail_on_having_no_lines_and_nothing_else(
    tmp_path: Path, lang: str
) -> None:
    paths = [str(_write(tmp_path, code, lang)) for code in LINES]
    report = pipeline.check(paths, ANNOUNCEMENT)
    assert report.exit_code == 1
    # Nothing follows from amounts that are not there: no largest contributor "contributing
    # more (EUR 0)", no expectation missed by its whole amount.
    assert sorted({f.code for f in report.findings}) == [
        "ministry-missing",
        "no-lines",
        "table-empty",
    ]


def _fill_all(folder: Path) -> list[str]:
    paths = []
    for code, lines in LINES.items():
        path = _write(folder, code)
        fill_template(path, lines)
        paths.append(str(path))
    return paths


def test_filled_templates_reconcile(tmp_path: Path) -> None:
    report = pipeline.check(_fill_all(tmp_path), ANNOUNCEMENT)
    assert report.totals is not None and report.totals.total == TOTAL_EUR
    assert report.exit_code == 0
    # openpyxl saves no formula results: the Totaal, a SUMIF of its column, is recomputed,
    # which is all its result would say.
    assert report.findings == ()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    "style", ["each row", "zeros", "first row", "description once", "chapter once"]
)
def test_templates_filled_as_their_instructions_say_check_clean(
    tmp_path: Path, lang: str, style: str
) -> None:
    paths = []
    for code, lines in LINES.items():
        path = _write(tmp_path, code, lang)
        fill_as_instructed(path, lines, style)
        paths.append(str(path))
    report = pipeline.check(paths, ANNOUNCEMENT)
    assert report.totals is not None and report.totals.total == TOTAL_EUR
    assert [f.code for f in report.findings if f.severity != "info"] == []
    carried = {(f.location.file, f.location.cell) for f in report.findings}
    if style.endswith(("first row", "once")):  # said once per block, as a note
        assert carried == {
            (str(tmp_path / "Defensie.xlsx"), "F7"),
            (str(tmp_path / "Defensie.xlsx"), "F13"),
            *((str(tmp_path / f"{c}.xlsx"), "F7") for c in ("EZ", "OCW", "BZK", "VWS", "LVVN")),
        }
        assert {f.code for f in report.findings} == {"line-carried-down"}
    else:
        assert carried == set()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_description_left_empty_between_rows_that_have_it_stays_an_error(
    tmp_path: Path, lang: str
) -> None:
    # As in examples/ai-fabriek-with-errors/VWS.xlsx: the row below names the description
    # again, so the empty one is not a description written once per block.
    path = _write(tmp_path, "VWS", lang)
    fill_as_instructed(path, [("XVI", 4, "Zorginnovatie: AI-fabriek", {2026: 1800, 2027: 1800})])
    import openpyxl

    book = openpyxl.load_workbook(path)
    book.worksheets[0].cell(row=amount_row(2026), column=3).value = None
    book.save(path)
    report = pipeline.validate([str(path)], ANNOUNCEMENT)
    assert [(f.location.cell, f.code) for f in report.findings] == [
        (f"C{amount_row(2026)}", "empty-description")
    ]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_description_written_once_over_the_years_with_money_is_one_finding_per_block(
    tmp_path: Path, lang: str
) -> None:
    # Only the years with money filled in: nothing shows the template's block of year rows,
    # so the rows below may be lines of their own; one error per block, at its first row.
    paths = []
    for code, lines in LINES.items():
        path = _write(tmp_path, code, lang)
        fill_as_instructed(path, lines, "money rows")
        paths.append(path)
    report = pipeline.check([str(p) for p in paths], ANNOUNCEMENT)
    found = [
        (Path(f.location.file).stem, f.location.cell, f.code)
        for f in report.findings
        if f.severity != "info" and f.location.file in map(str, paths)
    ]
    assert sorted(found) == [
        ("BZK", "C7", "identifier-written-once"),
        # a single row below: as likely a line of its own; its own finding, at its cell
        ("Defensie", f"C{amount_row(2027, block=1)}", "empty-description"),
        ("Defensie", "C7", "identifier-written-once"),
        ("EZ", "C6", "identifier-written-once"),
        ("LVVN", f"C{amount_row(2027)}", "empty-description"),
        ("OCW", "C7", "identifier-written-once"),
        ("VWS", "C7", "identifier-written-once"),
    ]
    ez = next(f for f in report.findings if f.location.file == str(tmp_path / "EZ.xlsx"))
    assert ez.params["rows"] == [7, 8, 9, 10]
    assert report.totals is not None and report.totals.total == TOTAL_EUR  # read as meant


def test_a_block_with_its_line_named_but_no_amount_is_one_finding(tmp_path: Path) -> None:
    path = _write(tmp_path, "OCW", "en")
    fill_as_instructed(
        path,
        [
            ("VIII", 16, "Onderzoek en wetenschap: AI-fabriek", {2026: 2500}),
            ("VIII", 16, "Nog te verdelen", {}),  # named on each row, no amount in any year
        ],
    )
    report = pipeline.validate([str(path)], ANNOUNCEMENT)
    assert [(f.location.cell, f.code) for f in report.findings] == [
        (f"F{amount_row(2025, block=1)}", "missing-value")
    ]


def test_filled_template_with_a_mistake_points_at_its_cell(tmp_path: Path) -> None:
    path = _write(tmp_path, "OCW")
    fill_template(path, [("VIII", 16, "AI-fabriek", {2026: 2500, 2027: "PM"})])
    report = pipeline.validate([str(path)], ANNOUNCEMENT)
    assert [(f.location.cell, f.code) for f in report.findings if f.severity == "error"] == [
        (f"F{amount_row(2027)}", "amount-not-a-number")
    ]


def test_template_command_writes_one_or_all(tmp_path: Path) -> None:
    runner = CliRunner()
    one = runner.invoke(
        cli, ["template", "--ministry", "OCW", "-o", str(tmp_path / "x.xlsx"), "--lang", "en"]
    )
    assert one.exit_code == 0, one.output
    assert _open(tmp_path / "x.xlsx").worksheets[0].title == "Reservation"
    every = runner.invoke(cli, ["template", "--all", "-o", str(tmp_path / "out"), "--lang", "nl"])
    assert every.exit_code == 0, every.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"{code}.xlsx" for code in ANNOUNCEMENT.expected
    )
    both = runner.invoke(cli, ["template", "--all", "--ministry", "EZ"])
    assert both.exit_code == 2 and "give either --ministry CODE or --all" in both.output
    unknown = runner.invoke(cli, ["template", "--ministry", "XYZ", "-o", str(tmp_path / "y.xlsx")])
    assert unknown.exit_code == 2 and "'XYZ' is not a ministry" in unknown.output
    into_folder = runner.invoke(cli, ["template", "--ministry", "VWS", "-o", str(tmp_path)])
    assert into_folder.exit_code == 0 and (tmp_path / "VWS.xlsx").is_file()
    onto_file = runner.invoke(cli, ["template", "--all", "-o", str(tmp_path / "x.xlsx")])
    assert onto_file.exit_code == 2 and "with --all, -o names a folder" in onto_file.output


def test_templates_go_to_the_workbook_or_folder_named_and_never_replace_one(
    tmp_path: Path,
) -> None:
    expected = ANNOUNCEMENT.expected
    assert template_targets(ANNOUNCEMENT, "EZ", tmp_path / "x.xlsx") == [
        (tmp_path / "x.xlsx", "EZ")
    ]
    assert template_targets(ANNOUNCEMENT, "EZ", tmp_path) == [(tmp_path / "EZ.xlsx", "EZ")]
    every = template_targets(ANNOUNCEMENT, None, tmp_path / "out")
    assert every == [(tmp_path / "out" / f"{code}.xlsx", code) for code in expected]
    (tmp_path / "EZ.xlsx").write_bytes(b"filled in by EZ")
    with pytest.raises(TemplatesExistError) as exists:
        template_targets(ANNOUNCEMENT, None, tmp_path)
    assert exists.value.paths == [(tmp_path / "EZ.xlsx").as_posix()]
    assert len(template_targets(ANNOUNCEMENT, None, tmp_path, force=True)) == len(expected)
    with pytest.raises(OutputIsAFileError):
        template_targets(ANNOUNCEMENT, None, tmp_path / "EZ.xlsx", force=True)
    with pytest.raises(NoContributorsError):
        template_targets(replace(ANNOUNCEMENT, expected=()), None, tmp_path)
    assert (tmp_path / "EZ.xlsx").read_bytes() == b"filled in by EZ"


@pytest.mark.parametrize("name", ["x.xlsx", "x.XLSM", "x.ods", "x.xls"])
def test_all_templates_never_go_into_a_new_folder_named_like_a_workbook(
    tmp_path: Path, name: str
) -> None:
    with pytest.raises(OutputIsAWorkbookNameError):
        template_targets(ANNOUNCEMENT, None, tmp_path / name)
    result = CliRunner().invoke(
        cli, ["template", "--all", "-o", str(tmp_path / name), "--lang", "nl"]
    )
    assert result.exit_code == 2, result.output
    assert "met --all noemt -o een map" in result.output
    assert not (tmp_path / name).exists()
    # an existing folder of that name is a folder the user made: the templates go in it
    (tmp_path / name).mkdir()
    assert len(template_targets(ANNOUNCEMENT, None, tmp_path / name)) == len(ANNOUNCEMENT.expected)


def test_a_refused_template_is_an_error_worded_in_the_readers_language(tmp_path: Path) -> None:
    # errors are data (a message and its parameters), worded by the one render function
    (tmp_path / "EZ.xlsx").write_bytes(b"filled in by EZ")
    with pytest.raises(TemplatesExistError) as exists:
        template_targets(ANNOUNCEMENT, None, tmp_path)
    where = (tmp_path / "EZ.xlsx").as_posix()
    assert render(exists.value, "en") == f"{where} already exists; --force replaces it"
    assert render(exists.value, "nl") == f"{where} bestaat al; --force vervangt het"
    with pytest.raises(NoContributorsError) as none:
        template_targets(replace(ANNOUNCEMENT, expected=()), None, tmp_path)
    assert render(none.value, "nl") == "de aankondiging noemt geen bijdragers; gebruik --ministry"
    result = CliRunner().invoke(
        cli, ["template", "--all", "-o", str(tmp_path / "EZ.xlsx"), "--lang", "nl"]
    )
    assert result.exit_code == 2
    assert f"met --all noemt -o een map; {tmp_path / 'EZ.xlsx'} is een bestand" in result.output


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_template_filled_and_saved_by_libreoffice_reconciles(tmp_path: Path) -> None:
    """LibreOffice opens the filled templates, recalculates and saves them as Excel would."""
    assert SOFFICE is not None
    filled, saved = tmp_path / "filled", tmp_path / "saved"
    filled.mkdir()
    paths = _fill_all(filled)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "xlsx", "--outdir", str(saved), *paths],
        check=True,
        capture_output=True,
        timeout=240,
        env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    report = pipeline.check([str(saved)], ANNOUNCEMENT)
    assert report.totals is not None and report.totals.total == TOTAL_EUR
    assert (report.exit_code, [f.code for f in report.findings]) == (0, [])
    sheet = _open(saved / "OCW.xlsx", data_only=True).worksheets[0]
    total_row = Layout(ANNOUNCEMENT.years).total_row
    assert sheet[f"F{total_row}"].value == 8000  # the Totaal formula, computed by LibreOffice
    kept = _open(saved / "OCW.xlsx").worksheets[0]
    assert len(kept.data_validations.dataValidation) == 7


# --- articles: a drop-down where the chapter's articles are known ------------------------


def _article_rule(book: Any) -> Any:
    (rule,) = [
        dv for dv in book.worksheets[0].data_validations.dataValidation if str(dv.sqref)[0] == "B"
    ]
    return rule


def test_known_articles_are_a_drop_down_that_warns_but_accepts(tmp_path: Path) -> None:
    book = _open(_write(tmp_path, "OCW"))
    rule = _article_rule(book)
    assert (rule.type, rule.formula1) == ("list", '"1,3,4,6,7,8,9,11,12,13,14,15,16,25,95"')
    assert (rule.errorStyle, rule.showErrorMessage) == ("warning", True)
    assert rule.error.startswith("Dit artikel staat niet in de lijst")
    instructions = [c.value for c in book["Toelichting"]["A"] if c.value]
    heading = instructions.index(
        "Bekende artikelen van hoofdstuk VIII (de keuzelijst; een ander artikel wordt na een "
        "waarschuwing geaccepteerd):"
    )
    assert instructions[heading + 1 : heading + 3] == [
        "1  Primair onderwijs",
        "3  Voortgezet onderwijs",
    ]
    assert instructions[-1] == "95  Apparaat Kerndepartement"


def test_without_known_articles_the_article_cell_stays_free(tmp_path: Path) -> None:
    rule = _article_rule(_open(_write(tmp_path, "KGG")))  # chapter XXIII: no article list
    assert (rule.type, rule.formula1, rule.formula2) == ("whole", "1", "999")
    assert rule.errorStyle == "warning"


def test_the_articles_come_from_the_2021_begrotingsstaten_of_the_six_chapters() -> None:
    articles = load_table().articles
    assert sorted(articles) == ["VII", "VIII", "X", "XIII", "XIV", "XVI"]
    assert articles["XIII"][2].startswith("Bedrijvenbeleid: innovatie en ondernemerschap")
    assert articles["X"][13] == "Bijdrage aan Defensiematerieelbegrotingsfonds"
    assert list(articles["XIV"]) == [11, 12, 50, 51]


def test_an_announcement_may_list_a_chapter_s_articles(tmp_path: Path) -> None:
    spec = {"name": "Test", "years": [2026], "amounts": {"rijk": "10 miljoen"}}
    own = parse_announcement(
        {**spec, "articles": {"23": {"1": "Klimaat", "2": "Groene groei"}}}, "t.toml"
    )
    path = tmp_path / "KGG.xlsx"
    path.write_bytes(build_template("KGG", own, "en"))
    assert _article_rule(_open(path)).formula1 == '"1,2"'
    with pytest.raises(ConfigError, match=r"\[articles.XXIII\] holds 'een'"):
        parse_announcement({**spec, "articles": {"XXIII": {"een": "Klimaat"}}}, "t.toml")
    with pytest.raises(ConfigError, match=r"\[articles.XXIII\] holds '²'"):
        parse_announcement({**spec, "articles": {"XXIII": {"²": "Klimaat"}}}, "t.toml")
    with pytest.raises(ConfigError, match=r"\[articles.XXIII\] holds '0'"):
        parse_announcement({**spec, "articles": {"XXIII": {"0": "Klimaat"}}}, "t.toml")
    with pytest.raises(ConfigError, match=r"\[articles.Q9\] must be a chapter's table"):
        parse_announcement({**spec, "articles": {"Q9": {"1": "x"}}}, "t.toml")


def test_articles_too_many_for_excel_s_typed_list_are_listed_but_the_cell_stays_free(
    tmp_path: Path,
) -> None:
    # Excel takes at most 255 characters in a typed-in list: 120 articles are far more.
    many = {str(number): f"Artikel {number}" for number in range(1, 121)}
    spec = {"name": "Test", "years": [2026], "amounts": {"rijk": "10 miljoen"}}
    own = parse_announcement({**spec, "articles": {"XXIII": many}}, "t.toml")
    path = tmp_path / "KGG.xlsx"
    path.write_bytes(build_template("KGG", own, "en"))
    book = _open(path)
    rule = _article_rule(book)
    assert (rule.type, rule.formula1, rule.formula2) == ("whole", "1", "999")
    instructions = [c.value for c in book["Instructions"]["A"] if c.value]
    assert instructions[-121].startswith("Known articles of chapter XXIII (too many for a drop")
    assert instructions[-1] == "120  Artikel 120"


def test_defensie_s_instructions_name_only_the_chapter_whose_articles_are_known(
    tmp_path: Path,
) -> None:
    book = _open(_write(tmp_path, "Defensie"))  # chapters X and K; only X's articles are known
    instructions = [c.value for c in book["Toelichting"]["A"] if c.value]
    assert any(text.startswith("Bekende artikelen van hoofdstuk X (") for text in instructions)


def test_a_template_filled_with_a_listed_article_round_trips(tmp_path: Path) -> None:
    path = _write(tmp_path, "OCW")
    known = load_table().articles["VIII"]
    fill_template(path, [("VIII", 16, known[16], {2026: 2500, 2027: 2500})])
    result = CliRunner().invoke(cli, ["validate", "--lang", "nl", str(path)])
    assert result.exit_code == 0, result.output
    report = pipeline.validate([str(path)], ANNOUNCEMENT)
    assert {(line.chapter, line.article) for line in report.lines} == {("VIII", "16")}


# --- line kinds: the last column, a drop-down ----------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_kasschuif_chosen_in_the_template_is_read_as_one(tmp_path: Path, lang: str) -> None:
    import openpyxl

    path = _write(tmp_path, "EZ", lang)
    fill_template(
        path, [*LINES["EZ"], ("XIII", 2, "AI-fabriek naar 2025", {2025: 100, 2026: -100})]
    )
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    for year in (2025, 2026):
        sheet.cell(row=amount_row(year, block=1), column=7, value="Kasschuif")
    book.save(path)
    report = pipeline.validate([str(path)], ANNOUNCEMENT)
    assert [f.code for f in report.findings if f.severity.value == "error"] == []
    kinds = [(ln.year, ln.kind, ln.told) for ln in report.lines if ln.description.endswith("2025")]
    assert kinds == [(2025, "kasschuif", "column"), (2026, "kasschuif", "column")]
    # the same amounts without a kind are a reservation, and its negative year an error
    for year in (2025, 2026):
        sheet.cell(row=amount_row(year, block=1), column=7).value = None  # (value=None: kept)
    book.save(path)
    again = pipeline.validate([str(path)], ANNOUNCEMENT)
    assert [f.code for f in again.findings if f.severity.value == "error"] == [
        "negative-reservation"
    ]


def test_the_amount_cells_take_numbers_only(tmp_path: Path) -> None:
    sheet = _open(_write(tmp_path, "OCW", "en")).worksheets[0]
    (amount,) = [dv for dv in sheet.data_validations.dataValidation if str(dv.sqref)[0] == "F"]
    # a number (ISNUMBER), its sign by the line's kind; Excel and LibreOffice stop text
    # such as "2.500"
    assert (amount.type, amount.errorStyle) == ("custom", "stop")
    assert amount.formula1.startswith("AND(ISNUMBER(F6),")


def test_text_a_caption_alone_reads_a_thousandfold_away_from_dutch_is_a_warning_at_its_cell(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, "OCW", "en")  # the caption: (amounts x EUR 1,000)
    fill_template(path, [("VIII", 16, "AI-fabriek", {2026: "2.500", 2027: 2500})])
    report = pipeline.validate([str(path)], ANNOUNCEMENT)
    # (and the Totaal's SUMIF, which would skip the text, is not taken for its value)
    assert [(f.location.cell, f.code) for f in report.findings] == [
        (f"F{amount_row(2026)}", "separator-by-caption"),
        ("F36", "total-not-computed"),
    ]
    finding = report.findings[0]
    assert finding.severity == "warning"
    assert message(finding).startswith(
        "“2.500” could be read as EUR 2,500 or as EUR 2,500,000, a thousandfold apart"
    )


def test_text_the_dutch_caption_reads_the_dutch_way_stays_a_note(tmp_path: Path) -> None:
    path = _write(tmp_path, "OCW", "nl")  # the caption: (bedragen x € 1.000)
    fill_template(path, [("VIII", 16, "AI-fabriek", {2026: "2.500", 2027: 2500})])
    report = pipeline.validate([str(path)], ANNOUNCEMENT)
    assert [(f.code, f.severity) for f in report.findings] == [
        ("separator-assumed", "info"),
        ("total-not-computed", "warning"),  # the SUMIF would skip the text
    ]
    assert report.lines[0].amount == 2_500_000


def test_the_template_prints_on_a4_with_its_titles_and_header_on_every_page(
    tmp_path: Path,
) -> None:
    book = _open(_write(tmp_path, "EZ"))
    sheet, instructions = book.worksheets
    setup = sheet.page_setup
    assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (
        9,
        "landscape",
        1,
        0,
    )
    assert sheet.print_title_rows == "$1:$5"
    assert instructions.page_setup.paperSize == 9
    assert instructions["A5"].alignment.wrap_text  # a long instruction wraps, not cut off


# --- the Van/naar column: an overboeking's other ministry, from the ministry table ---------


def _rule(book: Any, column: str) -> Any:
    sheet = book.worksheets[0]
    (rule,) = [dv for dv in sheet.data_validations.dataValidation if str(dv.sqref)[0] == column]
    return rule


def test_the_counterpart_list_is_the_ministry_table_s_with_an_announcement_s_own(
    tmp_path: Path,
) -> None:
    spec = {"name": "Test", "years": [2026], "amounts": {"rijk": "10 miljoen"}}
    own = parse_announcement(
        {**spec, "ministries": {"NEW": {"name": "Nieuw", "chapters": ["XXIV"]}}}, "t.toml"
    )
    path = tmp_path / "BZK.xlsx"
    path.write_bytes(build_template("BZK", own, "en"))
    book = _open(path)
    rule = _rule(book, "H")
    assert rule.formula1.startswith('"EZ,Defensie,OCW,VWS,')  # not BZK itself
    assert rule.formula1.endswith(',AZ,NEW"')
    assert (rule.errorStyle, book.worksheets[0]["H5"].value) == ("warning", "From/to")
    # BZK books on its own budget and on those its minister answers for
    assert _rule(book, "A").formula1 == '"VII,IV,B,C,H"'
