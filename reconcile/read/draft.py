"""A starting layout for a table of unknown header: ``reconcile layouts draft FILE``.

The header row is the first of the first rows that is mostly labels; each labelled column
becomes a field or an amount column, guessed from its label (a label a built-in layout or the
workbooks' header words know) or else from its values (years, V/U/O, chapters, numbers). The
unit comes from a caption above the header, the number format from the amounts as written.
Every guess is said in a TOML comment beside it, so a maintainer knows what to check. Where
the guesses are right the draft reads the file unedited with ``--layout``.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reconcile.codes import make_finding, render
from reconcile.guard import ensure_safe_environment
from reconcile.limits import DEFAULT_LIMITS
from reconcile.ministries import load_table, normalise_chapter
from reconcile.model import CellRef, Finding, Phrase, counted
from reconcile.money import (
    DUTCH,
    ENGLISH,
    AmountError,
    find_unit,
    is_ambiguous,
    number_style,
    parse_number,
)
from reconcile.nearest import did_you_mean
from reconcile.read import CSV_SUFFIXES, WORKBOOK_SUFFIXES, read_bytes, suffix_refused
from reconcile.read.cells import SERIES_WORDS, UnreadableFileError, cell_text
from reconcile.read.check_bytes import run_preflight
from reconcile.read.find_table import (
    HEADER_SCAN_ROWS,
    TOTAL_LABEL,
    field_of,
    labelled_year,
    parse_year,
)
from reconcile.read.layouts import (
    LayoutTable,
    find_layout_header,
    fold,
    header_text,
    label_matches,
    load_layouts,
    parse_layout,
    read_layout_grid,
    spanning,
)
from reconcile.read.read_cells import load_workbook
from reconcile.read.read_cells_csv import DELIMITERS, stream_csv_blocks

SAMPLE_ROWS = 200  # the rows below the header whose values a guess looks at
Weigh = Callable[[LayoutTable], tuple[int, int]]  # a table -> (totals adding up, not)
FIELDS = ("year", "series", "chapter", "ministry", "article", "description")
_RELATIVE = re.compile(r"\bt([+-]\d)?$")  # "bedrag t", "bedrag t+1", "bedrag t-2"
_CHAPTER = re.compile(r"^([A-Za-z]{1,5}|\d{1,2})$")
_UNGROUPED = re.compile(r"^-?\d{4,}([.,]\d+)?$")  # 1234, 1234,5: no thousands separator
_YEAR_IN = re.compile(r"(?<!\d)(\d{4})(?!\d)")
# Labels of numbered places in the budget, whose numbers ("1.1", "24") are no amounts.
_NAMES_A_PLACE = re.compile(r"artikel|onderdeel|nummer|\bnr\b|\bcode\b|\bid\b|regeling|instrument")
_WORDS = re.compile(r"\w+")
_NUMBER = re.compile(r"^-?[\d.,\s]+([eE][-+]?\d+)?$")


def first_rows(
    path: Path, display: str, sheet: str | None = None
) -> tuple[list[Sequence[Any]], Finding | None]:
    """The first rows of a CSV file or of a workbook's sheet ``sheet`` (else the one holding
    the table), read as ``validate`` reads them (the pre-flight first); or no rows and the
    finding why not."""
    ensure_safe_environment()
    data, problem = read_bytes(path, display)
    if data is None or problem is not None:
        return [], problem
    suffix = path.suffix.lower()
    if suffix not in (*WORKBOOK_SUFFIXES, *CSV_SUFFIXES):
        why = suffix_refused(path)
        return [], make_finding("file-unreadable", CellRef(display), reason=why)
    checked = run_preflight(data, display, DEFAULT_LIMITS, suffix)
    if checked.refusal is not None:
        return [], checked.refusal
    try:
        if suffix in CSV_SUFFIXES:
            return _csv_first_rows(data), None
        grids = load_workbook(data, path.suffix, checked.plain_parts)
    except UnreadableFileError as exc:
        return [], make_finding("file-unreadable", CellRef(display), reason=exc.reason)
    if sheet is not None:
        named = [g for g in grids if g.name == sheet] or [
            g for g in grids if g.name.casefold() == sheet.casefold()
        ]
        if not named:
            names = [g.name for g in grids]
            return [], make_finding(
                "sheet-not-found",
                CellRef(display),
                sheet=f"“{sheet}”",
                sheets=", ".join(f"“{name}”" for name in names),
                hint=did_you_mean(sheet, names),
            )
        grids = named[:1]
    # The sheet holding amounts whose header row holds the most labels, not a note sheet
    # before it, nor a sheet of the measures' texts beside the one of their amounts.
    firsts: list[list[Sequence[Any]]] = [
        list(grid.rows[: HEADER_SCAN_ROWS + SAMPLE_ROWS]) for grid in grids
    ]
    return max(
        firsts, key=lambda rows: (_holds_amounts(rows), _header_labels(rows)), default=[]
    ), None


def _csv_first_rows(data: bytes) -> list[Sequence[Any]]:
    """The first rows of a CSV file (see stream_csv_blocks), split by the delimiter whose
    header row holds the most labels, the detected one first: a title line above the
    header may split by another ("Bron: rijksfinancien.nl, bewerkt" above a ";" header)."""
    text, blocks = stream_csv_blocks(data, HEADER_SCAN_ROWS + SAMPLE_ROWS)
    best: list[Sequence[Any]] = list(next(blocks))
    for other in DELIMITERS:
        if other != text.delimiter:
            _, blocks = stream_csv_blocks(data, HEADER_SCAN_ROWS + SAMPLE_ROWS, delimiter=other)
            rows: list[Sequence[Any]] = list(next(blocks))
            if _header_labels(rows) > _header_labels(best):
                best = rows
    return best


Columns = dict[str, tuple[str, Phrase]]  # field -> (label, why)
Amounts = list[tuple[str, str, Phrase]]  # (name, label, why)
# and field -> its column's index, amount -> the text above its column (a two-row header)
Guesses = tuple[Columns, Amounts, dict[str, int], dict[str, str]]


def _guess_columns(
    header: list[str], body: Sequence[Sequence[Any]], spans: dict[int, str] | None = None
) -> Guesses:
    """Each labelled column guessed: field -> (label, why), the amounts (name, label, why),
    and each field's column (two columns may carry one label: "Omschrijving" twice).

    ``spans`` (a two-row header): column -> the text above it; an amount is named by both."""
    columns: Columns = {}
    amounts: Amounts = []
    where: dict[str, int] = {}
    aboves: dict[str, str] = {}  # amount -> the text above its column
    for index, label in enumerate(header):
        if not label:
            continue
        values = [cell_text(row[index]) for row in body if index < len(row)]
        values = [value for value in values if value]
        guess, why = _guess(label, values, set(columns))
        if guess == "amount":
            over = (spans or {}).get(index + 1, "")
            name = _amount_name(f"{over} {label}" if over else label, amounts)
            amounts.append((name, label, why))
            if over:
                aboves[name] = over
        elif guess is not None and guess not in columns:
            columns[guess], where[guess] = (label, why), index
        else:
            field = _free_name(label, columns)
            if guess is not None:
                why = Phrase("{why}; {field} is taken", {"why": why, "field": guess})
            columns[field], where[field] = (label, why), index
    return columns, amounts, where, aboves


def _header_and_body(rows: Sequence[Sequence[Any]]) -> tuple[int, list[str], list[Sequence[Any]]]:
    """The header row's index and labels, and the filled rows below it that a guess reads."""
    at = _header_row(rows)
    header = [header_text(cell) or cell_text(cell) for cell in rows[at]]  # a dated year: 2025
    body = [row for row in rows[at + 1 : at + 1 + SAMPLE_ROWS] if any(cell_text(c) for c in row)]
    return at, header, body


