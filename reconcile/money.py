"""Exact money: amounts as ministries write them, in Decimal euros; units; euro formatting."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache
from typing import Any

from reconcile.i18n import pgettext

CENT = Decimal("0.01")

# Minus signs seen in budget documents: ASCII hyphen, figure dash, en dash, minus sign.
MINUS_SIGNS = "-\u2012\u2013\u2212"
# Spaces seen inside numbers: space, NBSP, narrow NBSP, thin space.
SPACES = " \u00a0\u202f\u2009"

# Written in place of an amount that is not known yet (pro memorie, nader te bepalen, ...).
NOT_A_NUMBER = re.compile(
    r"^(p\.?\s?m\.?|n\.?\s?t\.?\s?b\.?|n\.?\s?v\.?\s?t\.?|n/a|tbd|nb|\?+|x)$", re.IGNORECASE
)
# Written for zero: Excel's accounting zero, "-", " -   ", "-00" (after the spaces around it
# are taken off), and "nihil", as the tables printed per article write a zero stand.
ACCOUNTING_ZERO = re.compile(f"[{MINUS_SIGNS}]+ ?0*|nihil", re.IGNORECASE)
# Pro memorie: a published table's way of saying an amount is not known yet ("pm", "p.m.").
PRO_MEMORIE = re.compile(r"p\.?\s?m\.?", re.IGNORECASE)
_CURRENCY = re.compile(r"(€|eur(o|os|o's)?\b)", re.IGNORECASE)
_DIGITS = re.compile(r"^\d+([.,]\d+)*$")


class AmountError(ValueError):
    """A cell that should hold an amount holds something else; ``kind`` says what."""

    def __init__(self, text: str, kind: str) -> None:
        super().__init__(text)
        self.text = text
        self.kind = kind  # "not-a-number" (PM, n.t.b.) or "unreadable"


@dataclass(frozen=True)
class Unit:
    """The unit amounts are written in, as stated by a caption (or assumed)."""

    euros: Decimal  # euros per written unit: 1000 for "x € 1.000"
    caption: str  # the caption text it was read from, or "" when assumed

    @property
    def label(self) -> str:
        return unit_label(self.euros)


def unit_label(euros: Decimal, lang: str = "nl") -> str:
    """The unit as a reader of ``lang`` writes it: "x € 1.000" in Dutch, "x EUR 1,000" in
    English, as the templates' captions and the amounts in each report do."""
    if euros == 1_000:
        amount = "1" + pgettext("thousands separator", ",", lang) + "000"
    elif euros == 1_000_000:
        amount = pgettext("unit", "1 mln", lang)
    elif euros == 1_000_000_000:
        amount = pgettext("unit", "1 bn", lang)
    else:
        amount = str(euros)
    return "x " + pgettext("amount in euros", "{sign}EUR {amount}", lang).format(
        sign="", amount=amount
    )


THOUSANDS = Unit(Decimal(1000), "")

_UNIT_PATTERNS: tuple[tuple[re.Pattern[str], Decimal], ...] = (
    (re.compile(r"x\s*(€|eur(o)?)?\s*1\s*(mld|miljard)", re.I), Decimal(1_000_000_000)),
    (re.compile(r"x\s*(€|eur(o)?)?\s*1\s*(mln|mio|miljoen|million)", re.I), Decimal(1_000_000)),
    # "Bedrag (EUR mln)", "(€ mld)": the currency before the unit word, without "x 1"
    (re.compile(r"(€|\beur(o)?)\s*(mld|miljard)\b", re.I), Decimal(1_000_000_000)),
    (re.compile(r"(€|\beur(o)?)\s*(mln|mio|miljoen|million)\b", re.I), Decimal(1_000_000)),
    (re.compile(r"x\s*(€|eur(o)?)?\s*1([.,\s\u00a0]?000){2}\b", re.I), Decimal(1_000_000)),
    (re.compile(r"x\s*(€|eur(o)?)?\s*1[.,\s\u00a0]?000\b(?![.,]000)", re.I), Decimal(1000)),
    (re.compile(r"x\s*(€|eur(o)?)?\s*1\s*(k|duizend|thousand)\b", re.I), Decimal(1000)),
    (
        re.compile(r"\b(in|x)\s*(€|eur)?\s*(mln|miljoenen|miljoen|millions?)\b", re.I),
        Decimal(1_000_000),
    ),
    (
        re.compile(
            r"\b(bedragen|amounts?)\s*(in|x)\s*(hele\s*)?(€|euro'?s?|eur)(?![\s\u00a0]*1)", re.I
        ),
        Decimal(1),
    ),
    (re.compile(r"x\s*(€|eur(o)?)\s*1\b(?![.,\s\u00a0]?\d)", re.I), Decimal(1)),
)


