"""Validate a table read with a layout: the checks its layout asks for, each failure at its cell.

Open-data tables are not reservations against an announcement: negative amounts and any year
are normal there. What matters is that keys are unique, chapters, articles, series and years
are valid, amounts parse, and totals rows equal the sum of their detail rows. Which of these
apply is said by the layout (``[checks]`` and ``[totals]`` in its TOML file).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from reconcile.codes import make_finding
from reconcile.i18n import N_
from reconcile.ministries import MinistryTable, normalise_chapter
from reconcile.model import CellRef, Finding, Phrase, counted
from reconcile.nearest import did_you_mean
from reconcile.read.cells import cell_name
from reconcile.read.find_table import labels, parse_year
from reconcile.read.layouts import (
    AmountRead,
    Layout,
    LayoutRow,
    LayoutTable,
    TotalsRule,
    column_label,
    is_spreadsheet_error,
)
from reconcile.validate import (
    ValidatedTable,
    chapter_hint,
    normalise_article,
    normalise_series,
)
from reconcile.validate.identify import ministry_chapter_hint, misspelt_budget_hint
from reconcile.validate.schema import ARTICLE_PATTERN, build_layout_schema, run_schema
from reconcile.validate.totals import (
    one_line_explains,
    parts_in_rows,
    row_spans,
    two_totals_explain,
)

_ARTICLE = re.compile(ARTICLE_PATTERN)
_SHORT_TAIL = re.compile(r"\.(\d{1,2})(?!\d)")  # "844.12" of "(844.12)": the short last group


def validate_layout_table(table: LayoutTable, ministries: MinistryTable) -> ValidatedTable:
    """Findings for every row of ``table``; the lines are not counted against an announcement."""
    layout = table.spec
    assert layout is not None
    keys = _keys(table, layout.key) if layout.key else []
    repeating = len(set(keys)) < len(keys)  # some key repeats (a set: in C)
    repeated, copies, duplicate_findings = _check_copies(table, layout, repeating)
    outline = None if layout.totals is None else _outline(table, layout.totals, repeated)
    if repeating:
        duplicate_findings += _check_keys(table, layout, keys, repeated, outline)
    notes = outline.notes if outline is not None else set()
    findings = _check_rows(table, layout, ministries, copies, notes)
    findings += duplicate_findings
    if outline is not None:
        findings += _check_totals(table, layout, repeated, outline)
    owners = {
        owner.code
        for chapter in table.chapters()
        if (owner := ministries.of_chapter(chapter)) is not None
    }
    ministry = owners.pop() if len(owners) == 1 else None
    copied = frozenset(table.row_numbers[index] for index in copies)
    return ValidatedTable(ministry, findings=_unique(findings), copied_rows=copied)


def _problem(name: str, text: str, ministries: MinistryTable) -> str | None:
    """The finding code for a field's text, None when it is valid."""
    if name == "chapter":
        return None if normalise_chapter(text) in ministries.chapters else "chapter-unknown"
    if name == "article":
        return None if _ARTICLE.match(normalise_article(text) or "") else "article-invalid"
    if name == "series":
        return None if normalise_series(text) in ("V", "U", "O") else "series-invalid"
    if name == "year":
        return None if parse_year(text) is not None else "year-invalid"
    return None


def _check_rows(
    table: LayoutTable,
    layout: Layout,
    ministries: MinistryTable,
    copies: set[int],
    notes: set[int],
) -> list[Finding]:
    """Each row's findings, row by row: its error cells, its checked fields, its amounts.

    The rows of a block repeated whole (``copies``, one `duplicate-rows` finding) are not
    checked again: their findings are their originals'.

    A column repeats its chapters, articles, series and years: the codes of each distinct
    text of a field are worked out once (``_field_codes``), column by column, and only the
    rows holding a text with a code (or an unreadable amount) are then gone through, in
    order, by ``_row_findings``.
    """
    checked = [
        name
        for name, wanted in (
            ("chapter", layout.check_chapter),
            ("article", layout.check_article),
            ("series", layout.check_series),
            ("year", True),  # the amounts' years follow from it
        )
        if wanted
    ]
    codes = _field_codes(table, checked, ministries)

    def codes_of(index: int, name: str) -> tuple[str, ...]:
        return codes.get((index, name), ())

    to_report = {index for index, _ in codes}  # indexes of the rows with a finding
    to_report.update(table.unreadable_rows)  # amount-not-a-number
    findings: list[Finding] = []
    outside = table.outside_rows
    shares = _share_rows(table, notes)
    for index in sorted((to_report | outside) - copies):
        row = table.rows[index]
        if index in outside:  # one finding for the row, not one for each of its cells
            findings.append(make_finding("row-outside-table", _first_cell(row, table)))
            continue
        # A summary row's place is the group it sums: "TOTAAL" has no article ("-"), the
        # "Rijk" block's chapter is the whole government. Its series and year still count.
        summary = index in table.summary_rows
        fields = [n for n in checked if n in ("series", "year")] if summary else checked
        if _chapter_total(table, layout, index):
            fields = [n for n in fields if n != "article"]
        if index in shares or _only_a_share(row):  # no line: it needs no series of its own
            fields = [n for n in fields if n != "series"]
        if _a_heading(row):  # no line either: a section's heading needs no article
            fields = [n for n in fields if n not in ("article", "series")]
        codes_here = functools.partial(codes_of, index)
        unread = None if index in shares else _unread(table, notes, index)
        findings += _row_findings(row, layout, fields, codes_here, ministries, unread)
    return findings


def _chapter_total(table: LayoutTable, layout: Layout, index: int) -> bool:
    """Whether row ``index`` is flagged a total with its article and every level blank: its
    chapter's total, which has no article (2016-2017, VI: rows 306-308 and 162-164, V, U
    and O, each the sum of its articles' totals)."""
    if index not in table.total_rows or layout.totals is None:
        return False
    values = table.rows[index].values
    return not any(values.get(name, "").strip() for name in ("article", *layout.totals.levels))


