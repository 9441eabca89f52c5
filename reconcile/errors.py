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


# Why the operating system refused a read or a write, in words of the catalogue
# (reconcile.i18n.WORDS): its own reason (``strerror``) is English whatever the reader's
# language. An errno not listed keeps the system's words.
OS_REASONS = {
    errno.ENOENT: "it does not exist",
    errno.EISDIR: "it is a folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "the file would be too large",
    errno.EIO: "the disk reported an input/output error",
    errno.EROFS: "the disk is read-only",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENAMETOOLONG: "the name is too long",
}


def os_reason(exc: OSError) -> str:
    """Why ``exc`` happened, as the catalogue words it ("the disk is full"), else as the
    system says it."""
    return OS_REASONS.get(exc.errno or 0) or exc.strerror or type(exc).__name__


def is_output_failure(exc: BaseException) -> bool:
    """Whether ``exc`` is a write failing for want of room (a file on a full disk behind
    ``> report.txt``), not a bug."""
    return isinstance(exc, OSError) and exc.errno in WRITE_ERRNOS


def silence_standard_output() -> None:
    """Point standard output at the null device, so that the interpreter's own flush at exit
    does not fail again (a second message, exit code 120) once a write to it has failed."""
    with contextlib.suppress(OSError, ValueError):  # no file behind it (a test's buffer)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def stop_on_closed_output() -> NoReturn:
    """The reader of our output went away (``reconcile ... | head``): stop quietly, exit 1."""
    silence_standard_output()
    sys.exit(1)
