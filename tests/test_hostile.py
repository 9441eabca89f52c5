"""The hostile corpus (tests/hostile/): each file is refused before any parser, with its code.

The files are built by tests/hostile/build_hostile.py; a test checks the committed bytes are
what the script builds, so every file's provenance is the script.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import reconcile.read as read
from reconcile.cli import cli
from reconcile.limits import Limits
from reconcile.read import check_bytes, read_file
from reconcile.read.read_cells_xlsx import UnreadableFileError, load_grids
from tests.hostile.build_hostile import CORPUS, build
from tests.spec import message

HOSTILE = Path(__file__).parent / "hostile"

REFUSED = {
    "empty.xlsx": ("file-empty", "The file is empty (0 bytes)."),
    "billion-laughs.xlsx": (
        "xml-entities",
        "xl/worksheets/sheet1.xml declares a DOCTYPE; XML that may declare entities is refused.",
    ),
    "quadratic-blowup.xlsx": (
        "xml-entities",
        "xl/sharedStrings.xml declares a DOCTYPE; XML that may declare entities is refused.",
    ),
    "external-entity.xlsx": (
        "xml-entities",
        "xl/workbook.xml declares a DOCTYPE; XML that may declare entities is refused.",
    ),
    "doctype-after-comment.xlsx": (
        "xml-entities",
        "[Content_Types].xml declares a DOCTYPE; XML that may declare entities is refused.",
    ),
    "doctype-utf16.xlsx": (
        "xml-entities",
        "[Content_Types].xml declares a DOCTYPE; XML that may declare entities is refused.",
    ),
    "doctype-hidden-part.xlsx": (
        "xml-entities",
        (
            "xl/printerSettings/settings1.dat declares a DOCTYPE; XML that may declare entities is "
            "refused."
        ),
    ),
    "zip-bomb-ratio.xlsx": (
        "zip-bomb",
        (
            "The file is refused as a possible zip bomb: xl/worksheets/sheet1.xml would unpack 933 "
            "times its packed size (5.0 MB), more than the limit of 100 times "
            "(--max-compression-ratio)."
        ),
    ),
    "zip-bomb-overlap.xlsx": (
        "zip-bomb",
        (
            "The file is refused as a possible zip bomb: its members would unpack to 273.0 MB, "
            "more than the limit of 200 MB (--max-unpacked-size)."
        ),
    ),
    "too-many-members.xlsx": (
        "zip-bomb",
        (
            "The file is refused as a possible zip bomb: it holds 1011 members, more "
            "than the limit of 1000 (--max-zip-members)."
        ),
    ),
    "encrypted.xlsx": (
        "file-encrypted",
        "The workbook is encrypted (password-protected), so it cannot be read.",
    ),
    "legacy-xls-renamed.xlsx": (
        "not-a-workbook",
        (
            "The file is not the workbook its name says: it is a legacy Excel 97-2003 "
            "workbook; name an .xls file .xls."
        ),
    ),
    "csv-renamed.xlsx": (
        "not-a-workbook",
        "The file is not the workbook its name says: it is a text file (CSV or similar).",
    ),
    "html-renamed.xlsx": (
        "not-a-workbook",
        (
            "The file is not the workbook its name says: it is an HTML page (often saved by a web "
            "application as .xls)."
        ),
    ),
    "zip-without-workbook.xlsx": (
        "not-a-workbook",
        "The file is not the workbook its name says: it is a zip archive without a workbook in it.",
    ),
    "ods-renamed.xlsx": (
        "not-a-workbook",
        (
            "The file is not the workbook its name says: it is an OpenDocument spreadsheet "
            "under another extension; rename it to .ods."
        ),
    ),
    "truncated.xlsx": (
        "file-corrupt",
        (
            "The workbook is damaged: the zip archive is truncated: its table of contents at the "
            "end is missing."
        ),
    ),
    "flipped-byte.xlsx": (
        "file-corrupt",
        (
            "The workbook is damaged: xl/worksheets/sheet1.xml cannot be unpacked intact "
            "(a checksum does not match: bytes were changed)."
        ),
    ),
    "far-cell.xlsx": (
        "limit-exceeded",
        (
            "The file uses 1048576 rows in this sheet, more than the limit of 100000 "
            "(--max-rows); it was not read."
        ),
    ),
    "lying-dimension.xlsx": (
        "limit-exceeded",
        (
            "The file uses 150000 rows in this sheet, more than the limit of 100000 "
            "(--max-rows); it was not read."
        ),
    ),
    "too-many-sheets.xlsx": (
        "limit-exceeded",
        "The file uses 101 sheets, more than the limit of 100 (--max-sheets); it was not read.",
    ),
    "second-workbook-part.xlsx": (
        "file-corrupt",
        (
            "The workbook is damaged: [Content_Types].xml names xl/other.xml as its workbook, not "
            "xl/workbook.xml, so readers would read different workbooks."
        ),
    ),
    "xls-far-cell.xls": (
        "limit-exceeded",
        (
            "The file uses at least 16777216 cells (last row x last column, all sheets), more "
            "than the "
            "limit of 2000000 (--max-cells); it was not read."
        ),
    ),
    "ods-repeat-bomb.ods": (
        "limit-exceeded",
        (
            "The file uses at least 16000 columns in this sheet, more than the limit of 1000 "
            "(--max-columns); it was not read."
        ),
    ),
}

READ_CLEAN = ["zip64.xlsx"]  # a valid ZIP64 archive is no zip bomb

READ_WITH_WARNING = {
    "macros.xlsm": (
        "macros-present",
        "The workbook contains macros (xl/vbaProject.bin); they were not run.",
    ),
    "external-link.xlsx": (
        "external-links",
        (
            "The workbook links to 1 external workbook (https://example.org/begroting.xlsx); "
            "it was not opened."
        ),
    ),
}

BOMBS = ["zip-bomb-ratio.xlsx", "zip-bomb-overlap.xlsx", "too-many-members.xlsx"]


def _no_parser(data: bytes, suffix: str) -> None:
    raise AssertionError("a parser was reached: the pre-flight should have refused the file")


def test_the_corpus_is_what_the_script_builds(tmp_path: Path) -> None:
    build(tmp_path)
    committed = sorted(
        p.name for p in HOSTILE.iterdir() if p.suffix in (".xlsx", ".xlsm", ".ods", ".xls")
    )
    assert committed == sorted(CORPUS)
    for name in CORPUS:
        assert (tmp_path / name).read_bytes() == (HOSTILE / name).read_bytes(), name


def test_every_file_of_the_corpus_has_an_expectation() -> None:
    assert sorted(CORPUS) == sorted([*REFUSED, *READ_WITH_WARNING, *READ_CLEAN])


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_file_is_refused_before_any_parser(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read, "load_workbook", _no_parser)
    result = read_file(HOSTILE / name, f"hostile/{name}")
    assert [(f.code, message(f)) for f in result.findings] == [REFUSED[name]]
    assert result.table is None


@pytest.mark.parametrize("name", BOMBS)
def test_zip_bomb_is_refused_without_unpacking_a_byte(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_unpacking(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        raise AssertionError(f"{info.filename} was unpacked")

    monkeypatch.setattr(check_bytes, "_chunks", no_unpacking)
    result = read_file(HOSTILE / name, name)
    assert [f.code for f in result.findings] == ["zip-bomb"]


@pytest.mark.parametrize("name", sorted(READ_WITH_WARNING))
def test_macros_and_external_links_are_reported_never_run(name: str) -> None:
    result = read_file(HOSTILE / name, name)
    assert result.table is not None
    assert [(f.code, message(f)) for f in result.findings if f.severity.value == "warning"] == [
        READ_WITH_WARNING[name]
    ]
    assert [(line.cells["amount"].cell, line.amount) for line in result.table.lines] == [
        ("F5", Decimal(5_100_000)),
        ("F6", Decimal(8_000_000)),
    ]


@pytest.mark.parametrize("name", READ_CLEAN)
def test_an_honest_workbook_in_an_unusual_archive_is_read(name: str) -> None:
    result = read_file(HOSTILE / name, name)
    assert result.findings == []
    assert result.table is not None
    assert [line.amount for line in result.table.lines] == [Decimal(5_100_000), Decimal(8_000_000)]


def _in_600_mb(args: list[str]) -> subprocess.CompletedProcess[str]:
    """reconcile in a process of at most 600 MB of address space and 60 s: a guard, so a
    reader that is not bounded fails the test instead of the machine."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (600 * 1024 * 1024,) * 2)
        resource.setrlimit(resource.RLIMIT_CPU, (60, 60))

    command = [sys.executable, "-m", "reconcile", *args]
    return subprocess.run(
        command, capture_output=True, text=True, preexec_fn=limit, timeout=120, check=False
    )


