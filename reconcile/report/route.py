"""Where a run's result goes: each --output file, standard output unless a file took its
place, the GitHub job summary, and --annotate's copies; the renderers come from the format
list (reconcile.report.formats).

A Report and a Diff carry the files they read (``inputs``): no output is written over one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

from reconcile.errors import InputError
from reconcile.i18n import tr
from reconcile.limits import DEFAULT_LIMITS, Limits
from reconcile.model import Phrase
from reconcile.report import GITHUB_SUMMARY_LIMIT, RenderOptions
from reconcile.report.formats import BY_NAME, DIFF_RENDERERS, RENDERERS, AnyRenderer, lazy
from reconcile.report.output import output_target, resolved, write_report
from reconcile.safety import visible

if TYPE_CHECKING:
    from reconcile.diff import Diff
    from reconcile.report.record import Report


class Result(Protocol):
    """What is routed: a Report or a Diff."""

    @property
    def inputs(self) -> tuple[Path, ...]: ...


@dataclass(frozen=True)
class Outputs:
    """Where a command's report goes: the --format, --output, --junit-xml and --color asked for."""

    fmt: str | None
    output: tuple[str, ...]
    junit_xml: str | None
    color: bool | None
    lang: str


def write_report_outputs(
    report: Report,
    outputs: Outputs,
    *,
    annotate: Path | None = None,
    limits: Limits = DEFAULT_LIMITS,
    err: TextIO | None = None,
) -> None:
    """Write a check's or validate's report everywhere ``outputs`` asks, after the annotated
    copies when ``annotate`` names a folder (what they wrote is said on ``err``)."""
    if annotate is not None:
        _annotate(report, annotate, outputs.lang, limits, err or sys.stderr)
    summaries = {fmt.name: lazy(fmt.summary) for fmt in BY_NAME.values() if fmt.summary}
    _write_outputs(report, RENDERERS, summaries, outputs)


def write_diff_outputs(diff: Diff, outputs: Outputs) -> None:
    """Write a diff everywhere ``outputs`` asks; a format that cannot show a diff stops the
    run before anything is written, with the reason the format list gives."""
    for name in dict.fromkeys([_stdout_format(outputs), *(fmt for fmt, _ in _targets(outputs))]):
        if name not in DIFF_RENDERERS:
            problem = Phrase(BY_NAME[name].not_for_diff)  # worded in the run's language
            raise InputError("{where}: {problem}", where=f"diff --format {name}", problem=problem)
    summaries = {fmt.name: lazy(fmt.diff_summary) for fmt in BY_NAME.values() if fmt.diff_summary}
    _write_outputs(diff, DIFF_RENDERERS, summaries, outputs)


def _stdout_format(outputs: Outputs) -> str:
    """--format, else github under GitHub Actions, else text."""
    return outputs.fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")


def _targets(outputs: Outputs) -> list[tuple[str, Path]]:
    """The files asked for, each with its format: --output's and --junit-xml's.

    Two formats asked into one file (``-o r.json --junit-xml r.json``) are a usage error:
    the second written replaced the first, and a CI step read JUnit XML as its JSON report.
    """
    junit = [f"junit:{outputs.junit_xml}"] if outputs.junit_xml else []
    targets = [output_target(item, _stdout_format(outputs)) for item in (*outputs.output, *junit)]
    formats: dict[Path, str] = {}
    for fmt, path in targets:
        other = formats.setdefault(resolved(path), fmt)
        if other != fmt:
            raise InputError(
                "two reports are asked into {path}, {first} and {second}: give each its own file",
                path=path,
                first=other,
                second=fmt,
            )
    return targets


def check_outputs(outputs: Outputs) -> None:
    """Stop on outputs that cannot all be written, before the run reads its inputs."""
    _targets(outputs)


def _write_outputs(
    result: Result,
    renderers: Mapping[str, AnyRenderer],
    summaries: Mapping[str, AnyRenderer],
    outputs: Outputs,
) -> None:
    """Render ``result`` to every file asked for, to standard output unless a file in the
    --format took its place, and under GitHub Actions to the job summary."""
    fmt = _stdout_format(outputs)
    targets = _targets(outputs)
    # annotations and Code Quality rows name files as the repository does
    workspace = os.environ.get("GITHUB_WORKSPACE") or os.environ.get("CI_PROJECT_DIR")
    to_file = RenderOptions(color=False, lang=outputs.lang, workspace=workspace)
    for out_fmt, path in targets:
        write_report(path, renderers[out_fmt], result, to_file, result.inputs)
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt in summaries and step_summary:
        # the step's summary may hold what earlier commands wrote: GitHub's limit is for all
        written = Path(step_summary).stat().st_size if Path(step_summary).is_file() else 0
        to_summary = replace(to_file, room=max(GITHUB_SUMMARY_LIMIT - written, 0))
        write_report(
            Path(step_summary), summaries[fmt], result, to_summary, result.inputs, append=True
        )
    # standard output last: it ends with the exit code, which a failed write above changes
    if all(out_fmt != fmt for out_fmt, _ in targets):  # else it went to a file instead
        to_terminal = RenderOptions(color=outputs.color, lang=outputs.lang, workspace=workspace)
        renderers[fmt](result, sys.stdout, to_terminal)


def _annotate(report: Report, directory: Path, lang: str, limits: Limits, err: TextIO) -> None:
    from reconcile.report.annotate import write_annotations

    written = write_annotations(report, directory, lang, report.inputs, limits)
    lines = [tr(why, lang, path=skipped) for skipped, why in written.skipped]
    lines += [tr("written", lang, path=path.as_posix()) for path in written.files]
    for line in lines:  # a file's name may hold anything: shown, never obeyed
        err.write(visible(line) + "\n")
        err.flush()


__all__ = ["Outputs", "check_outputs", "write_diff_outputs", "write_report_outputs"]
