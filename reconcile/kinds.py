"""Kinds of mutation: what a budget line is (a reservation, a kasschuif, an overboeking, a
vrijval), how that was told, and what it adds to the money counted.

A table says a line's kind in a kind column ("Soort mutatie", "Type", "Mutatiesoort") or in
the line's description ("Kasschuif ...", "Overboeking naar EZ", "Bijdrage van Defensie"); a
line that says nothing is a reservation. An overboeking's other ministry is named in its words
or in a counterpart column (Van/naar, Tegenpartij), whose filled cell alone makes a line one.
The words are data (``KIND_WORDS``, ``DESCRIPTION_PATTERNS``), so a new spelling is one entry.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from decimal import Decimal

from reconcile.ministries import MinistryTable, normalise_chapter
from reconcile.model import Kind, Phrase
from reconcile.nearest import did_you_mean, nearest
from reconcile.text_mark import without_text_mark

__all__ = ["Kind"]  # a record, kept with the others in reconcile.model


class Told(enum.StrEnum):
    COLUMN = "column"  # a kind column said it
    HEADING = "heading"  # a kind heading above the line said it (a published mutation table)
    DESCRIPTION = "description"  # the description's words said it
    DEFAULT = "default"  # nothing said it: a reservation


TRANSFERS = frozenset({Kind.TRANSFER_OUT, Kind.TRANSFER_IN})

# A table in millions (or more) per unit rounds each amount: a kasschuif or a kind heading's
# subtotal there may be off by half a unit per amount ("- 232, 0, 77, 77, 77" adds up to - 1).
# A table in thousands or euros books exactly.
ROUNDED_FROM = Decimal(1_000_000)

# How a message names a kind: the budget's own words, in either language.
KIND_LABEL = {
    Kind.RESERVATION: "reservering",
    Kind.KASSCHUIF: "kasschuif",
    Kind.TRANSFER_OUT: "overboeking naar",
    Kind.TRANSFER_IN: "overboeking van",
    Kind.VRIJVAL: "vrijval",
    Kind.HERSCHIKKING: "herschikking",
}

# A kind column's value (folded: lower case, single spaces) -> the kind; None for an
# overboeking, whose direction comes from its description or, failing that, its sign.
KIND_WORDS: dict[str, Kind | None] = {
    "reservering": Kind.RESERVATION,
    "reserveringen": Kind.RESERVATION,
    "intensivering": Kind.RESERVATION,
    "intensiveringen": Kind.RESERVATION,
    "reservation": Kind.RESERVATION,
    "kasschuif": Kind.KASSCHUIF,
    "kasschuiven": Kind.KASSCHUIF,
    "cash shift": Kind.KASSCHUIF,
    "overboeking": None,
    "overboekingen": None,
    "transfer": None,
    "overboeking naar": Kind.TRANSFER_OUT,
    "overboeking van": Kind.TRANSFER_IN,
    "vrijval": Kind.VRIJVAL,
    "release": Kind.VRIJVAL,
    # A move between articles of one budget: an herschikking, or an overboeking that says it
    # is internal (OCW's ontwerpbegroting 2013: "Overboeking (intern)"). No other ministry.
    "herschikking": Kind.HERSCHIKKING,
    "herschikkingen": Kind.HERSCHIKKING,
    "overboeking (intern)": Kind.HERSCHIKKING,
    "overboekingen (intern)": Kind.HERSCHIKKING,
    "overboeking intern": Kind.HERSCHIKKING,
    "interne overboeking": Kind.HERSCHIKKING,
    "interne overboekingen": Kind.HERSCHIKKING,
    "internal transfer": Kind.HERSCHIKKING,
    "reallocation": Kind.HERSCHIKKING,
    # The headings of a published mutation table (Voorjaarsnota, suppletoire begroting): a
    # tegenvaller adds money as a reservation does, a meevaller or an ombuiging lowers it as a
    # vrijval does (negative amounts).
    "tegenvaller": Kind.RESERVATION,
    "tegenvallers": Kind.RESERVATION,
    "meevaller": Kind.VRIJVAL,
    "meevallers": Kind.VRIJVAL,
    "ombuiging": Kind.VRIJVAL,
    "ombuigingen": Kind.VRIJVAL,
}
# Abbreviations, read as their words but never a heading: departmental mutation tables write
# an overboeking "Ovb." ("Ovb. van Defensie").
_ABBREVIATIONS: dict[str, Kind | None] = {"ovb": None, "ovb.": None}
# A row of a wide table whose label is one of these (and that has no chapter or article) is a
# kind heading: its amounts are the subtotal of the lines under it, which take its kind.
KIND_HEADINGS = frozenset(word for word in KIND_WORDS if " " not in word)
KIND_WORDS |= _ABBREVIATIONS
# The words a template's drop-down offers, one per kind (docs/en/workbooks.md, "Line kinds",
# names them so too).
KIND_CHOICES = (
    "Reservering",
    "Kasschuif",
    "Overboeking naar",
    "Overboeking van",
    "Vrijval",
    "Herschikking",
)
# What a misspelt kind cell may be told it means: the words of the drop-down, and
# "Overboeking" alone (its direction told by the description, the Van/naar cell or the sign).
_MEANT_KINDS = (*KIND_CHOICES, "Overboeking")

# A description (or a part of it after a colon: "AI-fabriek: kasschuif naar 2025") that starts
# with these words. "needs" says the words alone do not make a transfer: "Bijdrage aan de
# AI-fabriek" is a reservation, "Bijdrage aan EZ" an overboeking (another ministry is named).
_OVERBOEKING = r"(?:overboeking(?:en)?|ovb\b\.?)"  # "Ovb.": mutation tables abbreviate it
DESCRIPTION_PATTERNS: tuple[tuple[re.Pattern[str], Kind | None, bool], ...] = (
    (re.compile(r"^kasschui(f|ven)\b"), Kind.KASSCHUIF, False),
    (re.compile(r"^herschikking(en)?\b"), Kind.HERSCHIKKING, False),
    (re.compile(rf"^(?:interne {_OVERBOEKING}|{_OVERBOEKING} intern\b)"), Kind.HERSCHIKKING, False),
    (re.compile(r"^vrijval\b"), Kind.VRIJVAL, False),
    (re.compile(rf"^{_OVERBOEKING} (naar|aan)\b"), Kind.TRANSFER_OUT, False),
    (re.compile(rf"^{_OVERBOEKING} van\b"), Kind.TRANSFER_IN, False),
    (re.compile(r"^(ontvangen|ontvangst) van\b"), Kind.TRANSFER_IN, False),
    (re.compile(rf"^{_OVERBOEKING}(?!\w)"), None, False),
    (re.compile(r"^bijdrage aan\b"), Kind.TRANSFER_OUT, True),
    (re.compile(r"^bijdrage van\b"), Kind.TRANSFER_IN, True),
)
# Whether a part of a description starts with one of those words: most descriptions say no
# kind, and are told so by this one match per part instead of every pattern.
_KIND_WORD = re.compile(
    r"\s*(?:kasschui|vrijval|overboeking|ovb\b|ontvang|bijdrage|herschik|interne overboeking)",
    re.IGNORECASE,
)
# "Overboeking (intern)" in a description: its brackets would part it from its word.
_INTERNAL = re.compile(rf"(?:^|[:\n]|\s[-\u2012\u2013\u2014]\s)\s*{_OVERBOEKING}\s*\(intern\)")
_DIRECTION = (
    (re.compile(r"\b(naar|aan)\b"), Kind.TRANSFER_OUT),
    (re.compile(r"\bvan\b"), Kind.TRANSFER_IN),
)


@dataclass(frozen=True)
class LineKind:
    """A line's kind, how it was told, and for an overboeking the other ministry (its code).

    ``problem`` names a finding the line needs: "kind-unknown" (the kind column holds a word
    that is no kind; the line is read as a reservation), "transfer-counterpart-unknown" (an
    overboeking that names no other ministry, or a list of them: ``said``), "transfer-sign"
    (an overboeking naar with a positive amount, or van with a negative one), "vrijval-sign"
    (a vrijval with a positive amount); and for a counterpart column (Van/naar, Naar, Van):
    "counterpart-unknown" (its cells name no other ministry; ``said`` says why),
    "counterpart-conflict" (the line's words name ``said``, another ministry than the
    cells), "counterpart-not-transfer" (a line of another kind has a cell filled),
    "kind-from-counterpart" (the cells alone made the line an overboeking: a note),
    "transfer-internal" (an overboeking whose cell ``said`` names its own ministry only, read
    as an herschikking: a note).
    """

    kind: Kind
    told: Told
    counterpart: str | None = None
    problem: str | None = None
    said: str | None = None


RESERVATION = LineKind(Kind.RESERVATION, Told.DEFAULT)


def fold(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").lower().split())


# Where a description's parts start: after a colon ("AI-fabriek: kasschuif naar 2025"), in
# brackets ("AI-fabriek (kasschuif 2026 naar 2025)"), after a spaced dash ("AI-fabriek -
# overboeking naar EZ") or on a new line of the cell (Alt+Enter).
_PART_BREAK = re.compile(r"[:()\[\]\n]|\s[-\u2012\u2013\u2014]\s")


def says_a_kind(description: str | None) -> bool:
    """Whether a description could tell a kind: a part of it starts with a kind's word."""
    if not description:
        return False
    return any(_KIND_WORD.match(part) for part in _PART_BREAK.split(description))


