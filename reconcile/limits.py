"""How much one input file may hold: the limits the pre-flight enforces, and their options.

Kept apart from the readers so the command line can build its options without importing them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
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

    def __post_init__(self) -> None:
        for name in self.names():
            if getattr(self, name) < 1:
                raise ConfigError(f"{self.option(name)} must be at least 1")

    @staticmethod
    def names() -> list[str]:
        return [item.name for item in fields(Limits)]

    @staticmethod
    def option(name: str) -> str:
        return "--" + name.replace("_", "-")

    @staticmethod
    def describe(name: str) -> str:
        return str(Limits.__dataclass_fields__[name].metadata["what"])


DEFAULT_LIMITS = Limits()
