"""Which language a run speaks, and reconcile's texts put into it with gettext catalogues.

Texts are written in English where they are used and marked for extraction (see babel.cfg and
reconcile.babel_extract); a language is a catalogue, reconcile/locale/<lang>/LC_MESSAGES/
reconcile.po, compiled to the .mo read here on first use. Finding messages live with their
codes (reconcile.codes); this module holds the words around them, shared by every renderer.
"""

from __future__ import annotations

import gettext as _gettext
import locale
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# The languages reconcile speaks, English (the source texts) included. A third language is a
# catalogue under reconcile/locale/ and its code added here (docs/en/maintainers.md,
# "Translations").
LANGS = ("nl", "en")
ENGLISH = "en"
DOMAIN = "reconcile"
LOCALE_DIR = Path(__file__).parent / "locale"
# Where a POSIX system says the user's language, in the order gettext reads them.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def resolve_lang(
    explicit: str | None = None,
    environ: Mapping[str, str] | None = None,
    system: Callable[[], str | None] | None = None,
) -> str:
    """--lang when given; else the first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set
    (nl_NL.UTF-8 is Dutch, C and POSIX English; LANGUAGE may list several, nl:en); else the
    operating system's user locale (Windows sets none of the variables); else English."""
    if explicit:
        return explicit
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = env.get(name, "")
        if value:  # the first variable that is set decides, as in POSIX
            spoken = [lang_of(part) for part in value.split(":") if part]
            return next((lang for lang in spoken if lang in LANGS), ENGLISH)
    found = (system or system_locale)()
    lang = lang_of(found) if found else ENGLISH
    return lang if lang in LANGS else ENGLISH


def lang_of(name: str) -> str:
    """The language of a locale name: nl_NL.UTF-8, nl-NL and nl@euro are "nl"; C is English."""
    lang = name.replace("-", "_").partition("_")[0].partition(".")[0].partition("@")[0]
    return ENGLISH if lang.upper() in ("C", "POSIX", "") else lang.lower()


def system_locale() -> str | None:
    """The user's locale as the operating system has it, when no variable says it: Windows's
    user interface language, else what the C library was told (often nothing)."""
    if sys.platform == "win32":
        import ctypes

        language = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
        return locale.windows_locale.get(int(language))
    return locale.getlocale(locale.LC_MESSAGES)[0]


@cache
def catalogue(lang: str, domain: str = DOMAIN) -> _gettext.NullTranslations:
    """The translations of ``domain`` into ``lang``, read once on first use; English is the
    source itself."""
    if lang == ENGLISH:
        return _gettext.NullTranslations()
    return _gettext.translation(domain, LOCALE_DIR, languages=[lang], fallback=True)


def gettext(message: str, lang: str) -> str:
    """``message`` in ``lang``."""
    return catalogue(lang).gettext(message)


def ngettext(singular: str, plural: str, count: int, lang: str) -> str:
    """The form of ``singular``/``plural`` that ``count`` takes in ``lang``."""
    return catalogue(lang).ngettext(singular, plural, count)


