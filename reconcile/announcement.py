"""What the cabinet announced: hedged amounts ("bijna 70 miljoen") as intervals, from TOML."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from reconcile.errors import ConfigError
from reconcile.limits import load_toml, read_toml_text
from reconcile.ministries import MinistryTable, load_table
from reconcile.model import AnnouncedAmount, Interval, Phrase
from reconcile.money import AmountError, find_unit, parse_number, to_cents
from reconcile.nearest import did_you_mean

DEFAULT_BAND = Decimal("0.05")

# Each hedge, with the words that express it in Dutch and English (longest first where one
# word starts another). The interval each stands for is in ``hedge_interval``.
HEDGES: dict[str, tuple[str, ...]] = {
    "nearly": ("bijna", "nagenoeg", "vrijwel", "nearly", "almost", "just under", "net onder"),
    "just-over": ("ruim", "iets meer dan", "just over", "over", "more than", "meer dan"),
    "around": (
        "rond de",
        "rondom",
        "rond",
        "circa",
        "ca.",
        "ca",
        "ongeveer",
        "zo'n",
        "around",
        "about",
        "approximately",
        "approx.",
        "some",
        "c.",
    ),
    "at-most": (
        "maximaal",
        "ten hoogste",
        "hooguit",
        "tot maximaal",
        "tot",
        "at most",
        "up to",
        "no more than",
        "max.",
        "max",
    ),
    "at-least": (
        "minimaal",
        "ten minste",
        "tenminste",
        "minstens",
        "at least",
        "no less than",
        "min.",
        "min",
    ),
}
_BETWEEN = re.compile(
    r"^(?:tussen|between|van|from)?\s*(?P<a>.+?)\s*(?:\ben\b|\band\b|à|\bà\b|\ba\b|\btot\b|\bto\b|–|-)\s*"
    r"(?P<b>.+)$",
    re.IGNORECASE,
)
_SCALES: tuple[tuple[str, Decimal], ...] = (
    (r"miljard|mld\.?|mrd\.?|billion|bn", Decimal(1_000_000_000)),
    (r"miljoen|mln\.?|mio\.?|million|m", Decimal(1_000_000)),
    (r"duizend|thousand|k", Decimal(1000)),
)
_CURRENCY = re.compile(r"€|\beur(?:o'?s?)?\b", re.IGNORECASE)
_CAPTION = re.compile(r"\(([^)]*)\)")
# Numbers a letter writes in words before a scale word: "ruim een half miljard".
WORD_NUMBERS: dict[str, str] = {
    "een half": "0,5",
    "anderhalf": "1,5",
    "een kwart": "0,25",
    "driekwart": "0,75",
    "een": "1",
    "één": "1",
    "twee": "2",
    "drie": "3",
    "vier": "4",
    "vijf": "5",
    "zes": "6",
    "zeven": "7",
    "acht": "8",
    "negen": "9",
    "tien": "10",
    "honderd": "100",
    "half a": "0,5",
    "one": "1",
    "two": "2",
    "three": "3",
}
_WORD_NUMBER = re.compile(
    r"^(?P<word>" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")\s+(?=[a-z])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Hedged:
    """An amount as the letter words it, with the interval that wording allows."""

    text: str
    hedge: str  # nearly, just-over, around, at-most, at-least, between, exact
    amount: Decimal  # the figure named (the lower one for "between")
    interval: Interval


MAX_DIGITS = 15  # of an amount in euros: a thousand trillion, far above any budget
FIRST_YEAR, LAST_YEAR = 1900, 2200  # a budget year outside these is a typing error
MAX_YEARS = 50


def parse_money(text: str) -> Decimal:
    """ "70 miljoen", "EUR 70 mln", "€ 70.000.000", "70.000 (x € 1.000)", "5,1 mln",
    "een half miljard" -> euros."""
    rest = text.strip()
    spelled = _WORD_NUMBER.match(rest)
    if spelled:  # "een half miljard": the words stand for the figure
        rest = WORD_NUMBERS[spelled.group("word").lower()] + " " + rest[spelled.end() :]
    multiplier = Decimal(1)
    caption = _CAPTION.search(rest)
    if caption:
        unit = find_unit(caption.group(1))
        if unit is None:
            raise ConfigError("cannot read the unit in {text!r}", text=text)
        multiplier = unit.euros
        rest = _CAPTION.sub(" ", rest)
    rest = _CURRENCY.sub(" ", rest).strip()
    for pattern, scale in _SCALES:
        match = re.search(rf"(?<=[\d\s])({pattern})\s*$", rest, re.IGNORECASE)
        if match:
            multiplier *= scale
            rest = rest[: match.start()]
            break
    rest = _CURRENCY.sub(" ", rest).strip()
    try:
        euros = parse_number(rest) * multiplier
    except (AmountError, ArithmeticError):  # ArithmeticError: more digits than a Decimal holds
        raise ConfigError("{text!r} is not an amount", text=text) from None
    if euros.adjusted() >= MAX_DIGITS:  # more than Decimal's precision could round to the cent
        raise ConfigError(
            "{text!r} has more digits than an amount reconcile counts (at most {limit} before the "
            "decimal mark, in euros)",
            text=text,
            limit=MAX_DIGITS,
        )
    return to_cents(euros)


def hedge_interval(hedge: str, amount: Decimal, band: Decimal) -> Interval:
    spread = to_cents(amount * band)
    match hedge:
        case "nearly":
            return Interval(amount - spread, amount)
        case "just-over":
            return Interval(amount, amount + spread)
        case "around":
            return Interval(amount - spread, amount + spread)
        case "at-most":
            return Interval(Decimal(0), amount)
        case "at-least":
            return Interval(amount, None)
        case _:
            return Interval(amount, amount)


def parse_hedged(text: str, band: Decimal = DEFAULT_BAND) -> Hedged:
    """Read a hedged amount such as "bijna 70 miljoen euro" into the interval it allows."""
    folded = " ".join(text.replace("\u00a0", " ").split())
    lowered = folded.lower()
    for hedge, words in HEDGES.items():
        for word in sorted(words, key=len, reverse=True):
            if lowered.startswith(word + " ") or (word.endswith(".") and lowered.startswith(word)):
                rest = folded[len(word) :].strip()
                if hedge == "at-most" and word in ("tot",) and _BETWEEN.match(rest):
                    break
                amount = parse_money(rest)
                return Hedged(folded, hedge, amount, hedge_interval(hedge, amount, band))
    between = _BETWEEN.match(folded)
    if between and not _looks_like_one_amount(folded):
        high = parse_money(between.group("b"))
        low_text = between.group("a")
        # "60 à 70 miljoen": the scale word of the second figure applies to the first.
        try:
            low = parse_money(low_text + _trailing_scale(between.group("b")))
        except ConfigError:
            low = parse_money(low_text)
        if low > high:
            raise ConfigError("{text!r}: the first amount is larger than the second", text=text)
        return Hedged(folded, "between", low, Interval(low, high))
    amount = parse_money(folded)
    return Hedged(folded, "exact", amount, Interval.exactly(amount))


def _looks_like_one_amount(text: str) -> bool:
    try:
        parse_money(text)
    except ConfigError:
        return False
    return True


def _trailing_scale(text: str) -> str:
    stripped = _CURRENCY.sub(" ", text).strip()
    if re.search(r"\d\s*$", stripped):
        return ""
    match = re.search(r"[A-Za-z.]+$", stripped)
    if match and re.search(r"\d", text[:1] + stripped[: -len(match.group())]):
        return " " + match.group()
    return ""


def parse_band(value: object, where: str) -> Decimal:
    """ "5%", "5 %", 0.05 or "0,05" -> Decimal("0.05")."""
    text = str(value).strip()
    try:
        band = parse_number(text[:-1].strip()) / 100 if text.endswith("%") else parse_number(value)
    except AmountError:
        raise ConfigError(
            '{where}: band {value!r} is not a percentage such as "5%"', where=where, value=value
        ) from None
    if not 0 <= band < 1:
        raise ConfigError(
            "{where}: band {value!r} must lie from 0 % up to (not including) 100 %",
            where=where,
            value=value,
        )
    return band


@dataclass(frozen=True)
class Sum:
    """One of the letter's own sums: the parts must be able to add up to the total."""

    total: str
    parts: tuple[str, ...]


