"""Validate stage: a sheet's raw lines -> budget lines in euros, plus findings at their cells.

Lines are normalised into one tidy frame (ministry, chapter, article, description, series,
year, amount in cents) and checked by the pandera schema in ``schema.py``, all at once.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from reconcile.codes import CODES, make_finding
from reconcile.i18n import N_
from reconcile.kinds import (
    COUNTERPART_FIELDS,
    KIND_CHOICES,
    KIND_LABEL,
    RESERVATION,
    TRANSFERS,
    Kind,
    LineKind,
    Told,
    counterpart_in_cell,
    counterpart_text,
    fold,
    kind_hint,
    misspelt_counterpart,
    owned_chapter_names,
    says_a_kind,
    tell_kind,
)
from reconcile.ministries import MinistryTable, normalise_chapter
from reconcile.model import BudgetLine, CellRef, Finding, Phrase
from reconcile.nearest import did_you_mean, nearest
from reconcile.read import LineColumns, RawLine, SheetTable
from reconcile.read.cells import SERIES_WORDS as _SERIES
from reconcile.read.cells import cell_text, normalise_series, per_value
from reconcile.read.find_table import aliases, labels, parse_year
from reconcile.text_mark import without_text_mark
from reconcile.validate.blocks import read_as_meant
from reconcile.validate.identify import (
    identify_ministry,
    ministry_chapter_hint,
    misspelt_budget_hint,
)
from reconcile.validate.schema import (
    FIELD_OF_COLUMN,
    KEY_COLUMNS,
    Failure,
    SchemaContext,
    build_schema,
    run_schema,
    wait_for_preload,
)
from reconcile.validate.totals import check_totals

# "2", "02", "art. 2", "2.0" and "2,0" (a float's column saved as CSV text), and the number
# with the article's name as a template's list shows it ("2 Bedrijvenbeleid", "2. Bedrijven-
# beleid"); not "2.1" or "2 en 3".
_ARTICLE = re.compile(
    r"^(?:art(?:ikel)?\.?\s*)?0*(\d+[A-Za-z]?)(?:[.,]0+)?"
    r"(?:[.:]?\s+(?!(?:en|t/m|of)\b)[^\W\d].*)?$",
    re.IGNORECASE | re.DOTALL,
)
# What a title line above the header may say of every line of a table printed per article:
# "Beleidsartikel 1 Goed functionerende economie en markten", "Ontvangsten beleidsartikel",
# after its section's number: "4.3 Artikel 11 Nominaal en onvoorzien".
# One article and one series only: "Artikel 2 en 3", "Uitgaven en ontvangsten" say neither.
_TITLE_ARTICLE = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?"  # a section's number: "4.3 "
    r"(?:niet[- ]?)?(?:beleids)?artikel\s+0*(\d+[A-Za-z]?)\b(?!\s*(?:[,&/+\-‒–]|en\b|t/m))",
    re.IGNORECASE,
)
_TITLE_SERIES = re.compile(r"^(verplichtingen|uitgaven|ontvangsten)\b", re.IGNORECASE)
_SERIES_WORD = re.compile(r"\b(?:verplichtingen|uitgaven|ontvangsten)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Rules:
    """What validation needs from the announcement."""

    ministries: MinistryTable
    years: tuple[int, ...]
    series: str  # the series counted; also assumed when a table has no V/U/O column


@dataclass
class ValidatedTable:
    ministry: str | None
    lines: list[BudgetLine] = field(default_factory=list)  # the lines that count
    findings: list[Finding] = field(default_factory=list)
    uncounted: dict[str, int] = field(default_factory=dict)  # series -> lines not counted
    copied_rows: frozenset[int] = frozenset()  # sheet rows of a block repeated: not checked


def chapter_hint(text: str, shown: Mapping[str, str]) -> Phrase | str:
    """ "Did you mean ..." for an unknown chapter: the known one nearest ``text``, with what
    ``shown`` shows beside it (chapter -> its ministry, or its name), or "" when none is near."""
    meant = nearest(text, shown)
    return did_you_mean(text, [meant], shown[meant]) if meant else ""


def _text(value: Any) -> str | None:
    return cell_text(value) or None


@functools.lru_cache(maxsize=4096, typed=True)  # few distinct values, many lines
def normalise_article(value: Any) -> str | None:
    text = _text(value)
    if text is None:
        return None
    match = _ARTICLE.match(without_text_mark(text))  # "'2": Excel's text mark
    return match.group(1) if match else text


def _cents(amount: Decimal) -> int:
    """Cents for the schema's sign check, held within Int64: a hostile cell may hold 1e300.

    Only the sign is checked here; lines keep their exact Decimal amount.
    """
    return max(-_INT64_MAX, min(_INT64_MAX, int(amount * 100)))


_INT64_MAX = 2**63 - 1


def _columns(
    lines: LineColumns, columns: Sequence[str], ministry: str | None, series: str
) -> dict[str, list[Any]]:
    """The frame's columns as lists, each value normalised once (the frame is built from them,
    and validation reads them back from here: reading a frame cell by cell is slow)."""
    values = lines.values
    data: dict[str, list[Any]] = {"ministry": [ministry] * len(lines)}
    if "chapter" in columns:
        data["chapter"] = per_value(_chapter, values["chapter"])
    if "article" in columns:
        data["article"] = per_value(normalise_article, values["article"])
    if "description" in columns:
        # (a long table repeats each line's description once per year)
        data["description"] = per_value(_text, values["description"])
    data["series"] = (
        per_value(normalise_series, values["series"])
        if "series" in columns
        else [series] * len(lines)
    )
    data["year"] = per_value(parse_year, lines.years)
    data["amount_cents"] = list(map(_cents_or_none, lines.amounts))
    return data


def _chapter(value: Any) -> str | None:
    return normalise_chapter(value) or _text(value)


def _cents_or_none(amount: Decimal | None) -> int | None:
    return None if amount is None else _cents(amount)


def _frame_of(data: dict[str, list[Any]]) -> Any:
    import pandas as pd

    frame: dict[str, Any] = {}
    for column, values in data.items():
        if column in ("year", "amount_cents"):
            frame[column] = pd.array(values, dtype="Int64")
        else:
            frame[column] = pd.Series(values, dtype="str")  # None stays missing
    return pd.DataFrame(frame)


def validate_table(table: SheetTable, rules: Rules) -> ValidatedTable:
    findings = check_totals(table)
    lines, carried = read_as_meant(table)
    findings += carried
    ministry, identified = identify_ministry(table, rules.ministries, lines)
    findings += identified
    columns = [
        f for f in ("chapter", "article", "description", "series") if f in table.header.columns
    ]
    header_ref = CellRef(table.file, table.sheet, f"A{table.header.row}")
    titled = {} if {"article", "series"} <= set(columns) else _said_by_title(table)
    series = rules.series
    # A table printed per article says its series by headings ("Uitgaven"), over its lines.
    headed = "series" not in columns and any(v is not None for v in lines.values["series"])
    if headed:
        columns.append("series")
    if "series" not in columns or (headed and None in lines.values["series"]):
        if "series" in titled:
            series, ref, text = titled["series"]
            findings.append(_from_title("series", series, ref, text))
        else:
            findings.append(make_finding("series-assumed", header_ref, series=rules.series))
    if table.shape == "long" and "year" not in table.header.columns:
        findings.append(_missing_column("year", header_ref))
    uncomputed = any(f.code == "table-not-computed" for f in table.findings)
    if not len(lines) and not uncomputed:  # an untouched template: nothing to check
        findings.append(make_finding("table-empty", header_ref))
    wait_for_preload()  # pandas and pandera are used from here on
    data = _columns(lines, columns, ministry, series)
    if headed:  # the lines above the first series heading: the title's series, or assumed
        data["series"] = [series if s is None else s for s in data["series"]]
    if table.instruments:  # the instrument heading each line stands under, in its key
        data["instrument"] = [table.instruments.get(i) for i in range(len(lines))]
    if "article" not in columns and "article" in titled:
        article, ref, text = titled["article"]
        data["article"] = [article] * len(lines)
        findings.append(_from_title("article", article, ref, text))
    if "chapter" not in columns and ministry is not None:
        findings += _chapter_of_ministry(data, rules.ministries, ministry, header_ref)
    kinds = _kinds(lines, data, ministry, rules)
    plain = kinds.count(RESERVATION) == len(kinds)  # the usual table: all reservations
    # The kind in the duplicate key: an overboeking with its other ministry, so that one van
    # Defensie and one van OCW, alike in all else, are two lines; one paired with none, with
    # its counterpart cells as typed ("Onderwijs" and "Defensi" are two lines, each said).
    data["kind"] = (
        [RESERVATION.kind.value] * len(kinds)
        if plain
        else [
            " ".join(filter(None, (k.kind.value, k.counterpart or other)))
            for k, other in zip(kinds, _counterparts(lines), strict=True)
        ]
    )
    if not plain:
        findings += _kind_findings(lines, kinds, ministry, rules.ministries, table.labels)
    frame = _frame_of(data)
    context = SchemaContext(
        chapters=frozenset(rules.ministries.chapters),
        years=rules.years,
        chapter_owner=rules.ministries.owners,
        # its stands as columns, or a stand before and after its lines as rows: a table of
        # mutations, where a cut is as much a mutation as an addition
        mutations=table.header.stand_year is not None or len(table.row_stands) > 1,
    )
    failures = run_schema(frame, build_schema(context, frame.columns))
    translator = _Translator(table, lines, frame, rules, ministry, header_ref)
    findings += translator.findings(failures)
    del frame, translator  # freed before the lines are made (a large table's peak memory)

    result = ValidatedTable(ministry, findings=findings)
    # The frame's columns as the lists it was built from: reading a frame per line is slow.
    series_of, years = _texts(data, "series"), data["year"]
    # A line counts with an amount and a year in range (else it has a finding), in the series
    # counted; the lines of other series are counted per series.
    in_range = frozenset(rules.years)
    if _all_counted(lines.amounts, years, series_of, in_range, rules.series):
        result.lines = _budget_lines(
            ministry or "?", range(len(lines)), lines, data, series_of, kinds
        )
        return result
    candidates = [
        (index, amount)
        for index, (amount, year) in enumerate(zip(lines.amounts, years, strict=True))
        if amount is not None and year in in_range
    ]
    result.uncounted = dict(
        Counter(series_of[i] or "?" for i, _ in candidates if series_of[i] != rules.series)
    )
    counted = [index for index, _ in candidates if series_of[index] == rules.series]
    result.lines = _budget_lines(ministry or "?", counted, lines, data, series_of, kinds)
    return result


def _said_by_title(table: SheetTable) -> dict[str, tuple[str, CellRef, str]]:
    """The article and the series the title lines above the header give every line of a table
    printed per article, each with its cell and text: the first line that says it."""
    said: dict[str, tuple[str, CellRef, str]] = {}
    for text, ref in table.title:
        text = text.strip()
        if "article" not in said and (match := _TITLE_ARTICLE.match(text)):
            said["article"] = (match.group(1), ref, text)
        match = _TITLE_SERIES.match(text)
        if "series" not in said and match and len(_SERIES_WORD.findall(text)) == 1:
            said["series"] = (_SERIES[match.group(1).upper()], ref, text)
    return said


def _from_title(name: str, value: str, where: CellRef, text: str) -> Finding:
    title = f"“{text}”"  # a long title is cut where the finding keeps it (model.quoted)
    return make_finding("field-from-title", where, field=labels()[name], value=value, title=title)


def _chapter_of_ministry(
    data: dict[str, list[Any]], ministries: MinistryTable, ministry: str, where: CellRef
) -> list[Finding]:
    """A table without a chapter column is on its ministry's own budget (a ministry's mutation
    table, "Departementale uitgavenmutaties"): the one chapter of the ministry that is not a
    fund (a letter), put in ``data``; nothing when there is no such one chapter (Financiën:
    IXA and IXB), and the column stays missing."""
    own = [c for c in ministries.ministries[ministry].chapters if len(c) > 1 or c in "IVX"]
    if len(own) != 1:
        return []
    data["chapter"] = [own[0]] * len(data["ministry"])
    return [make_finding("chapter-from-ministry", where, chapter=own[0], ministry=ministry)]


def _kinds(
    lines: LineColumns,
    data: dict[str, list[Any]],
    ministry: str | None,
    rules: Rules,
) -> list[LineKind]:
    """Each line's kind, told once per distinct (kind cell, description, sign of the amount,
    counterpart cells, and whether the kind cell is the kind heading the line stands under)."""
    cells = per_value(_text, lines.values["kind"])
    others = _counterparts(lines)
    descriptions = data.get("description") or [None] * len(lines)
    if not any(cells) and not any(others) and not any(map(says_a_kind, set(descriptions))):
        return [RESERVATION] * len(lines)  # the usual table: nothing says a kind
    signs = [None if a is None else (a > 0) - (a < 0) for a in lines.amounts]
    # A line under a kind heading has its kind cell on the heading's row (make_lines).
    headed = [place.get("kind", (None, 0))[0] is not None for place in lines.places]
    chapters = data.get("chapter") or [None] * len(lines)  # an overboeking to its own fund
    told: dict[tuple[Any, ...], LineKind] = {}
    out = []
    keys = zip(
        cells, descriptions, signs, others, headed or [False] * len(lines), chapters, strict=True
    )
    for key in keys:
        kind = told.get(key)
        if kind is None:
            cell, description, sign, other, heading, chapter = key
            amount = None if sign is None else Decimal(sign)
            kind = told[key] = tell_kind(
                cell, description, amount, ministry, rules.ministries, other, chapter
            )
            if heading and kind.told is Told.COLUMN:
                kind = told[key] = replace(kind, told=Told.HEADING)
        out.append(kind)
    # An overboeking that names no ministry, beside its other article (Van/naar artikel),
    # moves money within its budget
    for index, article in enumerate(lines.values["counterpart_article"]):
        kind = out[index]
        if _text(article) and kind.problem == "transfer-counterpart-unknown" and not kind.said:
            out[index] = LineKind(Kind.HERSCHIKKING, kind.told)
    return out


def _counterparts(lines: LineColumns) -> list[str | None]:
    """What each line's counterpart cells (Van/naar, Naar, Van) say, as one text."""
    columns = [lines.values[name] for name in COUNTERPART_FIELDS]
    if all(column.count(None) == len(column) for column in columns):
        return [None] * len(lines)  # the usual table: no such column, or all empty
    texts = [list(map(_text, column)) for column in columns]
    return list(itertools.starmap(counterpart_text, zip(*texts, strict=True)))


