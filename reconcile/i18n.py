"""Dutch and English: which language a run speaks, and every heading and label in both.

Finding messages live with their codes (``reconcile.codes`` in English, ``reconcile.messages_nl``
in Dutch); this module holds the words around them, shared by every renderer and writer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from reconcile.limits import Limits

LANGS = ("nl", "en")
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def resolve_lang(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """--lang when given, else the locale (LC_ALL, LC_MESSAGES, LANG: nl_* is Dutch), else en."""
    if explicit:
        return explicit
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = env.get(name, "")
        if value:  # the first variable that is set decides, as in POSIX
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"


# key -> (English, Dutch). Placeholders are filled by ``tr``.
TEXTS: dict[str, tuple[str, str]] = {
    # the terminal, HTML and workbook reports
    "ministry": ("Ministry", "Ministerie"),
    "file": ("File", "Bestand"),
    "chapter": ("Chapter", "Hoofdstuk"),
    "unit": ("Unit", "Eenheid"),
    "lines": ("Lines", "Regels"),
    "subtotal": ("Subtotal", "Subtotaal"),
    "share": ("Share", "Aandeel"),
    "transferred-out": ("Transferred out", "Overgeboekt"),
    "received": ("Received", "Ontvangen"),
    "years-title": (
        "Per year, after kasschuiven (overboekingen counted at the giver)",
        "Per jaar, na kasschuiven (overboekingen geteld bij de gever)",
    ),
    "counted": ("Counted", "Geteld"),
    "of-which-kasschuif": ("Of which kasschuiven", "Waarvan kasschuiven"),
    "total": ("Total", "Totaal"),
    "year": ("Year", "Jaar"),
    "severity": ("Severity", "Ernst"),
    "code": ("Code", "Code"),
    "sheet": ("Sheet", "Blad"),
    "cell": ("Cell", "Cel"),
    "location": ("Location", "Plaats"),
    "message": ("Message", "Melding"),
    "error": ("error", "fout"),
    "warning": ("warning", "waarschuwing"),
    "info": ("info", "opmerking"),
    "findings": ("Findings", "Bevindingen"),
    "no-findings": ("No findings.", "Geen bevindingen."),
    "summary-cut": (
        (
            "{count} more finding(s) not shown here: a job summary holds at most 1 MiB. Every "
            "finding is in the step's log and in the reports written with --output."
        ),
        (
            "{count} bevinding(en) meer hier niet getoond: een samenvatting van een job bevat "
            "hooguit 1 MiB. Elke bevinding staat in het log van de stap en in de rapporten die "
            "--output schrijft."
        ),
    ),
    "report-title": ("reconcile report", "reconcile-rapport"),
    "budget-workbooks": ("budget workbooks", "begrotingswerkmappen"),
    "announced": ("Announced", "Aangekondigd"),
    "lower-bound": ("Lower bound", "Ondergrens"),
    "upper-bound": ("Upper bound", "Bovengrens"),
    "no-upper-bound": ("none", "geen"),
    "computed-total": ("Computed total", "Berekend totaal"),
    "difference": ("Difference to the interval", "Verschil met het interval"),
    "verdict": ("Verdict", "Oordeel"),
    "contributions": ("Contributions", "Bijdragen"),
    "chart-title": (
        "Contributions against the announced band",
        "Bijdragen tegenover de aangekondigde bandbreedte",
    ),
    "band": ("announced band", "aangekondigde bandbreedte"),
    "by-ministry-year": ("Per ministry and year", "Per ministerie en jaar"),
    "summary-sheet": ("Summary", "Overzicht"),
    "chart-data": ("Chart data", "Gegevens grafiek"),
    "header": (
        "(announcement: {origin}; counted: series {series}, {first}–{last})",
        "(aankondiging: {origin}; geteld: reeks {series}, {first}–{last})",
    ),
    "verdict-incomplete-files": (
        "INCOMPLETE: not every file could be read.",
        "ONVOLLEDIG: niet elk bestand kon worden gelezen.",
    ),
    "verdict-valid": ("VALID: no errors found.", "GELDIG: geen fouten gevonden."),
    "verdict-not-valid": ("NOT VALID: {errors} error(s).", "ONGELDIG: {errors} fout(en)."),
    "verdict-where": (
        'total {total} against the announced "{text}" ({interval})',
        'totaal {total} tegenover het aangekondigde "{text}" ({interval})',
    ),
    "verdict-incomplete": (
        "INCOMPLETE: {where}; not every file could be read.",
        "ONVOLLEDIG: {where}; niet elk bestand kon worden gelezen.",
    ),
    "verdict-reconciled": ("RECONCILED: {where}.", "SLUIT AAN: {where}."),
    "verdict-not-reconciled": (
        "NOT RECONCILED: {where}; {reason}.",
        "SLUIT NIET AAN: {where}; {reason}.",
    ),
    "reason-inside": (
        "the total is inside the interval, but there are errors",
        "het totaal ligt binnen het interval, maar er zijn fouten",
    ),
    "reason-outside": ("the total is outside the interval", "het totaal ligt buiten het interval"),
    "counts": (
        "{errors} error(s), {warnings} warning(s), {notes} note(s); exit code {code}.",
        (
            "{errors} fout(en), {warnings} waarschuwing(en), {notes} opmerking(en); "
            "afsluitcode {code}."
        ),
    ),
    "reading": ("Reading workbooks", "Werkmappen lezen"),
    "written": ("Written: {path}", "Geschreven: {path}"),
    "annotate-too-large": (
        (
            "Not annotated (it holds more cells, rows, styles and texts than --max-annotate-cells "
            "allows; raise it to annotate this file): {path}"
        ),
        (
            "Niet geannoteerd (het bevat meer cellen, rijen, stijlen en teksten dan "
            "--max-annotate-cells toestaat; verhoog die grens om dit bestand te annoteren): {path}"
        ),
    ),
    "annotate-skipped": (
        "Not annotated (the file could not be read): {path}",
        "Niet geannoteerd (het bestand was niet te lezen): {path}",
    ),
    "annotate-format": (
        "Not annotated (only .xlsx and .xlsm copies are annotated; save it as .xlsx): {path}",
        (
            "Niet geannoteerd (alleen kopieën van .xlsx en .xlsm worden geannoteerd; sla het op "
            "als .xlsx): {path}"
        ),
    ),
    "go-to-cell": ("Go to the cell", "Naar de cel"),
    # the command line's own lines on standard error (reconcile.cli)
    "error-line": ("Error: {message}", "Fout: {message}"),
    "interrupted": ("Interrupted.", "Onderbroken."),
    "unexpected": (
        (
            "reconcile stopped on an unexpected problem ({problem}). Run again with --debug to "
            "see where, and please report it."
        ),
        (
            "reconcile is gestopt op een onverwacht probleem ({problem}). Draai opnieuw met "
            "--debug om te zien waar, en meld het alstublieft."
        ),
    ),
    # reconcile codes and reconcile explain CODE (reconcile.explain)
    "codes-head": ("code|severity|stage|message", "code|ernst|fase|melding"),
    "codes-more": (
        "`reconcile explain CODE` tells more about one code.",
        "`reconcile explain CODE` vertelt meer over één code.",
    ),
    "fatal": ("fatal", "fataal"),
    "explain-title": (
        "{code}  ({severity}; found while the {stage} stage runs)",
        "{code}  ({severity}; gevonden in de fase {stage})",
    ),
    "explain-message": ("What the message says:", "Wat de melding zegt:"),
    "explain-why": (
        "Why it matters and how to fix it:",
        "Waarom het ertoe doet en wat eraan te doen is:",
    ),
    "explain-severity": ("Severity:", "Ernst:"),
    "explain-fatal": (
        (
            "The input could not be used, so the run is incomplete: exit code 2, whatever the "
            "configuration says."
        ),
        (
            "Het invoerbestand was niet te gebruiken, dus de run is onvolledig: afsluitcode 2, wat "
            "de configuratie ook zegt."
        ),
    ),
    "explain-diff": (
        (
            "A change found by reconcile diff always makes it exit with 1; the severity only "
            "labels it in annotations and reports."
        ),
        (
            "Een wijziging die reconcile diff vindt, laat diff altijd eindigen met 1; de ernst "
            "geeft alleen aan hoe ze in aantekeningen en rapporten staat."
        ),
    ),
    "explain-tuning": (
        (
            "Reported as {severity}. A team can change that in reconcile.toml ([severity] {code} = "
            '"warning") or with --severity {code}=LEVEL.'
        ),
        (
            "Gemeld met ernst {severity}. Een team kan dat wijzigen in reconcile.toml "
            '([severity] {code} = "warning") of met --severity {code}=ERNST.'
        ),
    ),
    # reconcile layouts
    # words: stages of a finding, ways a layout writes its numbers (see word())
    "word-read": ("read", "lezen"),
    "word-validate": ("validate", "valideren"),
    "word-reconcile": ("reconcile", "afstemmen"),
    "word-diff": ("diff", "vergelijken"),
    "word-plain": ("plain", "zonder scheidingstekens"),
    "word-dutch": ("dutch", "Nederlands"),
    "word-english": ("english", "Engels"),
    "layout-facts": (
        "    unit {unit}, numbers {numbers}, from {source}",
        "    eenheid {unit}, getallen {numbers}, uit {source}",
    ),
    "layout-columns": ("    columns: {fields}", "    kolommen: {fields}"),
    "layout-amounts": ("    amounts: {fields}", "    bedragen: {fields}"),
    # reconcile diff (reconcile.report.diff)
    "diff-verdict-incomplete": (
        "INCOMPLETE: a file could not be read.",
        "ONVOLLEDIG: een bestand kon niet worden gelezen.",
    ),
    "diff-verdict-equal": (
        "EQUAL: {unchanged} lines, none changed.",
        "GELIJK: {unchanged} regels, geen gewijzigd.",
    ),
    "diff-verdict-different": (
        "DIFFERENT: {added} added, {removed} removed, {changed} changed, {unchanged} unchanged.",
        (
            "VERSCHILLEND: {added} toegevoegd, {removed} verwijderd, {changed} gewijzigd, "
            "{unchanged} ongewijzigd."
        ),
    ),
    "exit-code": ("exit code {code}.", "afsluitcode {code}."),
    "diff-change": ("Change", "Wijziging"),
    "diff-line": ("Line", "Regel"),
    "diff-old": ("Old", "Oud"),
    "diff-new": ("New", "Nieuw"),
    "diff-difference": ("Difference", "Verschil"),
    "diff-series": ("V/U/O", "V/U/O"),
    "diff-moment": ("Moment", "Begrotingsfase"),
    "diff-new-minus-old": ("New − old", "Nieuw − oud"),
    "diff-changes": ("Changes", "Wijzigingen"),
    "diff-net-effect": ("Net effect", "Netto-effect"),
    "diff-added": ("added", "toegevoegd"),
    "diff-removed": ("removed", "verwijderd"),
    "diff-changed": ("changed", "gewijzigd"),
    # the fields a line is known by in a diff (its key): the layouts' names, as a reader says them
    "field-chapter": ("chapter", "hoofdstuk"),
    "field-article": ("article", "artikel"),
    "field-series": ("series", "reeks"),
    "field-year": ("year", "jaar"),
    "field-moment": ("moment", "begrotingsfase"),
    "field-description": ("description", "omschrijving"),
    "field-occurrence": ("occurrence", "voorkomen"),
    "field-phase": ("phase", "fase"),
    "field-subdivision": ("subdivision", "onderverdeling"),
    "field-instrument": ("instrument", "instrument"),
    "field-breakdown": ("breakdown", "uitsplitsing"),
    "field-detail": ("detail", "nadere omschrijving"),
    "field-paragraph": ("paragraph", "paragraaf"),
    "field-measure": ("measure", "maatregel"),
    "field-kind": ("kind", "soort"),
    # announcement drafts from a letter (reconcile.letter)
    "draft-head": (
        "Announcement drafted by `reconcile announcement draft` from the letter {letter}.",
        "Aankondiging opgesteld door `reconcile announcement draft` uit de brief {letter}.",
    ),
    "draft-read": (
        (
            "Every value quotes the letter's sentence and its place. Read it through, settle every "
            "CHOOSE, then run `reconcile check` with this file."
        ),
        (
            "Bij elke waarde staat de zin uit de brief en zijn plaats. Lees het bestand na, maak "
            "elke keuze bij KIES, en draai dan `reconcile check` met dit bestand."
        ),
    ),
    "draft-series": (
        "uitgaven: a reservation is counted on U unless the letter says otherwise",
        "uitgaven: een reservering telt op U, tenzij de brief iets anders zegt",
    ),
    "draft-years": (
        "Years: the first year named to the last + 4 (t .. t+4), from {moments}.",
        "Jaren: het eerste genoemde jaar tot het laatste + 4 (t .. t+4), uit {moments}.",
    ),
    "draft-target": (
        "The amount the reserved lines must add up to: the one the letter reserves.",
        (
            "Het bedrag waarop de gereserveerde regels moeten uitkomen: het bedrag dat de brief "
            "reserveert."
        ),
    ),
    "draft-written": ("the letter writes: {written}", "de brief schrijft: {written}"),
    "draft-sums": (
        "The letter's arithmetic: these parts can add up to these totals within their intervals.",
        (
            "De rekensom van de brief: deze delen kunnen binnen hun intervallen optellen tot deze "
            "totalen."
        ),
    ),
    "draft-choose": ("CHOOSE", "KIES"),
    "draft-paragraph": ("paragraph {paragraph}", "alinea {paragraph}"),
    "draft-page-paragraph": (
        "page {page}, paragraph {paragraph}",
        "blz. {page}, alinea {paragraph}",
    ),
    "draft-footnote": ("footnote (page {page})", "voetnoot (blz. {page})"),
    "draft-open-no-amounts": (
        "the letter names no amount of money; write [amounts] and reconcile yourself",
        "de brief noemt geen geldbedrag; schrijf [amounts] en reconcile zelf",
    ),
    "draft-open-target": (
        (
            "which amount must the reserved lines add up to? The letter does not reserve one "
            "amount in so many words; one of: {keys}"
        ),
        (
            "op welk bedrag moeten de gereserveerde regels uitkomen? De brief reserveert niet met "
            "zoveel woorden één bedrag; een van: {keys}"
        ),
    ),
    "draft-open-years": (
        (
            "which years? The letter names no budget moment with a year (ontwerpbegroting 2026, "
            "September suppletoire 2025)"
        ),
        (
            "welke jaren? De brief noemt geen begrotingsmoment met een jaar "
            "(ontwerpbegroting 2026, september suppletoire 2025)"
        ),
    ),
    "draft-open-sum": (
        (
            "the letter calls {total} a total, but which amounts add up to it? Each of these "
            "can: {options}"
        ),
        (
            "de brief noemt {total} een totaal, maar welke bedragen tellen daartoe op? Elk van "
            "deze kan: {options}"
        ),
    ),
    "draft-open-sum-none": (
        "the letter calls {total} a total, but no amounts before it can add up to it",
        "de brief noemt {total} een totaal, maar geen bedragen ervoor kunnen daartoe optellen",
    ),
    "draft-open-sum-many": (
        (
            "the letter calls {total} a total after {count} amounts, too many to try every set "
            "of them: write its [[sums]] yourself"
        ),
        (
            "de brief noemt {total} een totaal na {count} bedragen, te veel om elke verzameling "
            "ervan te proberen: schrijf de [[sums]] zelf"
        ),
    ),
    "draft-open-per-year": (
        (
            "{where}: {text!r} is a yearly amount; is the total over the years meant, or an "
            "[[expect]] per year?"
        ),
        (
            "{where}: {text!r} is een bedrag per jaar; wordt het totaal over de jaren bedoeld, of "
            "een [[expect]] per jaar?"
        ),
    ),
    "draft-open-zero": (
        "{where}: {text!r} is no positive amount, and an announcement holds only those",
        "{where}: {text!r} is geen positief bedrag, en een aankondiging bevat alleen die",
    ),
    "draft-open-contributors": (
        "which ministries contribute? The letter names none with its budget",
        "welke ministeries dragen bij? De brief noemt er geen met zijn begroting",
    ),
    "draft-open-ministry": (
        (
            "{where} names the ministry of {name}, which is not in the ministry table: add it as "
            "[ministries.CODE] and to expected"
        ),
        (
            "{where} noemt het ministerie van {name}, dat niet in de ministerietabel staat: "
            "voeg het toe als [ministries.CODE] en aan expected"
        ),
    ),
    "draft-open-table": (
        "{where} holds a table ({caption}); its figures are not read: add its amounts by hand",
        (
            "{where} bevat een tabel ({caption}); de getallen daarin worden niet gelezen: voeg de "
            "bedragen zelf toe"
        ),
    ),
    "draft-open-unread": (
        "{where}: {text!r} looks like an amount but cannot be read as one",
        "{where}: {text!r} lijkt een bedrag maar is er niet als een te lezen",
    ),
    "draft-summary": (
        (
            "Drafted from {letter}: {amounts} amount(s), {sums} sum(s), {contributors} "
            "contributor(s); {open} choice(s) left open."
        ),
        (
            "Opgesteld uit {letter}: {amounts} bedrag(en), {sums} som(men), {contributors} "
            "bijdrager(s); {open} keuze(s) open."
        ),
    ),
    "draft-open-line": ("  to choose: {message}", "  te kiezen: {message}"),
    "draft-exists": (
        "{path} already exists; --force replaces it",
        "{path} bestaat al; --force vervangt het",
    ),
    # submission templates (reconcile.template)
    "tpl-either": ("give either --ministry CODE or --all", "geef --ministry CODE of --all"),
    "tpl-no-contributors": (
        "the announcement names no contributors; use --ministry",
        "de aankondiging noemt geen bijdragers; gebruik --ministry",
    ),
    "tpl-output-file": (
        "with --all, -o names a folder; {path} is a file",
        "met --all noemt -o een map; {path} is een bestand",
    ),
    "tpl-exists": (
        "{paths} already exists; --force replaces it",
        "{paths} bestaat al; --force vervangt het",
    ),
    "tpl-sheet": ("Reservation", "Reservering"),
    "tpl-instructions-sheet": ("Instructions", "Toelichting"),
    "tpl-ministry-title": ("Ministry of {name}", "Ministerie van {name}"),
    "tpl-subject": (
        "{name}: reservation {first}–{last}, series {series}",
        "{name}: reservering {first}–{last}, reeks {series}",
    ),
    "tpl-unit": ("(amounts x EUR 1,000)", "(bedragen x € 1.000)"),
    "tpl-chapter": ("Chapter", "Hoofdstuk"),
    "tpl-article": ("Article", "Artikel"),
    "tpl-description": ("Description", "Omschrijving"),
    "tpl-series": ("Series", "V/U/O"),
    "tpl-year": ("Year", "Jaar"),
    "tpl-amount": ("Amount", "Bedrag"),
    "tpl-kind": ("Mutation kind", "Soort mutatie"),
    "tpl-total": ("Total", "Totaal"),
    "tpl-pick": ("Pick from the list", "Kies uit de lijst"),
    "tpl-pick-chapter": ("The chapter of your budget.", "Het hoofdstuk van uw begroting."),
    "tpl-pick-article": (
        "The article number (1, 2, 31, ...).",
        "Het artikelnummer (1, 2, 31, ...).",
    ),
    "tpl-pick-known-article": (
        "One of your chapter's articles (see the sheet Instructions).",
        "Een van de artikelen van uw hoofdstuk (zie het blad Toelichting).",
    ),
    "tpl-article-error": (
        "This article is not on the list of known articles; check the number.",
        "Dit artikel staat niet in de lijst van bekende artikelen; controleer het nummer.",
    ),
    "tpl-known-articles": (
        (
            "Known articles of chapter {chapters} (the drop-down list; another article is "
            "accepted after a warning):"
        ),
        (
            "Bekende artikelen van hoofdstuk {chapters} (de keuzelijst; een ander artikel wordt "
            "na een waarschuwing geaccepteerd):"
        ),
    ),
    "tpl-known-articles-unlisted": (
        (
            "Known articles of chapter {chapters} (too many for a drop-down list, so the article "
            "cell takes any number from 1 to 999):"
        ),
        (
            "Bekende artikelen van hoofdstuk {chapters} (te veel voor een keuzelijst, dus de "
            "artikelcel neemt elk nummer van 1 tot en met 999):"
        ),
    ),
    "tpl-pick-series": (
        "V commitments, U expenditure, O receipts.",
        "V verplichtingen, U uitgaven, O ontvangsten.",
    ),
    "tpl-pick-year": ("One of the announcement's years.", "Een van de jaren van de aankondiging."),
    "tpl-pick-kind": (
        (
            "Empty: a reservation. Kasschuif: between years. Overboeking naar/van: to or from the "
            "ministry the description names. Vrijval: a reservation released."
        ),
        (
            "Leeg: een reservering. Kasschuif: tussen jaren. Overboeking naar/van: naar of van het "
            "ministerie dat de omschrijving noemt. Vrijval: een reservering die vrijvalt."
        ),
    ),
    "tpl-amount-title": ("Amount x EUR 1,000", "Bedrag x € 1.000"),
    "tpl-amount-prompt": (
        "A number in thousands of euros, e.g. 5100 for EUR 5,1 mln.",
        "Een getal in duizenden euro's, bijvoorbeeld 5100 voor € 5,1 mln.",
    ),
    "tpl-amount-error": (
        (
            "An amount is a number typed without separators (2500, not 2.500 or PM), positive "
            "for a reservation."
        ),
        (
            "Een bedrag is een getal zonder scheidingstekens (2500, niet 2.500 of PM), positief "
            "voor een reservering."
        ),
    ),
}


def tr(key: str, lang: str, **params: object) -> str:
    """The text ``key`` in ``lang``, with its placeholders filled from ``params``."""
    english, dutch = TEXTS[key]
    text = dutch if lang == "nl" else english
    return text.format(**params) if params else text


def word(name: str, lang: str) -> str:
    """A fixed word of reconcile's own (a stage, a way of writing numbers) in ``lang``; a word
    without a text of its own stays as it is."""
    return tr(f"word-{name}", lang) if f"word-{name}" in TEXTS else name


def field_name(name: str, lang: str) -> str:
    """A key field of a line (chapter, article, a layout's column) as a reader of ``lang`` says
    it; a field a layout file names that reconcile does not know stays as it is."""
    return tr(f"field-{name}", lang) if f"field-{name}" in TEXTS else name


# Help texts of the command line in Dutch, keyed by the English text (whitespace folded).
# A test checks that every help text of every command and option has an entry here.
HELP_NL: dict[str, str] = {
    "Validate budget-amendment workbooks and reconcile them with what was announced.": (
        "Controleer werkmappen met begrotingsmutaties en stem ze af op wat is aangekondigd."
    ),
    "Show the traceback when reconcile stops on an error.": (
        "Toon de traceback als reconcile stopt op een fout."
    ),
    "Show the version and exit.": "Toon de versie en stop.",
    "Show this message and exit.": "Toon deze hulptekst en stop.",
    "Reconcile the ministries' workbooks in PATHS with the announcement.": (
        "Stem de werkmappen van de ministeries in PADEN af op de aankondiging."
    ),
    "PATHS are workbooks (.xlsx, .xlsm, .ods, .xls), CSV files (.csv, .tsv) and folders; a "
    "folder means every workbook and CSV file in it.": (
        "PADEN zijn werkmappen (.xlsx, .xlsm, .ods, .xls), CSV-bestanden (.csv, .tsv) en mappen; "
        "een map betekent elke werkmap en elk CSV-bestand erin."
    ),
    "Read this sheet of every workbook. Default: the sheet holding the table.": (
        "Lees dit blad van elke werkmap. Standaard: het blad met de tabel."
    ),
    "Check each workbook in PATHS on its own, without reconciling the set.": (
        "Controleer elke werkmap in PADEN op zichzelf, zonder de set af te stemmen."
    ),
    "The announcement only supplies the years and series a line may have.": (
        "De aankondiging levert alleen de jaren en de reeks die een regel mag hebben."
    ),
    "Colour the terminal report. Default: only on a terminal, and never when NO_COLOR is set.": (
        "Kleur in het rapport. Standaard: alleen op een terminal, en nooit als NO_COLOR is gezet."
    ),
    "Announcement TOML file. Default: announcement.toml in a given folder, else the built-in "
    "AI-fabriek announcement.": (
        "Aankondiging als TOML-bestand. Standaard: announcement.toml in een opgegeven map, "
        "anders de ingebouwde aankondiging van de AI-fabriek."
    ),
    "Language of the report: nl or en. Default: the locale (LC_ALL, LANG), else en.": (
        "Taal van het rapport: nl of en. Standaard: de locale (LC_ALL, LANG), anders en."
    ),
    "Write annotated copies of the workbooks (and for check a summary workbook) into this "
    "folder. The inputs are never changed.": (
        "Schrijf geannoteerde kopieën van de werkmappen (en bij check een overzichtswerkmap) "
        "in deze map. De invoerbestanden worden nooit gewijzigd."
    ),
    "Write a submission template: the workbook a ministry fills in.": (
        "Schrijf een invulsjabloon: de werkmap die een ministerie invult."
    ),
    "The workbook has title lines, a header row, the announcement's years, drop-down lists, a "
    "Totaal row with a formula, a locked header and an instruction sheet; reconcile reads it "
    "as it is.": (
        "De werkmap heeft titelregels, een kopregel, de jaren van de aankondiging, "
        "keuzelijsten, een Totaal-regel met formule, een beveiligde kop en een blad met "
        "toelichting; reconcile leest hem zoals hij is."
    ),
    "The ministry (EZ, Defensie, OCW, ...).": "Het ministerie (EZ, Defensie, OCW, ...).",
    "One template per ministry the announcement expects.": (
        "Eén sjabloon per ministerie dat de aankondiging verwacht."
    ),
    "The workbook to write (with --ministry), or the folder (with --all; default: the current "
    "folder).": (
        "De werkmap om te schrijven (met --ministry), of de map (met --all; standaard: de "
        "huidige map)."
    ),
    "Announcement TOML file whose years and contributors the template follows. Default: the "
    "built-in AI-fabriek announcement.": (
        "Aankondiging als TOML-bestand; het sjabloon volgt haar jaren en bijdragers. "
        "Standaard: de ingebouwde aankondiging van de AI-fabriek."
    ),
    "Language of the list: nl or en. Default: the locale (LC_ALL, LANG), else en.": (
        "Taal van de lijst: nl of en. Standaard: de locale (LC_ALL, LANG), anders en."
    ),
    "Language of the explanation: nl or en. Default: the locale (LC_ALL, LANG), else en.": (
        "Taal van de uitleg: nl of en. Standaard: de locale (LC_ALL, LANG), anders en."
    ),
    "Language of the template: nl or en. Default: the locale (LC_ALL, LANG), else en.": (
        "Taal van het sjabloon: nl of en. Standaard: de locale (LC_ALL, LANG), anders en."
    ),
}
HELP_NL.update(
    {  # reconcile announcement draft
        "Work with announcement files.": "Werken met aankondigingsbestanden.",
        "Draft an announcement TOML from LETTER, a letter to the Tweede Kamer: plain text, a PDF "
        "with a text layer, or the HTML page of officielebekendmakingen.nl.": (
            "Stel een aankondiging (TOML) op uit BRIEF, een brief aan de Tweede Kamer: platte "
            "tekst, een pdf met tekstlaag, of de HTML-pagina van officielebekendmakingen.nl."
        ),
        "Every amount is quoted with its sentence and place; what the letter leaves open is "
        "written as a commented choice and listed on standard error.": (
            "Elk bedrag staat er met zijn zin en plaats bij; wat de brief openlaat, staat er als "
            "keuze in commentaar en op standaardfout."
        ),
        "Exit codes: 0 drafted, every choice made; 1 drafted, with choices left open (listed on "
        "standard error); 2 usage error, or a letter that could not be read.": (
            "Afsluitcodes: 0 opgesteld, elke keuze gemaakt; 1 opgesteld, met open keuzes (op "
            "standaardfout); 2 gebruiksfout, of een brief die niet te lezen was."
        ),
        "Write the announcement to FILE (atomically). Default: standard output.": (
            "Schrijf de aankondiging naar BESTAND (atomair). Standaard: standaarduitvoer."
        ),
        "Replace FILE when it already exists.": "Vervang BESTAND als het al bestaat.",
        "Language of the comments and messages: nl or en. Default: the locale (LC_ALL, LANG), "
        "else en.": (
            "Taal van het commentaar en de meldingen: nl of en. Standaard: de locale (LC_ALL, "
            "LANG), anders en."
        ),
    }
)
HELP_NL.update(
    {
        "Also write a JUnit XML report to FILE (same as --output junit:FILE).": (
            "Schrijf ook een JUnit-XML-rapport naar BESTAND (hetzelfde als --output junit:BESTAND)."
        ),
        "Exit codes: 0 valid and reconciled; 1 findings of severity error (see --fail-on); 2 "
        "usage error, bad configuration, or an input that could not be read.": (
            "Afsluitcodes: 0 geldig en sluitend; 1 bevindingen met ernst fout (zie --fail-on); "
            "2 verkeerd gebruik, foute configuratie, of een invoerbestand dat niet te lezen was."
        ),
        "Explain finding CODE: what it means, why it matters and how to fix it.": (
            "Leg bevinding CODE uit: wat zij betekent, waarom zij ertoe doet en hoe u haar "
            "verhelpt."
        ),
        "List every finding code with its severity and stage.": (
            "Toon elke bevindingscode met haar ernst en fase."
        ),
        "Report CODE at LEVEL (error, warning, info); repeatable. In the config file: a "
        "[severity] table.": (
            "Meld CODE met ERNST (error, warning, info); herhaalbaar. In het "
            "instellingenbestand: een tabel [severity]."
        ),
        "Report format on standard output. Default: github when GITHUB_ACTIONS=true (and a "
        "summary to $GITHUB_STEP_SUMMARY), else text.": (
            "Formaat van het rapport op standaarduitvoer. Standaard: github als "
            "GITHUB_ACTIONS=true (met een samenvatting in $GITHUB_STEP_SUMMARY), anders text."
        ),
        "text for people, json for scripts (its JSON Schema is in reconcile/data/).": (
            "text voor mensen, json voor scripts (het JSON Schema staat in reconcile/data/)."
        ),
        "Settings file. Default: reconcile.toml or [tool.reconcile] in pyproject.toml, looked "
        "for from the working directory upward.": (
            "Instellingenbestand. Standaard: reconcile.toml of [tool.reconcile] in "
            "pyproject.toml, gezocht vanaf de werkmap omhoog."
        ),
        "The least severity that makes the run fail (exit 1). An unreadable input always gives "
        "exit 2.": (
            "De laagste ernst waarbij de run faalt (afsluitcode 1). Een onleesbaar "
            "invoerbestand geeft altijd afsluitcode 2."
        ),
        "Write the report to FILE (atomically); repeatable. The format is FORMAT, else follows "
        "from the suffix (.json, .xml: junit, .txt: text, .html), else --format. A file in the "
        "--format takes the place of standard output.": (
            "Schrijf het rapport naar BESTAND (atomair); herhaalbaar. Het formaat is FORMAAT, "
            "anders volgt het uit de extensie (.json, .xml: junit, .txt: text, .html), anders "
            "--format. Een bestand in het --format komt in plaats van standaarduitvoer."
        ),
    }
)
HELP_NL.update(
    {
        "Replace a workbook that already exists.": "Vervang een werkmap die al bestaat.",
        "Exit codes: 0 the tables are equal; 1 they differ; 2 usage error, or an input that "
        "could not be read.": (
            "Afsluitcodes: 0 de tabellen zijn gelijk; 1 zij verschillen; 2 verkeerd gebruik, of "
            "een invoerbestand dat niet te lezen was."
        ),
        "The outputs are those of check: a change is annotated at its cell (github) and fails "
        "the JUnit case of its kind (line-added, line-removed, line-changed).": (
            "De uitvoer is die van check: een wijziging krijgt een aantekening bij haar cel "
            "(github) en laat het JUnit-geval van haar soort mislukken (line-added, line-removed, "
            "line-changed)."
        ),
        "Print a starting layout (TOML) for a table whose header no layout knows.": (
            "Toon een eerste indeling (TOML) voor een tabel waarvan geen indeling de kopregel kent."
        ),
        "Each field and amount column is guessed from its label and values, with a comment "
        "saying why; check the guesses, save it and read the table with --layout FILE.toml.": (
            "Elk veld en elke bedragkolom wordt geraden uit kopje en waarden, met een opmerking "
            "waarom; controleer de gissingen, bewaar het en lees de tabel met --layout "
            "BESTAND.toml."
        ),
        "The layout's name. Default: the file's name.": (
            "De naam van de indeling. Standaard: de naam van het bestand."
        ),
        "List the built-in layouts: the table formats reconcile reads by their header labels.": (
            "Toon de ingebouwde indelingen: de tabelformaten die reconcile aan hun kopjes herkent."
        ),
        "List the lines added, removed and changed between two versions OLD and NEW of a table.": (
            "Toon de regels die zijn toegevoegd, verwijderd en gewijzigd tussen twee versies "
            "OUD en NIEUW van een tabel."
        ),
        "Read both files with this layout.": "Lees beide bestanden met deze indeling.",
        "Read the files with this layout: a name from `reconcile layouts`, or a .toml file. "
        "Default: found by the header labels.": (
            "Lees de bestanden met deze indeling: een naam uit `reconcile layouts`, of een "
            ".toml-bestand. Standaard: herkend aan de kopjes."
        ),
        "Read this sheet of both workbooks.": "Lees dit blad van beide werkmappen.",
    }
)


# click's own messages (usage errors, bad values, "Usage:", "Try ... for help.") in Dutch, keyed by
# the English text click passes to gettext; reconcile.cli hands click these while a run speaks
# Dutch. A test checks that every message click's parser, types and exceptions use is here.
# click names a path's kind ("File") when the option is declared, in English: the Dutch texts
# leave it out.
CLICK_NL: dict[str, str] = {
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Probeer '{command} {option}' voor hulp.",
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "Aborted!": "Afgebroken!",
    "Missing command.": "De opdracht ontbreekt.",
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "deprecated": "verouderd",
    "(dynamic)": "(dynamisch)",
    "Value must be an iterable.": "De waarde moet een reeks zijn.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende parameter",
    "Missing {param_type}": "Ontbrekend: {param_type}",
    "Missing parameter: {param_name}": "Ontbrekende parameter: {param_name}",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "Could not open file {filename!r}: {message}": (
        "Kan het bestand {filename!r} niet openen: {message}"
    ),
    "unknown error": "onbekende fout",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} vraagt {nargs} waarden.",
    "Invalid start character for option ({option})": (
        "Ongeldig beginteken voor een optie ({option})"
    ),
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Choice({choices})": "Keuze({choices})",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "directory": "map",
    "file": "bestand",
    "path": "pad",
    "{name} {filename!r} does not exist.": "{filename!r} bestaat niet.",
    "{name} {filename!r} is a directory.": "{filename!r} is een map.",
    "{name} {filename!r} is a file.": "{filename!r} is een bestand.",
    "{name} {filename!r} is not executable.": "{filename!r} is niet uitvoerbaar.",
    "{name} {filename!r} is not readable.": "{filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{filename!r} is niet schrijfbaar.",
    "{value!r} is not a valid UUID.": "{value!r} is geen geldige UUID.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} is geen geldige ja/nee-waarde. Herkende waarden: {states}"
    ),
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
}
# The names click gives its number types (in "'x' is not a valid integer range." and in a help
# text's metavar), by the English name: reconcile.cli_lang renames the types while a run speaks
# Dutch. A range is still a number to the reader; its bounds are shown beside it.
CLICK_TYPES_NL: dict[str, str] = {
    "integer": "geheel getal",
    "integer range": "geheel getal",
    "float": "getal",
    "float range": "getal",
}
# The placeholders of the usage line, the options and click's errors (its metavars), by the
# English: reconcile.cli_lang has click show them in Dutch while a run speaks Dutch. The help
# texts name them as shown ("PADEN zijn werkmappen"); a choice ([text|json]) stays as typed.
METAVARS_NL: dict[str, str] = {
    "[OPTIONS]": "[OPTIES]",
    "COMMAND [ARGS]...": "OPDRACHT [ARGUMENTEN]...",
    "[COMMAND] [ARGS]...": "[OPDRACHT] [ARGUMENTEN]...",  # reconcile layouts [draft FILE]
    "PATHS": "PADEN",
    "FILE": "BESTAND",
    "DIRECTORY": "MAP",
    "PATH": "PAD",
    "NAME": "NAAM",
    "[FORMAT:]FILE": "[FORMAAT:]BESTAND",
    "CODE=LEVEL": "CODE=ERNST",
    "OLD": "OUD",
    "NEW": "NIEUW",
    "LETTER": "BRIEF",
}


def translate_metavar(metavar: str, lang: str) -> str:
    """A placeholder in ``lang``: ``PATHS...`` is ``PADEN...`` in Dutch; else as it is."""
    if lang != "nl":
        return metavar
    if metavar in METAVARS_NL:
        return METAVARS_NL[metavar]
    base, dots, rest = metavar.partition("...")
    if dots and not rest:  # a parameter that takes several: PATHS...
        return METAVARS_NL.get(base, base) + dots
    return metavar


# click's messages with a singular and a plural form: (singular, plural) -> the same in Dutch.
CLICK_PLURALS_NL: dict[tuple[str, str], tuple[str, str]] = {
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Bedoelde u {possibility}?",
        "(Bedoelde u een van: {possibilities}?)",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Optie {name!r} vraagt een waarde.",
        "Optie {name!r} vraagt {nargs} waarden.",
    ),
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Onverwacht extra argument ({args})",
        "Onverwachte extra argumenten ({args})",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Vraagt {nargs} waarden, maar er is 1 gegeven.",
        "Vraagt {nargs} waarden, maar er zijn er {len} gegeven.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} is niet {choice}.",
        "{value!r} is niet een van {choices}.",
    ),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): (
        "{len_type} waarden zijn vereist, maar er is {len_value} gegeven.",
        "{len_type} waarden zijn vereist, maar er zijn er {len_value} gegeven.",
    ),
    (
        "{value!r} does not match the format {format}.",
        "{value!r} does not match the formats {formats}.",
    ): (
        "{value!r} past niet bij het formaat {format}.",
        "{value!r} past niet bij de formaten {formats}.",
    ),
}


def fold(text: str) -> str:
    return " ".join(text.split())


def translate_help(text: str, lang: str) -> str:
    """A help text in ``lang``: Dutch from HELP_NL, paragraph by paragraph; else as it is."""
    if lang != "nl" or not text:
        return text
    paragraphs = []
    for paragraph in text.split("\n\n"):
        head, bracket, tail = paragraph.partition("  [")
        folded = fold(head)
        dutch = HELP_NL.get(folded)
        if dutch is None and folded.endswith("..."):  # click shortened it for a listing
            dutch = next((nl for en, nl in HELP_NL.items() if en.startswith(folded[:-3])), None)
        if dutch is None:
            paragraphs.append(paragraph)
            continue
        tail = tail.replace("default:", "standaard:").replace("required", "verplicht")
        paragraphs.append(dutch + (bracket + tail if bracket else ""))
    return "\n\n".join(paragraphs)


# The file limits' options (reconcile.limits) carry their Dutch help beside the English.
HELP_NL.update({Limits.help(name): Limits.help(name, "nl") for name in Limits.names()})