@dataclass(frozen=True)
class Expectation:
    """An expected amount for one ministry, one year, or one ministry in one year."""

    amount: AnnouncedAmount
    ministry: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class Announcement:
    name: str
    source: str
    origin: str  # where it was read from: a path, or "built-in"
    amounts: Mapping[str, AnnouncedAmount]
    target: str  # which amount the reserved lines must add up to
    series: str
    years: tuple[int, ...]
    band: Decimal
    expected: tuple[str, ...]
    largest: tuple[str, ...]
    sums: tuple[Sum, ...] = ()
    expectations: tuple[Expectation, ...] = ()
    ministries: MinistryTable = field(default_factory=load_table)
    path: Path | None = None  # the file it was read from; None for the built-in one

    @property
    def target_amount(self) -> AnnouncedAmount:
        return self.amounts[self.target]


_TOP_KEYS = {
    "name",
    "source",
    "reconcile",
    "series",
    "years",
    "band",
    "amounts",
    "sums",
    "contributors",
    "expect",
    "ministries",
    "articles",
}


def _amount(key: str, spec: Any, band: Decimal, where: str) -> AnnouncedAmount:
    if isinstance(spec, dict):
        _only(spec, {"text", "band"}, f"{where} [amounts.{key}]")
        text = _typed(spec.get("text"), str, f"amounts.{key}.text", where)
        band = parse_band(spec["band"], where) if "band" in spec else band
    else:
        text = _typed(spec, str, f"amounts.{key}", where)
    try:
        hedged = parse_hedged(text, band)
    except ConfigError as exc:
        raise ConfigError(
            "{where}: {key}: {problem}", where=where, key=f"amounts.{key}", problem=exc
        ) from None
    if hedged.amount <= 0:
        raise ConfigError(
            "{where}: amounts.{key}: {text!r} is not a positive amount",
            where=where,
            key=key,
            text=text,
        )
    return AnnouncedAmount(key, hedged.text, hedged.interval)


