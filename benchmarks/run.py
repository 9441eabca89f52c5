"""Measure reconcile against its baselines, side by side, and print a table of medians and ratios.

Every measurement is a fresh process (so imports count, as they do for a user), timed by the
wall clock, with its peak memory (max RSS) from the operating system. Each comparison runs its
baseline in the same invocation, interleaved, so a busy machine slows both alike.

    python benchmarks/run.py                 # everything: a few minutes on 2 cores
    python benchmarks/run.py --quick         # startup, examples and 100k only
    python benchmarks/run.py --openpyxl      # also the old openpyxl path at 100k (slow)

Inputs are generated once into --data (default benchmarks/.data/, ignored by git).
Linux and macOS only (peak memory comes from wait4).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import ensure_inputs  # noqa: E402

ROOT = HERE.parent
PYTHON = sys.executable


def reconcile_command(python: str) -> list[str]:
    """The ``reconcile`` script beside ``python``, else ``python -m reconcile``."""
    script = Path(python).with_name("reconcile")
    return [str(script)] if script.exists() else [python, "-m", "reconcile"]


RECONCILE = reconcile_command(PYTHON)
DEPENDENCIES = "import click, rich, pandas, pandera.pandas, openpyxl, python_calamine"
CALAMINE_READ = (
    "import sys\n"
    "from python_calamine import CalamineWorkbook\n"
    "book = CalamineWorkbook.from_path(sys.argv[1])\n"
    "cells = [book.get_sheet_by_name(name).to_python() for name in book.sheet_names]\n"
)
CALAMINE = "calamine reads the cells"
# The bar since issue 14: the program a user would write instead (benchmarks/peer.py), pandas
# reading the file and a pandera schema with the same column checks validating it lazily.
PEER = "pandas + pandera (peer.py)"
PEER_SCRIPT = str(HERE / "peer.py")
# The default limits refuse files this large (--max-rows 100,000): the benchmark raises them.
LARGE = [
    "--max-rows",
    "1000000",
    "--max-cells",
    "20000000",
    "--max-unpacked-size",
    "2000",
    "--max-file-size",
    "200",
]
XLSX_TARGET = "<= 1.0x (time, memory)"


# Bytecode is cached (in the data folder) even where PYTHONDONTWRITEBYTECODE is set, as an
# installed copy has it: otherwise every run would compile reconcile's own modules (about
# 0.2 s) while the dependencies, installed by pip, are compiled already. The first of the
# interleaved runs compiles; the medians are of warm runs.
BYTECODE = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": str(HERE / ".data" / "pycache"),
}


@dataclass
class Sample:
    seconds: float
    cpu: float  # user + system CPU seconds: steadier than wall time on a busy machine
    peak_mb: float


def run_once(command: list[str], env: dict[str, str] | None = None) -> Sample:
    """One fresh process: wall time and peak resident memory; stops on an unexpected exit."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**BYTECODE, **(env or {})},
        cwd=ROOT,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode() if process.stderr else ""
    if process.returncode not in (0, 1):  # 1: the report has error findings, still a full run
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}:\n{error}")
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return Sample(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * scale / 1e6)


class Plan(NamedTuple):
    """A measurement to make: ``compare``'s arguments."""

    name: str
    command: list[str]
    baseline: str
    base_command: list[str]
    repeat: int
    target: str = XLSX_TARGET
    env: dict[str, str] | None = None


@dataclass
class Row:
    name: str
    baseline: str
    time: float
    base_time: float
    peak: float
    base_peak: float
    target: str
    cpu: float = 0.0
    base_cpu: float = 0.0

    @property
    def ratio(self) -> float:
        return self.time / self.base_time

    @property
    def cpu_ratio(self) -> float:
        return self.cpu / self.base_cpu if self.base_cpu else 0.0

    @property
    def memory_ratio(self) -> float:
        return self.peak / self.base_peak


def compare(
    name: str,
    command: list[str],
    baseline: str,
    base_command: list[str],
    repeat: int,
    target: str,
    env: dict[str, str] | None = None,
) -> Row:
    """Medians of ``repeat`` interleaved runs of ``command`` and its baseline."""
    mine, theirs = [], []
    run_once(command, env)  # warm-up: bytecode compiled and cached, files in the page cache
    for _ in range(repeat):
        theirs.append(run_once(base_command))
        mine.append(run_once(command, env))
    row = Row(
        name,
        baseline,
        statistics.median(s.seconds for s in mine),
        statistics.median(s.seconds for s in theirs),
        statistics.median(s.peak_mb for s in mine),
        statistics.median(s.peak_mb for s in theirs),
        target,
        statistics.median(s.cpu for s in mine),
        statistics.median(s.cpu for s in theirs),
    )
    print(f"  {name}: {row.time:.3f} s vs {row.base_time:.3f} s", file=sys.stderr)
    return row


def csv_supported() -> bool:
    """Whether this tree reads CSV (reconcile/read/read_cells_csv.py); else CSV rows are skipped."""
    return (ROOT / "reconcile" / "read" / "read_cells_csv.py").exists()


