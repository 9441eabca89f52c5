"""Compare two versions of one table: lines added, removed and changed, and the net effect.

A line is known by its key: chapter, article, series and year, plus what else tells lines
apart in its table (the description in a workbook; the budget moment and the layout's key
columns in an open-data table). Both files are read as ``reconcile validate`` reads them, so a
workbook, a CSV file or a layout's table in a workbook can be compared with each other.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from reconcile.codes import is_fatal, make_finding
from reconcile.ministries import MinistryTable, load_table, normalise_chapter
from reconcile.model import CellRef, Finding
from reconcile.nearest import nearest
from reconcile.pipeline import display_path
from reconcile.read import RawLine, SheetTable, read_file
from reconcile.read.find_table import parse_year
from reconcile.read.layouts import LayoutTable
from reconcile.validate import normalise_article, normalise_series
from reconcile.validate.totals import check_totals

Key = tuple[tuple[str, str], ...]  # (field, value) pairs, in a fixed order
CHANGE_CODES = ("line-added", "line-removed", "line-changed")  # a change as a finding
NO_DIFFERENCE = "none: one side is not a number"  # a fixed phrase, translated when rendered


class EffectKey(NamedTuple):
    """What a net effect is summed over: amounts of other series or moments never mix."""

    ministry: str
    year: int | None
    series: str  # V, U, O, or "" when the table has no series
    moment: str  # the budget moment of an open-data table, "" otherwise

    @property
    def order(self) -> tuple[str, int, str, str]:
        return (self.ministry, self.year or 0, self.series, self.moment)


@dataclass(frozen=True)
class Version:
    """One side of the comparison: the file as named, its digest and how it was read."""

    path: str
    sha256: str
    shape: str | None  # a workbook table's: "long" or "wide"
    layout: str | None  # the layout an open-data table was read with


@dataclass(frozen=True)
class Entry:
    """A line's value on one side: the amount in euros, or its text when it is not a number."""

    amount: Decimal | None
    text: str
    cell: CellRef
    ministry: str
    year: int | None

    @property
    def shown(self) -> Decimal | str:
        """What a message shows: the amount, or the text in quotes (“PM”)."""
        return self.amount if self.amount is not None else f"“{self.text}”"


@dataclass(frozen=True)
class Change:
    change: str  # "added", "removed" or "changed"
    key: Key
    old: Entry | None
    new: Entry | None

    @property
    def ministry(self) -> str:
        return (self.new or self.old).ministry  # type: ignore[union-attr]

    @property
    def year(self) -> int | None:
        return (self.new or self.old).year  # type: ignore[union-attr]

    def field(self, name: str) -> str:
        """The key's value of ``name``, "" when the key has no such field."""
        return dict(self.key).get(name, "")

    @property
    def difference(self) -> Decimal | None:
        """New minus old in euros; None when either side is a text such as PM."""
        old = Decimal(0) if self.old is None else self.old.amount
        new = Decimal(0) if self.new is None else self.new.amount
        return None if old is None or new is None else new - old

    @property
    def line(self) -> str:
        """The key's values as one language-neutral text: "XIII · 2 · U · 2025"."""
        return " · ".join(value for _, value in self.key if value)

    @property
    def finding(self) -> Finding:
        """The change as a finding at its cell: the new one, the old one for a removed line.

        The renderers that speak in findings (GitHub annotations, JUnit) show changes this way.
        """
        code = (
            "line-added"
            if self.change == "added"
            else "line-removed"
            if self.change == "removed"
            else "line-changed"
        )
        params: dict[str, object] = {"line": self.line}
        if self.old is not None:
            params["old"] = self.old.shown
        if self.new is not None:
            params["new"] = self.new.shown
        if self.change == "changed":
            difference = self.difference
            params["difference"] = NO_DIFFERENCE if difference is None else difference
        entry = self.new or self.old
        assert entry is not None
        return make_finding(code, entry.cell, **params)