_KINDS = {
    dict: Phrase("a table"),
    list: Phrase("a list"),
    str: Phrase("a text"),
    int: Phrase("a whole number"),
}


def _typed(value: Any, kind: type, key: str, where: str) -> Any:
    if value is None:
        raise ConfigError("{where}: {key} is missing", where=where, key=key)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        shown = f'"{value}"' if isinstance(value, str) else str(value)
        expected = _KINDS.get(kind, kind.__name__)
        raise ConfigError(
            "{where}: {key} must be {expected}, not {shown}",
            where=where,
            key=key,
            expected=expected,
            shown=shown,
        )
    return value


def _only(table: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ConfigError(
            "{where}: unknown key {key!r}.{hint}",
            where=where,
            key=unknown[0],
            hint=did_you_mean(unknown[0], allowed),
        )


_YEARS_FORM = '{where}: years must be a list or a range such as "2025-2030"'


def _years(value: Any, where: str) -> tuple[int, ...]:
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d{4})\s*(?:-|–|\.\.|t/m|to)\s*(\d{4})\s*", value)
        if not match:
            raise ConfigError(_YEARS_FORM, where=where)
        first, last = int(match.group(1)), int(match.group(2))
        if first > last:
            raise ConfigError(
                "{where}: years {value!r} runs backwards; write the first year first",
                where=where,
                value=value,
            )
        return _budget_years(range(first, last + 1), where)
    if isinstance(value, list) and value and all(isinstance(y, int) for y in value):
        return _budget_years(value, where)
    raise ConfigError(_YEARS_FORM, where=where)