def _holds_amounts(rows: Sequence[Sequence[Any]]) -> bool:
    """Whether a column of the table in ``rows`` is guessed to hold amounts."""
    if not rows:
        return False
    _, header, body = _header_and_body(rows)
    return bool(_guess_columns(header, body)[1])


def draft_layout(
    rows: Sequence[Sequence[Any]],
    name: str,
    source: str,
    lang: str = "en",
    weigh: Weigh | None = None,
) -> str:
    """The TOML text of a layout for the table in ``rows`` (the file's first rows), its
    comments in ``lang``. ``weigh`` (validate's ``weigh_totals``: reading never imports the
    checks) tells how many totals rows of a table read by a drafted rule add up and how many
    do not; without it no levels nor rounding are drafted but a built-in layout's."""

    def guess(why: Phrase) -> str:
        return _guessed(why, lang)

    def comment(phrase: Phrase) -> str:
        return "# " + render(phrase, lang)

    if not rows:
        rows = [[]]
    at, header, body = _header_and_body(rows)
    spans = _two_row_spans(rows, at, header)
    if spans:  # the fields' labels stand in the row above, over blank cells
        above = [cell_text(cell) for cell in rows[at - 1]]
        header = [
            label or (above[i] if i < len(above) and i + 1 not in spans else "")
            for i, label in enumerate(header)
        ]
    columns, amounts, where, aboves = _guess_columns(header, body, spans)
    unit_line = _unit(rows[:at], [label for _, label, _ in amounts], lang)
    written = [cell_text(row[i]) for row in body for i in _indexes(header, amounts) if i < len(row)]
    numbers, numbers_why = _numbers(written)
    key, key_why = _key(columns, where, body)
    values_of = {field: [v for row in body if (v := _cell(row, where[field]))] for field in columns}
    unit_field = next(
        (f for f, values in values_of.items() if values and all(map(_states_unit, values))),
        None,
    )
    words = sorted({fold(v) for v in values_of.get(unit_field or "", []) if not find_unit(v)})
    if unit_field is not None:  # each row states its unit: none is assumed
        unit_line = [line for line in unit_line if not line.startswith("unit_stated")]
    split = "chapter" in columns and "ministry" not in columns and _combined(values_of["chapter"])
    said = Phrase(
        "A layout drafted by `reconcile layouts draft` from {source} (header in row {row}).",
        {"source": source, "row": str(at + 1)},
    )
    check = Phrase("Each guess is said beside it: check them, then use it with --layout FILE.toml.")
    lines = [comment(said), comment(check)]
    if not _labels(rows[at]):
        headless = Phrase(
            "No row of the first ones holds labels: the table seems to have no header."
        )
        lines.append(comment(headless))
    combined = Phrase("chapter and name share a cell (XIII, Economische Zaken)")
    title = Phrase("Drafted from {source}", {"source": source})
    lines += [
        "",
        f"name = {_quote(name)}",
        f"title = {_quote(render(title, lang))}",
        *unit_line,
        f"numbers = {_quote(numbers)}  {guess(numbers_why)}",
        *_unit_column(unit_field, columns, words, lang),
        "",
        "[columns]",
        *(
            f"{field} = {_column(field, label, split)}  "
            + guess(
                Phrase("{why}; {more}", {"why": why, "more": combined})
                if split and field == "chapter"
                else why
            )
            for field, (label, why) in columns.items()
        ),
    ]
    if not amounts:  # a layout needs one: say so where it goes, not in a loader's error
        missing = Phrase(
            "No amount column was recognised: name the column(s) holding the amounts, e.g."
        )
        lines += [
            "",
            comment(missing),
            "# [[amounts]]",
            '# name = "amount"',
            '# label = "Bedrag"',
        ]
    for amount, label, why in amounts:
        lines += ["", "[[amounts]]", f"name = {_quote(amount)}  {guess(why)}"]
        lines.append(f"label = {_quote(label)}")
        if amount in aboves:  # a two-row header: the moment above, the series below
            over = Phrase("a two-row header: the row above names it")
            lines.append(f"above = {_quote(aboves[amount])}  {guess(over)}")
        offset = _RELATIVE.search(fold(label))
        year = _label_year(label)
        if year is not None:  # a wide table's "2026" or "Raming 2026": that year's amounts
            named = Phrase("the label names the year {year}", {"year": str(year)})
            lines.append(f"year = {year}  {guess(named)}")
        elif offset:  # "Bedrag t+1": the row's year plus one
            shift = int((offset.group(1) or "+0").replace("+", ""))
            relative = Phrase("the label names year t{offset}", {"offset": offset.group(1) or ""})
            lines.append(f"year_offset = {shift}  {guess(relative)}")
        series = _label_series(label) if "series" not in columns else None
        if series is not None:  # a column per series: "Verplichtingen", "U"
            named = Phrase("the label names the series {series}", {"series": series})
            lines.append(f"series = {_quote(series)}  {guess(named)}")
    checks = [
        "",
        "[checks]",
        f"key = {json.dumps(key)}  {guess(key_why)}",
        *(f"{field} = true" for field in ("chapter", "article", "series") if field in columns),
    ]
    records = [{field: _cell(row, where[field]) for field in columns} for row in body]

    def trial(block: list[str]) -> tuple[int, int]:
        if weigh is None:
            return 0, 0
        return _weigh(rows, "\n".join([*lines, *block, *checks]) + "\n", weigh)

    # Amounts in millions, or written with decimals (355572.7449) in a table of whole units,
    # are rounded on their own: the publication's totals may be too.
    stated = find_unit(unit_line[0].split("#")[0])
    decimal = re.compile(r",\d+$" if numbers == "dutch" else r"\.\d+$")
    rounded = (stated is not None and stated.euros >= 1_000_000) or any(
        decimal.search(text.strip()) for text in written
    )
    labels = {field: label for field, (label, _) in columns.items()}
    sample = _Sample(list(columns), records, key, unit_field, split, rounded, labels)
    lines += _totals(sample, trial, lang)
    return "\n".join(lines + checks) + "\n"


