"""The command line: parse options, call the library, pick a renderer, exit with the report's code.

Heavy modules (pandas, pandera, openpyxl) load inside the commands, so --help starts fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from reconcile import VERSION_LINE, __version__
from reconcile.cli_lang import (
    IN_RUN,
    RUN_LANG,
    click_speaks_the_run_language,
    lang_in_args,
    placeholder,
    run_lang,
)
from reconcile.errors import ReconcileError, stop_on_closed_output
from reconcile.i18n import LANGS, resolve_lang, tr, translate_help, word
from reconcile.limits import DEFAULT_LIMITS, Limits
from reconcile.report import FORMATS
from reconcile.safety import visible

if TYPE_CHECKING:  # pathlib loads when a command runs: --help and --version never need it
    from pathlib import Path

F = TypeVar("F", bound=Callable[..., Any])
R = TypeVar("R")  # what a command reports: a Report, a Diff
CONFIGURABLE = ("check", "validate")
EXIT_CODES = """Exit codes: 0 valid and reconciled; 1 findings of severity error (see --fail-on);
2 usage error, bad configuration, or an input that could not be read."""
DIFF_EXIT_CODES = """Exit codes: 0 the tables are equal; 1 they differ; 2 usage error, or an input
that could not be read."""


class PathParam(click.Path):
    """A path option given to the command as a ``pathlib.Path`` (``click.Path(path_type=Path)``
    would import pathlib on every start, for --help too)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from pathlib import Path

        return Path(os.fsdecode(super().convert(value, param, ctx)))


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
    formatter_class = LocalisedFormatter


class LocalisedUsage:
    """A command's usage line with click's own placeholders ([OPTIONS], COMMAND [ARGS]...) in
    the run's language; its parameters' placeholders are (see cli_lang)."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return list(map(placeholder, super().collect_usage_pieces(ctx)))  # type: ignore[misc]


class ReconcileCommand(LocalisedUsage, click.Command):
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
        if RUN_LANG.get() is None and settings.get("lang") in LANGS:
            RUN_LANG.set(settings["lang"])  # errors and click's words speak it too


def _output_options(func: Any) -> Any:
    for name in reversed(Limits.names()):  # refuse files above these before reading them
        func = click.option(
            Limits.option(name),
            name,
            type=click.IntRange(min=1),
            metavar="MB" if name.endswith("_size") else "N",  # (the same in Dutch)
            default=getattr(DEFAULT_LIMITS, name),
            show_default=True,
            help=Limits.help(name),
        )(func)
    func = click.option(
        "--annotate",
        type=PathParam(file_okay=False),
        help="Write annotated copies of the workbooks (and for check a summary workbook) into "
        "this folder. The inputs are never changed.",
    )(func)
    func = _lang_option("report")(func)
    func = click.option(
        "--sheet",
        metavar="NAME",
        help="Read this sheet of every workbook. Default: the sheet holding the table.",
    )(func)
    func = _format_options(func)
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


def _format_options(func: Any) -> Any:
    """Where the report goes and in which format: the same for check, validate and diff."""
    func = click.option(
        "--color/--no-color",
        default=None,
        help="Colour the terminal report. Default: only on a terminal, and "
        "never when NO_COLOR is set.",
    )(func)
    func = click.option(
        "-o",
        "--output",
        multiple=True,
        metavar="[FORMAT:]FILE",
        help="Write the report to FILE (atomically); repeatable. The format is FORMAT, else "
        "follows from the suffix (.json, .xml: junit, .txt: text, .html), else --format. A file in "
        "the --format takes the place of standard output.",
    )(func)
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        help="Report format on standard output. Default: github when GITHUB_ACTIONS=true "
        "(and a summary to $GITHUB_STEP_SUMMARY), else text.",
    )(func)


def _junit_option(func: Any) -> Any:
    return click.option(
        "--junit-xml",
        type=click.Path(dir_okay=False),
        help="Also write a JUnit XML report to FILE (same as --output junit:FILE).",
    )(func)


def _ci_options(func: Any) -> Any:
    func = click.option(
        "--severity",
        multiple=True,
        metavar="CODE=LEVEL",
        callback=lambda _ctx, _param, value: _severities(value),
        help="Report CODE at LEVEL (error, warning, info); repeatable. In the config file: "
        "a [severity] table.",
    )(func)
    func = click.option(
        "--fail-on",
        type=click.Choice(["error", "warning", "never"]),
        default="error",
        show_default=True,
        help="The least severity that makes the run fail (exit 1). An unreadable input always "
        "gives exit 2.",
    )(func)
    return _junit_option(func)


def _severities(items: tuple[str, ...]) -> Any:
    from reconcile.policy import parse_overrides

    return parse_overrides(items, "--severity")


def _inputs(paths: tuple[str, ...], announcement: str | None) -> list[Path]:
    """Every file the run read: no output may be written over one of them."""
    from pathlib import Path

    from reconcile.pipeline import ANNOUNCEMENT_FILE, collect_inputs

    files = [item.path for item in collect_inputs(list(paths))]
    files += [Path(p) / ANNOUNCEMENT_FILE for p in paths if Path(p).is_dir()]
    return files + ([Path(announcement)] if announcement else [])


def _limits(options: dict[str, Any]) -> Limits:
    """The file limits among a command's options (taken out of them), as a Limits."""
    return Limits(**{name: options.pop(name) for name in Limits.names()})


