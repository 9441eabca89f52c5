"""The command line: what a finance officer types, what comes out, and how it exits."""

import hashlib
import json
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reconcile import __version__
from reconcile.cli import cli
from tests.spec import GOOD_SET, long_table, write

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def good(tmp_path: Path) -> Path:
    write(tmp_path / "good", GOOD_SET)
    return tmp_path / "good"


def test_check_on_a_good_set_exits_0(good: Path) -> None:
    code, out, _ = run("check", str(good))
    assert code == 0
    assert "RECONCILED: total EUR 69,400,000" in out
    assert "0 errors" in out


def test_check_on_files_named_one_by_one(good: Path) -> None:
    code, _out, _ = run("check", *(str(p) for p in sorted(good.iterdir())))
    assert code == 0


def test_check_with_errors_exits_1_and_names_the_cell(tmp_path: Path) -> None:
    files = dict(GOOD_SET, **{"OCW.xlsx": long_table(["VIII", 16, "x", 2026, "PM"])})
    write(tmp_path, files)
    code, out, _ = run("check", str(tmp_path))
    assert code == 1
    assert 'Blad1!E4         [amount-not-a-number] "PM" is not an amount' in out


def test_the_json_report_has_the_documented_keys(good: Path) -> None:
    _code, out, _ = run("check", str(good), "--format", "json")
    doc = json.loads(out)
    assert list(doc) == [
        "version",
        "command",
        "ok",
        "exit_code",
        "announcement",
        "totals",
        "files",
        "mutations",
        "findings",
        "summary",
    ]
    assert (doc["version"], doc["ok"], doc["exit_code"]) == (2, True, 0)
    assert {"name", "min_eur", "max_eur"} <= set(doc["announcement"])
    assert list(doc["totals"]) == [
        "total_eur",
        "difference_eur",
        "by_ministry",
        "by_year",
        "transferred_out",
        "received",
        "by_ministry_year",
    ]
    assert doc["totals"]["total_eur"] == "69400000.00"
    assert list(doc["files"][0]) == [
        "path",
        "sha256",
        "ministry",
        "sheet",
        "shape",
        "layout",
        "unit_eur",
        "chapters",
        "lines",
        "total_eur",
        "kinds",
    ]
    first = doc["findings"][0]
    assert list(first) == ["code", "severity", "message", "file", "sheet", "cell"]


def test_a_finding_without_a_cell_has_null_sheet_and_cell(tmp_path: Path) -> None:
    write(tmp_path, {k: v for k, v in GOOD_SET.items() if k != "LVVN.xlsx"})
    _, out, _ = run("check", str(tmp_path), "-f", "json")
    missing = [f for f in json.loads(out)["findings"] if f["code"] == "ministry-missing"]
    assert [(f["sheet"], f["cell"]) for f in missing] == [(None, None)]


def test_validate_checks_one_file_without_reconciling(tmp_path: Path) -> None:
    (path,) = write(tmp_path, {"OCW.xlsx": long_table(["VIII", 16, "x", 2026, 8000])})
    code, out, _ = run("validate", path)
    assert code == 0
    assert "VALID: no errors found." in out
    code, out, _ = run("validate", path, "-f", "json")
    assert json.loads(out)["totals"] is None


def test_a_missing_path_exits_2_and_the_other_files_are_still_read(good: Path) -> None:
    code, out, _ = run("check", str(good / "EZ.xlsx"), str(good / "nope.xlsx"), "-f", "json")
    doc = json.loads(out)
    assert code == 2
    assert doc["exit_code"] == 2
    assert next(
        (Path(f["file"]).name, f["code"]) for f in doc["findings"] if f["severity"] == "error"
    ) == ("nope.xlsx", "file-unreadable")
    assert [f["ministry"] for f in doc["files"] if f["ministry"]] == ["EZ"]


def test_a_folder_without_workbooks_exits_2_with_a_message(tmp_path: Path) -> None:
    code, out, err = run("check", str(tmp_path))
    assert code == 2
    assert err.strip() == (
        f"Error: {tmp_path}: the folder holds no workbooks or CSV files "
        "(.xlsx, .xlsm, .ods, .xls, .csv, .tsv)"
    )
    assert "Traceback" not in out + err


