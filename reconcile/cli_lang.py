"""The command line's language: decided before click parses, and spoken by click itself.

click words its own messages ("Usage:", usage errors, "Try ... for help.") with the standard
library's gettext: in the current text domain, in the first language LANGUAGE names. While a
run lasts, ``speaking`` makes that domain ``click``, bound to reconcile/locale, and LANGUAGE
the run's language, then puts all three back. That is process-wide for the run's duration (two
runs in two languages in two threads of one process are not supported); outside a run,
another click program speaks click's English, and importing reconcile changes nothing.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from reconcile.errors import (
    InputError,
    ReconcileError,
    is_output_failure,
    os_reason,
    silence_standard_output,
)
from reconcile.i18n import LANGS, LOCALE_DIR, resolve_lang, tr
from reconcile.safety import visible

CLICK_DOMAIN = "click"
# The --lang the run under way was given ("" for none: the settings file's lang may decide);
# None outside a run.
_GIVEN: ContextVar[str | None] = ContextVar("reconcile_given_lang", default=None)


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


@contextmanager
def speaking(args: Sequence[str]) -> Iterator[None]:
    """A run on ``args``: gettext, and so click, speak its language until it ends."""
    given = lang_in_args(args)
    lang = resolve_lang(given)  # (before LANGUAGE is set: the locale's, without --lang)
    domain, directory = gettext.textdomain(), gettext.bindtextdomain(CLICK_DOMAIN)
    language = os.environ.get("LANGUAGE")
    token = _GIVEN.set(given or "")
    gettext.bindtextdomain(CLICK_DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(CLICK_DOMAIN)
    os.environ["LANGUAGE"] = lang
    try:
        yield
    finally:
        if language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = language
        gettext.textdomain(domain)
        gettext.bindtextdomain(CLICK_DOMAIN, directory)  # (unbound: the default it returned)
        _GIVEN.reset(token)


def use_settings_lang(lang: str) -> None:
    """The settings file's lang: the run under way speaks it from now on, unless it was given
    --lang."""
    if _GIVEN.get() == "":
        os.environ["LANGUAGE"] = lang


def stop_line(exc: BaseException, lang: str) -> str:
    """ "Error: ..." in ``lang`` for what stopped a run: a write to standard output that
    failed (a full disk; the interpreter's own flush at exit silenced) as such, an error of
    reconcile's as its message, anything else as an unexpected problem to report."""
    if isinstance(exc, OSError) and is_output_failure(exc):  # a full disk: no bug
        silence_standard_output()
        exc = InputError("cannot write to standard output: {problem}", problem=os_reason(exc))
    if isinstance(exc, ReconcileError):
        from reconcile.codes import render  # (the catalogue: not loaded for --help)

        message = render(exc, lang)
    else:
        message = tr("unexpected", lang, problem=f"{type(exc).__name__}: {exc}")
    return visible(tr("error-line", lang, message=message))  # may name a file
