"""Submission templates: the workbook a coordinator sends each ministry to fill in.

A template is a long table the reader takes as it is: title lines naming the ministry and the
subject, the unit caption, a header row, one block of rows per budget line with the
announcement's years, drop-down lists, a Totaal row with a formula, a locked header and an
instruction sheet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reconcile.announcement import Announcement
from reconcile.errors import ConfigError, ReconcileError
from reconcile.i18n import N_, gettext, tr
from reconcile.kinds import KIND_CHOICES
from reconcile.ministries import Ministry
from reconcile.nearest import did_you_mean
from reconcile.read.read_cells import SUFFIXES
from reconcile.report.output import write_atomic
from reconcile.xlsx import safe_text, set_page, workbook_bytes

BLOCKS = 5  # budget lines a template has room for; each block holds one row per year
HEADER_ROW = 5
AMOUNT_FORMAT = "#,##0"
# The kind of mutation and an overboeking's other ministry (Van/naar) come last, so the
# other columns keep their places; an empty kind is a reservation (docs/en/workbooks.md,
# "Line kinds").
COLUMNS = ("chapter", "article", "description", "series", "year", "amount", "kind", "counterpart")
WIDTHS = {"A": 12, "B": 10, "C": 60, "D": 8, "E": 8, "F": 16, "G": 18, "H": 12}
INSTRUCTIONS_WIDTH = 72  # characters: one column that fits an A4 page upright, in any font

# The sheet Instructions, line by line (an empty text is an empty row).
_INSTRUCTIONS: tuple[str, ...] = (
    N_("{name}: how to fill in this workbook"),
    "",
    N_(
        "1. Sheet {sheet}: one row per budget line and year. Each block of {years} rows is one "
        "line, one row for each year {first}–{last}."
    ),
    N_(
        "2. Choose Chapter, Article, V/U/O, Year and Mutation kind from the drop-down lists; "
        "write a Description. An empty kind is a reservation; a kasschuif nets to zero over its "
        "years; a vrijval is negative; an herschikking moves money between articles of your "
        "budget, so its lines add up to zero in each year."
    ),
    N_(
        "3. An overboeking to or from another ministry: choose Overboeking naar (a negative "
        "amount) or Overboeking van (positive) and the other ministry in column {counterpart}; "
        "that ministry books the same amount the other way in the same year. Leave {counterpart} "
        "empty for the other kinds."
    ),
    N_(
        "4. Amounts in thousands of euros (x € 1.000), as numbers: 5100 is € 5,1 mln. Leave a "
        "year empty when nothing is reserved in it."
    ),
    N_(
        "5. The reservation is counted on series {series}. Lines in another series are shown but "
        "not counted."
    ),
    N_(
        "6. Do not change the title lines, the header row or the Totaal row: they are locked. "
        "When the rows run out, insert rows above the last one (Insert, Sheet Rows): the "
        "Totaal then counts them. A line typed below the Totaal is not counted."
    ),
    N_("7. Check the file before sending it: reconcile validate {file}"),
    N_("8. Save as .xlsx (Excel or LibreOffice) and send it back to the coordinator."),
    "",
    N_('Announced: "{announced}" ({source}).'),
)


@dataclass(frozen=True)
class Layout:
    """Where things are in a template: the rows a reader of the template can rely on."""

    years: tuple[int, ...]

    @property
    def first_row(self) -> int:
        return HEADER_ROW + 1

    @property
    def last_row(self) -> int:
        return self.first_row + BLOCKS * len(self.years) - 1

    @property
    def total_row(self) -> int:
        return self.last_row + 1


def ministry_of(code: str, announcement: Announcement) -> Ministry:
    ministries = announcement.ministries.ministries
    if code not in ministries:
        known = ", ".join(announcement.expected or sorted(ministries))
        raise ConfigError(
            "{code!r} is not a ministry reconcile knows; use one of: {known}.{hint}",
            code=code,
            known=known,
            hint=did_you_mean(code, ministries),
        )
    return ministries[code]


def template_name(code: str) -> str:
    return f"{code}.xlsx"


class TemplateError(ReconcileError):
    """No template is written; the command line says why (a usage error)."""


class NoContributorsError(TemplateError):
    """A template for every contributor, but the announcement names none."""

    def __init__(self) -> None:
        super().__init__(N_("the announcement names no contributors; use --ministry"))


class OutputIsAFileError(TemplateError):
    """Templates for every contributor go into a folder, and the output named is a file."""

    def __init__(self, path: Path) -> None:
        super().__init__(N_("with --all, -o names a folder; {path} is a file"), path=path)


class OutputIsAWorkbookNameError(TemplateError):
    """Templates for every contributor go into a folder, and the output is named as a
    workbook (x.xlsx): a folder of that name would surprise whoever asked for one file."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            N_(
                "with --all, -o names a folder, and {path} is named like a workbook; "
                "use --ministry for one workbook or name a folder"
            ),
            path=path,
        )
        self.path = path


class TemplatesExistError(TemplateError):
    """Workbooks that would be replaced: each may be a template someone already filled in."""

    def __init__(self, paths: list[str]) -> None:
        super().__init__(N_("{paths} already exists; --force replaces it"), paths=", ".join(paths))
        self.paths = paths