def _lang_option(what: str) -> Callable[[F], F]:
    return click.option(
        "--lang",
        type=click.Choice(LANGS),
        help=f"Language of the {what}: nl or en. Default: the locale (LC_ALL, LANG), else en.",
    )


def _run(
    command: str,
    paths: tuple[str, ...],
    announcement: str | None,
    lang: str,
    sheet: str | None,
    layout: str | None,
    limits: Limits = DEFAULT_LIMITS,
) -> Any:
    """The pipeline's report, with a progress bar on a terminal when reading takes a while."""
    from reconcile import pipeline
    from reconcile.report.progress import ReadProgress, progress_wanted

    error = click.get_current_context().find_root().meta.get("reconcile.config_error")
    if error is not None:
        raise error
    found = pipeline.find_announcement(list(paths), announcement)
    run = pipeline.check if command == "check" else pipeline.validate
    if not progress_wanted(sys.stderr):
        return run(list(paths), found, sheet, layout, limits=limits)
    progress = ReadProgress(sys.stderr, lang)
    try:
        return run(list(paths), found, sheet, layout, progress, limits)
    finally:
        progress.close()


def _emit(
    report: Any,
    fmt: str | None,
    output: tuple[str, ...],
    color: bool | None,
    inputs: list[Path],
    *,
    lang: str,
    annotate: Path | None,
    junit_xml: str | None,
    fail_on: str,
    severity: dict[str, Any],
    limits: Limits = DEFAULT_LIMITS,
) -> None:
    from reconcile.policy import apply_policy
    from reconcile.report import RENDERERS, github_summary

    report = apply_policy(report, severity, fail_on)
    if annotate is not None:
        _annotate(report, annotate, lang, inputs, limits)
    outputs = Outputs(fmt, output, junit_xml, color, lang, inputs)
    _write_outputs(report, RENDERERS, github_summary, outputs)
    sys.exit(report.exit_code)


@dataclass(frozen=True)
class Outputs:
    """Where a command's report goes: the --format, --output, --junit-xml and --color asked for."""

    fmt: str | None
    output: tuple[str, ...]
    junit_xml: str | None
    color: bool | None
    lang: str
    inputs: list[Path]  # never written over


def _write_outputs(
    report: R,
    renderers: Mapping[str, Callable[[R, TextIO, Any], None]],
    summary: Callable[[R, TextIO, Any], None],
    outputs: Outputs,
) -> None:
    """Render ``report`` to every file asked for, to standard output unless a file in the
    --format took its place, and under GitHub Actions to the job summary."""
    from pathlib import Path

    from reconcile.output import output_target, write_report
    from reconcile.report import GITHUB_SUMMARY_LIMIT, RenderOptions

    fmt = outputs.fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    junit = [f"junit:{outputs.junit_xml}"] if outputs.junit_xml else []
    targets = [output_target(item, fmt) for item in (*outputs.output, *junit)]
    # annotations and Code Quality rows name files as the repository does
    workspace = os.environ.get("GITHUB_WORKSPACE") or os.environ.get("CI_PROJECT_DIR")
    to_file = RenderOptions(color=False, lang=outputs.lang, workspace=workspace)
    for out_fmt, path in targets:
        write_report(path, renderers[out_fmt], report, to_file, outputs.inputs)
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt == "github" and step_summary:
        # the step's summary may hold what earlier commands wrote: GitHub's limit is for all
        written = Path(step_summary).stat().st_size if Path(step_summary).is_file() else 0
        to_summary = replace(to_file, room=max(GITHUB_SUMMARY_LIMIT - written, 0))
        write_report(Path(step_summary), summary, report, to_summary, outputs.inputs, append=True)
    # standard output last: it ends with the exit code, which a failed write above changes
    if all(out_fmt != fmt for out_fmt, _ in targets):  # else it went to a file instead
        to_terminal = RenderOptions(color=outputs.color, lang=outputs.lang, workspace=workspace)
        renderers[fmt](report, sys.stdout, to_terminal)


