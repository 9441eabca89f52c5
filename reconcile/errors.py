"""The few exceptions that stop a run: bad configuration or an input that cannot be used at all.

Problems inside the data are findings, not exceptions (see reconcile.model.Finding).
"""

from __future__ import annotations

import contextlib
import errno
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


# What writing to a full or failing disk raises. Reaching the top of a run, it came from
# standard output: a file reconcile writes is named in an error of its own
# (reconcile.report.output), and a file it reads that fails is a finding.
WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def standard_output_failed(exc: BaseException) -> bool:
    """Whether ``exc`` is standard output failing (a file on a full disk: ``> report.txt``);
    then standard output is pointed at the null device, so that the flush at exit does not
    fail again with a second message and exit code 120."""
    if not isinstance(exc, OSError) or exc.errno not in WRITE_ERRNOS:
        return False
    with contextlib.suppress(OSError, ValueError):  # no file behind it (a test's buffer)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return True


def stop_on_closed_output() -> NoReturn:
    """The reader of our output went away (``reconcile ... | head``): stop quietly, exit 1.

    Standard output is pointed at the null device first, so the interpreter's own flush at
    exit does not raise BrokenPipeError again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(1)
