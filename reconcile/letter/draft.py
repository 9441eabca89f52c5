"""What a letter announces: its amounts with their hedges, the one it reserves, its own sums,
the contributing ministries and the budget moments, and what the letter leaves open."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from itertools import combinations
from typing import Any

from reconcile.announcement import DEFAULT_BAND, HEDGES, WORD_NUMBERS, Sum, parse_hedged
from reconcile.errors import ConfigError
from reconcile.letter.read import Letter, Paragraph
from reconcile.ministries import MinistryTable, load_table
from reconcile.model import Interval

# Hedge words that are other words in a Dutch letter too ("over" is "about", "some" and "c."
# are English only in name); the hedge table keeps them for announcement files.
_AMBIGUOUS = {"over", "some", "c.", "min", "max", "ca", "min.", "max."}
_HEDGE_WORDS = sorted(
    (w for words in HEDGES.values() for w in words if w not in _AMBIGUOUS), key=len, reverse=True
)
_HEDGE_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<hedge>" + "|".join(map(re.escape, _HEDGE_WORDS)) + r")\s+$",
    re.IGNORECASE,
)
_HEDGE_AFTER = {
    "at-least": re.compile(r"^\s*\(?(?:of|en|or) (?:meer|hoger|more)\b\)?", re.IGNORECASE),
    "at-most": re.compile(r"^\s*\(?(?:of|or) (?:minder|lager|less)\b\)?", re.IGNORECASE),
}
_PREFIX = {"at-least": "minimaal", "at-most": "maximaal"}
# How far before and after an amount its hedge, minus sign or name is looked for: the longest
# hedge ("up to and including") is 19 characters.
_NEAR = 60
# Letters word some hedges the hedge table does not have; each is read as the table's word for
# its kind, with the letter's words kept beside it. "niet meer dan" must not be read as the
# table's "meer dan" (just over), nor "tot en met" as an exact amount.
_LETTER_HEDGES = {
    "at-most": (
        "tot en met",
        "t/m",
        "up to and including",
        "niet meer dan",
        "hoogstens",
        "minder dan",
        "nog geen",
        "less than",
    ),
    "at-least": ("niet minder dan", "zeker", "not less than"),
}
_LETTER_HEDGE = re.compile(
    r"(?:^|(?<=[\s(]))(?:"
    + "|".join(
        rf"(?P<{kind.replace('-', '_')}>"
        + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
        + ")"
        for kind, words in _LETTER_HEDGES.items()
    )
    + r")\s+$",
    re.IGNORECASE,
)
# How far before and after an amount its hedge, minus sign or name is looked for: the longest
# hedge ("up to and including") is 19 characters.
_NEAR = 60
# "tot en met 5 miljoen" (up to and including) is at most, not the hedge table's "tot" alone:
# read as "maximaal", with the letter's words kept beside it.
_THROUGH = re.compile(r"(?:^|(?<=[\s(]))(?:tot en met|t/m|up to and including)\s+$", re.IGNORECASE)

# A thousands separator is a point, or a (narrow, no-break) space ("€ 15 000,–", as laws and
# some letters write it), between groups of three digits. A figure may start after a space, so
# spaced groups are at most six (10^21) and a longer run of them is no figure: tried from each
# of its groups, it would cost its length squared.
_SPACE = "[ \u00a0\u202f]"
_NUM = (
    r"\d{1,3}(?:\.\d{3})+(?!\d)(?:,\d+)?"
    rf"|\d{{1,3}}(?:{_SPACE}\d{{3}}){{1,6}}(?!{_SPACE}?\d)(?:,\d+)?"
    rf"|\d+(?!{_SPACE}\d{{3}}(?!\d))(?:,\d+)?"
)
# A minus sign against the figure ("-5 miljoen", "€ -5 mln") or the bookkeeper's "-/-".
_MINUS = re.compile(r"(?:^|(?<=[\s(]))(?:(?:€|EUR)\s?)?(?:-/-\s?|[-−–])$")
_SPELLED = "|".join(sorted(map(re.escape, WORD_NUMBERS), key=len, reverse=True))
_SCALE = r"miljoen|miljard|mln\.?|mld\.?|mrd\.?|million|billion|bn"
_CAPTION = r"\(x\s?€\s?[\d.]+(?:\s?(?:mln|miljoen|mld|miljard))?\)"
_AMOUNT = (
    r"(?P<cur>(?:€|EUR)\s?)?"
    rf"(?:(?P<num>{_NUM})|(?P<spelled>\b(?:{_SPELLED})(?=\s+(?:{_SCALE}))))"
    rf"(?:\s?(?P<scale>(?:{_SCALE}))(?![a-z]))?"
    rf"(?:\s?(?P<caption>{_CAPTION}))?"
    r"(?:\s(?P<euro>euro(?:'s)?)\b)?"
)
_ONE = re.compile(r"(?<![\w.,€])" + _AMOUNT, re.IGNORECASE)
_LOW = rf"(?:(?:€|EUR)\s?)?(?:{_NUM})(?:\s?(?:{_SCALE})(?![a-z]))?"
_BETWEEN = re.compile(
    rf"(?<![\w.,])(?:(?P<word>tussen|between)\s+(?P<a1>{_LOW})\s+(?:en|and)\s+"
    rf"|(?P<a2>{_LOW})\s?(?:à|–|-)\s?"
    rf"|(?P<from>van|from)\s+(?P<a3>{_LOW})\s+(?:tot|to)\s+)"
    rf"(?P<b>{_AMOUNT})",
    re.IGNORECASE,
)
_AFTER_NAME = re.compile(r"^\s*(?:aan|voor|for)\s+(?:de\s+|het\s+|the\s+)?(?P<word>[a-z]{3,20})\b")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:c\.s|jl|nr|nrs|ca|o\.a|bijv|blz|art|d\.w\.z|e\.d|resp|i\.v\.m|m\.b\.t|"
    r"t\.b\.v|zgn|incl|excl|vs|min|max|dhr|mevr|mr|dr|prof|ir|drs|zie|p|e\.g|i\.e|etc)\.)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Where:
    paragraph: int
    page: int | None
    footnote: bool


@dataclass(frozen=True)
class Found:
    """One amount the letter names."""

    key: str
    text: str  # as the announcement writes it: the hedge and the amount, in the letter's words
    written: str  # as the letter writes it, when that differs from ``text`` ("€ 20 mln of meer")
    interval: Interval
    sentence: str
    where: Where
    total_cue: bool  # the words before it call it a total
    reserves: bool  # its sentence reserves it


@dataclass(frozen=True)
class Named:
    """Something the letter names, with the sentence that names it."""

    value: str
    sentence: str
    where: Where


@dataclass(frozen=True)
class Open:
    """What the letter leaves open: a message key of reconcile.i18n and its parameters."""

    key: str
    params: tuple[tuple[str, str], ...] = ()
    where: Where | None = None  # the place in the letter it is about


@dataclass(frozen=True)
class Draft:
    letter: Letter
    amounts: tuple[Found, ...]
    target: Found | None
    sums: tuple[Sum, ...]
    expected: tuple[Named, ...]
    largest: tuple[Named, ...]
    moments: tuple[Named, ...]  # value: "ontwerpbegroting 2026"
    years: tuple[int, int] | None
    open: tuple[Open, ...]


@cache
def _cues() -> dict[str, Any]:
    text = resources.files("reconcile.data").joinpath("letter.toml").read_text("utf-8")
    return tomllib.loads(text)


def _any(patterns: list[str], text: str) -> re.Match[str] | None:
    for pattern in patterns:
        match = re.search(pattern, text)
        if match:
            return match
    return None


def _sentences(paragraph: Paragraph) -> Iterator[str]:
    start = 0
    text = paragraph.text
    for match in re.finditer(r"[.!?](?=\s+[A-Z€(\"“‘'0-9])", text):
        if _ABBREVIATIONS.search(text[start : match.end()]):
            continue
        yield text[start : match.end()].strip()
        start = match.end()
    if text[start:].strip():
        yield text[start:].strip()


def draft_letter(letter: Letter, table: MinistryTable | None = None) -> Draft:
    """Read what ``letter`` announces; what it does not say plainly goes into ``Draft.open``."""
    table = table or load_table()
    cues = _cues()
    opened: list[Open] = []
    amounts: list[Found] = []
    expected: dict[str, Named] = {}
    largest: dict[str, Named] = {}
    unknown: dict[str, Named] = {}
    moments: dict[str, Named] = {}
    for paragraph in letter.paragraphs:
        where = Where(paragraph.number, paragraph.page, paragraph.footnote)
        for sentence in _sentences(paragraph):
            found = len(amounts)
            amounts.extend(_amounts(sentence, where, found, cues, opened))
            if paragraph.footnote:
                continue
            _contributors(sentence, where, table, cues, expected, largest, unknown)
            caption = re.search(cues["table_caption"], sentence)
            # a caption that is part of an amount of this sentence, "70.000 (x € 1.000)"
            if caption and not any(caption.group() in a.text for a in amounts[found:]):
                shown = caption.group().strip("() ")
                opened.append(Open("draft-open-table", (("caption", shown),), where))
            for label, pattern in cues["moments"].items():
                for match in re.finditer(pattern, sentence):
                    year = match.group("year")
                    value = f"{label} {year}" if year else label
                    moments.setdefault(value.lower(), Named(value, sentence, where))
    amounts = _unique_keys(amounts)

    reserving = [a for a in amounts if a.reserves]
    target = reserving[0] if len(reserving) == 1 else None
    if not amounts:
        opened.append(Open("draft-open-no-amounts"))
    elif target is None:
        among = reserving or amounts
        opened.append(Open("draft-open-target", (("keys", ", ".join(a.key for a in among)),)))

    sums = _sums(amounts, opened)

    for name, named in unknown.items():
        opened.append(Open("draft-open-ministry", (("name", name),), named.where))
    if not expected:
        opened.append(Open("draft-open-contributors"))

    years_named = sorted({int(y) for m in moments.values() for y in re.findall(r"20\d\d", m.value)})
    years = (years_named[0], years_named[-1] + 4) if years_named else None
    if years is None:
        opened.append(Open("draft-open-years"))
    return Draft(
        letter,
        tuple(amounts),
        target,
        sums,
        tuple(expected.values()),
        tuple(largest.values()),
        tuple(moments.values()),
        years,
        tuple(opened),
    )


def _amounts(
    sentence: str, where: Where, before: int, cues: dict[str, Any], opened: list[Open]
) -> Iterator[Found]:
    taken: list[tuple[int, int]] = []
    matches: list[tuple[int, int, str, str]] = []  # start, end, text, hedge prefix or ""
    for match in _BETWEEN.finditer(sentence):
        b = match.group("b")
        if not _is_money(match, sentence, cues, group="b"):
            continue
        low = match.group("a1") or match.group("a2") or match.group("a3")
        word = match.group("word") or match.group("from") or ""
        text = f"{'tussen' if word.lower() in ('tussen', 'between', '') else 'van'} {low} "
        text += ("en " if text.startswith("tussen") else "tot ") + b
        matches.append((match.start(), match.end(), text, ""))
        taken.append((match.start(), match.end()))
    # Every look around an amount is bounded (the words just before it, the few after it), so
    # that a sentence of a million figures costs its length, not its length squared.
    inside = 0  # the first range of ``taken`` that does not end before the match
    for match in _ONE.finditer(sentence):
        while inside < len(taken) and taken[inside][1] <= match.start():
            inside += 1
        if inside < len(taken) and taken[inside][0] <= match.start():
            continue
        if re.search(r"\bx\s*$", sentence[max(0, match.start() - 20) : match.start()], re.I):
            continue  # the unit of a caption, "(bedragen x € 1.000)", is no amount
        if not _is_money(match, sentence, cues):
            continue
        matches.append((match.start(), match.end(), match.group().strip(), ""))
    matches.sort()
    reserves = bool(_any(cues["reserve"], sentence))
    previous_end = 0
    for number, (start, end, text, _) in enumerate(matches, start=before + 1):
        window = sentence[previous_end:start]
        near = window[-_NEAR:]  # a hedge or minus stands right before the amount
        hedge = _HEDGE_BEFORE.search(near)
        written = text
        worded = _LETTER_HEDGE.search(near)
        if worded and not text.lower().startswith(("tussen", "van")):
            kind = "at-most" if worded.group("at_most") else "at-least"
            written = f"{worded.group().strip()} {text}"
            text = f"{_PREFIX[kind]} {text}"
            hedge = worded
        elif hedge and not text.lower().startswith(("tussen", "van")):
            text = f"{hedge.group('hedge')} {text}"
            written = text
        after = sentence[end : end + _NEAR]
        for kind, pattern in _HEDGE_AFTER.items():
            suffix = pattern.match(after)
            if suffix and not hedge:
                written = f"{text}{suffix.group()}"
                text = f"{_PREFIX[kind]} {text}"
                end += suffix.end()
        text = text.rstrip(" ,;:")
        minus = _MINUS.search(near)
        if minus:
            written = f"{minus.group()}{written}"
        try:
            hedged = parse_hedged(text, DEFAULT_BAND)
        except ConfigError:
            hedged = None
        if hedged is None or hedged.amount <= 0 or minus:  # an announcement holds positive amounts
            problem = "draft-open-unread" if hedged is None else "draft-open-zero"
            opened.append(Open(problem, (("text", written),), where))
            previous_end = end
            continue
        interval = hedged.interval
        if _any(cues["per_year"], sentence[end : end + 40]) or re.search(
            r"(?i)\b(?:jaarlijks|structureel|annually)\s*$", near
        ):
            opened.append(Open("draft-open-per-year", (("text", written),), where))
        key = _name(window, after, cues) or f"bedrag{number}"
        yield Found(
            key,
            text,
            written,
            interval,
            sentence,
            where,
            bool(_any(cues["total"], window)),
            reserves,
        )
        previous_end = end


def _is_money(match: re.Match[str], sentence: str, cues: dict[str, Any], group: str = "") -> bool:
    """An amount of money, not a count: a euro sign or word, a unit caption, or a scale word
    ("miljoen") not followed by what is counted ("inwoners")."""
    part = match.group(group) if group else match.group()
    one = _ONE.match(part) if group else match
    if one is None:
        return False
    if one.group("cur") or one.group("euro") or one.group("caption"):
        return True
    if not one.group("scale"):
        return False
    following = re.match(
        r"\s*(?:extra|nieuwe|meer|additional)?\s*([\w']+)", sentence[match.end() : match.end() + 60]
    )
    return not (following and following.group(1) in cues["not_money"])


def _name(before: str, after: str, cues: dict[str, Any]) -> str | None:
    for key, patterns in cues["names"].items():
        if _any(patterns, before):
            return str(key)
    word = _AFTER_NAME.match(after)
    return word.group("word") if word else None


def _unique_keys(amounts: list[Found]) -> list[Found]:
    """A name that comes again gets its count: rijk, rijk2."""
    seen: dict[str, int] = {}
    unique = []
    for amount in amounts:
        count = seen.get(amount.key, 0) + 1
        seen[amount.key] = count
        unique.append(amount if count == 1 else replace(amount, key=f"{amount.key}{count}"))
    return unique


def _fits(total: Interval, parts: tuple[Interval, ...]) -> bool:
    added = parts[0]
    for part in parts[1:]:
        added = added + part
    return added.intersects(total)


# The sets of parts a total is tried against grow as 2^n: 12 amounts are 4,096 sets, 30 would
# be a billion. A total after more amounts than this is left to the officer.
MAX_SUM_PARTS = 12


def _sums(amounts: list[Found], opened: list[Open]) -> tuple[Sum, ...]:
    """The letter's arithmetic: an amount the letter calls a total, and the amounts since the
    total before it (that total included), when they can add up to it within their intervals.
    Only the largest set of parts that fits is taken, and only when it is the one such set."""
    sums: list[Sum] = []
    last_total: Found | None = None
    since: list[Found] = []
    for amount in amounts:
        if not amount.total_cue:
            since.append(amount)
            continue
        candidates = ([last_total] if last_total else []) + since
        if len(candidates) > MAX_SUM_PARTS:
            count = (("total", amount.key), ("count", str(len(candidates))))
            opened.append(Open("draft-open-sum-many", count))
            last_total, since = amount, []
            continue
        chosen: list[tuple[Found, ...]] = []
        for size in range(len(candidates), 1, -1):
            chosen = [
                parts
                for parts in combinations(candidates, size)
                if _fits(amount.interval, tuple(p.interval for p in parts))
            ]
            if chosen:
                break
        if len(chosen) == 1:
            sums.append(Sum(amount.key, tuple(p.key for p in chosen[0])))
        elif chosen:
            options = "; ".join(" + ".join(p.key for p in parts) for parts in chosen)
            opened.append(Open("draft-open-sum", (("total", amount.key), ("options", options))))
        else:
            opened.append(Open("draft-open-sum-none", (("total", amount.key),)))
        last_total, since = amount, []
    return tuple(sums)


def _ministry_patterns(table: MinistryTable) -> list[tuple[re.Pattern[str], str]]:
    patterns = []
    for code, ministry in table.ministries.items():
        for name in {code, ministry.name, *ministry.names}:
            words = [re.escape(w) for w in re.split(r"[\s,]+", name) if w]
            body = r",?\s+".join(words)
            patterns.append((re.compile(rf"(?<![\w-]){body}(?![\w-])"), code))
    return patterns


def _contributors(
    sentence: str,
    where: Where,
    table: MinistryTable,
    cues: dict[str, Any],
    expected: dict[str, Named],
    largest: dict[str, Named],
    unknown: dict[str, Named],
) -> None:
    if not _any(cues["contribution"], sentence):
        return
    found: list[tuple[int, int, str]] = []
    for pattern, code in _ministry_patterns(table):
        found.extend((m.start(), m.end(), code) for m in pattern.finditer(sentence))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    named: list[tuple[int, int, str]] = []
    for start, end, code in found:
        if not named or start >= named[-1][1]:
            named.append((start, end, code))
    for _, _, code in named:
        expected.setdefault(code, Named(code, sentence, where))
    for phrase in re.finditer(cues["ministry_phrase"], sentence):
        start = phrase.start("name")
        if not any(s == start for s, _, _ in named):
            name = re.sub(r"\s+en$", "", phrase.group("name"))
            unknown.setdefault(name, Named(name, sentence, where))
    cue = _any(cues["largest"], sentence)
    if cue:
        for start, _, code in named:
            if start < cue.start():
                largest.setdefault(code, Named(code, sentence, where))