def _unread(table: LayoutTable, notes: set[int], index: int) -> Phrase:
    """What an unreadable amount in row ``index`` means (amount-not-a-number's ``effect``):
    no total over a line is checked (``_check_totals`` leaves it), a totals row is not
    checked against its lines, and a note ("waarvan") is no part of any total."""
    if index in table.total_rows:
        return Phrase("this total is not checked against its lines")
    if index in notes:
        return Phrase("as an “of which” note it is no part of a total")
    return Phrase("it is not counted, so no total it belongs to is checked")


_SHARE = re.compile(r"-?\d+(?:[.,]\d+)?\s*%")


def _share_rows(table: LayoutTable, notes: set[int]) -> set[int]:
    """The ``notes`` that state a share, a percentage where the amounts stand, and nothing else.

    The B-tables carry the printed table's "Waarvan juridisch verplicht (percentage)" row
    below an article's total: its "96%" in the column of year t (and in "% Juridisch
    verplicht"), no V/U/O, as the Kamerstuk prints it (2016, EZ's articles 11-19). It is no
    budget line: no amount in it is unreadable and it needs no series.
    """
    return {
        index
        for index in table.unreadable_rows & notes
        if all(
            line.amount is None and _SHARE.fullmatch(line.amount_raw.strip())
            for line in table.rows[index].amounts.values()
        )
    }


def _only_a_share(row: LayoutRow) -> bool:
    """A row with no amount whose only figure is a percentage: the B-table of 2017 gives an
    article's "% Juridisch verplicht" a row of its own, without V/U/O (EZ's articles 1-8 and
    the Diergezondheidsfonds, rows 1385-1680). It is no budget line and needs no series."""
    return not row.amounts and any(_SHARE.fullmatch(text.strip()) for text in row.values.values())


def _a_heading(row: LayoutRow) -> bool:
    """A row of a description alone, no article and no amount: a section's heading, as the
    begrotingsstaat of a suppletoire law heads its articles "Beleidsartikelen" and
    "Niet-beleidsartikelen". It is no budget line and needs no article."""
    values = row.values
    return (
        not row.amounts
        and not row.is_total
        and bool(values.get("description"))
        and not values.get("article")
        and not any(text for name, text in values.items() if name != "description")
    )


def _field_codes(
    table: LayoutTable, checked: list[str], ministries: MinistryTable
) -> dict[tuple[int, str], tuple[str, ...]]:
    """(row index, field) -> the codes of its findings, from the table's pandera schema:
    "cell-error" for a broken formula's text (and nothing else), else, in a checked field,
    "missing-value" or the text's own ("chapter-unknown", ...)."""
    import pandas as pd

    rules = {name: _rule(name, ministries) for name in checked}
    code = {name: _CODES[name] for name in checked}
    fields = list(table.field_texts)
    # Categories: a column repeats a few texts, and each check then looks at each text once
    # (100k-line CSV, in process: 2.3 s -> 1.6 s; 1.35 s without pandera).
    frame = pd.DataFrame({name: table.field_texts[name] for name in fields}, dtype="category")
    failures = run_schema(frame, build_layout_schema(fields, rules, code))
    found: dict[tuple[int, str], tuple[str, ...]] = {}
    for failure in failures:
        if failure.line is not None and failure.column is not None:
            key = (failure.line, failure.column)
            found[key] = (*found.get(key, ()), failure.check)
    return found


_CODES = {
    "chapter": "chapter-unknown",
    "article": "article-invalid",
    "series": "series-invalid",
    "year": "year-invalid",
}


def _rule(name: str, ministries: MinistryTable) -> Callable[[str], bool]:
    """Whether a (filled) text of a checked field is valid."""
    return lambda text: _problem(name, text, ministries) is None


def _row_findings(
    row: LayoutRow,
    layout: Layout,
    checked: list[str],
    codes_of: Callable[[str], tuple[str, ...]],
    ministries: MinistryTable,
    unread: Phrase | None,
) -> list[Finding]:
    """One row's findings: its error cells, its checked fields, then its amounts, where it
    has some (``unread``: what an unreadable one means; None for no amounts)."""
    findings = []
    values = row.values
    for name, text in values.items():
        if "cell-error" in codes_of(name):
            field = f"“{column_label(layout, name)}”"
            findings.append(
                make_finding("cell-error", row.cells[name], value=f'"{text}"', field=field)
            )
    for name in checked:
        value = values.get(name)
        if value is None:
            continue
        for code in codes_of(name):
            if code == "missing-value":
                findings.append(make_finding(code, row.cells[name], field=labels()[name]))
            elif code == "chapter-unknown":
                hint = _chapter_hint(value, values.get("ministry"), ministries)
                findings.append(make_finding(code, row.cells[name], value=f'"{value}"', hint=hint))
            elif code != "cell-error":
                findings.append(make_finding(code, row.cells[name], value=f'"{value}"'))
    for line in row.amounts.values() if unread is not None else ():
        if line.amount_problem == "short-group":
            value = line.amount_raw.strip()
            meant = _SHORT_TAIL.sub(lambda m: "." + m[1].ljust(3, "0"), value, count=1)
            findings.append(
                make_finding(
                    "amount-short-group", line.cells["amount"], value=f'"{value}"', meant=meant
                )
            )
        elif line.amount_problem == "not-computed":
            findings.append(
                make_finding(
                    "amount-not-computed",
                    line.cells["amount"],
                    label="This amount",
                    formula=line.amount_raw,
                )
            )
        elif line.amount is None:
            findings.append(
                make_finding(
                    "amount-not-a-number",
                    line.cells["amount"],
                    value=f'"{line.amount_raw}"',
                    effect=unread,
                )
            )
    return findings


