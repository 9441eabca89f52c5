"""Pre-flight: look at a file's bytes as a mail gateway looks at an attachment, before any parser.

Every workbook comes from another organisation, so it is treated as hostile until shown
otherwise. The checks here need no spreadsheet library: the file's first bytes say what it is
(empty, an OLE container, text, a zip), the zip's own table of contents says how big it would
unpack (refused above the limits without unpacking a byte), and one streaming pass over the
members checks their checksums, refuses XML with a DOCTYPE (entity tricks), and counts the
cells each sheet really holds (the sheet's declared dimension is never trusted). Only a file
that passes is handed to a reader, whichever reader that is.
"""

from __future__ import annotations

import codecs
import functools
import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import Any

from reconcile.codes import make_finding
from reconcile.limits import DEFAULT_LIMITS, MB, Limits
from reconcile.model import CellRef, Finding, Phrase, Size
from reconcile.read.cells import column_letter
from reconcile.read.library_errors import ZIP_BROKEN, library_detail, xml_damage

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
END_OF_DIRECTORY = b"PK\x05\x06"  # also how an empty zip archive starts
ZIP64_LOCATOR, ZIP64_END = b"PK\x06\x07", b"PK\x06\x06"
RATIO_FLOOR = MB  # members unpacking to less cannot harm: their ratio is not checked
PROLOG_BYTES = 64 * 1024  # an honest XML prolog is under 200 bytes
CHUNK = MB
TEXT_SUFFIXES = (".csv", ".tsv")  # tables as text: only their size is checked here


# What the calamine reader looks for in a sheet's XML (read_cells_calamine.scan_part): where none
# occurs, the sheet holds no formula, error value, or hidden row or column. "<f" and ":f" find a
# formula whatever follows its name (a space, a tab, a line break, "/>"); they also find a
# <formula1> of a drop-down, which only costs that sheet the second look.
EXTRAS_NEEDLES = (b"<f", b":f", b't="e"', b'hidden="')
NEEDLE_TAIL = max(map(len, EXTRAS_NEEDLES)) - 1  # what a needle cut by a chunk border leaves


def holds_needles(window: bytes) -> bool:
    """Whether one of EXTRAS_NEEDLES occurs in ``window`` (a chunk of sheet XML, after the
    last NEEDLE_TAIL bytes of the chunk before, so a needle cut by the border is found).

    A single byte is found by memchr, several times faster than a search for two or more;
    most chunks of sheet XML hold no "f" (none outside formulas where the text is in shared
    strings, as Excel saves it) and no "h", so their needles are not searched for at all.
    """
    return (
        (b"f" in window and (b"<f" in window or b":f" in window))
        or b't="e"' in window
        or (b"h" in window and b'hidden="' in window)
    )


@dataclass
class Preflight:
    """The verdict on one file: a refusal (fatal finding), or notes to keep beside its table.

    ``plain_parts`` are the sheet parts (zip members) in which none of ``EXTRAS_NEEDLES``
    occurs: the pre-flight unpacks every member anyway, so the calamine reader need not unpack
    these a second time to learn that.
    """

    refusal: Finding | None = None
    notes: list[Finding] = field(default_factory=list)
    plain_parts: frozenset[str] = frozenset()


class _RefusedError(Exception):
    def __init__(self, code: str, sheet: str | None = None, **params: object) -> None:
        super().__init__(code)
        self.code, self.sheet, self.params = code, sheet, params


def _check_sheet_count(count: int, limits: Limits) -> None:
    """The sheets-per-file limit, the same for a workbook's parts and a reader's grids."""
    if count > limits.max_sheets:
        raise _RefusedError(
            "limit-exceeded",
            what=Phrase("sheets"),
            actual=count,
            limit=limits.max_sheets,
            option=Limits.option("max_sheets"),
        )


def check_size(size: int, display: str, limits: Limits) -> Finding | None:
    """The file-size limit, checked on the file system before a byte is read."""
    if size > limits.max_file_size * MB:
        return make_finding(
            "file-too-large",
            CellRef(display),
            size=Size(size),
            limit=f"{limits.max_file_size} MB",
            option=Limits.option("max_file_size"),
        )
    return None


def run_preflight(
    data: bytes, display: str, limits: Limits = DEFAULT_LIMITS, suffix: str = ".xlsx"
) -> Preflight:
    """Decide whether ``data``, from a file named ``*suffix``, may be handed to a reader at all.

    .xlsx/.xlsm and .ods are zip archives and get every check; an .xls is an OLE container,
    which is only checked for encryption (its cells are counted by ``check_grids``); a .csv
    or .tsv only for its size (its reader refuses what is not text).
    """
    suffix = suffix.lower()
    try:
        too_large = check_size(len(data), display, limits)
        if too_large is not None:
            return Preflight(too_large)
        if suffix in TEXT_SUFFIXES:  # the CSV reader tells empty, binary and workbook files
            return Preflight()
        if _identify(data, suffix) == "ole":
            _count_xls(data, limits)
            return Preflight()
        return _inspect_archive(data, display, limits, suffix)
    except _RefusedError as refused:
        where = CellRef(display, refused.sheet)
        return Preflight(make_finding(refused.code, where, **refused.params))


# --- what the bytes are ----------------------------------------------------------------


