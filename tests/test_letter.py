"""reconcile announcement draft: from a letter to the Tweede Kamer to an announcement file."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.announcement import (
    Announcement,
    load_announcement,
    parse_announcement,
    parse_hedged,
)
from reconcile.cli import cli
from reconcile.codes import render
from reconcile.errors import ConfigError, InputError
from reconcile.letter import (
    DraftExistsError,
    draft_announcement,
    draft_target,
    render_draft,
    write_draft,
)
from reconcile.letter.read import read_letter
from tests.pdf import seed_as_pdf, text_pdf

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "kamerbrief-ai-fabriek-2025.txt"
LETTERS = Path(__file__).resolve().parent / "letters"
M = Decimal(1_000_000)


def drafted(path: Path, lang: str = "en") -> Announcement:
    """The draft of ``path`` as `check` reads it."""
    text = render_draft(draft_announcement(path), lang)
    return parse_announcement(tomllib.loads(text), str(path))


def intervals(announcement: Announcement) -> dict[str, tuple[Decimal, Decimal | None]]:
    return {k: (a.interval.low, a.interval.high) for k, a in announcement.amounts.items()}


def stated(path: Path) -> list[tuple[str, Decimal, Decimal | None]]:
    """Every amount of the draft: its words and its interval, in millions."""
    draft = draft_announcement(path)
    return [
        (
            a.text,
            a.interval.low / M,
            None if a.interval.high is None else a.interval.high / M,
        )
        for a in draft.amounts
    ]


@pytest.mark.skipif(not SEED.exists(), reason="the seed letter lives in ../shared/seed")
def test_the_seed_letter_drafts_the_shipped_ai_fabriek_announcement() -> None:
    # The shipped example adds one [[expect]] (EZ's EUR 5,1 mln kasschuif) from the 2e
    # suppletoire begroting EZ 2025, another document: the letter cannot give it.
    shipped = load_announcement(ROOT / "examples" / "ai-fabriek" / "announcement.toml")
    draft = drafted(SEED)

    assert {k: v for k, v in intervals(draft).items() if k in shipped.amounts} == intervals(shipped)
    assert draft.target == shipped.target == "rijk"
    assert (draft.series, draft.years, draft.band) == (
        shipped.series,
        shipped.years,
        shipped.band,
    )
    assert draft.expected == shipped.expected
    assert draft.largest == shipped.largest
    assert {(s.total, frozenset(s.parts)) for s in shipped.sums} < {
        (s.total, frozenset(s.parts)) for s in draft.sums
    }
    # beyond the shipped file, the letter's third sum: 200 + 325 = "ruim een half miljard"
    extra = {k: draft.amounts[k].text for k in draft.amounts if k not in shipped.amounts}
    assert sorted(extra.values()) == ["rond de 325 miljoen euro", "ruim een half miljard"]
    third = [s for s in draft.sums if s.total not in ("nationaal", "totaal")]
    assert [(draft.amounts[s.total].text, sorted(s.parts)) for s in third] == [
        ("ruim een half miljard", sorted(["totaal", *(k for k in extra if k != third[0].total)]))
    ]


@pytest.mark.skipif(not SEED.exists(), reason="the seed letter lives in ../shared/seed")
def test_the_seed_letter_reads_past_its_pdf_marks() -> None:
    paragraphs = [p.text for p in read_letter(SEED).paragraphs if not p.footnote]
    text = "\n".join(paragraphs)
    assert "AI-fabriek in Groningen" in text and "Al-fabriek" not in text
    assert "conform de motie van lid Kathmann c.s.\n" in text + "\n"  # the "?" of note 1 gone
    assert "eerdere verkenning.\n" in text  # ".3" gone
    # the sentence broken by the page's footnotes is one paragraph again
    assert "als Europees AI-centrum te positioneren" in text


@pytest.mark.skipif(not SEED.exists(), reason="the seed letter lives in ../shared/seed")
def test_the_seed_letter_as_a_pdf_drafts_the_same_announcement(tmp_path: Path) -> None:
    letter = tmp_path / "kamerbrief.pdf"
    letter.write_bytes(seed_as_pdf())
    as_pdf, as_text = drafted(letter), drafted(SEED)
    assert intervals(as_pdf) == intervals(as_text)
    assert [(s.total, s.parts) for s in as_pdf.sums] == [(s.total, s.parts) for s in as_text.sums]
    assert (as_pdf.target, as_pdf.years, as_pdf.expected, as_pdf.largest) == (
        as_text.target,
        as_text.years,
        as_text.expected,
        as_text.largest,
    )
    places = {(a.key, a.where.page) for a in draft_announcement(letter).amounts}
    assert ("rijk", 3) in places and ("regio", 2) in places
    headings = [p.text for p in read_letter(letter).paragraphs if p.text.startswith("Indiening")]
    assert headings == ["Indiening voorstel"]  # its own paragraph, though pypdf has no blank lines


@pytest.mark.parametrize(
    ("letter", "amounts"),
    [
        # Financiën, 14 december 2015: "50 mln." and "10 mln." (mln. with its full stop)
        ("kst-34300-69.txt", [("50 mln.", 50, 50), ("10 mln.", 10, 10)]),
        # Algemene Rekenkamer on Defensie 2019: decimals and thousands points
        (
            "kst-35000-X-5.txt",
            [
                ("€ 10.447,1 miljoen", Decimal("10447.1"), Decimal("10447.1")),
                ("€ 12.724,9 miljoen", Decimal("12724.9"), Decimal("12724.9")),
                ("€ 311,7 miljoen", Decimal("311.7"), Decimal("311.7")),
            ],
        ),
        # BZK, 16 september 2025: "van € 20 miljoen of meer" is at least 20 million
        ("kst-36800-VII-5.txt", [("minimaal € 20 miljoen", 20, None)]),
        # EZK, 19 januari 2024, as officielebekendmakingen.nl publishes it: the footnote
        # reference after "gesteld." and the site's own "10 miljoen bezoekers" are not read
        ("kst-36410-L-8.html", [("20 miljard euro", 20_000, 20_000)]),
        # BNC-fiche 1 (Financiën, 2022) as pdftextsplitter read its PDF: "ten minste 5 mln.
        # euro" is at least 5 million; "ten minste 10%" and "maximaal vijf seconden" are no money
        (
            "fiche-instant-payments-2022.txt",
            [("ten minste 5 mln. euro", 5, None), ("100.000 euro", Decimal("0.1"), Decimal("0.1"))],
        ),
        # IenW, 3 februari 2023, a PDF's text layer with its margin column: "2-4 Mton", "0,1 tot
        # 2,8 Mton", "55 procent", "2023-2030" and the postal codes are no amounts of money
        ("kamerbrief-npce-2023.txt", []),
    ],
)
def test_real_letters_give_the_amounts_their_text_states(
    letter: str, amounts: list[tuple[str, Decimal, Decimal | None]]
) -> None:
    assert stated(LETTERS / letter) == amounts


def test_real_letters_name_their_ministries_by_older_names_too() -> None:
    # 2015: "Veiligheid en Justitie" (VenJ, now JenV) and "Buitenlandse Handel en
    # Ontwikkelingssamenwerking" (BHOS, a BZ chapter)
    draft = draft_announcement(LETTERS / "kst-34300-69.txt")
    assert [n.value for n in draft.expected] == ["JenV", "BZ", "OCW", "EZ"]


def test_real_letters_give_years_from_their_budget_moments() -> None:
    assert draft_announcement(LETTERS / "kst-35000-X-5.txt").years == (2019, 2023)
    assert draft_announcement(LETTERS / "kst-36800-VII-5.txt").years == (2026, 2030)
    html = read_letter(LETTERS / "kst-36410-L-8.html")
    assert html.identifier == "kst-36410-L-8"


def test_what_the_letter_leaves_open_is_a_commented_choice_and_listed(tmp_path: Path) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text(
        "De begroting omvat € 10,5 miljoen aan uitgaven en € 3 miljoen aan ontvangsten.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["announcement", "draft", str(letter), "--lang", "en"])
    assert result.exit_code == 1
    assert "# CHOOSE: which amount must the reserved lines add up to?" in result.stdout
    assert "\nreconcile =" not in result.stdout  # never guessed
    assert "# years = " in result.stdout
    choices = [line for line in result.stderr.splitlines() if "to choose:" in line]
    assert len(choices) == 3  # the amount, the years, the contributors
    data = tomllib.loads(result.stdout)
    assert data["amounts"] == {"uitgaven": "€ 10,5 miljoen", "ontvangsten": "€ 3 miljoen"}


def test_hedges_as_the_hedge_table_reads_them(tmp_path: Path) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text(
        "Het kabinet reserveert bijna 70 miljoen euro. De regio draagt maximaal 60 miljoen "
        "bij. Het gaat om ruim een half miljard. EZ verschuift € 5,1 mln naar 2025. Het fonds "
        "krijgt 70.000 (x € 1.000). De kosten liggen tussen 60 en 70 miljoen euro. Er komen "
        "17 miljoen inwoners bij. Het bedrag is rond de 200 miljoen euro.\n",
        encoding="utf-8",
    )
    assert stated(letter) == [
        ("bijna 70 miljoen euro", Decimal("66.5"), 70),
        ("maximaal 60 miljoen", 0, 60),
        ("ruim een half miljard", 500, 525),
        ("€ 5,1 mln", Decimal("5.1"), Decimal("5.1")),
        ("70.000 (x € 1.000)", 70, 70),
        ("tussen 60 en 70 miljoen euro", 60, 70),
        ("rond de 200 miljoen euro", 190, 210),
    ]


def test_a_letter_without_money_says_so_and_guesses_nothing() -> None:
    draft = draft_announcement(LETTERS / "kamerbrief-npce-2023.txt")
    assert (draft.amounts, draft.target, draft.sums) == ((), None, ())
    assert "draft-open-no-amounts" in [item.key for item in draft.open]


def test_up_to_and_including_is_at_most_never_the_amount_itself(tmp_path: Path) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text(
        "De regio draagt tot en met 5 miljoen euro bij. Het Rijk geeft t/m € 2 mln. "
        "The region pays up to and including EUR 3 million.\n",
        encoding="utf-8",
    )
    draft = draft_announcement(letter)
    assert [(a.text, a.written) for a in draft.amounts] == [
        ("maximaal 5 miljoen euro", "tot en met 5 miljoen euro"),
        ("maximaal € 2 mln.", "t/m € 2 mln."),
        ("maximaal EUR 3 million", "up to and including EUR 3 million"),
    ]
    assert stated(letter) == [
        ("maximaal 5 miljoen euro", 0, 5),
        ("maximaal € 2 mln.", 0, 2),
        ("maximaal EUR 3 million", 0, 3),
    ]


@pytest.mark.parametrize(
    ("words", "low", "high"),
    [
        ("niet meer dan", 0, 5),  # not the table's "meer dan" (just over): the other way
        ("minder dan", 0, 5),
        ("hoogstens", 0, 5),
        ("nog geen", 0, 5),
        ("less than", 0, 5),
        ("niet minder dan", 5, None),
        ("zeker", 5, None),
        ("not less than", 5, None),
    ],
)
def test_hedges_letters_word_otherwise_are_read_as_their_kind(
    tmp_path: Path, words: str, low: int, high: int | None
) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text(f"De regio draagt {words} 5 miljoen euro bij.\n", encoding="utf-8")
    (amount,) = draft_announcement(letter).amounts
    assert amount.written == f"{words} 5 miljoen euro"
    assert (amount.interval.low / M, amount.interval.high) == (
        low,
        None if high is None else high * M,
    )


def test_a_space_between_thousands_is_part_of_the_figure(tmp_path: Path) -> None:
    # "€ 15 000,–" as laws and some letters write it was read as € 15
    letter = tmp_path / "brief.txt"
    letter.write_text(
        "De vergoeding bedraagt maximaal € 15 000,–. Het Rijk reserveert € 1 500 000. "
        "Kamerstuk 36 410 noemt 5 miljoen euro.\n",
        encoding="utf-8",
    )
    assert stated(letter) == [
        ("maximaal € 15 000", 0, Decimal("0.015")),
        ("€ 1 500 000", Decimal("1.5"), Decimal("1.5")),
        ("5 miljoen euro", 5, 5),
    ]


@pytest.mark.parametrize("written", ["-5 miljoen euro", "€ -5 mln.", "-/- € 5 mln."])
def test_a_negative_amount_is_asked_about_never_read_as_positive(
    tmp_path: Path, written: str
) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text(f"Het saldo van de regeling is {written} Dat is klein.\n", encoding="utf-8")
    draft = draft_announcement(letter)
    assert draft.amounts == ()
    assert [dict(o.params) for o in draft.open if o.key == "draft-open-zero"] == [{"text": written}]


def test_a_total_after_more_amounts_than_can_be_tried_is_left_open(tmp_path: Path) -> None:
    # every set of 40 amounts is 2^40 sets: the draft tried them all (18 took 4 s)
    letter = tmp_path / "brief.txt"
    posts = " ".join(f"Post {i} kost {i + 1} miljoen euro." for i in range(40))
    letter.write_text(posts + " In totaal is dit 7 miljard euro.\n", encoding="utf-8")
    draft = draft_announcement(letter)
    assert draft.sums == ()
    assert [(o.key, dict(o.params)) for o in draft.open if o.key.startswith("draft-open-sum")] == [
        ("draft-open-sum-many", {"total": "totaal", "count": "40"})
    ]
    assert "too many to try" in render_draft(draft, "en")
    assert "te veel om elke" in render_draft(draft, "nl")


def test_a_figure_longer_than_any_amount_is_left_open_not_a_traceback(tmp_path: Path) -> None:
    # a Decimal holds 28 digits: more stopped the draft (and `check`) with a traceback; the
    # announcement refuses any figure of more than 15 digits (docs/en/security.md)
    figure = "1" + ".000" * 12
    with pytest.raises(ConfigError, match="has more digits than an amount"):
        parse_hedged(f"€ {figure}")
    letter = tmp_path / "brief.txt"
    letter.write_text(f"Het Rijk reserveert € {figure}. En bijna 5 miljoen euro.\n", "utf-8")
    draft = draft_announcement(letter)
    assert [a.text for a in draft.amounts] == ["bijna 5 miljoen euro"]
    assert [dict(o.params) for o in draft.open if o.key == "draft-open-unread"] == [
        {"text": f"€ {figure}"}
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "111 " * 100_000 + "miljoen euro.",  # figures that might be thousands of each other
        "tussen 5 " * 100_000 + "miljoen euro.",  # the start of a range, again and again
        "5-" * 100_000 + "5 miljoen euro.",
    ],
    ids=["thousands", "ranges", "dashes"],
)
def test_a_sentence_of_many_figures_costs_its_length(tmp_path: Path, sentence: str) -> None:
    # each figure looked at the whole sentence before it (or tried every run of figures
    # from each of them): these did not end within minutes
    letter = tmp_path / "brief.txt"
    letter.write_text(sentence, encoding="utf-8")
    assert len(draft_announcement(letter).amounts) <= 1


def test_many_lines_that_run_on_are_joined_once(tmp_path: Path) -> None:
    # each piece was added to the paragraph by copying it whole: 10^5 pieces, 10^11 bytes
    letter = tmp_path / "brief.txt"
    letter.write_text("Het Rijk geeft\n\n" + "en nog meer\n\n" * 100_000 + "5 miljoen euro.")
    paragraphs = read_letter(letter).paragraphs
    assert len(paragraphs) == 2
    assert paragraphs[0].text.startswith("Het Rijk geeft en nog meer en nog meer")


def test_deeply_nested_html_is_read_in_one_pass(tmp_path: Path) -> None:
    # a page nested 100,000 deep, then closing tags it never opened: reading it costs its
    # length (the open elements were searched for every piece of text, 10^10 steps here)
    depth = 100_000
    page = (
        '<html><body><div id="broodtekst">'
        + "<div>x " * depth
        + "Het Rijk reserveert bijna 70 miljoen euro."
        + "</span>" * depth
        + "</div>" * depth
        + "</div></body></html>"
    )
    letter = tmp_path / "brief.html"
    letter.write_text(page, encoding="utf-8")
    draft = draft_announcement(letter)
    assert [a.text for a in draft.amounts] == ["bijna 70 miljoen euro"]


def test_a_pdf_with_more_pages_than_any_letter_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reconcile.letter import read

    monkeypatch.setattr(read, "MAX_PDF_PAGES", 2)
    letter = tmp_path / "brief.pdf"
    letter.write_bytes(text_pdf([["Het Rijk geeft 5 miljoen euro."]] * 3))
    with pytest.raises(InputError, match="has 3 pages, more than any letter \\(2\\): not read"):
        read_letter(letter)
    monkeypatch.setattr(read, "MAX_PDF_PAGES", 3)
    monkeypatch.setattr(read, "MAX_PDF_TEXT", 40)
    with pytest.raises(InputError, match="more text than any letter") as refused:
        read_letter(letter)
    assert "meer tekst dan welke brief ook" in render(refused.value, "nl")
    monkeypatch.setattr(read, "MAX_PDF_TEXT", 1000)
    assert len(read_letter(letter).paragraphs) == 3


def test_a_text_layer_s_page_marks_end_its_pages_and_its_margin_is_left_out() -> None:
    # IenW 2023: "... zijn van andere" / the margin column (Ministerie van, Inf rastructuur
    # en, Kenmerk, ...) / "P agina 1 van 7" / "landen voor onze grondstoffen1."
    paragraphs = read_letter(LETTERS / "kamerbrief-npce-2023.txt").paragraphs
    assert sorted({p.page for p in paragraphs}) == [1, 2]
    assert any(
        "zijn van andere landen voor onze grondstoffen. Versnellen" in p.text for p in paragraphs
    )
    assert not [p.text for p in paragraphs if "agina" in p.text or "Kenmerk" in p.text]


def test_a_hedge_at_the_foot_of_a_page_stays_with_its_amount(tmp_path: Path) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text(
        "Het Rijk is van plan om voor de AI-fabriek in de regio Groningen bijna\n"
        "Ministerie van\nEconomische Zaken\nKenmerk\nDGE / 123456\n"
        "Pagina 1 van 2\n"
        "70 miljoen euro te reserveren in de ontwerpbegroting 2026.\n"
        "Pagina 2 van 2\n",
        encoding="utf-8",
    )
    draft = draft_announcement(letter)
    assert [(a.text, a.where.page) for a in draft.amounts] == [("bijna 70 miljoen euro", 1)]
    assert draft.target is not None and draft.years == (2026, 2030)


def test_a_pdf_letter_is_read_from_its_text_layer_with_pages(tmp_path: Path) -> None:
    letter = tmp_path / "brief.pdf"
    letter.write_bytes(
        text_pdf(
            [
                ["Regio- en Rijksbijdrage", "", "Het Rijk is van plan bijna 70 miljoen euro te"],
                ["reserveren voor dit project. De regio draagt € 5,1 mln bij."],
            ]
        )
    )
    draft = draft_announcement(letter)
    assert [(a.key, a.text, a.where.page) for a in draft.amounts] == [
        ("rijk", "bijna 70 miljoen euro", 1),
        ("regio", "€ 5,1 mln", 1),  # the sentence runs on to page 2: cited where it starts
    ]
    assert draft.target is not None and draft.target.key == "rijk"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n\n  ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"PK\x03\x04" + b"\x00" * 40, "binary file"),
        (b"%PDF-1.4\nnot really a pdf", "not a readable PDF"),
    ],
)
def test_a_bad_letter_is_a_clear_error_with_exit_code_2(
    tmp_path: Path, content: bytes, message: str
) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_letter(letter)
    result = CliRunner().invoke(cli, ["announcement", "draft", str(letter), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr
    dutch = CliRunner().invoke(cli, ["announcement", "draft", str(letter), "--lang", "nl"])
    assert dutch.exit_code == 2
    assert dutch.stderr.startswith("Fout: ") and message not in dutch.stderr


def test_a_missing_letter_is_exit_code_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["announcement", "draft", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_a_draft_goes_to_standard_output_or_a_new_file_and_replaces_one_only_when_forced(
    tmp_path: Path,
) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text("Het kabinet trekt 70 miljoen euro uit.", encoding="utf-8")
    target = tmp_path / "announcement.toml"
    assert draft_target(None) is None  # standard output
    assert draft_target(target) == target  # a new file
    write_draft(target, "name = 'AI-fabriek'\n", letter)
    assert target.read_text("utf-8") == "name = 'AI-fabriek'\n"
    with pytest.raises(DraftExistsError) as refused:
        draft_target(target)
    assert refused.value.path == target
    assert draft_target(target, force=True) == target
    with pytest.raises(InputError):  # never over the letter it was drafted from
        write_draft(letter, "x = 1\n", letter)
    assert letter.read_text("utf-8").startswith("Het kabinet")


@pytest.mark.skipif(not SEED.exists(), reason="the seed letter lives in ../shared/seed")
def test_output_file_is_written_atomically_and_check_accepts_it(tmp_path: Path) -> None:
    target = tmp_path / "announcement.toml"
    runner = CliRunner()
    result = runner.invoke(cli, ["announcement", "draft", str(SEED), "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert intervals(load_announcement(target))["rijk"] == (66_500_000, 70_000_000)
    again = runner.invoke(cli, ["announcement", "draft", str(SEED), "-o", str(target)])
    assert again.exit_code == 2 and "--force" in again.stderr
    forced = runner.invoke(cli, ["announcement", "draft", str(SEED), "-o", str(target), "--force"])
    assert forced.exit_code == 0
    check = runner.invoke(
        cli, ["check", str(ROOT / "examples" / "ai-fabriek"), "-a", str(target), "-f", "json"]
    )
    assert check.exit_code == 0, check.stdout


@pytest.mark.skipif(not SEED.exists(), reason="the seed letter lives in ../shared/seed")
def test_the_draft_speaks_dutch_with_lang_nl() -> None:
    result = CliRunner().invoke(cli, ["announcement", "draft", str(SEED), "--lang", "nl"])
    assert "# alinea 15: “Het Rijk is van plan bijna 70 miljoen euro te reserveren" in (
        result.stdout
    )
    assert result.stderr.startswith("Opgesteld uit kamerbrief-ai-fabriek-2025.txt: 7 bedragen")
    assert drafted(SEED, "nl").amounts.keys() == drafted(SEED, "en").amounts.keys()


def test_what_cannot_be_decided_is_listed_never_guessed(tmp_path: Path) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text(
        "Het kabinet reserveert 60 à 70 miljoen euro via de begroting van het ministerie van "
        "Asiel en Migratie en het ministerie van Klimaat en Groene Groei.\n\n"
        "Tabel 1 Reservering (bedragen x € 1.000)\n2025 2026\nKGG 10.000 20.000\n\n"
        "Dat is samen ruim een miljard. Een post van € 0 blijft staan. De regio geeft "
        "maximaal 10 miljoen en de provincie maximaal 10 miljoen. Samen is dat bijna "
        "20 miljoen euro. De gemeenten geven 5 miljoen euro; in totaal is dat ongeveer "
        "35 miljoen euro.\n",
        encoding="utf-8",
    )
    draft = draft_announcement(letter)
    assert [(a.key, a.text) for a in draft.amounts] == [
        ("bedrag1", "tussen 60 en 70 miljoen euro"),
        ("bedrag2", "ruim een miljard"),
        ("regio", "maximaal 10 miljoen"),
        ("regio2", "maximaal 10 miljoen"),
        ("bedrag5", "bijna 20 miljoen euro"),
        ("regio3", "5 miljoen euro"),
        ("totaal", "ongeveer 35 miljoen euro"),
    ]
    assert draft.target is not None and draft.target.key == "bedrag1"
    assert [(s.total, s.parts) for s in draft.sums] == [("bedrag5", ("regio", "regio2"))]
    assert [n.value for n in draft.expected] == ["KGG"]
    assert [(o.key, dict(o.params)) for o in draft.open] == [
        ("draft-open-table", {"caption": "bedragen x € 1.000"}),  # its figures are not read
        ("draft-open-zero", {"text": "€ 0"}),
        ("draft-open-sum-none", {"total": "bedrag2"}),  # nothing before it adds up to a billion
        ("draft-open-sum-none", {"total": "totaal"}),  # 20 + 5 cannot be "ongeveer 35"
        ("draft-open-ministry", {"name": "Asiel en Migratie"}),
        ("draft-open-years", {}),
    ]


def test_a_total_that_several_sets_of_amounts_fit_is_left_open(tmp_path: Path) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text(
        "A geeft 10 miljoen euro, B geeft 10 miljoen euro en C geeft 10 miljoen euro. "
        "In totaal is dat 20 miljoen euro.\n",
        encoding="utf-8",
    )
    draft = draft_announcement(letter)
    assert draft.sums == ()
    assert [(o.key, dict(o.params)) for o in draft.open if o.key == "draft-open-sum"] == [
        (
            "draft-open-sum",
            {
                "total": "totaal",
                "options": "bedrag1 + bedrag2; bedrag1 + bedrag3; bedrag2 + bedrag3",
            },
        )
    ]
    text = render_draft(draft, "en")
    assert "# CHOOSE: the letter calls totaal a total, but which amounts add up to it?" in text
    assert "[[sums]]" not in text


SENTENCES = [
    "Het Rijk is van plan bijna 70 miljoen euro te reserveren voor dit project.",
    "De regio draagt maximaal 60 miljoen euro bij.",
    "Hiermee komt de nationale bijdrage op een totaal bedrag uit van bijna 130 miljoen euro.",
    "Dat is in totaal ruim een half miljard.",
    "De kosten liggen tussen 5 en 7 mln.",
    "EZ verschuift € 5,1 mln naar 2025 en 70.000 (x € 1.000) naar 2026.",
    "Er wonen 17 miljoen inwoners in Nederland.",
    "Een post van € 0 blijft staan, net als 0 miljoen.",
    "Tabel 1 (bedragen x € 1 mln) volgt hieronder.",
    'Het "fonds" krijgt \\ ongeveer 3 miljard.',
    "De middelen komen van de begroting van het ministerie van Defensie als grootste bijdrager.",
    "Ook de begroting van het ministerie van Asiel en Migratie draagt bij.",
    "Dit wordt verwerkt in de ontwerpbegroting voor 2026.",
    "Al-fabriek verkenning.3",
    "1 Kamerstuk 2024-2025, 26 643, nr. 1265.",
    "",
]


@settings(max_examples=80, deadline=None)  # no timing: a slow machine is no failure
@given(
    st.lists(st.sampled_from(SENTENCES), max_size=8),
    st.sampled_from(["\n", "\n\n", " ", "\f"]),
    st.sampled_from(["en", "nl"]),
)
def test_any_letter_drafts_toml_that_check_reads_once_its_choices_are_made(
    sentences: list[str], joiner: str, lang: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        letter = Path(folder) / 'brief "x".txt'
        letter.write_text(joiner.join(sentences) + "\nEinde.", encoding="utf-8")
        draft = draft_announcement(letter)
        text = render_draft(draft, lang)
    data = tomllib.loads(text)  # always TOML, whatever the letter holds
    for amount in draft.amounts:
        assert parse_hedged(amount.text).interval == amount.interval
        assert data["amounts"][amount.key] == amount.text
    choose = "# KIES: " if lang == "nl" else "# CHOOSE: "
    assert text.count(choose) == len(draft.open)
    if not draft.open:
        parse_announcement(data, "draft")  # raises ConfigError on anything check refuses


def test_a_yearly_amount_is_asked_about_and_mln_ends_a_sentence(tmp_path: Path) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text(
        "De kosten zijn 10 mln. Het kabinet reserveert € 5 miljoen per jaar. Vanaf 2027 is dat "
        "structureel 3 miljoen euro.\n",
        encoding="utf-8",
    )
    draft = draft_announcement(letter)
    assert draft.target is not None and draft.target.text == "€ 5 miljoen"  # not the 10 mln.
    assert [(o.key, dict(o.params)) for o in draft.open if o.key == "draft-open-per-year"] == [
        ("draft-open-per-year", {"text": "€ 5 miljoen"}),
        ("draft-open-per-year", {"text": "3 miljoen euro"}),
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_a_text_letter_is_read_in_the_encodings_editors_save(tmp_path: Path, encoding: str) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_bytes("Het Rijk reserveert € 5,1 mln voor de AI-fabriek.\n".encode(encoding))
    assert stated(letter) == [("€ 5,1 mln", Decimal("5.1"), Decimal("5.1"))]


@pytest.mark.skipif(not SEED.exists(), reason="the seed letter lives in ../shared/seed")
def test_a_damaged_pdf_is_read_or_refused_with_a_clear_error(tmp_path: Path) -> None:
    whole = seed_as_pdf()
    letter = tmp_path / "brief.pdf"
    outcomes = set()
    for cut in range(9, len(whole), len(whole) // 40):
        letter.write_bytes(whole[:cut])
        try:
            read_letter(letter)
            outcomes.add("read")
        except InputError as exc:
            assert str(exc).startswith(str(letter)), exc
            outcomes.add("refused")
    assert "refused" in outcomes
    # no %%EOF: pypdf would log so on standard error itself; run as the officer does, in a
    # process of its own (pytest catches the log records of the tests' own process)
    letter.write_bytes(whole[:-200])
    result = subprocess.run(
        [sys.executable, "-m", "reconcile", "announcement", "draft", str(letter), "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"Error: {letter} is not a readable PDF: Stream has ended unexpectedly"
    ]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("ruim een half miljard", 500, 525),
        ("anderhalf miljard euro", 1500, 1500),
        ("bijna één miljard", 950, 1000),
        ("rond de twee miljoen euro", Decimal("1.9"), Decimal("2.1")),
        ("een kwart miljard", 250, 250),
    ],
)
def test_an_announcement_may_spell_its_figure_as_a_letter_does(
    text: str, low: Decimal, high: Decimal
) -> None:
    interval = parse_hedged(text).interval
    assert (interval.low / M, interval.high) == (low, high * M)
