"""The few exceptions that stop a run: bad configuration or an input that cannot be used at all.

Problems inside the data are findings, not exceptions (see reconcile.model.Finding).
"""

from __future__ import annotations


class ReconcileError(Exception):
    """Base of every error the command line turns into a message and exit code 2."""


class ConfigError(ReconcileError):
    """An announcement, configuration file or option is wrong; the message names where."""


class InputError(ReconcileError):
    """An input path cannot be used (missing, not a file we read, unreadable)."""