def tell_kind(
    column: str | None,
    description: str | None,
    amount: Decimal | None,
    own: str | None,
    ministries: MinistryTable,
    other: str | None = None,
    chapter: str | None = None,
) -> LineKind:
    """The kind of a line whose kind cell holds ``column`` (None: no cell or blank), described
    as ``description``, of ministry ``own``, whose counterpart cell (Van/naar) holds
    ``other``, on budget ``chapter`` (when known).

    An overboeking between two budgets of ``own`` (its own and a fund its minister answers
    for: BZK's VII and the Gemeentefonds, B) has that other budget's chapter as its
    counterpart (``across_budgets``)."""
    if other is not None and _says_nothing(other):
        other = None  # "-", "n.v.t.": the line has no other ministry
    kind = _tell_kind(column, description, amount, own, ministries, other)
    return across_budgets(kind, (column, description, other), amount, own, chapter, ministries)


def _tell_kind(
    column: str | None,
    description: str | None,
    amount: Decimal | None,
    own: str | None,
    ministries: MinistryTable,
    other: str | None = None,
) -> LineKind:
    if column is not None:
        column = without_text_mark(column.strip())  # "'Kasschuif": Excel's text mark
    if column is not None and _says_nothing(column):
        column = None  # "-", "n.v.t.": the line is of no other kind
    internal = other is not None and _internal(column, description)
    if internal and counterpart_in_cell(other or "", own, ministries)[1] == "own":
        other = None  # an herschikking on its own ministry's budget: as it should be
    if (column is None or not column.strip()) and not says_a_kind(description):
        return RESERVATION if other is None else _by_cell(other, amount, own, ministries)
    text = fold(description or "")
    if column is not None and fold(column):
        word, rest = _kind_word(fold(column))
        if word is None:
            return LineKind(Kind.RESERVATION, Told.COLUMN, problem="kind-unknown")
        kind = KIND_WORDS[word]
        if kind is not None and kind not in TRANSFERS:
            return _not_transfer(kind, Told.COLUMN, word, amount, other)
        text = f"{rest} {text}".strip()  # "Overboeking van Defensie": the ministry is said here
        if other is not None:
            return _with_cell(kind, Told.COLUMN, text, other, amount, own, ministries)
        direction = kind or _own_side(text, amount, own, ministries) or _direction(text, amount)
        return _transfer(direction, Told.COLUMN, text, amount, own, ministries)
    if _INTERNAL.search(text):
        return _not_transfer(Kind.HERSCHIKKING, Told.DESCRIPTION, "herschikking", amount, other)
    for part in _parts(description or ""):
        for pattern, kind, needs_ministry in DESCRIPTION_PATTERNS:
            if not pattern.match(part):
                continue
            if kind is not None and kind not in TRANSFERS:
                return _not_transfer(kind, Told.DESCRIPTION, part, amount, other)
            if other is not None:  # "Bijdrage aan de AI-fabriek", Van/naar "OCW": to OCW
                return _with_cell(kind, Told.DESCRIPTION, text, other, amount, own, ministries)
            named = _named(part, own, ministries)
            if needs_ministry and not named:
                return RESERVATION  # a contribution to something that is not a ministry
            if not named and part != text:
                part = text  # "Overboeking EZ - BZK": the ministry is in another part
                named = _named(part, own, ministries)
            side = _own_side(part, amount, own, ministries)
            direction = side or kind or _direction(part, amount)
            return _signed(direction, Told.DESCRIPTION, named, amount)
    return RESERVATION if other is None else _by_cell(other, amount, own, ministries)


