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
import re
from collections.abc import Iterator
from dataclasses import dataclass

from reconcile.model import Phrase
from reconcile.read.workbook import UnreadableFileError

DELIMITERS = (",", ";", "\t", "|")
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_SHOWN_LINES = 5
MIXED = "UTF-8 and "  # a file of UTF-8 lines and lines in one other encoding


@dataclass(frozen=True)
class CsvText:
    """A CSV file's rows and what was detected to read them."""

    rows: list[tuple[str, ...]]
    delimiter: str
    encoding: str  # "UTF-8", "UTF-16", "Windows-1252", "Latin-1", or "UTF-8 and Windows-1252"
    other_lines: tuple[int, ...]  # lines (1-based) not in the main encoding, when mixed

    @property
    def delimiter_name(self) -> str:
        return _NAMES.get(self.delimiter, repr(self.delimiter))

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
    """The delimiter that splits the first non-blank line into the most fields (comma on a tie)."""
    for line in text.splitlines():
        if not line.strip():
            continue
        counts = {d: len(next(csv.reader([line], delimiter=d))) for d in DELIMITERS}
        best = max(DELIMITERS, key=lambda d: (counts[d], d == ","))
        return best if counts[best] > 1 else ","
    return ","


def read_csv_text(data: bytes) -> CsvText:
    """The rows of a CSV file (every value text), however it was encoded and delimited.

    Raises UnreadableFileError for what is no CSV file: empty, a workbook renamed to .csv,
    NUL bytes, a field beyond the csv module's limit (128 KiB).
    """
    text, rows = stream_csv_text(data)
    return dataclasses.replace(text, rows=[tuple(row) for row in rows])


# A line as the csv module wants it: ended by \r\n, \r or \n, as open(..., newline="") reads.
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")


def stream_csv_text(data: bytes) -> tuple[CsvText, Iterator[list[str]]]:
    """What ``read_csv_text`` detects (its ``rows`` left empty), and its rows one by one.

    A large file's rows need not all be held at once (a 100,000-row table's cells take
    about 100 MB as tuples of strings): a reader keeps what it needs of each row and lets
    the rest go. Raises UnreadableFileError as ``read_csv_text`` does, the iterator too
    (for a field beyond the csv module's limit, found only when its row is read).
    """
    if not data.strip():
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
        delimiter = detect_delimiter(text)
    except csv.Error as exc:
        raise _unreadable(exc) from exc
    # Lines one by one from the text (io.StringIO would copy it at four bytes a character).
    lines = map(re.Match.group, _LINE.finditer(text))
    reader = csv.reader(lines, delimiter=delimiter, strict=False)
    return CsvText([], delimiter, encoding, other), _rows(reader)


def _rows(reader: Iterator[list[str]]) -> Iterator[list[str]]:
    try:
        yield from reader
    except csv.Error as exc:
        raise _unreadable(exc) from exc


def _unreadable(exc: csv.Error) -> UnreadableFileError:
    reason = Phrase("it is not a CSV file reconcile can read ({detail})", {"detail": str(exc)})
    return UnreadableFileError(reason)


__all__ = [
    "DELIMITERS",
    "CsvText",
    "decode_text",
    "detect_delimiter",
    "read_csv_text",
    "stream_csv_text",
]
