"""Shared test setup: the suite behaves the same on a laptop and inside GitHub Actions or GitLab
CI, and in any locale (the report's language follows LANGUAGE, LC_ALL, LC_MESSAGES and LANG;
tests of the locale set them themselves). Every JSON document reconcile writes in any test is
checked against its schema. A finding's message is read with ``tests.spec.message``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from importlib import resources
from typing import Any, TextIO

import pytest


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """GITHUB_ACTIONS=true switches the default format to github and a summary file gets
    appended to; a CI's workspace makes paths relative: tests that want that set it themselves."""
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _neutral_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's nl_NL must not change what the tests see."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@functools.cache
def _validator(name: str) -> Any:
    import jsonschema

    text = resources.files("reconcile").joinpath(f"data/{name}.schema.json").read_text("utf-8")
    return jsonschema.Draft202012Validator(json.loads(text))


def schema_name(document: Any) -> str:
    """The published schema a document reconcile writes promises (reconcile/data/)."""
    if isinstance(document, list):
        return "gitlab"
    if "codes" in document or "layouts" in document:
        return "codes" if "codes" in document else "layouts"
    return "diff" if document.get("command") == "diff" else "report"


@pytest.fixture(autouse=True)
def _every_json_document_is_valid(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Whatever a test makes reconcile write as JSON is valid against its schema: the check
    runs as the document is written, and a test that wrote an invalid one fails after it."""
    from reconcile.report import gitlab
    from reconcile.report import json as json_report

    write_json = json_report.write_json
    invalid: list[str] = []

    def checked(document: Any, stream: TextIO) -> None:
        name = schema_name(document)
        invalid.extend(
            f"{name}: {list(e.absolute_path)}: {e.message}"
            for e in _validator(name).iter_errors(document)
        )
        write_json(document, stream)

    for module in (json_report, gitlab):
        monkeypatch.setattr(module, "write_json", checked)
    yield
    assert invalid == [], "reconcile wrote JSON that its published schema refuses"
