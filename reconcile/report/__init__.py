"""Report stage: one Report, many renderers, chosen by name. Renderers compute nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TextIO

from reconcile.model import Report


@dataclass(frozen=True)
class RenderOptions:
    lang: str = "en"
    color: bool | None = None  # None: colour when the stream is a terminal and NO_COLOR is unset
    width: int | None = None
    chart: bool | None = None  # the contributions chart; None: only on a terminal


Renderer = Callable[[Report, TextIO, RenderOptions], None]


def _lazy(module: str, function: str) -> Renderer:
    """``reconcile.report.<module>.<function>``, imported when it first renders: a JSON report
    never loads rich, and --help loads no renderer at all."""

    def render(report: Report, stream: TextIO, options: RenderOptions) -> None:
        renderer: Renderer = getattr(import_module(f"reconcile.report.{module}"), function)
        renderer(report, stream, options)

    return render


RENDERERS: dict[str, Renderer] = {
    fmt: _lazy(fmt, f"render_{fmt}") for fmt in ("text", "json", "junit", "github", "html")
}
# The GitHub job summary, imported only when one is written (it loads rich's text).
github_summary = _lazy("github", "render_github_summary")
# The format an output file gets from its suffix when --output names none (FORMAT:PATH).
SUFFIXES = {".txt": "text", ".json": "json", ".xml": "junit", ".html": "html", ".htm": "html"}

__all__ = ["RENDERERS", "SUFFIXES", "RenderOptions", "Renderer", "github_summary"]