def _annotate(report: Any, directory: Path, lang: str, inputs: list[Path], limits: Limits) -> None:
    from reconcile.report.annotate import write_annotations

    written = write_annotations(report, directory, lang, inputs, limits)
    for skipped, why in written.skipped:
        click.echo(visible(tr(why, lang, path=skipped)), err=True)
    for path in written.files:
        click.echo(visible(tr("written", lang, path=path.as_posix())), err=True)


@cli.command(epilog=EXIT_CODES)
@_output_options
@_ci_options
def check(
    paths: tuple[str, ...],
    announcement: str | None,
    fmt: str | None,
    output: tuple[str, ...],
    color: bool | None,
    sheet: str | None,
    lang: str | None,
    annotate: Path | None,
    layout: str | None,
    **ci: Any,
) -> None:
    """Reconcile the ministries' workbooks in PATHS with the announcement.

    PATHS are workbooks (.xlsx, .xlsm, .ods, .xls), CSV files (.csv, .tsv) and folders; a
    folder means every workbook and CSV file in it.
    """
    lang = resolve_lang(lang)
    limits = _limits(ci)
    report = _run("check", paths, announcement, lang, sheet, _layout_name(layout), limits)
    inputs = _inputs(paths, announcement)
    _emit(report, fmt, output, color, inputs, lang=lang, annotate=annotate, limits=limits, **ci)


@cli.command(epilog=EXIT_CODES)
@_output_options
@_ci_options
def validate(
    paths: tuple[str, ...],
    announcement: str | None,
    fmt: str | None,
    output: tuple[str, ...],
    color: bool | None,
    sheet: str | None,
    lang: str | None,
    annotate: Path | None,
    layout: str | None,
    **ci: Any,
) -> None:
    """Check each workbook in PATHS on its own, without reconciling the set.

    The announcement only supplies the years and series a line may have.
    """
    lang = resolve_lang(lang)
    limits = _limits(ci)
    report = _run("validate", paths, announcement, lang, sheet, _layout_name(layout), limits)
    inputs = _inputs(paths, announcement)
    _emit(report, fmt, output, color, inputs, lang=lang, annotate=annotate, limits=limits, **ci)


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
@_lang_option("template")
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
    from pathlib import Path

    from reconcile import pipeline
    from reconcile.output import write_atomic
    from reconcile.template import build_template, template_name

    lang = resolve_lang(lang)
    if every == (ministry is not None):
        raise click.UsageError(tr("tpl-either", lang))
    found = pipeline.find_announcement([], announcement)
    if every:
        if not found.expected:
            raise click.UsageError(tr("tpl-no-contributors", lang))
        if output is not None and output.exists() and not output.is_dir():
            raise click.UsageError(tr("tpl-output-file", lang, path=output))
        targets = [((output or Path()) / template_name(code), code) for code in found.expected]
    else:
        assert ministry is not None
        target = output or Path(template_name(ministry))
        if target.is_dir():  # a folder: the template goes in it under its usual name
            target = target / template_name(ministry)
        targets = [(target, ministry)]
    existing = [path.as_posix() for path, _ in targets if path.exists()]
    if existing and not force:  # it may be a template someone already filled in
        raise click.UsageError(tr("tpl-exists", lang, paths=", ".join(existing)))
    for path, code in targets:
        write_atomic(path, build_template(code, found, lang))
        click.echo(visible(tr("written", lang, path=path.as_posix())), err=True)


DRAFT_EXIT_CODES = """Exit codes: 0 drafted, every choice made; 1 drafted, with choices left open
(listed on standard error); 2 usage error, or a letter that could not be read."""


@cli.group(cls=ReconcileGroup)
def announcement() -> None:
    """Work with announcement files."""


@announcement.command(epilog=DRAFT_EXIT_CODES)
@click.argument("letter", type=PathParam(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=PathParam(dir_okay=False),
    help="Write the announcement to FILE (atomically). Default: standard output.",
)
@click.option("--force", is_flag=True, help="Replace FILE when it already exists.")
@_lang_option("comments and messages")
def draft(letter: Path, output: Path | None, force: bool, lang: str | None) -> None:
    """Draft an announcement TOML from LETTER, a letter to the Tweede Kamer: plain text, a
    PDF with a text layer, or the HTML page of officielebekendmakingen.nl.

    Every amount is quoted with its sentence and place; what the letter leaves open is
    written as a commented choice and listed on standard error.
    """
    from reconcile.letter import draft_announcement, open_messages, render_draft
    from reconcile.output import write_atomic

    lang = resolve_lang(lang)
    if output is not None and output.exists() and not force:
        raise click.UsageError(tr("draft-exists", lang, path=output))
    result = draft_announcement(letter)
    text = render_draft(result, lang)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"), [letter])
        click.echo(tr("written", lang, path=output.as_posix()), err=True)
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


def _list_format(func: Any) -> Any:
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help="text for people, json for scripts (its JSON Schema is in reconcile/data/).",
    )(func)