# What a line that moves money between two budgets of one ministry may have been read as: an
# overboeking naming no other ministry (its own fund is its own ministry's), or, with its own
# ministry named in a Van/naar cell, an herschikking.
_OWN_MINISTRY_ONLY = frozenset(
    {"transfer-counterpart-unknown", "counterpart-unknown", "transfer-internal"}
)


_CONTRIBUTION = re.compile(r"^bijdrage (?:aan|van)\b")


def across_budgets(
    kind: LineKind,
    texts: tuple[str | None, ...],
    amount: Decimal | None,
    own: str | None,
    chapter: str | None,
    ministries: MinistryTable,
) -> LineKind:
    """``kind`` for a line on ``chapter`` of ministry ``own`` whose words (kind cell,
    description, Van/naar cell: ``texts``) name another budget of that ministry: an
    overboeking to or from that budget's chapter (docs/en/workbooks.md, "Overboekingen
    between a ministry's own budgets"). BZK's "Overboeking naar Gemeentefonds" on VII goes
    to B; on B, "Overboeking van BZK" comes from VII, the ministry's own budget. Any other
    ``kind`` is returned as it is."""
    contribution = kind is RESERVATION and any(
        _CONTRIBUTION.match(part) for part in _parts(texts[1] or "")
    )  # "Bijdrage aan het Gemeentefonds": a reservation, unless a budget of its own is named
    if kind.problem not in _OWN_MINISTRY_ONLY and not contribution:
        return kind
    if kind.problem == "transfer-counterpart-unknown" and kind.said:
        return kind  # a list of ministries: a line per ministry, as before
    found = other_budget(texts, own, chapter, ministries)
    if found is None:
        return kind
    budget, word = found
    said = " ".join(fold(t) for t in texts if t)
    if word in ("naar", "aan"):
        direction = Kind.TRANSFER_OUT
    elif word == "van":
        direction = Kind.TRANSFER_IN
    elif kind.kind in TRANSFERS and not _EITHER_WAY.search(said):
        direction = _said_direction(said) or kind.kind
    else:
        direction = _direction("", amount)  # "Overboeking", Van/naar "B": its sign
    return _signed(direction, kind.told, [budget], amount)