def _chapter_hint(text: str, name: str | None, ministries: MinistryTable) -> Phrase | str:
    """ " Did you mean XIII (Economische Zaken)?": the one chapter the row's own budget name
    names ("XXV" of Economische Zaken, though XXIII is spelt more like it), else the chapter
    of a budget or ministry whose name ``text`` spells right, as a workbook's chapter cell is
    told it ("Gemeentefonds": B), else the known chapter spelt most like ``text`` ("IIIA" ->
    III), else the budget whose name it nearly spells ("Diergezondhedsfonds"), else ""."""
    folded = " ".join((name or "").casefold().split())
    named = [code for code, known in ministries.chapters.items() if known.casefold() == folded]
    if len(named) != 1:
        return (
            ministry_chapter_hint(text, ministries)
            or chapter_hint(text, ministries.chapters)
            or misspelt_budget_hint(text, ministries)
        )
    meant, shown = named[0], ministries.chapters[named[0]]
    return did_you_mean(text, [meant], shown) or Phrase(
        " Did you mean {meant}?", {"meant": f"{meant} ({shown})"}
    )


def row_key(row: LayoutRow, fields: tuple[str, ...]) -> tuple[str, ...]:
    """The row's values of ``fields``, chapters and series normalised (13 and XIII are one)."""
    return tuple(_key_text(name, row.values.get(name, "")) for name in fields)


def _key_text(name: str, text: str) -> str:
    if name == "chapter":
        text = normalise_chapter(text) or text
    elif name == "series":
        text = normalise_series(text) or text
    elif name == "article":
        text = normalise_article(text) or text
    return text.casefold()


def _keys(table: LayoutTable, fields: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Each row's ``row_key``, worked out column by column: each distinct text once."""
    if not fields:
        return [()] * len(table.rows)
    columns: list[Iterable[str]] = []
    for name in fields:
        column = table.field_texts.get(name) or [""] * len(table.rows)
        folded = {text: _key_text(name, text) for text in table.distinct_texts(name) or {""}}
        if len(set(folded.values())) == len(folded):
            columns.append(column)  # no two texts are one key text: the texts tell keys apart
        else:
            columns.append(map(folded.__getitem__, column))
    return list(zip(*columns, strict=True))


def _contents(table: LayoutTable) -> list[tuple[Any, ...]]:
    """What makes two rows the same, row by row: the texts of their fields, then each amount
    cell as written (None where blank). A broken-formula text matches any other (re-exports
    of one table show #NAME? in one copy and Err:509 in the other)."""
    columns: list[list[Any]] = []
    for column in table.field_texts.values():
        errors = {text: "#error" for text in set(column) if is_spreadsheet_error(text)}
        columns.append([errors.get(text, text) for text in column] if errors else column)
    for reads in table.amounts.values():
        columns.append([None if read is None else str(read[0]) for read in reads])
    return list(zip(*columns, strict=True)) if columns else [()] * len(table.rows)


def _check_copies(
    table: LayoutTable, layout: Layout, repeating: bool
) -> tuple[set[int], set[int], list[Finding]]:
    """Rows repeated whole (a block pasted twice: one finding per block; a single row: a
    `duplicate-key`): the rows repeating others, those of them in blocks, and the findings.
    ``repeating`` says whether some key of ``layout`` repeats among all rows.

    A block of filler rows outside the table repeated is no finding: each is its
    `row-outside-table` (2016, rows 3255-3285 repeating 2921-2951, 4 rows with stray values).
    """
    if not layout.key:
        return set(), set(), []
    if not repeating and not _error_texts(table, layout.key):
        # So no row repeats another: two rows the same have the same texts, hence the same
        # key, unless a key text is a broken formula's.
        return set(), set(), []
    rows = table.rows
    seen: dict[tuple[str, ...], int] = {}
    runs: list[list[tuple[int, int]]] = []  # [(index of the repeat, index of its original)]
    contents = _contents(table)  # each row's once: a copy is compared again
    repeats = len(set(contents)) < len(contents)  # some row repeats another (a set: in C)
    for index, content in enumerate(contents if repeats else ()):
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and last[0] == index - 1
            and last[1] + 1 < index
            and contents[last[1] + 1] == content
        ):
            runs[-1].append((index, last[1] + 1))  # the copy follows its original row by row
        elif content in seen:
            runs.append([(index, seen[content])])
        seen.setdefault(content, index)
    repeated = {index for run in runs for index, _ in run}
    copies: set[int] = set()
    findings: list[Finding] = []
    for run in runs:
        start, start_original = run[0]
        end, end_original = run[-1]
        if all(index in table.outside_rows for index, _ in run):
            continue  # filler rows: not lines, each its row-outside-table
        if len(run) == 1:
            findings.append(_duplicate_key(table, layout, start, start_original))
            continue
        copies.update(index for index, _ in run)
        findings.append(
            make_finding(
                "duplicate-rows",
                _first_cell(rows[start], table),
                first=rows[start].row,
                last=rows[end].row,
                other_first=rows[start_original].row,
                other_last=rows[end_original].row,
                count=len(run),
            )
        )
    return repeated, copies, findings


def _check_keys(
    table: LayoutTable,
    layout: Layout,
    keys: list[tuple[str, ...]],
    repeated: set[int],
    outline: _Outline | None,
) -> list[Finding]:
    """The rows whose key (``keys``, with their headings' levels) repeats an earlier row's,
    the ``repeated`` rows aside (their findings are ``_check_copies``'s).

    Rows without any amount are not budget lines (e.g. a row stating only the percentage
    legally committed) and take no part in the key check; nor do rows outside the table (a
    filler row repeated is its `row-outside-table`, not a key), nor rows whose key holds a
    broken formula's text: their key is not known, so not known to repeat (2016, Defensie's
    "Err:509" regelingen: each text is a `cell-error` of its own).
    """
    if outline is not None:
        keys = _with_headings(keys, outline)
    findings: list[Finding] = []
    first: dict[tuple[str, ...], int] = {}
    amounts = list(table.amounts.values())  # a row without any is not a budget line
    with_amounts = map(any, zip(*amounts, strict=True)) if amounts else [False] * len(keys)
    unknown = table.outside_rows | _rows_with_error_texts(table, layout.key)
    for index, (has_amounts, key) in enumerate(zip(with_amounts, keys, strict=True)):
        if index in repeated or index in unknown or not has_amounts or not any(key):
            continue
        if key in first:
            findings.append(_duplicate_key(table, layout, index, first[key]))
        else:
            first[key] = index
    return findings


