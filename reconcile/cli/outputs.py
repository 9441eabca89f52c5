"""Where a command's report goes: files, standard output and the GitHub job summary."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

if TYPE_CHECKING:
    from pathlib import Path

R = TypeVar("R")  # what a command reports: a Report, a Diff


@dataclass(frozen=True)
class Outputs:
    """Where a command's report goes: the --format, --output, --junit-xml and --color asked for."""

    fmt: str | None
    output: tuple[str, ...]
    junit_xml: str | None
    color: bool | None
    lang: str
    inputs: list[Path]  # never written over


def write_outputs(
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
