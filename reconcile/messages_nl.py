"""Dutch texts of every finding code: its message template and its explanation.

One entry per code of ``reconcile.codes.CODES``, with the same {placeholders} as the English
template (a test holds both to that). A new code needs one line here.
"""

from __future__ import annotations

MESSAGES_NL: dict[str, tuple[str, str]] = {
    # --- read: the file and its table -------------------------------------------------------
    "file-unreadable": (
        "Het bestand is niet te lezen als werkmap: {reason}.",
        (
            "Het bestand is geen .xlsx/.xlsm-werkmap die reconcile kan openen (hernoemd, "
            "beschadigd, versleuteld of een ander formaat). Sla het opnieuw op vanuit Excel of "
            "LibreOffice als .xlsx."
        ),
    ),
    "no-table": (
        (
            "Geen begrotingstabel gevonden: geen rij binnen de eerste {rows} rijen van een blad "
            "heeft kopjes voor een hoofdstuk of artikel en een bedrag (Bedrag) of jaarkolommen "
            "(2025, 2026, ...)."
        ),
        (
            "reconcile vindt de tabel aan de kopregel. Geef de tabel een kopregel met ten minste "
            "Hoofdstuk of Artikel, en Bedrag (met Jaar) of een kolom per jaar."
        ),
    ),
    "unit-assumed": (
        "Geen eenheid vermeld; bedragen zijn gelezen als {unit}.",
        (
            'Begrotingstabellen vermelden hun eenheid, zoals "(bedragen x € 1.000)". Zonder '
            "vermelding neemt reconcile x € 1.000 aan, de gebruikelijke eenheid, en meldt dat. "
            "Zet de eenheid boven de tabel of in de kop van de bedragkolom."
        ),
    ),
    "unit-conflict": (
        "De vermelde eenheden spreken elkaar tegen: {first} en {second}.",
        (
            "Twee vermeldingen bij dezelfde tabel noemen een andere eenheid, zodat elk bedrag "
            "twijfelachtig is. Houd één vermelding over."
        ),
    ),
    "series-assumed": (
        "Geen V/U/O-kolom; elke regel is gelezen als reeks {series}.",
        (
            "Zonder V/U/O-kolom gelden de regels als de reeks die de aankondiging telt. Voeg een "
            "V/U/O-kolom toe als het bestand ook verplichtingen (V) of ontvangsten (O) bevat."
        ),
    ),
    "amount-not-computed": (
        "{label} is een formule ({formula}) zonder opgeslagen uitkomst; de waarde is onbekend.",
        (
            "Het bestand is geschreven door een programma dat formules opslaat maar niet hun "
            "uitkomst (een script, niet Excel of LibreOffice). Open het bestand in Excel of "
            "LibreOffice en sla het op, of typ de waarden."
        ),
    ),
    "total-not-computed": (
        (
            "{label} is een formule ({formula}) zonder opgeslagen uitkomst; het totaal is opnieuw "
            "berekend uit de regels."
        ),
        (
            "Het bestand is geschreven door een programma dat formules opslaat maar niet hun "
            "uitkomst. reconcile heeft het totaal niet nodig (het rekent totalen zelf na), maar "
            "een lezer ziet een lege cel tot het bestand in Excel of LibreOffice is opgeslagen."
        ),
    ),
    "total-mismatch": (
        (
            "{label} vermeldt {stated}, maar de regels die het telt zijn samen {computed} "
            "(verschil {difference})."
        ),
        (
            "Een totaalregel is een controle, geen regel: reconcile rekent hem na uit de regels "
            "erboven. Een verschil betekent dat het totaal is overschreven, verouderd is, of dat "
            "een regel buiten het bereik valt. Verbeter de regels of het totaal."
        ),
    ),
    "row-total-mismatch": (
        (
            "Het rijtotaal vermeldt {stated}, maar de jaarkolommen zijn samen {computed} "
            "(verschil {difference})."
        ),
        (
            "Een totaalkolom over de jaren moet gelijk zijn aan de som van de jaarkolommen van "
            "die rij."
        ),
    ),
    # --- validate: each line ----------------------------------------------------------------
    "missing-column": (
        "De tabel heeft geen kolom {field} (gezocht naar kopjes zoals {examples}).",
        (
            "Elke regel heeft een hoofdstuk, artikel, omschrijving, jaar en bedrag nodig. Voeg de "
            "kolom toe met een van de gebruikelijke kopjes."
        ),
    ),
    "missing-value": (
        "{field} van deze regel is leeg.",
        "Een regel heeft ten minste een hoofdstuk, artikel, omschrijving, jaar en bedrag nodig.",
    ),
    "amount-not-a-number": (
        "{value} is geen bedrag; het telt niet mee, dus het totaal is onvolledig.",
        (
            "PM (pro memorie), n.t.b. en dergelijke zeggen dat een bedrag nog niet bekend is. "
            "reconcile telt ze nooit als nul. Vul het bedrag in, of laat de regel weg tot het "
            "bekend is."
        ),
    ),
    "chapter-unknown": (
        "{value} is geen bekend begrotingshoofdstuk.",
        (
            "Hoofdstukken worden geschreven als Romeinse cijfers (XIII) of getallen (13) van de "
            "begrotingsstaten. Verbeter het hoofdstuk, of voeg het toe aan de ministerietabel in "
            "de aankondiging."
        ),
    ),
    "chapter-not-of-ministry": (
        "Hoofdstuk {chapter} hoort bij {owner}, niet bij {ministry}, van wie dit bestand is.",
        (
            "Elk ministerie reserveert op de eigen hoofdstukken. Een regel op het hoofdstuk van "
            "een ander ministerie is een tikfout of hoort in het bestand van dat ministerie."
        ),
    ),
    "article-invalid": (
        "{value} is geen artikelnummer.",
        "Artikelen zijn nummers (1, 2, 31). Zet de naam van het artikel in de omschrijving.",
    ),
    "series-invalid": (
        "{value} is geen reeks: schrijf V (verplichtingen), U (uitgaven) of O (ontvangsten).",
        "V, U en O worden nooit bij elkaar opgeteld; elke regel moet zeggen welke het is.",
    ),
    "year-invalid": (
        "{value} is geen jaartal.",
        "Jaren worden geschreven met vier cijfers, zoals 2026.",
    ),
    "year-out-of-range": (
        "Jaar {year} valt buiten de jaren van de aankondiging ({years}).",
        (
            "Regels voor andere jaren horen niet bij deze reservering. Verwijder ze of verbeter "
            "het jaar."
        ),
    ),
    "empty-description": (
        "De omschrijving van deze regel is leeg.",
        "Elke regel heeft een omschrijving nodig, zodat lezers weten wat er gereserveerd is.",
    ),
    "duplicate-line": (
        "Deze regel herhaalt {other}: zelfde hoofdstuk, artikel, omschrijving, reeks en jaar.",
        (
            "Een regel die twee keer voorkomt, telt twee keer mee. Verwijder er een, of voeg de "
            "bedragen samen."
        ),
    ),
    "negative-reservation": (
        "{amount} is negatief; een reservering is een positief bedrag.",
        (
            "Een negatief bedrag verlaagt de reservering. Als geld tussen ministeries verschuift, "
            "meldt het bijdragende ministerie zijn bijdrage als positief gereserveerd bedrag."
        ),
    ),
    "invalid-value": (
        "{value} is ongeldig als {field} ({check}).",
        (
            "Een waarde voldoet niet aan een controle van het schema voor begrotingsregels. "
            "Verbeter de waarde."
        ),
    ),
    "ministry-unknown": (
        "Niet te zeggen van welk ministerie dit bestand is: {reason}.",
        (
            "reconcile leidt het ministerie af uit de hoofdstukken van de regels, en uit een "
            "ministerienaam in de titelregels of de bestandsnaam. Zet de naam van het ministerie "
            "in de titel."
        ),
    ),
    "ministry-mismatch": (
        "De {where} noemt {named}, maar de hoofdstukken horen bij {ministry}.",
        (
            "De titel of bestandsnaam en de hoofdstukken zijn het oneens over van wie dit bestand "
            "is. Verbeter de hoofdstukken of de titel."
        ),
    ),
    "lines-not-counted": (
        "{count} regel(s) in reeks {series} tellen niet mee; de aankondiging telt {counted}.",
        (
            "Verplichtingen (V), uitgaven (U) en ontvangsten (O) worden nooit bij elkaar opgeteld. "
            "De aankondiging zegt op welke reeks de reservering wordt geteld."
        ),
    ),
    # --- reconcile: the set of files against the announcement -------------------------------
    "no-lines": (
        "Er zijn geen begrotingsregels gelezen, dus er is niets af te stemmen.",
        "Controleer of de bestanden hun regels in een tabel met een kopregel hebben.",
    ),
    "total-above-announced": (
        (
            "De gereserveerde regels zijn samen {total}, boven het aangekondigde {announced} "
            "({interval}) met {difference}: verlaag de gereserveerde regels met ten minste "
            "{difference} om aan te sluiten."
        ),
        (
            "Het totaal van de getelde regels moet liggen in het interval dat de formulering van "
            'de aankondiging toelaat ("bijna 70 miljoen" betekent ten hoogste 70 miljoen en ten '
            "hoogste 5 % minder)."
        ),
    ),
    "total-below-announced": (
        (
            "De gereserveerde regels zijn samen {total}, onder het aangekondigde {announced} "
            "({interval}) met {difference}: er moet ten minste {difference} meer gereserveerd "
            "worden om aan te sluiten."
        ),
        (
            "Het totaal van de getelde regels moet liggen in het interval dat de formulering van "
            "de aankondiging toelaat. Een ontbrekende regel, een PM of een ontbrekend bestand zijn "
            "de gebruikelijke oorzaken."
        ),
    ),
    "ministry-missing": (
        "{ministry} hoort bij te dragen, maar er is geen bestand met zijn regels gevonden.",
        "De aankondiging noemt de ministeries die bijdragen. Elk moet een werkmap sturen.",
    ),
    "ministry-unexpected": (
        "{ministry} hoort niet bij de bijdragende ministeries ({expected}).",
        (
            "Alleen de ministeries die de aankondiging noemt dragen bij. Verwijder het bestand, of "
            "voeg het ministerie toe aan de aankondiging."
        ),
    ),
    "ministry-duplicate": (
        "{ministry} heeft meer dan één bestand gestuurd: {files}.",
        "Elk ministerie stuurt één werkmap; twee bestanden zouden de regels dubbel tellen.",
    ),
    "largest-contributor": (
        (
            "{ministry} ({amount}) hoort bij de grootste bijdragers, maar {other} draagt meer bij "
            "({other_amount})."
        ),
        (
            "De aankondiging noemt de grootste bijdragers; elk ander ministerie moet minder "
            "bijdragen dan elk van hen."
        ),
    ),
    "expectation-not-met": (
        (
            "{scope} reserveert {total}, buiten het verwachte {announced} ({interval}) met "
            "{difference}."
        ),
        "De aankondiging noemt een verwacht bedrag voor dit ministerie of dit jaar.",
    ),
    "arithmetic-inconsistent": (
        (
            "De eigen bedragen van de aankondiging kloppen niet: {parts} ({sum}) kan niet gelijk "
            "zijn aan {total} ({interval})."
        ),
        (
            "De bedragen in de brief moeten met elkaar kloppen, zoals Rijk + regio = nationaal "
            "totaal. Controleer de formulering in het aankondigingsbestand."
        ),
    ),
    "arithmetic-with-computed": (
        (
            "Met het berekende totaal {computed} voor {key} kan {parts} ({sum}) niet meer gelijk "
            "zijn aan {total} ({interval})."
        ),
        (
            "Het gereserveerde totaal wordt ingevuld in de sommen van de brief; die moeten dan "
            "nog steeds kloppen."
        ),
    ),
}

# Fixed English words that findings carry as parameters, as a Dutch reader reads them.
# Parameters not listed (workbook text, file names, numbers) are shown as they are.
PARAMS_NL: dict[str, str] = {
    "This amount": "Dit bedrag",
    "title": "titel",
    "file name": "bestandsnaam",
    "table": "tabel",
    "it does not exist": "het bestaat niet",
    "it is a folder": "het is een map",
    "permission denied": "geen toegang",
    "the file is empty": "het bestand is leeg",
}