def _counterpart_field(
    line: RawLine, ministry: str | None, ministries: MinistryTable, kind: LineKind
) -> str | None:
    """The counterpart column a finding on ``line`` points at: the first of its cells that
    is filled and names no ministry but the file's own (the one at fault), else the first
    filled; with none filled, the one to fill (for an overboeking naar, "Naar"); None when
    the table has no such column."""
    present = [name for name in COUNTERPART_FIELDS if name in line.cells]
    filled = [name for name in present if _text(line.values.get(name))]
    for name in filled:
        if ministry not in ministries.named_in(_text(line.values.get(name)) or ""):
            return name
    if filled:
        return filled[0]
    if kind.kind is Kind.TRANSFER_IN and "counterpart_from" in present:
        return "counterpart_from"
    return present[0] if present else None


def _kind_named(kind: LineKind) -> str | Phrase:
    """A kind as a note names it: "kasschuif", "overboeking naar EZ"."""
    label = KIND_LABEL[kind.kind]
    if kind.kind in TRANSFERS and kind.counterpart is None:  # also an error at the same cell
        return Phrase("{label} (no ministry named)", {"label": label})
    return f"{label} {kind.counterpart}" if kind.counterpart else label


def _kind_findings(
    lines: LineColumns,
    kinds: list[LineKind],
    ministry: str | None,
    ministries: MinistryTable,
    headers: Mapping[str, str],
) -> list[Finding]:
    """A note where a kind was told from the description, and each kind's problem, once per
    cell (a wide row's lines share their description and kind cells). ``ministry``: whose
    table it is, among ``ministries``; ``headers``: each column's label as written."""
    findings: dict[tuple[str, CellRef], Finding] = {}
    for index, kind in enumerate(kinds):
        if kind.told is not Told.DESCRIPTION and kind.problem is None:
            continue
        line = lines.line(index)
        description = _text(line.values.get("description")) or ""
        # (not beside a conflict, which says both: "from the description" it was no
        # overboeking naar OCW when the description says BZK)
        if kind.told is Told.DESCRIPTION and kind.problem not in _SAYS_ITS_WORDS:
            where = line.cells["description"]
            findings.setdefault(
                ("kind-from-description", where),
                make_finding(
                    "kind-from-description",
                    where,
                    kind=_kind_named(kind),
                    description=f'"{description}"',
                    cell=_counterpart_told(line, kind, ministry, ministries, headers),
                ),
            )
        if kind.problem == "kind-unknown":
            where = line.cells["kind"]
            typed = _text(line.values.get("kind")) or ""
            finding = make_finding(
                "kind-unknown",
                where,
                value=f'"{typed}"',
                kinds=", ".join(KIND_CHOICES),
                hint=kind_hint(typed),
            )
        elif kind.problem == "transfer-counterpart-unknown":
            finding = _no_counterpart(line, kind, description, ministry, ministries, headers)
            where = finding.location
        elif kind.problem == "vrijval-sign":
            where = line.cells["amount"]
            finding = make_finding("vrijval-sign", where, amount=line.amount)
        elif kind.problem is not None and kind.problem.startswith(
            ("counterpart-", "kind-from-", "transfer-internal")
        ):
            finding = _counterpart_finding(line, kind, ministry, ministries, headers)
            where = finding.location
        elif kind.problem == "transfer-sign":
            where = line.cells["amount"]
            finding = make_finding(
                "transfer-sign",
                where,
                amount=line.amount,
                direction=KIND_LABEL[kind.kind].split()[-1],
                counterpart=kind.counterpart,
            )
        else:
            continue
        findings.setdefault((finding.code, where), finding)
    return list(findings.values())


