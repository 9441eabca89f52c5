"""``reconcile layouts`` (the built-in table layouts) and ``reconcile layouts draft`` (a
starting layout for a table no layout knows)."""

from __future__ import annotations

import sys

import click

from reconcile.cli.group import LocalisedArgument, ReconcileGroup
from reconcile.cli.options import lang_option, list_format
from reconcile.cli.root import cli
from reconcile.i18n import resolve_lang


@cli.group(cls=ReconcileGroup, invoke_without_command=True)
@lang_option("list")
@list_format
@click.pass_context
def layouts(ctx: click.Context, lang: str | None, fmt: str) -> None:
    """List the built-in layouts: the table formats reconcile reads by their header labels."""
    if ctx.invoked_subcommand is not None:
        return
    from reconcile.read.layouts import load_layouts

    if fmt == "json":
        from reconcile.report.json import layouts_document, write_json

        write_json(layouts_document(list(load_layouts().values())), sys.stdout)
        return
    from reconcile.report.listing import write_layouts_text

    write_layouts_text(load_layouts().values(), sys.stdout, resolve_lang(lang))


@layouts.command("draft")
@click.argument("file", cls=LocalisedArgument, type=click.Path())
@click.option("--name", metavar="NAME", help="The layout's name. Default: the file's name.")
@click.option("--sheet", metavar="NAME", help="Draft from this sheet of a workbook.")
@lang_option("report")
def layouts_draft(file: str, name: str | None, sheet: str | None, lang: str | None) -> None:
    """Print a starting layout (TOML) for a table whose header no layout knows.

    Each field and amount column is guessed from its label and values, with a comment saying
    why; check the guesses, save it and read the table with --layout FILE.toml.
    """
    from pathlib import Path as FilePath

    from reconcile.codes import render_message
    from reconcile.errors import InputError
    from reconcile.read.draft import draft_layout, first_rows
    from reconcile.validate.layout import weigh_totals

    lang = resolve_lang(lang)
    path = FilePath(file)
    rows, problem = first_rows(path, file, sheet)
    if problem is not None:
        raise InputError("{where}: {problem}", where=file, problem=render_message(problem, lang))
    text = draft_layout(rows, name or path.stem, path.name, lang, weigh_totals)
    click.echo(text, nl=False)
