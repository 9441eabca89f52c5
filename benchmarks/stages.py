"""Where the time of a validate goes, stage by stage, beside the peer's stages, in process.

    python benchmarks/stages.py                       # the 100k workbook, five runs
    python benchmarks/stages.py FILE.csv --repeat 7

Each stage is timed by the clock around its function (medians of --repeat runs, after one
to warm up), with the imports done before the first: run.py measures whole processes, this
shows which stage a difference is in. cProfile is no help for that: it adds about a
microsecond to every call, so a stage that calls a function per row reads several times
slower under it than it runs (finding the 100k workbook's end: 0.8 s profiled, 0.15 s
timed). A stage runs inside the one listed above it; "reconcile validate" is the whole
command (its report rendered too), "peer" the whole of peer.py's work.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import peer  # noqa: E402
from generate import ensure_inputs  # noqa: E402
from run import LARGE  # noqa: E402

import reconcile.pipeline  # noqa: E402
import reconcile.read  # noqa: E402
import reconcile.read.make_layout_lines  # noqa: E402
import reconcile.read.make_lines  # noqa: E402
import reconcile.validate  # noqa: E402
from reconcile.cli.root import cli  # noqa: E402

# (module, function, what it does), in the order they run; each is looked up where it is
# called from, so that is where the timed one is put.
STAGES = [
    (reconcile.pipeline, "read_file", "read: the whole stage"),
    (reconcile.read, "run_preflight", "  bytes checked (pre-flight)"),
    (reconcile.read, "load_workbook", "  cells read (calamine)"),
    (reconcile.read.make_layout_lines, "read_csv_file", "  CSV read by its layout"),
    (reconcile.read, "read_table", "  lines made"),
    (reconcile.read.make_lines, "find_extent", "    the table's end and totals rows"),
    (reconcile.pipeline, "validate_table", "validate: the whole stage"),
    (reconcile.pipeline, "validate_layout_table", "validate: a layout's table"),
    (reconcile.validate, "_columns", "  the frame's columns, normalised"),
    (reconcile.validate, "run_schema", "  pandera"),
    (reconcile.validate, "_budget_lines", "  the budget lines made"),
]

Times = dict[str, float]


def timed(function: Callable[..., Any], label: str, times: Times) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            times[label] += time.perf_counter() - start

    return run


def reconcile_once(path: Path, times: Times) -> None:
    args = ["validate", str(path), "--format", "json", *LARGE]
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
        cli(args, prog_name="reconcile", standalone_mode=False)  # (it exits with the report's code)
    times["reconcile validate"] = time.perf_counter() - start


def peer_once(path: Path, times: Times) -> None:
    start = time.perf_counter()
    frame, schema = peer.read(str(path))
    read = time.perf_counter()
    peer.validate(frame, schema)
    times["peer"] = time.perf_counter() - start
    times["  pandas reads the file"] = read - start
    times["  pandera"] = time.perf_counter() - read


def medians(run: Callable[[Path, Times], None], path: Path, repeat: int) -> Times:
    samples: list[Times] = []
    originals = [(module, name, getattr(module, name)) for module, name, _ in STAGES]
    for number in range(repeat + 1):  # the first warms up
        times: Times = defaultdict(float)
        for (module, name, function), (_, _, label) in zip(originals, STAGES, strict=True):
            setattr(module, name, timed(function, label, times))
        try:
            run(path, times)
        finally:
            for module, name, function in originals:
                setattr(module, name, function)
        if number:
            samples.append(times)
    return {label: statistics.median(s[label] for s in samples) for label in samples[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, nargs="?", help="input (default: the 100k workbook)")
    parser.add_argument("--repeat", type=int, default=5, help="runs (medians)")
    args = parser.parse_args()
    if args.file is None:
        args.file, _ = ensure_inputs(HERE / ".data", 100_000)
    rows = medians(reconcile_once, args.file, args.repeat)
    order = [label for _, _, label in STAGES]
    print(f"{'reconcile validate':44} {rows.pop('reconcile validate'):7.3f} s")
    for label in sorted(rows, key=order.index):
        print(f"{label:44} {rows[label]:7.3f} s")
    for label, seconds in medians(peer_once, args.file, args.repeat).items():
        print(f"{label:44} {seconds:7.3f} s")


if __name__ == "__main__":
    main()