def pgettext(context: str, message: str, lang: str) -> str:
    """``message`` in ``lang``, as meant in ``context`` (a finding's code)."""
    return catalogue(lang).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, count: int, lang: str) -> str:
    return catalogue(lang).npgettext(context, singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 (gettext's name for a text marked, not translated)
    """Marks ``message`` for extraction; it is translated where it is shown."""
    return message


@dataclass(frozen=True)
class Plural:
    """A text with a singular and a plural form, chosen by the number in param ``count``."""

    singular: str
    plural: str
    count: str


class Counted:
    """A sentence of several counts, each worded with its own plural: "{errors}, {warnings}"."""

    def __init__(self, text: str, **counts: Plural) -> None:
        self.text, self.counts = text, counts


def put(text: str | Plural | Counted, lang: str, params: Mapping[str, object]) -> str:
    """``text`` in ``lang``, its placeholders filled from ``params``."""
    if isinstance(text, Plural):
        count = params[text.count]
        template = ngettext(text.singular, text.plural, count, lang)  # type: ignore[arg-type]
    elif isinstance(text, Counted):
        params = {**params, **{name: put(p, lang, params) for name, p in text.counts.items()}}
        template = gettext(text.text, lang)
    else:
        template = gettext(text, lang)
    return template.format(**params) if params else template


# The headings, labels and sentences of the reports and commands, by key. Placeholders are
# filled by ``tr``.
TEXTS: dict[str, str | Plural | Counted] = {
    # the terminal, HTML and workbook reports
    "ministry": N_("Ministry"),
    "file": N_("File"),
    "chapter": N_("Chapter"),
    "unit": N_("Unit"),
    "lines": N_("Lines"),
    "subtotal": N_("Subtotal"),
    "share": N_("Share"),
    "layout": N_("Layout"),
    "open-data-note": N_(
        "Open-data tables read with a layout are checked, not counted: they reserve nothing "
        "for the announcement, and their lines are the amounts read."
    ),
    "transferred-out": N_("Transferred out"),
    "received": N_("Received"),
    "years-title": N_("Per year, after kasschuiven (overboekingen counted at the giver)"),
    "counted": N_("Counted"),
    "of-which-kasschuif": N_("Of which kasschuiven"),
    "total": N_("Total"),
    "year": N_("Year"),
    "severity": N_("Severity"),
    "code": N_("Code"),
    "sheet": N_("Sheet"),
    "cell": N_("Cell"),
    "location": N_("Location"),
    "message": N_("Message"),
    "error": N_("error"),
    "warning": N_("warning"),
    "info": N_("info"),
    "findings": N_("Findings"),
    "no-findings": N_("No findings."),
    "summary-cut": Plural(
        "{count} more finding not shown here: a job summary holds at most 1 MiB. Every "
        "finding is in the step's log and in the reports written with --output.",
        "{count} more findings not shown here: a job summary holds at most 1 MiB. Every "
        "finding is in the step's log and in the reports written with --output.",
        "count",
    ),
    "report-title": N_("reconcile report"),
    "budget-workbooks": N_("budget workbooks"),
    "announced": N_("Announced"),
    "lower-bound": N_("Lower bound"),
    "upper-bound": N_("Upper bound"),
    "no-upper-bound": N_("none"),
    "computed-total": N_("Computed total"),
    "difference": N_("Difference to the interval"),
    "verdict": N_("Verdict"),
    "contributions": N_("Contributions"),
    "chart-title": N_("Contributions against the announced band"),
    "band": N_("announced band"),
    "by-ministry-year": N_("Per ministry and year"),
    "summary-sheet": N_("Summary"),
    "chart-data": N_("Chart data"),
    "header": N_("(announcement: {origin}; counted: series {series}, {first}–{last})"),
    "verdict-incomplete-files": N_("INCOMPLETE: not every file could be read."),
    "verdict-valid": N_("VALID: no errors found."),
    "verdict-not-valid": Plural(
        "NOT VALID: {errors} error.", "NOT VALID: {errors} errors.", "errors"
    ),
    "verdict-where": N_('total {total} against the announced "{text}" ({interval})'),
    "verdict-incomplete": N_("INCOMPLETE: {where}; not every file could be read."),
    "verdict-reconciled": N_("RECONCILED: {where}."),
    "verdict-not-reconciled": N_("NOT RECONCILED: {where}; {reason}."),
    "reason-inside": N_("the total is inside the interval, but there are errors"),
    "reason-outside": N_("the total is outside the interval"),
    "counts": Counted(
        N_("{errors}, {warnings}, {notes}; exit code {code}."),
        errors=Plural("{errors} error", "{errors} errors", "errors"),
        warnings=Plural("{warnings} warning", "{warnings} warnings", "warnings"),
        notes=Plural("{notes} note", "{notes} notes", "notes"),
    ),
    "reading": N_("Reading workbooks"),
    "written": N_("Written: {path}"),
    "annotate-too-large": N_(
        "Not annotated (it holds more cells, rows, styles and texts than "
        "--max-annotate-cells allows; raise it to annotate this file): {path}"
    ),
    "annotate-skipped": N_("Not annotated (the file could not be read): {path}"),
    "annotate-format": N_(
        "Not annotated (only .xlsx and .xlsm copies are annotated; save it as .xlsx): {path}"
    ),
    "go-to-cell": N_("Go to the cell"),
    # the command line's own lines on standard error (reconcile.cli)
    "error-line": N_("Error: {message}"),
    "interrupted": N_("Interrupted."),
    "unexpected": N_(
        "reconcile stopped on an unexpected problem ({problem}). Run again with --debug "
        "to see where, and please report it."
    ),
    # reconcile codes and reconcile explain CODE (reconcile.explain)
    "codes-head": N_("code|severity|stage|message"),
    "codes-more": N_("`reconcile explain CODE` tells more about one code."),
    "fatal": N_("fatal"),
    "explain-title": N_("{code}  ({severity}; found while the {stage} stage runs)"),
    "explain-message": N_("What the message says:"),
    "explain-why": N_("Why it matters and how to fix it:"),
    "explain-severity": N_("Severity:"),
    "explain-fatal": N_(
        "The input could not be used, so the run is incomplete: exit code 2, whatever "
        "the configuration says."
    ),
    "explain-diff": N_(
        "A change found by reconcile diff always makes it exit with 1; the severity "
        "only labels it in annotations and reports."
    ),
    "explain-tuning": N_(
        "Reported as {severity}. A team can change that in reconcile.toml ([severity] "
        '{code} = "warning") or with --severity {code}=LEVEL.'
    ),
    # reconcile layouts
    # words: stages of a finding, ways a layout writes its numbers (see word())
    "word-read": N_("read"),
    "word-validate": N_("validate"),
    "word-reconcile": N_("reconcile"),
    "word-diff": N_("diff"),
    "word-plain": N_("plain"),
    "word-dutch": N_("dutch"),
    "word-english": N_("english"),
    "layout-facts": N_("    unit {unit}, numbers {numbers}, from {source}"),
    "layout-columns": N_("    columns: {fields}"),
    "layout-amounts": N_("    amounts: {fields}"),
    # reconcile diff (each format's render_diff_*, reconcile.report.diff)
    "diff-verdict-incomplete": N_("INCOMPLETE: a file could not be read."),
    "diff-verdict-equal": N_("EQUAL: {unchanged} lines, none changed."),
    "diff-verdict-different": N_(
        "DIFFERENT: {added} added, {removed} removed, {changed} changed, {unchanged} unchanged."
    ),
    "exit-code": N_("exit code {code}."),
    "diff-change": N_("Change"),
    "diff-line": N_("Line"),
    "diff-old": N_("Old"),
    "diff-new": N_("New"),
    "diff-difference": N_("Difference"),
    "diff-series": N_("V/U/O"),
    "diff-moment": N_("Moment"),
    "diff-new-minus-old": N_("New − old"),
    "diff-changes": N_("Changes"),
    "diff-net-effect": N_("Net effect"),
    "diff-added": N_("added"),
    "diff-removed": N_("removed"),
    "diff-changed": N_("changed"),
    # the fields a line is known by in a diff (its key): the layouts' names, as a reader says them
    "field-chapter": N_("chapter"),
    "field-article": N_("article"),
    "field-series": N_("series"),
    "field-year": N_("year"),
    "field-moment": N_("moment"),
    "field-description": N_("description"),
    "field-occurrence": N_("occurrence"),
    "field-phase": N_("phase"),
    "field-subdivision": N_("subdivision"),
    "field-instrument": N_("instrument"),
    "field-breakdown": N_("breakdown"),
    "field-detail": N_("detail"),
    "field-paragraph": N_("paragraph"),
    "field-measure": N_("measure"),
    "field-kind": N_("kind"),
    # announcement drafts from a letter (reconcile.letter)
    "draft-head": N_(
        "Announcement drafted by `reconcile announcement draft` from the letter {letter}."
    ),
    "draft-read": N_(
        "Every value quotes the letter's sentence and its place. Read it through, "
        "settle every CHOOSE, then run `reconcile check` with this file."
    ),
    "draft-series": N_("uitgaven: a reservation is counted on U unless the letter says otherwise"),
    "draft-years": N_("Years: the first year named to the last + 4 (t .. t+4), from {moments}."),
    "draft-target": N_(
        "The amount the reserved lines must add up to: the one the letter reserves."
    ),
    "draft-written": N_("the letter writes: {written}"),
    "draft-sums": N_(
        "The letter's arithmetic: these parts can add up to these totals within their intervals."
    ),
    "draft-choose": N_("CHOOSE"),
    "draft-paragraph": N_("paragraph {paragraph}"),
    "draft-page-paragraph": N_("page {page}, paragraph {paragraph}"),
    "draft-footnote": N_("footnote (page {page})"),
    "draft-open-no-amounts": N_(
        "the letter names no amount of money; write [amounts] and reconcile yourself"
    ),
    "draft-open-target": N_(
        "which amount must the reserved lines add up to? The letter does not reserve "
        "one amount in so many words; one of: {keys}"
    ),
    "draft-open-years": N_(
        "which years? The letter names no budget moment with a year (ontwerpbegroting "
        "2026, September suppletoire 2025)"
    ),
    "draft-open-sum": N_(
        "the letter calls {total} a total, but which amounts add up to it? Each of "
        "these can: {options}"
    ),
    "draft-open-sum-none": N_(
        "the letter calls {total} a total, but no amounts before it can add up to it"
    ),
    "draft-open-sum-many": N_(
        "the letter calls {total} a total after {count} amounts, too many to try every "
        "set of them: write its [[sums]] yourself"
    ),
    "draft-open-per-year": N_(
        "{where}: {text!r} is a yearly amount; is the total over the years meant, or an "
        "[[expect]] per year?"
    ),
    "draft-open-zero": N_(
        "{where}: {text!r} is no positive amount, and an announcement holds only those"
    ),
    "draft-open-contributors": N_(
        "which ministries contribute? The letter names none with its budget"
    ),
    "draft-open-ministry": N_(
        "{where} names the ministry of {name}, which is not in the ministry table: add "
        "it as [ministries.CODE] and to expected"
    ),
    "draft-open-table": N_(
        "{where} holds a table ({caption}); its figures are not read: add its amounts by hand"
    ),
    "draft-open-unread": N_("{where}: {text!r} looks like an amount but cannot be read as one"),
    "draft-summary": Counted(
        N_("Drafted from {letter}: {amounts}, {sums}, {contributors}; {open}."),
        amounts=Plural("{amounts} amount", "{amounts} amounts", "amounts"),
        sums=Plural("{sums} sum", "{sums} sums", "sums"),
        contributors=Plural(
            "{contributors} contributor", "{contributors} contributors", "contributors"
        ),
        open=Plural("{open} choice left open", "{open} choices left open", "open"),
    ),
    "draft-open-line": N_("  to choose: {message}"),
    # submission templates (reconcile.template)
    "tpl-either": N_("give either --ministry CODE or --all"),
    "tpl-sheet": N_("Reservation"),
    "tpl-instructions-sheet": N_("Instructions"),
    "tpl-ministry-title": N_("Ministry of {name}"),
    "tpl-subject": N_("{name}: reservation {first}–{last}, series {series}"),
    "tpl-unit": N_("(amounts x EUR 1,000)"),
    "tpl-chapter": N_("Chapter"),
    "tpl-article": N_("Article"),
    "tpl-description": N_("Description"),
    "tpl-series": N_("Series"),
    "tpl-year": N_("Year"),
    "tpl-amount": N_("Amount"),
    "tpl-kind": N_("Mutation kind"),
    "tpl-counterpart": N_("From/to"),
    "tpl-total": N_("Total"),
    "tpl-pick": N_("Pick from the list"),
    "tpl-pick-chapter": N_("The chapter of your budget."),
    "tpl-pick-article": N_("The article number (1, 2, 31, ...)."),
    "tpl-pick-known-article": N_("One of your chapter's articles (see the sheet Instructions)."),
    "tpl-article-error": N_("This article is not on the list of known articles; check the number."),
    "tpl-known-articles": N_(
        "Known articles of chapter {chapters} (the drop-down list; another article is "
        "accepted after a warning):"
    ),
    "tpl-known-articles-unlisted": N_(
        "Known articles of chapter {chapters} (too many for a drop-down list, so the "
        "article cell takes any number from 1 to 999):"
    ),
    "tpl-pick-series": N_("V commitments, U expenditure, O receipts."),
    "tpl-pick-year": N_("One of the announcement's years."),
    "tpl-pick-kind": N_(
        "Empty: a reservation. Kasschuif: between years. Overboeking naar/van: to or "
        "from the ministry in the next column. Vrijval: a reservation released. "
        "Herschikking: between articles of your budget."
    ),
    "tpl-pick-counterpart": N_(
        "An overboeking's other ministry (its code). Empty for the other kinds."
    ),
    "tpl-counterpart-error": N_(
        "Not on the list of ministries; a budget chapter (VIII) or a ministry's name is read too."
    ),
    "tpl-amount-title": N_("Amount x EUR 1,000"),
    "tpl-amount-prompt": N_("A number in thousands of euros, e.g. 5100 for EUR 5,1 mln."),
    "tpl-amount-error": N_(
        "An amount is a number typed without separators (2500, not 2.500 or PM), "
        "positive for a reservation."
    ),
}


def tr(key: str, lang: str, **params: object) -> str:
    """The text ``key`` in ``lang``, with its placeholders filled from ``params``."""
    return put(TEXTS[key], lang, params)


def word(name: str, lang: str) -> str:
    """A fixed word of reconcile's own (a stage, a way of writing numbers) in ``lang``; a word
    without a text of its own stays as it is."""
    return tr(f"word-{name}", lang) if f"word-{name}" in TEXTS else name


def field_name(name: str, lang: str) -> str:
    """A key field of a line (chapter, article, a layout's column) as a reader of ``lang`` says
    it; a field a layout file names that reconcile does not know stays as it is."""
    return tr(f"field-{name}", lang) if f"field-{name}" in TEXTS else name


# Fixed English words the readers and validators pass as plain text, not as a Phrase
# (reconcile/read/read_cells_csv.py, read/make_lines.py, read/make_layout_lines.py,
# validate/identify.py, rules/total.py), and the reasons an UnreadableFileError gives as
# text: a parameter that is one of these is translated, any other text (a cell, a file name)
# is shown as it is. A test holds each to the text those modules pass.
WORDS = frozenset(
    {
        N_("the file is empty"),
        N_("it is a workbook (.xlsx, .xls or .ods), not a CSV file; give it its own extension"),
        N_("it holds NUL bytes: a binary file, or UTF-16 without its byte order mark"),
        N_("{head}… ({count} more characters not shown)"),  # reconcile.model.CUT
        N_("none: one side is not a number"),
        N_("This amount"),
        N_("title"),
        N_("file name"),
        N_("table"),
        N_("it does not exist"),
        N_("it is a folder"),
        N_("permission denied"),
        N_("the disk is full"),  # reconcile.errors.OS_REASONS, with the three above
        N_("the disk quota is used up"),
        N_("the file would be too large"),
        N_("the disk reported an input/output error"),
        N_("the disk is read-only"),
        N_("a part of the path is not a folder"),
        N_("the name is too long"),
        N_("Dutch: the point groups thousands, the comma is the decimal mark"),
        N_("English: the comma groups thousands, the point is the decimal mark"),
        N_("this column's other amounts are written that way"),
        N_("the table's other amounts are written that way"),
        N_("the file is separated by semicolons, as a spreadsheet set to Dutch saves it"),
        N_("the file is separated by commas, as a spreadsheet set to English saves it"),
        N_("the unit caption writes numbers that way"),
        N_("the amounts mix both ways of writing"),
        N_("nothing in the table shows how its numbers are written"),
        N_("comma"),
        N_("semicolon"),
        N_("pipe"),
        N_("no year"),
        N_("see `reconcile layouts`"),
        N_(
            "no line has a chapter of a known ministry, and neither the title nor "
            "the file name names one"
        ),
        N_("UTF-8 and {encoding}"),
        N_("The reserved lines"),
        N_("The lines without errors"),
        N_("the title names {codes}"),
        N_("the file name names {codes}"),
        N_("it is not a file"),
    }
)
# Texts their modules pass through a name, so that Babel cannot see them there: error
# templates of reconcile/announcement.py (_YEARS_FORM) and read/layouts.py.
NAMED_ELSEWHERE = (
    N_('{where}: years must be a list or a range such as "2025-2030"'),
    N_("{where}: numbers must be one of {formats}"),
    N_("{where}: [totals] rounding must be one of {formats}"),
)

# The placeholders of the usage line, the options and click's errors (its metavars): the
# classes of reconcile.cli.group show them in the run's language. The help texts name them as
# shown ("PADEN zijn werkmappen"); a choice ([text|json]) stays as typed.
METAVARS = frozenset(
    {
        N_("[OPTIONS]"),
        N_("COMMAND [ARGS]..."),
        N_("[COMMAND] [ARGS]..."),  # reconcile layouts [draft FILE]
        N_("PATHS"),
        N_("FILE"),
        N_("DIRECTORY"),
        N_("PATH"),
        N_("NAME"),
        N_("[FORMAT:]FILE"),
        N_("CODE=LEVEL"),
        N_("OLD"),
        N_("NEW"),
        N_("LETTER"),
    }
)
# The name click gives the number type of reconcile's number options ("'x' is not a valid
# integer range."), without gettext: they name it in the run's language (LocalisedIntRange).
CLICK_TYPES = frozenset({N_("integer range")})
# click's words after a help text ("  [default: error; required]").
HELP_TAIL = (N_("default:"), N_("required"))


def translate_metavar(metavar: str, lang: str) -> str:
    """A placeholder in ``lang``: ``PATHS...`` is ``PADEN...`` in Dutch; else as it is."""
    if metavar in METAVARS:
        return gettext(metavar, lang)
    base, dots, rest = metavar.partition("...")
    if dots and not rest and base in METAVARS:  # a parameter that takes several: PATHS...
        return gettext(base, lang) + dots
    return metavar


def fold(text: str) -> str:
    return " ".join(text.split())


def translate_help(text: str, lang: str) -> str:
    """A help text in ``lang``, paragraph by paragraph (the catalogue holds them folded)."""
    if lang == ENGLISH or not text:
        return text
    paragraphs = []
    for paragraph in text.split("\n\n"):
        head, bracket, tail = paragraph.partition("  [")
        folded = fold(head)
        translated = gettext(folded, lang)
        if translated == folded and folded.endswith("..."):  # click shortened it for a listing
            translated = _shortened(folded[:-3], lang) or folded
        if translated == folded:
            paragraphs.append(paragraph)
            continue
        for english in HELP_TAIL:
            tail = tail.replace(english, gettext(english, lang))
        paragraphs.append(translated + (bracket + tail if bracket else ""))
    return "\n\n".join(paragraphs)


def _shortened(start: str, lang: str) -> str | None:
    """The translation of the one help text that starts with ``start``; click lists a
    command by the start of its help."""
    messages = getattr(catalogue(lang), "_catalog", {})  # gettext keeps no public listing
    return next(
        (t for e, t in messages.items() if isinstance(e, str) and e.startswith(start)), None
    )