def _two_row_spans(rows: Sequence[Sequence[Any]], at: int, header: list[str]) -> dict[int, str]:
    """Column -> the text above it, when the header is two rows: labels repeat in the header
    row ("V", "U", "O" under each budget moment), and the row above tells them apart (each
    repeated label under its own text, a merged or centred title over its columns). Else
    none: a title line above a header is no part of it."""
    if at == 0:
        return {}
    counts = Counter(fold(label) for label in header if label)
    repeated = [i + 1 for i, label in enumerate(header) if label and counts[fold(label)] > 1]
    if not repeated:
        return {}
    blank = {i + 1 for i, label in enumerate(header) if not label}  # fields' labels above
    spans = spanning(rows[at - 1], blank)
    told = {(spans.get(i, ""), fold(header[i - 1])) for i in repeated}
    if any(i not in spans for i in repeated) or len(told) < len(repeated):
        return {}
    return {i: text for i, text in spans.items() if i not in blank}


def _header_row(rows: Sequence[Sequence[Any]]) -> int:
    """The first row with the most cells that are labels (text, not numbers or years)."""
    best, best_count = 0, -1
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        count = _labels(row)
        if count > best_count:
            best, best_count = index, count
    return best


def _labels(row: Sequence[Any]) -> int:
    return sum(1 for cell in row if _is_label(cell_text(cell)))


def _header_labels(rows: Sequence[Sequence[Any]]) -> int:
    """How many labels the header row of ``rows`` holds: 0 for a sheet without any, and for a
    row of one cell, no table's header ("1;2;3" unsplit is one label, and no header)."""
    if not rows:
        return 0
    header = rows[_header_row(rows)]
    return _labels(header) if sum(1 for cell in header if cell_text(cell)) > 1 else 0


def _is_label(text: str) -> bool:
    return bool(text) and parse_year(text) is None and not _NUMBER.match(text)


