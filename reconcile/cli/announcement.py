"""``reconcile announcement draft``: an announcement TOML drafted from a letter to the Kamer."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from reconcile.cli.group import LocalisedArgument, ReconcileGroup
from reconcile.cli.options import PathParam, lang_option
from reconcile.cli.root import cli
from reconcile.i18n import resolve_lang, tr

if TYPE_CHECKING:  # pathlib loads when a command runs: --help and --version never need it
    from pathlib import Path

DRAFT_EXIT_CODES = """Exit codes: 0 drafted, every choice made; 1 drafted, with choices left open
(listed on standard error); 2 usage error, or a letter that could not be read."""


@cli.group(cls=ReconcileGroup)
def announcement() -> None:
    """Work with announcement files."""


@announcement.command(epilog=DRAFT_EXIT_CODES)
@click.argument("letter", cls=LocalisedArgument, type=PathParam(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=PathParam(dir_okay=False),
    help="Write the announcement to FILE (atomically). Default: standard output.",
)
@click.option("--force", is_flag=True, help="Replace FILE when it already exists.")
@lang_option("comments and messages")
def draft(letter: Path, output: Path | None, force: bool, lang: str | None) -> None:
    """Draft an announcement TOML from LETTER, a letter to the Tweede Kamer: plain text, a
    PDF with a text layer, or the HTML page of officielebekendmakingen.nl.

    Every amount is quoted with its sentence and place; what the letter leaves open is
    written as a commented choice and listed on standard error.
    """
    from reconcile.codes import render
    from reconcile.letter import (
        DraftExistsError,
        draft_announcement,
        draft_target,
        open_messages,
        render_draft,
        write_draft,
    )

    lang = resolve_lang(lang)
    try:
        target = draft_target(output, force=force)
    except DraftExistsError as exc:
        raise click.UsageError(render(exc, lang)) from None
    result = draft_announcement(letter)
    text = render_draft(result, lang)
    if target is None:
        click.echo(text, nl=False)
    else:
        write_draft(target, text, letter)
        click.echo(tr("written", lang, path=target.as_posix()), err=True)
    messages = open_messages(result, lang)
    summary = tr(
        "draft-summary",
        lang,
        letter=letter.name,
        amounts=len(result.amounts),
        sums=len(result.sums),
        contributors=len(result.expected),
        open=len(messages),
    )
    click.echo(summary, err=True)
    for message in messages:
        click.echo(tr("draft-open-line", lang, message=message), err=True)
    sys.exit(1 if messages else 0)
