"""The command line's click classes: help and usage in the run's language, and the one place
where an error that stops a run becomes a line on standard error and exit code 2."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from reconcile.cli_lang import (
    IN_RUN,
    RUN_LANG,
    click_speaks_the_run_language,
    lang_in_args,
    placeholder,
    run_lang,
)
from reconcile.errors import ReconcileError
from reconcile.i18n import tr, translate_help
from reconcile.safety import visible


class LocalisedFormatter(click.HelpFormatter):
    """Help in the locale's language: Dutch for nl_*, else English (see reconcile.i18n)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = run_lang()

    def write_text(self, text: str) -> None:
        super().write_text(translate_help(text, self.lang))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(term, translate_help(text, self.lang)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


class LocalisedContext(click.Context):
    """A context whose help is written by LocalisedFormatter."""

    formatter_class = LocalisedFormatter


class LocalisedUsage:
    """A command's usage line with click's own placeholders ([OPTIONS], COMMAND [ARGS]...) in
    the run's language; its parameters' placeholders are (see cli_lang)."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return list(map(placeholder, super().collect_usage_pieces(ctx)))  # type: ignore[misc]


class ReconcileCommand(LocalisedUsage, click.Command):
    """A command of the group: usage and help in the run's language."""

    context_class = LocalisedContext


def _print_traceback() -> None:
    import traceback  # only for --debug: not on every start

    traceback.print_exc()


class ReconcileGroup(LocalisedUsage, click.Group):
    """Turns library errors into one clear line and exit code 2; --debug shows the traceback."""

    context_class = LocalisedContext
    command_class = ReconcileCommand

    def main(  # click's own parameters, by name: standalone_mode decides what is ours to say
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run in the language of --lang (wherever it stands), else the locale's.

        Standalone (the command line), what stops the run before any command starts (the
        group's options, its --help) is said as a command's stop is (``invoke``): one line,
        exit code 2. Otherwise it is the caller's, as click leaves it.
        """
        given = sys.argv[1:] if args is None else list(args)
        # --lang as given; without one, the settings file's lang (set once it is read, see
        # cli()), else the locale: run_lang()
        tokens = RUN_LANG.set(lang_in_args(given)), IN_RUN.set(True)
        try:
            click_speaks_the_run_language()
            # the caller's args as they came: click expands wildcards on Windows only for None
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        except (click.exceptions.Exit, click.ClickException, click.Abort, BrokenPipeError):
            raise  # not standalone: the caller's (standalone, click has said these itself)
        except Exception as exc:  # (Ctrl-C here: click's own "Aborted!")
            if not standalone_mode:
                raise
            _say_why_it_stopped(exc, "--debug" in self._own_options(given))
            sys.exit(2)
        finally:
            RUN_LANG.reset(tokens[0])
            IN_RUN.reset(tokens[1])

    def _own_options(self, given: list[str]) -> list[str]:
        """The group's own options among ``given``: those before the command's name (an
        option's value, such as --config's file, is skipped)."""
        own = []
        values = {
            name
            for p in self.params
            if isinstance(p, click.Option) and not p.is_flag
            for name in p.opts
        }
        taking = False
        for arg in given:
            if taking:
                taking = False
            elif arg in values:
                taking = True
            elif arg.startswith("-") and arg != "--":
                own.append(arg)
            else:
                break  # the command's name (or --): what follows is the command's
        return own

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, BrokenPipeError):
            raise  # click reports its own; a closed pipe is handled quietly in main()
        except (Exception, KeyboardInterrupt) as exc:
            _say_why_it_stopped(exc, ctx.meta.get("reconcile.debug", False))
            ctx.exit(2)


def _say_why_it_stopped(exc: BaseException, debug: bool) -> None:
    """One line on standard error, in the run's language, for what stopped the run (the
    traceback too with --debug, but never for Ctrl-C)."""
    lang = run_lang()
    if isinstance(exc, KeyboardInterrupt):
        click.echo(tr("interrupted", lang), err=True)
        return
    if debug:
        _print_traceback()
    if isinstance(exc, ReconcileError):
        from reconcile.codes import render  # (the catalogue: not loaded for --help)

        message = render(exc, lang)
    else:
        message = tr("unexpected", lang, problem=f"{type(exc).__name__}: {exc}")
    click.echo(visible(tr("error-line", lang, message=message)), err=True)  # may name a file