def template_targets(
    announcement: Announcement, ministry: str | None, output: Path | None, *, force: bool = False
) -> list[tuple[Path, str]]:
    """Where each template goes, as (workbook, ministry code): ``ministry``'s, or when it is
    None one per contributor the announcement expects.

    ``output`` is the workbook or the folder to write into (default: the current folder).
    Raises a TemplateError when there is nothing to write, or (without ``force``) when a
    workbook exists already.
    """
    if ministry is None:
        if not announcement.expected:
            raise NoContributorsError
        if output is not None and output.exists() and not output.is_dir():
            raise OutputIsAFileError(output)
        if output is not None and not output.exists() and output.suffix.lower() in SUFFIXES:
            raise OutputIsAWorkbookNameError(output)
        folder = output or Path()
        targets = [(folder / template_name(code), code) for code in announcement.expected]
    else:
        target = output or Path(template_name(ministry))
        if target.is_dir():  # a folder: the template goes in it under its usual name
            target = target / template_name(ministry)
        targets = [(target, ministry)]
    existing = [path.as_posix() for path, _ in targets if path.exists()]
    if existing and not force:
        raise TemplatesExistError(existing)
    return targets


def write_template(path: Path, code: str, announcement: Announcement, lang: str = "nl") -> None:
    """Write ministry ``code``'s template to ``path``, atomically."""
    write_atomic(path, build_template(code, announcement, lang))


def build_template(code: str, announcement: Announcement, lang: str = "nl") -> bytes:
    """The submission workbook for ministry ``code`` under ``announcement``, as .xlsx bytes."""
    import openpyxl

    ministry = ministry_of(code, announcement)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = tr("tpl-sheet", lang)
    layout = Layout(announcement.years)
    _fill_table(sheet, ministry, announcement, layout, lang)
    _instructions(
        book.create_sheet(tr("tpl-instructions-sheet", lang)), ministry, announcement, lang
    )
    return workbook_bytes(book)


def _fill_table(
    sheet: Any, ministry: Ministry, announcement: Announcement, layout: Layout, lang: str
) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    years = announcement.years
    sheet["A1"] = safe_text(tr("tpl-ministry-title", lang, name=ministry.name))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = safe_text(
        tr(
            "tpl-subject",
            lang,
            name=announcement.name,
            first=years[0],
            last=years[-1],
            series=announcement.series,
        )
    )
    sheet["A3"] = tr("tpl-unit", lang)
    sheet["A3"].font = Font(italic=True)
    header_fill = PatternFill("solid", fgColor="D9E1F2")
    for column, key in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=tr(f"tpl-{key}", lang))
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(horizontal="right" if key in ("year", "amount") else "left")
    unlocked = Protection(locked=False)
    for row in range(layout.first_row, layout.last_row + 1):
        index = row - layout.first_row
        sheet.cell(row=row, column=4, value=announcement.series)
        sheet.cell(row=row, column=5, value=years[index % len(years)])
        sheet.cell(row=row, column=6).number_format = AMOUNT_FORMAT
        for column in range(1, len(COLUMNS) + 1):
            sheet.cell(row=row, column=column).protection = unlocked
        if index % len(years) == 0 and index:
            for column in range(1, len(COLUMNS) + 1):  # a thin line between blocks
                sheet.cell(row=row, column=column).border = _top_border()
    first, last, total = layout.first_row, layout.last_row, layout.total_row
    sheet.cell(row=total, column=1, value=tr("tpl-total", lang)).font = Font(bold=True)
    sheet.cell(row=total, column=4, value=announcement.series)
    formula = f'=SUMIF(D{first}:D{last},"{announcement.series}",F{first}:F{last})'
    cell = sheet.cell(row=total, column=6, value=formula)
    cell.number_format = AMOUNT_FORMAT
    cell.font = Font(bold=True)
    for letter, width in WIDTHS.items():
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = f"A{first}"
    set_page(sheet, landscape=True, title_rows=f"1:{HEADER_ROW}")  # titles and header on each page
    _validations(sheet, ministry, announcement, layout, lang)
    # Locked: titles, header and the Totaal row. The data rows are unlocked above.
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # allowed: widening a column
    sheet.protection.insertRows = False  # allowed: more lines, inside the Totaal's range
    sheet.protection.autoFilter = False


def _top_border() -> Any:
    from openpyxl.styles import Border, Side

    return Border(top=Side(style="thin", color="999999"))


