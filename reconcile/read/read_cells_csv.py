"""CSV files: bytes -> rows of text, with the encoding and delimiter detected and said.

Open-data files are UTF-8, older ones Windows-1252 or Latin-1, and files put together from
several exports mix them line by line; each line is decoded on its own, so one é in
Windows-1252 never garbles the rest. Cells are located as a spreadsheet shows the file: column
letter and row number (the header is row 1), with no sheet.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from reconcile.model import Phrase
from reconcile.read.cells import UnreadableFileError
from reconcile.read.library_errors import library_detail

DELIMITERS = (",", ";", "\t", "|")
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_SHOWN_LINES = 5
MIXED = "UTF-8 and "  # a file of UTF-8 lines and lines in one other encoding


@dataclass(frozen=True)
class CsvText:
    """A CSV file's rows and what was detected to read them."""

    rows: list[tuple[str, ...]]
    delimiter: str
    encoding: str  # "UTF-8", "UTF-16", "Windows-1252", "Latin-1", "Mac Roman", or "UTF-8 and
    # Windows-1252"
    other_lines: tuple[int, ...]  # lines (1-based) not in the main encoding, when mixed
    # Cells that took in lines of the file holding its delimiter (a quote opened, never
    # closed or closed far below): (row, column, lines taken), 1-based, found as rows are read.
    runs: list[tuple[int, int, int]] = dataclasses.field(default_factory=list)

    @property
    def delimiter_name(self) -> str:
        return delimiter_name(self.delimiter)

    @property
    def other_lines_shown(self) -> str | Phrase:
        shown = ", ".join(str(n) for n in self.other_lines[:_SHOWN_LINES])
        more = len(self.other_lines) - _SHOWN_LINES
        return (
            Phrase("{lines} and {more} more", {"lines": shown, "more": more}) if more > 0 else shown
        )

    @property
    def encoding_worded(self) -> str | Phrase:
        """The encoding as a message says it: "UTF-8 and Windows-1252" in the reader's words."""
        other = self.encoding.removeprefix(MIXED)
        return (
            Phrase(MIXED + "{encoding}", {"encoding": other}) if other != self.encoding else other
        )


def delimiter_name(delimiter: str) -> str:
    """ "comma" for ",": the word a message names a delimiter by."""
    return _NAMES.get(delimiter, repr(delimiter))


def _decode_line(line: bytes) -> tuple[str, str]:
    try:
        return line.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return line.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        # Bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D): Latin-1 maps all.
        return line.decode("latin-1"), "Latin-1"


def decode_text(data: bytes) -> tuple[str, str, tuple[int, ...]]:
    """The text of ``data``, its encoding, and the lines in another encoding than UTF-8."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "UTF-16", ()
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:  # the usual file: UTF-8 throughout, so every line is UTF-8 on its own too
        return data.decode("utf-8"), "UTF-8", ()
    except UnicodeDecodeError:
        pass
    if b"\r" in data and b"\n" not in data:
        # Lines ended by CR alone: Excel for Mac's "CSV (Macintosh)", which writes Mac Roman
        # ("€" is byte 0xDB there, "Û" in Windows-1252, so "x € 1 mln" was no unit caption).
        return data.decode("mac_roman"), "Mac Roman", ()
    parts, other, seen = [], [], set()
    utf8_beyond_ascii = False  # a line proves the file is (partly) UTF-8
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        text, encoding = _decode_line(line)
        parts.append(text)
        if encoding != "UTF-8":
            other.append(number)
            seen.add(encoding)
        elif not line.isascii():
            utf8_beyond_ascii = True
    text = "".join(parts)
    if not other:
        return text, "UTF-8", ()
    single = "Latin-1" if "Latin-1" in seen else "Windows-1252"
    if not utf8_beyond_ascii:
        return text, single, ()
    return text, MIXED + single, tuple(other)


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the first line it splits at all into the most fields (comma
    on a tie): a title or caption line above the header ("(bedragen x € 1.000)") is passed."""
    looked = 0  # the lines with text looked at (blank lines are passed, not counted)
    for line in _first_lines(text):
        if not line.strip():
            continue
        if looked == TITLE_LINES:
            break
        looked += 1
        counts = {d: len(next(csv.reader([line], delimiter=d))) for d in DELIMITERS}
        best = max(DELIMITERS, key=lambda d: (counts[d], d == ","))
        if counts[best] > 1:
            return best
    return ","