@dataclass(frozen=True)
class Diff:
    old: Version
    new: Version
    changes: tuple[Change, ...]
    unchanged: int
    findings: tuple[Finding, ...]  # what reading the two files said
    inputs: tuple[Path, ...] = ()  # the two files as found on disk: never written over

    @property
    def incomplete(self) -> bool:
        return any(is_fatal(f.code) for f in self.findings)

    @property
    def verdict(self) -> str:
        """ "incomplete" (a file could not be read), "different" or "equal"."""
        if self.incomplete:
            return "incomplete"
        return "different" if self.changes else "equal"

    @property
    def exit_code(self) -> int:
        """0 the tables are equal, 1 they differ, 2 a file could not be read (and, from the
        command line, a usage error): the meanings ``check`` gives 0, 1 and 2."""
        return {"equal": 0, "different": 1, "incomplete": 2}[self.verdict]

    def fails(self, finding: Finding) -> bool:
        """True when ``finding`` makes the diff fail: a change, or a file that was not read."""
        return finding.code in CHANGE_CODES or is_fatal(finding.code)

    @property
    def all_findings(self) -> tuple[Finding, ...]:
        """What reading said and every change as a finding, in the report's order."""
        found = [*self.findings, *(c.finding for c in self.changes)]
        return tuple(sorted(found, key=lambda f: f.sort_key))

    @property
    def counts(self) -> dict[str, int]:
        tally = Counter(c.change for c in self.changes)
        return {name: tally[name] for name in ("added", "removed", "changed")}

    @property
    def net_effect(self) -> dict[EffectKey, Decimal]:
        """New minus old per ministry, year, series and budget moment (never added together),
        over the changes whose amounts are numbers."""
        net: dict[EffectKey, Decimal] = {}
        for change in self.changes:
            if change.difference is not None:
                key = EffectKey(
                    change.ministry, change.year, change.field("series"), change.field("moment")
                )
                net[key] = net.get(key, Decimal(0)) + change.difference
        return dict(sorted(net.items(), key=lambda item: item[0].order))


def _text(value: object) -> str:
    """A cell as one line of plain text; control characters (terminal escapes) are dropped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.replace("\u00a0", " ").split())


def _chapter_of(text: str, ministries: MinistryTable) -> str:
    """The chapter a cell names: XIII, 13, Hoofdstuk XIII, or a ministry with one chapter by
    its name or code (Economische Zaken, EZ: XIII; Defensie: X, not the fund K it answers
    for); else the text itself (Buitenlandse Zaken has V and XVII: its name names neither)."""
    chapter = normalise_chapter(text)
    if chapter is not None or not text:
        return chapter or text
    named = ministries.named_in(text)
    if len(named) == 1 and len(chapters := ministries.ministries[named[0]].chapters) == 1:
        return chapters[0]
    return text


def _key_of(line: RawLine, table: SheetTable, ministries: MinistryTable) -> Key:
    values = line.values
    chapter = _text(values.get("chapter"))
    year = parse_year(line.year)
    key: list[tuple[str, str]] = [
        ("chapter", _chapter_of(chapter, ministries)),
        ("article", normalise_article(values.get("article")) or ""),
        ("series", normalise_series(values.get("series")) or ""),
        ("year", str(year) if year is not None else _text(line.year)),
    ]
    if isinstance(table, LayoutTable) and table.spec is not None:
        spec = table.spec
        years = {(amount.year_offset, amount.year) for amount in spec.amounts}
        if len(years) < len(spec.amounts):  # several amounts per year: the moment tells them
            key.append(("moment", _text(values.get("moment"))))
        skip = {"chapter", "article", "series", "year", spec.totals.flag if spec.totals else ""}
        key += [(name, _text(values.get(name))) for name in spec.key if name not in skip]
    else:
        key.append(("description", _text(values.get("description"))))
        kind = _text(values.get("kind"))  # a kind column's (or heading's) word, where it says one
        if kind:
            key.append(("kind", kind))
    return tuple(key)


Keyed = list[tuple[RawLine, Key]]


def _keyed(table: SheetTable | None, ministries: MinistryTable) -> Keyed:
    """Each line of ``table`` with its key (none when the table was not read)."""
    return (
        [] if table is None else [(line, _key_of(line, table, ministries)) for line in table.lines]
    )


def _filled(keyed: Keyed) -> set[str]:
    """The key's fields that hold a value in some line."""
    return {name for _, key in keyed for name, value in key if value}


def _shared(old: Keyed, new: Keyed) -> tuple[Keyed, Keyed, tuple[str, ...]]:
    """Both sides keyed by the fields both fill (the others blank in every key), and the
    fields one side alone fills.

    An edition may lack a column the other has (no V/U/O column, read as U; no description):
    keyed by it, every line of one side would be removed and added again on the other.
    """
    if not old or not new:
        return old, new, ()
    unshared = tuple(sorted(_filled(old) ^ _filled(new)))
    if not unshared:
        return old, new, ()
    return _cut(old, unshared), _cut(new, unshared), unshared


def _cut(keyed: Keyed, unshared: tuple[str, ...]) -> Keyed:
    """``keyed`` with the fields ``unshared`` blank in every key."""
    if not unshared:
        return keyed
    return [
        (line, tuple((name, "" if name in unshared else value) for name, value in key))
        for line, key in keyed
    ]