def other_budget(
    texts: tuple[str | None, ...], own: str | None, chapter: str | None, ministries: MinistryTable
) -> tuple[str, str | None] | None:
    """The other budget of ministry ``own`` that a line on ``chapter`` names, and the word
    before it ("naar", "aan", "van", or None): a chapter it answers for, by its name
    ("Gemeentefonds", "het Infrastructuurfonds") or its number or letter ("B", "hoofdstuk
    B"); on a fund's line also the ministry itself ("van BZK"), which is its own budget when
    it has one. None when the words name no such one budget, or the line's chapter is not
    the ministry's."""
    mine = ministries.ministries.get(own) if own is not None else None
    chapter = normalise_chapter(chapter) if chapter is not None else None
    if mine is None or chapter is None or chapter not in mine.owned:
        return None
    others = [c for c in mine.offered if c != chapter]
    budget = mine.chapters[0] if len(mine.chapters) == 1 else None
    for text in texts:
        word: str | None = None
        for piece in re.split(r"\b(naar|aan|van)\b", fold(text or "")):
            if piece in ("naar", "aan", "van"):
                word = piece
                continue
            found = _budgets_named(piece, others, ministries)
            on_fund = chapter not in mine.chapters and budget is not None and budget in others
            if not found and on_fund and budget and own in ministries.named_in(piece):
                found = [budget]  # "van BZK" on the Gemeentefonds: BZK's own budget
            if len(found) == 1:
                return found[0], word
    return None


# A piece of words that is one chapter and nothing else: "B", "hoofdstuk B", "het 12".
_ONE_CHAPTER = re.compile(
    r"^(?:de |het )?(?:(?:begrotings)?hoofdstuk|begroting|hfdst\.?|h\.)?\s*[\w]{1,5}$"
)