def test_workbooks_in_subfolders_are_named_in_a_note_not_passed_in_silence(
    good: Path, tmp_path: Path
) -> None:
    # A folder stands for the files in it. The workbooks of its subfolders were passed with
    # nothing said: `validate budgets/` said VALID, exit 0, over files it never opened.
    write(good / "2026", {"EZ.xlsx": long_table(["XIII", 2, "x", 2026, "PM"])})
    write(good / "archief", {"a.xlsx": GOOD_SET["EZ.xlsx"], "b.xlsx": GOOD_SET["EZ.xlsx"]})
    write(good / ".git", {"c.xlsx": GOOD_SET["EZ.xlsx"]})  # hidden: not a budget folder
    (good / "leeg").mkdir()
    code, out, _ = run("validate", str(good), "-f", "json")
    assert code == 0
    notes = [(f["file"], f["message"]) for f in json.loads(out)["findings"]]
    tail = "not read: a folder stands for the files in it, not for those in its subfolders."
    assert [(file, text) for file, text in notes if "subfolder" in text] == [
        (f"{good}/2026", f"This subfolder holds a workbook or CSV file that was {tail}"),
        (f"{good}/archief", f"This subfolder holds 2 workbooks or CSV files that were {tail}"),
    ]
    # Named itself, the subfolder is read, and no note is left.
    code, out, _ = run("validate", str(good), str(good / "2026"), str(good / "archief"))
    assert code == 1
    assert "amount-not-a-number" in out
    assert "subfolder-not-read" not in out


def test_a_folder_whose_workbooks_are_all_in_subfolders_names_them(tmp_path: Path) -> None:
    for year in ("2025", "2026"):
        write(tmp_path / "budgets" / year, {"EZ.xlsx": GOOD_SET["EZ.xlsx"]})
    code, _, err = run("check", "--lang", "nl", str(tmp_path / "budgets"))
    assert code == 2
    assert err.strip() == (
        f"Fout: {tmp_path}/budgets: de map bevat geen werkmappen of CSV-bestanden (.xlsx, "
        ".xlsm, .ods, .xls, .csv, .tsv), alleen de submappen ervan (2025, 2026), en een map "
        "staat voor de bestanden erin: noem de submappen"
    )


BEGROTINGSSTATEN = (
    "Begrotingsjaar,Uitgaven Ontvangsten Verplichtingen,Begrotingsnummer,Naam Begroting ,"
    "Artikel nummer,Artikel,Stand ontwerpbegroting,Stand vastgestelde begroting,"
    "Stand eerste suppletoire,Stand tweede suppletoire,Realisatie\n"
    "2025,U,XIII,Economische Zaken,2,Bedrijfsleven,100,100,,,\n"
)


def test_a_folder_stands_for_its_workbooks_and_csv_files_in_name_order(good: Path) -> None:
    from reconcile.pipeline import collect_inputs

    (good / "b-staten.CSV").write_text(BEGROTINGSSTATEN, encoding="utf-8")
    (good / "a-staten.tsv").write_text(BEGROTINGSSTATEN.replace(",", "\t"), encoding="utf-8")
    skipped = ["~$EZ.xlsx", "~$b-staten.csv", ".~lock.EZ.xlsx#", ".~lock.b-staten.csv#"]
    skipped += [".verborgen.csv", ".#b-staten.csv", "notes.txt"]
    for name in skipped:
        (good / name).write_bytes(b"not a table")
    (good / "sub.csv").mkdir()  # a folder is not a file, whatever its name
    names = [item.display.rsplit("/", 1)[1] for item in collect_inputs([str(good)])]
    assert names == sorted(["a-staten.tsv", "b-staten.CSV", *GOOD_SET], key=str.casefold)
    code, out, _ = run("validate", str(good), "-f", "json")
    doc = json.loads(out)
    assert code == 0
    layouts = {f["path"].rsplit("/", 1)[1]: f["layout"] for f in doc["files"]}
    assert (layouts["a-staten.tsv"], layouts["b-staten.CSV"]) == ("begrotingsstaten",) * 2


def test_a_csv_file_found_in_a_folder_gets_the_pre_flight_of_a_named_one(good: Path) -> None:
    (good / "leeg.csv").write_bytes(b"")
    (good / "werkmap.csv").write_bytes((ROOT / "examples/ai-fabriek/EZ.xlsx").read_bytes())
    code, out, _ = run("validate", str(good), "-f", "json")
    assert code == 2
    found = {(f["file"].rsplit("/", 1)[1], f["code"]) for f in json.loads(out)["findings"]}
    named = run("validate", str(good / "leeg.csv"), str(good / "werkmap.csv"), "-f", "json")
    assert {
        (f["file"].rsplit("/", 1)[1], f["code"]) for f in json.loads(named[1])["findings"]
    } <= found
    assert {name for name, _ in found} >= {"leeg.csv", "werkmap.csv"}


