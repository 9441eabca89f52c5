"""The report formats, listed once: --format's choices and help, the renderers of check,
validate and diff, and the suffixes --output knows all follow this list.

A new format is a module in reconcile/report/ with its renderers and one line in FORMAT_LIST.
A format that cannot show a diff says why in ``not_for_diff`` (English, marked ``N_(...)`` so
that the catalogue translates it); ``reconcile diff`` then gives that reason instead of a
report. Renderers are imported when they first render, so --help loads none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any, TextIO

# A renderer: (what it presents: a Report or a Diff, the stream, RenderOptions) -> None.
AnyRenderer = Callable[[Any, TextIO, Any], None]


@dataclass(frozen=True)
class Format:
    """A report format: its renderers as "module.function" in reconcile.report, imported on use."""

    name: str
    report: str  # renders a Report (check, validate)
    diff: str | None  # renders a Diff; None with the reason in not_for_diff
    suffixes: tuple[str, ...] = ()  # an --output file with one of these gets this format
    summary: str | None = None  # the GitHub job summary of a Report, when it writes one
    diff_summary: str | None = None  # ... and of a Diff
    # Why ``diff`` cannot write this format (when ``diff`` is None): N_("...") of reconcile.i18n
    not_for_diff: str = ""


# In the order --help lists them.
FORMAT_LIST = (
    Format("text", "text.render_text", "text.render_diff_text", (".txt",)),
    Format("json", "json.render_json", "json.render_diff_json", (".json",)),
    Format("junit", "junit.render_junit", "junit.render_diff_junit", (".xml",)),
    Format(
        "github",
        "github.render_github",
        "github.render_diff_github",
        summary="github.render_github_summary",
        diff_summary="github.render_diff_github_summary",
    ),
    Format("gitlab", "gitlab.render_gitlab", "gitlab.render_diff_gitlab"),
    Format("html", "html.render_html", "html.render_diff_html", (".html", ".htm")),
)
FORMATS = tuple(fmt.name for fmt in FORMAT_LIST)
BY_NAME = {fmt.name: fmt for fmt in FORMAT_LIST}
# The format an output file gets from its suffix when --output names none (FORMAT:PATH).
SUFFIXES = {suffix: fmt.name for fmt in FORMAT_LIST for suffix in fmt.suffixes}


def lazy(where: str) -> AnyRenderer:
    """The renderer ``reconcile.report.<module>.<function>``, imported when it first renders:
    a JSON report never loads rich."""
    module, _, function = where.rpartition(".")

    def render(result: Any, stream: TextIO, options: Any) -> None:
        renderer: AnyRenderer = getattr(import_module(f"reconcile.report.{module}"), function)
        renderer(result, stream, options)

    return render


RENDERERS: dict[str, AnyRenderer] = {fmt.name: lazy(fmt.report) for fmt in FORMAT_LIST}
DIFF_RENDERERS: dict[str, AnyRenderer] = {
    fmt.name: lazy(fmt.diff) for fmt in FORMAT_LIST if fmt.diff is not None
}

__all__ = [
    "BY_NAME",
    "DIFF_RENDERERS",
    "FORMATS",
    "FORMAT_LIST",
    "RENDERERS",
    "SUFFIXES",
    "AnyRenderer",
    "Format",
    "lazy",
]