# Problems whose finding quotes the line's words itself: no note on where its kind came from.
_SAYS_ITS_WORDS = frozenset({"counterpart-conflict", "transfer-internal"})


def _counterpart_told(
    line: RawLine,
    kind: LineKind,
    ministry: str | None,
    ministries: MinistryTable,
    headers: Mapping[str, str],
) -> Phrase | str:
    """Where an overboeking told from its description has its other ministry from, when that
    is a counterpart cell (Van/naar) and not the description: said after the description."""
    if kind.kind not in TRANSFERS or kind.counterpart is None:
        return ""
    name = _counterpart_field(line, ministry, ministries, kind)
    value = _text(line.values.get(name)) if name is not None else None
    if name is None or value is None:
        return ""
    column = f"“{headers.get(name) or labels()[name]}”"
    return Phrase(
        ", its other ministry from the {column} cell {value}",
        {"column": column, "value": f'"{value}"'},
    )


def _no_counterpart(
    line: RawLine,
    kind: LineKind,
    description: str,
    ministry: str | None,
    ministries: MinistryTable,
    headers: Mapping[str, str],
) -> Finding:
    """An overboeking whose words name no other ministry, or several (``kind.said``): at its
    empty counterpart cell when the table has that column, else at its description."""
    name = _counterpart_field(line, ministry, ministries, kind)
    if name is not None:  # the table has a column for it: its empty cell
        where = line.cells[name]
        column = f"“{headers.get(name) or labels()[name]}”"
        fix = Phrase("name it in the {column} column", {"column": column})
    else:
        where = line.cells.get("description") or line.cells["amount"]
        fix = Phrase('name it in the description ("Overboeking naar EZ")')
    reason = Phrase("names no other ministry")
    near = misspelt_counterpart(description, ministry, ministries)
    hint: Phrase | str = did_you_mean(near[0], [near[1]]) if near else ""
    if kind.said is not None:  # "Overboekingen naar EZ, BZK en HCVS"
        reason = Phrase(
            "names more than one other ministry ({ministries})", {"ministries": kind.said}
        )
        fix, hint = Phrase("write the overboeking to or from each on a line of its own"), ""
    return make_finding(
        "transfer-counterpart-unknown",
        where,
        description=f'"{description}"',
        reason=reason,
        fix=fix,
        hint=hint,
    )


