"""The documentation as the tests read it: its pages, their sections, fenced blocks and links."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Every page of documentation whose links must resolve: the README, docs/, the benchmarks' notes.
PAGES = [
    ROOT / "README.md",
    *sorted((ROOT / "docs").rglob("*.md")),
    *sorted((ROOT / "benchmarks").glob("*.md")),
]
# A fenced block, also indented inside a list item: its indent, its language, its lines.
FENCE = re.compile(r"^( *)```(\w*)\n(.*?)^\1```", re.MULTILINE | re.DOTALL)
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def page(name: str) -> str:
    """The text of the page at ``name``, relative to the repository (``docs/en/ci.md``)."""
    return (ROOT / name).read_text("utf-8")


def section(text: str, heading: str) -> str:
    """The section under ``heading`` (a whole line, ``## Quick start``), up to the next heading
    of the same level or above."""
    masked = prose(text)
    starts = [m.end() for m in re.finditer(rf"^{re.escape(heading)}\n", masked, re.MULTILINE)]
    assert len(starts) == 1, f"{len(starts)} headings {heading!r}"
    level = heading.split(" ", 1)[0]
    end = re.search(rf"^#{{1,{len(level)}}} ", masked[starts[0] :], re.MULTILINE)
    return text[starts[0] : starts[0] + end.start()] if end else text[starts[0] :]


def fenced_blocks(text: str, language: str | None = None) -> list[str]:
    """The fenced code blocks of ``text`` (only those marked ``language``, when given), each
    without the indent of its fence."""
    return [
        re.sub(rf"^{indent}", "", body, flags=re.MULTILINE)
        for indent, lang, body in FENCE.findall(text)
        if language is None or lang == language
    ]


def prose(text: str) -> str:
    """``text`` with its fenced code blocks blanked out, every other character where it was:
    links and headings in code are code."""
    return FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, formatting and punctuation dropped,
    spaces as hyphens ("Language / Taal" -> "language--taal")."""
    text = re.sub(r"[`*]", "", heading.strip()).lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """The anchors of the headings of the page at ``path`` (a repeated heading gets -1, -2)."""
    found: set[str] = set()
    for heading in re.findall(r"^#{1,6} (.+)$", prose(path.read_text("utf-8")), re.MULTILINE):
        name, n = anchor(heading), 0
        while (f"{name}-{n}" if n else name) in found:
            n += 1
        found.add(f"{name}-{n}" if n else name)
    return found


def links(path: Path) -> list[str]:
    """The targets of the page's Markdown links outside code: ``guide.md#exit-codes``."""
    return LINK.findall(prose(path.read_text("utf-8")))
