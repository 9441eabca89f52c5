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
) -> None:
    """Reconcile the ministries' workbooks in PATHS with the announcement.

    PATHS are workbooks (.xlsx, .xlsm) and folders; a folder means every workbook in it.
    """
    from reconcile import pipeline

    found = pipeline.find_announcement(list(paths), announcement)
    report = pipeline.check(list(paths), found)
    _emit(report, fmt, output, color, list(paths))


@cli.command(epilog=EXIT_CODES)
@_output_options
def validate(
    paths: tuple[str, ...],
    announcement: str | None,
    fmt: str,
    output: Path | None,
    color: bool | None,
) -> None:
    """Check each workbook in PATHS on its own, without reconciling the set.

    The announcement only supplies the years and series a line may have.
    """
    from reconcile import pipeline

    found = pipeline.find_announcement(list(paths), announcement)
    report = pipeline.validate(list(paths), found)
    _emit(report, fmt, output, color, list(paths))


def main() -> None:
    try:
        cli(prog_name="reconcile")
    except BrokenPipeError:
        # The reader of our output went away (``reconcile ... | head``): stop quietly.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