TITLE_LINES = 10  # lines looked at for the delimiter: titles and captions above a header


def _first_lines(text: str, size: int = 1 << 16) -> Iterator[str]:
    """The first lines of ``text.splitlines()`` split from the text's start alone (the whole
    of a large file's text need not be split to find its first line), then, should the
    caller want more (every line there was blank), all of ``text.splitlines()`` again."""
    if len(text) > size:
        yield from text[:size].splitlines()[:-1]  # the last may go on beyond ``size``
    yield from text.splitlines()


def read_csv_text(data: bytes) -> CsvText:
    """The rows of a CSV file (every value text), however it was encoded and delimited.

    Raises UnreadableFileError for what is no CSV file: empty, a workbook renamed to .csv,
    NUL bytes, a field beyond the csv module's limit (128 KiB).
    """
    text, rows = stream_csv_text(data)
    return dataclasses.replace(text, rows=[tuple(row) for row in rows])


# A line as the csv module wants it: ended by \r\n, \r or \n, as open(..., newline="") reads.
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")
# What str.splitlines also ends a line at; a block without them splits as _LINE does.
_OTHER_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
BLOCK_CHARS = 1 << 17  # the text split into rows at a time (some 1,500 lines of open data)


Block = list[list[str]]  # rows as the csv module gives them


def stream_csv_text(data: bytes) -> tuple[CsvText, Iterator[list[str]]]:
    """What ``read_csv_text`` detects (its ``rows`` left empty), and its rows one by one.

    A large file's rows need not all be held at once (a 100,000-row table's cells take
    about 100 MB as tuples of strings): a reader keeps what it needs of each row and lets
    the rest go. Raises UnreadableFileError as ``read_csv_text`` does, the iterator too
    (for a field beyond the csv module's limit, found when its block is read: the rows of
    that block before it are not given).
    """
    text, blocks = stream_csv_blocks(data)
    return text, itertools.chain.from_iterable(blocks)


def as_sheet_row(row: list[str]) -> tuple[str | None, ...]:
    """A CSV row as a workbook's row of text cells: an empty cell is None, as a loader gives."""
    return tuple(value or None for value in row)


def stream_csv_blocks(
    data: bytes,
    head: int = 1,
    has_header: Callable[[Block], bool] | None = None,
    delimiter: str | None = None,
) -> tuple[CsvText, Iterator[Block]]:
    """What ``read_csv_text`` detects (its ``rows`` left empty), and its rows block by block.

    The first block holds the first ``head`` rows as the csv module reads them (all of them
    in a shorter file). Then each block of about BLOCK_CHARS of text, cut at a line feed,
    is read by the csv module (a quoted field running on past the block's end with it).
    The rows are those the csv module reads from the whole text. ``has_header`` tells
    whether the first ``head`` rows hold a table's header: when those the detected delimiter
    gives do not and another's do, the other is used (see ``header_delimiter``); a
    ``delimiter`` given is used as it is. Raises UnreadableFileError as ``stream_csv_text``
    does.
    """
    if not data or data.isspace():
        raise UnreadableFileError("the file is empty")
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
        raise UnreadableFileError(
            "it is a workbook (.xlsx, .xls or .ods), not a CSV file; give it its own extension"
        )
    text, encoding, other = decode_text(data)
    if "\x00" in text:
        raise UnreadableFileError(
            "it holds NUL bytes: a binary file, or UTF-16 without its byte order mark"
        )
    try:
        if delimiter is None:
            delimiter = detect_delimiter(text)
            if has_header is not None:
                delimiter = header_delimiter(text, delimiter, head, has_header)
    except csv.Error as exc:
        raise _unreadable(exc) from exc
    found = CsvText([], delimiter, encoding, other)
    return found, _checked(_blocks(text, delimiter, head, found.runs))


def header_delimiter(
    text: str, detected: str, head: int, has_header: Callable[[Block], bool]
) -> str:
    """The delimiter whose first ``head`` rows hold a header, the detected one first.

    Detection goes by the first line that splits, and a title line above the header may
    split by another delimiter than the header does ("Reservering AI-fabriek, EZ" above
    "Hoofdstuk;Artikel;Bedrag"): the header, not the title, tells how the table is written.
    When no delimiter's rows hold a header, the detected one stays.
    """

    def holds_header(delimiter: str) -> bool:
        try:
            return has_header(_records(text, 0, delimiter, count=head)[0])
        except csv.Error:  # a field beyond the limit, split so: reading says so if it stays
            return False

    others = (d for d in DELIMITERS if d != detected)
    return next((d for d in (detected, *others) if holds_header(d)), detected)