def _rows_with_error_texts(table: LayoutTable, fields: tuple[str, ...]) -> set[int]:
    """The rows with a broken formula's text in one of ``fields`` (each text asked once)."""
    rows: set[int] = set()
    for name in fields:
        errors = {text for text in table.distinct_texts(name) if is_spreadsheet_error(text)}
        if errors:
            column = table.field_texts[name]
            rows.update(index for index, text in enumerate(column) if text in errors)
    return rows


def _error_texts(table: LayoutTable, fields: tuple[str, ...]) -> bool:
    """Whether a text of ``fields`` is a broken formula's (each distinct text asked once)."""
    return any(is_spreadsheet_error(text) for name in fields for text in table.distinct_texts(name))


def _duplicate_key(table: LayoutTable, layout: Layout, index: int, other: int) -> Finding:
    row = table.rows[index]
    shown = ", ".join(
        f"{column_label(layout, name)} {row.values[name]}"
        for name in layout.key
        if row.values.get(name)
    )
    return make_finding(
        "duplicate-key", _first_cell(row, table), other=table.rows[other].row, key=shown
    )


def _first_cell(row: LayoutRow, table: LayoutTable) -> CellRef:
    return CellRef(table.file, table.sheet_name, f"A{row.row}")


@dataclass(frozen=True)
class _Outline:
    """Which rows stand under which, worked out once for the key and the totals checks."""

    levels: list[list[str]]  # the texts of each level of the totals rule the table has
    group_keys: list[tuple[str, ...]]  # each row's group (its article, ...)
    notes: set[int]  # the "of which" rows
    under: dict[int, list[int]]  # a row flagged J on a level -> the rows under it
    headings: dict[int, list[int]]  # a line (N) heading the lines after it -> those lines


def _outline(table: LayoutTable, rule: TotalsRule, repeated: set[int]) -> _Outline:
    """The table's outline by ``rule``; the ``repeated`` rows head no lines."""
    levels = [
        _level_texts(table, level, rule) for level in rule.levels if level in table.field_texts
    ]
    group_keys = _keys(table, rule.group)
    notes = _notes(table, rule.levels, rule.memo)
    breakdowns = _memo_breakdowns(table, levels, group_keys, notes)
    notes |= breakdowns
    under = _rows_under(table, levels, group_keys, breakdowns)
    headings = _headings_flagged_n(table, levels, group_keys, notes | repeated, rule.rounding)
    return _Outline(levels, group_keys, notes, under, headings)


def weigh_totals(table: LayoutTable) -> tuple[int, int]:
    """How many totals rows of ``table`` add up by its layout's totals rule, and how many do
    not: what ``layouts draft`` weighs a rule it drafts by. A totals row is weighed where the
    rule gives it parts (a group-level total whose group holds lines or subtotals, a subtotal
    with rows under it); a leaf flagged as a total, or a total of nothing, is not."""
    layout = table.spec
    if layout is None or layout.totals is None:
        return 0, 0
    outline = _outline(table, layout.totals, set())
    subtotals = {index for index, under in outline.under.items() if under}
    parts = set(range(len(table.row_numbers))) - table.total_rows | subtotals
    groups = {outline.group_keys[index] for index in parts}
    weighed = subtotals | {
        index
        for index in table.total_rows
        if not any(column[index] for column in outline.levels)
        and outline.group_keys[index] in groups
    }
    wrong = {
        int("".join(filter(str.isdigit, finding.location.cell or "")) or 0)
        for finding in _check_totals(table, layout, set(), outline)
    }
    off = {index for index in weighed if table.row_numbers[index] in wrong}
    return len(weighed - off), len(off)


def _level_texts(table: LayoutTable, level: str, rule: TotalsRule) -> list[str]:
    """Each row's text of ``level`` as the outline compares them, case and spacing aside: a
    regeling under "Personele Uitgaven" stands under "Personele uitgaven" (2015, VIII article
    95, rows 1493-1496), one of "33.3 " under "33.3". A totals row known by its text in this
    very column ("Subtotaal", "Totaal artikel 1" in the description) fills no level with it:
    the text says which rows it sums, those of the levels it does fill."""
    folded = {text: " ".join(text.split()).casefold() for text in table.distinct_texts(level)}
    texts = [folded[text] for text in table.field_texts[level]]
    pattern = rule.patterns.get(level)
    if pattern is not None:
        column = table.field_texts[level]
        for index in table.summary_rows:
            if pattern.search(column[index]):
                texts[index] = ""
    return texts


