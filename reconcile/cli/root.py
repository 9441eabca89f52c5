"""The ``reconcile`` group: its own options (--debug, --config, --version), the settings file
as click's default_map, and ``main``, the console script's entry point."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from reconcile import VERSION_LINE, __version__
from reconcile.cli.group import ReconcileGroup
from reconcile.cli.options import PathParam
from reconcile.cli_lang import use_settings_lang
from reconcile.errors import ReconcileError, stop_on_closed_output
from reconcile.i18n import LANGS

if TYPE_CHECKING:  # pathlib loads when a command runs: --help and --version never need it
    from pathlib import Path

CONFIGURABLE = ("check", "validate")
EXIT_CODES = """Exit codes: 0 valid and reconciled; 1 findings of severity error (see --fail-on);
2 usage error, bad configuration, or an input that could not be read."""


@click.group(
    cls=ReconcileGroup, epilog=EXIT_CODES, context_settings={"help_option_names": ["-h", "--help"]}
)
# "reconcile 0.1.0", as reconcile/__main__.py answers --version alone without loading click
@click.version_option(__version__, "-V", "--version", prog_name="reconcile", message=VERSION_LINE)
@click.option("--debug", is_flag=True, help="Show the traceback when reconcile stops on an error.")
@click.option(
    "--config",
    type=PathParam(dir_okay=False, exists=True),
    help="Settings file. Default: reconcile.toml or [tool.reconcile] in pyproject.toml, "
    "looked for from the working directory upward.",
)
@click.pass_context
def cli(ctx: click.Context, debug: bool, config: Path | None) -> None:
    """Validate budget-amendment workbooks and reconcile them with what was announced."""
    ctx.meta["reconcile.debug"] = debug
    from pathlib import Path

    from reconcile.config import default_map, find_config

    if ctx.invoked_subcommand not in CONFIGURABLE:
        return  # a broken settings file must not stop --help, codes, explain or template
    found = config or find_config(Path.cwd())
    if found is not None and isinstance(ctx.command, click.Group):
        # Settings are for the commands a repository runs on every push: check and validate.
        configurable = {n: c for n, c in ctx.command.commands.items() if n in CONFIGURABLE}
        try:
            ctx.default_map = default_map(found, configurable)
        except ReconcileError as exc:
            ctx.meta["reconcile.config_error"] = exc  # raised when the command runs, not on --help
            return
        settings = ctx.default_map.get(ctx.invoked_subcommand) or {}
        if settings.get("lang") in LANGS:
            use_settings_lang(settings["lang"])  # errors and click's words speak it too


def main() -> None:
    """The ``reconcile`` script: the command line on ``sys.argv``; a closed pipe ends quietly."""
    try:
        cli(prog_name="reconcile")
    except BrokenPipeError:
        stop_on_closed_output()