# Why a counterpart cell names no other ministry (kinds.counterpart_in_cell), as a message says.
_NO_COUNTERPART = {
    "own": N_("names {ministry}, this file's own ministry"),
    "several": N_("names more than one ministry"),
    "unknown": N_("names no ministry reconcile knows"),
}


def _counterpart_finding(
    line: RawLine,
    kind: LineKind,
    ministry: str | None,
    ministries: MinistryTable,
    headers: Mapping[str, str],
) -> Finding:
    """The finding a line's counterpart cell (Van/naar) calls for, at that cell."""
    name = _counterpart_field(line, ministry, ministries, kind) or "counterpart"
    where = line.cells[name]
    value = _text(line.values.get(name)) or ""
    quoted, column = f'"{value}"', f"“{headers.get(name) or labels()[name]}”"
    if kind.problem == "counterpart-unknown":
        # why the cell at fault names none ("RVO" in Van beside "EZ" in Naar: unknown)
        why = counterpart_in_cell(value, ministry, ministries)[1] or kind.said or "unknown"
        reason = Phrase(_NO_COUNTERPART[why], {"ministry": ministry})
        hint = _ministry_meant(value, ministries) if why == "unknown" else ""
        return make_finding(
            "counterpart-unknown", where, value=quoted, column=column, reason=reason, hint=hint
        )
    if kind.problem == "counterpart-conflict":
        description = _text(line.values.get("description")) or _text(line.values.get("kind"))
        return make_finding(
            "counterpart-conflict",
            where,
            value=quoted,
            column=column,
            counterpart=kind.counterpart,
            described=kind.said,
            words=f'"{description}"',
        )
    if kind.problem == "transfer-internal":
        return make_finding("transfer-internal", where, value=quoted, column=column)
    if kind.problem == "counterpart-not-transfer":
        return make_finding(
            "counterpart-not-transfer",
            where,
            value=quoted,
            column=column,
            kind=KIND_LABEL[kind.kind],
        )
    return make_finding(
        "kind-from-counterpart", where, kind=_kind_named(kind), value=quoted, column=column
    )


