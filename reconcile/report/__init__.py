"""Report stage: one Report, many renderers, chosen by name. Renderers compute nothing."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # renderers are loaded on use: the command line's start needs no records
    from reconcile.model import Report

# Every report format, in the order --help lists them: the one list the command line's
# choices, the renderers of check and validate and those of diff follow.
FORMATS = ("text", "json", "junit", "github", "gitlab", "html")


@dataclass(frozen=True)
class RenderOptions:
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


def _lazy(module: str, function: str) -> Renderer:
    """``reconcile.report.<module>.<function>``, imported when it first renders: a JSON report
    never loads rich, and --help loads no renderer at all."""

    def render(report: Report, stream: TextIO, options: RenderOptions) -> None:
        renderer: Renderer = getattr(import_module(f"reconcile.report.{module}"), function)
        renderer(report, stream, options)

    return render


RENDERERS: dict[str, Renderer] = {fmt: _lazy(fmt, f"render_{fmt}") for fmt in FORMATS}
# The GitHub job summary, imported only when one is written (it loads rich's text).
github_summary = _lazy("github", "render_github_summary")
# The format an output file gets from its suffix when --output names none (FORMAT:PATH).
SUFFIXES = {".txt": "text", ".json": "json", ".xml": "junit", ".html": "html", ".htm": "html"}

__all__ = [
    "FORMATS",
    "GITHUB_SUMMARY_LIMIT",
    "RENDERERS",
    "SUFFIXES",
    "RenderOptions",
    "Renderer",
    "github_summary",
    "repository_path",
]
