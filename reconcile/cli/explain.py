"""``reconcile codes`` and ``reconcile explain``: the finding catalogue, listed and explained."""

from __future__ import annotations

import sys

import click

from reconcile.cli.group import LocalisedArgument
from reconcile.cli.options import lang_option, list_format
from reconcile.cli.root import cli
from reconcile.i18n import resolve_lang


@cli.command()
@lang_option("list")
@list_format
def codes(lang: str | None, fmt: str) -> None:
    """List every finding code with its severity and stage."""
    if fmt == "json":
        from reconcile.report.json import codes_document, write_json

        write_json(codes_document(resolve_lang(lang)), sys.stdout)
        return
    from reconcile.explain import list_codes

    click.echo(list_codes(resolve_lang(lang)), nl=False)


@cli.command()
@click.argument("code", cls=LocalisedArgument)
@lang_option("explanation")
def explain(code: str, lang: str | None) -> None:
    """Explain finding CODE: what it means, why it matters and how to fix it."""
    from reconcile.explain import explain_code

    click.echo(explain_code(code, resolve_lang(lang)), nl=False)
