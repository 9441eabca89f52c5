"""``reconcile diff``: the lines added, removed and changed between two versions of a table."""

from __future__ import annotations

import sys

import click

from reconcile.cli.group import LocalisedArgument
from reconcile.cli.options import format_options, junit_option, lang_option, layout_name
from reconcile.cli.root import cli
from reconcile.i18n import gettext, resolve_lang

DIFF_EXIT_CODES = """Exit codes: 0 the tables are equal; 1 they differ; 2 usage error, or an input
that could not be read."""


@cli.command(epilog=DIFF_EXIT_CODES)
@click.argument("old", cls=LocalisedArgument, type=click.Path())
@click.argument("new", cls=LocalisedArgument, type=click.Path())
@format_options
@junit_option
@lang_option("report")
@click.option("--sheet", metavar="NAME", help="Read this sheet of both workbooks.")
@click.option(
    "-l",
    "--layout",
    metavar="NAME",
    multiple=True,
    help="Read both files with this layout; given twice, OLD with the first and NEW with the "
    "second.",
)
def diff(
    old: str,
    new: str,
    fmt: str | None,
    output: tuple[str, ...],
    color: bool | None,
    junit_xml: str | None,
    lang: str | None,
    sheet: str | None,
    layout: tuple[str, ...],
) -> None:
    """List the lines added, removed and changed between two versions OLD and NEW of a table.

    The outputs are those of check: a change is annotated at its cell (github) and fails the
    JUnit case of its kind (line-added, line-removed, line-changed).
    """
    from reconcile.diff import diff_files
    from reconcile.report.route import Outputs, write_diff_outputs

    if len(layout) > 2:
        said = gettext(
            "--layout is given at most twice: for OLD, then for NEW.", resolve_lang(lang)
        )
        raise click.UsageError(said)
    old_layout, new_layout = (layout * 2)[:2] if layout else (None, None)
    result = diff_files(old, new, layout_name(old_layout), sheet, layout_name(new_layout))
    write_diff_outputs(result, Outputs(fmt, output, junit_xml, color, resolve_lang(lang)))
    sys.exit(result.exit_code)