@cli.command()
@_lang_option("list")
@_list_format
def codes(lang: str | None, fmt: str) -> None:
    """List every finding code with its severity and stage."""
    if fmt == "json":
        from reconcile.report.json import codes_document, write_json

        write_json(codes_document(resolve_lang(lang)), sys.stdout)
        return
    from reconcile.explain import list_codes

    click.echo(list_codes(resolve_lang(lang)), nl=False)


@cli.command()
@click.argument("code")
@_lang_option("explanation")
def explain(code: str, lang: str | None) -> None:
    """Explain finding CODE: what it means, why it matters and how to fix it."""
    from reconcile.explain import explain_code

    click.echo(explain_code(code, resolve_lang(lang)), nl=False)


def _layout_name(name: str | None) -> str | None:
    """The layout's name, checked before any file is read (an unknown name is a usage error)."""
    if name is not None:
        from reconcile.read.layouts import get_layout

        get_layout(name)
    return name


@cli.group(cls=ReconcileGroup, invoke_without_command=True)
@_lang_option("list")
@_list_format
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
    lang = resolve_lang(lang)
    for layout in load_layouts().values():
        click.echo(f"{layout.name}  {layout.title}")
        unit, numbers = layout.unit.label, layout.numbers
        numbers = word(numbers, lang)
        click.echo(tr("layout-facts", lang, unit=unit, numbers=numbers, source=layout.source))
        fields = ", ".join(f"{name}={labels[0]!r}" for name, labels in layout.columns.items())
        click.echo(tr("layout-columns", lang, fields=fields))
        amounts = ", ".join(f"{a.name}={a.labels[0]!r}" for a in layout.amounts)
        click.echo(tr("layout-amounts", lang, fields=amounts))


@layouts.command("draft")
@click.argument("file", type=click.Path())
@click.option("--name", metavar="NAME", help="The layout's name. Default: the file's name.")
@_lang_option("report")
def layouts_draft(file: str, name: str | None, lang: str | None) -> None:
    """Print a starting layout (TOML) for a table whose header no layout knows.

    Each field and amount column is guessed from its label and values, with a comment saying
    why; check the guesses, save it and read the table with --layout FILE.toml.
    """
    from pathlib import Path as FilePath

    from reconcile.codes import render_message
    from reconcile.errors import InputError
    from reconcile.read.draft import draft_layout, first_rows

    lang = resolve_lang(lang)
    path = FilePath(file)
    rows, problem = first_rows(path, file)
    if problem is not None:
        raise InputError("{where}: {problem}", where=file, problem=render_message(problem, lang))
    click.echo(draft_layout(rows, name or path.stem, path.name), nl=False)


@cli.command(epilog=DIFF_EXIT_CODES)
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@_format_options
@_junit_option
@_lang_option("report")
@click.option("--sheet", metavar="NAME", help="Read this sheet of both workbooks.")
@click.option("-l", "--layout", metavar="NAME", help="Read both files with this layout.")
def diff(
    old: str,
    new: str,
    fmt: str | None,
    output: tuple[str, ...],
    color: bool | None,
    junit_xml: str | None,
    lang: str | None,
    sheet: str | None,
    layout: str | None,
) -> None:
    """List the lines added, removed and changed between two versions OLD and NEW of a table.

    The outputs are those of check: a change is annotated at its cell (github) and fails the
    JUnit case of its kind (line-added, line-removed, line-changed).
    """
    from pathlib import Path

    from reconcile.diff import diff_files
    from reconcile.report.diff import DIFF_RENDERERS, render_diff_github_summary

    result = diff_files(old, new, _layout_name(layout), sheet)
    outputs = Outputs(fmt, output, junit_xml, color, resolve_lang(lang), [Path(old), Path(new)])
    _write_outputs(result, DIFF_RENDERERS, render_diff_github_summary, outputs)
    sys.exit(result.exit_code)


def main() -> None:
    try:
        cli(prog_name="reconcile")
    except BrokenPipeError:
        stop_on_closed_output()
