"""``reconcile check`` and ``reconcile validate``: run the pipeline on the inputs, apply the
CI policy, write the outputs, exit with the report's code."""

from __future__ import annotations

import sys
from typing import Any, NoReturn

import click

from reconcile.cli.options import ci_options, layout_name, output_options, take_limits
from reconcile.cli.root import EXIT_CODES, cli
from reconcile.i18n import resolve_lang
from reconcile.limits import DEFAULT_LIMITS, Limits


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


def _check_or_validate(command: str, options: dict[str, Any]) -> NoReturn:
    """Run ``command`` with the options click parsed, write its outputs, exit with its code."""
    from reconcile.policy import apply_policy
    from reconcile.report.route import Outputs, check_outputs, write_report_outputs

    lang = resolve_lang(options["lang"])
    limits = take_limits(options)
    layout = layout_name(options["layout"])  # an unknown name stops the run before any read
    asked = Outputs(options["fmt"], options["output"], options["junit_xml"], options["color"], lang)
    check_outputs(asked)  # as soon: not after reading every file
    report = _run(
        command, options["paths"], options["announcement"], lang, options["sheet"], layout, limits
    )
    report = apply_policy(report, options["severity"], options["fail_on"])
    write_report_outputs(report, asked, annotate=options["annotate"], limits=limits, err=sys.stderr)
    sys.exit(report.exit_code)


@cli.command(epilog=EXIT_CODES)
@output_options
@ci_options
def check(**options: Any) -> None:
    """Reconcile the ministries' workbooks in PATHS with the announcement.

    PATHS are workbooks (.xlsx, .xlsm, .ods, .xls), CSV files (.csv, .tsv) and folders; a
    folder means every workbook and CSV file in it.
    """
    _check_or_validate("check", options)


@cli.command(epilog=EXIT_CODES)
@output_options
@ci_options
def validate(**options: Any) -> None:
    """Check each workbook in PATHS on its own, without reconciling the set.

    The announcement only supplies the years and series a line may have.
    """
    _check_or_validate("validate", options)