def test_an_unrelated_csv_file_in_a_folder_is_skipped_with_a_note_but_refused_when_named(
    good: Path,
) -> None:
    contacts = good / "contactpersonen.csv"
    contacts.write_text("naam;telefoon\nJan;06-12345678\n", encoding="utf-8")
    code, out, _ = run("check", str(good), "-f", "json")
    doc = json.loads(out)
    assert code == 0  # the six workbooks still reconcile
    about_contacts = [f for f in doc["findings"] if f["file"].endswith("contactpersonen.csv")]
    assert [(f["code"], f["severity"]) for f in about_contacts] == [("csv-skipped", "info")]
    assert "contactpersonen.csv" not in {f["path"].rsplit("/", 1)[1] for f in doc["files"]}
    code, out, _ = run("validate", str(contacts), "-f", "json")
    assert code == 2
    assert "layout-not-found" in {f["code"] for f in json.loads(out)["findings"]}
    code, out, _ = run("validate", str(good), "--layout", "begrotingsstaten", "-f", "json")
    assert code == 2  # --layout says what the CSV files are: this one is refused
    assert "layout-not-found" in {f["code"] for f in json.loads(out)["findings"]}


def test_a_csv_budget_table_with_a_mistyped_header_in_a_folder_is_read_not_skipped(
    good: Path, tmp_path: Path
) -> None:
    # a workbook's header (not an open-data layout's), "Hoofdstuk" and "Artikel" mistyped:
    # read as the same header in a workbook is, and the columns it lacks are said at A1
    typo = "Hoofdstk;Artikl;Omschrijving;Jaar;Bedrag\nVIII;6;AI-fabriek;2026;100\n"
    (good / "OCW-extra.csv").write_text(typo, encoding="utf-8")
    code, out, _ = run("validate", str(good), "-f", "json")
    assert code == 1
    codes = {
        (f["file"].rsplit("/", 1)[1], f["cell"], f["code"]) for f in json.loads(out)["findings"]
    }
    assert ("OCW-extra.csv", "A1", "missing-column") in codes
    assert not {c for c in codes if c[0] == "OCW-extra.csv" and c[2] == "csv-skipped"}