def _validations(
    sheet: Any, ministry: Ministry, announcement: Announcement, layout: Layout, lang: str
) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    first, last = layout.first_row, layout.last_row

    def listed(values: list[str], prompt: str) -> DataValidation:
        return DataValidation(
            type="list",
            formula1='"' + ",".join(values) + '"',
            allow_blank=True,
            showDropDown=False,  # False shows the arrow (the attribute means "hide it")
            promptTitle=tr("tpl-pick", lang),
            prompt=prompt,
            showInputMessage=True,
            showErrorMessage=True,
        )

    chapter = listed(list(ministry.offered), tr("tpl-pick-chapter", lang))
    series = listed(["V", "U", "O"], tr("tpl-pick-series", lang))
    year = listed([str(y) for y in announcement.years], tr("tpl-pick-year", lang))
    known = _article_choices(announcement.ministries.articles_of(ministry))
    if known:  # a drop-down of the known articles
        article = listed(known, tr("tpl-pick-known-article", lang))
        article.error = tr("tpl-article-error", lang)
    else:  # free: any article number (also when the known ones are too many for a list)
        article = DataValidation(
            type="whole",
            operator="between",
            formula1="1",
            formula2="999",
            allow_blank=True,
            prompt=tr("tpl-pick-article", lang),
            showInputMessage=True,
            showErrorMessage=True,
        )
    article.errorStyle = "warning"  # a warning, not a stop: article numbering may have changed
    kind = listed(list(KIND_CHOICES), tr("tpl-pick-kind", lang))
    kind.errorStyle = "warning"
    # The other ministries by code, as the ministry table lists them; a warning, not a stop:
    # a chapter ("VIII") or a ministry's name reads as well.
    others = _counterpart_choices(announcement, ministry)
    counterpart = listed(others, tr("tpl-pick-counterpart", lang))
    counterpart.error = tr("tpl-counterpart-error", lang)
    counterpart.errorStyle = "warning"
    # A number only: text such as "2.500" is refused where it is typed (Excel and LibreOffice
    # stop it), since its reading would rest on the caption alone ("separator-by-caption").
    # Positive for a reservation (an empty kind), any sign for the other kinds.
    reservation = KIND_CHOICES[0]
    amount = DataValidation(
        type="custom",
        formula1=(
            f'AND(ISNUMBER(F{first}),OR(F{first}>=0,AND(G{first}<>"",G{first}<>"{reservation}")))'
        ),
        allow_blank=True,
        promptTitle=tr("tpl-amount-title", lang),
        prompt=tr("tpl-amount-prompt", lang),
        error=tr("tpl-amount-error", lang),
        showInputMessage=True,
        showErrorMessage=True,
        errorStyle="stop",
    )
    for validation, column in (
        (chapter, "A"),
        (article, "B"),
        (series, "D"),
        (year, "E"),
        (amount, "F"),
        (kind, "G"),
        (counterpart, "H"),
    ):
        validation.add(f"{column}{first}:{column}{last}")
        sheet.add_data_validation(validation)


# Excel refuses (or "repairs") a typed-in list longer than this many characters.
EXCEL_LIST_LIMIT = 255


def _counterpart_choices(announcement: Announcement, ministry: Ministry) -> list[str]:
    """The codes of the ministries other than ``ministry`` for the Van/naar drop-down, in the
    ministry table's order; those that would break a typed list, or not fit in one, left out."""
    codes = [
        code
        for code in announcement.ministries.ministries
        if code != ministry.code and not set(code) & set(',"')
    ]
    while len(",".join(codes)) > EXCEL_LIST_LIMIT:
        codes.pop()
    return codes


def _article_choices(known: Mapping[int, str]) -> list[str]:
    """The article numbers for a drop-down list, or none when they do not fit in one."""
    numbers = [str(number) for number in known]
    return numbers if len(",".join(numbers)) <= EXCEL_LIST_LIMIT else []


def _instructions(sheet: Any, ministry: Ministry, announcement: Announcement, lang: str) -> None:
    from openpyxl.styles import Alignment, Font

    target = announcement.target_amount
    params = {
        "name": announcement.name,
        "sheet": tr("tpl-sheet", lang),
        "years": len(announcement.years),
        "first": announcement.years[0],
        "last": announcement.years[-1],
        "series": announcement.series,
        "file": template_name(ministry.code),
        "announced": target.text,
        "source": announcement.source or announcement.name,
        "counterpart": tr("tpl-counterpart", lang),
    }
    row = 0
    for row, english in enumerate(_INSTRUCTIONS, start=1):
        text = gettext(english, lang).format(**params) if english else ""
        if text:
            sheet.cell(row=row, column=1, value=safe_text(text))
    known = announcement.ministries.articles_of(ministry)
    if known:
        row += 2
        listed = announcement.ministries.articles
        chapters = ", ".join(c for c in ministry.offered if c in listed)
        key = "tpl-known-articles" if _article_choices(known) else "tpl-known-articles-unlisted"
        heading = tr(key, lang, chapters=chapters)
        sheet.cell(row=row, column=1, value=safe_text(heading)).font = Font(bold=True)
        for line, (number, name) in enumerate(known.items(), start=row + 1):
            sheet.cell(row=line, column=1, value=safe_text(f"{number}  {name}"))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = INSTRUCTIONS_WIDTH
    for (cell,) in sheet.iter_rows(min_col=1, max_col=1):
        # Wrapped, with the height of its lines (LibreOffice keeps a row one line high)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        lines = -(-len(str(cell.value or "")) // INSTRUCTIONS_WIDTH)
        sheet.row_dimensions[cell.row].height = 16 if cell.row == 1 else 15 * max(lines, 1)
    set_page(sheet, landscape=False)
    sheet.protection.sheet = True
