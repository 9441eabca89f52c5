"""Build the corpus of hostile files in tests/hostile/: each the smallest file of its kind.

Every file is built from an honest one-sheet submission written by tests/builders.py, then
taken apart and put together again the way an attacker or a damaged transfer would: entity
declarations in a part, a member that would unpack a thousand times its size, directory
entries that all point at one member (the overlapping zip bomb), an encrypted Office container
(a minimal compound file, MS-CFB version 3, with the streams Excel writes for a password), a
CSV or HTML page renamed to .xlsx, a cut-off archive, a flipped byte. Zip members carry a fixed
date, so the same script always writes the same bytes (a test checks this).

Run:  python tests/hostile/build_hostile.py      (writes the files next to this script)
"""

from __future__ import annotations

import io
import random
import struct
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.builders import write_workbook  # noqa: E402

DATE = (2025, 9, 16, 12, 0, 0)
Members = list[tuple[str, bytes]]
SHEET = "xl/worksheets/sheet1.xml"

ROWS = [
    ["Ministerie van Economische Zaken"],
    ["(bedragen x € 1.000)"],
    [],
    ["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", "Jaar", "Bedrag"],
    ["XIII", 2, "AI-fabriek Groningen: rekeninfrastructuur", "U", 2025, 5100],
    ["XIII", 2, "AI-fabriek Groningen: rekeninfrastructuur", "U", 2026, 8000],
]