def _ministry_meant(typed: str, ministries: MinistryTable) -> Phrase | str:
    """ "Did you mean ...?" for a counterpart cell naming no ministry: the one whose name it
    starts ("Onderwijs": Onderwijs, Cultuur en Wetenschap), else the name of a ministry or of
    a budget with an owner that it nearly spells ("Gemeentefnds": Gemeentefonds, BZK's)."""
    names = [(m.code, n) for m in ministries.ministries.values() for n in (m.code, *m.names)]
    start = _words(typed)
    started: dict[str, str] = {}
    for code, name in names:
        if _words(name).startswith(f"{start} "):
            started.setdefault(code, name)
    if len(start) > 3 and len(started) == 1:
        (name,) = started.values()
        return Phrase(" Did you mean {meant}?", {"meant": name})
    return did_you_mean(typed, [name for _, name in names] + owned_chapter_names(ministries))


def _words(text: str) -> str:
    """``text`` folded, its punctuation dropped: "Onderwijs, Cultuur" -> "onderwijs cultuur"."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold(text)).split())


def _all_counted(
    amounts: list[Decimal | None],
    years: list[int | None],
    series: list[str],
    in_range: frozenset[int],
    counted: str,
) -> bool:
    """Whether every line counts (an amount, a year in range, the series counted), told by a
    few C-level passes: the usual valid table, where the filter below would keep every line."""
    return (
        set(map(type, amounts)) <= {Decimal} and set(years) <= in_range and set(series) <= {counted}
    )


def _budget_lines(
    ministry: str,
    counted: Sequence[int],
    lines: LineColumns,
    data: dict[str, list[Any]],
    series: list[str],
    kinds: list[LineKind],
) -> list[BudgetLine]:
    """The counted lines (``counted``: their indexes) as BudgetLines, made by ``map`` over
    columns, in the order of BudgetLine's fields: no Python call per line but its own."""
    every = len(counted) == len(lines)  # the usual table: every line counts

    def pick(column: list[Any]) -> list[Any]:
        return column if every else [column[index] for index in counted]

    chapters, articles, descriptions = (
        _texts(data, column) for column in ("chapter", "article", "description")
    )
    return list(
        map(
            BudgetLine,
            itertools.repeat(ministry, len(counted)),
            pick(chapters),
            pick(articles),
            pick(descriptions),
            pick(series),
            pick(data["year"]),
            pick(lines.amounts),
            lines.cells("amount", counted),
            *_kind_columns(kinds, pick),
        )
    )