def find_unit(text: str) -> Unit | None:
    """The unit a caption such as "(bedragen x € 1.000)" states, or None if it states none."""
    for pattern, euros in _UNIT_PATTERNS:
        if pattern.search(text):
            return Unit(euros, text.strip())
    return None


def to_cents(amount: Decimal) -> Decimal:
    """``amount`` rounded to the cent; a zero without a sign (-0.0 reads as 0.00).

    An AmountCache keeps 0.0 and -0.0 as one key, so a signed zero would give whichever of
    the two was read first, and a table read a column at a time reads them in another order
    than one read row by row.
    """
    cents = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    return cents.copy_abs() if not cents and cents.is_signed() else cents


# How a column writes its numbers: Dutch "1.234,5" (point groups, comma decimal) or English
# "1,234.5". Only a number with one separator, once, before exactly three digits ("1,234",
# "1.234") needs to know: every other form says it itself.
DUTCH, ENGLISH = "nl", "en"
_AMBIGUOUS = re.compile(r"^(?!0[.,])\d+[.,]\d{3}$")


_NOT_DIGITS = re.compile("[" + re.escape(SPACES + MINUS_SIGNS + "'()+\t\n") + "]")


def _bare(text: str) -> str:
    """The digits and separators of a number text: no currency, spaces, signs, parentheses."""
    text = _CURRENCY.sub("", text)
    return _NOT_DIGITS.sub("", text)


def is_ambiguous(value: object) -> bool:
    """True for text like "1,234" or "1.234": a thousands group or a decimal mark?"""
    return isinstance(value, str) and bool(_AMBIGUOUS.match(_bare(value)))


def number_style(value: object) -> str | None:
    """DUTCH or ENGLISH when the text of a number shows how it is written, else None."""
    if not isinstance(value, str):
        return None
    text = _bare(value)
    if not _DIGITS.match(text) or is_ambiguous(value):
        return None
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        return ENGLISH if text.rfind(".") > text.rfind(",") else DUTCH
    if dots > 1 or commas == 1:
        return DUTCH
    if commas > 1 or dots == 1:
        return ENGLISH
    return None


def parse_number(value: object, style: str | None = None) -> Decimal:
    """A number from a cell: a stored number, or text as Dutch (and English) writers put it.

    ``style`` decides the ambiguous "1,234" / "1.234" (see ``is_ambiguous``); without it they
    are read the Dutch way. Raises AmountError for text that is not a number. Floats come from
    Excel's binary doubles and are taken at their shortest repr, so 0.1 is 0.1.
    """
    if isinstance(value, bool):
        raise AmountError(str(value), "unreadable")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise AmountError(repr(value), "unreadable")
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    if not isinstance(value, str):
        raise AmountError(str(value), "unreadable")
    return _parse_text(value, style)


def _parse_text(original: str, style: str | None = None) -> Decimal:
    text = original.strip(SPACES + "\t\n")
    if NOT_A_NUMBER.match(text):
        raise AmountError(original, "not-a-number")
    text = _CURRENCY.sub("", text.removeprefix("'"))  # Excel's text-forcing apostrophe
    text = _SPACE_RUN.sub(" ", text).strip()
    if ACCOUNTING_ZERO.fullmatch(text):
        return Decimal(0)
    text = _WHOLE_EUROS.sub("", text)  # "5.100,-": Dutch for whole euros, no cents
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    if text and text[0] in MINUS_SIGNS:
        negative, text = not negative, text[1:].lstrip()
    elif text.startswith("+"):
        text = text[1:].lstrip()
    if len(text) > 1 and text[-1] in MINUS_SIGNS:  # trailing minus: "726-"
        negative, text = not negative, text[:-1].rstrip()
    digits = _ungrouped(text)
    if digits is None or not _DIGITS.match(digits):
        raise AmountError(original, "unreadable")
    try:
        number = Decimal(_normalise_separators(digits, style))
    except (InvalidOperation, ValueError):
        raise AmountError(original, "unreadable") from None
    return -number if negative else number


_WHOLE_EUROS = re.compile(f"(?<=\\d),[{re.escape(MINUS_SIGNS)}]{{1,2}}$")


# Digits grouped by a space or an apostrophe ("1 234 567,5", "1'234'567"): one kind of
# separator, three digits after each, so "+31 6 12345678", "2026 2027" and "1'2'3'4" are not
# amounts but texts that happen to hold digits.
_SPACE_RUN = re.compile(f"[{SPACES}]+")
_GROUPED = re.compile(r"\d{1,3}(?:([ '])\d{3})(?:\1\d{3})*(?:[.,]\d+)?")
_POINT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_COMMA_GROUPS = re.compile(r"\d{1,3}(?:,\d{3})+")


