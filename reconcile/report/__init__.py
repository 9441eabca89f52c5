"""Report stage: one Report, many renderers, chosen by name. Renderers compute nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from reconcile.model import Report


@dataclass(frozen=True)
class RenderOptions:
    lang: str = "en"
    color: bool | None = None  # None: colour when the stream is a terminal and NO_COLOR is unset
    width: int | None = None
    chart: bool | None = None  # the contributions chart; None: only on a terminal


Renderer = Callable[[Report, TextIO, RenderOptions], None]


def _text(report: Report, stream: TextIO, options: RenderOptions) -> None:
    from reconcile.report.text import render_text

    render_text(report, stream, options)


def _json(report: Report, stream: TextIO, options: RenderOptions) -> None:
    from reconcile.report.json import render_json

    render_json(report, stream, options)


def _html(report: Report, stream: TextIO, options: RenderOptions) -> None:
    from reconcile.report.html import render_html

    render_html(report, stream, options)


def _junit(report: Report, stream: TextIO, options: RenderOptions) -> None:
    from reconcile.report.junit import render_junit

    render_junit(report, stream, options)


def _github(report: Report, stream: TextIO, options: RenderOptions) -> None:
    from reconcile.report.github import render_github

    render_github(report, stream, options)


def github_summary(report: Report, stream: TextIO, options: RenderOptions) -> None:
    """The GitHub job summary, imported only when one is written (it loads rich's text)."""
    from reconcile.report.github import render_github_summary

    render_github_summary(report, stream, options)


RENDERERS: dict[str, Renderer] = {
    "text": _text,
    "json": _json,
    "junit": _junit,
    "github": _github,
    "html": _html,
}
# The format an output file gets from its suffix when --output names none (FORMAT:PATH).
SUFFIXES = {".txt": "text", ".json": "json", ".xml": "junit", ".html": "html", ".htm": "html"}

__all__ = ["RENDERERS", "SUFFIXES", "RenderOptions", "Renderer", "github_summary"]