def _check_totals(
    table: LayoutTable, layout: Layout, repeated: set[int], outline: _Outline
) -> list[Finding]:
    """Each totals row against the sum of its parts, per amount: a group-level total (no
    level) against its group's rows, a subtotal (flagged J on a level, with lines under it)
    against the rows under it.

    A subtotal that states an amount is a part of the total above it, and the lines under
    it are not: each total is checked against what the publication puts directly below it,
    so a subtotal its lines do not add up to is one finding at its own row, not also one at
    its article's (2016, X article 5: "Personele uitgaven" J 287,371 in t over lines of
    272,851; the Apparaat total 317,503 is its subtotals' sum). A total its lines add up to,
    subtotals or not, is right as well: then the subtotal between them is the one off. A
    subtotal that states nothing in a column (a heading) leaves its lines to the total above.

    Read from the table's columns: the rows are indexes, a level's texts are asked once each.
    """
    rule = layout.totals
    assert rule is not None
    levels, group_keys, notes = outline.levels, outline.group_keys, outline.notes
    headings = outline.headings
    subtotals = {
        index: under for index, under in outline.under.items() if under and index not in repeated
    }
    leaf_rows = _leaf_totals(table, levels, group_keys) - set(subtotals)
    group_rows: dict[tuple[str, ...], list[int]] = defaultdict(list)
    totals: list[int] = []
    for index in range(len(table.row_numbers)):
        if index in repeated:
            continue  # reported as a duplicate; counting it again would double the sums
        if index in table.total_rows and not any(column[index] for column in levels):
            totals.append(index)
        else:
            group_rows[group_keys[index]].append(index)
    group_totals: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for total in totals:
        group_totals[group_keys[total]].append(total)
    spanned = _spanned_groups(table, rule, levels, repeated)
    covering = [(total, group_rows.get(group_keys[total], [])) for total in totals]
    covering += list(subtotals.items())
    findings = []
    for total, rows in sorted(covering):
        lines = [
            index
            for index in rows
            if index not in table.total_rows and index not in notes and index not in headings
        ]
        if not lines and not any(index in subtotals for index in rows):
            continue  # a totals row without detail rows is a leaf: nothing to add up
        flatter: bool | None = None  # whether it sums the lines after it (asked once)
        for name, reads in table.amounts.items():
            stated_read = reads[total]
            if stated_read is None:
                continue
            stated = stated_read[1]
            parts: list[Decimal | None] = []
            more: list[Decimal | None] = []  # the leaf rows flagged J
            counted: list[int] = []  # the rows of parts and more, for a finding's hint
            below = {  # under a subtotal that is a part (it may come after them)
                line
                for index in rows
                if index in subtotals and reads[index] is not None
                for line in subtotals[index]
            }
            for index in rows:
                read = reads[index]
                if index in below or index in repeated or read is None:
                    continue
                if index in subtotals:
                    parts.append(read[1])
                elif index in leaf_rows:
                    more.append(read[1])
                elif index in lines:
                    parts.append(read[1])
                else:
                    continue
                counted.append(index)
            deep = _amounts(reads, lines)
            leaves = _amounts(reads, [index for index in rows if index in leaf_rows])
            noted = _amounts(reads, [index for index in rows if index in notes])
            # a "waarvan" right after another may be a note of it, not of the total
            first_noted = _amounts(
                reads, [index for index in rows if index in notes and index - 1 not in notes]
            )
            if stated is None or None in parts + more + deep + leaves:
                continue  # unreadable amounts are findings of their own
            if not counted + deep + noted:
                continue  # every part blank: the total is not broken down in this column
            # Its parts with the leaf rows flagged J or without them, and its lines with or
            # without them, subtotals or not: a total its lines add up to is right, and a
            # subtotal between them the one off (reported at its own row). Its lines may
            # include its "waarvan" rows: an Apparaat table's "waarvan ICT", "waarvan
            # SSO's" and "Overig" are a subtotal's parts (2017, VI article 33: row 242),
            # and a "waarvan" right after another may be of it: "waarvan: P-direkt" under
            # "waarvan bijdragen aan SSO's" (2017, VII article 11, rows 2647-2648).
            sums = [parts + more, parts, deep + leaves, deep, deep + noted, deep + first_noted]
            if total in spanned:
                sums += _spanned_sums(table, reads, total, spanned[total], levels, outline)
            if any(
                None not in summed
                and abs(stated - _sum(summed))
                <= _allowed(rule.rounding, len(summed), table, (stated, *summed))
                for summed in sums
            ):
                continue
            if total in subtotals:
                if flatter is None:
                    flatter = _sums_the_lines_after(table, total, outline, repeated)
                if flatter:
                    break  # its level says less than its amounts: no finding in any column
            computed = _sum(parts + more)
            line = table.amount_line(name, total)
            assert line is not None
            others = [  # the other totals rows of its group that state an amount here
                (read[1], place.cells["amount"])
                for other in group_totals.get(group_keys[total], ())
                if other != total and total not in subtotals
                if (read := reads[other]) is not None and read[1] is not None
                if (place := table.amount_line(name, other)) is not None
            ]
            allowed = _allowed(rule.rounding, len(parts + more) + 1, table, (stated, *parts))
            findings.append(
                make_finding(
                    "total-mismatch",
                    line.cells["amount"],
                    label=_total_label(table, rule.levels, total, name),
                    stated=stated,
                    computed=computed,
                    difference=stated - computed,
                    hint=parts_in_rows(
                        [table.row_numbers[index] for index in counted],
                        one_line_explains(stated, computed, _places(table, name, counted))
                        or _other_series_explains(
                            table, rule, group_keys, group_rows, group_totals, total, name
                        )
                        or two_totals_explain(stated, computed, others, allowed)
                        or _blank_lines(table, name, [i for i in lines if i not in below]),
                    ),
                )
            )
    return findings


def _other_series_explains(
    table: LayoutTable,
    rule: TotalsRule,
    group_keys: list[tuple[str, ...]],
    group_rows: dict[tuple[str, ...], list[int]],
    group_totals: dict[tuple[str, ...], list[int]],
    total: int,
    name: str,
) -> Phrase | str:
    """What the lines of another series say of a total its own lines do not add up to: they
    add up to it, and have no totals row of their own, so the total is theirs, filed under
    the wrong series (the begrotingsstaten published in 2016: 2015, chapter XV, the V lines'
    TOTAAL 32,349,692 filed as O below O's own; the 2014 file's 2014 J Deltafonds likewise).
    "" where no other series' lines do."""
    stated_read = table.amounts[name][total]
    stated = None if stated_read is None else stated_read[1]
    if not stated or "series" not in rule.group:
        return ""
    at = rule.group.index("series")
    key = group_keys[total]
    reads = table.amounts[name]
    for other, rows in group_rows.items():
        if other == key or other in group_totals:
            continue
        if other[:at] != key[:at] or other[at + 1 :] != key[at + 1 :]:
            continue
        lines = [index for index in rows if index not in table.total_rows]
        amounts = _amounts(reads, lines)
        if not any(amounts) or None in amounts:
            continue
        allowed = _allowed(rule.rounding, len(amounts), table, (stated, *amounts))
        if abs(stated - _sum(amounts)) <= allowed:
            return Phrase(
                " The {series} lines of its group add up to it (rows {rows}) and have no "
                "totals row of their own: is this row's series wrong?",
                {
                    "series": table.field_texts["series"][lines[0]],
                    "rows": row_spans([table.row_numbers[index] for index in lines]),
                },
            )
    return ""


