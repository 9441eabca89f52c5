"""Dutch texts of every finding code: its message template and its explanation.

One entry per code of ``reconcile.codes.CODES``, with the same {placeholders} as the English
template (a test holds both to that). A new code needs one line here.
"""

from __future__ import annotations

MESSAGES_NL: dict[str, tuple[str, str]] = {
    # --- read: the file and its table -------------------------------------------------------
    "file-unreadable": (
        "Het bestand is niet te lezen: {reason}.",
        (
            "Het bestand is geen werkmap (.xlsx, .xlsm, .ods, .xls) of CSV-bestand dat "
            "reconcile kan openen: hernoemd, beschadigd, versleuteld of een ander formaat. Sla "
            "het opnieuw op vanuit Excel of LibreOffice als .xlsx."
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
    "description-unlabelled": (
        (
            "De cel boven de regelnamen is leeg; de eerste kolom met namen links van de jaren "
            "is gelezen als de omschrijving."
        ),
        (
            "Gepubliceerde mutatietabellen laten de cel boven hun regelnamen leeg. reconcile "
            "leest zo'n brede tabel als de jaren gevonden zijn en de eerste regel eronder een "
            'naam links daarvan heeft. Typ "Omschrijving" in de cel om het zelf te zeggen.'
        ),
    ),
    "chapter-from-ministry": (
        (
            "Geen kolom Hoofdstuk; elke regel is gelezen als op hoofdstuk {chapter}, de "
            "begroting van {ministry}, wiens bestand dit is."
        ),
        (
            'De eigen mutatietabel van een ministerie ("Departementale uitgavenmutaties") '
            "heeft geen kolom hoofdstuk: het hoofdstuk is de eigen begroting, genoemd in de "
            "titel. reconcile neemt het van het ministerie dat de titel of bestandsnaam noemt. "
            "Heeft dat ministerie meer dan één begrotingshoofdstuk (Financiën: IXA en IXB, BZ: "
            "V en XVII), of is het ministerie niet te bepalen, dan ontbreekt de kolom: voeg een "
            "kolom Hoofdstuk toe."
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
    "row-outside-table": (
        (
            "Deze rij hoort niet bij de tabel (geen jaar, reeks of hoofdstuk, of de "
            "kopregel nog eens): niet als regels gelezen."
        ),
        (
            "Gepubliceerde tabellen hebben soms een notitie of een stuk van een gedrukte tabel "
            'onder de gegevens ("Art.;Omschrijving;Stand ontwerp-begroting"). Zo\'n rij wordt '
            "een keer gemeld en overgeslagen, niet cel voor cel gecontroleerd."
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
    # --- read: workbooks as they arrive (sheets, hidden and merged cells, number writing) -
    "sheet-not-found": (
        "De werkmap heeft geen blad {sheet} (de bladen: {sheets}).{hint}",
        (
            "--sheet noemt het blad dat in elke opgegeven werkmap wordt gelezen. Controleer de "
            "spelling, of laat --sheet weg zodat reconcile zelf het blad met de tabel vindt."
        ),
    ),
    "sheet-chosen": (
        "Blad {sheet} is gelezen; andere bladen met een tabel niet: {others}.",
        (
            "reconcile leest het eerste zichtbare blad met een begrotingstabel. Gebruik --sheet "
            "NAAM om een ander blad te lezen, of houd één tabel per werkmap."
        ),
    ),
    "hidden-sheet-skipped": (
        "Blad {sheet} is verborgen en is niet gelezen.",
        (
            "Verborgen bladen bevatten meestal opzoeklijsten. Maak het blad zichtbaar, of noem "
            "het met --sheet, als het de tabel bevat."
        ),
    ),
    "hidden-sheet-read": (
        "Blad {sheet} is verborgen; het is gelezen omdat geen zichtbaar blad een tabel heeft.",
        (
            "Een lezer van de werkmap ziet dit blad niet. Maak het zichtbaar, zodat wat wordt "
            "verstuurd ook is wat wordt gelezen."
        ),
    ),
    "hidden-line": (
        (
            "Rij {row} is verborgen maar bevat een regel; die is gelezen en geteld als een "
            "zichtbare rij."
        ),
        (
            "Verborgen rijen worden gelezen (Excel's SOM telt ze ook), maar een lezer van de "
            "werkmap ziet ze niet. Maak de rij zichtbaar, of verwijder haar als de regel er "
            "niet thuishoort."
        ),
    ),
    "hidden-column": (
        "Kolom {column} ({label}) is verborgen; zij hoort bij de tabel en is gelezen.",
        (
            "Verborgen kolommen worden gelezen als zichtbare, maar een lezer van de werkmap "
            "ziet ze niet. Maak de kolom zichtbaar, of verwijder haar als zij er niet thuishoort."
        ),
    ),
    "merged-cells": (
        "Cellen {cells} zijn samengevoegd; elke rij is gelezen met {value}.",
        (
            "Een waarde die over meer rijen is samengevoegd (een hoofdstuk of artikel één keer "
            "geschreven voor een groep regels) hoort bij elk van die rijen. Samengevoegde "
            "bedragen tellen één keer, op hun eerste rij."
        ),
    ),
    "second-table": (
        "Op rij {row} begint een tweede tabel; alleen de tabel in rij {first}–{last} is gelezen.",
        (
            "reconcile leest één tabel per blad. Zet de tweede tabel op een eigen blad (en noem "
            "dat met --sheet), of verwijder haar."
        ),
    ),
    "year-is-date": (
        (
            "Het jaar is opgeslagen als de datum {shown}; het is gelezen als {year} "
            "({count} cel(len) in deze kolom)."
        ),
        (
            "Een jaartal getypt in een cel met datumopmaak verschijnt als een dag in 1905. "
            "reconcile leest het getal dat is getypt. Geef de cellen getalopmaak."
        ),
    ),
    "amount-is-date": (
        "Het bedrag is opgeslagen als de datum {shown}; het getal erin, {number}, is gelezen.",
        (
            "Een getal getypt in een cel met datumopmaak verschijnt als datum. reconcile leest "
            "het getal dat is getypt, maar een echte datum in een bedragkolom is een fout: "
            "controleer de cel en geef haar getalopmaak."
        ),
    ),
    "separator-assumed": (
        (
            "{value} is op twee manieren te lezen; het is gelezen als {read} ({convention}) omdat "
            "{source}, bijv. {example}; {count} zulke cel(len)."
        ),
        (
            'Een getal met één scheidingsteken voor drie cijfers ("1,234", "1.234") is in de '
            "ene schrijfwijze een duizendtal en in de andere een decimaalteken. reconcile leest "
            "het zoals de andere bedragen in de kolom zijn geschreven, anders die in de tabel, "
            "anders volgens de eenheid."
        ),
    ),
    "separator-by-caption": (
        (
            "{value} kan gelezen worden als {read} of als {other}, een factor duizend verschil; "
            "het is gelezen als {read} ({convention}) alleen omdat {source}, bijv. {example}; "
            "{count} zulke cel(len)."
        ),
        (
            'Een getal met één scheidingsteken voor drie cijfers ("2.500", "2,500") is een '
            "duizendtal in de ene schrijfwijze en een decimaalteken in de andere. Niets in de "
            "tabel laat zien wat bedoeld is, dus besliste het eenheidsopschrift: controleer het "
            "bedrag, en typ het als getal (2500) of met beide scheidingstekens (2.500,0)."
        ),
    ),
    "separator-ambiguous": (
        (
            "{value} is op twee manieren te lezen en {reason}{examples}; het is op de "
            "Nederlandse manier "
            "gelezen, als {read} ({count} zulke cel(len))."
        ),
        (
            'Een getal met één scheidingsteken voor drie cijfers ("1,234", "1.234") is in de '
            "ene schrijfwijze een duizendtal en in de andere een decimaalteken. Schrijf de "
            "bedragen als getal, of met beide scheidingstekens (1.234,0)."
        ),
    ),
    "stand-mismatch": (
        (
            "{after_label} vermeldt {stated}, maar {before_label} {before} + {mutation_label} "
            "{mutation} = {computed} (verschil {difference})."
        ),
        (
            "In een suppletoire tabel is de stand na gelijk aan de stand voor plus de mutatie. "
            "reconcile telt de mutatie als het gereserveerde bedrag; een van de drie cellen "
            "klopt niet."
        ),
    ),
    # --- read: refused before any parser runs (reconcile.read.preflight) --------------------
    "file-empty": (
        "Het bestand is leeg (0 bytes).",
        (
            "Een leeg bestand is meestal een mislukte download of kopie. Vraag de afzender het "
            "bestand opnieuw te sturen."
        ),
    ),
    "file-too-large": (
        "Het bestand is {size}, groter dan de grens van {limit} ({option}); het is niet gelezen.",
        (
            "Een begrotingsbestand is klein; een heel groot bestand wordt geweigerd voordat het "
            "gelezen wordt, zodat het het geheugen niet kan uitputten. Is het bestand in orde, "
            "verhoog dan de grens met de genoemde optie."
        ),
    ),
    "file-encrypted": (
        "De werkmap is versleuteld (met een wachtwoord beveiligd) en is daarom niet te lezen.",
        (
            "Excel slaat een werkmap met een openingswachtwoord versleuteld op. Verwijder het "
            "wachtwoord (Bestand > Info > Werkmap beveiligen) en sla hem opnieuw op als .xlsx."
        ),
    ),
    "not-a-workbook": (
        "Het bestand is niet de werkmap die de naam belooft: het is {kind}.",
        (
            "Het bestand heeft de naam van een werkmap maar een ander formaat (een CSV, een "
            "HTML-pagina, een hernoemde werkmap). Geef het de echte extensie als dat .xlsx, .xls "
            "of .ods is, of open het in Excel of LibreOffice en sla het op als .xlsx."
        ),
    ),
    "file-corrupt": (
        "De werkmap is beschadigd: {reason}.",
        (
            "Het bestand is onderweg afgekapt of veranderd. Vraag de afzender om een nieuwe "
            "kopie, opnieuw opgeslagen vanuit Excel of LibreOffice."
        ),
    ),
    "zip-bomb": (
        "Het bestand is geweigerd als mogelijke zipbom: {reason} ({option}).",
        (
            "Een .xlsx is een zip-archief; een archief dat ver boven zijn grootte zou uitpakken "
            "kan het geheugen uitputten en wordt geweigerd zonder het uit te pakken. Is het "
            "bestand in orde, verhoog dan de grens met de genoemde optie."
        ),
    ),
    "xml-entities": (
        "{member} {problem}; XML die entiteiten kan declareren wordt geweigerd.",
        (
            "Entiteitdeclaraties zijn het begin van XML-aanvallen (billion laughs, externe "
            "entiteiten die andere bestanden lezen). Excel schrijft ze nooit. Sla de werkmap "
            "opnieuw op vanuit Excel."
        ),
    ),
    "limit-exceeded": (
        (
            "De werkmap gebruikt {actual} {what}, meer dan de grens van {limit} ({option}); zij is "
            "niet gelezen."
        ),
        (
            "Geteld naar de cellen die het bestand werkelijk bevat, niet naar wat het blad "
            "opgeeft. Een losse waarde ver onder of rechts van de tabel telt ook mee: verwijder "
            "haar, of verhoog de grens met de genoemde optie."
        ),
    ),
    "external-links": (
        "De werkmap verwijst naar {count} externe werkmap(pen) ({targets}); die zijn niet geopend.",
        (
            "reconcile haalt gekoppelde bestanden nooit op: formules die ernaar verwijzen worden "
            "gelezen met de waarden die in dit bestand zijn opgeslagen, en die kunnen verouderd "
            "zijn. Plak de waarden in plaats daarvan."
        ),
    ),
    "stand-missing": (
        ("{label} is leeg, dus stand na = stand voor + mutatie is op deze rij niet na te rekenen."),
        (
            "In een suppletoire tabel worden de standen gecontroleerd, nooit geteld. Een lege "
            "stand laat die controle liggen, en het Totaal van die kolom ongecontroleerd. Vul "
            "de stand in (0 als er geen was)."
        ),
    ),
    "stand-not-a-number": (
        (
            "{value} in {label} is geen bedrag, dus stand na = stand voor + mutatie is op deze rij "
            "niet na te rekenen."
        ),
        (
            "In een suppletoire tabel worden de standen gecontroleerd, nooit geteld. Een PM, "
            "n.t.b. of andere tekst in een standkolom laat die controle liggen, en het Totaal van "
            "die kolom ongecontroleerd. Vul de stand in."
        ),
    ),
    "macros-present": (
        "De werkmap bevat macro's ({member}); die zijn niet uitgevoerd.",
        (
            "reconcile voert nooit macro's uit: alleen de in het bestand opgeslagen waarden "
            "worden gelezen. Waarden die een macro zou berekenen ontbreken tot de macro heeft "
            "gedraaid en het bestand is opgeslagen."
        ),
    ),
    # --- read: layouts and CSV files --------------------------------------------------------
    "layout-not-found": (
        "Geen kopregel van {layout} binnen de eerste {rows} rijen; ontbreekt: {missing}.",
        (
            "Een CSV-bestand wordt gelezen met een indeling: een bekend tabelformaat, herkend "
            "aan de kopjes (`reconcile layouts` noemt ze). Noem de indeling met --layout, of "
            "geef het bestand de kopregel van zijn indeling."
        ),
    ),
    "own-output-skipped": (
        (
            "Deze werkmap, gevonden in de map, is een overzicht dat reconcile zelf schreef (zonder "
            "begrotingstabel); ze is overgeslagen."
        ),
        (
            "Wie een map met terugkoppeling opnieuw controleert, vindt daarin het overzicht van de "
            "vorige controle naast de geannoteerde kopieën. Het wordt herkend aan zijn auteur "
            "(reconcile) en met deze opmerking overgeslagen; de geannoteerde kopieën worden "
            "gelezen als de inzendingen die ze kopiëren."
        ),
    ),
    "csv-skipped": (
        (
            "Dit CSV-bestand, gevonden in de map, heeft geen kopregel van een bekende indeling; "
            "het is overgeslagen."
        ),
        (
            "Een map staat voor haar werkmappen en CSV-bestanden, maar een CSV-bestand naast de "
            "begrotingsbestanden kan een andere lijst zijn. Een zonder de kopregel van een "
            "bekende indeling wordt met deze melding overgeslagen; noem het bestand zelf, of geef "
            "--layout, om het te laten lezen (en te weigeren als het geen zo'n tabel is)."
        ),
    ),
    "layout-detected": (
        (
            "Gelezen als indeling {layout}, kopregel in rij {row}: {found} van zijn {labels} "
            "kolommen gevonden."
        ),
        (
            "De kopjes wijzen een bekend tabelformaat aan, dat zegt wat elke kolom betekent, "
            "in welke eenheid en hoe de getallen zijn geschreven. Elke indeling wordt op de "
            "eerste rijen geprobeerd; de eerste rij met alle verplichte kopjes van een indeling "
            "is de kopregel, en passen er meer, dan wint de indeling die daar de meeste van "
            "zijn kolommen vindt."
        ),
    ),
    "csv-detected": (
        "Gelezen als CSV: gescheiden door {delimiter}, codering {encoding}.",
        (
            "reconcile leidt het scheidingsteken af uit de kopregel en de codering regel voor "
            "regel (UTF-8, anders Windows-1252 of Latin-1), en meldt wat het vond."
        ),
    ),
    "encoding-mixed": (
        (
            "Regels {lines} zijn geen UTF-8 en zijn gelezen als {encoding}; de andere regels zijn "
            "UTF-8."
        ),
        (
            "Het bestand is samengesteld uit delen die in verschillende coderingen zijn "
            "opgeslagen. Elke regel is in zijn eigen codering gelezen; sla het bestand op als "
            "UTF-8 om het eenvormig te maken."
        ),
    ),
    "value-without-header": (
        "{value} staat in een kolom zonder kopje; de rij is misschien verschoven.",
        (
            "Een waarde voorbij de kolommen van de tabel betekent meestal een rij waarvan de "
            "cellen een kolom zijn opgeschoven, zodat ook de andere waarden in de verkeerde "
            "kolom staan. Verbeter de rij."
        ),
    ),
    "cell-error": (
        "{value} in kolom {field} is een rekenbladfout (een kapotte formule), geen waarde.",
        (
            "Het bestand is geëxporteerd met formulefouten zoals #NAAM?, #VERW! of Err:509 "
            "erin. Herstel de formule in de bronwerkmap en exporteer opnieuw."
        ),
    ),
    "duplicate-key": (
        "Deze rij herhaalt de sleutel van rij {other}: {key}.",
        (
            "Elke combinatie van de sleutelkolommen van de indeling mag één keer voorkomen; "
            "een herhaalde rij telt twee keer mee. Verwijder een van beide."
        ),
    ),
    "duplicate-rows": (
        (
            "Rijen {first}–{last} herhalen rijen {other_first}–{other_last}: {count} rijen met "
            "dezelfde waarden."
        ),
        (
            "Een blok rijen komt twee keer voor (vaak een tabel die twee keer is geplakt of "
            "geëxporteerd). Verwijder de kopie; de rijen ervan worden niet nog eens "
            "gecontroleerd."
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
    "table-empty": (
        "De tabel heeft een kopregel maar geen regels: er is niets te controleren.",
        (
            "Een bestand zonder regels (een onaangeroerd sjabloon bijvoorbeeld) is niet geldig: "
            "het reserveert niets. Vul de regels in, of laat het bestand weg als het ministerie "
            "niets reserveert."
        ),
    ),
    "missing-value": (
        "{field} van deze regel is leeg.",
        "Een regel heeft ten minste een hoofdstuk, artikel, omschrijving, jaar en bedrag nodig.",
    ),
    "line-carried-down": (
        (
            "Deze rij laat hoofdstuk, artikel of omschrijving van de regel leeg: die zijn "
            "overgenomen van rij {row} erboven, dezelfde regel in een eerder jaar."
        ),
        (
            "In een lange tabel kan een regel een blok rijen beslaan, één per jaar. Een rij die "
            "de kenmerken leeg laat onder een rij die ze heeft, met een later jaar, wordt gelezen "
            "als dezelfde regel; zo ook een rij die alleen leeg laat wat de eerste rij van het "
            "blok als enige noemt, in de blokken van het sjabloon (één rij per jaar, met een "
            "jaar zonder geld ertussen). Vul ze op elke rij in om dat expliciet te maken."
        ),
    ),
    "identifier-written-once": (
        (
            "Wat deze cel zegt staat alleen op deze rij: rij(en) {rows} eronder, dezelfde regel "
            "in latere jaren, laten het leeg. Ze zijn gelezen als deze regel; vul het op elk "
            "ervan in, of geef een rij die een eigen regel is zijn eigen."
        ),
        (
            "Hoofdstuk, artikel of omschrijving van een regel alleen op de eerste rij van een "
            "blok wordt zo gelezen als bedoeld in de blokken van het sjabloon (één rij per jaar, "
            "met een jaar zonder geld ertussen). Elders kunnen de rijen eronder eigen regels zijn "
            "waarvan de omschrijving vergeten is: één bevinding per blok, in plaats van één per "
            "rij, zegt hoe u het duidelijk maakt."
        ),
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
        "{value} is geen bekend begrotingshoofdstuk.{hint}",
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
        (
            "Deze regel herhaalt {other}: zelfde hoofdstuk, artikel, omschrijving, reeks, soort "
            "en jaar."
        ),
        (
            "Een regel die twee keer voorkomt, telt twee keer mee. Verwijder er een, of voeg de "
            "bedragen samen."
        ),
    ),
    "negative-reservation": (
        "{amount} is negatief; een reservering is een positief bedrag.",
        (
            "Een negatief bedrag verlaagt de reservering. Geld dat tussen jaren schuift is een "
            "kasschuif, geld naar een ander ministerie een overboeking, een reservering die "
            "vrijvalt een vrijval: zeg welke in een kolom Soort mutatie of begin de omschrijving "
            'met het woord (README, "Line kinds").'
        ),
    ),
    "kind-from-description": (
        "Gelezen als {kind} uit de omschrijving {description}.",
        (
            "De tabel heeft geen kolom Soort mutatie, of die van deze regel is leeg, dus de "
            "soort is afgeleid uit de woorden waarmee de omschrijving begint (Kasschuif, "
            "Overboeking naar/van, Ontvangen van, Bijdrage aan/van een ministerie, Vrijval). "
            "Voeg een kolom Soort mutatie toe om het uitdrukkelijk te zeggen."
        ),
    ),
    "kind-unknown": (
        (
            "{value} is geen soort mutatie die reconcile kent ({kinds}); de regel is gelezen als "
            "reservering."
        ),
        (
            "De kolom Soort mutatie (Type, Mutatiesoort) zegt wat een regel is. Gebruik een van "
            "de genoemde soorten, of laat de cel leeg voor een reservering."
        ),
    ),
    "transfer-counterpart-unknown": (
        (
            "De overboeking {description} noemt geen ander ministerie en kan dus niet gekoppeld "
            "worden."
        ),
        (
            "Een overboeking verschuift geld naar of van de begroting van een ander ministerie, "
            "en reconcile koppelt haar aan de regel in het bestand van dat ministerie. Noem het "
            'ministerie in de omschrijving ("Overboeking naar EZ", "Overboeking van Defensie").'
        ),
    ),
    "transfer-sign": (
        "{amount} heeft het verkeerde teken voor een overboeking {direction} {counterpart}.",
        (
            "Het gevende ministerie toont een overboeking naar een ander als negatief bedrag, het "
            "ontvangende toont de overboeking van als positief bedrag. Verbeter het teken of de "
            "omschrijving."
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
    "ministry-weighed": (
        (
            "De hoofdstukken van de regels horen bij meerdere ministeries; dit bestand is "
            "gelezen als dat van {ministry}, na weging van: {evidence}."
        ),
        (
            "reconcile weegt van wie een bestand is: het ministerie met de meeste regels, dat "
            "met het grootste bedrag, en het ministerie dat de titel en de bestandsnaam noemen, "
            "tellen elk één keer. De regels op het hoofdstuk van een ander ministerie zijn "
            "chapter-not-of-ministry in hun cel. Bij gelijke stand wordt geen ministerie geraden "
            "(ministry-unknown)."
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
            "{lines} zijn samen {total}, boven het aangekondigde {announced} "
            "({interval}) met {difference}: verlaag de gereserveerde regels met ten minste "
            "{difference} om aan te sluiten.{doubtful}"
        ),
        (
            "Het totaal van de getelde regels moet liggen in het interval dat de formulering van "
            'de aankondiging toelaat ("bijna 70 miljoen" betekent ten hoogste 70 miljoen en ten '
            "hoogste 5 % minder)."
        ),
    ),
    "total-below-announced": (
        (
            "{lines} zijn samen {total}, onder het aangekondigde {announced} "
            "({interval}) met {difference}: er moet ten minste {difference} meer gereserveerd "
            "worden om aan te sluiten.{doubtful}"
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
    "kasschuif-not-zero": (
        "De kasschuif {name} van {ministry} telt over {years} op tot {sum}, niet tot nul.",
        (
            "Een kasschuif verschuift geld tussen jaren op één begroting: de bedragen tellen "
            "per ministerie en naam over de jaren op tot nul. Een tabel in miljoenen mag "
            "afwijken door afronding (een halve eenheid per bedrag; zie "
            "kasschuif-rounding); deze wijkt meer af. Vul het ontbrekende jaar aan of verbeter "
            "een bedrag."
        ),
    ),
    "kasschuif-rounding": (
        (
            "De kasschuif {name} van {ministry} telt op tot {sum}, binnen de afronding van een "
            "tabel in {unit} (hooguit {allowed})."
        ),
        (
            "Een gepubliceerde tabel rondt elk bedrag af op zijn eenheid, dus een kasschuif telt "
            'niet altijd precies op tot nul ("- 232, 0, 77, 77, 77" in miljoenen telt op tot '
            "- 1). Tot een halve eenheid per bedrag geldt in een tabel in miljoenen als "
            "afronding; de rest blijft in het profiel over de jaren."
        ),
    ),
    "transfer-unpaired": (
        (
            "Geen tegenboeking voor deze overboeking {direction} {counterpart} in {year}: {file} "
            "hoort {expected} te tonen als overboeking {back} {ministry} in {year}."
        ),
        (
            "Elke overboeking staat twee keer: het bestand van het gevende ministerie heeft - x "
            '"Overboeking naar ...", dat van het ontvangende + x "Overboeking van ...", in '
            "hetzelfde jaar. Voeg de tegenboeking toe, of verbeter het jaar of het genoemde "
            "ministerie."
        ),
    ),
    "transfer-unequal": (
        (
            "Deze overboeking {direction} {counterpart} in {year} past niet bij haar "
            "tegenboeking: {file} toont {shown}, waar {expected} hoort."
        ),
        (
            "De twee regels van een overboeking hebben hetzelfde bedrag met tegengesteld teken. "
            "Verbeter het bedrag in een van de bestanden."
        ),
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
    # --- diff: what changed between two versions of a table ---------------------------------
    "line-added": (
        "Regel {line} is nieuw: {new}.",
        (
            "reconcile diff vond deze regel alleen in de nieuwe versie van de tabel. Een verschil "
            "tussen de versies laat diff eindigen met 1, zodat CI het toont; ga na of de "
            "wijziging zo bedoeld is."
        ),
    ),
    "line-removed": (
        "Regel {line} is verdwenen; die was {old}.",
        (
            "reconcile diff vond deze regel alleen in de oude versie van de tabel (de plaats is "
            "zijn cel daar). Een verschil tussen de versies laat diff eindigen met 1; ga na of "
            "de regel met opzet is weggelaten."
        ),
    ),
    "line-changed": (
        "Regel {line} is gewijzigd van {old} in {new} (verschil {difference}).",
        (
            "reconcile diff vond deze regel in beide versies, met een ander bedrag (of tekst, "
            "zoals PM). Een verschil tussen de versies laat diff eindigen met 1; ga na of de "
            "wijziging zo bedoeld is."
        ),
    ),
}

# Fixed English words that findings carry as parameters, as a Dutch reader reads them.
# Parameters not listed (workbook text, file names, numbers) are shown as they are.
PARAMS_NL: dict[str, str] = {
    "[Content_Types].xml names {part} as its workbook, not {expected}, so readers would read "
    "different workbooks": (
        "[Content_Types].xml noemt {part} als werkmap, niet {expected}, dus lezers zouden "
        "verschillende werkmappen lezen"
    ),
    "{head}… ({count} more characters not shown)": "{head}… ({count} tekens meer niet getoond)",
    "none: one side is not a number": "geen: een van beide is geen getal",
    "This amount": "Dit bedrag",
    "title": "titel",
    "file name": "bestandsnaam",
    "table": "tabel",
    "it does not exist": "het bestaat niet",
    "it is a folder": "het is een map",
    "permission denied": "geen toegang",
    "the file is empty": "het bestand is leeg",
    "Dutch: the point groups thousands, the comma is the decimal mark": (
        "Nederlands: de punt scheidt duizendtallen, de komma is het decimaalteken"
    ),
    "English: the comma groups thousands, the point is the decimal mark": (
        "Engels: de komma scheidt duizendtallen, de punt is het decimaalteken"
    ),
    "this column's other amounts are written that way": (
        "de andere bedragen in deze kolom zo zijn geschreven"
    ),
    "the table's other amounts are written that way": (
        "de andere bedragen in de tabel zo zijn geschreven"
    ),
    "the unit caption writes numbers that way": "het eenheidsbijschrift getallen zo schrijft",
    "the amounts mix both ways of writing": "de bedragen beide schrijfwijzen door elkaar gebruiken",
    "nothing in the table shows how its numbers are written": (
        "niets in de tabel laat zien hoe de getallen zijn geschreven"
    ),
}

# Fixed English words the readers and validators pass as plain text (not yet as a Phrase; see
# reconcile/read/csv.py, read/table.py, read/opendata.py, validate/identify.py). Until they
# are phrases, a test holds each to the text those modules pass.
PARAMS_NL.update(
    {
        "comma": "komma",
        "semicolon": "puntkomma",
        "pipe": "verticale streep",
        "no year": "geen jaar",
        "see `reconcile layouts`": "zie `reconcile layouts`",
        "it is a workbook (.xlsx, .xls or .ods), not a CSV file; give it its own extension": (
            "het is een werkmap (.xlsx, .xls of .ods), geen CSV-bestand; geef het zijn eigen "
            "extensie"
        ),
        "it holds NUL bytes: a binary file, or UTF-16 without its byte order mark": (
            "het bevat NUL-bytes: een binair bestand, of UTF-16 zonder byte order mark"
        ),
        (
            "no line has a chapter of a known ministry, and neither the title nor the file name "
            "names one"
        ): (
            "geen regel heeft een hoofdstuk van een bekend ministerie, en de titel noch de "
            "bestandsnaam noemt er een"
        ),
    }
)

# Fixed phrases (reconcile.model.Phrase) that findings and errors carry as parameters: why the
# pre-flight refused a file (reconcile.read.preflight) and why the environment is unsafe
# (reconcile.guard). A test finds every Phrase in the package and checks it is here.
PARAMS_NL.update(
    {
        # transfer-unpaired, transfer-unequal: the counterpart's file when none was given
        "the file of {ministry} (not in the set)": "het bestand van {ministry} (niet in de set)",
        # kind-from-description: an overboeking whose description names no ministry
        "{label} (no ministry named)": "{label} (geen ministerie genoemd)",
    }
)
PARAMS_NL.update(
    {
        "{first} or {last}": "{first} of {last}",
        # not-a-workbook: what the file is instead
        "a legacy Excel 97-2003 workbook; name an .xls file .xls": (
            "een oude Excel 97-2003-werkmap; geef een .xls-bestand de extensie .xls"
        ),
        "an OLE compound file (an old Office format), not a workbook": (
            "een OLE-bestand (een oud Office-formaat), geen werkmap"
        ),
        "an empty zip archive": "een leeg zip-archief",
        "a PDF document": "een PDF-document",
        "an XML Spreadsheet 2003 file": "een XML Spreadsheet 2003-bestand",
        "an HTML page (often saved by a web application as .xls)": (
            "een HTML-pagina (vaak door een webtoepassing als .xls opgeslagen)"
        ),
        "a text file (CSV or similar)": "een tekstbestand (CSV of iets dergelijks)",
        "in a format reconcile does not read": "in een formaat dat reconcile niet leest",
        "an Excel workbook under another extension; rename it to .xlsx": (
            "een Excel-werkmap met een andere extensie; hernoem hem naar .xlsx"
        ),
        "an OpenDocument spreadsheet under another extension; rename it to .ods": (
            "een OpenDocument-rekenblad met een andere extensie; hernoem het naar .ods"
        ),
        "a Word document": "een Word-document",
        "a PowerPoint presentation": "een PowerPoint-presentatie",
        "a zip archive without a workbook in it": "een zip-archief zonder werkmap erin",
        # file-corrupt
        "its zip structure is damaged ({detail})": "de zipstructuur is beschadigd ({detail})",
        "the zip archive is truncated: its table of contents at the end is missing": (
            "het zip-archief is afgekapt: de inhoudsopgave aan het eind ontbreekt"
        ),
        "{member} is not well-formed XML ({detail})": "{member} is geen welgevormde XML ({detail})",
        "{member} cannot be unpacked intact ({detail})": (
            "{member} is niet ongeschonden uit te pakken ({detail})"
        ),
        # zip-bomb
        "it holds {count} members, more than the limit of {limit}": (
            "het bevat {count} zipleden, meer dan de grens van {limit}"
        ),
        (
            "{member} would unpack {ratio} times its packed size ({size}), more than the limit "
            "of {limit} times"
        ): (
            "{member} zou uitpakken tot {ratio} keer zijn ingepakte grootte ({size}), meer dan "
            "de grens van {limit} keer"
        ),
        "its members would unpack to {size}, more than the limit of {limit} MB": (
            "de zipleden zouden uitpakken tot {size}, meer dan de grens van {limit} MB"
        ),
        # xml-entities
        "declares a DOCTYPE": "declareert een DOCTYPE",
        "has a prolog longer than {size} KB, too long to check": (
            "heeft een proloog langer dan {size} KB, te lang om te controleren"
        ),
        # limit-exceeded
        "sheets": "bladen",
        "rows in this sheet": "rijen in dit blad",
        "columns in this sheet": "kolommen in dit blad",
        "cells (last row x last column, all sheets)": (
            "cellen (laatste rij x laatste kolom, alle bladen)"
        ),
        # csv-detected, encoding-mixed, layout-not-found, file-unreadable (reconcile.read.csv,
        # read.opendata)
        "UTF-8 and {encoding}": "UTF-8 en {encoding}",
        "{lines} and {more} more": "{lines} en nog {more}",
        "it is not a CSV file reconcile can read ({detail})": (
            "het is geen CSV-bestand dat reconcile kan lezen ({detail})"
        ),
        "any known layout ({names})": "een bekende indeling ({names})",
        "any known layout ({names}); the closest is {closest}, with the labels {found}": (
            "een bekende indeling ({names}); het dichtst bij is {closest}, met de kopjes {found}"
        ),
        # total-mismatch in an open-data table (reconcile.validate.layout)
        "The totals row of chapter {chapter} article {article} {series} ({amount})": (
            "De totaalregel van hoofdstuk {chapter} artikel {article} {series} ({amount})"
        ),
        # ministry-unknown (reconcile.validate.identify)
        "the title and file name name several ministries: {codes}": (
            "de titel en de bestandsnaam noemen meerdere ministeries: {codes}"
        ),
        "the evidence is evenly split: {evidence}": "het bewijs staat gelijk: {evidence}",
        # a typo that looks right (reconcile.nearest)
        " Did you mean {meant}?": " Bedoelt u {meant}?",
        " Did you mean {meant}? As typed: {typed}.": " Bedoelt u {meant}? Zoals getypt: {typed}.",
        # total-above-announced, total-below-announced (reconcile.rules.total)
        "The reserved lines": "De gereserveerde regels",
        "The lines without errors": "De regels zonder fouten",
        (
            " The {count} line(s) with errors amount to {doubtful}; the total lies between "
            "{low} (without them) and {high} (with them)."
        ): (
            " De {count} regel(s) met fouten zijn samen {doubtful}; het totaal ligt tussen "
            "{low} (zonder die regels) en {high} (met die regels)."
        ),
        "the title names {codes}": "de titel noemt {codes}",
        "the file name names {codes}": "de bestandsnaam noemt {codes}",
        "{count} line(s) of {amount} in chapter {chapters} ({code})": (
            "{count} regel(s) van {amount} op hoofdstuk {chapters} ({code})"
        ),
        # file-unreadable: a folder named on the command line (reconcile.pipeline)
        "the folder holds no workbooks or CSV files ({names})": (
            "de map bevat geen werkmappen of CSV-bestanden ({names})"
        ),
        # macros-present: where an old .xls keeps its macros (reconcile.read.formats)
        "a VBA project": "een VBA-project",
        # external-links
        "targets not stated": "doelen niet vermeld",
        # file-unreadable (reconcile.read)
        "it is not a file": "het is geen bestand",
        "this file": "dit bestand",
        "reconcile reads {names} workbooks and .csv tables, not {suffix}": (
            "reconcile leest {names}-werkmappen en .csv-tabellen, geen {suffix}"
        ),
        (
            "it is an OLE container: an encrypted (password-protected) workbook or a legacy .xls "
            "file under another name; remove the password, or name an .xls file .xls"
        ): (
            "het is een OLE-bestand: een versleutelde (met wachtwoord beveiligde) werkmap of een "
            "oud .xls-bestand onder een andere naam; verwijder het wachtwoord, of geef een "
            ".xls-bestand de extensie .xls"
        ),
        "it is not an .xlsx workbook (no zip archive); save it as .xlsx": (
            "het is geen .xlsx-werkmap (geen zip-archief); sla het op als .xlsx"
        ),
        "the workbook is damaged or not a spreadsheet ({detail})": (
            "de werkmap is beschadigd of geen rekenblad ({detail})"
        ),
        (
            "the workbook is damaged, encrypted or not a spreadsheet ({detail}); open it in "
            "LibreOffice or Excel and save it as .xlsx"
        ): (
            "de werkmap is beschadigd, versleuteld of geen rekenblad ({detail}); open haar in "
            "LibreOffice of Excel en sla haar op als .xlsx"
        ),
        # what a setting must be (reconcile.announcement, reconcile.config)
        "a table": "een tabel",
        "a list": "een lijst",
        "a text": "een tekst",
        "a whole number": "een geheel getal",
        "a number": "een getal",
        "true or false": "true of false",
        "a text or a list of texts": "een tekst of een lijst van teksten",
        "one of {choices}": "een van {choices}",
        # the startup guard
        (
            "defusedxml is not installed, so workbooks would be parsed without protection "
            "against XML attacks; install it: pip install defusedxml"
        ): (
            "defusedxml is niet geïnstalleerd, dus werkmappen zouden zonder bescherming tegen "
            "XML-aanvallen worden gelezen; installeer het: pip install defusedxml"
        ),
        (
            "openpyxl does not parse with defusedxml (is OPENPYXL_DEFUSEDXML set to something "
            "other than True?); unset OPENPYXL_DEFUSEDXML"
        ): (
            "openpyxl leest niet met defusedxml (staat OPENPYXL_DEFUSEDXML op iets anders dan "
            "True?); verwijder OPENPYXL_DEFUSEDXML"
        ),
        (
            "PANDERA_VALIDATION_ENABLED={value} switches validation off, so invalid lines would "
            "pass; unset it"
        ): (
            "PANDERA_VALIDATION_ENABLED={value} zet de validatie uit, dus ongeldige regels "
            "zouden erdoor komen; verwijder de variabele"
        ),
        (
            "PANDERA_VALIDATION_DEPTH={value} skips part of the validation; unset it or set it "
            "to {full}"
        ): (
            "PANDERA_VALIDATION_DEPTH={value} slaat een deel van de validatie over; verwijder "
            "de variabele of zet haar op {full}"
        ),
    }
)

# Errors that stop a run (reconcile.errors.ReconcileError), keyed by their English template.
# A template without words of its own ("{where}: amounts.{key}: {problem}") needs no entry:
# its parameters are translated all the same.
ERRORS_NL: dict[str, str] = {
    "{where}: {table} must be a chapter's table of number = name": (
        "{where}: {table} moet een tabel van een hoofdstuk zijn, met nummer = naam"
    ),
    (
        "{where}: {table} holds {key!r}; write an article as number = name, e.g. "
        '16 = "Onderzoek en wetenschapsbeleid"'
    ): (
        "{where}: {table} bevat {key!r}; schrijf een artikel als nummer = naam, bijvoorbeeld "
        '16 = "Onderzoek en wetenschapsbeleid"'
    ),
    "refusing to read untrusted workbooks: {problems}.": (
        "werkmappen van buiten worden niet gelezen: {problems}."
    ),
    "{option} must be at least 1": "{option} moet ten minste 1 zijn",
    # reconcile announcement draft: the letter (reconcile.letter.read)
    "letter {path} does not exist": "de brief {path} bestaat niet",
    "letter {path} cannot be read: {problem}": "de brief {path} is niet te lezen: {problem}",
    "letter {path} is empty": "de brief {path} is leeg",
    "{path} is a folder, not a letter": "{path} is een map, geen brief",
    "{path} is {size} MB, larger than any letter ({limit} MB): not read": (
        "{path} is {size} MB, groter dan welke brief ook ({limit} MB): niet gelezen"
    ),
    "{path} is not a letter: a binary file (read are plain text, PDF and HTML)": (
        "{path} is geen brief: een binair bestand (gelezen worden platte tekst, pdf en HTML)"
    ),
    "{path}: reading a PDF needs the package pypdf": (
        "{path}: voor het lezen van een pdf is het pakket pypdf nodig"
    ),
    "{path} is an encrypted PDF: save it without a password": (
        "{path} is een versleutelde pdf: sla hem op zonder wachtwoord"
    ),
    "{path} is not a readable PDF: {problem}": "{path} is geen leesbare pdf: {problem}",
    "{path} has {pages} pages, more than any letter ({limit}): not read": (
        "{path} heeft {pages} pagina's, meer dan welke brief ook ({limit}): niet gelezen"
    ),
    "{path} holds more text than any letter (over {limit} characters): not read": (
        "{path} bevat meer tekst dan welke brief ook (meer dan {limit} tekens): niet gelezen"
    ),
    "{path} has no text layer (a scanned letter?): read it with OCR first": (
        "{path} heeft geen tekstlaag (een gescande brief?): lees hem eerst met OCR"
    ),
    "announcement {origin} does not exist": "de aankondiging {origin} bestaat niet",
    "announcement {origin} cannot be read: {problem}": (
        "de aankondiging {origin} is niet te lezen: {problem}"
    ),
    "{origin} is not valid TOML: {problem}": "{origin} is geen geldige TOML: {problem}",
    "{where}: the file holds {count} characters, more than the limit of {limit}": (
        "{where}: het bestand bevat {count} tekens, meer dan de grens van {limit}"
    ),
    "{where}: line {line} holds {count} characters, more than the limit of {limit}": (
        "{where}: regel {line} bevat {count} tekens, meer dan de grens van {limit}"
    ),
    "{where}: nested more than {limit} levels deep": (
        "{where}: meer dan {limit} niveaus diep genest"
    ),
    "{where}: {key} is nested more than {limit} levels deep": (
        "{where}: {key} is meer dan {limit} niveaus diep genest"
    ),
    "{where}: {key} is more than the limit of {limit} keys and list items": (
        "{where}: bij {key} zijn er meer sleutels en lijstelementen dan de grens van {limit}"
    ),
    "{text!r} has more digits than an amount reconcile counts (at most {limit} before the "
    "decimal mark, in euros)": (
        "{text!r} heeft meer cijfers dan een bedrag dat reconcile telt (ten hoogste {limit} voor "
        "de komma, in euro)"
    ),
    "{where}: years holds {count} years, more than the limit of {limit}": (
        "{where}: years bevat {count} jaren, meer dan de grens van {limit}"
    ),
    "{where}: years holds {year}, which is not a budget year (from {first} to {last})": (
        "{where}: years bevat {year}, dat geen begrotingsjaar is (van {first} tot en met {last})"
    ),
    "{code!r} is not a ministry reconcile knows; use one of: {known}.{hint}": (
        "{code!r} is geen ministerie dat reconcile kent; gebruik een van: {known}.{hint}"
    ),
    "cannot read layout file {path}: {problem}": (
        "het indelingsbestand {path} is niet te lezen: {problem}"
    ),
    "{path} is not valid TOML: {problem}": "{path} is geen geldige TOML: {problem}",
    "unknown layout {name!r}; known layouts: {known}.{hint}": (
        "onbekende indeling {name!r}; bekende indelingen: {known}.{hint}"
    ),
    "{where}: unknown finding code {code!r} (see `reconcile codes`)": (
        "{where}: onbekende bevindingscode {code!r} (zie `reconcile codes`)"
    ),
    (
        "{where}: the severity of {code!r} cannot be changed: the input could not be read, so "
        "the run is incomplete (exit code 2)"
    ): (
        "{where}: de ernst van {code!r} is niet te wijzigen: het invoerbestand was niet te "
        "lezen, dus de run is onvolledig (afsluitcode 2)"
    ),
    "{where}: {code} must be one of {levels}, not {level!r}": (
        "{where}: {code} moet een van {levels} zijn, niet {level!r}"
    ),
    "{where}: write CODE=LEVEL, e.g. unit-assumed=warning, not {item!r}": (
        "{where}: schrijf CODE=ERNST, bijvoorbeeld unit-assumed=warning, niet {item!r}"
    ),
    "{where}: cannot read the configuration file ({problem})": (
        "{where}: het instellingenbestand is niet te lezen ({problem})"
    ),
    "{where}: not valid TOML ({problem})": "{where}: geen geldige TOML ({problem})",
    "{where}: missing, or not a table": "{where}: ontbreekt, of is geen tabel",
    "{where}: {key} must be a table of code = level": (
        "{where}: {key} moet een tabel van code = ernst zijn"
    ),
    "{where}: unknown key {key!r} (known keys: {known}).{hint}": (
        "{where}: onbekende sleutel {key!r} (bekende sleutels: {known}).{hint}"
    ),
    "refusing to write {path}: it is one of the input files": (
        "{path} wordt niet geschreven: het is een van de invoerbestanden"
    ),
    "cannot write {path}: {problem}": "{path} is niet te schrijven: {problem}",
    "unknown finding code {code!r}. `reconcile codes` lists them all.": (
        "onbekende bevindingscode {code!r}. `reconcile codes` toont ze allemaal."
    ),
    (
        "unknown finding code {code!r}. Did you mean {alternatives}? `reconcile codes` lists "
        "them all."
    ): (
        "onbekende bevindingscode {code!r}. Bedoelde u {alternatives}? `reconcile codes` toont "
        "ze allemaal."
    ),
    # the announcement file (reconcile.announcement)
    "cannot read the unit in {text!r}": "de eenheid in {text!r} is niet te lezen",
    "{text!r} is not an amount": "{text!r} is geen bedrag",
    "{text!r}: the first amount is larger than the second": (
        "{text!r}: het eerste bedrag is groter dan het tweede"
    ),
    '{where}: band {value!r} is not a percentage such as "5%"': (
        '{where}: band {value!r} is geen percentage zoals "5%"'
    ),
    "{where}: band {value!r} must lie from 0 % up to (not including) 100 %": (
        "{where}: band {value!r} moet liggen van 0 % tot (niet tot en met) 100 %"
    ),
    "{where}: amounts.{key}: {text!r} is not a positive amount": (
        "{where}: amounts.{key}: {text!r} is geen positief bedrag"
    ),
    "{where}: {key} is missing": "{where}: {key} ontbreekt",
    "{where}: {key} must be {expected}, not {shown}": (
        "{where}: {key} moet {expected} zijn, niet {shown}"
    ),
    "{where}: unknown key {key!r}.{hint}": "{where}: onbekende sleutel {key!r}.{hint}",
    '{where}: years must be a list or a range such as "2025-2030"': (
        '{where}: years moet een lijst zijn of een reeks zoals "2025-2030"'
    ),
    "{where}: years {value!r} runs backwards; write the first year first": (
        "{where}: years {value!r} loopt terug; schrijf het eerste jaar eerst"
    ),
    "{where}: reconcile = {target!r} names no amount in [amounts]": (
        "{where}: reconcile = {target!r} noemt geen bedrag uit [amounts]"
    ),
    "{where}: series must be V, U or O, not {series!r}": (
        "{where}: series moet V, U of O zijn, niet {series!r}"
    ),
    '{where}: years is required, e.g. years = "2025-2030"': (
        '{where}: years is verplicht, bijvoorbeeld years = "2025-2030"'
    ),
    "{where}: contributors names {code!r}, which is not a ministry": (
        "{where}: contributors noemt {code!r}, en dat is geen ministerie"
    ),
    "{where}: largest contributor {code!r} is not in expected": (
        "{where}: grootste bijdrager {code!r} staat niet in expected"
    ),
    "{where}: [[sums]] #{number} names {name!r}, not in [amounts]": (
        "{where}: [[sums]] #{number} noemt {name!r}, dat niet in [amounts] staat"
    ),
    "{where}: {ministry!r} is not a ministry": "{where}: {ministry!r} is geen ministerie",
    "{where}: year {year!r} is not among the announced years": (
        "{where}: jaar {year!r} hoort niet bij de aangekondigde jaren"
    ),
    "{where}: give a ministry, a year, or both": "{where}: geef een ministerie, een jaar, of beide",
    # the settings file (reconcile.config)
    "{where}: {key} must be {expected}, not {value!r}": (
        "{where}: {key} moet {expected} zijn, niet {value!r}"
    ),
    # the ministry table (reconcile.ministries)
    "{where}: [ministries.{code}] must be a table": (
        "{where}: [ministries.{code}] moet een tabel zijn"
    ),
    "{where}: unknown key {key!r} in [ministries.{code}].{hint}": (
        "{where}: onbekende sleutel {key!r} in [ministries.{code}].{hint}"
    ),
    "{where}: [ministries.{code}] needs a list of chapters": (
        "{where}: [ministries.{code}] heeft een lijst van hoofdstukken nodig"
    ),
    "{where}: {chapter!r} in [ministries.{code}] is not a chapter": (
        "{where}: {chapter!r} in [ministries.{code}] is geen hoofdstuk"
    ),
    # layout files (reconcile.read.layouts)
    "{where}: a label is a string or a list of strings": (
        "{where}: een kopje is een tekst of een lijst van teksten"
    ),
    "{where}: unknown keys {keys}": "{where}: onbekende sleutels {keys}",
    "{where}: unit {unit!r} is not a unit such as 'x € 1.000'": (
        "{where}: unit {unit!r} is geen eenheid zoals 'x € 1.000'"
    ),
    "{where}: numbers must be one of {formats}": "{where}: numbers moet een van {formats} zijn",
    "{where}: [totals] rounding must be one of {formats}": (
        "{where}: [totals] rounding moet een van {formats} zijn"
    ),
    "{where}: the key {key} is missing": "{where}: de sleutel {key} ontbreekt",
    "{where}: the layout cannot be used ({problem})": (
        "{where}: de indeling is niet te gebruiken ({problem})"
    ),
    "{where}: {name!r} is used but not a column of [columns]": (
        "{where}: {name!r} wordt gebruikt maar is geen kolom van [columns]"
    ),
}
