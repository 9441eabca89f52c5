"""Heavy modules load only when a command needs them (benchmarks/ has the timings, not tests).

Each case runs in a fresh interpreter, because an import in this test process would hide one.
"""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile import __version__
from reconcile.cli import cli

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ["numpy", "openpyxl", "pandas", "pandera", "python_calamine", "rich"]

PROBE = """
import json, sys
from reconcile.cli import cli
try:
    cli(sys.argv[1:], prog_name="reconcile")
except SystemExit:
    pass
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})), file=sys.stderr)
"""


def _modules_after(*command: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    loaded: list[str] = json.loads(result.stderr.strip().splitlines()[-1])
    return set(loaded)


@pytest.mark.parametrize(
    "command",
    [["--help"], ["--version"], ["check", "--help"], ["validate", "--help"]],
    ids=["help", "version", "check-help", "validate-help"],
)
def test_help_and_version_import_nothing_heavy(command: list[str]) -> None:
    assert _modules_after(*command) & set(HEAVY) == set()


SCRIPT = """
import json, sys
from reconcile.__main__ import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})), file=sys.stderr)
"""


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_alone_is_answered_before_click_loads(flag: str) -> None:
    """The script's own answer: the same line click gives, with click never imported."""
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, flag], cwd=ROOT, capture_output=True, text=True, check=True
    )
    loaded = set(json.loads(result.stderr.strip().splitlines()[-1]))
    assert "click" not in loaded
    assert result.stdout == CliRunner().invoke(cli, [flag]).output == f"reconcile {__version__}\n"