def _sums_the_lines_after(
    table: LayoutTable, total: int, outline: _Outline, repeated: set[int]
) -> bool:
    """Whether subtotal row ``total`` states, in every amount it has, the sum of the first
    lines after it in its group (J rows among them passed over), within the rounding.

    The levels of some B-table rows say less than their amounts: 2017, IXB article 1 O,
    "(3) Programma-ontvangsten" (row 858, breakdown level) totals the instruments after it
    (rows 860-866: "Belastingontvangsten", "Rente", ...); SZW article 98 U, "Uitgaven" (row
    3045, instrument level) totals the whole article's instruments (rows 3046-3074). Such a
    total adds up, only not over the rows its levels put under it.
    """
    assert table.spec is not None and table.spec.totals is not None
    rounding = table.spec.totals.rounding
    group = outline.group_keys[total]
    skipped = table.total_rows | outline.notes | outline.headings.keys() | repeated
    lines: list[int] = []
    for index in range(total + 1, len(table.row_numbers)):
        if outline.group_keys[index] != group:
            break
        if index not in skipped:
            lines.append(index)
            if _adds_up(table, total, lines, rounding):
                return True
    return False


def _blank_lines(table: LayoutTable, name: str, lines: list[int]) -> Phrase | str:
    """What a total's ``lines`` blank in amount column ``name`` say: its breakdown there is
    incomplete (2017, V article 2 "2.1" says 12,015 in t+3 over 3 regelingen, 2 of its 5
    blank there), or "" where none is blank."""
    blank = [index for index in lines if table.amounts[name][index] is None]
    if not blank:
        return ""
    cell = cell_name(table.row_numbers[blank[0]], table.amount_columns[name])
    return counted(
        " {count} of its lines is blank in this column ({cell}): is its breakdown complete?",
        " {count} of its lines are blank in this column (the first: {cell}): is its breakdown "
        "complete?",
        {"count": len(blank), "cell": cell},
    )


def _amounts(reads: list[AmountRead | None], indexes: list[int]) -> list[Decimal | None]:
    """The amounts of rows ``indexes`` that state one (None: unreadable), blanks left out."""
    return [read[1] for index in indexes if (read := reads[index]) is not None]


def _spanned_groups(
    table: LayoutTable, rule: TotalsRule, levels: list[list[str]], repeated: set[int]
) -> dict[int, list[int]]:
    """Each group-level totals row -> the rows of the wider group it may span (its group
    without the fields ``rule.spans`` names), when the layout names some."""
    if not rule.spans:
        return {}
    wider = _keys(table, tuple(name for name in rule.group if name not in rule.spans))
    rows: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, key in enumerate(wider):
        if index not in repeated:
            rows[key].append(index)
    return {
        index: rows[wider[index]]
        for index in table.total_rows
        if index not in repeated and not any(column[index] for column in levels)
    }


def _spanned_sums(
    table: LayoutTable,
    reads: list[AmountRead | None],
    total: int,
    rows: list[int],
    levels: list[list[str]],
    outline: _Outline,
) -> list[list[Decimal | None]]:
    """The sums a group-level total may be of its wider group ``rows``: their lines, with
    their "waarvan" rows or without them, or the other group-level totals among them (2015,
    X article 8 U: the article's total, "Niet toegedeeld", row 1622, is its Apparaat total,
    row 1623, in t-1 .. t+4). A totals row repeating its key is no other total: a total
    given twice (2016, XVIII article 3 U, rows 2230 and 2231) is still checked."""
    lines = [
        index for index in rows if index not in table.total_rows and index not in outline.headings
    ]
    key = table.spec.key if table.spec is not None else ()
    own = row_key(table.rows[total], key)
    others = [
        index
        for index in rows
        if index in table.total_rows
        and not any(column[index] for column in levels)
        and row_key(table.rows[index], key) != own
    ]
    bare = [index for index in lines if index not in outline.notes]
    sums = [_amounts(reads, bare), _amounts(reads, lines), _amounts(reads, others)]
    return [summed for summed in sums if summed]  # no rows: no sum to be


def _places(
    table: LayoutTable, name: str, indexes: list[int]
) -> list[tuple[Decimal | None, CellRef]]:
    """The amount of column ``name`` in each of rows ``indexes``, with its cell."""
    lines = [table.amount_line(name, index) for index in indexes]
    return [(line.amount, line.cells["amount"]) for line in lines if line is not None]


def _sum(amounts: list[Decimal | None]) -> Decimal:
    return sum((amount for amount in amounts if amount is not None), Decimal(0))


# A total's key in words, by the parts of it its row has: a layout without a series column
# (or a chapter's own totals row, without an article) leaves that part out, never "?".
_TOTAL_KEYS = {
    ("chapter", "article", "series"): N_("chapter {chapter} article {article} {series}"),
    ("chapter", "article"): N_("chapter {chapter} article {article}"),
    ("chapter", "series"): N_("chapter {chapter} {series}"),
    ("chapter",): N_("chapter {chapter}"),
    ("article", "series"): N_("article {article} {series}"),
    ("article",): N_("article {article}"),
    ("series",): N_("series {series}"),
}


