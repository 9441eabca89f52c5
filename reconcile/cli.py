"""The command line: parse options, call the library, pick a renderer, exit with the report's code.

Heavy modules (pandas, pandera, openpyxl) load inside the commands, so --help starts fast.
"""

from __future__ import annotations

import io
import sys
import traceback
from pathlib import Path
from typing import Any

import click

from reconcile import __version__
from reconcile.errors import ReconcileError

FORMATS = ("text", "json")
EXIT_CODES = """Exit codes: 0 valid and reconciled; 1 findings of severity error;
2 usage error, bad configuration, or an input that could not be read."""


class ReconcileGroup(click.Group):
    """Turns library errors into one clear line and exit code 2; --debug shows the traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ReconcileError as exc:
            if ctx.meta.get("reconcile.debug"):
                traceback.print_exc()
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(2)
        except Exception as exc:
            if ctx.meta.get("reconcile.debug"):
                traceback.print_exc()
            click.echo(
                f"Error: reconcile stopped on an unexpected problem ({type(exc).__name__}: "
                f"{exc}). Run again with --debug to see where, and please report it.",
                err=True,
            )
            ctx.exit(2)


@click.group(
    cls=ReconcileGroup, epilog=EXIT_CODES, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.version_option(__version__, "-V", "--version", prog_name="reconcile")
@click.option("--debug", is_flag=True, help="Show the traceback when reconcile stops on an error.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Validate budget-amendment workbooks and reconcile them with what was announced."""
    ctx.meta["reconcile.debug"] = debug


def _output_options(func: Any) -> Any:
    func = click.option(
        "--sheet",
        metavar="NAME",
        help="Read this sheet of every workbook. Default: the sheet holding the table.",
    )(func)
    func = click.option(
        "--color/--no-color",
        default=None,
        help="Colour the terminal report. Default: only on a terminal, and "
        "never when NO_COLOR is set.",
    )(func)
    func = click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write the report to this file (atomically) instead of stdout.",
    )(func)
    func = click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="text",
        show_default=True,
        help="Report format.",
    )(func)
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
    return click.argument("paths", nargs=-1, required=True, type=click.Path())(func)


def _emit(
    report: Any, fmt: str, output: Path | None, color: bool | None, inputs: list[str]
) -> None:
    from reconcile.output import write_atomic
    from reconcile.report import RENDERERS, RenderOptions

    renderer = RENDERERS[fmt]
    if output is None:
        renderer(report, sys.stdout, RenderOptions(color=color))
    else:
        buffer = io.StringIO()
        renderer(report, buffer, RenderOptions(color=False))
        read = [Path(p) for p in inputs] + [Path(f.path) for f in report.files]
        write_atomic(output, buffer.getvalue().encode("utf-8"), read)
    sys.exit(report.exit_code)


@cli.command(epilog=EXIT_CODES)
@_output_options
def check(
    paths: tuple[str, ...],
    announcement: str | None,
    fmt: str,
    output: Path | None,
    color: bool | None,
    sheet: str | None,
    layout: str | None,
) -> None:
    """Reconcile the ministries' workbooks in PATHS with the announcement.

    PATHS are workbooks (.xlsx, .xlsm, .ods, .xls) and folders; a folder means every
    workbook in it.
    """
    from reconcile import pipeline

    found = pipeline.find_announcement(list(paths), announcement)
    report = pipeline.check(list(paths), found, sheet, _layout_name(layout))
    _emit(report, fmt, output, color, list(paths))


@cli.command(epilog=EXIT_CODES)
@_output_options
def validate(
    paths: tuple[str, ...],
    announcement: str | None,
    fmt: str,
    output: Path | None,
    color: bool | None,
    sheet: str | None,
    layout: str | None,
) -> None:
    """Check each workbook in PATHS on its own, without reconciling the set.

    The announcement only supplies the years and series a line may have.
    """
    from reconcile import pipeline

    found = pipeline.find_announcement(list(paths), announcement)
    report = pipeline.validate(list(paths), found, sheet, _layout_name(layout))
    _emit(report, fmt, output, color, list(paths))


def _layout_name(name: str | None) -> str | None:
    """The layout's name, checked before any file is read (an unknown name is a usage error)."""
    if name is not None:
        from reconcile.read.layouts import get_layout

        get_layout(name)
    return name


@cli.command()
def layouts() -> None:
    """List the built-in layouts: the table formats reconcile reads by their header labels."""
    from reconcile.read.layouts import load_layouts

    for layout in load_layouts().values():
        click.echo(f"{layout.name}  {layout.title}")
        click.echo(f"    unit {layout.unit.label}, numbers {layout.numbers}, from {layout.source}")
        fields = ", ".join(f"{name}={labels[0]!r}" for name, labels in layout.columns.items())
        click.echo(f"    columns: {fields}")
        amounts = ", ".join(f"{a.name}={a.labels[0]!r}" for a in layout.amounts)
        click.echo(f"    amounts: {amounts}")


@cli.command(
    epilog="Exit codes: 0 the tables are equal; 1 they differ; 2 an input could not be read."
)
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file (atomically) instead of stdout.",
)
@click.option("--color/--no-color", default=None, help="Colour the terminal report.")
@click.option("--sheet", metavar="NAME", help="Read this sheet of both workbooks.")
@click.option("-l", "--layout", metavar="NAME", help="Read both files with this layout.")
def diff(
    old: str,
    new: str,
    fmt: str,
    output: Path | None,
    color: bool | None,
    sheet: str | None,
    layout: str | None,
) -> None:
    """List the lines added, removed and changed between two versions OLD and NEW of a table."""
    from reconcile.diff import diff_files
    from reconcile.output import write_atomic
    from reconcile.report import RenderOptions
    from reconcile.report.diff import DIFF_RENDERERS

    result = diff_files(old, new, _layout_name(layout), sheet)
    renderer = DIFF_RENDERERS[fmt]
    if output is None:
        renderer(result, sys.stdout, RenderOptions(color=color))
    else:
        buffer = io.StringIO()
        renderer(result, buffer, RenderOptions(color=False))
        write_atomic(output, buffer.getvalue().encode("utf-8"), [Path(old), Path(new)])
    sys.exit(result.exit_code)


def main() -> None:
    try:
        cli(prog_name="reconcile")
    except BrokenPipeError:
        # The reader of our output went away (``reconcile ... | head``): stop quietly.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