def test_a_file_size_limit_far_above_memory_is_read_in_chunks() -> None:
    result = _in_600_mb(["validate", "--max-file-size", "100000", str(HOSTILE / "zip64.xlsx")])
    assert result.returncode == 0, result.stderr
    assert "MemoryError" not in result.stderr


MEMORY_BOMBS = {  # tiny files that a reader without the pre-flight's count blows up
    "second-workbook-part.xlsx": "xl/other.xml",
    "ods-repeat-bomb.ods": "16000 columns",
    "far-cell.xlsx": "1048576 rows",
    "xls-far-cell.xls": "16777216 cells",
}


@pytest.mark.parametrize("name", sorted(MEMORY_BOMBS))
def test_a_memory_bomb_is_refused_by_every_command_within_600_mb(name: str, tmp_path: Path) -> None:
    path = str(HOSTILE / name)
    for args in (
        ["validate", path],
        ["validate", "--annotate", str(tmp_path), path],
        ["diff", path, path],
    ):
        result = _in_600_mb(args)
        assert result.returncode == 2, (args, result.stderr)
        assert MEMORY_BOMBS[name] in result.stdout + result.stderr, args


def test_every_refusal_through_the_command_line_exits_2_without_a_traceback() -> None:
    paths = [str(HOSTILE / name) for name in sorted(REFUSED)]
    result = CliRunner().invoke(cli, ["validate", "--format", "json", *paths])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for name, (code, _message) in REFUSED.items():
        assert f'"code": "{code}"' in result.output, name


