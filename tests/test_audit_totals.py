"""Findings left on whole real publications, each classified by hand (issue 14's audit):
a false alarm that knowing the table better removes is gone, a real problem stays said at
its rows. The extracts and where they come from: tests/editions/PROVENANCE.md."""

from __future__ import annotations

from pathlib import Path

from reconcile.announcement import load_announcement
from reconcile.codes import render_message
from reconcile.pipeline import validate

EDITIONS = Path(__file__).parent / "editions"


def _findings(name: str) -> list[tuple[str | None, str]]:
    report = validate([str(EDITIONS / name)], load_announcement(None), layout=None)
    return [(f.location.cell, f.code) for f in report.findings if f.severity != "info"]


def test_two_budgets_under_one_chapter_number_each_add_up_to_their_totaal() -> None:
    # rijksfinancien's file files the 2018 budget of Landbouw, Natuur en Voedselkwaliteit
    # under "XIII", the number of Economische Zaken en Klimaat: its TOTAAL rows (U 695,046,
    # O 99,706, V 811,729) add up to its own articles, EZK's (U 3,743,285, ...) to EZK's.
    # Told apart by the name in the chapter cell, no total is off; a chapter XIII article 6
    # and 8 given twice (0 under EZK, LNV's amounts under LNV) is still a duplicate key.
    findings = _findings("begrotingsstaten_2018_two_budgets_chapter_xiii.csv")
    assert [cell for cell, code in findings if code == "total-mismatch"] == []
    assert sorted(cell for cell, code in findings if code == "duplicate-key") == [
        "A33",
        "A34",
        "A38",
        "A39",
    ]


CHAPTER_VI_TOTALS = "budgettaire_tabellen_owb_2017_chapter_vi_totals.csv"


def test_a_chapters_total_row_needs_no_article() -> None:
    # The B-table 2017 gives chapter VI's totals (V, U, O) in rows flagged J with the article
    # and every level blank: 12,458,303 in V t-2 is the sum of its nine article totals. Its
    # blank article is the chapter's place, not a line's missing article.
    assert _findings(CHAPTER_VI_TOTALS) == []


def test_a_line_or_a_subtotal_without_its_article_is_still_said(tmp_path: Path) -> None:
    # The same rows as lines (flagged N), or as a subtotal of a subdivision ("31.1"): a
    # row of an article whose article is blank.
    header, *rows = (EDITIONS / CHAPTER_VI_TOTALS).read_text(encoding="utf-8").splitlines()
    as_lines = [row.replace(",J,,", ",N,,") for row in rows]
    as_subtotals = [row.replace(",J,,", ",J,31.1,") for row in rows]
    for name, changed in (("lines.csv", as_lines), ("subtotals.csv", as_subtotals)):
        path = tmp_path / name
        path.write_text("\n".join([header, *changed]) + "\n", encoding="utf-8")
        report = validate([str(path)], load_announcement(None), layout=None)
        missing = [f.location.cell for f in report.findings if f.code == "missing-value"]
        assert missing == ["G2", "G3", "G4"], name


def _messages(name: str, code: str = "total-mismatch") -> dict[str | None, str]:
    report = validate([str(EDITIONS / name)], load_announcement(None), layout=None)
    return {f.location.cell: render_message(f, "en") for f in report.findings if f.code == code}


def test_two_totals_of_one_group_that_together_are_its_lines_say_so() -> None:
    # The first-published begrotingsstaten give chapter VI 2015 two TOTAAL rows for O and
    # for V: 1,424,236 over Veiligheid en Justitie's articles and 757,353 over Binnenlandse
    # Zaken's articles 61-74 filed under VI as well (O: 2,181,589 in all). Each is off its
    # lines (a real problem: the lines of two budgets under one chapter), and says which
    # other total makes up the difference. U, one TOTAAL over VI's own articles, adds up.
    messages = _messages("begrotingsstaten_2015_chapter_vi_two_totals.csv")
    assert sorted(messages) == sorted(
        f"{column}{row}" for column in "HIJKL" for row in (48, 49, 51, 52)
    )
    assert messages["H48"].endswith(
        "This total and the one at H49 (EUR 757,353,000) together add up to these lines: are "
        "the lines of two totals filed under one key?"
    )
    assert (
        "EUR 2,181,589,000 (difference -EUR 757,353,000). The 18 lines it covers: rows 2 … 45."
        in (messages["H48"])
    )


def test_a_second_total_of_lines_another_total_states_says_so() -> None:
    # The B-table 2015, IXB article 6 U: row 424 says 2,901,122 over its two "w.v." lines,
    # row 425, flagged J as well, says 0 (and nothing in t-2): a second total of the same
    # lines, a real problem, named with the total that states their sum.
    messages = _messages("budgettaire_tabellen_owb_2015_article_ixb_6.csv")
    assert sorted(messages) == [f"{column}6" for column in "UVWXYZ"]
    assert messages["V6"].endswith(
        " The 2 lines it covers: rows 2-3. The totals row at V5 states their sum: is this row a"
        " second total of them?"
    )


XVIII_6 = "budgettaire_tabellen_owb_2017_article_xviii_6.csv"