def _total_label(table: LayoutTable, levels: tuple[str, ...], total: int, name: str) -> Phrase:
    """Which total a finding is about: an article's, or a subtotal of it (of ``levels``),
    named as the table writes it."""
    values = table.rows[total].values
    parts = {
        part: text
        for part in ("chapter", "article", "series")
        if (text := values.get(part)) and text != "-"  # "-": a chapter's own TOTAAL row
    }
    named = [text for level in levels if (text := values.get(level))]
    key = tuple(parts)
    if key:
        params = {"key": Phrase(_TOTAL_KEYS[key], parts), "amount": name}
        if named:
            return Phrase(
                "The subtotal “{name}” of {key} ({amount})", {"name": named[-1], **params}
            )
        return Phrase("The totals row of {key} ({amount})", params)
    if named:
        return Phrase("The subtotal “{name}” ({amount})", {"name": named[-1], "amount": name})
    return Phrase("The totals row ({amount})", {"amount": name})


def _deepest(levels: list[list[str]], index: int) -> int:
    """The deepest level row ``index`` fills (its subdivision, instrument, ...), -1 for none."""
    return max((k for k, column in enumerate(levels) if column[index]), default=-1)


def _rows_under(
    table: LayoutTable,
    levels: list[list[str]],
    group_keys: list[tuple[str, ...]],
    breakdowns: set[int],
) -> dict[int, list[int]]:
    """Each row flagged J on a level -> the rows that stand under it, in their order.

    A row stands under a J row of its group that it agrees with on the levels above the J
    row's deepest, on that level (or leaves it empty: 2016, VIII article 11's regelingen
    under "Basisbeurs" leave the breakdown empty), and is deeper than; the run of them
    right after it, or, where none follows, the run right before it that agrees on its
    level too: some tables put a subtotal below its lines (2015, V article 1: "1.2" J, row
    516, below its instruments and regelingen, rows 510-515). A "waarvan:" breakdown
    (``breakdowns``) does not end the run: its rows are notes whatever their levels say.
    """
    if not levels:
        return {}

    count = len(table.row_numbers)
    runs: dict[int, list[int]] = {}
    for index in sorted(table.total_rows):
        depth = _deepest(levels, index)
        if depth < 0:
            continue  # a group-level total
        after = index + 1
        while after < count and (
            after in breakdowns
            or (
                group_keys[after] == group_keys[index]
                and all(column[after] == column[index] for column in levels[:depth])
                and levels[depth][after] in ("", levels[depth][index])
                and _deepest(levels, after) > depth
            )
        ):
            after += 1
        before = index
        while (
            after == index + 1
            and before > 0
            and group_keys[before - 1] == group_keys[index]
            and all(column[before - 1] == column[index] for column in levels[: depth + 1])
            and _deepest(levels, before - 1) > depth
        ):
            before -= 1
        runs[index] = list(range(index + 1, after)) or list(range(before, index))
    return runs


def _with_headings(keys: list[tuple[str, ...]], outline: _Outline) -> list[tuple[str, ...]]:
    """Each row's key with the levels of the row it stands under, where it stands under one.

    A regeling's place in the B-tables is also its heading's: VIII article 11 (2016) has a
    "Gift (R)" under each of "Basisbeurs", "Aanvullende beurs" and "Reisvoorziening" (J,
    breakdown level; the regelingen leave the breakdown empty), and XIII article 16 an
    "Overig" under each of "Duurzame veehouderij", "Plantaardige productie", ... (N lines
    heading the lines after them, see ``_headings_flagged_n``); J rows by ``_rows_under``.
    The innermost heading counts.
    """
    above: dict[int, int] = {}
    for index, under in outline.under.items():
        above.update(dict.fromkeys(under, index))  # an inner heading comes later and wins
    for heading, lines in outline.headings.items():
        above.update(dict.fromkeys(lines, heading))  # within a J heading's lines: inner
    if not above:
        return keys
    return [
        (*key, *(column[row] for column in outline.levels))
        if (row := above.get(index)) is not None
        else key
        for index, key in enumerate(keys)
    ]


def _leaf_totals(
    table: LayoutTable, levels: list[list[str]], group_keys: list[tuple[str, ...]]
) -> set[int]:
    """The rows flagged as totals below group level with no line under them.

    The B-tables flag J every subdivision, instrument or regeling that heads lines, and also
    some that have none (2016, VIII article 16 U: "Subsidieregeling St..." J 1,027, followed
    by the next J of its level; with it the N rows add up to the article's 926,503, without
    it to 925,476). Such a leaf is a part of its group's total: counted as one, and a total
    its detail rows add up to without the leaves is right as well. A row is under a J row
    when it is of the same group, agrees on the levels above the J row's deepest one, is
    deeper than it (2017, III article 1: row 8 "Bijdrage aan agentschappen" is not under row
    7 "Apparaat", a level above it differing; IXB article 3 O: the regeling "Winstafdracht
    DNB" J, row 922, is a part of "Vermogensonttrekking", the lines after it no deeper), and
    leaves the J row's own level empty or states it too (2017, V article 4 O: the line
    "4.40" is not under the subtotal "4.20", row 142, its level differing): as
    ``_rows_under`` has it.
    """
    if not levels:
        return set()

    leaves = set()
    count = len(table.row_numbers)
    for index in sorted(table.total_rows):
        depth = _deepest(levels, index)
        if depth < 0:
            continue  # a group-level total
        after = index + 1
        under = (
            after < count
            and group_keys[after] == group_keys[index]
            and all(column[after] == column[index] for column in levels[:depth])
            and levels[depth][after] in ("", levels[depth][index])
            and _deepest(levels, after) > depth
        )
        if not under:
            leaves.add(index)
    return leaves