@functools.cache
def _known_labels() -> tuple[tuple[str, str], ...]:
    """(label, field) from every built-in layout (their fields and amounts), in order; a
    label ending in "*" names the start of a header ("Indicatie totaal regel*")."""
    known: list[tuple[str, str]] = []
    for layout in load_layouts().values():
        for field, labels in layout.columns.items():
            known += [(label, field) for label in labels]
        for amount in layout.amounts:
            known += [(label, "amount") for label in amount.labels]
    return tuple(known)


@functools.cache
def _total_flags() -> dict[str, tuple[str, ...]]:
    """Field -> the values marking a totals row, of the built-in layouts flagging totals by a
    column ("total_flag": "J")."""
    flags: dict[str, tuple[str, ...]] = {}
    for layout in load_layouts().values():
        if layout.totals is not None and layout.totals.flag is not None:
            flags.setdefault(layout.totals.flag, (layout.totals.value,))
    return flags


def _guess(label: str, values: list[str], taken: set[str]) -> tuple[str | None, Phrase]:
    """The field a column is (or "amount", or None: a column of its own), and why. A guess
    from the values skips the fields ``taken`` by columns before it: numbers 1-39 are
    chapters as well as amounts ("Stand voor" beside a "Hoofdstuk" column)."""
    exact = [field for known, field in _known_labels() if fold(known) == fold(label)]
    starts = [field for known, field in _known_labels() if label_matches(label, (known,))]
    known = next(iter(exact or starts), None)
    if known is not None:
        return known, Phrase("a built-in layout's label of {field}", {"field": known})
    word = field_of(label)
    if word in FIELDS or word == "amount":
        return word, Phrase("a workbook header word of {field}", {"field": word})
    year = labelled_year(label)
    if year is not None and not all(parse_year(value) is not None for value in values):
        return "amount", Phrase(
            "the label is the year {year}: a column of that year's amounts", {"year": str(year)}
        )
    if not values:
        return None, Phrase("no values below it to tell")
    if "year" not in taken and all(parse_year(value) is not None for value in values):
        return "year", Phrase("every value is a year")
    if "series" not in taken and {value.upper() for value in values} <= {"V", "U", "O"}:
        return "series", Phrase("every value is V, U or O")
    if "chapter" not in taken and all(_is_chapter(value) for value in values):
        return "chapter", Phrase("every value is a budget chapter")
    if all(_is_amount(value) for value in values):
        if _NAMES_A_PLACE.search(fold(label)):  # "Artikelonderdeel": 1.1, 2.3 are no money
            return None, Phrase("numbers, but the label names a place in the budget: a field")
        return "amount", Phrase("every value is a number")
    return None, Phrase("text: kept as a field of its own")


def _label_series(label: str) -> str | None:
    """The one series an amount column's label names: "V", "Uitgaven", "Stand ontvangsten"
    (a letter only as the whole label: the "u" of "bedrag u" names none)."""
    folded = fold(label).upper()
    if folded in SERIES_WORDS:
        return SERIES_WORDS[folded]
    named = {SERIES_WORDS[w] for w in _WORDS.findall(folded) if len(w) > 1 and w in SERIES_WORDS}
    return named.pop() if len(named) == 1 else None


def _label_year(label: str) -> int | None:
    """The one year an amount column's label names: "2026", "Mutatie 2026", "Raming 2026"."""
    year = labelled_year(label)
    if year is not None:
        return year
    years = {int(found) for found in _YEAR_IN.findall(label) if 1990 <= int(found) <= 2100}
    return years.pop() if len(years) == 1 else None


# A unit column's words that state a unit without a caption's "x" ("miljoen", "EUR").
_UNIT_WORDS = {
    "duizend": "x € 1.000",
    "duizendtallen": "x € 1.000",
    "miljoen": "x € 1 mln",
    "mln": "x € 1 mln",
    "miljard": "x € 1 mld",
    "mld": "x € 1 mld",
}  # not "Euro": a Valuta column's, which names the currency, not the unit


def _unit_column(field: str | None, columns: Columns, words: list[str], lang: str) -> list[str]:
    """The lines naming the column of each row's unit, and its words no caption states."""
    if field is None:
        return []
    why = Phrase(
        "every value of {label} states a unit: each row is read in its own",
        {"label": _quote(columns[field][0])},
    )
    lines = [f"unit_column = {_quote(field)}  {_guessed(why, lang)}"]
    if words:
        words_why = Phrase("the unit column's words")
        lines += ["", f"[units]  {_guessed(words_why, lang)}"]
        lines += [f"{_quote(word)} = {_quote(_UNIT_WORDS[word])}" for word in words]
    return lines


def _states_unit(value: str) -> bool:
    return find_unit(value) is not None or fold(value) in _UNIT_WORDS


def _guessed(why: Phrase, lang: str) -> str:
    """A guess's comment: "# guess: ...", in ``lang``."""
    return "# " + render(Phrase("guess: {why}", {"why": why}), lang)


@dataclass(frozen=True)
class _Sample:
    """The first rows below the header as a draft of totals reads them."""

    fields: list[str]  # in the header's order
    records: list[dict[str, str]]  # each row: field -> its text
    key: list[str]
    unit_field: str | None
    split: bool  # chapter cells hold the chapter and its name ("XIII, Economische Zaken")
    rounded: bool  # amounts in millions or with decimals: totals may be rounded
    labels: dict[str, str]  # field -> its header label


