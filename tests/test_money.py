"""Amounts as ministries write them become exact euros; euros are written as readers expect."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.money import AmountError, find_unit, format_eur, parse_amount, parse_number


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("1.234,5", "1234.5"),
        ("1.234.567,89", "1234567.89"),
        ("1,234,567.5", "1234567.5"),
        ("1.234", "1234"),  # a single point before three digits groups thousands (Dutch)
        ("12,5", "12.5"),  # a single comma is the Dutch decimal comma
        ("0.5", "0.5"),
        ("‒ 726", "-726"),  # figure dash, as in budget documents, with a space
        ("– 726", "-726"),  # en dash
        ("− 726", "-726"),  # minus sign
        ("-726", "-726"),
        ("726-", "-726"),
        ("(12)", "-12"),
        ("1\u00a0234", "1234"),  # non-breaking space groups thousands
        ("€ 1.500", "1500"),
        ("EUR 1.500", "1500"),
        ("-", "0"),  # Excel's accounting zero
        (" -   ", "0"),
        ("-00", "0"),
        ("nihil", "0"),  # a published table's zero stand (De Koning, 1e suppletoire 2014)
        ("Nihil", "0"),
        ("'2025", "2025"),
        (1234.5, "1234.5"),
        (0.1, "0.1"),  # a binary double is taken at its shortest repr, not 0.1000000000000000055
        (7, "7"),
    ],
)
def test_parse_number(written: object, number: str) -> None:
    assert parse_number(written) == Decimal(number)


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("PM", "not-a-number"),
        ("p.m.", "not-a-number"),
        ("n.t.b.", "not-a-number"),
        ("nvt", "not-a-number"),
        ("abc", "unreadable"),
        ("1,2,3.4.5", "unreadable"),
        (True, "unreadable"),
        (float("nan"), "unreadable"),
    ],
)
def test_parse_number_refuses_what_is_not_a_number(written: object, kind: str) -> None:
    with pytest.raises(AmountError) as caught:
        parse_number(written)
    assert caught.value.kind == kind


@pytest.mark.parametrize(
    "written",
    [
        "+31 6 12345678",  # a telephone number in an amount cell
        "2026 2027",  # two years
        "1'2'3'4",
        "1 234.567,5",  # space groups and point groups in one number
        "1'234 567",
        "1.2.3",
        "12.34.567",
        "1,23,456",  # Indian lakh grouping: not how ministries write
        "1 2345",
        "'1 23",
    ],
)
def test_digits_in_irregular_groups_are_not_an_amount(written: str) -> None:
    with pytest.raises(AmountError) as caught:
        parse_number(written)
    assert caught.value.kind == "unreadable"


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("1 234 567", "1234567"),
        ("1 234 567,5", "1234567.5"),
        ("1'234'567", "1234567"),
        ("'1 234", "1234"),  # Excel's text-forcing apostrophe, then a space group
        ("- 1 234", "-1234"),
        ("(1 234)", "-1234"),
        ("€\u00a01\u202f234", "1234"),
    ],
)
def test_digits_in_regular_groups_are_an_amount(written: str, number: str) -> None:
    assert parse_number(written) == Decimal(number)


_GROUPS = st.lists(st.text("0123456789", min_size=1, max_size=5), min_size=2, max_size=5)


@given(_GROUPS, st.sampled_from([" ", "\u00a0", "'", ".", ","]))
def test_a_number_in_groups_is_read_only_when_every_group_after_the_first_has_three_digits(
    groups: list[str], separator: str
) -> None:
    text = separator.join(groups)
    regular = 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    if separator in ".," and len(groups) == 2 and regular:
        return  # "1.234" / "1,234": one separator once, read by the column's style
    if separator in ".," and len(groups) == 2:
        regular = True  # a single point or comma not before three digits is a decimal mark
    try:
        number = parse_number(text)
    except AmountError:
        assert not regular, text
        return
    assert regular, text
    if len(groups) > 2 or separator not in ".,":
        assert number == Decimal("".join(groups)), text


def test_amounts_are_converted_exactly_to_euros_and_rounded_to_the_cent() -> None:
    assert parse_amount("2,5", Decimal(1_000_000)) == Decimal("2500000.00")
    assert parse_amount(0.1 + 0.2, Decimal(1)) == Decimal("0.30")
    assert parse_amount("1.234,567", Decimal(1)) == Decimal("1234.57")


@pytest.mark.parametrize(
    ("caption", "euros"),
    [
        ("(bedragen x € 1.000)", 1000),
        ("Bedrag (x €1000)", 1000),
        ("x1000", 1000),
        ("Amount (x EUR 1,000)", 1000),
        ("(x € 1 mln)", 1_000_000),
        ("bedragen x € 1 miljoen", 1_000_000),
        ("(in miljoenen euro)", 1_000_000),
        ("Bedragen in euro", 1),
        ("(bedragen in euro's)", 1),
        ("Amount (EUR mln)", 1_000_000),
        ("Bedrag (€ mln)", 1_000_000),
        ("EUR mln", 1_000_000),
        ("(x € 1.000.000)", 1_000_000),
        ("Bedrag (€ mld)", 1_000_000_000),
    ],
)
def test_find_unit_reads_captions(caption: str, euros: int) -> None:
    unit = find_unit(caption)
    assert unit is not None
    assert unit.euros == euros


@pytest.mark.parametrize(
    "text", ["Ministerie van Economische Zaken", "Reservering 2025", "Totaal", "Europees fonds"]
)
def test_find_unit_finds_none_where_no_caption_is(text: str) -> None:
    assert find_unit(text) is None


def test_format_eur_in_dutch_and_english() -> None:
    assert format_eur(Decimal("69400000"), "nl") == "€ 69.400.000"
    assert format_eur(Decimal("69400000"), "en") == "EUR 69,400,000"
    assert format_eur(Decimal("-1234.5"), "nl") == "€ -1.234,50"
    assert format_eur(Decimal("-1234.5"), "en") == "-EUR 1,234.50"


def test_amount_cache_gives_what_parsing_gives_and_parses_each_value_once() -> None:
    from reconcile.money import AmountCache, AmountError, parse_amount

    calls: list[object] = []

    def parse(raw: object) -> Decimal:
        calls.append(raw)
        return parse_amount(raw, Decimal(1000))

    cached = AmountCache(parse, limit=5)
    values = [1, 1.0, True, "1.234", "PM", 0.1, Decimal("2.5"), 1, "1.234", "PM", True, 7, 7]
    got = [cached(v) for v in values]
    wanted = []
    for v in values:
        try:
            wanted.append((parse_amount(v, Decimal(1000)), None))
        except AmountError as exc:
            wanted.append((None, exc.kind))
    assert repr(got) == repr(wanted)  # the same Decimals to the digit and the sign
    assert [type(d) for d, _ in got[:2]] == [Decimal, Decimal]
    # bool and Decimal are not cached (no cell reader gives a Decimal; a signalling NaN
    # cannot even be hashed); 7 comes after the limit of 5 values.
    assert calls == [1, 1.0, True, "1.234", "PM", 0.1, Decimal("2.5"), True, 7, 7]


def test_amount_cache_tells_apart_what_a_dict_would_merge() -> None:
    from reconcile.money import AmountCache, AmountError, parse_amount

    def parse(raw: object) -> Decimal:
        return parse_amount(raw, Decimal(1000))

    cached = AmountCache(parse)
    values = [0.0, -0.0, 0.0, float("nan"), "1", "1.0", "1", Decimal("sNaN"), Decimal("1")]
    for value in values:
        try:
            wanted: tuple[Decimal | None, str | None] = (parse(value), None)
        except AmountError as exc:
            wanted = (None, exc.kind)
        got = cached(value)
        # -0.0 may share 0.0's entry: both are zero cents, written and summed alike
        assert repr(got) == repr(wanted) or (got[0] == wanted[0] == 0), value