def _zeros(table: SheetTable | None, ministries: MinistryTable) -> Keyed:
    """The zero cells of a wide table ("0", "-"), keyed as its lines are: no lines, but an
    amount set to 0 is a change of its line, not the line gone (a row gone is removed)."""
    if table is None or table.zeros is None:
        return []
    lines = [table.zeros.line(index) for index in range(len(table.zeros))]
    return [(line, _key_of(line, table, ministries)) for line in lines]


def _entries(keyed: Keyed, ministries: MinistryTable) -> tuple[dict[Key, Entry], list[Key]]:
    entries: dict[Key, Entry] = {}
    order: list[Key] = []
    seen: Counter[Key] = Counter()
    for line, key in keyed:
        seen[key] += 1
        if seen[key] > 1:  # a repeated key stays apart: the second is compared with the second
            key = (*key, ("occurrence", str(seen[key])))
        chapter = dict(key).get("chapter", "")
        owner = ministries.of_chapter(chapter) if chapter else None
        if owner is None and chapter:  # a typo such as VIl is the chapter it looks like
            meant = nearest(chapter, ministries.chapters)
            owner = ministries.of_chapter(meant) if meant else None
        if owner is None and len(named := ministries.named_in(chapter)) == 1:  # "Defensie"
            owner = ministries.ministries[named[0]]
        entries[key] = Entry(
            amount=line.amount,
            text=_text(line.amount_raw),
            cell=line.cells["amount"],
            ministry=owner.code if owner else (chapter or "?"),
            year=parse_year(line.year),
        )
        order.append(key)
    return entries, order


def _same(old: Entry, new: Entry) -> bool:
    if old.amount is not None or new.amount is not None:
        return old.amount == new.amount
    return old.text == new.text


def diff_files(
    old_path: str,
    new_path: str,
    layout: str | None = None,
    sheet: str | None = None,
    new_layout: str | None = None,
) -> Diff:
    """Read both files (the sheet ``sheet``, with ``layout`` when given, the new one with
    ``new_layout`` when that is given: two editions, each with its own) and compare by key.

    The same path read the same way on both sides is read once, so what reading says about
    it is said once.
    """
    ministries = load_table()
    if new_layout is None:
        new_layout = layout
    old_read = read_file(Path(old_path), display_path(old_path), sheet, layout)
    new_read = old_read
    if display_path(new_path) != old_read.path or new_layout != layout:
        new_read = read_file(Path(new_path), display_path(new_path), sheet, new_layout)
    reads = [old_read] if new_read is old_read else [old_read, new_read]
    said = [  # what reading says, and the table's own totals checked (as validate does)
        f for r in reads for f in (*r.findings, *(check_totals(r.table) if r.table else []))
    ]
    findings = tuple(sorted(said, key=lambda f: f.sort_key))
    if any(is_fatal(f.code) for f in findings):  # nothing to compare against
        old_read.table = new_read.table = None
    old_keyed, new_keyed, unshared = _shared(
        _keyed(old_read.table, ministries), _keyed(new_read.table, ministries)
    )
    if unshared:
        findings = tuple(
            sorted(
                [
                    *findings,
                    make_finding(
                        "diff-field-unshared",
                        CellRef(new_read.path),
                        fields=", ".join(unshared),
                    ),
                ],
                key=lambda f: f.sort_key,
            )
        )
    old, old_order = _entries(old_keyed, ministries)
    new, new_order = _entries(new_keyed, ministries)
    old_zeros, _ = _entries(_cut(_zeros(old_read.table, ministries), unshared), ministries)
    new_zeros, _ = _entries(_cut(_zeros(new_read.table, ministries), unshared), ministries)
    changes: list[Change] = []
    unchanged = 0
    for key in old_order:
        if key in new_zeros and key not in new:  # the cell is there, with 0 or "-"
            changes.append(Change("changed", key, old[key], new_zeros[key]))
        elif key not in new:
            changes.append(Change("removed", key, old[key], None))
        elif _same(old[key], new[key]):
            unchanged += 1
        else:
            changes.append(Change("changed", key, old[key], new[key]))
    changes += [
        Change("changed", key, old_zeros[key], new[key])
        if key in old_zeros
        else Change("added", key, None, new[key])
        for key in new_order
        if key not in old
    ]
    changes.sort(key=lambda c: (c.ministry, c.key))

    def version(read_path: str, sha: str, table: SheetTable | None) -> Version:
        if table is None:
            return Version(read_path, sha, None, None)
        return Version(read_path, sha, table.shape, table.layout)

    return Diff(
        old=version(old_read.path, old_read.sha256, old_read.table),
        new=version(new_read.path, new_read.sha256, new_read.table),
        changes=tuple(changes),
        unchanged=unchanged,
        findings=findings,
        inputs=(Path(old_path), Path(new_path)),
    )


__all__ = ["CHANGE_CODES", "Change", "Diff", "EffectKey", "Entry", "Version", "diff_files"]