def test_an_unrelated_csv_file_in_a_folder_is_told_by_its_first_rows(
    good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reconcile.read import read_cells_csv
    from reconcile.read.find_table import HEADER_SCAN_ROWS

    lines = "".join(f"Jan {n};06{n:08d}\n" for n in range(5_000))
    (good / "contactpersonen.csv").write_text("naam;telefoon\n" + lines, encoding="utf-8")
    given: list[list[str]] = []  # the rows parsed to look for a budget table's header
    stream = read_cells_csv.stream_csv_blocks

    def counted(data: bytes, *args: Any) -> tuple[object, Iterator[list[list[str]]]]:
        text, blocks = stream(data, *args)
        return text, (given.extend(block) or block for block in blocks)  # type: ignore[func-returns-value]

    monkeypatch.setattr(read_cells_csv, "stream_csv_blocks", counted)
    code, out, _ = run("check", str(good), "-f", "json")
    assert code == 0
    assert ("contactpersonen.csv", "csv-skipped") in {
        (f["file"].rsplit("/", 1)[1], f["code"]) for f in json.loads(out)["findings"]
    }
    assert 0 < len(given) <= HEADER_SCAN_ROWS  # not the 5,001 rows of the whole list


def test_a_folder_holding_only_an_unrelated_csv_file_reads_nothing_and_says_so(
    tmp_path: Path,
) -> None:
    (tmp_path / "contactpersonen.csv").write_text("naam;telefoon\nJan;06\n", encoding="utf-8")
    code, out, _ = run("validate", str(tmp_path), "-f", "json")
    assert code == 2  # not "valid": nothing was read
    assert "layout-not-found" in {f["code"] for f in json.loads(out)["findings"]}


def test_an_empty_folder_beside_other_inputs_is_a_finding_not_an_abort(
    good: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "leeg"
    empty.mkdir()
    code, out, _ = run("check", str(good), str(empty), "-f", "json")
    doc = json.loads(out)
    assert code == 2
    assert [(f["file"], f["code"]) for f in doc["findings"] if f["severity"] == "error"] == [
        (str(empty), "file-unreadable")
    ]
    assert len(doc["files"]) == 6  # the good set was still read


def test_a_bad_announcement_exits_2_naming_the_key(good: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('years = "2025-2030"\nkleur = 1\n[amounts]\nrijk = "1 miljoen"\n', "utf-8")
    code, _out, err = run("check", str(good), "--announcement", str(bad))
    assert code == 2
    assert err.strip() == f"Error: {bad}: unknown key 'kleur'."


def test_an_announcement_toml_in_the_folder_is_used(good: Path) -> None:
    (good / "announcement.toml").write_text(
        'name = "Proef"\nyears = "2025-2026"\n[amounts]\nrijk = "ruim 80 miljoen"\n', "utf-8"
    )
    code, out, _ = run("check", str(good), "-f", "json")
    doc = json.loads(out)
    assert doc["announcement"]["name"] == "Proef"
    assert [f["code"] for f in doc["findings"] if f["severity"] == "error"] == [
        "total-below-announced"
    ]
    assert code == 1


def test_debug_shows_the_traceback(good: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--debug", "check", str(good), "-a", str(tmp_path / "x.toml")]
    )
    assert result.exit_code == 2
    assert "Traceback" in result.stderr
    assert "does not exist" in result.stderr


def test_a_bad_option_is_a_usage_error(good: Path) -> None:
    code, _, err = run("check", str(good), "--format", "pdf")
    assert code == 2
    assert "Invalid value for '-f' / '--format'" in err


def test_output_is_written_atomically_and_equals_stdout(good: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    code, out, _ = run("check", str(good), "-f", "json", "-o", str(target))
    assert code == 0
    assert out == ""
    _, stdout_report, _ = run("check", str(good), "-f", "json")
    assert target.read_text("utf-8") == stdout_report
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]  # no temporary left


def test_output_never_overwrites_an_input(good: Path) -> None:
    victim = good / "EZ.xlsx"
    before = victim.read_bytes()
    code, _, err = run("check", str(good), "-o", str(victim))
    assert code == 2
    assert "it is one of the input files" in err
    assert victim.read_bytes() == before


def test_inputs_are_never_changed(good: Path) -> None:
    def hashes() -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in good.iterdir()}

    before = hashes()
    run("check", str(good))
    run("validate", str(good), "-f", "json")
    assert hashes() == before


def test_colour_only_when_asked_or_on_a_terminal(good: Path) -> None:
    _, plain, _ = run("check", str(good))
    _, coloured, _ = run("check", str(good), "--color")
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured


def test_the_same_inputs_give_the_same_bytes(good: Path) -> None:
    assert run("check", str(good), "-f", "json") == run("check", str(good), "-f", "json")
    assert run("check", str(good)) == run("check", str(good))


def test_version() -> None:
    for option, lang in (("--version", "C.UTF-8"), ("-V", "nl_NL.UTF-8")):
        result = CliRunner().invoke(cli, [option], prog_name="reconcile", env={"LANG": lang})
        assert (result.exit_code, result.output) == (0, f"reconcile {__version__}\n")


def test_help_lists_the_commands_and_exit_codes() -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert "check" in out and "validate" in out
    assert "Exit codes: 0 valid and reconciled" in out


def test_help_does_not_import_heavy_modules() -> None:
    probe = (
        "import sys\nfrom click.testing import CliRunner\nfrom reconcile.cli import cli\n"
        "CliRunner().invoke(cli, ['--help'])\n"
        "print(sorted(m for m in ('pandas', 'pandera', 'openpyxl', 'numpy') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "[]"


def test_python_dash_m_reconcile_runs_the_same_command(good: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reconcile", "check", str(good), "-f", "json"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["ok"] is True


def test_an_output_that_cannot_be_written_is_a_plain_error(good: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    code, _, err = run("check", str(good), "-o", str(blocker / "report.json"))
    assert code == 2
    assert err.startswith(f"Error: cannot write {blocker / 'report.json'}: ")
    assert "unexpected" not in err


def test_a_closed_pipe_ends_quietly(good: Path) -> None:
    probe = (
        "import sys\nfrom reconcile.cli import main\n"
        f"sys.argv = ['reconcile', 'check', {str(good)!r}, '-f', 'json']\nmain()\n"
    )
    result = subprocess.run(
        f"{sys.executable} -c {shlex.quote(probe)} | head -c 10 >/dev/null",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert "unexpected problem" not in result.stderr
    assert "Traceback" not in result.stderr


def test_a_template_never_replaces_an_existing_workbook_unasked(tmp_path: Path) -> None:
    filled = tmp_path / "OCW.xlsx"
    filled.write_bytes(b"filled in by OCW")
    code, _, err = run("template", "--ministry", "OCW", "-o", str(filled))
    assert code == 2
    assert "already exists; --force replaces it" in err
    assert filled.read_bytes() == b"filled in by OCW"
    assert run("template", "--ministry", "OCW", "-o", str(filled), "--force")[0] == 0
    assert filled.read_bytes() != b"filled in by OCW"


def test_a_broken_settings_file_does_not_stop_codes_or_help(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "reconcile.toml").write_text("nonsense = [", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("codes")[0] == 0
    assert run("check", "--help")[0] == 0
    code, _, err = run("check", ".")
    assert code == 2
    assert "reconcile.toml" in err
