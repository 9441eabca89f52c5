"""Writing outputs safely: atomically (temporary file, then rename), never over an input."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from reconcile.errors import InputError, os_reason

if TYPE_CHECKING:
    from reconcile.report import RenderOptions

R = TypeVar("R")  # what a renderer presents: a Report, a Diff


def write_atomic(path: Path, data: bytes, inputs: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    Raises InputError (exit 2 with a plain message) when ``path`` is an input or cannot be
    written.
    """
    target = resolved(path)
    if any(target == resolved(Path(p)) for p in inputs):
        raise InputError("refusing to write {path}: it is one of the input files", path=path)
    try:
        with _terminated_cleanly():
            if _is_stream(target):
                _write_into(target, data)
            else:
                _replace(target, data)
    except OSError as exc:
        raise InputError(
            "cannot write {path}: {problem}", path=path, problem=os_reason(exc)
        ) from exc


def resolved(path: Path) -> Path:
    """``path`` with its links followed, or made absolute when they loop (a symlink loop among
    the inputs raised RuntimeError and stopped the run; reading it gives a finding instead)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return Path.cwd() / path  # a loop has no target to compare: its own name will do


def _is_stream(target: Path) -> bool:
    """A FIFO or a character device (``-o /dev/stdout``, a pipe): written into, never replaced
    by a regular file."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def _write_into(target: Path, data: bytes) -> None:
    with target.open("wb") as handle:
        handle.write(data)


@contextlib.contextmanager
def _terminated_cleanly() -> Iterator[None]:
    """SIGTERM while a file is written stops the run as Ctrl-C does: the temporary file is
    removed (by _replace) before the process ends, with the exit status of SIGTERM."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _replace(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(target)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        Path(temporary).chmod(mode)  # mkstemp makes it private; a report is an ordinary file
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temporary).replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise


def split_format(item: str) -> tuple[str | None, str]:
    """``[FORMAT:]FILE`` as (FORMAT or None, FILE); ``C:/x`` is a file, C is no format."""
    from reconcile.report import RENDERERS

    prefix, sep, rest = item.partition(":")
    return (prefix, rest) if sep and prefix in RENDERERS else (None, item)


def output_target(item: str, default: str) -> tuple[str, Path]:
    """``[FORMAT:]FILE`` as (format, path): FORMAT, else the file's suffix, else ``default``."""
    from reconcile.report import SUFFIXES

    fmt, path = split_format(item)
    return fmt or SUFFIXES.get(Path(path).suffix.lower(), default), Path(path)


def write_report(
    path: Path,
    renderer: Callable[[R, TextIO, RenderOptions], None],
    report: R,
    options: RenderOptions,
    inputs: Iterable[Path] = (),
    *,
    append: bool = False,
) -> None:
    """Render ``report`` into ``path`` atomically (after what it holds, with ``append``)."""
    buffer = io.StringIO()
    renderer(report, buffer, options)
    data = buffer.getvalue().encode("utf-8")
    try:
        if append and path.is_file():
            data = path.read_bytes() + data
        write_atomic(path, data, inputs)
    except OSError as exc:
        raise InputError(
            "cannot write {path}: {problem}", path=path, problem=os_reason(exc)
        ) from exc


def _mode_for(target: Path) -> int:
    """The permissions of the file replaced, or those a new file gets (0666 less the umask)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