def _checked(blocks: Iterator[Block]) -> Iterator[Block]:
    try:
        yield from blocks
    except csv.Error as exc:
        raise _unreadable(exc) from exc


def _blocks(
    text: str, delimiter: str, head: int, runs: list[tuple[int, int, int]]
) -> Iterator[Block]:
    rows, position = _records(text, 0, delimiter, count=head)
    _note_runs(rows, 0, delimiter, runs)
    yield rows
    done = len(rows)
    size = len(text)
    while position < size:
        # A block ends after a line feed (never inside a line, nor between \r and \n).
        end = size
        if position + BLOCK_CHARS < size:
            end = text.rfind("\n", position, position + BLOCK_CHARS) + 1
            if end <= position:  # one long line: up to its end
                end = text.find("\n", position + BLOCK_CHARS) + 1 or size
        part = text[position:end]
        within = _rows_within(part, delimiter)  # the csv module reads it
        if within is None:  # a quoted field runs on past ``end`` (or an odd line break)
            rows, position = _records(text, position, delimiter, until=end)
            _note_runs(rows, done, delimiter, runs)
        else:
            rows, position = within, end
            if len(rows) != part.count("\n"):  # a row of more lines than one (or \r alone)
                _note_runs(rows, done, delimiter, runs)
        done += len(rows)
        yield rows


def _note_runs(rows: Block, before: int, delimiter: str, runs: list[tuple[int, int, int]]) -> None:
    """Note each cell of ``rows`` (the rows after the first ``before``) whose text goes on
    over lines that hold the delimiter: lines of the file taken into one cell by a quote
    opened at its start and closed far below, or never. A quoted cell of several lines of
    words (an address, a note) has no delimiter in them."""
    for number, row in enumerate(rows, start=before + 1):
        for column, cell in enumerate(row, start=1):
            if "\n" in cell or "\r" in cell:
                lines = cell.splitlines()
                if any(delimiter in line for line in lines[1:]):
                    runs.append((number, column, len(lines) - 1))


def _records(
    text: str, start: int, delimiter: str, *, count: int | None = None, until: int | None = None
) -> tuple[list[list[str]], int]:
    """Rows read by the csv module from ``text[start:]``: ``count`` rows, or the rows that
    begin before ``until``; and where the text after them begins."""
    ends = [start]  # where each line read so far ends

    def lines() -> Iterator[str]:
        for match in _LINE.finditer(text, start):
            ends.append(match.end())
            yield match.group()

    reader = csv.reader(lines(), delimiter=delimiter, strict=False)  # reads no line ahead
    rows: list[list[str]] = []
    while (count is None or len(rows) < count) and (until is None or ends[-1] < until):
        row = next(reader, None)
        if row is None:
            break
        rows.append(row)
    return rows, ends[-1]


def _rows_within(block: str, delimiter: str) -> list[list[str]] | None:
    """The rows of a block of lines, its lines split in C; None, for ``_records`` to read, when
    a quoted field may run on past the block, a line break other than \\r and \\n is in it, or
    the csv module objects (in strict mode, which stops where lenient mode would end a row
    early: the rows it gives are those of the lenient mode the file is read in)."""
    if any(stop in block for stop in _OTHER_BREAKS):
        return None
    try:
        return list(csv.reader(block.splitlines(True), delimiter=delimiter, strict=True))
    except csv.Error:
        return None


def _unreadable(exc: csv.Error) -> UnreadableFileError:
    if str(exc).startswith("field larger than field limit"):  # the csv module's own words
        reason = Phrase(
            "a cell holds more than {limit} characters: a quote that is never closed, or no "
            "table (a single line of 10 MB)",
            {"limit": str(csv.field_size_limit())},
        )
    else:
        reason = Phrase(
            "it is not a CSV file reconcile can read ({detail})", {"detail": library_detail(exc)}
        )
    return UnreadableFileError(reason)


__all__ = [
    "DELIMITERS",
    "Block",
    "CsvText",
    "decode_text",
    "delimiter_name",
    "detect_delimiter",
    "header_delimiter",
    "read_csv_text",
    "stream_csv_blocks",
    "stream_csv_text",
]
