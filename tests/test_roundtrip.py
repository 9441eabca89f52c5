"""The coordinator's whole loop, as the guide (docs/en/guide.md, "Coordinating a reservation")
walks it: templates out, filled workbooks in, annotated workbooks back, corrections in, check
passes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import cli
from tests.filling import LINES, amount_row, fill_template
from tests.pdf import seed_as_pdf


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="reconcile")
    return result.exit_code, result.output


def test_the_whole_loop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    # 1. One template per ministry.
    assert _run("template", "--all", "-o", "sjablonen", "--lang", "nl")[0] == 0
    # 2. The ministries fill them in; OCW writes PM for 2027.
    Path("inzendingen").mkdir()
    for code, lines in LINES.items():
        path = Path("inzendingen") / f"{code}.xlsx"
        shutil.copy(Path("sjablonen") / f"{code}.xlsx", path)
        if code == "OCW":
            lines = [(*lines[0][:3], {**lines[0][3], 2027: "PM"})]
        fill_template(path, lines)
    # 3. The coordinator checks and annotates.
    code, output = _run("check", "inzendingen", "--annotate", "terugkoppeling", "--lang", "nl")
    pm_cell = f"F{amount_row(2027)}"
    assert code == 1
    assert f"Reservering!{pm_cell}" in output and "[amount-not-a-number]" in output
    assert "SLUIT NIET AAN: totaal € 66.900.000" in output  # inside the band, but with an error
    # 4. OCW gets its annotated copy: the cell is marked and explained.
    import openpyxl

    feedback = openpyxl.load_workbook("terugkoppeling/OCW.xlsx")
    assert feedback.sheetnames[0] == "Bevindingen"
    assert '"PM" is geen bedrag' in feedback["Reservering"][pm_cell].comment.text
    assert Path("terugkoppeling/overzicht.xlsx").is_file()
    # 5. OCW corrects the copy it received and sends it back.
    feedback["Reservering"][pm_cell] = 2500
    feedback.save("inzendingen/OCW.xlsx")
    # 6. The check passes.
    code, output = _run("check", "inzendingen", "--format", "json")
    document = json.loads(output)
    assert (code, document["ok"], document["totals"]["total_eur"]) == (0, True, "69400000.00")
    assert document["findings"] == []  # the Totaal's SUMIF without a saved result is its sum


GUIDES = (
    ("docs/en/guide.md", "## Coordinating a reservation"),
    ("docs/nl/handleiding.md", "## Een reservering coördineren"),
)


def _guide_commands() -> list[str]:
    from tests.doctext import fenced_blocks, page, section

    commands = []
    for name, heading in GUIDES:
        for block in fenced_blocks(section(page(name), heading), ""):  # ```toml is a file
            commands += [line.split("#")[0].strip() for line in block.splitlines()]
    return [command for command in commands if command]


def test_the_guides_commands_run_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shlex

    examples = Path(__file__).resolve().parent.parent / "examples"
    commands = _guide_commands()
    assert len(commands) == 8
    # Each guide (English, then Dutch) runs in a folder of its own, as an officer would,
    # starting from the letter (the seed letter, as the PDF it came from).
    for guide, folder in ((commands[:4], "submissions"), (commands[4:], "inzendingen")):
        work = tmp_path / folder
        work.mkdir()
        monkeypatch.chdir(work)
        Path("kamerbrief.pdf").write_bytes(seed_as_pdf())
        shutil.copy(examples / "ai-fabriek" / "announcement.toml", "ai-fabriek.toml")
        shutil.copytree(examples / "ai-fabriek-with-errors", folder)
        for command in guide:
            program, *args = shlex.split(command)
            assert program == "reconcile"
            code, output = _run(*args)
            assert code in (0, 1), f"{command}: {output}"  # 1: the example's findings
    monkeypatch.chdir(tmp_path)
    assert Path("submissions/announcement.toml").is_file()
    assert Path("inzendingen/announcement.toml").is_file()
    assert Path("submissions/templates/EZ.xlsx").is_file()
    assert Path("inzendingen/sjablonen/EZ.xlsx").is_file()
    assert Path("submissions/feedback/summary.xlsx").is_file()
    assert Path("inzendingen/terugkoppeling/overzicht.xlsx").is_file()