def measure(args: argparse.Namespace) -> list[Row]:
    python = [PYTHON, "-c"]
    rows = [
        compare(
            f"reconcile {flag}",
            [*RECONCILE, flag],
            "python -c pass",
            [*python, "pass"],
            args.repeat * 3,
            "< 0.15 s",
        )
        for flag in ("--help", "--version")
    ]
    rows.append(
        compare(
            "check examples/ai-fabriek",
            [*RECONCILE, "check", "examples/ai-fabriek", "--format", "json"],
            "import of its dependencies",
            [*python, DEPENDENCIES],
            args.repeat * 2,
            "<= 1.3x",
        )
    )
    sizes = args.lines[:1] if args.quick else args.lines
    times: dict[int, Row] = {}
    for lines in sizes:
        xlsx, text = ensure_inputs(args.data, lines)
        label = f"{lines // 1000}k"
        repeat = args.repeat  # (the large ones too: linearity is a difference of their medians)
        commands = ("validate", "check") if lines == sizes[0] else ("validate",)

        def reconcile(command: str, path: Path) -> list[str]:
            return [*RECONCILE, command, str(path), "--format", "json", *LARGE]

        def read_by(script: str, path: Path) -> list[str]:
            return [*python, script, str(path)]

        def peer(path: Path) -> list[str]:
            return [PYTHON, PEER_SCRIPT, str(path)]

        calamine = read_by(CALAMINE_READ, xlsx)
        plans = [
            Plan(f"{c} {label}-line .xlsx", reconcile(c, xlsx), PEER, peer(xlsx), repeat)
            for c in commands
        ]
        if lines == sizes[0]:  # the parse alone, for where the time goes
            name = f"validate {label}-line .xlsx, against calamine's read"
            command = reconcile("validate", xlsx)
            plans.append(Plan(name, command, CALAMINE, calamine, repeat, "(reference)"))
        if args.openpyxl and lines == sizes[0]:
            name = f"validate {label} .xlsx, openpyxl path"
            forced = {"RECONCILE_READER": "openpyxl"}
            command = reconcile("validate", xlsx)
            plans.append(Plan(name, command, CALAMINE, calamine, 1, "(reference)", forced))
        if csv_supported():
            name, command = f"validate {label}-line .csv", reconcile("validate", text)
            plans.append(Plan(name, command, PEER, peer(text), repeat))
        for plan in plans:
            row = compare(*plan)
            rows.append(row)
            if plan.name == f"validate {label}-line .xlsx":
                times[lines] = row
    if len(sizes) > 2:
        rows.append(linearity([(lines, times[lines]) for lines in sizes]))
    return rows


def linearity(runs: list[tuple[int, Row]]) -> Row:
    """Whether the time per line stays the same as files grow: what the last step of lines
    (e.g. 300k to 500k) costs per 100,000 lines, against what the first step (100k to 300k)
    costs. A difference of two runs takes every fixed cost off (starting Python, imports,
    pandera's import hidden behind calamine's parse in a large run but not in a small one),
    so no fixed cost has to be guessed."""
    (a, first), (b, middle), (c, last) = runs[0], runs[-2], runs[-1]

    def per_100k(measure: str, low: tuple[int, Row], high: tuple[int, Row]) -> float:
        (n, small), (m, large) = low, high
        return (getattr(large, measure) - getattr(small, measure)) / (m - n) * 100_000

    late, early = ((b, middle), (c, last)), ((a, first), (b, middle))
    return Row(
        f"validate: time per 100k lines from {b // 1000}k to {c // 1000}k",
        f"the same from {a // 1000}k to {b // 1000}k",
        per_100k("time", *late),
        per_100k("time", *early),
        per_100k("peak", *late),
        per_100k("peak", *early),
        "<= 1.10x (linear)",
        per_100k("cpu", *late),
        per_100k("cpu", *early),
    )


def table(rows: list[Row]) -> str:
    header = (
        "| measurement | median s | baseline | baseline s | time ratio | CPU ratio "
        "| peak MB | baseline MB | memory ratio | target |"
    )
    lines = [header, "|" + "---|" * 10]
    for r in rows:
        lines.append(
            f"| {r.name} | {r.time:.3f} | {r.baseline} | {r.base_time:.3f} | {r.ratio:.2f}x "
            f"| {r.cpu_ratio:.2f}x | {r.peak:.0f} | {r.base_peak:.0f} | {r.memory_ratio:.2f}x "
            f"| {r.target} |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = ""
    if hasattr(os, "getloadavg"):
        load = ", load average " + " ".join(f"{value:.2f}" for value in os.getloadavg())
    return f"{os.cpu_count()} cores ({cpu}), Python {sys.version.split()[0]}{load}"


def user_install(data: Path) -> str:
    """The Python of a virtual environment holding reconcile as a user installs it: ``pip
    install .``, not editable and without the test extras (which bring hypothesis, that
    pandera then imports on its first validation). Made once in ``data``; reconcile itself is
    installed again at every run, so the code measured is the code checked out."""
    venv = data / "user-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], check=True)
    again = ["install", "-q", "--force-reinstall", "--no-deps", str(ROOT)]
    subprocess.run([str(python), "-m", "pip", *again], check=True)
    return str(python)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE / ".data", help="input folder")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument(
        "--lines",
        type=int,
        nargs="+",
        default=[100_000, 300_000, 500_000],
        help="input sizes, small first (three or more: the last two steps show linearity)",
    )
    parser.add_argument("--quick", action="store_true", help="only the first (smallest) size")
    parser.add_argument("--openpyxl", action="store_true", help="also time the openpyxl path")
    parser.add_argument(
        "--installed",
        action="store_true",
        help="measure reconcile installed as a user installs it (pip install ., in a venv "
        "made in --data), not the editable development install running this script",
    )
    args = parser.parse_args()
    if args.installed:
        global PYTHON, RECONCILE
        PYTHON = user_install(args.data)
        RECONCILE = reconcile_command(PYTHON)
    print(f"Machine: {machine()}", file=sys.stderr)
    rows = measure(args)
    install = "pip install . (--installed)" if args.installed else "this environment's"
    print(f"Machine: {machine()}; reconcile: {install}")
    if not csv_supported():
        print("CSV: not measured, reconcile/read/read_cells_csv.py is not on this branch yet.")
    print(table(rows))


if __name__ == "__main__":
    main()