def _kind_columns(
    kinds: list[LineKind], pick: Callable[[list[Any]], list[Any]]
) -> tuple[list[Any], list[Any], list[Any]]:
    """The kind, how it was told and the counterpart of each line (``pick``: the counted)."""
    if kinds.count(RESERVATION) == len(kinds):  # the usual table: repeat, not one per line
        count = len(pick(kinds))
        return ([RESERVATION.kind.value] * count, [RESERVATION.told.value] * count, [None] * count)
    return (
        pick([k.kind.value for k in kinds]),
        pick([k.told.value for k in kinds]),
        pick([k.counterpart for k in kinds]),
    )


def _texts(data: dict[str, list[Any]], column: str) -> list[str]:
    """A text column as strings, "" where it is empty or absent."""
    if column not in data:
        return [""] * len(data["ministry"])
    values = data[column]  # each a str or None
    return values if all(values) else [value or "" for value in values]  # (all: in C)


def _missing_column(name: str, where: CellRef) -> Finding:
    shown = labels()[name]
    examples = ", ".join(f'"{a}"' for a in (shown, *aliases()[name][1:3]))
    return make_finding("missing-column", where, field=shown, examples=examples)


def _shown(value: Any) -> str:
    text = _text(value)
    return f'"{text}"' if text is not None else "(empty)"


