"""From a letter to the Tweede Kamer to a draft announcement: read the letter (read.py), find
what it announces (draft.py), write the TOML that `reconcile check` reads (render.py)."""

from __future__ import annotations

from pathlib import Path

from reconcile.letter.draft import Draft, draft_letter
from reconcile.letter.read import Letter, read_letter
from reconcile.letter.render import open_messages, render_draft

__all__ = ["Draft", "Letter", "draft_announcement", "open_messages", "render_draft"]


def draft_announcement(path: Path) -> Draft:
    """The draft announcement of the letter at ``path`` (plain text, PDF or HTML)."""
    return draft_letter(read_letter(path))
