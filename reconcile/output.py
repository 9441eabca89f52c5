"""Writing outputs safely: atomically (temporary file, then rename), never over an input."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from reconcile.errors import InputError


def write_atomic(path: Path, data: bytes, inputs: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half."""
    target = path.resolve()
    if any(target == Path(p).resolve() for p in inputs):
        raise InputError(f"refusing to write {path}: it is one of the input files")
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


def _mode_for(target: Path) -> int:
    """The permissions of the file replaced, or those a new file gets (0666 less the umask)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
