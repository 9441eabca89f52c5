"""reconcile diff across editions: two versions written differently, matched by what they share.

Each pair is built here as ministries and publications write them: one version without a
column the other has, the same line twice, x € 1.000 against EUR mln, the chapter as "XIII",
"13" or the ministry's name, a long table against a wide one.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reconcile.diff import Diff, diff_files

TITLE = "(bedragen x € 1.000)"
HEADER = "Hoofdstuk;Artikel;Omschrijving;2025;2026"
ROWS = ["XIII;2;AI-fabriek;5.100;10.000", "X;1;AI-fabriek;20.000;1.000"]


def _csv(path: Path, lines: list[str]) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _diff(tmp_path: Path, old: list[str], new: list[str]) -> Diff:
    return diff_files(_csv(tmp_path / "old.csv", old), _csv(tmp_path / "new.csv", new))


def _changes(diff: Diff) -> list[tuple[str, str, int | None, Decimal | None]]:
    return [(c.change, c.field("chapter"), c.year, c.difference) for c in diff.changes]


def test_a_column_one_version_lacks_leaves_the_lines_matched(tmp_path: Path) -> None:
    # The new version adds a V/U/O column: keyed by it, all four lines were removed and added.
    new = [TITLE, "Hoofdstuk;Artikel;V/U/O;Omschrijving;2025;2026"]
    new += ["XIII;2;U;AI-fabriek;5.100;10.000", "X;1;U;AI-fabriek;20.000;1.500"]
    diff = _diff(tmp_path, [TITLE, HEADER, *ROWS], new)
    assert _changes(diff) == [("changed", "X", 2026, Decimal(500_000))]
    assert diff.unchanged == 3
    (said,) = [f for f in diff.findings if f.code == "diff-field-unshared"]
    assert said.params["fields"] == "series"


def test_units_of_the_two_versions_are_each_their_own(tmp_path: Path) -> None:
    new = ["Bedragen in EUR mln", HEADER, "XIII;2;AI-fabriek;5,1;10", "X;1;AI-fabriek;20;1,25"]
    diff = _diff(tmp_path, [TITLE, HEADER, *ROWS], new)
    assert _changes(diff) == [("changed", "X", 2026, Decimal(250_000))]


def test_a_chapter_written_as_a_number_or_a_ministrys_name_is_that_chapter(
    tmp_path: Path,
) -> None:
    # "13", "Economische Zaken" and "Defensie" are their ministry's own chapter (Defensie's
    # is X, not the fund K it answers for); Buitenlandse Zaken has two chapters of its own,
    # V and XVII, so its name names no one chapter: that line is the ministry's, not matched.
    new = [
        TITLE,
        HEADER,
        "Economische Zaken;2;AI-fabriek;5.100;10.000",
        "10;1;AI-fabriek;20.000;1.000",
    ]
    assert _changes(_diff(tmp_path, [TITLE, HEADER, *ROWS], new)) == []
    by_name = [
        TITLE,
        HEADER,
        "XIII;2;AI-fabriek;5.100;10.000",
        "Defensie;1;AI-fabriek;20.000;1.000",
    ]
    assert _changes(_diff(tmp_path, [TITLE, HEADER, *ROWS], by_name)) == []
    old = [TITLE, HEADER, "XVII;3;Handel;1.000;2.000"]
    named = [TITLE, HEADER, "Buitenlandse Zaken;3;Handel;1.000;2.000"]
    diff = _diff(tmp_path, old, named)
    assert sorted((c.change, c.ministry) for c in diff.changes) == [
        ("added", "BZ"),
        ("added", "BZ"),
        ("removed", "BZ"),
        ("removed", "BZ"),
    ]
    assert set(diff.net_effect.values()) == {Decimal(0)}


def test_the_same_line_twice_is_a_second_line_added(tmp_path: Path) -> None:
    diff = _diff(tmp_path, [TITLE, HEADER, *ROWS], [TITLE, HEADER, *ROWS, ROWS[0]])
    assert _changes(diff) == [
        ("added", "XIII", 2025, Decimal(5_100_000)),
        ("added", "XIII", 2026, Decimal(10_000_000)),
    ]
    assert [c.field("occurrence") for c in diff.changes] == ["2", "2"]


def test_two_editions_each_read_with_its_own_drafted_layout(tmp_path: Path) -> None:
    # A long edition and a wide one, neither a built-in layout: each drafted, and diff given
    # both layouts (--layout twice) matches their lines by chapter, article and year.
    from click.testing import CliRunner

    from reconcile.cli import cli

    long = _csv(
        tmp_path / "long.csv",
        ["Hfd;Art;Jaar;Bedrag", "XIII;2;2025;5.100", "XIII;2;2026;10.000", "X;1;2025;20.000"],
    )
    wide = _csv(
        tmp_path / "wide.csv",
        ["Hoofdstuk;Artikel;2025;2026", "XIII;2;5.100;10.500", "X;1;20.000;"],
    )
    layouts = []
    for path in (long, wide):
        drafted = CliRunner().invoke(cli, ["layouts", "draft", path])
        assert drafted.exit_code == 0, drafted.output
        layout = Path(path).with_suffix(".toml")
        layout.write_text(drafted.output, encoding="utf-8")
        layouts += ["--layout", str(layout)]
    result = CliRunner().invoke(cli, ["diff", long, wide, *layouts, "--format", "json"])
    assert result.exit_code == 1, result.output
    diff = diff_files(long, wide, layouts[1], None, layouts[3])
    assert _changes(diff) == [("changed", "XIII", 2026, Decimal(500_000))]
    assert diff.unchanged == 2
    thrice = CliRunner().invoke(cli, ["diff", long, wide, *layouts, "--layout", layouts[1]])
    assert thrice.exit_code == 2
    assert "--layout is given at most twice" in thrice.output