Trial = Callable[[list[str]], tuple[int, int]]  # [totals] -> (totals adding up, not)
Entry = tuple[str, str, str]  # a [totals] key, its TOML value, its comment ("" for none)
Score = tuple[int, int]  # totals rows of the first rows adding up, and minus those not
_NOT_LEVELS = ("year", "series", "chapter", "ministry", "unit", "currency")
_YES, _NO = {"J", "JA", "Y", "YES"}, {"N", "NEE", "NO"}  # a flag column's words


def _totals(sample: _Sample, trial: Trial, lang: str) -> list[str]:
    """[totals] for the totals rows among the first rows, checked, never counted (read as
    lines, every amount would count twice): rows a column flags as a built-in layout's flag
    does ("Indicatie totaal regel": J), else rows whose text says "Totaal" or "Subtotaal",
    and a summary block ("Rijk" in EUR mln among lines x € 1.000). Where the totals are of
    several levels, the columns telling them apart (``levels``), and where the totals are
    rounded, the publication's rounding: those with which the most totals of the first rows
    add up, as ``trial`` reads them with the draft."""
    marks, totals, group = _marks(sample, lang)
    summary = _summary_block(sample, lang)
    if summary is not None:
        field, value, why = summary
        marks.append((f"patterns.{field}", f"^{re.escape(value)}$", why))
        totals = [
            total or fold(_first_part(record.get(field, ""))) == value
            for total, record in zip(totals, sample.records, strict=True)
        ]
        group = group or [n for n in sample.key if n in ("year", "series", "chapter")]
    if not marks:
        return []
    if sample.split and "ministry" not in group:
        group.append("ministry")  # its name tells two budgets filed under one chapter apart
    covers = Phrase("a total covers the rows agreeing on these")
    own: list[Entry] = [("group", json.dumps(group), _guessed(covers, lang))]
    borrowed = _borrowed(sample, marks, lang)
    if borrowed is None:
        best = _with_levels(sample, totals, marks, own, trial, lang)
    else:  # a built-in layout's rule: the family's where the table has all its fields
        entries, levels, whole = borrowed
        best = _with_levels(sample, totals, marks, entries, trial, lang, levels)
        if not whole:  # else it wins a tie only
            drafted = _with_levels(sample, totals, marks, own, trial, lang)
            best = best if best[0] >= drafted[0] else drafted
    (_, wrong), entries = best
    lines = _totals_block([*marks, *entries])
    if wrong:
        off = counted(
            "{count} totals row of the first rows does not add up by these rules: see what "
            "validate finds there (a level not drafted, or the data)",
            "{count} totals rows of the first rows do not add up by these rules: see what "
            "validate finds there (a level not drafted, or the data)",
            {"count": -wrong},
        )
        lines.append("# " + render(off, lang))
    return lines


def _marks(sample: _Sample, lang: str) -> tuple[list[Entry], list[bool], list[str]]:
    """How totals rows are known ([totals] entries), whether each row is one, and the group
    a total covers: a column flagging them as a built-in layout's flag does, or a column
    whose label names totals and whose every value is yes or no ("Totaalregel": J/N, Ja/Nee),
    of the rows of their article; else a text field saying "Totaal" or "Subtotaal", of the
    rows agreeing on the place fields above the article."""
    flags = list(_total_flags().items())
    for column in sample.fields:
        if "totaal" in fold(sample.labels[column]) or "total" in fold(sample.labels[column]):
            said = [text for record in sample.records if (text := record.get(column, ""))]
            yes = sorted({text for text in said if text.upper() in _YES})
            if len(yes) == 1 and all(text.upper() in _YES | _NO for text in said):
                flags.append((column, (yes[0],)))
    for flag, marks in flags:
        values = {record.get(flag, "") for record in sample.records}
        value = next((mark for mark in marks if mark in values), None)
        if value is not None:
            why = Phrase(
                "rows whose {field} is {value} are totals, checked, never counted",
                {"field": flag, "value": value},
            )
            totals = [record.get(flag, "") == value for record in sample.records]
            group = [n for n in sample.key if n in ("year", "series", "chapter", "article")]
            entries = [("flag", _quote(flag), _guessed(why, lang)), ("value", _quote(value), "")]
            return entries, totals, group
    field = next(
        (
            name
            for name in ("description", *sample.fields)
            if any(TOTAL_LABEL.match(record.get(name, "")) for record in sample.records)
        ),
        None,
    )
    if field is None:
        return [], [False] * len(sample.records), []
    flagged = Phrase(
        "rows whose {field} says Totaal or Subtotaal are totals, checked, never counted",
        {"field": field},
    )
    totals = [bool(TOTAL_LABEL.match(record.get(field, ""))) for record in sample.records]
    group = [n for n in sample.key if n in ("year", "series", "chapter")]
    return [(f"patterns.{field}", TOTAL_LABEL.pattern, _guessed(flagged, lang))], totals, group


