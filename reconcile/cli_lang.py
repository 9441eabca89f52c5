"""The command line's language: decided before click parses, and spoken by click itself.

click words its usage errors, "Usage:" and "Try ... for help." in English through gettext; a
run that speaks Dutch (``--lang nl`` wherever it stands, else a Dutch locale) has click look
those words up in reconcile.i18n.CLICK_NL instead, for the length of the run. Nothing heavy is
imported here, so ``reconcile --help`` stays fast.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Iterator, Sequence
from contextvars import ContextVar

from reconcile.i18n import CLICK_NL, CLICK_PLURALS_NL, CLICK_TYPES_NL, LANGS, resolve_lang

# The language of this run, decided from the arguments before click parses them (see
# ReconcileGroup.main): an error in the parsing itself must speak it too.
RUN_LANG: ContextVar[str | None] = ContextVar("reconcile_run_lang", default=None)
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types")


def lang_in_args(args: Sequence[str]) -> str | None:
    """The value of --lang among ``args`` when it is a language, wherever it stands."""
    for number, arg in enumerate(args):
        if arg == "--":
            break
        value = args[number + 1] if arg == "--lang" and number + 1 < len(args) else None
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGS:
            return value
    return None


@contextlib.contextmanager
def click_speaks(lang: str) -> Iterator[None]:
    """click's own messages (usage errors, "Usage:", "Try ... for help") in ``lang``.

    click looks its messages up through gettext in each of its modules; while a run speaks
    Dutch, those lookups go to reconcile.i18n.CLICK_NL, and its number types carry their Dutch
    names (CLICK_TYPES_NL). English is click's own text, untouched.
    """
    if lang != "nl":
        yield
        return

    def gettext(message: str) -> str:
        return CLICK_NL.get(message, message)

    def ngettext(singular: str, plural: str, count: int) -> str:
        one, many = CLICK_PLURALS_NL.get((singular, plural), (singular, plural))
        return one if count == 1 else many

    with contextlib.ExitStack() as stack:
        for name in CLICK_MODULES:
            module = importlib.import_module(f"click.{name}")  # loaded with click already
            for attribute, replacement in (("_", gettext), ("ngettext", ngettext)):
                if hasattr(module, attribute):
                    stack.enter_context(_replaced(module, attribute, replacement))
        for kind in vars(importlib.import_module("click.types")).values():
            english = vars(kind).get("name") if isinstance(kind, type) else None
            if isinstance(english, str) and english in CLICK_TYPES_NL:
                stack.enter_context(_replaced(kind, "name", CLICK_TYPES_NL[english]))
        yield


@contextlib.contextmanager
def _replaced(owner: object, attribute: str, value: object) -> Iterator[None]:
    original = getattr(owner, attribute)
    setattr(owner, attribute, value)
    try:
        yield
    finally:
        setattr(owner, attribute, original)


def run_lang() -> str:
    """The language this run speaks: --lang, else the locale, else English."""
    return RUN_LANG.get() or resolve_lang()
