"""Shared test setup: the suite behaves the same on a laptop and inside GitHub Actions, and in
any locale (the report's language follows LC_ALL/LANG; tests of the locale set it themselves).
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """GITHUB_ACTIONS=true switches the default format to github and a summary file gets
    appended to: tests that want that set it themselves."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@pytest.fixture(autouse=True)
def _neutral_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's nl_NL must not change what the tests see."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
