"""From a letter to the Tweede Kamer to a draft announcement: read the letter (read.py), find
what it announces (draft.py), write the TOML that `reconcile check` reads (render.py), and
where that goes (``draft_target``, ``write_draft``)."""

from __future__ import annotations

from pathlib import Path

from reconcile.errors import ReconcileError
from reconcile.i18n import N_
from reconcile.letter.draft import Draft, draft_letter
from reconcile.letter.read import Letter, read_letter
from reconcile.letter.render import open_messages, render_draft
from reconcile.report.output import write_atomic

__all__ = [
    "Draft",
    "DraftExistsError",
    "Letter",
    "draft_announcement",
    "draft_target",
    "open_messages",
    "render_draft",
    "write_draft",
]


class DraftExistsError(ReconcileError):
    """The draft would replace a file: perhaps an announcement someone already edited."""

    def __init__(self, path: Path) -> None:
        super().__init__(N_("{path} already exists; --force replaces it"), path=path)
        self.path = path


def draft_announcement(path: Path) -> Draft:
    """The draft announcement of the letter at ``path`` (plain text, PDF or HTML)."""
    return draft_letter(read_letter(path))


def draft_target(output: Path | None, *, force: bool = False) -> Path | None:
    """Where the draft goes: ``output``, or None for standard output. Raises DraftExistsError
    when ``output`` exists and ``force`` is not given; asked before the letter is read."""
    if output is not None and output.exists() and not force:
        raise DraftExistsError(output)
    return output


def write_draft(path: Path, text: str, letter: Path) -> None:
    """Write a draft's TOML ``text`` to ``path`` atomically, never over the ``letter``."""
    write_atomic(path, text.encode("utf-8"), [letter])
