"""Report stage: one Report, many renderers, chosen by name. Renderers compute nothing.

The formats are listed in formats.py, route.py sends a result to where it was asked for,
wording.py holds the sentences several renderers share.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from reconcile.report.formats import (
    BY_NAME,
    DIFF_RENDERERS,
    FORMAT_LIST,
    FORMATS,
    RENDERERS,
    SUFFIXES,
    Format,
    lazy,
)

if TYPE_CHECKING:  # renderers are loaded on use: the command line's start needs no records
    from reconcile.report.record import Report


@dataclass(frozen=True)
class RenderOptions:
    """How one output is rendered: its language, colour, width and what room it has."""

    lang: str = "en"
    color: bool | None = None  # None: colour when the stream is a terminal and NO_COLOR is unset
    width: int | None = None
    chart: bool | None = None  # the contributions chart; None: only on a terminal
    # The repository's folder in CI ($GITHUB_WORKSPACE, $CI_PROJECT_DIR): annotations and
    # Code Quality rows name a file relative to it, as the repository does. None: as given.
    workspace: str | None = None
    # The bytes a size-limited output may still take (a GitHub job summary); None: the limit.
    room: int | None = None


# GitHub shows a step's job summary only up to 1 MiB ("Adding a job summary", GitHub Docs).
GITHUB_SUMMARY_LIMIT = 1024 * 1024


def repository_path(path: str, workspace: str | None) -> str:
    """``path`` (as the user gave it) as the repository at ``workspace`` names it: relative,
    with forward slashes. A path outside the workspace, or without one, stays as given."""
    if not workspace:
        return path
    for absolute in (os.path.abspath, os.path.realpath):  # a workspace behind a symbolic link
        try:
            relative = os.path.relpath(absolute(path), absolute(workspace))
        except ValueError:  # on another drive (Windows)
            return path
        if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
            return relative.replace(os.sep, "/")
    return path


Renderer = Callable[["Report", TextIO, "RenderOptions"], None]

__all__ = [
    "BY_NAME",
    "DIFF_RENDERERS",
    "FORMATS",
    "FORMAT_LIST",
    "GITHUB_SUMMARY_LIMIT",
    "RENDERERS",
    "SUFFIXES",
    "Format",
    "RenderOptions",
    "Renderer",
    "lazy",
    "repository_path",
]