def _budgets_named(piece: str, chapters: list[str], ministries: MinistryTable) -> list[str]:
    """Which of ``chapters`` the words ``piece`` name, by a chapter's name as whole words
    or as the whole piece by its number or letter."""
    found = []
    text = piece.strip(" .,;:-()")
    for chapter in chapters:
        names = re.split(r"[()]", ministries.chapters.get(chapter, ""))
        if any(
            n.strip() and re.search(rf"(?<![\w]){re.escape(fold(n.strip()))}(?![\w])", text)
            for n in names
        ):
            found.append(chapter)
    if not found and _ONE_CHAPTER.match(text):
        numbered = normalise_chapter(re.sub(r"^(?:de|het)\s+", "", text))
        if numbered in chapters:
            found.append(numbered)
    return found


def _internal(column: str | None, description: str | None) -> bool:
    """Whether a line's kind cell or description says it is an herschikking."""
    if column is not None and fold(column):
        return KIND_WORDS.get(_kind_word(fold(column))[0] or "") is Kind.HERSCHIKKING
    text = fold(description or "")
    return bool(_INTERNAL.search(text)) or any(
        pattern.match(part)
        for part in _parts(description or "")
        for pattern, kind, _ in DESCRIPTION_PATTERNS
        if kind is Kind.HERSCHIKKING
    )


# The words that say a vrijval outright. A meevaller or an ombuiging is read as one for what
# it does to the budget, and a published table's may be positive in a year: not checked.
_RELEASED = frozenset({"vrijval", "release"})


def _not_transfer(
    kind: Kind, told: Told, said: str, amount: Decimal | None, other: str | None
) -> LineKind:
    """A line of ``kind``, no overboeking (told by the words ``said``), with its problem: a
    vrijval written positive, or a counterpart cell filled on it."""
    positive = amount is not None and amount > 0
    if kind is Kind.VRIJVAL and positive and said.split()[0] in _RELEASED:
        return LineKind(kind, told, problem="vrijval-sign")
    if other is not None:
        return LineKind(kind, told, problem="counterpart-not-transfer", said=other)
    return LineKind(kind, told)


# The columns that name an overboeking's other ministry (workbook-words.toml): either way, the
# receiver ("Naar"), the giver ("Van").
COUNTERPART_FIELDS = ("counterpart", "counterpart_to", "counterpart_from")


def counterpart_text(either: str | None, to: str | None, source: str | None) -> str | None:
    """What a line's counterpart cells say, as one text: "OCW", "naar OCW", "van EZ naar
    OCW"; None when they say nothing ("-", "n.v.t.")."""
    parts = [
        f"{word}{text}"
        for word, text in (("", either), ("van ", source), ("naar ", to))
        if text is not None and not _says_nothing(text)
    ]
    return " ".join(parts) or None


# A counterpart cell that says there is none: "-", "n.v.t.", "geen" (folded, no punctuation),
# and 0, which a formula shows for an empty cell it refers to (=Invoer!D5, a VLOOKUP).
_NOTHING = frozenset({"", "0", "nvt", "nb", "geen", "nee", "none", "na", "not applicable"})


def _says_nothing(cell: str) -> bool:
    return re.sub(r"[^\w ]+", "", fold(cell)).strip() in _NOTHING


def _by_cell(
    other: str, amount: Decimal | None, own: str | None, ministries: MinistryTable
) -> LineKind:
    """A line no word says the kind of, whose counterpart cell is filled: an overboeking with
    the ministry the cell names (a note says so), its direction by the cell's words ("naar
    OCW") or its sign."""
    kind = _with_cell(None, Told.COLUMN, "", other, amount, own, ministries, worded=False)
    return kind if kind.problem is not None else replace(kind, problem="kind-from-counterpart")


# How a ministry is named in full: its "van" is no direction.
_MINISTRY_OF = re.compile(r"\b(?:het\s+)?(?:ministerie|min\.|departement)\s+van\b")


