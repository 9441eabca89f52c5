"""Text from untrusted workbooks, made safe for the files reconcile writes.

Every writer of a CSV, a workbook or HTML passes workbook text through these functions.
"""

from __future__ import annotations

import html

# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(text: str) -> str:
    """Text that a spreadsheet shows as text, never runs: a leading quote before =, +, -, @."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def escape_html(text: str) -> str:
    return html.escape(text, quote=True)