def honest_members(rows: list[list[object]] | None = None, sheets: int = 1) -> Members:
    """The members of an honest submission workbook, in the order xlsxwriter writes them."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "honest.xlsx"
        tables = {"Reservering" if n == 0 else f"Blad{n + 1}": rows or ROWS for n in range(sheets)}
        write_workbook(path, tables)
        with zipfile.ZipFile(path) as archive:
            return [(info.filename, archive.read(info)) for info in archive.infolist()]


def zip_members(members: Members, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of ``members`` with fixed dates: the same members always give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = method
            archive.writestr(info, data)
    return buffer.getvalue()


def replaced(members: Members, name: str, data: bytes) -> Members:
    return [(n, data if n == name else d) for n, d in members]


def with_prolog(members: Members, name: str, prolog: bytes) -> Members:
    """``name`` with ``prolog`` put between its XML declaration and its root element."""
    data = dict(members)[name]
    declaration_end = data.index(b"?>") + 2
    return replaced(members, name, data[:declaration_end] + prolog + data[declaration_end:])


# --- entity tricks ------------------------------------------------------------------------
BILLION_LAUGHS = b"""
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>"""


def billion_laughs() -> bytes:
    members = with_prolog(honest_members(), SHEET, BILLION_LAUGHS)
    data = dict(members)[SHEET].replace(
        b"<sheetData>",
        b'<sheetData><row r="99"><c r="A99" t="inlineStr"><is><t>&lol9;</t></is></c></row>',
        1,
    )
    return zip_members(replaced(members, SHEET, data))


def quadratic_blowup() -> bytes:
    entity = b'\n<!DOCTYPE sst [<!ENTITY a "' + b"a" * 5_000 + b'">]>'
    members = with_prolog(honest_members(), "xl/sharedStrings.xml", entity)
    strings = dict(members)["xl/sharedStrings.xml"]
    strings = strings.replace(b"<t>Hoofdstuk</t>", b"<t>" + b"&a;" * 5_000 + b"</t>", 1)
    return zip_members(replaced(members, "xl/sharedStrings.xml", strings))


def external_entity() -> bytes:
    entity = b'\n<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    return zip_members(with_prolog(honest_members(), "xl/workbook.xml", entity))


def doctype_after_comment() -> bytes:
    """A DOCTYPE hidden after a comment that looks like an element: the prolog is parsed."""
    prolog = b'\n<!-- <Types> -->\n<?pi x?>\n<!DOCTYPE Types [<!ENTITY e SYSTEM "http://x/">]>'
    return zip_members(with_prolog(honest_members(), "[Content_Types].xml", prolog))


def doctype_utf16() -> bytes:
    members = honest_members()
    text = dict(members)["[Content_Types].xml"].decode("utf-8")
    text = text.replace('encoding="UTF-8"', 'encoding="UTF-16"').replace(
        "?>", '?><!DOCTYPE Types [<!ENTITY e "e">]>', 1
    )
    return zip_members(replaced(members, "[Content_Types].xml", text.encode("utf-16")))


def doctype_hidden_part() -> bytes:
    """An XML part under a name that does not say XML: parts are known by their content."""
    part = (
        b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    )
    return zip_members([*honest_members(), ("xl/printerSettings/settings1.dat", part)])


# --- zip bombs ----------------------------------------------------------------------------
def zip_bomb_ratio() -> bytes:
    """The sheet padded with 5 MB of spaces: a member that unpacks about 1,000 times its size."""
    data = dict(honest_members())[SHEET]
    padded = data.replace(b"<sheetData>", b"<sheetData>" + b" " * (5 * 1024 * 1024), 1)
    return zip_members(replaced(honest_members(), SHEET, padded))


def zip_bomb_overlap() -> bytes:
    """90 directory entries for one 3 MB member (ratio under 100): 270 MB declared in all."""
    rng = random.Random(6)
    block = bytes(rng.choice(b"0123456789") if rng.random() < 0.004 else 32 for _ in range(1 << 16))
    data = zip_members([*honest_members(), ("xl/media/blob.bin", block * 48)])
    end = data.rindex(b"PK\x05\x06")
    (directory_start,) = struct.unpack_from("<I", data, end + 16)
    directory = data[directory_start:end]
    blob_entry = directory[directory.rindex(b"PK\x01\x02") :]  # the last member's entry
    copies = [
        blob_entry.replace(b"xl/media/blob.bin", f"xl/media/b{n:03d}.bin".encode())
        for n in range(90)
    ]
    count = directory.count(b"PK\x01\x02") + len(copies)
    new_directory = directory + b"".join(copies)
    end_record = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, count, count, len(new_directory), directory_start, 0
    )
    return data[:directory_start] + new_directory + end_record


def too_many_members() -> bytes:
    extra = [(f"x/{n:04d}", b"") for n in range(1_001)]
    return zip_members([*honest_members(), *extra], zipfile.ZIP_STORED)


# --- not a workbook -----------------------------------------------------------------------
def compound_file(streams: dict[str, bytes]) -> bytes:
    """A minimal compound file (MS-CFB v3, 512-byte sectors); each stream at least 4 KB."""
    free, end_of_chain, fat_sector, no_stream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    sectors: list[bytes] = []
    fat = [fat_sector, end_of_chain]  # sector 0: the FAT, sector 1: the directory
    starts = []
    for data in streams.values():
        padded = data + b"\0" * (-len(data) % 512)
        first = 2 + len(sectors)
        count = len(padded) // 512
        starts.append(first)
        fat += [first + i + 1 for i in range(count - 1)] + [end_of_chain]
        sectors += [padded[i * 512 : (i + 1) * 512] for i in range(count)]
    fat += [free] * (128 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return struct.pack(
            "<64sHBBIII16sIQQIQ",
            encoded,
            len(encoded),
            kind,
            1,
            no_stream,
            right,
            child,
            b"\0" * 16,
            0,
            0,
            0,
            start,
            size,
        )

    names = list(streams)
    directory = entry("Root Entry", 5, 1, no_stream, end_of_chain, 0)
    for index, name in enumerate(names):
        right = index + 2 if index + 1 < len(names) else no_stream
        directory += entry(name, 2, no_stream, right, starts[index], len(streams[name]))
    directory += entry("", 0, no_stream, no_stream, 0, 0) * (4 - 1 - len(names))
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"\0" * 16,
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        b"\0" * 6,
        0,
        1,
        1,
        0,
        4096,
        end_of_chain,
        0,
        end_of_chain,
        0,
    ) + struct.pack("<109I", 0, *([free] * 108))
    return header + struct.pack("<128I", *fat) + directory + b"".join(sectors)


def encrypted() -> bytes:
    """What Excel saves for a workbook with a password to open (agile encryption)."""
    rng = random.Random(2)
    info = struct.pack("<HHI", 4, 4, 0x40) + (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
        b'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" '
        b'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/>'
        b"</encryption>"
    )
    package = struct.pack("<Q", 9_000) + bytes(rng.randrange(256) for _ in range(4_096))
    return compound_file({"EncryptionInfo": info.ljust(4_096, b"\0"), "EncryptedPackage": package})


def legacy_xls() -> bytes:
    """A .xls (BIFF8) renamed: a compound file with a Workbook stream starting with a BOF."""
    bof = struct.pack("<HHHHHHII", 0x0809, 16, 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06)
    return compound_file({"Workbook": bof.ljust(4_096, b"\0")})


def csv_renamed() -> bytes:
    return (
        b"Hoofdstuk;Artikel;Omschrijving;Jaar;Bedrag\r\n"
        b"XIII;2;AI-fabriek Groningen;2025;5.100\r\n"
        b"XIII;2;AI-fabriek Groningen;2026;8.000\r\n"
    )


def html_renamed() -> bytes:
    return (
        b"<html><body><table><tr><td>Hoofdstuk</td><td>Bedrag</td></tr>"
        b"<tr><td>XIII</td><td>5100</td></tr></table></body></html>\n"
    )


def zip_without_workbook() -> bytes:
    return zip_members([("readme.txt", b"not a workbook\n")])


def ods_renamed() -> bytes:
    return zip_members(
        [
            ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", b'<?xml version="1.0"?><office:document-content/>'),
        ],
        zipfile.ZIP_STORED,
    )


LIBREOFFICE_ODS = HERE.parent / "corpus" / "awkward.libreoffice.ods"  # saved by LibreOffice


def ods_repeat_bomb() -> bytes:
    """A LibreOffice .ods with one more row: a cell with a value repeated over 16,000 columns,
    the row repeated 6,000 times; a reader that expands repeats makes 96 million cells (calamine
    itself stops at 100 million).
    (The sheets already end as LibreOffice ends them, in empty rows repeated a million times.)"""
    with zipfile.ZipFile(LIBREOFFICE_ODS) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    bomb = (
        b'<table:table-row table:number-rows-repeated="6000"><table:table-cell '
        b'office:value-type="float" office:value="1" table:number-columns-repeated="16000">'
        b"<text:p>1</text:p></table:table-cell></table:table-row>"
    )
    content = dict(members)["content.xml"]
    last_rows = b'<table:table-row table:style-name="ro1" table:number-rows-repeated="1048559">'
    assert last_rows in content
    content = content.replace(last_rows, bomb + last_rows, 1)
    # calamine knows an .ods by its mimetype, stored first
    return zip_members(replaced(members, "content.xml", content), zipfile.ZIP_STORED)


# --- damaged ------------------------------------------------------------------------------
def truncated() -> bytes:
    data = zip_members(honest_members())
    return data[: len(data) // 2]


def flipped_byte() -> bytes:
    """One byte of the sheet's compressed data inverted: its checksum no longer matches."""
    data = bytearray(zip_members(honest_members()))
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo(SHEET)
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    data[start + info.compress_size // 2] ^= 0xFF
    return bytes(data)


# --- too big inside -------------------------------------------------------------------------
def far_cell() -> bytes:
    """One cell at XFD1048576, the last cell of a sheet: a tiny file, a huge grid."""
    members = honest_members()
    sheet = dict(members)[SHEET].replace(
        b"</sheetData>",
        b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
        1,
    )
    return zip_members(replaced(members, SHEET, sheet))


def lying_dimension() -> bytes:
    """The sheet declares A1:F6 but holds a cell in row 150,000."""
    members = honest_members()
    sheet = dict(members)[SHEET]
    assert b'<dimension ref="A1:F6"/>' in sheet
    sheet = sheet.replace(
        b"</sheetData>",
        b'<row r="150000"><c r="A150000"><v>1</v></c></row></sheetData>',
        1,
    )
    return zip_members(replaced(members, SHEET, sheet))


def too_many_sheets() -> bytes:
    return zip_members(honest_members([["x"]], sheets=101))


def second_workbook_part() -> bytes:
    """[Content_Types].xml names xl/other.xml as the workbook (openpyxl opens the part it names),
    whose sheet holds a far cell; xl/workbook.xml, which the pre-flight counts, is honest."""
    members = honest_members()
    parts = dict(members)
    types = parts["[Content_Types].xml"].replace(
        b'PartName="/xl/workbook.xml"', b'PartName="/xl/other.xml"'
    )
    far = parts[SHEET].replace(
        b"</sheetData>",
        b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
        1,
    )
    rels = parts["xl/_rels/workbook.xml.rels"].replace(b"worksheets/sheet1.xml", b"big/sheet.xml")
    return zip_members(
        [
            *replaced(members, "[Content_Types].xml", types),
            ("xl/other.xml", parts["xl/workbook.xml"]),
            ("xl/_rels/other.xml.rels", rels),
            ("xl/big/sheet.xml", far),
        ]
    )


LIBREOFFICE_XLS = HERE.parent / "corpus" / "awkward.libreoffice.xls"  # saved by LibreOffice


def xls_far_cell() -> bytes:
    """A LibreOffice .xls whose first sheet's last text cell is moved to row 65,536, column IV
    (the last cell of a BIFF8 sheet): the same size, a grid of 16.7 million cells for a reader
    that builds one (calamine reached 1.3 GB).
    The Workbook stream of this file lies in one run of sectors, so a record is patched in place.
    """
    data = bytearray(LIBREOFFICE_XLS.read_bytes())
    header = data[:512]
    assert header[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    bof = bytes.fromhex("09081000") + b"\x00\x06\x05\x00"  # BIFF8 workbook globals
    start = data.find(bof)
    at, last = start, None
    while at + 4 <= len(data):
        kind, length = struct.unpack_from("<HH", data, at)
        if kind == 0x00FD:  # LABELSST: a text cell, row and column first
            last = at
        if kind == 0x000A and last is not None and at > last:  # the EOF after a sheet's cells
            break
        at += 4 + length
    assert last is not None
    struct.pack_into("<HH", data, last + 4, 65535, 255)
    return bytes(data)


# --- read as any workbook ---------------------------------------------------------------------
def zip64() -> bytes:
    """An honest workbook in a ZIP64 archive: the end record counts 0xFFFF members and points to
    the ZIP64 end record, which holds the real count (as writers of large archives do)."""
    data = zip_members(honest_members())
    end = data.rfind(b"PK\x05\x06")
    entries, size, offset = struct.unpack_from("<HII", data, end + 10)
    record = struct.pack(
        "<4sQHHIIQQQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries, size, offset
    )
    locator = struct.pack("<4sIQI", b"PK\x06\x07", 0, end, 1)
    eocd = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, size, offset, 0)
    return data[:end] + record + locator + eocd


# --- read, with a warning ---------------------------------------------------------------------
def with_macros() -> bytes:
    return zip_members([*honest_members(), ("xl/vbaProject.bin", b"\xcc\x61" + b"\0" * 510)])


def with_external_link() -> bytes:
    link = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships" r:id="rId1"/></externalLink>'
    )
    rels = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/externalLinkPath" Target="https://example.org/begroting.xlsx" '
        b'TargetMode="External"/></Relationships>'
    )
    return zip_members(
        [
            *honest_members(),
            ("xl/externalLinks/externalLink1.xml", link),
            ("xl/externalLinks/_rels/externalLink1.xml.rels", rels),
        ]
    )


