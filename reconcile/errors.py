"""The few exceptions that stop a run: bad configuration or an input that cannot be used at all.

Problems inside the data are findings, not exceptions (see reconcile.model.Finding).
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn


class ReconcileError(Exception):
    """Base of every error the command line turns into a message and exit code 2.

    An error is data: an English message template and its parameters
    (``ConfigError("{origin} is not valid TOML: {problem}", origin=..., problem=...)``);
    ``reconcile.codes.render`` words it in the reader's language. ``str()`` gives the English.
    """

    def __init__(self, message: str, **params: object) -> None:
        self.message, self.params = message, params
        super().__init__(_english(message, params))


def _english(message: str, params: dict[str, object]) -> str:
    if not params:  # a message without parameters may hold braces of its own
        return message
    # fixed phrases and errors among the parameters are parted by a semicolon, as rendered
    shown = {
        key: "; ".join(str(v) for v in value)
        if isinstance(value, list) and _worded(value)
        else value
        for key, value in params.items()
    }
    return message.format(**shown)


def _worded(value: list[object]) -> bool:
    return bool(value) and not isinstance(value[0], str | int)


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