def _headings_flagged_n(
    table: LayoutTable,
    levels: list[list[str]],
    group_keys: list[tuple[str, ...]],
    skipped: set[int],
    rounding: str,
) -> dict[int, list[int]]:
    """The detail rows (N) that are subtotals of the lines after them: no parts of a total.

    The mirror of a leaf flagged J: the B-tables flag N some lines that head regelingen of
    their own, on a deeper level (2016, VIII article 1 U: "Hoofdbekostiging" N 8,979,272,
    then its regelingen 8,967,791 and 11,481; article 3 flags the same heading J) or on the
    same one, the printed table's indent lost (VIII article 15 U: "Publieke Omroep
    (omroepinstellingen)" 1,012,687, then "Landelijke publieke omroep" 836,974, "Regionale
    omroep" 174,413 and "Minderhedenprogrammering" 1,300). Counted as a part, such a heading
    is added twice to its article's total (article 1's 9,674,957 became 18,681,042). The
    lines after a row are those of the same group, agreeing on the levels above its deepest
    and at that level or deeper, flagged N; the row is their heading where it states, in
    every amount it has, the sum of the first of them (the fewest that add up) within the
    publication's rounding: a row that only labels its lines ("NWO-wet en WHW", 0) or states
    another amount stays a part. J rows deeper than it among its lines sum some of them and
    are passed over (2016, VI article 33: "33.3" N 216,265 over instruments flagged J and
    their regelingen, rows 402-426). Where no lines after it add up, the lines right before
    it, deeper than it, may: a subtotal flagged N below its lines (2015, VI article 33:
    "33.3" N 186,150, row 756, below rows 733-755).
    """
    if not levels:
        return {}

    headings: dict[int, list[int]] = {}
    count = len(table.row_numbers)
    for index in range(count):
        if index in table.total_rows or index in skipped:
            continue
        depth = _deepest(levels, index)
        if depth < 0:
            continue
        for step, least in ((1, depth), (-1, depth + 1)):  # after it; before it, deeper
            lines: list[int] = []
            other = index + step
            while (
                0 <= other < count
                and other not in skipped
                and group_keys[other] == group_keys[index]
                and all(column[other] == column[index] for column in levels[:depth])
                and _deepest(levels, other)
                >= (least if other not in table.total_rows else depth + 1)
            ):
                if other not in table.total_rows:  # a J row among them sums some of them
                    lines.append(other)
                    if _adds_up(table, index, lines, rounding):
                        headings[index] = sorted(lines)
                        break
                other += step
            if index in headings:
                break
    return headings


def _adds_up(table: LayoutTable, total: int, parts: list[int], rounding: str) -> bool:
    """Whether row ``total`` states, in every amount it has, the sum of rows ``parts``."""
    stated_any = False
    for reads in table.amounts.values():
        read = reads[total]
        if read is None or read[1] is None:
            continue
        amounts = [part[1] for index in parts if (part := reads[index]) is not None]
        if None in amounts:
            return False
        if abs(read[1] - _sum(amounts)) > _allowed(rounding, len(amounts), table):
            return False
        stated_any = stated_any or read[1] != 0
    return stated_any


def _allowed(
    rounding: str, parts: int, table: LayoutTable, amounts: tuple[Decimal | None, ...] = ()
) -> Decimal:
    """How far a total may be from its parts' sum by the publication's own rounding.

    "half-unit": each part and the total were rounded to whole units of the table on their
    own, so each may be off by half a unit: (parts + 1) halves in all (x € 1.000, three parts:
    € 2.000). "exact": not at all. Where the total and its parts (``amounts``) are all whole
    thousands of units, they were rounded to those: the B-tables give the national debt
    (chapter IXA) in millions in a table x € 1.000 (2015, article 12 O: 3,205,000 over lines
    of 2,717,000, 5,000, 0 and 483,000; in t-1 4,332,000 over 4,331,000).
    """
    if rounding != "half-unit":
        return Decimal(0)
    unit = table.unit.euros
    thousands = unit * 1000
    if any(amounts) and all(amount is not None and amount % thousands == 0 for amount in amounts):
        unit = thousands
    return unit * (parts + 1) / 2


def _memo_breakdowns(
    table: LayoutTable, levels: list[list[str]], group_keys: list[tuple[str, ...]], notes: set[int]
) -> set[int]:
    """The rows of a "waarvan:" breakdown: after a note that states no amount (a bare
    "waarvan:"), the lines as deep as it, of its group and its first level, that differ from
    it on a level above its own, up to the first that does not (a line beside the one the
    breakdown is of). 2017, XVIII article 6: rows 2780-2783, "begroting I, de Koning", ...,
    after "waarvan:" (row 2779) under "Bijdrage aan agentschappen", misspell their
    instrument "Bijdragen aan agentschappen"; the lines after them (rows 2784-2785) are of
    the instrument again, whose 68,184 in t-1 they make up with row 2778.
    """
    amounts = table.amounts.values()
    breakdowns: set[int] = set()
    for note in sorted(notes):
        depth = _deepest(levels, note)
        if depth < 1 or any(reads[note] is not None for reads in amounts):
            continue  # a note with an amount, or on the first level: no heading
        index = note + 1
        while (
            index < len(table.row_numbers)
            and index not in table.total_rows
            and group_keys[index] == group_keys[note]
            and _deepest(levels, index) == depth
            and levels[0][index] == levels[0][note]
            and any(column[index] != column[note] for column in levels[1:depth])
        ):
            breakdowns.add(index)
            index += 1
    return breakdowns


def _notes(table: LayoutTable, levels: tuple[str, ...], memo: re.Pattern[str] | None) -> set[int]:
    """The rows that are "of which" notes (a level's text matches ``memo``), not parts."""
    if memo is None:
        return set()
    texts = table.field_texts
    if any(level not in texts for level in levels) and memo.search(""):
        return set(range(len(table.row_numbers)))  # a level the table lacks reads ""
    notes: set[int] = set()
    for level in levels:
        column = texts.get(level, [])
        matching = {text for text in table.distinct_texts(level) if memo.search(text)}
        if matching:
            notes.update(index for index, text in enumerate(column) if text in matching)
    return notes


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, CellRef]] = set()
    out = []
    for finding in findings:
        key = (finding.code, finding.location)
        if key not in seen:
            seen.add(key)
            out.append(finding)
    return out


__all__ = ["row_key", "validate_layout_table"]