CORPUS: dict[str, Callable[[], bytes]] = {
    "empty.xlsx": bytes,
    "billion-laughs.xlsx": billion_laughs,
    "quadratic-blowup.xlsx": quadratic_blowup,
    "external-entity.xlsx": external_entity,
    "doctype-after-comment.xlsx": doctype_after_comment,
    "doctype-utf16.xlsx": doctype_utf16,
    "doctype-hidden-part.xlsx": doctype_hidden_part,
    "zip-bomb-ratio.xlsx": zip_bomb_ratio,
    "zip-bomb-overlap.xlsx": zip_bomb_overlap,
    "too-many-members.xlsx": too_many_members,
    "encrypted.xlsx": encrypted,
    "legacy-xls-renamed.xlsx": legacy_xls,
    "csv-renamed.xlsx": csv_renamed,
    "html-renamed.xlsx": html_renamed,
    "zip-without-workbook.xlsx": zip_without_workbook,
    "ods-renamed.xlsx": ods_renamed,
    "truncated.xlsx": truncated,
    "flipped-byte.xlsx": flipped_byte,
    "far-cell.xlsx": far_cell,
    "lying-dimension.xlsx": lying_dimension,
    "too-many-sheets.xlsx": too_many_sheets,
    "second-workbook-part.xlsx": second_workbook_part,
    "ods-repeat-bomb.ods": ods_repeat_bomb,
    "xls-far-cell.xls": xls_far_cell,
    "zip64.xlsx": zip64,
    "macros.xlsm": with_macros,
    "external-link.xlsx": with_external_link,
}


def build(folder: Path) -> list[Path]:
    written = []
    for name, make in CORPUS.items():
        path = folder / name
        path.write_bytes(make())
        written.append(path)
    return written


if __name__ == "__main__":
    for path in build(HERE):
        print(f"{path.stat().st_size:>8}  {path.relative_to(HERE.parent.parent)}")
