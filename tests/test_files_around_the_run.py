"""Files around the run: odd names, links, pipes and devices, and signals while writing.

Each case is built in the test: a backslash in an input's name, a symlink loop beside honest
inputs, an input named like the summary workbook, an input swapped for a FIFO or a sparse file
after it was checked, -o naming a FIFO or a device, and SIGTERM while a report is written.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import reconcile.report.annotate as annotate
from reconcile.cli import cli
from reconcile.report.output import write_atomic
from tests.builders import write_workbook

ROWS = [
    ["Ministerie van Economische Zaken"],
    ["(bedragen x € 1.000)"],
    [],
    ["Hoofdstuk", "Artikel", "Omschrijving", "V/U/O", "Jaar", "Bedrag"],
    ["XIII", 2, "AI-fabriek", "U", 2025, 5100],
    ["XIII", 2, "AI-fabriek", "U", 2026, "PM"],  # a finding, so the copy has a mark
]
BUILT_IN = Path(__file__).resolve().parent.parent / "reconcile" / "data" / "ai-fabriek.toml"


def _workbook(path: Path) -> Path:
    return write_workbook(path, {"Reservering": ROWS})


def test_a_backslash_in_a_file_name_is_annotated_from_that_file(tmp_path: Path) -> None:
    source = _workbook(tmp_path / "EZ\\2025.xlsx")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["validate", "--annotate", str(out), str(source)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert [p.name for p in out.iterdir()] == ["2025.xlsx"]  # the stem as reports show it


def test_a_symlink_loop_among_the_inputs_does_not_stop_the_others(tmp_path: Path) -> None:
    good = _workbook(tmp_path / "EZ.xlsx")
    (tmp_path / "loop1.xlsx").symlink_to(tmp_path / "loop2.xlsx")
    (tmp_path / "loop2.xlsx").symlink_to(tmp_path / "loop1.xlsx")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        [
            "validate",
            "--format",
            "json",
            "--annotate",
            str(out),
            str(good),
            str(tmp_path / "loop1.xlsx"),
        ],
    )
    assert result.exit_code == 2, result.output
    assert '"code": "file-unreadable"' in result.stdout
    assert '"code": "amount-not-a-number"' in result.stdout  # EZ.xlsx was read
    assert [p.name for p in out.iterdir()] == ["EZ.xlsx"]


@pytest.mark.parametrize("name", ["a" * 300 + ".xlsx", "a" * 300 + "/", "d/" * 2100 + "EZ.xlsx"])
def test_a_path_too_long_for_the_system_is_unreadable_and_the_others_are_read(
    tmp_path: Path, name: str
) -> None:
    # A name longer than 255 bytes, or a path longer than 4,096, makes the system refuse
    # to look it up at all (ENAMETOOLONG): it stopped the run as "an unexpected problem".
    good = _workbook(tmp_path / "EZ.xlsx")
    for command in ("check", "validate"):
        result = CliRunner().invoke(cli, [command, "--format", "json", str(good), name])
        assert result.exit_code == 2, result.output
        assert "unexpected problem" not in result.output
        assert '"code": "file-unreadable"' in result.stdout
        assert '"code": "amount-not-a-number"' in result.stdout  # EZ.xlsx was read


def test_a_folder_that_may_not_be_listed_is_unreadable_and_the_others_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As root (CI) every folder may be listed, so the refusal is the system's, handed in.
    good = _workbook(tmp_path / "EZ.xlsx")
    closed = tmp_path / "closed"
    closed.mkdir()
    _workbook(closed / "BZK.xlsx")
    listing = Path.iterdir

    def iterdir(path: Path) -> Any:
        if path == closed:
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    result = CliRunner().invoke(cli, ["validate", "--lang", "nl", str(good), str(closed)])
    assert result.exit_code == 2, result.output
    assert "de map kan niet worden gelezen (geen toegang)" in result.stdout
    assert "amount-not-a-number" in result.stdout  # EZ.xlsx was read


@pytest.mark.parametrize(("lang", "summary"), [("en", "summary.xlsx"), ("nl", "overzicht.xlsx")])
def test_an_input_named_like_the_summary_keeps_its_annotated_copy(
    tmp_path: Path, lang: str, summary: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _workbook(folder / summary.upper())
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["check", "--lang", lang, "--annotate", str(out), str(folder)])
    assert result.exit_code == 1, result.output
    stem = summary.upper().removesuffix(".XLSX")
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{stem}-2.xlsx", summary])


def _swap_after_reading(monkeypatch: pytest.MonkeyPatch, path: Path, swap: object) -> None:
    """Replace ``path`` by ``swap(path)`` once every input is read, before --annotate reads."""
    original = annotate.write_annotations

    def swapped(*args: object, **kwargs: object) -> object:
        path.unlink()
        swap(path)  # type: ignore[operator]
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(annotate, "write_annotations", swapped)


@pytest.mark.parametrize("swap", ["fifo", "sparse", "other-workbook"])
def test_an_input_swapped_during_the_run_is_not_annotated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, swap: str
) -> None:
    source = _workbook(tmp_path / "EZ.xlsx")

    def fifo(path: Path) -> None:
        os.mkfifo(path)  # a read would wait for a writer forever

    def sparse(path: Path) -> None:
        with path.open("wb") as handle:
            handle.truncate(8 * 1024**3)  # 8 GB of nothing, taking no disk

    def other(path: Path) -> None:
        write_workbook(path, {"Reservering": [*ROWS, ["XIII", 2, "x", "U", 2027, 1]]})

    _swap_after_reading(
        monkeypatch, source, {"fifo": fifo, "sparse": sparse, "other-workbook": other}[swap]
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["validate", "--annotate", str(out), str(source)])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Not annotated (the file could not be read): ")
    assert not out.exists() or list(out.iterdir()) == []


def test_output_into_a_fifo_is_written_into_it_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, b"report\n")
    reader.join(timeout=10)
    assert received == [b"report\n"]
    assert fifo.is_fifo()


def test_output_into_a_device_is_written_into_it_not_replaced() -> None:
    write_atomic(Path("/dev/null"), b"report\n")
    assert Path("/dev/null").is_char_device()


def test_sigterm_while_a_report_is_written_leaves_no_temporary_file(tmp_path: Path) -> None:
    # A child stops inside the write (its temporary file made, not yet renamed) and is sent
    # SIGTERM there: the temporary file must be gone when it has ended, the target never made.
    target = tmp_path / "report.json"
    script = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "import reconcile.report.output as output\n"
        "def stuck(fd, *args, **kwargs):\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        "os.fdopen = stuck\n"
        "output.write_atomic(Path(sys.argv[1]), b'{}')\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE, text=True
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline() == "writing\n"
        assert len(list(tmp_path.glob(".report.json.*.tmp"))) == 1
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=30) == 128 + signal.SIGTERM
    assert list(tmp_path.glob(".report.json.*.tmp")) == []
    assert not target.exists()


def test_annotate_refuses_a_workbook_above_its_own_budget_and_says_how_to_raise_it(
    tmp_path: Path,
) -> None:
    rows = [*ROWS, *(["XIII", 2, f"regel {n}", "U", 2025, n] for n in range(200))]
    source = write_workbook(tmp_path / "EZ.xlsx", {"Reservering": rows})
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    args = ["validate", "--annotate", str(out), "-o", str(report), str(source)]
    result = CliRunner().invoke(cli, [*args, "--max-annotate-cells", "1000"])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Not annotated (it holds more cells, rows, styles and texts")
    assert "raise it to annotate this file" in result.stderr
    assert report.exists()  # the report is written all the same
    assert not out.exists() or list(out.iterdir()) == []
    # within the budget, the same file is annotated
    result = CliRunner().invoke(cli, [*args, "--max-annotate-cells", "5000"])
    assert [p.name for p in out.iterdir()] == ["EZ.xlsx"]


def test_the_report_names_every_file_it_read_as_found_on_disk(tmp_path: Path) -> None:
    """The files outputs must never replace come from the run itself, not a second listing."""
    from reconcile import pipeline

    folder = tmp_path / "set"
    folder.mkdir()
    _workbook(folder / "EZ.xlsx")
    _workbook(folder / "~$EZ.xlsx")  # Excel's lock file: not read, not an input
    (folder / "notes.txt").write_text("not a table")
    other = _workbook(tmp_path / "OCW.xlsx")
    letter = tmp_path / "letter.toml"
    letter.write_bytes(BUILT_IN.read_bytes())
    paths = [str(folder), str(other)]
    report = pipeline.check(paths, pipeline.find_announcement(paths, str(letter)))
    assert report.inputs == (
        other,  # the tables in name order: .../OCW.xlsx before .../set/EZ.xlsx
        folder / "EZ.xlsx",
        folder / "announcement.toml",  # looked for, though --announcement named another
        letter,
    )


def test_the_diff_names_both_files_it_read(tmp_path: Path) -> None:
    from reconcile.diff import diff_files

    old, new = _workbook(tmp_path / "old.xlsx"), _workbook(tmp_path / "new.xlsx")
    assert diff_files(str(old), str(new)).inputs == (old, new)


def test_no_output_replaces_an_announcement_or_a_workbook_read_from_a_folder(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "set"
    folder.mkdir()
    book = _workbook(folder / "EZ.xlsx")
    announcement = folder / "announcement.toml"
    announcement.write_bytes(BUILT_IN.read_bytes())
    before = book.read_bytes(), announcement.read_bytes()
    for target in (book, announcement):
        result = CliRunner().invoke(cli, ["check", str(folder), "-o", f"json:{target}"])
        assert result.exit_code == 2
        assert "it is one of the input files" in result.output
    assert (book.read_bytes(), announcement.read_bytes()) == before
