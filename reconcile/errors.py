"""The few exceptions that stop a run: bad configuration or an input that cannot be used at all.

Problems inside the data are findings, not exceptions (see reconcile.model.Finding).
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn


class ReconcileError(Exception):
    """Base of every error the command line turns into a message and exit code 2.

    The message is English. An error raised with a fixed template and its parameters
    (``ConfigError("{origin} is not valid TOML: {problem}", origin=..., problem=...)``) can be
    worded in Dutch as well: ``text("nl")`` looks the template up in
    ``reconcile.messages_nl.ERRORS_NL``; parameters that are fixed phrases are translated too.
    """

    def __init__(self, message: str, **params: object) -> None:
        self.template, self.params = message, params
        super().__init__(self._render(message, "en"))

    def text(self, lang: str = "en") -> str:
        """The message in ``lang``: the template's Dutch text, its fixed phrases translated."""
        if lang != "nl":
            return str(self)
        from reconcile.messages_nl import ERRORS_NL

        return self._render(ERRORS_NL.get(self.template, self.template), lang)

    def _render(self, template: str, lang: str) -> str:
        if not self.params:  # a message without parameters may hold braces of its own
            return template
        from reconcile.codes import format_value
        from reconcile.model import Phrase

        def shown(value: object) -> object:
            # Words are worded in ``lang``; any other value stays itself, so {value!r} shows
            # 1 as 1 and [] as [], as the settings file has them.
            words = isinstance(value, str | Phrase | ReconcileError)
            phrases = (
                isinstance(value, list) and value and isinstance(value[0], Phrase | ReconcileError)
            )
            return format_value(value, lang) if words or phrases else value

        return template.format(**{k: shown(v) for k, v in self.params.items()})


class ConfigError(ReconcileError):
    """An announcement, configuration file or option is wrong; the message names where."""


class InputError(ReconcileError):
    """An input path cannot be used (missing, not a file we read, unreadable)."""


def stop_on_closed_output() -> NoReturn:
    """The reader of our output went away (``reconcile ... | head``): stop quietly, exit 1.

    Standard output is pointed at the null device first, so the interpreter's own flush at
    exit does not raise BrokenPipeError again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(1)
