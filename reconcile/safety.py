"""Text from outside (file names, sheet names, cells, the announcement), made inert per medium.

One step per medium, applied where the text leaves reconcile: ``visible`` for a terminal and
a CI log line (control characters shown as escapes, so no escape sequence runs and no newline
starts a forged line), ``markdown_text`` for a GitHub job summary (no link, image or HTML),
``xml_text`` for XML, ``escape_html`` for HTML (markup and text-reordering marks) and
``neutralise_formula`` (with ``visible``) for a workbook cell. Rich markup is never
interpreted: the terminal renderers hand rich ``Text`` objects, never markup strings.
"""

from __future__ import annotations

import html
import re

# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(text: str) -> str:
    """Text that a spreadsheet shows as text, never runs: a leading quote before =, +, -, @."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


# Characters XML 1.0 cannot hold at all, not even escaped (control characters, lone surrogates,
# U+FFFE and U+FFFF): listed, not as the negation of what XML allows, whose compiling took 9 ms
# of every start-up.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text an XML file can hold: characters XML forbids become U+FFFD (escaping is the
    serialiser's job)."""
    return _NOT_XML.sub("\ufffd", text)


# What steers a terminal or a log reader instead of showing: C0 and C1 control characters, DEL,
# the line and paragraph separators, the marks that reorder text ("Trojan source"), and the
# lone surrogates a file name of undecodable bytes brings (a terminal cannot encode them).
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _shown(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def visible(text: str) -> str:
    """Text for a terminal or one log line: each control character written as an escape
    ("\\x1b", "\\n"), so the text shows as it is and steers nothing."""
    return _INVISIBLE.sub(_shown, text)


# What Markdown may read as syntax: links, images, emphasis, code, HTML and entities, table
# columns; the ":" of "://", the point of "www." and "@", so no bare address or e-mail is linked.
# CommonMark allows a backslash before any ASCII punctuation mark and shows the mark itself.
_MARKDOWN = re.compile(r"[\\`*_\[\]<>|&~@#]|:(?=//)|(?<=www)\.", re.IGNORECASE)


def markdown_text(text: str) -> str:
    """Text in a Markdown table cell or line: shown as written, never a link, an image,
    emphasis or HTML, on one line."""
    return _MARKDOWN.sub(lambda match: "\\" + match.group(), visible(text))


# The marks that reorder text ("Trojan source") and the line and paragraph separators: a browser
# obeys them, so "abc\u202egnp.xlsx" would show as "abcxslx.png".
_REORDERING = re.compile("[\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def escape_html(text: str) -> str:
    """Text for HTML: markup escaped, text-reordering marks shown as escapes ("\\u202e")."""
    return html.escape(_REORDERING.sub(_shown, text), quote=True)
