"""Whose file is this: the lines' chapters (by count and by amount), the title and the file name,
weighed together; where they disagree the finding names each piece of evidence."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from reconcile.codes import make_finding
from reconcile.ministries import MinistryTable, normalise_chapter
from reconcile.model import CellRef, Finding, Phrase, counted
from reconcile.nearest import nearest
from reconcile.read import LineColumns, SheetTable
from reconcile.text_mark import without_text_mark


def identify_ministry(
    table: SheetTable, ministries: MinistryTable, lines: LineColumns | None = None
) -> tuple[str | None, list[Finding]]:
    """The ministry of ``table`` (its ``lines``, when not those read) and the findings when
    that is unclear or contradicted."""
    columns = lines if lines is not None else table.line_columns()
    values = columns.values["chapter"]
    # Each distinct chapter cell is looked up once, keyed by type too where the column mixes
    # types (13 and 13.0 may differ); the lines are counted in C, and their amounts added only
    # when the owners disagree.
    keys: list[Any] = (
        values
        if len(set(map(type, values))) == 1
        else list(zip(map(type, values), values, strict=True))
    )
    owner_of: dict[Any, str] = {}
    chapters: dict[str, set[str]] = {}  # ministry -> its chapters the lines are on
    counts: Counter[str] = Counter()  # ministry -> lines on its chapters
    for key, count in Counter(keys).items():
        value = key if keys is values else key[1]
        chapter = normalise_chapter(value) if value is not None else None
        owner = ministries.of_chapter(chapter) if chapter else None
        if owner is not None and chapter:  # a line without a chapter names no owner
            owner_of[key] = owner.code
            chapters.setdefault(owner.code, set()).add(chapter)
            counts[owner.code] += count
    amounts: dict[str, Decimal] = dict.fromkeys(counts, Decimal(0))  # the size of the amounts
    if len(counts) > 1:
        for key, amount in zip(keys, columns.amounts, strict=True):
            code = owner_of.get(key)
            if code is not None and amount is not None:
                amounts[code] += abs(amount)

    # Where a file names its ministry: the first title line that names one, and the file name.
    claims: list[tuple[str, list[str], CellRef]] = []
    for text, ref in table.title:
        named = ministries.named_in(text)
        if named:
            claims.append(("title", named, ref))
            break
    named = ministries.named_in(PurePath(table.file).stem)
    if named:
        claims.append(("file name", named, CellRef(table.file)))
    where = CellRef(table.file, table.sheet)

    if len(counts) > 1:  # the chapters disagree among themselves: weigh every piece
        evidence = _evidence(claims, counts, amounts, chapters)
        ministry = _weigh(claims, counts, amounts)
        if ministry is None:
            split = Phrase("the evidence is evenly split: {evidence}", {"evidence": evidence})
            return None, [make_finding("ministry-unknown", where, reason=split)]
        findings = [make_finding("ministry-weighed", where, ministry=ministry, evidence=evidence)]
        return ministry, findings + _mismatches(claims, ministry)
    if counts:
        (ministry,) = counts
        return ministry, _mismatches(claims, ministry)
    candidates = {code for _, named, _ in claims for code in named}
    if len(candidates) == 1:
        return candidates.pop(), []
    reason = (
        Phrase(
            "the title and file name name several ministries: {codes}",
            {"codes": ", ".join(sorted(candidates))},
        )
        if candidates
        else "no line has a chapter of a known ministry, and neither the title nor the file "
        "name names one"
    )
    return None, [make_finding("ministry-unknown", where, reason=reason)]


def _weigh(
    claims: list[tuple[str, list[str], CellRef]],
    counts: Counter[str],
    amounts: dict[str, Decimal],
) -> str | None:
    """The ministry most of the evidence points to, or None on a tie: the most lines, the
    largest amount, the title and the file name each count once."""
    votes: Counter[str] = Counter()
    for measure in (counts, amounts):
        best = max(measure.values())
        leaders = [code for code, value in measure.items() if value == best]
        if len(leaders) == 1:
            votes[leaders[0]] += 1
    for _, named, _ in claims:
        if len(named) == 1:
            votes[named[0]] += 1
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _evidence(
    claims: list[tuple[str, list[str], CellRef]],
    counts: Counter[str],
    amounts: dict[str, Decimal],
    chapters: dict[str, set[str]],
) -> list[Phrase]:
    said = [
        Phrase(f"the {where} names {{codes}}", {"codes": " / ".join(named)})
        for where, named, _ in claims
    ]
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        said.append(
            counted(
                "{count} line of {amount} in chapter {chapters} ({code})",
                "{count} lines of {amount} in chapter {chapters} ({code})",
                {
                    "count": count,
                    "amount": amounts[code],
                    "chapters": ", ".join(sorted(chapters[code])),
                    "code": code,
                },
            )
        )
    return said


def _mismatches(claims: list[tuple[str, list[str], CellRef]], ministry: str) -> list[Finding]:
    return [
        make_finding(
            "ministry-mismatch", ref, where=where, named=" / ".join(named), ministry=ministry
        )
        for where, named, ref in claims
        if ministry not in named
    ]


def ministry_chapter_hint(text: str, ministries: MinistryTable) -> Phrase | str:
    """ " It names the ministry EZ, not a chapter: write its chapter, XIII." for a chapter
    cell that holds a ministry's code or name ("EZK", "Economische Zaken"); " It names the
    budget Gemeentefonds: write its chapter, B." for one that holds the name of a chapter no
    ministry has as its own budget (a fund its minister answers for: "Gemeentefonds",
    "Deltafonds", "Defensiematerieelbegrotingsfonds"); "" otherwise. Excel's text mark
    ("'Gemeentefonds") is not part of the name."""
    text = without_text_mark(text.strip())
    chapter = ministries.chapter_named(text)
    if chapter is not None and all(
        chapter not in m.chapters for m in ministries.ministries.values()
    ):
        return Phrase(
            " It names the budget {name}: write its chapter, {chapter}.",
            {"chapter": chapter, "name": ministries.chapters[chapter]},
        )
    named = ministries.named_in(text)
    if len(named) != 1 or normalise_chapter(text) is not None:
        return ""
    ministry = ministries.ministries[named[0]]
    if not ministry.chapters:
        return ""
    return Phrase(  # its own budget's chapter, not a fund's its minister answers for
        " It names the ministry {ministry}, not a chapter: write its chapter, {chapters}.",
        {"chapters": " / ".join(ministry.chapters), "ministry": ministry.code},
    )


def misspelt_budget_hint(text: str, ministries: MinistryTable) -> Phrase | str:
    """ " Did you mean Gemeentefonds? Write its chapter, B." for a chapter cell that nearly
    spells the name of a budget or fund ("Gemeentefnds", "Infrastructuurfonts") or of a
    ministry ("Economische Zakn", "0CW"); "" otherwise. The spelt-right names are told by
    ``ministry_chapter_hint``; a chapter number mistyped is ``chapter_hint``'s."""
    if len(text.strip()) < 3:
        return ""  # "B2", "XV": too short to tell a name from a chapter
    chapters = dict(ministries.chapter_names)  # a name -> the chapter to write for it
    for ministry in ministries.ministries.values():
        for name in (ministry.code, *ministry.names) if ministry.chapters else ():
            chapters.setdefault(name, " / ".join(ministry.chapters))
    meant = nearest(text, chapters)
    if meant is None:
        return ""
    return Phrase(
        " Did you mean {meant}? Write its chapter, {chapter}.",
        {"meant": meant, "chapter": chapters[meant]},
    )
