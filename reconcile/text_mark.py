"""Excel's text mark: a leading apostrophe that forces a cell to text ("'2", "'XIII",
"'Kasschuif"). A cell formatted as text, a paste from another program or a CSV export keeps
it as a character. A leaf: the reader, the chapters, the kinds and validation all use it."""

from __future__ import annotations


def without_text_mark(text: str) -> str:
    """A code cell's text without a leading apostrophe and the spaces after it ("' XIII":
    "XIII"). Only for codes and kinds: in a description it is a word's ("'s-Hertogenbosch")."""
    return text[1:].lstrip() if text.startswith("'") else text
