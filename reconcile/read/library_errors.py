"""What a library's error says about a damaged file, in the reader's language.

zipfile, zlib, expat (through openpyxl and defusedxml), openpyxl, calamine and the csv module
word their errors in English. The kinds of damage they report most are phrases of the
catalogue here; anything else is shown quoted, as the library wrote it, and marked as its
words, so a Dutch message never runs on in English unannounced.
"""

from __future__ import annotations

import re

from reconcile.i18n import N_
from reconcile.model import Phrase

_XML_BROKEN = re.compile(  # expat's words, through defusedxml or openpyxl
    r"not well-formed|no element found|mismatched tag|unclosed token|junk after "
    r"document element|undefined entity|unbound prefix|syntax error"
)
_ZIP_BROKEN = re.compile(
    r"file is not a zip file|bad magic number|truncated file header|overlapped "
    r"entries|invalid zip archive|zip error|end of central directory|and header .* differ"
)
ZIP_BROKEN = N_("its zip archive is broken")

# (what the library's words match, folded to lower case; what they mean). Where the words
# say where (expat's "line 2, column 298"), the phrase says it too.
_KNOWN: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"bad crc-32"), N_("a checksum does not match: bytes were changed")),
    (_XML_BROKEN, N_("its XML is broken")),
    (_ZIP_BROKEN, ZIP_BROKEN),
    (
        re.compile(
            r"while decompressing|invalid (?:stored block lengths|block type|distance|code)|"
            r"incorrect header check|deflate|compressed data"
        ),
        N_("a compressed part cannot be unpacked"),
    ),
    (re.compile(r"compression method"), N_("a part is packed in a way that cannot be unpacked")),
    (
        re.compile(r"there is no item named '([^']+)'"),
        N_("a part a workbook needs is missing ({member})"),
    ),
    (re.compile(r"worksheetnotfound: (.+)"), N_("a sheet it lists is missing ({member})")),
    (
        re.compile(r"cannot detect file format|does not support .*file format|unsupported"),
        N_("its format is no spreadsheet format reconcile reads"),
    ),
    (re.compile(r"\beof|end of (?:file|stream|data)|unexpected end"), N_("it ends too soon")),
    (re.compile(r"line contains nul"), N_("it holds NUL bytes, as a binary file does")),
    (
        re.compile(r"new-line character seen in unquoted field"),
        N_("a line break stands in a cell without quotes"),
    ),
)
_WHERE = re.compile(r"line (\d+), column (\d+)")
_LONGEST = 160  # characters of a library's own words shown


def library_detail(exc: BaseException) -> Phrase:
    """What ``exc``, raised by a library reading a file, says: a phrase of the catalogue for
    a known kind of damage (with its line and column where the words give them), else the
    library's first line quoted ("the library says: ...")."""
    words = _words(exc)
    folded = words.casefold()
    for pattern, meaning in _KNOWN:
        found = pattern.search(folded)
        if found is None:
            continue
        params = {"member": _shown(words[found.start(1) : found.end(1)])} if found.groups() else {}
        phrase = Phrase(meaning, params)
        where = _WHERE.search(folded)
        if where is None:
            return phrase
        return Phrase(
            "{what} at line {line}, column {column}",
            {"what": phrase, "line": where[1], "column": where[2]},
        )
    return Phrase('the library says: "{words}"', {"words": _shown(words)})


def xml_damage(member: str, exc: BaseException) -> Phrase:
    """Why ``member``, an XML part, cannot be parsed, said once: "the XML of xl/workbook.xml
    is broken at line 2, column 376" where expat gives the place; any other error as
    library_detail words it, after the part's name."""
    words = _words(exc).casefold()
    if _XML_BROKEN.search(words) is None:
        return Phrase(
            "{member} is not well-formed XML ({detail})",
            {"member": member, "detail": library_detail(exc)},
        )
    where = _WHERE.search(words)
    if where is None:
        return Phrase("the XML of {member} is broken", {"member": member})
    return Phrase(
        "the XML of {member} is broken at line {line}, column {column}",
        {"member": member, "line": where[1], "column": where[2]},
    )


def _words(exc: BaseException) -> str:
    """A library's error as it says it: its kind and the first line of its words."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def is_library_failure(exc: BaseException) -> bool:
    """Whether ``exc`` is a library's failure on a file: any Exception, or a panic of a Rust
    library (calamine's on an .xls cut short: "slice index starts at 4608 but ends at 4488"),
    which pyo3 raises as a BaseException so that ``except Exception`` lets it through."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def _shown(text: str) -> str:
    """A library's words or a member's name as they may be shown: printable, not endless."""
    shown = "".join(ch if ch.isprintable() else "?" for ch in text)
    return shown if len(shown) <= _LONGEST else shown[: _LONGEST - 3] + "..."


__all__ = ["ZIP_BROKEN", "is_library_failure", "library_detail", "xml_damage"]
