"""Shared test setup: the suite behaves the same on a laptop and inside GitHub Actions."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """GITHUB_ACTIONS=true switches the default format to github and a summary file gets
    appended to: tests that want that set it themselves."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
