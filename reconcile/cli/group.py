"""The command line's click classes: help and usage in the run's language, and the one place
where an error that stops a run becomes a line on standard error and exit code 2."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from reconcile.cli_lang import speaking, stop_line
from reconcile.i18n import gettext, resolve_lang, tr, translate_help, translate_metavar

# click's own words come from its catalogue (reconcile.cli_lang); the classes below put into
# the run's language what click shows without gettext: reconcile's help texts, placeholders
# (PATHS..., [OPTIONS]) and the name of a number type.


class LocalisedFormatter(click.HelpFormatter):
    """Help in the run's language: each help text, and each option's placeholder
    (``--output [FORMAT:]FILE``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = resolve_lang()  # (in a run, the run's: see reconcile.cli_lang)

    def write_text(self, text: str) -> None:
        super().write_text(translate_help(text, self.lang))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(self._term(term), translate_help(text, self.lang)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)

    def _term(self, term: str) -> str:
        """An option's names and placeholder (``-o, --output FILE``), the placeholder (which
        comes last) in the run's language; a command's name stays as it is."""
        names, space, shown = term.rpartition(" ")
        return names + space + translate_metavar(shown, self.lang)


class LocalisedContext(click.Context):
    """A context whose help is written by LocalisedFormatter."""

    formatter_class = LocalisedFormatter


class LocalisedArgument(click.Argument):
    """An argument whose placeholder (``PATHS...``) is shown in the run's language: in the
    usage line, the help and click's errors ("Ontbrekend argument 'PADEN...'")."""

    def make_metavar(self, ctx: click.Context) -> str:
        return translate_metavar(super().make_metavar(ctx), resolve_lang())


class LocalisedIntRange(click.IntRange):
    """click's IntRange, named in the run's language where click names it ("'veel' is geen
    geldig geheel getal.")."""

    @property  # (click's is a class attribute, in English)
    def name(self) -> str:  # type: ignore[override]
        return gettext(click.IntRange.name, resolve_lang())


class LocalisedUsage:
    """A command's usage line with click's own placeholders ([OPTIONS], COMMAND [ARGS]...) in
    the run's language; its arguments' are (LocalisedArgument)."""

    options_metavar: str | None  # (click.Command's)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        lang = resolve_lang()
        own = (self.options_metavar, getattr(self, "subcommand_metavar", None))
        pieces = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        return [translate_metavar(p, lang) if p in own else p for p in pieces]


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
        """Run in the language of --lang (wherever it stands), else the settings file's, else
        the locale's.

        Standalone (the command line), what stops the run before any command starts (the
        group's options, its --help) is said as a command's stop is (``invoke``): one line,
        exit code 2. Otherwise it is the caller's, as click leaves it.
        """
        given = sys.argv[1:] if args is None else list(args)
        # --lang as given; without one, the settings file's lang (once it is read, see cli()),
        # else the locale; until the run ends (reconcile.cli_lang)
        with speaking(given):
            try:
                # the caller's args as they came: click expands wildcards on Windows only for None
                return super().main(args, prog_name, complete_var, standalone_mode, **extra)
            except (click.exceptions.Exit, click.ClickException, click.Abort, BrokenPipeError):
                raise  # not standalone: the caller's (standalone, click has said these itself)
            except Exception as exc:  # (Ctrl-C here: click's own "Aborted!")
                if not standalone_mode:
                    raise
                _say_why_it_stopped(exc, "--debug" in self._own_options(given))
                sys.exit(2)

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
    lang = resolve_lang()
    if isinstance(exc, KeyboardInterrupt):
        click.echo(tr("interrupted", lang), err=True)
        return
    if debug:
        _print_traceback()
    click.echo(stop_line(exc, lang), err=True)