def _summary_block(sample: _Sample, lang: str) -> tuple[str, str, str] | None:
    """The chapter value of a summary block among the lines, its field and why: rows whose
    chapter is no budget chapter and whose unit differs from every other row's (the older
    begrotingsstaten' "Rijk" rows in "miljoen" among the "x1000" lines: each chapter's
    total for the whole government), or whose chapter is "Rijk" itself. Read as lines they
    would count every chapter again, a thousand times over."""
    if "chapter" not in sample.fields:
        return None
    written = [_first_part(record.get("chapter", "")) for record in sample.records]
    chapters = [fold(text) for text in written]
    units = [
        fold(record.get(sample.unit_field, "")) if sample.unit_field else ""
        for record in sample.records
    ]
    for value in sorted(set(chapters)):
        if value in ("", "-") or _is_chapter(value):
            continue
        own = {unit for chapter, unit in zip(chapters, units, strict=True) if chapter == value}
        others = Counter(
            unit for chapter, unit in zip(chapters, units, strict=True) if chapter != value
        )
        if sample.unit_field and others and own and not own & set(others):
            why = Phrase(
                "rows whose {field} is {value}, no budget chapter, in {unit} where the other "
                "rows are in {other}, are a summary block: checked, never counted",
                {
                    "field": "chapter",
                    "value": _quote(written[chapters.index(value)]),
                    "unit": ", ".join(_quote(unit) for unit in sorted(own)),
                    "other": _quote(others.most_common(1)[0][0]),
                },
            )
        elif value == "rijk":
            why = Phrase(
                "rows whose {field} is {value}, no budget chapter, sum the whole government: "
                "a summary block, checked, never counted",
                {"field": "chapter", "value": _quote(written[chapters.index(value)])},
            )
        else:
            continue
        return "chapter", value, _guessed(why, lang)
    return None


def _first_part(text: str) -> str:
    """A combined chapter cell's chapter ("XIII" of "XIII, Economische Zaken")."""
    return text.split(",")[0].strip()


def _borrowed(
    sample: _Sample, marks: list[Entry], lang: str
) -> tuple[list[Entry], list[str], bool] | None:
    """The totals rule of the built-in layout whose flag column the table has, as far as the
    table has its fields: its group, spans, memo and rounding, its levels (how that family's
    totals add up, also where the first rows do not show it), and whether the table has
    every field the rule names (then it is of that family: the B-tables of 2015-2017, whose
    first rows add up as many totals with a rule of fewer fields, or hide a slip in the data
    with one: V article 3 O, 2016, row 240, in t+1 to t+4)."""
    flag = next((value for key, value, _ in marks if key == "flag"), None)
    rules = [
        (layout.name, layout.totals)
        for layout in load_layouts().values()
        if layout.totals is not None
        and flag is not None
        and _quote(layout.totals.flag or "") == flag
    ]
    if not rules:
        return None
    name, rule = rules[0]
    why = _guessed(
        Phrase("as in the built-in layout {layout}, whose flag column this is", {"layout": name}),
        lang,
    )
    group = [field for field in rule.group if field in sample.fields]
    entries: list[Entry] = [("group", json.dumps(group), why)]
    spans = [field for field in rule.spans if field in sample.fields]
    if spans:
        entries.append(("spans", json.dumps(spans), why))
    if rule.memo is not None:
        entries.append(("memo", _quote(rule.memo.pattern), why))
    if rule.rounding != "exact":
        entries.append(("rounding", _quote(rule.rounding), why))
    named = {*rule.group, *rule.levels, *rule.spans}
    levels = [field for field in rule.levels if field in sample.fields]
    return entries, levels, named <= set(sample.fields)


def _with_levels(
    sample: _Sample,
    totals: list[bool],
    marks: list[Entry],
    base: list[Entry],
    trial: Trial,
    lang: str,
    seed: list[str] | None = None,
) -> tuple[Score, list[Entry]]:
    """``base`` with the levels and the rounding with which the most totals of the first
    rows add up, and that score. A level is a column other rows fill and some totals rows
    leave blank (or fill with the text that makes them totals: "Subtotaal"), or the article
    where the group is above it, in the header's order; each is kept only where leaving it
    out adds up fewer totals. Or the levels ``seed`` (a built-in layout's), as they are."""
    patterns = {key.split(".", 1)[1]: value for key, value, _ in marks if "." in key}
    taken = {
        field
        for key, value, _ in (*marks, *base)
        if key in ("group", "flag")
        for field in _fields_in(value)
    }

    def blank(record: dict[str, str], field: str) -> bool:
        text = record.get(field, "")
        return not text or (
            field in patterns and re.search(patterns[field], text, re.I) is not None
        )

    candidates = [
        field
        for field in sample.fields
        if field not in taken
        and field not in _NOT_LEVELS
        and field != sample.unit_field
        and (
            field == "article"  # the level under a group above it ("Totaal artikel 1")
            or any(
                blank(r, field) for r, total in zip(sample.records, totals, strict=True) if total
            )
        )
        and any(r.get(field) for r, total in zip(sample.records, totals, strict=True) if not total)
    ]

    def score(levels: list[str], rounding: bool = False) -> Score:
        good, wrong = trial(_totals_block([*marks, *_entries(base, levels, rounding)]))
        return good, -wrong

    if seed is None:
        levels = list(candidates)
        best = score(levels)
        while levels:  # leave out the level without which most add up, while none fewer do
            options = [[level for level in levels if level != field] for field in levels]
            tried, fewer = max(((score(option), option) for option in options), key=_first)
            if tried < best:
                break
            levels, best = fewer, tried
        rounded = score(levels, rounding=sample.rounded)
        rounding = rounded[0] > best[0]
    else:  # a built-in layout's, its rounding in ``base``
        levels, rounding = seed, False
        best = rounded = score(levels)
    final = rounded if rounding else best
    entries = _entries(base, levels, rounding)
    comments: dict[str, str] = {}
    if levels:
        why = Phrase(
            "a totals row that fills these columns sums the rows under it, which fill more of "
            "them: with them {good} of the first rows' totals rows add up, without them {without}",
            {"good": str(final[0]), "without": str(score([], rounding)[0])},
        )
        comments["levels"] = _guessed(why, lang)
    if rounding:
        more = counted(
            "{count} more of the first rows' totals rows add up within the rounding of each "
            "amount on its own (half a unit for each part and for the total)",
            "{count} more of the first rows' totals rows add up within the rounding of each "
            "amount on its own (half a unit for each part and for the total)",
            {"count": rounded[0] - best[0]},
        )
        comments["rounding"] = _guessed(more, lang)
    entries = [(key, value, comments.get(key, why)) for key, value, why in entries]
    return final, entries


