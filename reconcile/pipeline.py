"""The whole flow, read -> validate -> reconcile, as the two functions the command line calls."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path, PurePosixPath

from reconcile.announcement import Announcement, load_announcement
from reconcile.codes import make_finding
from reconcile.errors import InputError, os_reason
from reconcile.limits import MB
from reconcile.model import BudgetLine, CellRef, FileResult, Finding, Phrase, Severity
from reconcile.read import (
    CSV_SUFFIXES,
    DEFAULT_LIMITS,
    WORKBOOK_SUFFIXES,
    FileRead,
    Limits,
    read_file,
)
from reconcile.read.layouts import LayoutTable, one_per_column
from reconcile.report.output import resolved
from reconcile.report.record import Report
from reconcile.rules import Reconciliation, Submission, reconcile
from reconcile.rules.herschikking import herschikking_findings
from reconcile.rules.kasschuif import kasschuif_findings
from reconcile.rules.units import unit_findings
from reconcile.validate import Rules, validate_table
from reconcile.validate.layout import validate_layout_table
from reconcile.validate.schema import preload
from reconcile.xlsx import written_by_reconcile

ANNOUNCEMENT_FILE = "announcement.toml"

# Told (files read so far, files in all, the file being read) as reading goes on.
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Input:
    path: Path
    display: str  # the path as the user wrote it (forward slashes), used in every report
    problem: Phrase | None = None  # why this input gives nothing to read (an empty folder)
    in_folder: bool = False  # found in a folder the user named, not named itself


def display_path(text: str) -> str:
    """A path as the user wrote it, with forward slashes: how every report names a file."""
    return str(PurePosixPath(text.replace("\\", "/")))


def collect_inputs(paths: list[str]) -> list[Input]:
    """The files to read, in name order: files as given, folders expanded to their workbooks
    and CSV files.

    A folder contributes its workbooks and CSV files (not its subfolders) in name order, case
    ignored, so a listing gives the same order on every system. Lock files of Excel (``~$x.xlsx``)
    and LibreOffice (``.~lock.x.ods#``) and hidden files are skipped. Paths that do not exist are
    kept: reading them gives a finding. Every file, found or named, goes through the same
    pre-flight when it is read.
    """
    inputs: list[Input] = []
    for text in paths:
        path = Path(text)
        if _is_folder(path):
            try:
                children = list(path.iterdir())
            except OSError as exc:  # a folder that may not be listed
                problem = Phrase(
                    "the folder cannot be listed ({reason})",
                    {"reason": os_reason(exc)},
                )
                inputs.append(Input(path, display_path(text), problem))
                continue
            found = sorted(
                filter(_is_table_file, children),
                key=lambda child: (child.name.casefold(), child.name),
            )
            if not found:
                names = ", ".join((*WORKBOOK_SUFFIXES, *CSV_SUFFIXES))
                problem = Phrase(
                    "the folder holds no workbooks or CSV files ({names})", {"names": names}
                )
                if subfolders := [sub.name for sub, _ in _subfolders_with_tables(path)]:
                    problem = Phrase(
                        "the folder holds no workbooks or CSV files ({names}), only its "
                        "subfolders do ({folders}), and a folder stands for the files in it: "
                        "name the subfolders",
                        {"names": names, "folders": ", ".join(subfolders)},
                    )
                inputs.append(Input(path, display_path(text), problem))
                continue
            inputs += [
                Input(child, display_path(f"{text.rstrip('/')}/{child.name}"), in_folder=True)
                for child in found
            ]
        else:
            inputs.append(Input(path, display_path(text)))
    if all(item.problem for item in inputs):  # nothing at all to read: a usage error
        # worded in the run's language: each input's problem is a phrase (see ReconcileError)
        problems = [
            InputError("{where}: {problem}", where=i.display, problem=i.problem) for i in inputs
        ]
        raise InputError("{problems}", problems=problems)
    # Whichever order the paths come in, the same files are read in the same order, so
    # the reports are the same bytes (their lines, and which of two files is "the second").
    # One file named twice (a folder and a file in it, a link beside its target) is read
    # once: under its own name before a link's, else the first in name order.
    unique: dict[Path, Input] = {}
    for item in inputs:
        key = resolved(item.path)
        kept = unique.get(key)
        if kept is None or _name_order(item) < _name_order(kept):
            unique[key] = item
    return sorted(unique.values(), key=lambda item: (item.display.casefold(), item.display))


def _name_order(item: Input) -> tuple[bool, str]:
    try:
        link = item.path.is_symlink()
    except OSError:
        link = False
    return link, item.display


def subfolders_not_read(paths: list[str]) -> list[Finding]:
    """The note subfolder-not-read at each subfolder, not named itself, of a folder named in
    ``paths`` that holds workbooks or CSV files beside them: its files are not read, and a
    run that checks the folder should not look as if it checked them."""
    named = {resolved(Path(text)) for text in paths}
    notes: dict[Path, Finding] = {}
    for text in paths:
        subfolders = _subfolders_with_tables(Path(text))
        if not subfolders or not _tables_in(Path(text)):  # (no files: collect_inputs says so)
            continue
        for sub, count in subfolders:
            key = resolved(sub)
            if key not in named and key not in notes:
                where = CellRef(display_path(f"{text.rstrip('/')}/{sub.name}"))
                notes[key] = make_finding("subfolder-not-read", where, count=count)
    return list(notes.values())


def _subfolders_with_tables(folder: Path) -> list[tuple[Path, int]]:
    """The subfolders of ``folder`` (not hidden ones) that hold workbooks or CSV files, in
    name order, with how many each holds."""
    if not _is_folder(folder):
        return []
    try:
        children = sorted(folder.iterdir(), key=lambda child: (child.name.casefold(), child.name))
    except OSError:
        return []
    found = []
    for child in children:
        if not child.name.startswith(".") and _is_folder(child) and (count := _tables_in(child)):
            found.append((child, count))
    return found


def _tables_in(folder: Path) -> int:
    """How many workbooks and CSV files ``folder`` holds (0 when it may not be listed)."""
    try:
        return sum(1 for child in folder.iterdir() if _is_table_file(child))
    except OSError:
        return 0


def _is_table_file(child: Path) -> bool:
    """A workbook or CSV file in a folder, and not a lock file or a hidden file."""
    return (
        child.suffix.lower() in (*WORKBOOK_SUFFIXES, *CSV_SUFFIXES)
        and not child.name.startswith(("~$", "."))  # also .~lock.x.ods# and .#x.csv
        and _is_file(child)
    )


def _is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; False where the system will not look it up (Python 3.11
    raises OSError for a name too long, or a folder above it that may not be searched)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _is_file(path: Path) -> bool:
    """Whether ``path`` is a regular file; False where the system will not look it up."""
    try:
        return path.is_file()
    except OSError:
        return False


def find_announcement(paths: list[str], explicit: str | None) -> Announcement:
    """--announcement, else announcement.toml in a given folder, else the built-in one."""
    if explicit is not None:
        return load_announcement(Path(explicit), display_path(explicit))
    for text in paths:
        candidate = Path(text) / ANNOUNCEMENT_FILE
        if _is_folder(Path(text)) and _is_file(candidate):
            return load_announcement(
                candidate, display_path(f"{text.rstrip('/')}/{ANNOUNCEMENT_FILE}")
            )
    return load_announcement(None)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a file is read or validated: a large file makes
    millions of objects without cycles, which it would walk again and again (benchmarks/)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # freeze + unfreeze moves what was made meanwhile to the oldest generation unlooked
            # at; not when a caller froze objects of its own (a pre-fork server), as unfreeze
            # would release those too.
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


# A workbook from this size on takes calamine long enough (about 0.3 s a megabyte) to hide
# pandera's import behind it. A smaller one gains nothing from the overlap, and may be a
# layout (open-data) table, which pandera never validates: it would wait for the import at
# exit, about 0.6 s for nothing.
PRELOAD_FROM = MB


def _worth_preloading(path: Path) -> bool:
    """Whether pandera should import beside this file's parse (see validate.schema.preload)."""
    try:
        return path.stat().st_size >= PRELOAD_FROM
    except OSError:
        return False  # reading it will say why


def _rules(announcement: Announcement) -> Rules:
    return Rules(announcement.ministries, announcement.years, announcement.series)


def _read_and_validate(
    inputs: list[Input],
    announcement: Announcement,
    sheet: str | None = None,
    layout: str | None = None,
    progress: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[list[FileResult], list[Submission], list[Finding]]:
    rules = _rules(announcement)
    files, submissions, findings = [], [], []
    skipped = []  # CSV files of some other kind found beside the budget files
    for done, item in enumerate(inputs):
        if progress is not None:
            progress(done, len(inputs), item.display)
        if item.problem is not None:  # reported, and the other inputs are still read
            findings.append(
                make_finding("file-unreadable", CellRef(item.display), reason=item.problem)
            )
            continue
        with _collector_paused():
            warm_up = preload if _worth_preloading(item.path) else None
            read = read_file(item.path, item.display, sheet, layout, limits, warm_up)
        if _unrelated_csv(item, read.findings, layout):
            skipped.append(read)
            continue
        if _own_output(item, read.findings):  # the summary workbook of an earlier run
            findings.append(make_finding("own-output-skipped", CellRef(read.path)))
            continue
        findings += read.findings
        table = read.table
        if table is None:
            files.append(_unread_result(read))
            continue
        if isinstance(table, LayoutTable):
            # A layout's table is checked by its layout's rules and counts towards nothing.
            with _collector_paused():
                validated_layout = validate_layout_table(table, rules.ministries)
            copied = validated_layout.copied_rows  # read once: the original's findings
            findings[len(findings) - len(read.findings) :] = one_per_column(
                [
                    f
                    for f in read.findings
                    if f.location.sheet != table.sheet_name or f.location.row not in copied
                ]
            )
            findings += validated_layout.findings
            files.append(_layout_result(read.path, read.sha256, table, validated_layout.ministry))
            continue
        with _collector_paused():
            validated = validate_table(table, rules)
        findings += validated.findings
        for series, count in sorted(validated.uncounted.items()):
            findings.append(
                make_finding(
                    "lines-not-counted",
                    CellRef(read.path, table.sheet),
                    count=count,
                    series=series,
                    counted=rules.series,
                )
            )
        submission = Submission(
            read.path,
            validated.ministry,
            tuple(validated.lines),
            table.unit.euros,
            _doubtful(validated.lines, [*read.findings, *validated.findings]),
            _budgets(announcement, validated.ministry),
        )
        submissions.append(submission)
        files.append(
            FileResult(
                path=read.path,
                sha256=read.sha256,
                ministry=validated.ministry,
                sheet=table.sheet,
                shape=table.shape,
                layout=table.layout,
                unit=table.unit.euros,
                lines=len(validated.lines),
                total=submission.total,
                chapters=tuple(sorted({line.chapter for line in validated.lines if line.chapter})),
            )
        )
    read_some = any(f.shape or f.layout for f in files)
    for read in skipped:
        if read_some:  # beside tables that were read: skipped, with a note
            findings.append(make_finding("csv-skipped", CellRef(read.path)))
        else:  # nothing else was read: refused as a named file is, the run is incomplete
            findings += read.findings
            files.append(_unread_result(read))
    return files, submissions, findings


def _budgets(announcement: Announcement, ministry: str | None) -> frozenset[str]:
    """The chapters of ``ministry``'s own budgets: an overboeking between two of them moves
    money within it (docs/en/workbooks.md, "Overboekingen between a ministry's own budgets")."""
    known = announcement.ministries.ministries.get(ministry) if ministry is not None else None
    return frozenset(known.owned) if known is not None else frozenset()


def _doubtful(lines: list[BudgetLine], findings: list[Finding]) -> frozenset[int]:
    """The indices of ``lines`` with an error on their row (a duplicate, a stray chapter, a
    negative amount): the advice on the total is worked out without them."""
    rows = {
        (f.location.sheet, f.location.row)
        for f in findings
        if f.severity == Severity.ERROR and f.location.cell
    }
    if not rows:
        return frozenset()
    return frozenset(
        index for index, line in enumerate(lines) if (line.source.sheet, line.source.row) in rows
    )


def _unread_result(read: FileRead) -> FileResult:
    return FileResult(read.path, read.sha256, None, None, None, None, None, 0, Decimal(0))


def _unrelated_csv(item: Input, findings: list[Finding], layout: str | None) -> bool:
    """A CSV file found in a folder with the header neither of a known layout nor of a budget
    table (the reader tried both): some other list that shares the folder (contacts, notes).
    Named itself or read with --layout, it is refused as usual."""
    return (
        item.in_folder
        and layout is None
        and item.path.suffix.lower() in CSV_SUFFIXES
        and any(f.code == "layout-not-found" for f in findings)
    )


def _own_output(item: Input, findings: list[Finding]) -> bool:
    """A workbook found in a folder that reconcile wrote itself and that holds no budget table:
    the summary of an earlier run (``--annotate``), beside the annotated copies, which are
    read as the submissions they copy."""
    return (
        item.in_folder
        and item.path.suffix.lower() == ".xlsx"
        and any(f.code == "no-table" for f in findings)
        and written_by_reconcile(item.path)
    )


def _layout_result(path: str, sha256: str, table: LayoutTable, ministry: str | None) -> FileResult:
    return FileResult(
        path=path,
        sha256=sha256,
        ministry=ministry,
        sheet=table.sheet_name,
        shape=table.shape,
        layout=table.layout,
        unit=table.unit.euros,
        lines=table.line_count,
        total=Decimal(0),
        chapters=tuple(sorted(table.chapters())),
    )


def _report(
    command: str,
    inputs: tuple[Path, ...],
    files: list[FileResult],
    submissions: list[Submission],
    findings: list[Finding],
    announcement: Announcement,
    reconciliation: Reconciliation | None,
) -> Report:
    lines = tuple(line for sub in submissions for line in sub.lines)
    return Report(
        command=command,
        files=tuple(sorted(files, key=lambda f: f.path)),
        lines=lines,
        findings=tuple(sorted(findings, key=lambda f: f.sort_key)),
        announcement=announcement,
        target=announcement.target_amount if reconciliation else None,
        totals=reconciliation.totals if reconciliation else None,
        inputs=inputs,
    )


def _files_read(
    paths: list[str], inputs: list[Input], announcement: Announcement
) -> tuple[Path, ...]:
    """Every file the run read or looked for, as found on disk: the tables (folders expanded),
    announcement.toml in each folder given, and the announcement's own file."""
    files = [item.path for item in inputs]
    files += [Path(p) / ANNOUNCEMENT_FILE for p in paths if _is_folder(Path(p))]
    files += [announcement.path] if announcement.path else []
    return tuple(dict.fromkeys(files))  # a folder's announcement.toml is also the one read


def check(
    paths: list[str],
    announcement: Announcement,
    sheet: str | None = None,
    layout: str | None = None,
    progress: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Report:
    """Read, validate and reconcile the workbooks in ``paths`` against ``announcement``.

    ``sheet`` names the sheet to read in every workbook; None finds the one holding the table.
    ``layout`` names the layout to read every file with; None finds it by the header labels.
    ``progress`` is told how reading goes on; ``limits`` bound what one file may hold.
    """
    inputs = collect_inputs(paths)
    files, submissions, findings = _read_and_validate(
        inputs, announcement, sheet, layout, progress, limits
    )
    findings += subfolders_not_read(paths)
    published = tuple(f.path for f in files if f.layout is not None)
    reconciliation = Reconciliation(announcement, tuple(submissions), published)
    findings += reconcile(reconciliation)
    # Each file's subtotal as the set counts it: an overboeking to a ministry without a file
    # in the set is not counted, so the subtotals add up to the total.
    counted = reconciliation.totals.by_file
    files = [replace(f, total=counted[f.path]) if f.path in counted else f for f in files]
    read = _files_read(paths, inputs, announcement)
    return _report("check", read, files, submissions, findings, announcement, reconciliation)


def validate(
    paths: list[str],
    announcement: Announcement,
    sheet: str | None = None,
    layout: str | None = None,
    progress: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Report:
    """Read and validate each workbook on its own, without reconciling the set (a file's
    kasschuiven are its own: they are checked here too)."""
    inputs = collect_inputs(paths)
    files, submissions, findings = _read_and_validate(
        inputs, announcement, sheet, layout, progress, limits
    )
    findings += subfolders_not_read(paths)
    findings += kasschuif_findings(submissions)
    findings += herschikking_findings(submissions)
    findings += unit_findings(submissions, announcement)
    read = _files_read(paths, inputs, announcement)
    return _report("validate", read, files, submissions, findings, announcement, None)