def _identify(data: bytes, suffix: str) -> str:
    """ "zip" or "ole" (for an .xls), or the refusal of what the bytes are."""
    if not data:
        raise _RefusedError("file-empty")
    if data.startswith(OLE_MAGIC):
        if _utf16(b"EncryptedPackage") in data or _utf16(b"EncryptionInfo") in data:
            raise _RefusedError("file-encrypted")
        if suffix == ".xls":
            return "ole"
        kind = (
            Phrase("a legacy Excel 97-2003 workbook; name an .xls file .xls")
            if _utf16(b"Workbook") in data or _utf16(b"Book") in data
            else Phrase("an OLE compound file (an old Office format), not a workbook")
        )
        raise _RefusedError("not-a-workbook", kind=kind)
    if data.startswith(END_OF_DIRECTORY):
        raise _RefusedError("not-a-workbook", kind=Phrase("an empty zip archive"))
    if not data.startswith(ZIP_MAGIC):
        raise _RefusedError("not-a-workbook", kind=_describe_non_zip(data))
    return "zip"


def _utf16(name: bytes) -> bytes:
    return name.decode("ascii").encode("utf-16-le")


def _describe_non_zip(data: bytes) -> Phrase:
    head = data[:4096]
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith(b"%pdf"):
        return Phrase("a PDF document")
    if b"urn:schemas-microsoft-com:office:spreadsheet" in lowered:
        return Phrase("an XML Spreadsheet 2003 file")
    if lowered.startswith((b"<!doctype html", b"<html", b"<table")) or b"<html" in lowered:
        return Phrase("an HTML page (often saved by a web application as .xls)")
    if _looks_like_text(head):
        return Phrase("a text file (CSV or similar)")
    return Phrase("in a format reconcile does not read")


def _looks_like_text(head: bytes) -> bool:
    for encoding in ("utf-8", "utf-16", "cp1252"):
        try:  # incrementally: a character cut off at 4 KB is not an error
            text = codecs.getincrementaldecoder(encoding)().decode(head)
        except UnicodeError:  # UTF-16 without a byte-order mark raises the base class
            continue
        printable = sum(ch.isprintable() or ch in "\t\r\n" for ch in text)
        if text and printable / len(text) > 0.95:
            return True
    return False


# --- the .xls: its cells counted from the BIFF records, before calamine builds a grid --------

_END_OF_CHAIN = 0xFFFFFFFE


def ole_stream(data: bytes, names: tuple[str, ...] = ("Workbook", "Book")) -> bytes | None:
    """The first stream of a compound file (MS-CFB) named one of ``names``, or None.

    Every chain is followed at most as many steps as the file has sectors, so a looping or
    lying table of sectors cannot keep it busy; a damaged file raises struct.error or
    ValueError."""
    shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if shift not in (9, 12) or mini_shift != 6:
        raise ValueError("unusual sector sizes")
    size = 1 << shift
    sectors = len(data) // size
    (fat_count, dir_start, _, cutoff, mini_fat_start, _, difat_start, difat_count) = (
        struct.unpack_from("<8I", data, 0x2C)
    )

    def sector(number: int) -> bytes:
        if number >= sectors:
            raise ValueError("a sector beyond the file")
        return data[(number + 1) * size : (number + 2) * size]

    fat_sectors = list(struct.unpack_from("<109I", data, 0x4C))
    for _ in range(min(difat_count, sectors)):
        listed = struct.unpack(f"<{size // 4}I", sector(difat_start))
        fat_sectors += listed[:-1]
        difat_start = listed[-1]
    fat_sectors = fat_sectors[: min(fat_count, sectors)]
    fat = [n for s in fat_sectors for n in struct.unpack(f"<{size // 4}I", sector(s))]

    def chain(start: int, table: list[int], piece: Callable[[int], bytes]) -> bytes:
        parts: list[bytes] = []
        for _ in range(len(table)):
            if start == _END_OF_CHAIN:
                return b"".join(parts)
            if start >= len(table):
                raise ValueError("a broken chain of sectors")
            parts.append(piece(start))
            start = table[start]
        raise ValueError("a chain of sectors that loops")

    directory = chain(dir_start, fat, sector)
    entries = [directory[i : i + 128] for i in range(0, len(directory) - 127, 128)]
    for entry in entries:
        length, kind = struct.unpack_from("<HB", entry, 64)
        name = entry[: max(length - 2, 0)].decode("utf-16-le", "replace")
        if kind != 2 or name not in names:
            continue
        start, stream_size = struct.unpack_from("<IQ", entry, 116)
        if stream_size >= cutoff:
            return chain(start, fat, sector)[:stream_size]
        root_start, root_size = struct.unpack_from("<IQ", entries[0], 116)
        mini_stream = chain(root_start, fat, sector)[:root_size]
        table = chain(mini_fat_start, fat, sector)
        mini_fat = list(struct.unpack(f"<{len(table) // 4}I", table))

        def mini_sector(number: int, mini: bytes = mini_stream) -> bytes:
            return mini[number * 64 : (number + 1) * 64]

        return chain(start, mini_fat, mini_sector)[:stream_size]
    return None


