"""The letter's wording becomes intervals; the announcement file is read strictly."""

from decimal import Decimal
from pathlib import Path

import pytest

from reconcile.announcement import load_announcement, parse_hedged, parse_money
from reconcile.errors import ConfigError
from reconcile.model import Interval

M = Decimal(1_000_000)


@pytest.mark.parametrize(
    ("text", "hedge", "low", "high"),
    [
        ("bijna 70 miljoen euro", "nearly", Decimal("66.5") * M, 70 * M),
        ("nearly EUR 70 million", "nearly", Decimal("66.5") * M, 70 * M),
        ("ruim 71 miljoen", "just-over", 71 * M, Decimal("74.55") * M),
        ("rond de 200 miljoen euro", "around", 190 * M, 210 * M),
        ("circa 5,1 mln", "around", Decimal("4.845") * M, Decimal("5.355") * M),
        ("about 200 million", "around", 190 * M, 210 * M),
        ("maximaal 60 miljoen euro", "at-most", Decimal(0), 60 * M),
        ("up to 60 million euro", "at-most", Decimal(0), 60 * M),
        ("minimaal 5,1 miljoen", "at-least", Decimal("5.1") * M, None),
        ("tussen 60 en 70 miljoen", "between", 60 * M, 70 * M),
        ("60 à 70 miljoen", "between", 60 * M, 70 * M),
        ("70 miljoen", "exact", 70 * M, 70 * M),
    ],
)
def test_hedged_amounts_are_intervals(
    text: str, hedge: str, low: Decimal, high: Decimal | None
) -> None:
    parsed = parse_hedged(text)
    assert parsed.hedge == hedge
    assert parsed.interval == Interval(low, high)


def test_the_band_is_configurable() -> None:
    assert parse_hedged("bijna 70 miljoen", Decimal("0.10")).interval == Interval(63 * M, 70 * M)


@pytest.mark.parametrize(
    "text", ["70 miljoen", "EUR 70 mln", "€ 70.000.000", "70.000 (x € 1.000)", "70 million euro"]
)
def test_the_same_amount_written_five_ways(text: str) -> None:
    assert parse_money(text) == 70 * M


@pytest.mark.parametrize("text", ["veel geld", "bijna", "tussen 80 en 70 miljoen"])
def test_unreadable_amounts_are_config_errors(text: str) -> None:
    with pytest.raises(ConfigError):
        parse_hedged(text)


def test_the_built_in_announcement_is_the_ai_fabriek() -> None:
    ann = load_announcement(None)
    assert ann.name == "AI-fabriek Groningen"
    assert ann.target_amount.interval == Interval(Decimal("66500000.00"), Decimal("70000000.00"))
    assert ann.expected == ("EZ", "Defensie", "OCW", "BZK", "VWS", "LVVN")
    assert ann.largest == ("EZ", "Defensie")
    assert ann.series == "U"
    assert ann.years == (2025, 2026, 2027, 2028, 2029, 2030)
    assert [(e.ministry, e.year, e.amount.interval.low) for e in ann.expectations] == [
        ("EZ", 2025, Decimal("5100000.00"))
    ]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "announcement.toml"
    path.write_text(text, "utf-8")
    return path


MINIMAL = 'years = "2025-2026"\n[amounts]\nrijk = "bijna 10 miljoen"\n'


def test_a_minimal_announcement(tmp_path: Path) -> None:
    ann = load_announcement(_write(tmp_path, MINIMAL))
    assert ann.target == "rijk"
    assert ann.years == (2025, 2026)
    assert ann.band == Decimal("0.05")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colour = 'red'\n" + MINIMAL, "unknown key 'colour'"),
        (
            'years = "2025-2026"\nreconcile = "eu"\n[amounts]\nrijk = "10 miljoen"\n',
            "names no amount",
        ),
        ('years = 2025\n[amounts]\nrijk = "10 miljoen"\n', "years must be"),
        ('[amounts]\nrijk = "10 miljoen"\n', "years is required"),
        (MINIMAL + "[contributors]\nexpected = ['XYZ']\n", "'XYZ', which is not a ministry"),
        (MINIMAL + "[contributors]\nexpected = ['EZ']\nlargest = ['OCW']\n", "not in expected"),
        (MINIMAL + "[[sums]]\ntotal = 'nationaal'\nparts = ['rijk']\n", "'nationaal'"),
        ('years = "2025-2026"\n[amounts]\nrijk = 10\n', "amounts.rijk must be a text, not 10"),
        ('years = "2025-2026"\n', "[amounts] is missing"),
        ('years = "2030-2025"\n[amounts]\nrijk = "10 miljoen"\n', "runs backwards"),
        ("band = '150%'\n" + MINIMAL, "must lie from 0 % up to"),
        ('years = "2025-2026"\n[amounts]\nrijk = "-10 miljoen"\n', "not a positive amount"),
        ("years = [", "is not valid TOML"),
        ("band = 'wide'\n" + MINIMAL, "not a percentage"),
        (MINIMAL + "colour = 'red'\n", "amounts.colour: 'red' is not an amount"),
        (
            MINIMAL + "[[expect]]\nministry = 'EZ'\nyear = 2031\namount = '1 miljoen'\n",
            "not among the announced years",
        ),
    ],
)
def test_announcement_mistakes_name_the_key_and_the_file(
    tmp_path: Path, text: str, message: str
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_announcement(path, "my/announcement.toml")
    assert message in str(caught.value)
    assert "my/announcement.toml" in str(caught.value)


def test_a_missing_announcement_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_announcement(tmp_path / "nope.toml")


def test_an_announcement_can_add_a_ministry(tmp_path: Path) -> None:
    text = MINIMAL + (
        "[contributors]\nexpected = ['NEW']\n"
        "[ministries.NEW]\nname = 'Nieuw'\nchapters = ['24']\nnames = ['Nieuw ministerie']\n"
    )
    ann = load_announcement(_write(tmp_path, text))
    assert ann.ministries.ministries["NEW"].chapters == ("XXIV",)
    assert ann.ministries.of_chapter("XXIV") is not None