def test_version_into_a_closed_pipe_ends_quietly() -> None:
    """The script's own answer stops as the command line does when its reader went away."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody reads: the write fails with a broken pipe
    try:
        result = subprocess.run(
            [sys.executable, "-m", "reconcile", "--version"],
            cwd=ROOT,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 1
    assert result.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "args",
    [
        ["check", "examples/ai-fabriek"],
        ["check", "examples/ai-fabriek", "-f", "json", "--lang", "nl"],
        ["diff", "examples/ai-fabriek/EZ.xlsx", "examples/ai-fabriek-with-errors/EZ.xlsx"],
        ["codes"],
        ["--help"],
        ["--version"],
    ],
)
def test_standard_output_on_a_full_disk_is_one_clear_error(args: list[str]) -> None:
    """`reconcile check budgets/ > report.txt` with the disk full: it stopped on "an
    unexpected problem" to report as a bug (--version with a traceback, exit 1)."""
    with Path("/dev/full").open("w") as full:  # every write fails: no space left on device
        result = subprocess.run(
            [sys.executable, "-m", "reconcile", *args],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 2
    said = (
        "Fout: kan niet naar de standaarduitvoer schrijven"
        if "nl" in args
        else ("Error: cannot write to standard output")
    )
    reason = "de schijf is vol" if "nl" in args else "the disk is full"
    assert result.stderr == f"{said}: {reason}\n"  # not the system's English in Dutch


def test_every_reason_the_system_gives_is_worded_in_each_language() -> None:
    """The operating system's reasons (strerror) are English whatever the reader's language:
    each one reconcile words is a catalogue text, translated."""
    from reconcile.errors import OS_REASONS, os_reason
    from reconcile.i18n import WORDS, gettext

    assert set(OS_REASONS.values()) <= WORDS
    for reason in set(OS_REASONS.values()):
        assert gettext(reason, "nl") != reason
    assert os_reason(OSError(errno.EROFS, "Read-only file system")) == "the disk is read-only"
    assert os_reason(OSError(errno.ELOOP, "Too many levels")) == "Too many levels"


def test_version_among_other_arguments_goes_to_click() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, "--debug", "--version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "click" in json.loads(result.stderr.strip().splitlines()[-1])
    assert result.stdout == f"reconcile {__version__}\n"


def test_help_through_the_script_is_the_command_lines_help() -> None:
    def help_text(*python: str) -> str:
        run = subprocess.run([sys.executable, *python, "--help"], cwd=ROOT, capture_output=True)
        return run.stdout.decode()

    through_cli = help_text(
        "-c", "import sys; sys.argv[0] = 'reconcile'; from reconcile.cli import main; main()"
    )
    assert help_text("-m", "reconcile") == through_cli
    assert through_cli.startswith("Usage: reconcile [OPTIONS] COMMAND")


OPENS = """
import sys
import openpyxl
from reconcile.cli import cli

opened = []
load_workbook = openpyxl.load_workbook


def counting(*args, **kwargs):
    opened.append(1)
    return load_workbook(*args, **kwargs)


openpyxl.load_workbook = counting
try:
    cli(sys.argv[1:], prog_name="reconcile")
except SystemExit:
    pass
print(len(opened), file=sys.stderr)
"""


def test_a_check_of_saved_workbooks_never_opens_one_with_openpyxl() -> None:
    """Values come from calamine; openpyxl opens a workbook only for formulas without a result.

    (The OPENS probe imports openpyxl itself to count; see the next test for the import.)
    """
    result = subprocess.run(
        [sys.executable, "-c", OPENS, "check", "examples/ai-fabriek", "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stderr.strip().splitlines()[-1] == "0"
    assert '"exit_code": 0' in result.stdout


def test_a_check_of_saved_workbooks_never_imports_openpyxl() -> None:
    """The startup guard predicts openpyxl's XML parser without importing it (reconcile.guard)."""
    loaded = _modules_after("check", "examples/ai-fabriek", "--format", "json")
    assert "python_calamine" in loaded
    assert "openpyxl" not in loaded


def test_a_json_report_does_not_import_rich() -> None:
    """rich draws the text report and the GitHub summary; JSON needs neither."""
    assert "rich" not in _modules_after("check", "examples/ai-fabriek", "--format", "json")
    assert "rich" in _modules_after("check", "examples/ai-fabriek", "--format", "text")


@pytest.mark.parametrize("fmt", ["github", "html"])
def test_renderers_share_their_sentences_without_the_terminal_s_rich(fmt: str) -> None:
    """The verdict and the counts come from reconcile.report.wording, not the text renderer."""
    assert "rich" not in _modules_after("check", "examples/ai-fabriek", "--format", fmt)


@pytest.mark.parametrize("fmt", ["json", "junit", "gitlab", "github", "html"])
def test_a_diff_in_a_format_without_rich_loads_no_rich(fmt: str) -> None:
    """Each format renders a diff in its own module, loaded on use: only text needs rich."""
    old, new = "examples/ai-fabriek/EZ.xlsx", "examples/ai-fabriek-with-errors/EZ.xlsx"
    loaded = _modules_after("diff", old, new, "--format", fmt)
    assert "python_calamine" in loaded  # the workbooks were read
    assert "rich" not in loaded
    assert "rich" in _modules_after("diff", old, new, "--format", "text")


PRELOAD = """
import sys, threading
from reconcile.validate import schema

assert "pandas" not in sys.modules
schema.preload()
schema.preload()  # once per process: a second call starts nothing
threads = [t for t in threading.enumerate() if t.name == "preload-pandera"]
print(len(threads), file=sys.stderr)
threads[0].join()
print("pandas" in sys.modules and "pandera.pandas" in sys.modules, file=sys.stderr)
"""


def test_preload_imports_pandera_once_in_the_background() -> None:
    """A workbook's read overlaps pandera's import (calamine parses without the GIL)."""
    result = subprocess.run(
        [sys.executable, "-c", PRELOAD], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.stderr.strip().splitlines()[-2:] == ["1", "True"], result.stderr


def test_a_failed_preload_is_left_to_the_import_validation_makes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reconcile.validate import schema

    def broken(name: str) -> None:
        raise ImportError(f"no {name}")

    monkeypatch.setattr(schema.importlib, "import_module", broken)
    schema._load_quietly()  # says nothing and raises nothing: the thread just ends


def test_preload_starts_nothing_once_pandera_is_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    import pandera.pandas  # noqa: F401

    from reconcile.validate import schema

    monkeypatch.setattr(schema, "_preloading", None)
    schema.preload()
    assert schema._preloading is None


RACE = """
import sys, threading
from reconcile.validate import schema

sys.setswitchinterval(1e-6)
started = []
real = threading.Thread.start


def counting(self):
    if self.name == "preload-pandera":
        started.append(self)
    real(self)


threading.Thread.start = counting
barrier = threading.Barrier(8)


def go():
    barrier.wait()
    schema.preload()


callers = [threading.Thread(target=go) for _ in range(8)]
for caller in callers:
    caller.start()
for caller in callers:
    caller.join()
schema.wait_for_preload()
print(len(started), file=sys.stderr)
"""


def test_two_pipelines_in_two_threads_start_one_preload_between_them() -> None:
    result = subprocess.run(
        [sys.executable, "-c", RACE], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.stderr.strip().splitlines()[-1] == "1", result.stderr


class _FullDisk(io.StringIO):
    """Standard output on a full disk: every write fails, and it has no file behind it."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "Error: cannot write to standard output"),
        ("nl", "Fout: kan niet naar de standaarduitvoer schrijven"),
    ],
)
def test_version_on_a_full_disk_is_worded_without_running_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], language: str, said: str
) -> None:
    # It ran the whole command line again (on sys.argv, whatever it held) to word the error.
    import reconcile.cli
    from reconcile import __main__

    def run_again() -> None:
        raise AssertionError("the command line ran again")

    monkeypatch.setattr(reconcile.cli, "main", run_again)
    monkeypatch.setenv("LANGUAGE", language)
    monkeypatch.setattr(sys, "argv", ["reconcile", "--version"])
    monkeypatch.setattr(sys, "stdout", _FullDisk())
    with pytest.raises(SystemExit) as stopped:
        __main__.main()
    assert stopped.value.code == 2
    reason = "de schijf is vol" if language == "nl" else "the disk is full"
    assert capsys.readouterr().err == f"{said}: {reason}\n"