_BIFF_BOF, _BIFF_EOF, _BIFF_BOUNDSHEET = 0x0809, 0x000A, 0x0085
# Records of a cell with a value (a number, text, formula, boolean or error), row and column
# first; MULRK holds several cells of a row. Blank cells (BLANK, MULBLANK) carry only a format.
_BIFF_CELLS = frozenset({0x0203, 0x027E, 0x00FD, 0x0204, 0x0205, 0x0006, 0x00D6})
_BIFF_MULRK = 0x00BD


def _count_xls(data: bytes, limits: Limits) -> None:
    """The rows and columns of every sheet of a BIFF8 .xls, from its cell records, against
    the limits before calamine builds a grid (a far cell made it reach 1.3 GB first). A file
    whose records cannot be walked is left to calamine, which refuses it."""
    try:
        stream = ole_stream(data)
    except (struct.error, ValueError):
        return
    if stream is None:
        return
    # A sheet is named by the BOUNDSHEET record that points at its BOF, as calamine names it:
    # counted in order, a chart or macro sheet before a worksheet would lend it its name.
    names: dict[int, str] = {}  # a BOF's offset in the stream -> its sheet's name
    sheets = 0
    sheet: _SheetCount | None = None
    area, at = 0, 0
    while at + 4 <= len(stream):
        start = at
        kind, length = struct.unpack_from("<HH", stream, at)
        body = stream[at + 4 : at + 4 + length]
        at += 4 + length
        if kind == _BIFF_BOUNDSHEET and len(body) >= 8:
            names[struct.unpack_from("<I", body)[0]] = biff_sheet_name(body)
        elif kind == _BIFF_BOF and len(body) >= 4:
            if struct.unpack_from("<H", body, 2)[0] == 0x0010:  # a worksheet begins
                sheets += 1
                sheet = _SheetCount(names.get(start, f"sheet {sheets}"))
            else:
                sheet = None
        elif sheet is not None and kind == _BIFF_EOF:
            _check_sheet(sheet, limits, area)
            area += sheet.last_row * sheet.last_column
            sheet = None
        elif sheet is not None and len(body) >= 6 and (kind in _BIFF_CELLS or kind == _BIFF_MULRK):
            row, column = struct.unpack_from("<HH", body)
            if kind == _BIFF_MULRK:
                (column,) = struct.unpack_from("<H", body, len(body) - 2)
            sheet.last_row = max(sheet.last_row, row + 1)
            sheet.last_column = max(sheet.last_column, column + 1)
            _check_sheet(sheet, limits, area, partial=True)


def biff_sheet_name(body: bytes) -> str:
    """A sheet's name in its BOUNDSHEET record: Latin-1, or UTF-16 when flagged."""
    count, wide = body[6], body[7] & 1
    text = body[8 : 8 + count * (2 if wide else 1)]
    return text.decode("utf-16-le" if wide else "latin-1", "replace")


# --- the zip archive -------------------------------------------------------------------


