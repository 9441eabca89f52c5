"""``reconcile check`` and ``reconcile validate``: run the pipeline on the inputs, apply the
CI policy, write the outputs, exit with the report's code."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from reconcile.cli.options import ci_options, layout_name, output_options, take_limits
from reconcile.cli.outputs import Outputs, write_outputs
from reconcile.cli.root import EXIT_CODES, cli
from reconcile.i18n import resolve_lang, tr
from reconcile.limits import DEFAULT_LIMITS, Limits
from reconcile.safety import visible

if TYPE_CHECKING:  # pathlib loads when a command runs: --help and --version never need it
    from pathlib import Path


def _inputs(paths: tuple[str, ...], announcement: str | None) -> list[Path]:
    """Every file the run read: no output may be written over one of them."""
    from pathlib import Path

    from reconcile.pipeline import ANNOUNCEMENT_FILE, collect_inputs

    files = [item.path for item in collect_inputs(list(paths))]
    files += [Path(p) / ANNOUNCEMENT_FILE for p in paths if Path(p).is_dir()]
    return files + ([Path(announcement)] if announcement else [])


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
    write_outputs(report, RENDERERS, github_summary, outputs)
    sys.exit(report.exit_code)


def _annotate(report: Any, directory: Path, lang: str, inputs: list[Path], limits: Limits) -> None:
    from reconcile.report.annotate import write_annotations

    written = write_annotations(report, directory, lang, inputs, limits)
    for skipped, why in written.skipped:
        click.echo(visible(tr(why, lang, path=skipped)), err=True)
    for path in written.files:
        click.echo(visible(tr("written", lang, path=path.as_posix())), err=True)


@cli.command(epilog=EXIT_CODES)
@output_options
@ci_options
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
    limits = take_limits(ci)
    report = _run("check", paths, announcement, lang, sheet, layout_name(layout), limits)
    inputs = _inputs(paths, announcement)
    _emit(report, fmt, output, color, inputs, lang=lang, annotate=annotate, limits=limits, **ci)


@cli.command(epilog=EXIT_CODES)
@output_options
@ci_options
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
    limits = take_limits(ci)
    report = _run("validate", paths, announcement, lang, sheet, layout_name(layout), limits)
    inputs = _inputs(paths, announcement)
    _emit(report, fmt, output, color, inputs, lang=lang, annotate=annotate, limits=limits, **ci)
