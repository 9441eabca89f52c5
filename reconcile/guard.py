"""The startup guard: refuse to run when the environment would read hostile files unsafely.

Two settings outside reconcile can silently weaken it: openpyxl parses XML with the standard
library (entity expansion and all) when defusedxml is missing or ``OPENPYXL_DEFUSEDXML`` is not
"True", and pandera skips its checks when ``PANDERA_VALIDATION_ENABLED`` is false or
``PANDERA_VALIDATION_DEPTH`` leaves out the data. Either would let bad input pass as good, so the
run stops before reading anything, with a message that says how to put it right.
"""

from __future__ import annotations

import os
import sys

from reconcile.errors import ConfigError
from reconcile.model import Phrase

TRUTHY = ("True", "true", "1")
FULL_DEPTH = "SCHEMA_AND_DATA"


def unsafe_settings() -> list[Phrase]:
    """What in the environment is unsafe, as fixed phrases; empty when all is well."""
    problems = []
    try:
        import defusedxml  # noqa: F401
    except ImportError:
        problems.append(
            Phrase(
                "defusedxml is not installed, so workbooks would be parsed without protection "
                "against XML attacks; install it: pip install defusedxml"
            )
        )
    else:
        if not openpyxl_parses_safely():
            problems.append(
                Phrase(
                    "openpyxl does not parse with defusedxml (is OPENPYXL_DEFUSEDXML set to "
                    "something other than True?); unset OPENPYXL_DEFUSEDXML"
                )
            )
    enabled = os.environ.get("PANDERA_VALIDATION_ENABLED")
    if enabled is not None and enabled not in TRUTHY:
        problems.append(
            Phrase(
                "PANDERA_VALIDATION_ENABLED={value} switches validation off, so invalid lines "
                "would pass; unset it",
                {"value": enabled},
            )
        )
    depth = os.environ.get("PANDERA_VALIDATION_DEPTH")
    if depth is not None and depth.upper() != FULL_DEPTH:
        problems.append(
            Phrase(
                "PANDERA_VALIDATION_DEPTH={value} skips part of the validation; unset it or set "
                "it to {full}",
                {"value": depth, "full": FULL_DEPTH},
            )
        )
    return problems


def openpyxl_parses_safely() -> bool:
    """Whether openpyxl parses with defusedxml, asked without importing it when not yet loaded.

    openpyxl decides once, on import, from defusedxml being importable (checked by the caller)
    and ``OPENPYXL_DEFUSEDXML`` being "True" (openpyxl/xml/__init__.py); a run that reads every
    workbook with calamine then never pays for importing openpyxl. Once it is loaded, its own
    decision is what counts.
    """
    if "openpyxl" not in sys.modules:
        return os.environ.get("OPENPYXL_DEFUSEDXML", "True") == "True"
    import openpyxl.xml.functions as xml_functions

    return bool(getattr(xml_functions, "DEFUSEDXML", False)) and _defused(xml_functions)


def _defused(module: object) -> bool:
    """openpyxl's sheet reader (iterparse) comes from defusedxml, not the standard library."""
    iterparse = getattr(module, "iterparse", None)
    return str(getattr(iterparse, "__module__", "")).startswith("defusedxml")


def ensure_safe_environment() -> None:
    """Raise ConfigError (exit 2 on the command line) when reading would not be safe."""
    problems = unsafe_settings()
    if problems:
        raise ConfigError("refusing to read untrusted workbooks: {problems}.", problems=problems)