def _ungrouped(text: str) -> str | None:
    """``text`` without its space or apostrophe digit groups; None when they are irregular."""
    if " " not in text and "'" not in text:
        return text
    if not _GROUPED.fullmatch(text):
        return None
    return text.replace(" ", "").replace("'", "")


def _normalise_separators(text: str, style: str | None = None) -> str:
    """Turn "1.234.567,5", "1,234,567.5", "1.234", "12,5" into a plain "1234567.5".

    Both separators present: the last one is the decimal mark. One kind, several times: it
    groups thousands. One separator once before exactly three digits is ambiguous and read as
    ``style`` says: Dutch (the default) groups with the point ("1.234" = 1234, "1,234" = 1.234),
    English with the comma. Otherwise a single comma or point is a decimal mark.
    """
    if _AMBIGUOUS.match(text):
        group = "," if style == ENGLISH else "."
        return text.replace(group, "").replace(",", ".")
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_mark = "." if text.rfind(".") > text.rfind(",") else ","
        group = "," if decimal_mark == "." else "."
        grouped = rf"\d{{1,3}}(\{group}\d{{3}})*\{decimal_mark}\d+"
        if not re.fullmatch(grouped, text):
            raise ValueError(text)
        return text.replace(group, "").replace(decimal_mark, ".")
    if dots > 1:
        if not _POINT_GROUPS.fullmatch(text):  # "1.2.3" groups nothing
            raise ValueError(text)
        return text.replace(".", "")
    if commas > 1:
        if not _COMMA_GROUPS.fullmatch(text):
            raise ValueError(text)
        return text.replace(",", "")
    return text.replace(",", ".")


def parse_amount(value: object, unit: Decimal, style: str | None = None) -> Decimal:
    """Euros, exact to the cent, for an amount cell written in ``unit`` euros per unit."""
    try:
        return to_cents(parse_number(value, style) * unit)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the digit pattern
        raise AmountError(str(value), "unreadable") from exc


class AmountCache:
    """Euros, or the problem, for an amount cell; each distinct value is parsed only once.

    Budget tables repeat their amounts (0, round figures, one value per year) across many
    lines. A value is known by its type too (1, 1.0 and True read differently); the cache
    stops growing at ``limit`` values, so a table of all-different amounts costs no memory.
    """

    def __init__(self, parse: Callable[[Any], Decimal], limit: int = 65_536) -> None:
        self.parse, self.limit = parse, limit
        self.known: dict[tuple[type, Any], tuple[Decimal | None, str | None]] = {}

    def __call__(self, raw: Any) -> tuple[Decimal | None, str | None]:
        key = (raw.__class__, raw)
        found = self.known.get(key) if raw.__class__ in _CACHED else None
        if found is not None:
            return found
        try:
            result: tuple[Decimal | None, str | None] = (self.parse(raw), None)
        except AmountError as exc:
            result = (None, exc.kind)
        if len(self.known) < self.limit and raw.__class__ in _CACHED:
            self.known[key] = result
        return result


# What a cell reader gives, hashable and immutable (not Decimal: no reader gives one, and a
# signalling NaN cannot be hashed).
_CACHED = frozenset({int, float, str})


def format_eur(amount: Decimal, lang: str = "en") -> str:
    """An amount in euros as a reader of ``lang`` writes it: "€ 69.400.000" or "EUR 69,400,000"."""
    amount = to_cents(amount)
    thousands, decimal_mark, written_as = _euro_style(lang)
    whole, cents = divmod(abs(amount), 1)
    written = f"{int(whole):,}".replace(",", thousands)
    if cents:
        written += decimal_mark + f"{int(cents * 100):02d}"
    return written_as.format(sign="-" if amount < 0 else "", amount=written)


@cache
def _euro_style(lang: str) -> tuple[str, str, str]:
    """How ``lang`` writes an amount in euros, from its catalogue: the thousands separator,
    the decimal mark, and where the sign and the symbol go."""
    return (
        pgettext("thousands separator", ",", lang),
        pgettext("decimal mark", ".", lang),
        # Translators: {sign} is "-" or nothing. Dutch writes it after the symbol: € -6.000
        pgettext("amount in euros", "{sign}EUR {amount}", lang),
    )


def format_plain(amount: Decimal) -> str:
    """The machine form used in JSON: euros with two decimals, no grouping ("69400000.00")."""
    return str(to_cents(amount))