def _inspect_archive(data: bytes, display: str, limits: Limits, suffix: str) -> Preflight:
    _check_member_count(_declared_entries(data), limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        detail = library_detail(exc)  # "its zip archive is broken" is said once, not twice
        reason = (
            detail
            if detail.text == ZIP_BROKEN
            else Phrase("its zip structure is damaged ({detail})", {"detail": detail})
        )
        raise _RefusedError("file-corrupt", reason=reason) from exc
    with archive:
        members = archive.infolist()
        _check_member_count(len(members), limits)
        _check_declared_sizes(members, limits)
        names = {info.filename for info in members}
        family = _family(archive, names)
        if family != ("ods" if suffix == ".ods" else "ooxml"):
            raise _RefusedError("not-a-workbook", kind=_describe_zip(names, family))
        if family == "ooxml":
            _check_workbook_part(archive, names)
        sheets = _sheet_parts(archive, names, limits) if family == "ooxml" else {}
        _scan_members(archive, members, sheets, limits)
        if family == "ods":
            _count_ods(archive, limits)
        plain = frozenset(part for part, sheet in sheets.items() if not sheet.has_needles)
        return Preflight(None, _notes(archive, names, display), plain)


def _declared_entries(data: bytes) -> int:
    """The member count the archive's end record declares, read before zipfile builds a list."""
    at = data.rfind(END_OF_DIRECTORY, max(0, len(data) - 65_557))
    if at < 0 or len(data) < at + 22:
        raise _RefusedError(
            "file-corrupt",
            reason=Phrase(
                "the zip archive is truncated: its table of contents at the end is missing"
            ),
        )
    (entries,) = struct.unpack_from("<H", data, at + 10)
    if entries == 0xFFFF:  # ZIP64: the count is in the ZIP64 end record its locator points at
        locator = at - 20
        if locator >= 0 and data[locator : locator + 4] == ZIP64_LOCATOR:
            (record,) = struct.unpack_from("<Q", data, locator + 8)
            if record + 56 <= len(data) and data[record : record + 4] == ZIP64_END:
                (entries,) = struct.unpack_from("<Q", data, record + 32)
    return int(entries)


def _check_member_count(count: int, limits: Limits) -> None:
    if count > limits.max_zip_members:
        raise _RefusedError(
            "zip-bomb",
            reason=Phrase(
                "it holds {count} members, more than the limit of {limit}",
                {"count": count, "limit": limits.max_zip_members},
            ),
            option=Limits.option("max_zip_members"),
        )


def _check_declared_sizes(members: list[zipfile.ZipInfo], limits: Limits) -> None:
    total = 0
    for info in members:
        if info.flag_bits & 0x1:
            raise _RefusedError("file-encrypted")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= RATIO_FLOOR and ratio > limits.max_compression_ratio:
            raise _RefusedError(
                "zip-bomb",
                reason=Phrase(
                    "{member} would unpack {ratio} times its packed size ({size}), more than the "
                    "limit of {limit} times",
                    {
                        "member": _name(info.filename),
                        "ratio": f"{ratio:.0f}",
                        "size": Size(info.file_size),
                        "limit": limits.max_compression_ratio,
                    },
                ),
                option=Limits.option("max_compression_ratio"),
            )
    if total > limits.max_unpacked_size * MB:
        raise _RefusedError(
            "zip-bomb",
            reason=Phrase(
                "its members would unpack to {size}, more than the limit of {limit} MB",
                {"size": Size(total), "limit": limits.max_unpacked_size},
            ),
            option=Limits.option("max_unpacked_size"),
        )


ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def _family(archive: zipfile.ZipFile, names: set[str]) -> str | None:
    """ "ooxml" (an Excel workbook), "ods" (an OpenDocument spreadsheet), or None."""
    if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
        return "ooxml"
    if {"mimetype", "content.xml"} <= names:
        mimetype = archive.getinfo("mimetype")
        if mimetype.file_size < 100 and _read_member(archive, "mimetype") == ODS_MIMETYPE:
            return "ods"
    return None


def _describe_zip(names: set[str], family: str | None) -> Phrase:
    if family == "ooxml":
        return Phrase("an Excel workbook under another extension; rename it to .xlsx")
    if family == "ods":
        return Phrase("an OpenDocument spreadsheet under another extension; rename it to .ods")
    if "word/document.xml" in names:
        return Phrase("a Word document")
    if "ppt/presentation.xml" in names:
        return Phrase("a PowerPoint presentation")
    return Phrase("a zip archive without a workbook in it")


# --- sheets and their cells ------------------------------------------------------------

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_STRICT_DOC_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships"


@dataclass
class _SheetCount:
    name: str
    last_row: int = 0
    last_column: int = 0
    cells: int = 0
    has_needles: bool = False  # one of EXTRAS_NEEDLES occurs in the part


_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
# The workbook content types in the order openpyxl looks for them (reader/excel.py).
_WORKBOOK_TYPES = (
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
)
WORKBOOK_PART = "xl/workbook.xml"


def _check_workbook_part(archive: zipfile.ZipFile, names: set[str]) -> None:
    """The workbook part openpyxl opens (the first one [Content_Types].xml names, by type) is
    the one whose sheets are counted here and that calamine reads: xl/workbook.xml. A second
    workbook part, with sheets of its own, went past 4 GB in openpyxl from a 7 KB file."""
    types = _parse_small_xml(archive, "[Content_Types].xml", names)
    overrides = [] if types is None else list(types.iter(f"{{{_CT_NS}}}Override"))
    for content_type in _WORKBOOK_TYPES:
        parts = [o.get("PartName") or "" for o in overrides if o.get("ContentType") == content_type]
        if parts:
            part = posixpath.normpath(parts[0].lstrip("/"))
            if part != WORKBOOK_PART:
                reason = Phrase(
                    "[Content_Types].xml names {part} as its workbook, not {expected}, so "
                    "readers would read different workbooks",
                    {"part": _name(part), "expected": WORKBOOK_PART},
                )
                raise _RefusedError("file-corrupt", reason=reason)
            return


def _sheet_parts(
    archive: zipfile.ZipFile, names: set[str], limits: Limits
) -> dict[str, _SheetCount]:
    """Member name -> sheet, from workbook.xml and its relationships (not from file names)."""
    book = _parse_small_xml(archive, "xl/workbook.xml", names)
    rels = _parse_small_xml(archive, "xl/_rels/workbook.xml.rels", names)
    targets: dict[str, str] = {}
    if rels is not None:
        for rel in rels.iter(f"{{{_RELS_NS}}}Relationship"):
            if rel.get("TargetMode") != "External" and rel.get("Target"):
                target = str(rel.get("Target"))
                path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                targets[str(rel.get("Id"))] = posixpath.normpath(path)
    sheets: dict[str, _SheetCount] = {}
    entries = [] if book is None else list(book.iter(f"{{{_MAIN_NS}}}sheet"))
    strict = book is not None and not entries  # strict Open XML: the same in other namespaces
    if strict:
        entries = list(book.iter(f"{{{_STRICT_MAIN_NS}}}sheet"))
    _check_sheet_count(len(entries), limits)
    relation = _STRICT_DOC_REL_NS if strict else _DOC_REL_NS
    for number, entry in enumerate(entries, start=1):
        part = targets.get(str(entry.get(f"{{{relation}}}id")), "")
        if part in names:
            sheets[part] = _SheetCount(str(entry.get("name") or f"sheet {number}"))
    # A worksheet part the workbook does not list is still counted: a reader may find it.
    for name in sorted(names):
        if re.fullmatch(r"xl/worksheets/[^/]+\.xml", name) and name not in sheets:
            sheets[name] = _SheetCount(posixpath.basename(name))
    return sheets


def _parse_small_xml(archive: zipfile.ZipFile, name: str, names: set[str]) -> Any:
    if name not in names:
        return None
    from defusedxml.ElementTree import fromstring

    raw = _read_member(archive, name)
    _check_prolog(name, raw[:PROLOG_BYTES])
    try:
        return fromstring(raw)
    except Exception as exc:  # defusedxml and expat raise several kinds for hostile XML
        raise _RefusedError("file-corrupt", reason=xml_damage(name, exc)) from exc


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    return b"".join(_chunks(archive, archive.getinfo(name)))


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A member's bytes in bounded chunks; zipfile stops at the declared size, checks the CRC."""
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        reason = Phrase(
            "{member} cannot be unpacked intact ({detail})",
            {"member": _name(info.filename), "detail": library_detail(exc)},
        )
        raise _RefusedError("file-corrupt", reason=reason) from exc


# A row or cell start tag, with its r attribute ("B12" for a cell, "12" for a row) when it has one.
_TAG = re.compile(
    rb"""<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])"""
    rb"""(?:[^>]*?\sr\s*=\s*["']([A-Za-z]{0,3})(\d*)["'])?"""
)


Tags = list[tuple[bytes, bytes, bytes]]  # (b"row" or b"c", column letters, row digits)


def _count_cells(sheet: _SheetCount, text: bytes, state: list[int]) -> None:
    """Count the cells of a chunk of sheet XML; ``state`` is [row, column] between chunks.

    Cells are counted where they are, as a reader will place them: a cell or row without an
    ``r`` attribute follows the previous one.
    """
    if _count_plain(sheet, text, state):
        return
    tags = _TAG.findall(text)
    if not tags or not _count_placed(sheet, tags, state):
        _count_in_order(sheet, tags, state)


# The usual sheet XML (Excel, LibreOffice, xlsxwriter, openpyxl): every start tag of a row or
# cell is unprefixed and opens with its place, <row r="12" and <c r="B12".
_PLAIN_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"')
_PLAIN_CELL_ROW = re.compile(rb'<c r="[A-Z]{1,3}(\d+)"')
_PLAIN_CELL_COLUMN = re.compile(rb'<c r="([A-Z]{1,3})\d')
_PLAIN_ROW = re.compile(rb'<row r="(\d+)"')
_PREFIXED = re.compile(rb"<[A-Za-z_][\w.-]*:(?:row|c)(?=[\s/>])")
_TAG_ENDS = (b" ", b"\t", b"\n", b"\r", b"\f", b"\v", b"/", b">")  # what _TAG allows after it


def _start_tags(text: bytes, name: bytes, plain: int) -> int:
    """How many unprefixed start tags ``name`` has, as _TAG finds them (bytes.count, in C).

    ``plain`` is how many of them the plain pattern matched: when every "<name" in the text is
    one of those (no <cols>, <cfRule> in this chunk), one count says so.
    """
    if text.count(b"<" + name) == plain:
        return plain
    return sum(text.count(b"<" + name + end) for end in _TAG_ENDS)


def _count_plain(sheet: _SheetCount, text: bytes, state: list[int]) -> bool:
    """Count a chunk whose cells all open plainly (``<c r="B12"``) with a few scans in C, as
    ``_count_in_order`` would; False, counting nothing, for any other chunk.

    Why: 100,000 lines are 700,000 cells. The chunk's last cell gives its bounds, and one
    search (``_beyond``) shows that no cell lies past them."""
    if b":" in text and (b":c" in text or b":row" in text) and _PREFIXED.search(text):
        return False  # (a colon is looked for first: most chunks hold none)
    last_row, last_cell = _last_row_tag(text), text.rfind(b'<c r="')
    row = _PLAIN_ROW.match(text, last_row) if last_row > last_cell else None
    if last_row > last_cell and row is None:
        return False  # the chunk ends in a row that does not say where it is: read in order
    cell = _PLAIN_CELL.match(text, last_cell) if last_cell >= 0 else None
    if cell is not None:
        bounds = (
            max(sheet.last_row, _row_number(cell.group(2))),
            max(sheet.last_column, column_number(cell.group(1))),
        )
        if _beyond(*bounds).search(text) is None:
            sheet.cells += text.count(b'<c r="')
            sheet.last_row, sheet.last_column = bounds
        elif not _count_plain_cells(sheet, text):
            return False
    elif _start_tags(text, b"c", 0):  # cells, but the last does not open plainly, or none does
        return False
    if row is not None:
        state[:] = [_row_number(row.group(1)), 0]
    elif cell is not None:
        state[:] = [_row_number(cell.group(2)), column_number(cell.group(1))]
    return True


def _last_row_tag(text: bytes) -> int:
    """Where the last unprefixed row start tag (as _TAG finds one) begins in ``text``, or -1."""
    at = text.rfind(b"<row")
    while at >= 0 and text[at + 4 : at + 5] not in _TAG_ENDS:  # <rowBreaks, or cut off
        at = text.rfind(b"<row", 0, at)
    return at


def _count_plain_cells(sheet: _SheetCount, text: bytes) -> bool:
    """The cells of a chunk whose cells may not all be plain, or lie beyond the bounds its last
    cell set: every cell's place is read (regex findall); False, counting nothing, when one
    is not plain."""
    cell_rows = _PLAIN_CELL_ROW.findall(text)
    if len(cell_rows) != _start_tags(text, b"c", len(cell_rows)):
        return False
    columns = _PLAIN_CELL_COLUMN.findall(text)
    if len(columns) != len(cell_rows):  # a cell opening <c r="B1x": counted one by one
        return False
    sheet.cells += len(cell_rows)
    sheet.last_row = max(sheet.last_row, max(map(_row_number, set(cell_rows))))
    sheet.last_column = max(sheet.last_column, max(map(column_number, set(columns))))
    return True


_LAST_COLUMN = 18_278  # ZZZ: a plain reference has at most three letters


@functools.lru_cache(maxsize=64)
def _beyond(last_row: int, last_column: int) -> re.Pattern[bytes]:
    """A search for a cell start tag that is not a plain reference within ``last_row`` and
    ``last_column``. What it finds (a later cell, a row with leading zeros) sends the chunk to
    the exact count, so the bounds are never approximate."""
    letters = (
        "[A-Z]{1,3}"
        if last_column >= _LAST_COLUMN
        else _up_to(column_letter(last_column), "A", "Z")
    )
    digits = "[0-9]+" if last_row >= _BEYOND_ANY_SHEET else _up_to(str(last_row), "0", "9")
    # The start-tag test comes last: most "<c" are cells, and fail the first test already.
    return re.compile(f'<c(?! r="(?:{letters})(?:{digits})")(?=[\\s/>])'.encode())


def _up_to(last: str, low: str, high: str) -> str:
    """A regular expression for strings of the characters ``low``..``high`` that come at or
    before ``last`` when counting: shorter ones, or as long and not after it alphabetically.
    For column letters, and for row numbers (some with leading zeros are left out)."""
    shorter = f"|[{low}-{high}]{{1,{len(last) - 1}}}" if len(last) > 1 else ""
    return _not_after(last, low, high) + shorter


def _not_after(last: str, low: str, high: str) -> str:
    """The strings as long as ``last``, not after it alphabetically, as a trie: a first
    character before ``last``'s and anything after it, or the same one and the rest not after
    ``last``'s rest (a cell's digits are compared once, not once per alternative)."""
    head, rest = last[0], last[1:]
    if not rest:
        return f"[{low}-{head}]"
    same = f"{head}(?:{_not_after(rest, low, high)})"
    if head == low:
        return same
    return f"{same}|[{low}-{chr(ord(head) - 1)}][{low}-{high}]{{{len(rest)}}}"


def _count_placed(sheet: _SheetCount, tags: Tags, state: list[int]) -> bool:
    """The usual case, every row and cell naming where it is: counted in bulk, not one by one.

    Gives what ``_count_in_order`` gives for such tags (rows name the row, cells their A1
    cell); False, counting nothing, when a tag does not say where it is. The passes over the
    tags are comprehensions and C iterators (compress, map), not a loop of statements.
    """
    is_cell = list(map(b"c".__eq__, [kind for kind, _, _ in tags]))
    letters = [column for _, column, _ in tags]
    digits = [row for _, _, row in tags]
    cell_letters = list(compress(letters, is_cell))
    if not all(digits) or not all(cell_letters):
        return False
    if cell_letters:
        sheet.cells += len(cell_letters)
        rows = set(compress(digits, is_cell))
        sheet.last_row = max(sheet.last_row, max(map(_row_number, rows)))
        sheet.last_column = max(sheet.last_column, max(map(column_number, set(cell_letters))))
    tag, last_letters, last_digits = tags[-1]
    state[:] = [_row_number(last_digits), 0 if tag == b"row" else column_number(last_letters)]
    return True


def _count_in_order(sheet: _SheetCount, tags: Tags, state: list[int]) -> None:
    row, column = state
    last_row, last_column, cells = sheet.last_row, sheet.last_column, sheet.cells
    for tag, letters, digits in tags:
        if tag == b"row":
            row = _row_number(digits) if digits else row + 1
            column = 0
            continue
        if letters:
            column = column_number(letters)
            row = _row_number(digits) if digits else row
        else:
            column += 1
        cells += 1
        last_row = max(last_row, row)
        last_column = max(last_column, column)
    sheet.last_row, sheet.last_column, sheet.cells = last_row, last_column, cells
    state[:] = [row, column]


# A row number of more digits than this lies beyond any sheet (Excel stops at 1,048,576);
# int() would refuse a few thousand digits with an error of its own.
_ROW_DIGITS = 9
_BEYOND_ANY_SHEET = 10**_ROW_DIGITS


def _row_number(digits: bytes) -> int:
    """A row number from its digits; an absurdly long one counts as beyond any sheet, so the
    row limit refuses the file (limit-exceeded) rather than the conversion failing."""
    return int(digits) if len(digits) <= _ROW_DIGITS else _BEYOND_ANY_SHEET


@functools.lru_cache(maxsize=4096)
def column_number(letters: bytes) -> int:
    """The number of a column from its letters in a cell reference: b"A" 1, b"AB" 28."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def _scan_members(
    archive: zipfile.ZipFile,
    members: list[zipfile.ZipInfo],
    sheets: dict[str, _SheetCount],
    limits: Limits,
) -> None:
    """Unpack every member once, in bounded chunks: checksums, XML prologs, real cell counts."""
    area = 0
    for info in members:
        if info.is_dir():
            continue
        sheet = sheets.get(info.filename)
        named_xml = sheet is not None or info.filename.lower().endswith((".xml", ".rels", ".vml"))
        head, carry, tail, state = b"", b"", b"", [0, 0]
        prolog_checked = False
        unpacked = 0  # bytes so far: a sheet refused before its end has at least its count
        for number, chunk in enumerate(_chunks(archive, info)):
            unpacked += len(chunk)
            if number == 0 and not named_xml:
                # A part is XML by its content too, whatever its name; media may be SVG, which
                # no reader parses, and is left alone.
                sniffed = _as_utf8(chunk[:64]).lstrip().startswith(b"<")
                prolog_checked = not sniffed or info.filename.startswith("xl/media/")
            if not prolog_checked:
                head += chunk[: PROLOG_BYTES - len(head)]
                if len(head) >= PROLOG_BYTES:
                    _check_prolog(info.filename, head, strict=named_xml)
                    prolog_checked = True
            if sheet is not None:
                tail = _look_for_needles(sheet, tail + chunk)
                text = carry + chunk
                cut = text.rfind(b"<")
                cut = len(text) if cut < 0 else cut
                _count_cells(sheet, text[:cut], state)
                carry = text[cut:]
                _check_sheet(sheet, limits, area, partial=unpacked < info.file_size)
        if not prolog_checked:
            _check_prolog(info.filename, head, strict=named_xml)
        if sheet is not None:
            _count_cells(sheet, carry, state)
            _check_sheet(sheet, limits, area)
            area += sheet.last_row * sheet.last_column


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_VALUE_TYPE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}value-type"


def _count_ods(archive: zipfile.ZipFile, limits: Limits) -> None:
    """The rows and columns an .ods grid will have, counted from content.xml before any grid:
    a cell with content repeated (number-columns-repeated) in a row repeated
    (number-rows-repeated) is that many cells; an 803-byte file went past 4 GB in calamine.
    Empty cells and rows repeated (LibreOffice ends a sheet with a million) take no room."""
    from defusedxml.ElementTree import iterparse

    sheet, area, row, column, repeat, filled = _SheetCount(""), 0, 0, 0, 1, False
    try:
        with archive.open("content.xml") as content:
            for event, element in iterparse(content, events=("start", "end")):
                tag = element.tag.removeprefix(_ODS_TABLE)
                if event == "start":
                    if tag == "table":
                        sheet, row = _SheetCount(element.get(f"{_ODS_TABLE}name", "")), 0
                    elif tag == "table-row":
                        column, filled = 0, False
                        repeat = int(element.get(f"{_ODS_TABLE}number-rows-repeated", "1"))
                    continue
                if tag in ("table-cell", "covered-table-cell"):
                    count = int(element.get(f"{_ODS_TABLE}number-columns-repeated", "1"))
                    column += count
                    if element.get(_ODS_VALUE_TYPE) is not None or len(element):
                        sheet.last_column, filled = max(sheet.last_column, column), True
                        sheet.last_row = max(sheet.last_row, row + repeat)
                    element.clear()
                elif tag == "table-row":
                    row += repeat
                    element.clear()
                    if filled:
                        _check_sheet(sheet, limits, area, partial=True)
                elif tag == "table":
                    _check_sheet(sheet, limits, area)
                    area += sheet.last_row * sheet.last_column
                    element.clear()
    except _RefusedError:
        raise
    except Exception as exc:  # defusedxml and expat raise several kinds for hostile XML
        raise _RefusedError("file-corrupt", reason=xml_damage("content.xml", exc)) from exc


def _look_for_needles(sheet: _SheetCount, window: bytes) -> bytes:
    """Note whether one of EXTRAS_NEEDLES occurs in ``window``: a chunk of a sheet part after
    the end of the window before, which is returned for the next one (a needle cut in two by a
    chunk border is found whole)."""
    if not sheet.has_needles:
        sheet.has_needles = holds_needles(window)
    return window[-NEEDLE_TAIL:]


def _check_sheet(
    sheet: _SheetCount, limits: Limits, area_before: int, partial: bool = False
) -> None:
    """A sheet's limits; a CSV file's one grid (no name) is counted with no sheet named.
    ``partial``: counted so far, with more of the sheet still to come, so that the count a
    refusal names is the least the sheet holds ("at least 107102 rows")."""
    csv = not sheet.name
    checks = (
        (
            Phrase("rows") if csv else Phrase("rows in this sheet"),
            sheet.last_row,
            limits.max_rows,
            "max_rows",
        ),
        (
            Phrase("columns") if csv else Phrase("columns in this sheet"),
            sheet.last_column,
            limits.max_columns,
            "max_columns",
        ),
        (
            Phrase("cells (last row x last column)")
            if csv
            else Phrase("cells (last row x last column, all sheets)"),
            area_before + sheet.last_row * sheet.last_column,
            limits.max_cells,
            "max_cells",
        ),
    )
    for what, actual, limit, name in checks:
        if actual > limit:
            raise _RefusedError(
                "limit-exceeded",
                sheet=sheet.name,
                what=what,
                actual=Phrase("at least {count}", {"count": actual}) if partial else actual,
                limit=limit,
                option=Limits.option(name),
            )


_PROLOG_ITEM = re.compile(rb"\s*(<\?.*?\?>|<!--.*?-->)", re.DOTALL)
_ROOT_START = re.compile(rb"<[A-Za-z_]")


def _check_prolog(name: str, head: bytes, strict: bool = True) -> None:
    """Refuse a DOCTYPE: entity declarations are how billion laughs and XXE attacks start.

    XML allows a DOCTYPE only in the prolog, before the root element, so only the prolog is
    read: the XML declaration, comments and processing instructions are skipped, and what
    follows must be an element. A prolog longer than any honest one is refused as well, for
    parts named as XML (``strict``); a part only sniffed as XML may be binary after all.
    """
    text = _as_utf8(head)
    position = 0
    while match := _PROLOG_ITEM.match(text, position):
        position = match.end()
    rest = text[position:].lstrip()
    if rest[:9].upper() == b"<!DOCTYPE":
        raise _RefusedError(
            "xml-entities", member=_name(name), problem=Phrase("declares a DOCTYPE")
        )
    if strict and len(head) >= PROLOG_BYTES and not _ROOT_START.match(rest):
        problem = Phrase(
            "has a prolog longer than {size} KB, too long to check", {"size": PROLOG_BYTES // 1024}
        )
        raise _RefusedError("xml-entities", member=_name(name), problem=problem)


def _as_utf8(head: bytes) -> bytes:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[1:2] == b"\x00" or head[:1] == b"\x00":
        for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
            try:
                return head[: len(head) // 2 * 2].decode(encoding).encode("utf-8")
            except UnicodeDecodeError:
                continue
    return head.removeprefix(b"\xef\xbb\xbf")


# --- after a reader: its grids, whatever the format ----------------------------------


def check_grids(grids: Sequence[Any], display: str, limits: Limits) -> Finding | None:
    """The sheet, row, column and cell limits on the grids a reader built (``Grid.rows``).

    For .xlsx the pre-flight has counted already, before reading; .ods and .xls are counted
    here, so every format has the same limits and findings.
    """
    sizes = [(grid.name, len(grid.rows), max(map(len, grid.rows), default=0)) for grid in grids]
    return check_sizes(sizes, display, limits)


def check_sizes(
    sizes: Sequence[tuple[str, int, int]], display: str, limits: Limits
) -> Finding | None:
    """``check_grids`` of sheets given as (name, last row, last column): a CSV file's rows
    counted as they were read, not held once beyond a limit."""
    try:
        _check_sheet_count(len(sizes), limits)
        area = 0
        for name, last_row, last_column in sizes:
            _check_sheet(_SheetCount(name, last_row, last_column), limits, area)
            area += last_row * last_column
    except _RefusedError as refused:
        where = CellRef(display, refused.sheet or None)  # a CSV file's grid names no sheet
        return make_finding(refused.code, where, **refused.params)
    return None


# --- what --annotate may copy -----------------------------------------------------------

# What openpyxl keeps an object for when it loads a workbook to write it back: cells, rows
# (their heights and hidden flags), styles, shared texts.
_HELD_TAGS = re.compile(rb"<(?:c|row|xf|si)[\s>/]")


def annotate_cost(data: bytes) -> int:
    """How many cells, rows, styles and shared texts openpyxl would hold for the workbook in
    ``data`` (passed by the pre-flight), counted in bounded chunks of its XML parts."""
    count = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if not (info.filename.startswith("xl/") and info.filename.endswith(".xml")):
                continue
            carry = b""
            for chunk in _chunks(archive, info):
                text = carry + chunk
                cut = max(len(text) - 5, 0)  # a tag cut by the chunk's end is counted next time
                count += len(_HELD_TAGS.findall(text, 0, cut))
                carry = text[cut:]
            count += len(_HELD_TAGS.findall(carry))
    return count


# --- what is reported but read anyway --------------------------------------------------


def _notes(archive: zipfile.ZipFile, names: set[str], display: str) -> list[Finding]:
    """External links (macros are reported by reconcile.read.read_cells.macro_part)."""
    notes = []
    links = sorted(n for n in names if re.fullmatch(r"xl/externalLinks/[^/]+\.xml", n))
    if links:
        targets: list[str] = []
        for link in links:
            rels = posixpath.join(
                posixpath.dirname(link), "_rels", posixpath.basename(link) + ".rels"
            )
            if rels in names:
                raw = _read_member(archive, rels)
                targets += [
                    _name(t.decode("utf-8", "replace"))
                    for t in re.findall(rb'Target\s*=\s*"([^"]*)"', raw)
                ]
        notes.append(
            make_finding(
                "external-links",
                CellRef(display),
                count=len(links),
                targets=", ".join(targets[:3]) + (", ..." if len(targets) > 3 else "")
                or Phrase("targets not stated"),
            )
        )
    return notes


def _name(text: str) -> str:
    """A member name or link target as it may be shown: printable and not endless."""
    shown = "".join(ch if ch.isprintable() else "?" for ch in text)
    return shown if len(shown) <= 80 else shown[:77] + "..."