def _with_cell(
    kind: Kind | None,
    told: Told,
    text: str,
    other: str,
    amount: Decimal | None,
    own: str | None,
    ministries: MinistryTable,
    *,
    worded: bool = True,
) -> LineKind:
    """An overboeking (``kind``: its direction, if said) whose words are ``text`` and whose
    counterpart cell holds ``other``: the cell names its other ministry, the words and the
    cell its direction (else its sign); words that name another ministry are a conflict.
    When its words say it is an overboeking (``worded``) and the cell names its own ministry
    only, it is an herschikking; a cell alone (``worded`` False) makes no such line."""
    cell = _MINISTRY_OF.sub(" ", fold(other))  # "Ministerie van OCW" says no direction
    words = f"{text} {cell}".strip()
    direction = (
        kind
        or _own_side(words, amount, own, ministries)
        or _said_direction(cell)  # "naar OCW", a "Naar" column's cell
        or _direction(text, amount)
    )
    counterpart, problem = counterpart_in_cell(other, own, ministries)
    described = _named(text, own, ministries) if text else []
    if counterpart is None and worded and not described and _names_itself(other, own, ministries):
        # An overboeking to its own budget moves money between its own articles: an
        # herschikking (not counted, netting to zero per year), with a note saying why;
        # not when its words name another ministry ("Overboeking naar BZK"): that is where
        # the money goes, and the cell is wrong.
        return LineKind(Kind.HERSCHIKKING, told, problem="transfer-internal", said=other)
    if counterpart is None:
        return LineKind(direction, told, problem="counterpart-unknown", said=problem)
    if len(described) == 1 and described[0] != counterpart:
        return LineKind(direction, told, counterpart, "counterpart-conflict", described[0])
    return _signed(direction, told, [counterpart], amount)


def counterpart_in_cell(
    cell: str, own: str | None, ministries: MinistryTable
) -> tuple[str | None, str | None]:
    """The other ministry a counterpart cell (Van/naar) names by code, name or chapter ("OCW",
    "Onderwijs, Cultuur en Wetenschap", "VIII", "hoofdstuk VIII", "naar OCW"), and None; or
    None and why not: "own" (it names the file's own ministry only), "several" (more than one
    other), "unknown" (none)."""
    named = ministries.named_in(cell)
    for stretch in _DIRECTION_WORD.split(fold(cell)):  # "VIII", "naar 8", "van EZ naar XIII"
        chapter = normalise_chapter(stretch.strip()) if stretch.strip() else None
        owner = ministries.owners.get(chapter) if chapter is not None else None
        if owner is not None and owner not in named:
            named.append(owner)
    # a budget or fund by its name: "Gemeentefonds" is BZK's
    named += [code for code in ministries.owners_of_named_chapters(cell) if code not in named]
    others = [code for code in named if code != own]
    if len(others) == 1:
        return others[0], None
    if len(others) > 1:
        return None, "several"
    return None, "own" if named else "unknown"


def _names_itself(cell: str, own: str | None, ministries: MinistryTable) -> bool:
    """Whether each part of a counterpart cell's text ("OCW", "VIII", "van VIII naar OCW")
    names the file's own ministry or its own budget only: not someone unknown besides ("van
    RVO naar EZ" in EZ's file), nor a fund its minister answers for ("Gemeentefonds" in
    BZK's file: money moved to another budget, if its own minister's)."""
    mine = ministries.ministries.get(own) if own is not None else None
    cell = _MINISTRY_OF.sub(" ", fold(cell))  # "Ministerie van OCW": no direction, no one else
    parts = [part for part in _DIRECTION_WORD.split(cell) if any(map(str.isalnum, part))]
    if mine is None or not parts:
        return False
    for part in parts:
        if counterpart_in_cell(part, own, ministries)[1] != "own":
            return False
        chapters = {normalise_chapter(part.strip()), ministries.chapter_named(part)} - {None}
        if not chapters <= set(mine.chapters):
            return False
    return True


# "Overboeking van/naar BZK": either way, so the sign says which.
_EITHER_WAY = re.compile(r"\b(?:van\s*/\s*naar|naar\s*/\s*van)\b")


def _own_side(
    text: str, amount: Decimal | None, own: str | None, ministries: MinistryTable
) -> Kind | None:
    """An overboeking's direction from where its own ministry stands: "van EZ naar BZK" in
    EZ's file goes out, "naar EZ" comes in; "van/naar BZK" by its sign; None when the text
    does not say so."""
    if _EITHER_WAY.search(text):
        if amount is None or amount == 0:
            return None
        return Kind.TRANSFER_OUT if amount < 0 else Kind.TRANSFER_IN
    mine = ministries.ministries.get(own) if own is not None else None
    for name in (mine.code, *mine.names) if mine is not None else ():
        said = re.search(
            rf"\b(van|naar|aan)\s+(?:het\s+)?(?:ministerie\s+van\s+)?{re.escape(fold(name))}"
            r"(?![\w])",
            text,
        )
        if said is not None:
            return Kind.TRANSFER_OUT if said.group(1) == "van" else Kind.TRANSFER_IN
    return None


