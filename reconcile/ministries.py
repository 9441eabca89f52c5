"""The ministry table: which chapters a ministry books on and the names it goes by."""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

from reconcile.errors import ConfigError
from reconcile.nearest import did_you_mean
from reconcile.text_mark import without_text_mark

_ARTICLE = re.compile(r"[0-9]{1,3}")  # an article number, 1 to 999
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_CHAPTER_TEXT = re.compile(
    r"^\s*(?:begrotings)?(?:hoofdstuk|hfdst?\.?|h\.?|chapter)?\s*"
    r"(?P<code>[IVXLC]+[AB]?|\d{1,2}[AB]?|[A-Z])\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Ministry:
    code: str
    name: str
    chapters: tuple[str, ...]  # its own budget (two for Financiën and BZ)
    names: tuple[str, ...]
    answers_for: tuple[str, ...] = ()  # the other budgets and funds its minister answers for
    former: tuple[str, ...] = ()  # chapters it answered for once (XVIII, 2013-2017)

    @property
    def offered(self) -> tuple[str, ...]:
        """The chapters it books on today: its own budget, then those its minister answers
        for (a template's drop-down)."""
        return self.chapters + self.answers_for

    @property
    def owned(self) -> tuple[str, ...]:
        """Every chapter whose lines are its own, former ones included."""
        return self.offered + self.former


@dataclass(frozen=True)
class MinistryTable:
    ministries: Mapping[str, Ministry]
    chapters: Mapping[str, str]  # every known chapter code -> its name
    # chapter -> article number -> article name, for the chapters whose articles are known
    articles: Mapping[str, Mapping[int, str]] = field(default_factory=dict)

    def articles_of(self, ministry: Ministry) -> dict[int, str]:
        """The known articles of ``ministry``'s chapters, by number; empty when none is known.

        A ministry with several chapters (Defensie: X and its fund K) gets the articles of those
        whose articles are known.
        """
        known: dict[int, str] = {}
        for chapter in ministry.offered:
            for number, name in self.articles.get(chapter, {}).items():
                known.setdefault(number, name)
        return dict(sorted(known.items()))

    @functools.cached_property
    def owners(self) -> dict[str, str]:
        """Every chapter of a ministry -> that ministry's code."""
        return {c: m.code for m in self.ministries.values() for c in m.owned}

    def of_chapter(self, chapter: str) -> Ministry | None:
        for ministry in self.ministries.values():
            if chapter in ministry.owned:
                return ministry
        return None

    @functools.cached_property
    def chapter_names(self) -> dict[str, str]:
        """Every name a chapter goes by -> that chapter: its name, or either name of one
        written with two ("Mobiliteitsfonds (Infrastructuurfonds)": both A); a name two
        chapters share is the first's in the table's order (Diergezondheidsfonds: F)."""
        names: dict[str, str] = {}
        for chapter, name in self.chapters.items():
            for part in re.split(r"[()]", name):
                if part.strip():
                    names.setdefault(part.strip(), chapter)
        return names

    def chapter_named(self, text: str) -> str | None:
        """The chapter whose name the whole of ``text`` is ("Gemeentefonds": B, "deltafonds":
        J, "Infrastructuurfonds" of "Mobiliteitsfonds (Infrastructuurfonds)": A), the first
        in the table's order; None for any other text."""
        folded = _fold(text)
        for name, chapter in self.chapter_names.items():
            if _fold(name) == folded:
                return chapter
        return None

    def named_in(self, text: str) -> list[str]:
        """Codes of the ministries whose name or abbreviation occurs in ``text`` as whole words."""
        folded = _fold(text)
        found = []
        for ministry in self.ministries.values():
            for name in (ministry.code, *ministry.names):
                if re.search(rf"(?<![a-z0-9]){re.escape(_fold(name))}(?![a-z0-9])", folded):
                    found.append(ministry.code)
                    break
        return found

    def owners_of_named_chapters(self, text: str) -> list[str]:
        """Codes of the ministries that own a chapter whose name occurs in ``text`` as whole
        words ("naar het Gemeentefonds": BZK, which answers for B), in the table's order."""
        folded = _fold(text)
        found: list[str] = []
        for chapter, name in self.chapters.items():
            owner = self.owners.get(chapter)
            if owner is None or owner in found:
                continue
            if re.search(rf"(?<![a-z0-9]){re.escape(_fold(name))}(?![a-z0-9])", folded):
                found.append(owner)
        return found

    def named_where(self, text: str) -> tuple[str, list[tuple[int, int, str]]]:
        """``text`` folded as ``named_in`` reads it, and where in it each ministry is first
        named (start, end, code), in the order they stand."""
        folded = _fold(text)
        found = []
        for ministry in self.ministries.values():
            spans = [
                match.span()
                for name in (ministry.code, *ministry.names)
                if (
                    match := re.search(
                        rf"(?<![a-z0-9]){re.escape(_fold(name))}(?![a-z0-9])", folded
                    )
                )
            ]
            if spans:  # the first place, and there its longest name ("Economische Zaken en ...")
                start = min(spans)[0]
                found.append((start, max(end for s, end in spans if s == start), ministry.code))
        return folded, sorted(found)

    def with_overrides(self, extra: Mapping[str, Any], source: str) -> MinistryTable:
        """This table with the ministries of an announcement's [ministries] tables added."""
        ministries = dict(self.ministries)
        chapters = dict(self.chapters)
        for code, spec in extra.items():
            ministry = _ministry(code, spec, source)
            ministries[code] = ministry
            for chapter in ministry.owned:
                chapters.setdefault(chapter, ministry.name)
        return MinistryTable(ministries, chapters, self.articles)

    def with_articles(self, extra: Mapping[str, Any], source: str) -> MinistryTable:
        """This table with the chapters' articles of an announcement's [articles] tables."""
        return replace(self, articles={**self.articles, **parse_articles(extra, source)})


def parse_articles(data: Mapping[str, Any], source: str) -> dict[str, dict[int, str]]:
    """[articles.CHAPTER] tables (number = "name") as chapter -> number -> name."""
    articles: dict[str, dict[int, str]] = {}
    for chapter, table in data.items():
        code = normalise_chapter(chapter)
        where = f"[articles.{chapter}]"
        if code is None or not isinstance(table, dict):
            raise ConfigError(
                "{where}: {table} must be a chapter's table of number = name",
                where=source,
                table=where,
            )
        numbers: dict[int, str] = {}
        for number, name in table.items():
            # ASCII digits only: "²".isdigit() is true, and int() refuses it
            if not (_ARTICLE.fullmatch(str(number)) and int(number) and isinstance(name, str)):
                raise ConfigError(
                    "{where}: {table} holds {key!r}; write an article as number = name, "
                    'e.g. 16 = "Onderzoek en wetenschapsbeleid"',
                    where=source,
                    table=where,
                    key=number,
                )
            numbers[int(number)] = name
        articles[code] = numbers
    return articles


def _fold(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.replace("\u00a0", " ")).strip().lower()


def _ministry(code: str, spec: Any, source: str) -> Ministry:
    if not isinstance(spec, dict):
        raise ConfigError("{where}: [ministries.{code}] must be a table", where=source, code=code)
    unknown = set(spec) - set(_MINISTRY_KEYS)
    if unknown:
        key = sorted(unknown)[0]
        raise ConfigError(
            "{where}: unknown key {key!r} in [ministries.{code}].{hint}",
            where=source,
            key=key,
            code=code,
            hint=did_you_mean(key, _MINISTRY_KEYS),
        )
    chapters = spec.get("chapters", [])
    if not isinstance(chapters, list) or not chapters:
        raise ConfigError(
            "{where}: [ministries.{code}] needs a list of chapters", where=source, code=code
        )
    return Ministry(
        code=code,
        name=str(spec.get("name", code)),
        chapters=_chapters(chapters, code, source),
        names=tuple(str(n) for n in spec.get("names", [])),
        answers_for=_chapters(spec.get("answers_for", []), code, source),
        former=_chapters(spec.get("former", []), code, source),
    )


_MINISTRY_KEYS = ["name", "chapters", "names", "answers_for", "former"]


def _chapters(listed: Any, code: str, source: str) -> tuple[str, ...]:
    """A [ministries.CODE] list of chapters, each normalised ("13" -> "XIII")."""
    if not isinstance(listed, list):
        listed = [listed]
    normalised = []
    for chapter in listed:
        value = normalise_chapter(chapter)
        if value is None:
            raise ConfigError(
                "{where}: {chapter!r} in [ministries.{code}] is not a chapter",
                where=source,
                chapter=chapter,
                code=code,
            )
        normalised.append(value)
    return tuple(normalised)


def to_roman(number: int) -> str:
    out = []
    for value, letters in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _from_roman(text: str) -> int | None:
    total, previous = 0, 0
    for letter in reversed(text):
        value = _ROMAN[letter]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total if to_roman(total) == text else None


@functools.lru_cache(maxsize=4096, typed=True)  # a file repeats a few chapters many times
def normalise_chapter(value: object) -> str | None:
    """ "XIII", "xiii", 13, "13", "Hoofdstuk XIII", "XIII Economische Zaken" -> "XIII".

    Numbers become Roman numerals (9A -> IXA); single fund letters (A, K, L) stay as they are.
    None when the value does not look like a chapter at all.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    if isinstance(value, int):
        return to_roman(value) if 0 < value < 40 else None
    text = str(value).replace("\u00a0", " ").strip()
    match = _CHAPTER_TEXT.match(without_text_mark(text))  # Excel's "'XIII"
    if not match:
        return None
    code = match.group("code").upper()
    if code[0].isdigit():
        digits = code.rstrip("AB")
        number = int(digits)
        return to_roman(number) + code[len(digits) :] if 0 < number < 40 else None
    if len(code) == 1 and code not in "IVX":
        return code  # fund letters: A, B, C, F, H, J, K, L
    roman, suffix = (code[:-1], code[-1]) if code[-1] in "AB" and len(code) > 1 else (code, "")
    if not all(letter in _ROMAN for letter in roman) or _from_roman(roman) is None:
        return None
    return roman + suffix


def load_table(overrides: Mapping[str, Any] | None = None, source: str = "") -> MinistryTable:
    text = resources.files("reconcile.data").joinpath("ministries.toml").read_text("utf-8")
    data = tomllib.loads(text)
    ministries = {
        code: _ministry(code, spec, "ministries.toml") for code, spec in data["ministries"].items()
    }
    chapters = {str(k): str(v) for k, v in data["chapters"].items()}
    articles = tomllib.loads(
        resources.files("reconcile.data").joinpath("articles.toml").read_text("utf-8")
    )
    table = MinistryTable(
        ministries, chapters, parse_articles(articles["articles"], "articles.toml")
    )
    return table.with_overrides(overrides or {}, source) if overrides else table
