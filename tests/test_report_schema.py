"""The published JSON Schema of the --format json report describes every report exactly."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from reconcile.cli import cli
from reconcile.report.json import REPORT_VERSION

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads(
    resources.files("reconcile").joinpath("data/report.schema.json").read_text(encoding="utf-8")
)


def report(args: list[str]) -> dict[str, Any]:
    result = CliRunner().invoke(cli, [*args, "--format", "json"], env={"GITHUB_ACTIONS": None})
    assert result.exit_code in (0, 1, 2)
    data: dict[str, Any] = json.loads(result.output)
    return data


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    broken = tmp_path_factory.mktemp("broken") / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    good, errors = str(ROOT / "examples/ai-fabriek"), str(ROOT / "examples/ai-fabriek-with-errors")
    return [
        report(["check", good]),
        report(["check", errors]),
        report(["validate", good]),
        report(["validate", errors]),
        report(["check", str(broken), f"{good}/EZ.xlsx"]),
    ]


def test_the_schema_is_itself_valid_and_carries_the_report_version() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["properties"]["version"] == {"const": REPORT_VERSION}


def test_every_example_report_is_valid(reports: list[dict[str, Any]]) -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for doc in reports:
        assert [e.message for e in validator.iter_errors(doc)] == []
    assert [doc["exit_code"] for doc in reports] == [0, 1, 0, 1, 2]


def test_the_committed_example_reports_are_valid() -> None:
    paths = sorted((ROOT / "examples").glob("*/expected.json"))
    assert len(paths) == 3  # ai-fabriek, -with-errors, -overboekingen
    for path in paths:
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), SCHEMA)


def _objects(
    schema: dict[str, Any], doc: Any, where: str
) -> list[tuple[str, list[str], list[str]]]:
    """(where, keys in the document, keys the schema requires) for every object in ``doc``."""
    if "$ref" in schema:
        return _objects(SCHEMA["$defs"][schema["$ref"].rsplit("/", 1)[1]], doc, where)
    if doc is None:
        return []
    for option in schema.get("oneOf", []):
        if option != {"type": "null"}:
            return _objects(option, doc, where)
    found = []
    if isinstance(doc, dict) and "properties" in schema:
        found.append((where, list(doc), schema["required"]))
        for key, value in doc.items():
            found += _objects(schema["properties"][key], value, f"{where}.{key}")
    elif isinstance(doc, dict) and isinstance(schema.get("additionalProperties"), dict):
        for key, value in doc.items():
            found += _objects(schema["additionalProperties"], value, f"{where}.{key}")
    elif isinstance(doc, list) and "items" in schema:
        for index, value in enumerate(doc):
            found += _objects(schema["items"], value, f"{where}[{index}]")
    return found


def test_the_schema_lists_every_key_in_the_order_reports_write_them(
    reports: list[dict[str, Any]],
) -> None:
    checked = 0
    for doc in reports:
        for where, keys, required in _objects(SCHEMA, doc, "$"):
            assert keys == required, where
            checked += 1
    assert checked > 50
