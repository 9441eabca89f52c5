"""Every test runs in a neutral locale: the report's language follows LC_ALL/LANG, so a
developer's nl_NL must not change what the tests see. Tests of the locale set it themselves.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def neutral_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
