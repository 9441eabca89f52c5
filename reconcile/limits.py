"""How much one input file may hold: the limits the pre-flight enforces, and their options.

Kept apart from the readers so the command line can build its options without importing them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from reconcile.errors import ConfigError

MB = 1024 * 1024


def _limit(default: int, what: str, what_nl: str) -> Any:
    # Dutch names a limit with its article ("het aantal bladen", "de grootte"): "de" fits few.
    return field(default=default, metadata={"en": what, "nl": what_nl})


@dataclass(frozen=True)
class Limits:
    """How much one input file may hold; above a limit the file is refused, not read.

    Each limit is a command-line option of the same name: ``max_rows`` is ``--max-rows``.
    """

    max_file_size: int = _limit(20, "size in MB", "de grootte in MB")
    max_unpacked_size: int = _limit(
        200,
        "unpacked size in MB (all zip members together)",
        "de uitgepakte grootte in MB (alle zipleden samen)",
    )
    max_zip_members: int = _limit(1_000, "number of zip members", "het aantal zipleden")
    max_compression_ratio: int = _limit(
        100,
        "compression ratio (of any member over 1 MB)",
        "de compressieverhouding (van elk lid boven 1 MB)",
    )
    max_sheets: int = _limit(100, "number of sheets", "het aantal bladen")
    max_rows: int = _limit(
        100_000,
        "rows in a sheet (up to the last cell)",
        "de rijen van een blad (tot de laatste cel)",
    )
    max_columns: int = _limit(
        1_000,
        "columns in a sheet (up to the last cell)",
        "de kolommen van een blad (tot de laatste cel)",
    )
    max_cells: int = _limit(
        2_000_000,
        "cells (last row x last column, all sheets)",
        "de cellen (laatste rij x laatste kolom, alle bladen)",
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
    def help(name: str, lang: str = "en") -> str:
        """The option's help text, in English or Dutch (i18n.HELP_NL takes the Dutch)."""
        what = Limits.__dataclass_fields__[name].metadata[lang]
        if lang == "nl":
            return f"Grens voor {what}; een bestand daarboven wordt geweigerd."
        return f"Limit on the {what}; a file above it is refused."


DEFAULT_LIMITS = Limits()
