"""A damaged file's message is in the reader's language, the library's own words too.

zipfile, expat, openpyxl and calamine say what is wrong in English; the known kinds of damage
are worded by the catalogue (reconcile/read/library_errors.py), with the line and column
where the library gives them, and anything else is quoted as the library's words."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import cli
from reconcile.codes import render
from reconcile.read.library_errors import library_detail
from tests.builders import write_workbook

HOSTILE = Path(__file__).resolve().parent / "hostile"


def _messages(path: Path, lang: str) -> list[tuple[str, str]]:
    """The errors of ``reconcile validate path --lang lang`` as (code, message)."""
    result = CliRunner().invoke(cli, ["validate", str(path), "--lang", lang, "--format", "json"])
    assert result.exit_code in (1, 2), result.output
    findings = json.loads(result.output)["findings"]
    return [(f["code"], f["message"]) for f in findings if f["severity"] == "error"]


def _with_sheet_xml_broken(tmp_path: Path) -> Path:
    """A workbook written from rows whose workbook part then lost its end."""
    good = tmp_path / "good.xlsx"
    write_workbook(good, {"Blad1": [["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"]]})
    broken = tmp_path / "EZ.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/workbook.xml":
                data = data[: data.index(b"<sheets>")]
            target.writestr(info, data)
    return broken


def test_broken_xml_is_said_with_its_place_in_dutch(tmp_path: Path) -> None:
    # Said once: it read "xl/workbook.xml is not well-formed XML (its XML is broken at line 2,
    # column 376)".
    path = _with_sheet_xml_broken(tmp_path)
    [(code, dutch)] = _messages(path, "nl")
    assert code == "file-corrupt"
    assert re.fullmatch(
        r"De werkmap is beschadigd: de XML van xl/workbook\.xml is kapot op regel 2, kolom \d+\.",
        dutch,
    )
    [(_, english)] = _messages(path, "en")
    assert re.fullmatch(
        r"The workbook is damaged: the XML of xl/workbook\.xml is broken at line 2, column \d+\.",
        english,
    )


def test_a_zip_archive_with_a_broken_table_of_contents_is_said_broken_once(
    tmp_path: Path,
) -> None:
    # Its central directory's first entry lost its signature: it read "its zip structure is
    # damaged (its zip archive is broken)".
    good = tmp_path / "good.xlsx"
    write_workbook(good, {"Blad1": [["Hoofdstuk", "Artikel", "Omschrijving", "Jaar", "Bedrag"]]})
    data = good.read_bytes()
    at = data.index(b"PK\x01\x02")
    path = tmp_path / "EZ.xlsx"
    path.write_bytes(data[:at] + b"PK\x01\x09" + data[at + 4 :])
    assert _messages(path, "en") == [
        ("file-corrupt", "The workbook is damaged: its zip archive is broken.")
    ]
    assert _messages(path, "nl") == [
        ("file-corrupt", "De werkmap is beschadigd: het zip-archief is kapot.")
    ]


def test_a_changed_byte_is_said_as_a_checksum_in_dutch() -> None:
    [(code, dutch)] = _messages(HOSTILE / "flipped-byte.xlsx", "nl")
    assert code == "file-corrupt"
    assert dutch.endswith("(een controlegetal klopt niet: er zijn bytes veranderd).")
    assert "CRC" not in dutch and "BadZipFile" not in dutch


@pytest.mark.parametrize(
    ("error", "english", "dutch"),
    [
        (zipfile.BadZipFile("File is not a zip file"), "its zip archive is broken", "kapot"),
        (EOFError(), "it ends too soon", "het houdt te vroeg op"),
        (
            KeyError("There is no item named 'xl/workbook.xml' in the archive"),
            "a part a workbook needs is missing (xl/workbook.xml)",
            "een deel dat een werkmap nodig heeft ontbreekt (xl/workbook.xml)",
        ),
        (
            RuntimeError("Something\nodd"),  # no known kind: quoted, its first line
            'the library says: "RuntimeError: Something"',
            'de bibliotheek meldt: "RuntimeError: Something"',
        ),
    ],
)
def test_each_known_kind_is_worded_and_any_other_quoted(
    error: Exception, english: str, dutch: str
) -> None:
    detail = library_detail(error)
    assert render(detail, "en") == english
    assert dutch in render(detail, "nl")


def test_a_librarys_long_words_are_cut_and_made_printable() -> None:
    shown = render(library_detail(ValueError("x\x07" * 200)), "en")
    assert len(shown) < 200 and "\x07" not in shown


def test_an_xls_cut_short_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    # calamine panics on this .xls cut short (a slice past its end); pyo3 raises a panic as a
    # BaseException, which went past the reader's `except Exception` to a traceback
    whole = Path(__file__).resolve().parent / "corpus" / "calendar-1904.libreoffice.xls"
    path = tmp_path / "EZ.xls"
    path.write_bytes(whole.read_bytes()[:5000])
    [(code, dutch)] = _messages(path, "nl")
    assert code == "file-unreadable"
    assert dutch.startswith("Het bestand is niet te lezen: de werkmap is beschadigd")
    [(_, english)] = _messages(path, "en")
    assert english.startswith("The file cannot be read: the workbook is damaged")
