"""How much one input file may hold: the limits the pre-flight enforces, and their options.

Kept apart from the readers so the command line can build its options without importing them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from reconcile.errors import ConfigError

MB = 1024 * 1024


def _limit(default: int, what: str) -> Any:
    return field(default=default, metadata={"what": what})


@dataclass(frozen=True)
class Limits:
    """How much one input file may hold; above a limit the file is refused, not read.

    Each limit is a command-line option of the same name: ``max_rows`` is ``--max-rows``.
    """

    max_file_size: int = _limit(20, "size in MB")
    max_unpacked_size: int = _limit(200, "unpacked size in MB (all zip members together)")
    max_zip_members: int = _limit(1_000, "number of zip members")
    max_compression_ratio: int = _limit(100, "compression ratio (of any member over 1 MB)")
    max_sheets: int = _limit(100, "number of sheets")
    max_rows: int = _limit(100_000, "rows in a sheet (up to the last cell)")
    max_columns: int = _limit(1_000, "columns in a sheet (up to the last cell)")
    max_cells: int = _limit(2_000_000, "cells (last row x last column, all sheets)")
    # openpyxl holds every cell, row, style and shared text of a workbook it copies, at about a
    # kilobyte each: two million cells took 1.1-1.7 GB; 320,000 took 343 MB (40,000 lines).
    max_annotate_cells: int = _limit(
        300_000, "cells, rows, styles and texts of a workbook --annotate copies"
    )

    def __post_init__(self) -> None:
        for name in self.names():
            if getattr(self, name) < 1:
                raise ConfigError("{option} must be at least 1", option=self.option(name))

    @staticmethod
    def names() -> list[str]:
        return [item.name for item in fields(Limits)]

    @staticmethod
    def option(name: str) -> str:
        return "--" + name.replace("_", "-")

    @staticmethod
    def help(name: str) -> str:
        """The option's help text (translated with the other help texts, as a whole: Dutch
        names a limit with its article, "het aantal bladen", "de grootte")."""
        what = Limits.__dataclass_fields__[name].metadata["what"]
        return f"Limit on the {what}; a file above it is refused."


DEFAULT_LIMITS = Limits()


# An announcement or configuration file is a few kilobytes written by a person. Above these it
# is refused before or right after parsing, with the key or line it stopped at: tomllib takes
# minutes on a dotted key of 50,000 parts (on one line) and recurses on deep nesting.
TOML_MAX_CHARS = 1_000_000
TOML_MAX_LINE = 4_000  # characters in one line, so one dotted key or header has few parts
TOML_MAX_DEPTH = 8  # tables in tables: reconcile's own files go three deep
TOML_MAX_KEYS = 10_000  # keys and list items in all


def read_toml_text(path: Path) -> str:
    """The text of a TOML file, reading at most one character over TOML_MAX_CHARS bytes."""
    with path.open("rb") as file:
        return file.read(TOML_MAX_CHARS * 4 + 1).decode("utf-8")


def load_toml(text: str, where: str) -> dict[str, Any]:
    """``text`` parsed as TOML within the bounds above; ConfigError names what is too large.

    tomllib.TOMLDecodeError is left to the caller, who words it for its kind of file."""
    import tomllib

    if len(text) > TOML_MAX_CHARS:
        raise ConfigError(
            "{where}: the file holds {count} characters, more than the limit of {limit}",
            where=where,
            count=len(text),
            limit=TOML_MAX_CHARS,
        )
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > TOML_MAX_LINE:
            raise ConfigError(
                "{where}: line {line} holds {count} characters, more than the limit of {limit}",
                where=where,
                line=number,
                count=len(line),
                limit=TOML_MAX_LINE,
            )
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise ConfigError(
            "{where}: nested more than {limit} levels deep", where=where, limit=TOML_MAX_DEPTH
        ) from None
    _check_shape(data, where)
    return data


def _check_shape(data: dict[str, Any], where: str) -> None:
    """Depth and number of keys, walked without recursion; the error names the key."""
    count = 0
    stack: list[tuple[str, Any, int]] = [("", data, 0)]
    while stack:
        key, value, depth = stack.pop()
        if depth > TOML_MAX_DEPTH:
            raise ConfigError(
                "{where}: {key} is nested more than {limit} levels deep",
                where=where,
                key=key,
                limit=TOML_MAX_DEPTH,
            )
        if not isinstance(value, dict | list):
            continue
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for name, item in items:
            count += 1
            child = f"{key}.{name}" if isinstance(value, dict) else f"{key}[{name}]"
            if count > TOML_MAX_KEYS:
                raise ConfigError(
                    "{where}: {key} is more than the limit of {limit} keys and list items",
                    where=where,
                    key=child.lstrip("."),
                    limit=TOML_MAX_KEYS,
                )
            stack.append((child.lstrip("."), item, depth + 1))