def _first(scored: tuple[Score, list[str]]) -> Score:
    return scored[0]


def _entries(base: list[Entry], levels: list[str], rounding: bool) -> list[Entry]:
    entries = list(base)
    if levels:
        entries.append(("levels", json.dumps(levels), ""))
    if rounding:
        entries.append(("rounding", _quote("half-unit"), ""))
    return entries


def _fields_in(value: str) -> list[str]:
    """The field names a [totals] entry's TOML value names ("total_flag", ["year", ...])."""
    named = json.loads(value)
    return named if isinstance(named, list) else [named]


def _totals_block(entries: list[Entry]) -> list[str]:
    """The [totals] table of ``entries``; the patterns in one inline table, their comments
    above it where there are several."""
    lines = ["", "[totals]"]
    patterns = [(key.split(".", 1)[1], value, why) for key, value, why in entries if "." in key]
    for key, value, why in entries:
        if "." not in key:
            lines.append(f"{key} = {value}  {why}".rstrip())
    if patterns:
        inline = ", ".join(f"{field} = {_quote(value)}" for field, value, _ in patterns)
        if len(patterns) == 1:
            lines.append(f"patterns = {{ {inline} }}  {patterns[0][2]}".rstrip())
        else:
            lines += [why for _, _, why in patterns if why]
            lines.append(f"patterns = {{ {inline} }}")
    return lines


def _weigh(rows: Sequence[Sequence[Any]], text: str, weigh: Weigh) -> tuple[int, int]:
    """How many totals rows of ``rows`` add up, and how many do not, read by the layout
    ``text`` (none where it reads no table)."""
    import tomllib

    from reconcile.errors import ConfigError

    try:
        layout = parse_layout(tomllib.loads(text), "draft")
    except (ConfigError, tomllib.TOMLDecodeError):
        return 0, 0
    header = find_layout_header(rows, [layout])
    if header is None:
        return 0, 0
    return weigh(read_layout_grid(rows, header, "draft", None))


def _cell(row: Sequence[Any], index: int) -> str:
    return cell_text(row[index]) if index < len(row) else ""


def _combined(values: list[str]) -> bool:
    """Whether chapter cells hold the chapter and its name, cut by a comma: "XIII, Economische
    Zaken", "A, Infrastructuurfonds" (most of them: a summary block may say "Rijk")."""
    cut = [value for value in values if "," in value and _is_chapter(value)]
    return bool(cut) and len(cut) * 2 > len(values)


def _column(field: str, label: str, split: bool) -> str:
    """A field's value in [columns]: its label, or for a combined chapter cell the cut."""
    if split and field == "chapter":
        return f'{{ labels = [{_quote(label)}], split = ",", rest = "ministry" }}'
    return _quote(label)


def _is_chapter(value: str) -> bool:
    """ "XIII", "13", "XIII, Economische Zaken": a known chapter (not "1.950")."""
    first = value.split(",")[0].strip()
    return bool(_CHAPTER.match(first)) and normalise_chapter(first) in load_table().chapters


def _is_amount(value: str) -> bool:
    try:
        parse_number(value)
    except AmountError:
        return False
    return True


def _amount_name(label: str, amounts: Amounts) -> str:
    name = fold(label)
    taken = {amount for amount, _, _ in amounts}
    return name if name not in taken else f"{name} {len(amounts) + 1}"


def _free_name(label: str, columns: Columns) -> str:
    """A field name made of the label: lower case, words joined by "_", in the letters a TOML
    key takes bare ("Catégorie" is "categorie"; "één" stood as a key TOML refuses)."""
    ascii_label = unicodedata.normalize("NFKD", fold(label)).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", " ", ascii_label).split()[:3]  # "type_begroting_zie", not all
    base = "_".join(words) or "column"
    name, count = base, 1
    while name in columns or name in FIELDS:
        count += 1
        name = f"{base}_{count}"
    return name