def test_a_waarvan_breakdown_with_a_misspelled_level_is_notes_not_lines() -> None:
    # The B-table 2017, XVIII article 6, subdivision 1 (row 2): "Bijdrage aan agentschappen"
    # (row 3, source 2777) says 68,184 in t-1 = 53,226 + 7,061 + 7,897 (rows 4, 10 and 11);
    # between them "waarvan:" (row 5) heads four rows of what the first is spent on, their
    # instrument written "Bijdragen aan agentschappen". They are notes, not lines of the
    # subdivision: neither total is off.
    assert _messages(XVIII_6) == {}


def test_a_subtotal_whose_lines_after_a_waarvan_breakdown_do_not_add_up_is_said(
    tmp_path: Path,
) -> None:
    # The same rows with the last line's t-1 changed from 7,897 to 7,997: the subtotal is
    # 100 off its lines (the breakdown still not among them), at its own row.
    text = (EDITIONS / XVIII_6).read_text(encoding="utf-8")
    assert text.count('"7,897"') == 1
    path = tmp_path / "changed.csv"
    path.write_text(text.replace('"7,897"', '"7,997"'), encoding="utf-8")
    report = validate([str(path)], load_announcement(None), layout=None)
    messages = {
        f.location.cell: render_message(f, "en")
        for f in report.findings
        if f.code == "total-mismatch"
    }
    assert sorted(messages) == ["U3"]
    # The message names the rows it added up, to be checked in one look.
    assert messages["U3"].endswith(
        "says EUR 68,184,000 but the lines it covers add up to EUR 68,284,000 (difference "
        "-EUR 100,000). The 3 lines it covers: rows 4, 10-11."
    )


IXB_3 = "budgettaire_tabellen_owb_2017_article_ixb_3.csv"


def test_a_regeling_flagged_j_before_a_shallower_line_is_a_part() -> None:
    # The B-table 2017, IXB article 3 O: "Vermogensonttrekking" (row 2) says 6,375,037 in
    # t-1 = 3,838,194 + 1,633,590 + 903,253, the last "Winstafdracht DNB" (row 5), a regeling
    # flagged J with no line under it: the rows after it (6-7) leave its level blank and are
    # no deeper. It is a part, not a heading of nothing. The rows' own problems stay: their
    # "waarvan" texts in the amount column T (amount-not-a-number).
    findings = _findings(IXB_3)
    assert [cell for cell, code in findings if code == "total-mismatch"] == []
    assert [cell for cell, code in findings if code == "amount-not-a-number"] == ["T6", "T7"]


def test_a_subtotal_off_its_regelingen_flagged_j_is_still_said(tmp_path: Path) -> None:
    # The same rows with "Winstafdracht DNB" 903,353 in t-1 instead of 903,253.
    text = (EDITIONS / IXB_3).read_text(encoding="utf-8")
    assert text.count(",903253 ,") == 1
    path = tmp_path / "changed.csv"
    path.write_text(text.replace(",903253 ,", ",903353 ,"), encoding="utf-8")
    report = validate([str(path)], load_announcement(None), layout=None)
    mismatches = [f.location.cell for f in report.findings if f.code == "total-mismatch"]
    assert mismatches == ["U2"]


X_1 = "budgettaire_tabellen_owb_2017_article_x_1.csv"


def test_a_footnote_starting_with_an_asterisk_is_a_note() -> None:
    # The B-table 2017, X article 1 U: 272,617 in t-2 = 267,491 + 2,109 + 3,017 (rows 3-5);
    # row 6, "* bijdrage door SSO's binnen de opdracht Inzet" (3,488), is the printed
    # table's footnote on how much of them SSOs contribute, not a fourth part.
    assert _messages(X_1) == {}


def test_a_total_off_its_lines_beside_a_footnote_is_still_said(tmp_path: Path) -> None:
    # The same rows with 267,591 for 267,491: 100 off, with or without the footnote.
    text = (EDITIONS / X_1).read_text(encoding="utf-8")
    path = tmp_path / "changed.csv"
    path.write_text(text.replace(",267491,", ",267591,"), encoding="utf-8")
    report = validate([str(path)], load_announcement(None), layout=None)
    assert [f.location.cell for f in report.findings if f.code == "total-mismatch"] == ["T2"]


VII_11 = "budgettaire_tabellen_owb_2017_article_vii_11.csv"


def test_a_waarvan_right_after_another_may_be_a_note_of_it() -> None:
    # The B-table 2017, VII article 11 Apparaat, "Materiele uitgaven" (row 2): 190,096 in t-2
    # = 155,495 "waarvan bijdragen aan SSO's" + 357 "ICT" + 34,244 "Overig materieel"; the
    # "waarvan: P-direkt" (67,019) right after the first "waarvan" is a part of it.
    assert _messages(VII_11) == {}


def test_a_total_off_its_first_waarvan_and_lines_is_still_said(tmp_path: Path) -> None:
    # The same rows with 155,595 for 155,495: 100 off with every choice of notes.
    text = (EDITIONS / VII_11).read_text(encoding="utf-8")
    path = tmp_path / "changed.csv"
    path.write_text(text.replace('"155,495"', '"155,595"'), encoding="utf-8")
    report = validate([str(path)], load_announcement(None), layout=None)
    assert [f.location.cell for f in report.findings if f.code == "total-mismatch"] == ["T2"]