def names_a_kind(value: object) -> bool | None:
    """Whether a kind cell holds a kind of mutation ("Kasschuif", "Overboeking van BZK"):
    None for an empty cell, a dash or "n.v.t.", False for anything else (an instrument
    such as "Subsidie", a number)."""
    if value is None:
        return None
    if not isinstance(value, str):
        return False
    text = fold(without_text_mark(value.strip()))
    if not any(ch.isalnum() for ch in text) or _says_nothing(text):
        return None
    return _kind_word(text)[0] is not None


def kind_hint(value: str) -> Phrase | str:
    """ " Did you mean Kasschuif?" for a kind cell that nearly spells a kind ("Kasschuiv",
    "Overboekng naar"), or whose first word does ("Overboekng van BZK": Overboeking); ""
    when none is near."""
    text = without_text_mark(value.strip())
    first = text.split()[0] if text.split() else ""
    return did_you_mean(text, _MEANT_KINDS) or (
        did_you_mean(first, [k for k in _MEANT_KINDS if " " not in k]) if first != text else ""
    )


def _kind_word(cell: str) -> tuple[str | None, str]:
    """The kind word a kind cell starts with, and the words after it: "kasschuif (naar
    2025)" -> ("kasschuif", "(naar 2025)"), "overboeking van bzk" -> ("overboeking van",
    "bzk"); (None, cell) when it starts with no kind."""
    if cell in KIND_WORDS:
        return cell, ""
    starts = [w for w in KIND_WORDS if cell.startswith(w) and not cell[len(w)].isalnum()]
    if not starts:
        return None, cell
    word = max(starts, key=len)
    return word, cell[len(word) :].strip()


def _parts(description: str) -> list[str]:
    """The description and each part of it after a colon, in brackets, after a dash or on a
    line of its own (a cell's Alt+Enter), folded."""
    return [fold(part) for part in _PART_BREAK.split(description) if part.strip()]


def _direction(text: str, amount: Decimal | None) -> Kind:
    """An overboeking's direction: its words ("naar", "van"), else its sign (the giver's is
    negative)."""
    said = _said_direction(text)
    if said is not None:
        return said
    return Kind.TRANSFER_OUT if amount is not None and amount < 0 else Kind.TRANSFER_IN


def _said_direction(text: str) -> Kind | None:
    """The direction an overboeking's words say ("naar", "aan": out; "van": in), if any."""
    for pattern, kind in _DIRECTION:
        if pattern.search(text):
            return kind
    return None


# The words an overboeking's other ministry follows: "naar EZ", "aan BZK", "van Defensie".
_DIRECTION_WORD = re.compile(r"\b(?:naar|aan|van)\b")
# What joins the ministries of a list: "EZ, BZK en HCVS", "OCW/BZK", "EZ & LVVN".
_LIST_JOIN = re.compile(r"\s*(?:,|/|&|\+|en|of|,\s*en)\s*")


def _named(text: str, own: str | None, ministries: MinistryTable) -> list[str]:
    """The other ministry the text names: the first after "naar", "aan" or "van" ("Bijdrage
    van Defensie aan EZ" in EZ's file: Defensie), with those listed right after it
    ("Overboekingen naar EZ, BZK en HCVS", SZW's 2e suppletoire 2016: EZ and BZK, which no
    one line can pair with); else the ministry whose chapter it names ("naar hoofdstuk
    XIII")."""
    for stretch in _DIRECTION_WORD.split(text):
        folded, found = ministries.named_where(stretch)
        found = [place for place in found if place[2] != own]
        if found:
            listed = found[:1]
            for place in found[1:]:
                if not _LIST_JOIN.fullmatch(folded[listed[-1][1] : place[0]]):
                    break
                listed.append(place)
            return [code for *_, code in listed]
    chapter = _chapter_counterpart(text, own, ministries)
    if chapter is None:  # "naar het Gemeentefonds": the ministry that answers for it
        for stretch in _DIRECTION_WORD.split(text)[1:]:
            owners = [c for c in ministries.owners_of_named_chapters(stretch) if c != own]
            if owners:
                return owners[:1]
    return [chapter] if chapter is not None else []