def _key(
    columns: Columns, where: dict[str, int], body: Sequence[Sequence[Any]]
) -> tuple[list[str], Phrase]:
    """The fields that tell the rows apart, and why: the key of the built-in layout whose
    flag column of totals and key fields the table has (a B-table's key names a regeling's
    whole place, down to "Nadere omschrijving", which the first rows need not show: drafted
    from the 2017 table's first rows, the key found 223 duplicates, 13 with the layout's);
    else the place fields and what else tells the first rows apart."""
    for layout in load_layouts().values():
        flag = layout.totals.flag if layout.totals else None
        if layout.key and flag in where and set(layout.key) <= set(where):
            return list(layout.key), Phrase(
                "the key of the built-in layout {layout}, whose fields this table has",
                {"layout": layout.name},
            )
    return _drafted_key(columns, where, body)


def _repeats(key: list[str], where: dict[str, int], body: Sequence[Sequence[Any]]) -> int:
    """How many rows of ``body`` repeat another's ``key``."""
    indexes = [where[name] for name in key]
    seen = Counter(
        tuple(cell_text(row[i]) if i < len(row) else "" for i in indexes) for row in body
    )
    return sum(count - 1 for count in seen.values())


def _drafted_key(
    columns: Columns, where: dict[str, int], body: Sequence[Sequence[Any]]
) -> tuple[list[str], Phrase]:
    """The place fields found, and where two rows below the header share those, the
    description and then the other fields in the header's order until none do (a table per
    regeling repeats its article)."""
    place: list[str] = [f for f in ("year", "series", "chapter", "article") if f in columns]
    others = [field for field in columns if field not in place and field != "ministry"]
    others.sort(key=lambda field: (field != "description", where[field]))
    key, best, fewest = list(place), list(place), len(body) + 1
    for field in [None, *others]:
        if field is not None:
            key.append(field)
        repeats = _repeats(key, where, body)
        if not repeats:
            if field is None:
                return key, Phrase("the place fields found; add what else tells rows apart")
            return key, Phrase(
                "the place fields repeat in the first rows; with {field} they do not",
                {"field": field},
            )
        if repeats < fewest:
            best, fewest = list(key), repeats
    return best, counted(
        "{count} of the first rows repeats another in every field these fields need: a row "
        "twice, or say what else tells them apart",
        "{count} of the first rows repeat another in every field these fields need: a row "
        "twice, or say what else tells them apart",
        {"count": fewest},
    )


def _indexes(header: list[str], amounts: Amounts) -> list[int]:
    labels = {label for _, label, _ in amounts}
    return [index for index, label in enumerate(header) if label in labels]


def _unit(above: Sequence[Sequence[Any]], labels: Sequence[str], lang: str) -> list[str]:
    """The unit line: a caption above the header's, else the one the amounts' labels state
    ("Bedrag (x € 1.000)", "Amount (EUR mln)") where they all agree, else assumed."""
    for row in above:
        for cell in row:
            unit = find_unit(cell_text(cell))
            if unit is not None:
                caption = Phrase("the caption {caption}", {"caption": _quote(cell_text(cell))})
                return [f"unit = {_quote(unit.label)}  # {render(caption, lang)}"]
    stated = {label: unit for label in labels if (unit := find_unit(label)) is not None}
    if stated and len({unit.euros for unit in stated.values()}) == 1:
        label, unit = next(iter(stated.items()))
        headed = Phrase("the header {label}", {"label": _quote(label)})
        return [f"unit = {_quote(unit.label)}  # {render(headed, lang)}"]
    if stated:
        differ = Phrase(
            "the amounts' labels state different units: {labels}; give each its own layout",
            {"labels": ", ".join(_quote(label) for label in stated)},
        )
        return [f'unit = "x € 1.000"  {_guessed(differ, lang)}']
    none = Phrase("no caption above the header; open data is x € 1.000")
    unsaid = Phrase("the file does not say: a finding will say it is assumed")
    return [
        f'unit = "x € 1.000"  {_guessed(none, lang)}',
        f"unit_stated = false  # {render(unsaid, lang)}",
    ]


def _numbers(values: list[str]) -> tuple[str, Phrase]:
    """The number format the amounts are written in, and why."""
    styles = Counter(style for value in values if (style := number_style(value)) is not None)
    if styles[DUTCH] > styles[ENGLISH]:
        return "dutch", counted(
            "{count} amount written the Dutch way (1.234,5)",
            "{count} amounts written the Dutch way (1.234,5)",
            {"count": styles[DUTCH]},
        )
    if styles[ENGLISH]:
        return "english", counted(
            "{count} amount written the English way (1,234.5)",
            "{count} amounts written the English way (1,234.5)",
            {"count": styles[ENGLISH]},
        )
    # Only "1.234"s: a thousands point, unless the column writes 1234 without one elsewhere.
    points = [value for value in values if is_ambiguous(value) and "." in value]
    if points and not any(_UNGROUPED.match(value.strip()) for value in values):
        return "dutch", counted(
            "{count} amount such as {example} read with a thousands point (no amount is "
            'written 1234 without one); "plain" if the point is a decimal mark',
            "{count} amounts such as {example} read with a thousands point (no amount is "
            'written 1234 without one); "plain" if the point is a decimal mark',
            {"count": len(points), "example": _quote(points[0])},
        )
    return "plain", Phrase("no thousands separator seen; a point is the decimal mark")


def _quote(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


__all__ = ["draft_layout", "first_rows"]