class _Translator:
    """Turns pandera failure cases into findings at the cells they came from."""

    def __init__(
        self,
        table: SheetTable,
        lines: LineColumns,
        frame: Any,
        rules: Rules,
        ministry: str | None,
        header_ref: CellRef,
    ) -> None:
        self.table, self.lines, self.frame, self.rules = table, lines, frame, rules
        self.ministry, self.header_ref = ministry, header_ref
        self.owner = rules.ministries.owners
        self._first: dict[tuple[str, ...], int] | None = None
        self._keys: list[tuple[str, ...]] = []

    def ref(self, line: int, name: str) -> CellRef:
        return self.lines.line(line).cells.get(name) or CellRef(self.table.file, self.table.sheet)

    def findings(self, failures: list[Failure]) -> list[Finding]:
        out: list[Finding] = []
        seen: set[tuple[str, CellRef]] = set()
        for failure in failures:
            finding = self.translate(failure)
            if finding is None:
                continue
            # A wide row gives one line per year: a problem in its shared cells is said once.
            key = (finding.code, finding.location)
            if key not in seen:
                seen.add(key)
                out.append(finding)
        return out

    def translate(self, failure: Failure) -> Finding | None:
        check, line = failure.check, failure.line
        if check == "column_in_dataframe":
            return _missing_column(str(failure.value), self.header_ref)
        if line is None:
            return make_finding(
                "invalid-value",
                self.header_ref,
                value=_shown(failure.value),
                field=failure.column or "table",
                check=check,
            )
        raw = self.lines.line(line)
        column = failure.column or ""
        name = FIELD_OF_COLUMN.get(column, column)
        if check == "not_nullable":
            return self.empty(line, raw, name)
        if check == "multiple_fields_uniqueness":
            return make_finding(
                "duplicate-line", self.ref(line, "amount"), other=self.first_of_duplicate(line)
            )
        if check == "chapter-not-of-ministry":
            chapter = self.frame["chapter"].iat[line]
            return make_finding(
                "chapter-not-of-ministry",
                self.ref(line, "chapter"),
                chapter=chapter,
                owner=self.owner.get(chapter, "?"),
                ministry=self.ministry,
            )
        if check == "year-out-of-range":
            years = f"{self.rules.years[0]}–{self.rules.years[-1]}"
            return make_finding(check, self.ref(line, "year"), year=failure.value, years=years)
        if check == "negative-reservation":
            return make_finding(check, self.ref(line, "amount"), amount=raw.amount)
        if check == "chapter-unknown":
            value = raw.values.get(name)
            text = _text(value) or ""
            ministries = self.rules.ministries
            hint = (
                ministry_chapter_hint(text, ministries)
                or chapter_hint(text, self.owner)
                or misspelt_budget_hint(text, ministries)
            )
            return make_finding(check, self.ref(line, name), value=_shown(value), hint=hint)
        if check in CODES:
            return make_finding(check, self.ref(line, name), value=_shown(raw.values.get(name)))
        return make_finding(
            "invalid-value",
            self.ref(line, name),
            value=_shown(failure.value),
            field=name,
            check=check,
        )

    def empty(self, line: int, raw: RawLine, name: str) -> Finding | None:
        if name == "amount":
            if raw.amount_problem == "not-computed":
                return None  # the reader reported the formula without a result
            if raw.amount_problem in ("not-a-number", "unreadable"):
                effect = Phrase("it is not counted, so the total is incomplete")
                if raw.amount_problem == "unreadable":  # "5,1 mln", "ca. 300": not PM
                    effect = Phrase(
                        "it is not counted, so the total is incomplete: write the number "
                        "alone, in the table's unit ({unit})",
                        {"unit": self.table.unit.label},
                    )
                return make_finding(
                    "amount-not-a-number",
                    self.ref(line, "amount"),
                    value=_shown(raw.amount_raw),
                    effect=effect,
                )
        if name == "year" and _text(raw.year) is not None:
            return make_finding("year-invalid", self.ref(line, "year"), value=_shown(raw.year))
        if name == "description":
            return make_finding("empty-description", self.ref(line, "description"))
        label = labels().get(name, name)
        return make_finding("missing-value", self.ref(line, name), field=label)

    def first_of_duplicate(self, line: int) -> str:
        if self._first is None:
            keys = [c for c in KEY_COLUMNS if c in self.frame.columns]
            self._keys = list(self.frame[keys].astype("str").itertuples(index=False, name=None))
            self._first = {}
            for index, key in enumerate(self._keys):
                self._first.setdefault(key, index)
        return str(self.ref(self._first[self._keys[line]], "amount").cell)


__all__ = ["Rules", "ValidatedTable", "normalise_article", "normalise_series", "validate_table"]