# "naar hoofdstuk XIII", "van H. X", "aan begroting 13": the other budget named by its chapter.
_CHAPTER_NAMED = re.compile(
    r"\b(?:naar|aan|van)\s+(?:de\s+|het\s+)?(?:begrotingshoofdstuk|begroting|hoofdstuk|hfdst\.?|h\.?)"
    r"\s*([ivxlc]+[ab]?|\d{1,2}[ab]?)\b"
)


def _chapter_counterpart(text: str, own: str | None, ministries: MinistryTable) -> str | None:
    """The ministry whose chapter the text names after "naar", "aan" or "van", not ``own``."""
    match = _CHAPTER_NAMED.search(text)
    chapter = normalise_chapter(match.group(1)) if match else None
    owner = ministries.owners.get(chapter) if chapter is not None else None
    return owner if owner != own else None


def owned_chapter_names(ministries: MinistryTable, but: str | None = None) -> list[str]:
    """The names of the budgets and funds a ministry (other than ``but``) answers for, as an
    overboeking may name its other side ("Gemeentefonds": BZK's)."""
    owners = ministries.owners
    return [
        name
        for name, chapter in ministries.chapter_names.items()
        if owners.get(chapter) not in (None, but)
    ]


def misspelt_counterpart(
    text: str, own: str | None, ministries: MinistryTable
) -> tuple[str, str] | None:
    """The words after "naar", "aan" or "van" (one to three) in an overboeking's description
    that nearly spell another ministry's name or code, as typed, and that name: ("Defensei",
    "Defensie"); None if none do."""
    names = [
        name
        for ministry in ministries.ministries.values()
        if ministry.code != own
        for name in (ministry.code, *ministry.names)
    ] + owned_chapter_names(ministries)  # "naar het Gemeentefnds": BZK's fund, in any file
    mine = ministries.ministries.get(own) if own is not None else None
    own_names = {name.casefold() for name in (mine.code, *mine.names)} if mine else set()
    words = [word.strip(".,;:()\"'") for word in text.split()]
    for index, word in enumerate(words):
        if word.lower() not in ("naar", "aan", "van"):
            continue
        for count in (1, 2, 3):
            typed = " ".join(words[index + 1 : index + 1 + count])
            if typed.casefold() in own_names:
                break  # its own ministry, spelt right: no typo of another ("BZK" is not "BZ")
            meant = nearest(typed, names) if len(typed) > 2 else None  # ("de" is near "DEF")
            if meant is not None:
                return typed, meant
    return None


def _transfer(
    kind: Kind,
    told: Told,
    text: str,
    amount: Decimal | None,
    own: str | None,
    ministries: MinistryTable,
) -> LineKind:
    return _signed(kind, told, _named(text, own, ministries), amount)


def _signed(kind: Kind, told: Told, named: list[str], amount: Decimal | None) -> LineKind:
    """An overboeking of ``kind`` to or from the one ministry ``named``, with the problem it
    has: none named, or several (``said`` lists them), or the wrong sign."""
    if len(named) != 1:
        said = ", ".join(named) if named else None
        return LineKind(kind, told, problem="transfer-counterpart-unknown", said=said)
    if amount is not None and amount != 0 and (amount < 0) != (kind is Kind.TRANSFER_OUT):
        return LineKind(kind, told, named[0], "transfer-sign")
    return LineKind(kind, told, named[0])


def counted_amount(
    kind: str, amount: Decimal, counterpart: str | None, contributors: Collection[str | None]
) -> Decimal:
    """What a line adds to the money counted, counted once.

    Reservations, vrijval and kasschuiven add their amount (a kasschuif nets to zero over its
    years, so it moves money between years only). An overboeking counts at its giver, as the
    amount given, when the receiver is a contributor: the money then stays in the reservation;
    at the receiver it is received money, counted already. An herschikking moves money
    between articles of one budget: no contribution, whether or not it nets.
    """
    if kind in (Kind.TRANSFER_IN, Kind.HERSCHIKKING):
        return Decimal(0)
    if kind == Kind.TRANSFER_OUT:
        given = counterpart is not None and counterpart in contributors
        return abs(amount) if given else Decimal(0)
    return amount