@pytest.mark.parametrize(
    "name", ["billion-laughs.xlsx", "quadratic-blowup.xlsx", "external-entity.xlsx"]
)
def test_openpyxl_itself_refuses_entities_when_the_preflight_is_bypassed(name: str) -> None:
    # Defence in depth: openpyxl parses with defusedxml (the startup guard makes sure of it).
    with pytest.raises(UnreadableFileError):
        load_grids((HOSTILE / name).read_bytes())


def test_openpyxl_parses_with_defusedxml() -> None:
    import io

    from defusedxml import EntitiesForbidden
    from openpyxl.xml.functions import fromstring, iterparse

    laughs = b'<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><x>&b;</x>'
    with pytest.raises(EntitiesForbidden):
        fromstring(laughs)
    with pytest.raises(EntitiesForbidden):
        list(iterparse(io.BytesIO(laughs)))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(8, 9215), st.integers(0, 255)), min_size=1, max_size=8))
def test_a_damaged_xls_is_counted_or_left_to_calamine_never_a_crash(
    damage: list[tuple[int, int]],
) -> None:
    data = bytearray((HOSTILE / "xls-far-cell.xls").read_bytes())
    for at, value in damage:
        data[at] = value
    outcome = check_bytes.run_preflight(bytes(data), "x.xls", suffix=".xls")  # never raises
    assert outcome.refusal is None or outcome.refusal.code in ("limit-exceeded", "file-encrypted")


def _ole_workbook(stream: bytes) -> bytes:
    """A compound file (MS-CFB, 512-byte sectors) holding one stream, "Workbook": the header,
    one sector of the allocation table, one of the directory, then the stream (padded past
    the 4096 bytes below which a stream would live in the mini stream)."""
    import struct

    stream = stream.ljust(max(4096, -(-len(stream) // 512) * 512), b"\0")
    count, end, free = len(stream) // 512, 0xFFFFFFFE, 0xFFFFFFFF
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH6sI", 0x3E, 3, 0xFFFE, 9, 6, bytes(6), 0)
    header += struct.pack("<8I", 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<109I", 0, *[free] * 108)
    fat = [0xFFFFFFFD, end, *range(3, count + 2), end]
    fat_sector = struct.pack(f"<{len(fat)}I", *fat).ljust(512, b"\xff")

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return struct.pack(
            "<64sHBBIII16sI16sIQ", encoded, len(encoded), kind, 1, free, free, child,
            bytes(16), 0, bytes(16), start, size,
        )  # fmt: skip

    directory = entry("Root Entry", 5, 1, end, 0) + entry("Workbook", 2, free, 2, len(stream))
    return header + fat_sector + directory.ljust(512, b"\0") + stream


def test_an_xls_limit_names_the_worksheet_even_after_a_chart_sheet() -> None:
    # The sheets of an .xls are listed (BOUNDSHEET: name, offset of its BOF) in the order of
    # the tabs; a chart sheet "Grafiek" before the worksheet "Reservering" has a BOF of its own
    # but no cells. Counted by worksheet, the refusal named Reservering's rows "Grafiek"'s.
    import struct

    def record(kind: int, body: bytes) -> bytes:
        return struct.pack("<HH", kind, len(body)) + body

    def bof(kind: int) -> bytes:
        return record(0x0809, struct.pack("<HH", 0x0600, kind) + bytes(12))

    def boundsheet(offset: int, sheet_type: int, name: str) -> bytes:
        return record(
            0x0085, struct.pack("<IBBBB", offset, 0, sheet_type, len(name), 0) + name.encode()
        )

    chart = bof(0x0020) + record(0x000A, b"")
    number = record(0x0203, struct.pack("<HHHd", 499, 3, 0, 1000.0))  # D500, far below
    worksheet = bof(0x0010) + number + record(0x000A, b"")
    globals_size = len(bof(0x0005)) + len(boundsheet(0, 2, "Grafiek"))
    globals_size += len(boundsheet(0, 0, "Reservering")) + len(record(0x000A, b""))
    stream = (
        bof(0x0005)
        + boundsheet(globals_size, 2, "Grafiek")
        + boundsheet(globals_size + len(chart), 0, "Reservering")
        + record(0x000A, b"")
        + chart
        + worksheet
    )
    outcome = check_bytes.run_preflight(
        _ole_workbook(stream), "EZ.xls", Limits(max_rows=100), suffix=".xls"
    )
    assert outcome.refusal is not None
    assert (outcome.refusal.code, str(outcome.refusal.location)) == (
        "limit-exceeded",
        "EZ.xls:Reservering",
    )
    assert message(outcome.refusal).startswith("The file uses at least 500 rows in this sheet")
