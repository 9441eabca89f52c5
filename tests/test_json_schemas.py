"""Every JSON document reconcile writes is valid against its published schema in reconcile/data/.

The documents are those the command line writes for real inputs: the example sets, the
workbook corpus, the hostile files, the Ministry of Finance's open data in ../shared/data, and
diffs between them; the report, the diff, the Code Quality list (--format gitlab), and the
lists of codes and layouts, in both languages.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from reconcile.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"  # see tests/test_opendata.py
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if (p / "announcement.toml").is_file())
WORKBOOKS = (".xlsx", ".xlsm", ".ods", ".xls")
CORPUS = sorted(p for p in (ROOT / "tests" / "corpus").iterdir() if p.suffix in WORKBOOKS)
HOSTILE = sorted((ROOT / "tests" / "hostile").glob("*.xlsx"))
OPEN_DATA = sorted(p for p in DATA.glob("*") if p.suffix in (".csv", ".xlsx"))
# Each document and the schema it promises, by the document's name in reconcile/data/.
SCHEMA_FILES = ("report", "diff", "codes", "layouts", "gitlab")


def schema(name: str) -> dict[str, Any]:
    text = resources.files("reconcile").joinpath(f"data/{name}.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@functools.cache  # a document is read by more than one test; none changes it
def run(*args: str) -> Any:
    env = {"GITHUB_ACTIONS": None, "CI_PROJECT_DIR": None}
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exit_code in (0, 1, 2), result.output
    return json.loads(result.stdout)


def errors(document: Any, name: str) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema(name))
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


def documents() -> Iterator[tuple[str, str, list[str]]]:
    """(what, schema, command line) for every document the suite checks."""
    for lang in ("en", "nl"):
        yield f"codes {lang}", "codes", ["codes", "--format", "json", "--lang", lang]
    yield "layouts", "layouts", ["layouts", "--format", "json"]
    for example in EXAMPLES:
        for command in ("check", "validate"):
            for fmt, name in (("json", "report"), ("gitlab", "gitlab")):
                yield f"{command} {example.name} {fmt}", name, [command, str(example), "-f", fmt]
    yield "check in Dutch", "report", ["check", str(EXAMPLES[0]), "-f", "json", "--lang", "nl"]
    for path in [*CORPUS, *HOSTILE, *OPEN_DATA]:
        for fmt, name in (("json", "report"), ("gitlab", "gitlab")):
            yield f"validate {path.name} {fmt}", name, ["validate", str(path), "-f", fmt]
    if OPEN_DATA:
        yield "check open data", "report", ["check", *map(str, OPEN_DATA), "-f", "json"]
    good, bad = EXAMPLES[0], EXAMPLES[1]
    pairs = [(good / f.name, f) for f in sorted(bad.glob("*.xlsx")) if (good / f.name).exists()]
    pairs += [(p, p) for p in OPEN_DATA]  # equal
    pairs += [(good / "EZ.xlsx", good / "missing.xlsx")]  # a file that cannot be read: exit 2
    pairs += [(a, b) for a, b in itertools.pairwise(CORPUS) if "same-table" in a.name]
    for old, new in pairs:
        for fmt, name in (("json", "diff"), ("gitlab", "gitlab")):
            yield f"diff {old.name} {new.name} {fmt}", name, ["diff", str(old), str(new), "-f", fmt]


DOCUMENTS = list(documents())


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_every_published_schema_is_a_valid_schema(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema(name))


def test_every_json_file_in_reconcile_data_is_a_published_schema() -> None:
    published = sorted(p.name for p in resources.files("reconcile").joinpath("data").iterdir())
    assert [p for p in published if p.endswith(".json")] == sorted(
        f"{name}.schema.json" for name in SCHEMA_FILES
    )


@pytest.mark.parametrize(("what", "name", "args"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_every_document_reconcile_writes_is_valid_against_its_schema(
    what: str, name: str, args: list[str]
) -> None:
    assert errors(run(*args), name) == []


def test_the_documents_cover_every_input_kind_shape_and_layout() -> None:
    shapes, layouts = set(), set()
    for _, name, args in DOCUMENTS:
        if name == "report":
            files = run(*args)["files"]
            shapes |= {f["shape"] for f in files}
            layouts |= {f["layout"] for f in files}
            # a table has a shape (a workbook's) or a layout (an open-data one), never both
            assert not [f for f in files if f["shape"] and f["layout"]]
    assert {"long", "wide", None} <= shapes
    if OPEN_DATA:  # the open-data layouts the old schema refused
        assert {"begrotingsstaten", "budgettaire-tabellen", "ombuigingslijst", None} <= layouts


def test_an_open_data_report_names_its_layout_and_is_valid(tmp_path: Path) -> None:
    """Before: "layout": "begrotingsstaten" was refused by the report's own schema."""
    header = (
        "Begrotingsjaar,Uitgaven Ontvangsten Verplichtingen,Begrotingsnummer,Naam Begroting ,"
        "Artikel nummer,Artikel,Stand ontwerpbegroting,Stand vastgestelde begroting,"
        "Stand eerste suppletoire,Stand tweede suppletoire,Realisatie"
    )
    rows = [
        header,
        "2020,U,XIII,Economische Zaken en Klimaat,2,Bedrijvenbeleid,100,100,110,120,115",
    ]
    staten = tmp_path / "staten.csv"
    staten.write_text("\n".join(rows) + "\n", encoding="utf-8")
    document = run.__wrapped__("validate", str(staten), "-f", "json")
    assert [(f["shape"], f["layout"]) for f in document["files"]] == [(None, "begrotingsstaten")]
    assert errors(document, "report") == []


def test_a_diff_is_valid_against_the_diff_schema_not_the_report_s() -> None:
    good, bad = EXAMPLES[0], EXAMPLES[1]
    document = run("diff", str(good / "EZ.xlsx"), str(bad / "EZ.xlsx"), "-f", "json")
    assert document["changes"]
    assert errors(document, "diff") == []
    assert errors(document, "report") != []


def test_the_schemas_share_one_definition_of_a_finding_and_an_amount() -> None:
    report, diff = schema("report")["$defs"], schema("diff")["$defs"]
    assert report["finding"] == diff["finding"]
    assert report["eur"] == diff["eur"] == schema("layouts")["$defs"]["eur"]


@pytest.mark.parametrize("name", ["report", "diff", "codes", "layouts"])
def test_each_versioned_schema_carries_its_document_s_version(name: str) -> None:
    args = {
        "report": ["validate", str(EXAMPLES[0]), "-f", "json"],
        "diff": ["diff", str(EXAMPLES[0] / "EZ.xlsx"), str(EXAMPLES[0] / "EZ.xlsx"), "-f", "json"],
        "codes": ["codes", "-f", "json"],
        "layouts": ["layouts", "-f", "json"],
    }[name]
    assert schema(name)["properties"]["version"] == {"const": run(*args)["version"]}
