"""Options several commands share, declared once: inputs, report formats and outputs, CI
policy, file limits, language.

Nothing here imports pandas, openpyxl or rich: the options are built on every start, --help too.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

from reconcile.cli.group import LocalisedArgument, LocalisedIntRange
from reconcile.i18n import LANGS
from reconcile.limits import DEFAULT_LIMITS, Limits
from reconcile.report import FORMATS

F = TypeVar("F", bound=Callable[..., Any])


class PathParam(click.Path):
    """A path option given to the command as a ``pathlib.Path`` (``click.Path(path_type=Path)``
    would import pathlib on every start, for --help too)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from pathlib import Path

        return Path(os.fsdecode(super().convert(value, param, ctx)))


def output_options(func: Any) -> Any:
    """The inputs, reading and report options of check and validate."""
    for name in reversed(Limits.names()):  # refuse files above these before reading them
        func = click.option(
            Limits.option(name),
            name,
            type=LocalisedIntRange(min=1),
            metavar="MB" if name.endswith("_size") else "N",  # (the same in Dutch)
            default=getattr(DEFAULT_LIMITS, name),
            show_default=True,
            help=Limits.help(name),
        )(func)
    func = click.option(
        "--annotate",
        type=PathParam(file_okay=False),
        help="Write annotated copies of the workbooks (and for check a summary workbook) into "
        "this folder. The inputs are never changed.",
    )(func)
    func = lang_option("report")(func)
    func = click.option(
        "--sheet",
        metavar="NAME",
        help="Read this sheet of every workbook. Default: the sheet holding the table.",
    )(func)
    func = format_options(func)
    func = click.option(
        "-a",
        "--announcement",
        type=click.Path(dir_okay=False),
        help="Announcement TOML file. Default: announcement.toml in a given "
        "folder, else the built-in AI-fabriek announcement.",
    )(func)
    func = click.option(
        "-l",
        "--layout",
        metavar="NAME",
        help="Read the files with this layout: a name from `reconcile layouts`, or a .toml "
        "file. Default: found by the header labels.",
    )(func)
    paths = click.argument(
        "paths", cls=LocalisedArgument, nargs=-1, required=True, type=click.Path()
    )
    return paths(func)


def format_options(func: Any) -> Any:
    """Where the report goes and in which format: the same for check, validate and diff."""
    func = click.option(
        "--color/--no-color",
        default=None,
        help="Colour the terminal report. Default: only on a terminal, and "
        "never when NO_COLOR is set.",
    )(func)
    func = click.option(
        "-o",
        "--output",
        multiple=True,
        metavar="[FORMAT:]FILE",
        help="Write the report to FILE (atomically); repeatable. The format is FORMAT, else "
        "follows from the suffix (.json, .xml: junit, .txt: text, .html or .htm), else "
        "--format. A file in the --format takes the place of standard output.",
    )(func)
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        help="Report format on standard output. Default: github when GITHUB_ACTIONS=true "
        "(and a summary to $GITHUB_STEP_SUMMARY), else text.",
    )(func)


def junit_option(func: Any) -> Any:
    """--junit-xml, the JUnit file CI collects (check, validate and diff)."""
    return click.option(
        "--junit-xml",
        type=click.Path(dir_okay=False),
        help="Also write a JUnit XML report to FILE (same as --output junit:FILE).",
    )(func)


def ci_options(func: Any) -> Any:
    """What fails a run (--fail-on, --severity) and the JUnit file CI collects."""
    func = click.option(
        "--severity",
        multiple=True,
        metavar="CODE=LEVEL",
        callback=lambda _ctx, _param, value: _severities(value),
        help="Report CODE at LEVEL (error, warning, info); repeatable. In the config file: "
        "a [severity] table.",
    )(func)
    func = click.option(
        "--fail-on",
        type=click.Choice(["error", "warning", "never"]),
        default="error",
        show_default=True,
        help="The least severity that makes the run fail (exit 1). An unreadable input always "
        "gives exit 2.",
    )(func)
    return junit_option(func)


def _severities(items: tuple[str, ...]) -> Any:
    from reconcile.policy import parse_overrides

    return parse_overrides(items, "--severity")


def take_limits(options: dict[str, Any]) -> Limits:
    """The file limits among a command's options (taken out of them), as a Limits."""
    return Limits(**{name: options.pop(name) for name in Limits.names()})


def lang_option(what: str) -> Callable[[F], F]:
    """--lang of a command whose output is ``what`` (in the help: "Language of the report")."""
    return click.option(
        "--lang",
        type=click.Choice(LANGS),
        # (the choices, [nl|en], are shown beside it: LANGS alone names the languages)
        help=f"Language of the {what}. Default: the first of LANGUAGE, LC_ALL, LC_MESSAGES and "
        "LANG that is set, else the operating system's user locale, else en.",
    )


def list_format(func: Any) -> Any:
    """-f text|json of the commands that list something (codes, layouts)."""
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help="text for people, json for scripts (its JSON Schema is in reconcile/data/).",
    )(func)


def layout_name(name: str | None) -> str | None:
    """The layout's name, checked before any file is read (an unknown name is a usage error)."""
    if name is not None:
        from reconcile.read.layouts import get_layout

        get_layout(name)
    return name


__all__ = [
    "PathParam",
    "ci_options",
    "format_options",
    "junit_option",
    "lang_option",
    "layout_name",
    "list_format",
    "output_options",
    "take_limits",
]
