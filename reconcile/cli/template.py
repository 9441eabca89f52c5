"""``reconcile template``: write the submission workbook a ministry fills in."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from reconcile.cli.options import PathParam, lang_option
from reconcile.cli.root import cli
from reconcile.i18n import resolve_lang, tr
from reconcile.safety import visible

if TYPE_CHECKING:  # pathlib loads when a command runs: --help and --version never need it
    from pathlib import Path


@cli.command()
@click.option("-m", "--ministry", metavar="CODE", help="The ministry (EZ, Defensie, OCW, ...).")
@click.option(
    "--all", "every", is_flag=True, help="One template per ministry the announcement expects."
)
@click.option(
    "-o",
    "--output",
    type=PathParam(),
    help="The workbook to write (with --ministry), or the folder (with --all; default: the "
    "current folder).",
)
@click.option(
    "-a",
    "--announcement",
    type=click.Path(dir_okay=False),
    help="Announcement TOML file whose years and contributors the template follows. "
    "Default: the built-in AI-fabriek announcement.",
)
@click.option("--force", is_flag=True, help="Replace a workbook that already exists.")
@lang_option("template")
def template(
    ministry: str | None,
    every: bool,
    output: Path | None,
    announcement: str | None,
    force: bool,
    lang: str | None,
) -> None:
    """Write a submission template: the workbook a ministry fills in.

    The workbook has title lines, a header row, the announcement's years, drop-down lists, a
    Totaal row with a formula, a locked header and an instruction sheet; reconcile reads it
    as it is.
    """
    from reconcile import pipeline
    from reconcile.codes import render
    from reconcile.template import TemplateError, template_targets, write_template

    lang = resolve_lang(lang)
    if every == (ministry is not None):
        raise click.UsageError(tr("tpl-either", lang))
    found = pipeline.find_announcement([], announcement)
    try:
        targets = template_targets(found, None if every else ministry, output, force=force)
    except TemplateError as exc:
        raise click.UsageError(render(exc, lang)) from None
    for path, code in targets:
        write_template(path, code, found, lang)
        click.echo(visible(tr("written", lang, path=path.as_posix())), err=True)