def _budget_years(years: Sequence[int], where: str) -> tuple[int, ...]:
    if len(years) > MAX_YEARS:
        raise ConfigError(
            "{where}: years holds {count} years, more than the limit of {limit}",
            where=where,
            count=len(years),
            limit=MAX_YEARS,
        )
    for year in years:
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ConfigError(
                "{where}: years holds {year}, which is not a budget year (from {first} to {last})",
                where=where,
                year=year,
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
    return tuple(sorted(years))


def parse_announcement(data: Mapping[str, Any], origin: str) -> Announcement:
    """An Announcement from parsed TOML; every mistake is a ConfigError naming key and file."""
    where = origin
    _only(data, _TOP_KEYS, where)
    band = parse_band(data.get("band", "5%"), where)
    amounts_spec = _typed(data.get("amounts"), dict, "[amounts]", where)
    amounts = {key: _amount(key, spec, band, where) for key, spec in amounts_spec.items()}
    target = _typed(data.get("reconcile", "rijk"), str, "reconcile", where)
    if target not in amounts:
        raise ConfigError(
            "{where}: reconcile = {target!r} names no amount in [amounts]",
            where=where,
            target=target,
        )
    series = _typed(data.get("series", "U"), str, "series", where).upper()
    if series not in ("V", "U", "O"):
        raise ConfigError(
            "{where}: series must be V, U or O, not {series!r}", where=where, series=series
        )
    if "years" not in data:
        raise ConfigError('{where}: years is required, e.g. years = "2025-2030"', where=where)
    years = _years(data["years"], where)

    ministries = load_table(_typed(data.get("ministries", {}), dict, "[ministries]", where), where)
    if "articles" in data:
        articles = _typed(data["articles"], dict, "[articles]", where)
        ministries = ministries.with_articles(articles, where)
    contributors = _typed(data.get("contributors", {}), dict, "[contributors]", where)
    _only(contributors, {"expected", "largest"}, f"{where} [contributors]")
    expected = tuple(_typed(contributors.get("expected", []), list, "contributors.expected", where))
    largest = tuple(_typed(contributors.get("largest", []), list, "contributors.largest", where))
    for code in (*expected, *largest):
        if code not in ministries.ministries:
            raise ConfigError(
                "{where}: contributors names {code!r}, which is not a ministry",
                where=where,
                code=code,
            )
    for code in largest:
        if code not in expected:
            raise ConfigError(
                "{where}: largest contributor {code!r} is not in expected", where=where, code=code
            )

    sums = []
    for i, spec in enumerate(_typed(data.get("sums", []), list, "[[sums]]", where)):
        _only(spec, {"total", "parts"}, f"{where} [[sums]] #{i + 1}")
        names = [spec.get("total"), *spec.get("parts", [])]
        for name in names:
            if name not in amounts:
                raise ConfigError(
                    "{where}: [[sums]] #{number} names {name!r}, not in [amounts]",
                    where=where,
                    number=i + 1,
                    name=name,
                )
        sums.append(Sum(spec["total"], tuple(spec["parts"])))

    expectations = []
    for i, spec in enumerate(_typed(data.get("expect", []), list, "[[expect]]", where)):
        label = f"{where} [[expect]] #{i + 1}"
        _only(spec, {"ministry", "year", "amount", "note"}, label)
        ministry = spec.get("ministry")
        if ministry is not None and ministry not in ministries.ministries:
            raise ConfigError(
                "{where}: {ministry!r} is not a ministry", where=label, ministry=ministry
            )
        year = spec.get("year")
        if year is not None and year not in years:
            raise ConfigError(
                "{where}: year {year!r} is not among the announced years", where=label, year=year
            )
        if ministry is None and year is None:
            raise ConfigError("{where}: give a ministry, a year, or both", where=label)
        amount = _amount(f"expect{i + 1}", spec.get("amount"), band, label)
        expectations.append(Expectation(amount, ministry, year))

    return Announcement(
        name=_typed(data.get("name", "announcement"), str, "name", where),
        source=_typed(data.get("source", ""), str, "source", where),
        origin=origin,
        amounts=amounts,
        target=target,
        series=series,
        years=years,
        band=band,
        expected=expected,
        largest=largest,
        sums=tuple(sums),
        expectations=tuple(expectations),
        ministries=ministries,
    )


def load_announcement(path: Path | None, origin: str | None = None) -> Announcement:
    """Read an announcement file, or the built-in AI-fabriek announcement when ``path`` is None."""
    if path is None:
        text = resources.files("reconcile.data").joinpath("ai-fabriek.toml").read_text("utf-8")
        origin = "built-in: ai-fabriek"
    else:
        origin = origin or str(path)
        try:
            text = read_toml_text(path)
        except FileNotFoundError:
            raise ConfigError("announcement {origin} does not exist", origin=origin) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(
                "announcement {origin} cannot be read: {problem}", origin=origin, problem=exc
            ) from None
    try:
        data = load_toml(text, origin)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            "{origin} is not valid TOML: {problem}", origin=origin, problem=exc
        ) from None
    announcement = parse_announcement(data, origin)
    return announcement if path is None else replace(announcement, path=path)
