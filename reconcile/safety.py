"""Text from untrusted workbooks, made safe for the files reconcile writes.

Every writer of a CSV, a workbook or HTML passes workbook text through these functions.
"""

from __future__ import annotations

import html
import re

# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(text: str) -> str:
    """Text that a spreadsheet shows as text, never runs: a leading quote before =, +, -, @."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


# Characters XML 1.0 cannot hold at all, not even escaped (control characters, lone surrogates).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text an XML file can hold: characters XML forbids become U+FFFD (escaping is the
    serialiser's job)."""
    return _NOT_XML.sub("\ufffd", text)


def escape_html(text: str) -> str:
    return html.escape(text, quote=True)
