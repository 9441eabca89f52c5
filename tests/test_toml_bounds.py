"""Announcement and configuration files are bounded: size, line, depth, keys, digits, years.

Each case is built here as an attacker would write it, once for the announcement and, where
the bound is the file's and not the announcement's, once for reconcile.toml. Every one is
refused with exit 2 and an error that names the key or line and the limit, never "stopped on
an unexpected problem".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import cli
from reconcile.limits import TOML_MAX_CHARS, TOML_MAX_DEPTH, TOML_MAX_KEYS, TOML_MAX_LINE

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "ai-fabriek"
HEAD = 'name = "x"\nyears = "2025-2030"\n[amounts]\nrijk = "bijna 70 miljoen euro"\n'

FILE_BOUNDS = {  # text after HEAD -> what the error says
    "dotted key of 50,000 parts": (
        "a" + ".a" * 49_999 + " = 1\n",
        f"holds 100003 characters, more than the limit of {TOML_MAX_LINE}",
    ),
    "dotted key of 300 parts on short lines": (
        "".join(f"[{'.'.join(['t'] * n)}]\n" for n in range(1, 12)),
        f"t.t.t.t.t.t.t.t.t is nested more than {TOML_MAX_DEPTH} levels deep",
    ),
    "nesting 100,000 lists deep, one per line": (
        "x = " + "[\n" * 100_000 + "]\n" * 100_000,
        f"nested more than {TOML_MAX_DEPTH} levels deep",
    ),
    "nesting 20 inline tables deep": (
        "x = " + "{a = " * 20 + "1" + "}" * 20 + "\n",
        f"a.a.a.a.a.a.a is nested more than {TOML_MAX_DEPTH} levels deep",  # amounts.x or x
    ),
    "20,000 keys": (
        "[many]\n" + "".join(f"k{n} = 1\n" for n in range(20_000)),
        f"is more than the limit of {TOML_MAX_KEYS} keys and list items",
    ),
    "a file of 2 MB": (
        "# " + "x" * 1_000 + "\n" + ("#" + "x" * 1_000 + "\n") * 2_000,
        f"more than the limit of {TOML_MAX_CHARS}",
    ),
}

ANNOUNCEMENT_BOUNDS = {
    "a 40-digit amount": (
        'name = "x"\nyears = "2025-2030"\n[amounts]\nrijk = "bijna ' + "9" * 40 + ' miljoen"\n',
        "amounts.rijk: '" + "9" * 40 + " miljoen' has more digits than an amount reconcile "
        "counts (at most 15 before the decimal mark, in euros)",
    ),
    "a list of 20,000 years": (
        'name = "x"\nyears = [\n' + "".join(f"{y},\n" for y in range(1, 20_001)) + "]\n"
        '[amounts]\nrijk = "bijna 70 miljoen euro"\n',
        f"years[{TOML_MAX_KEYS - 4}] is more than the limit of {TOML_MAX_KEYS} keys",
    ),
    "a list of 2,000 years": (
        'name = "x"\nyears = [\n' + "".join(f"{y},\n" for y in range(2000, 4000)) + "]\n"
        '[amounts]\nrijk = "bijna 70 miljoen euro"\n',
        "years holds 2000 years, more than the limit of 50",
    ),
    "a range of 8,000 years": (
        'name = "x"\nyears = "2000-9999"\n[amounts]\nrijk = "bijna 70 miljoen euro"\n',
        "years holds 8000 years, more than the limit of 50",
    ),
    "year 20250": (
        'name = "x"\nyears = [2025, 20250]\n[amounts]\nrijk = "bijna 70 miljoen euro"\n',
        "years holds 20250, which is not a budget year (from 1900 to 2200)",
    ),
}


def _refused(args: list[str], said: str) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert said in result.stderr, result.stderr
    assert "unexpected" not in result.stderr


@pytest.mark.parametrize("case", sorted(FILE_BOUNDS))
def test_an_announcement_beyond_a_file_bound_is_refused_naming_it(
    case: str, tmp_path: Path
) -> None:
    text, said = FILE_BOUNDS[case]
    announcement = tmp_path / "announcement.toml"
    announcement.write_text(HEAD + text, encoding="utf-8")
    _refused(["check", "--announcement", str(announcement), str(EXAMPLES)], said)


@pytest.mark.parametrize("case", sorted(ANNOUNCEMENT_BOUNDS))
def test_an_announcement_beyond_its_own_bounds_is_refused_naming_the_key(
    case: str, tmp_path: Path
) -> None:
    text, said = ANNOUNCEMENT_BOUNDS[case]
    announcement = tmp_path / "announcement.toml"
    announcement.write_text(text, encoding="utf-8")
    _refused(["check", "--announcement", str(announcement), str(EXAMPLES)], said)


@pytest.mark.parametrize("case", sorted(FILE_BOUNDS))
def test_a_configuration_file_beyond_a_bound_is_refused_naming_it(
    case: str, tmp_path: Path
) -> None:
    text, said = FILE_BOUNDS[case]
    config = tmp_path / "reconcile.toml"
    config.write_text(text, encoding="utf-8")
    _refused(["--config", str(config), "validate", str(EXAMPLES)], said)


def test_the_bounds_error_speaks_dutch(tmp_path: Path) -> None:
    text, _said = ANNOUNCEMENT_BOUNDS["a list of 2,000 years"]
    announcement = tmp_path / "announcement.toml"
    announcement.write_text(text, encoding="utf-8")
    _refused(
        ["check", "--lang", "nl", "--announcement", str(announcement), str(EXAMPLES)],
        "years bevat 2000 jaren, meer dan de grens van 50",
    )
