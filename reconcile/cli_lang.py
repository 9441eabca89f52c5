"""The command line's language: decided before click parses, and spoken by click itself.

click words its usage errors, "Usage:" and "Try ... for help." through gettext, in the
catalogue of its own domain; a run that speaks another language (``--lang nl`` wherever it
stands, else the locale) gives click that language's catalogue of click's messages
(reconcile/locale/<lang>/LC_MESSAGES/click.po). Nothing heavy is imported here, so
``reconcile --help`` stays fast: a catalogue is read when first used.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from typing import Any

from reconcile.i18n import CLICK_TYPES, ENGLISH, LANGS, catalogue, gettext, resolve_lang
from reconcile.i18n import translate_metavar as _translate_metavar

# The language of this run, decided from the arguments before click parses them (see
# ReconcileGroup.main): an error in the parsing itself must speak it too.
RUN_LANG: ContextVar[str | None] = ContextVar("reconcile_run_lang", default=None)
# (None: no --lang given; the settings file's lang may set it once read, else the locale counts)
# Whether a reconcile run is on in this thread (see ReconcileGroup.main): click speaks the run's
# language only then, and its English to any other click program in the process.
IN_RUN: ContextVar[bool] = ContextVar("reconcile_in_run", default=False)
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types")


def lang_in_args(args: Sequence[str]) -> str | None:
    """The value of the last --lang among ``args`` (click, too, takes the last) if a language."""
    found = None
    for number, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang":
            found = args[number + 1] if number + 1 < len(args) else None
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return found if found in LANGS else None


_INSTALLED = threading.Lock()
_installed = False


def click_speaks_the_run_language() -> None:
    """Have click word its own messages in the run's language (RUN_LANG), from now on.

    click binds gettext's functions in each of its modules, and names its number types by a
    class attribute: both are replaced once, for the process, by lookups that ask RUN_LANG
    each time. So runs in several threads never see each other's language, and another
    click program in the process keeps click's English (only a run in the thread, IN_RUN,
    is translated).
    """
    global _installed
    with _INSTALLED:
        if _installed:
            return
        for name in CLICK_MODULES:
            module = importlib.import_module(f"click.{name}")  # loaded with click already
            if hasattr(module, "_"):
                module._ = _gettext(module._)  # type: ignore[attr-defined]
            if hasattr(module, "ngettext"):
                module.ngettext = _ngettext(module.ngettext)  # type: ignore[attr-defined]
        for kind in vars(importlib.import_module("click.types")).values():
            english = vars(kind).get("name") if isinstance(kind, type) else None
            if isinstance(english, str) and english in CLICK_TYPES:
                setattr(kind, "name", _TypeName(english))  # noqa: B010 (a class attribute)
        core = importlib.import_module("click.core")
        for parameter in (core.Parameter, core.Argument):  # (an Option's is its Parameter's)
            english_metavar = vars(parameter).get("make_metavar")
            if english_metavar is not None:
                parameter.make_metavar = _make_metavar(english_metavar)
        _installed = True


def _translated() -> str | None:
    """The language click speaks now, when not its own English: a reconcile run's."""
    lang = run_lang() if IN_RUN.get() else ENGLISH
    return None if lang == ENGLISH else lang


def _gettext(english: Callable[[str], str]) -> Callable[[str], str]:
    def gettext(message: str) -> str:
        lang = _translated()
        return english(message) if lang is None else catalogue(lang, "click").gettext(message)

    return gettext


def _ngettext(english: Callable[[str, str, int], str]) -> Callable[[str, str, int], str]:
    def ngettext(singular: str, plural: str, count: int) -> str:
        lang = _translated()
        if lang is None:
            return english(singular, plural, count)
        return catalogue(lang, "click").ngettext(singular, plural, count)

    return ngettext


def _make_metavar(english: Callable[..., str]) -> Callable[..., str]:
    def make_metavar(self: object, *args: Any, **kwargs: Any) -> str:  # (8.2 on: ctx too)
        return placeholder(english(self, *args, **kwargs))

    return make_metavar


def placeholder(shown: str) -> str:
    """A placeholder click shows (``PATHS...``, ``[OPTIONS]``), as this run speaks it: only
    inside a reconcile run, like click's own words."""
    lang = _translated()
    return shown if lang is None else _translate_metavar(shown, lang)


class _TypeName:
    """A click type's name (``integer range``), read in the run's language."""

    def __init__(self, english: str) -> None:
        self.english = english

    def __get__(self, instance: object, owner: type | None = None) -> str:
        lang = _translated()
        return self.english if lang is None else gettext(self.english, lang)


def run_lang() -> str:
    """The language this run speaks: --lang, else the locale, else English."""
    return RUN_LANG.get() or resolve_lang()
