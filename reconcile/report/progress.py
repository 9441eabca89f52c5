"""A progress bar while workbooks are read, for people: only on a terminal, never in CI logs,
and only when reading takes more than a moment.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from typing import Any, TextIO

from reconcile.i18n import tr
from reconcile.safety import visible

DELAY = 0.5  # seconds of reading before a bar appears: quick runs stay quiet


def progress_wanted(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """A bar only on a terminal, not in CI (CI is set) and not on a dumb terminal."""
    env = os.environ if environ is None else environ
    if env.get("CI") or env.get("TERM") == "dumb":
        return False
    return bool(hasattr(stream, "isatty") and stream.isatty())


class ReadProgress:
    """Called with (files read, files in all, file name) as reading goes on; draws on demand."""

    def __init__(
        self,
        stream: TextIO,
        lang: str,
        delay: float = DELAY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream, self.lang, self.delay, self.clock = stream, lang, delay, clock
        self.started = clock()
        self.bar: Any = None
        self.task: Any = None

    @property
    def shown(self) -> bool:
        return self.bar is not None

    def __call__(self, done: int, total: int, name: str) -> None:
        if self.bar is None:
            if done >= total or self.clock() - self.started < self.delay:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            console = Console(file=self.stream, force_terminal=True)
            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[name]}", markup=False),  # a file name, not markup
                console=console,
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task(tr("reading", self.lang), total=total, name="")
        self.bar.update(self.task, completed=done, name=visible(name))

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
