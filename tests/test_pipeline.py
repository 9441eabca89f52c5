"""How the pipeline keeps a large file fast: the cycle collector, pandera's early import."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from reconcile import pipeline
from reconcile.announcement import load_announcement
from reconcile.pipeline import _collector_paused


class Thing:
    """A tracked object (the collector follows instances of classes, not ints or strings)."""


def test_the_collector_is_paused_while_reading_and_on_again_after() -> None:
    assert gc.isenabled()
    with _collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_what_was_made_while_paused_goes_to_the_oldest_generation_unlooked_at() -> None:
    """Else the first collection after the pause walks every line object once more."""
    with _collector_paused():
        made = [Thing() for _ in range(1000)]
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(thing) in oldest for thing in made)
    assert gc.get_freeze_count() == 0  # nothing is left frozen: cycles are still collected


def test_a_collector_switched_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with _collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_objects_the_caller_froze_stay_frozen() -> None:
    """A pre-fork server freezes what its workers share; reading a file must not undo that."""
    kept = [Thing() for _ in range(10)]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with _collector_paused():
            [Thing() for _ in range(10)]
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    assert kept


EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ai-fabriek" / "EZ.xlsx"


@pytest.mark.parametrize(("preload_from", "started"), [(0, 1), (pipeline.MB, 0)])
def test_pandera_imports_beside_the_parse_of_a_large_workbook_only(
    monkeypatch: pytest.MonkeyPatch, preload_from: int, started: int
) -> None:
    """A small workbook gains nothing from the overlap and may be a layout table, which
    pandera never validates: the process would wait for the import at its end."""
    calls: list[int] = []
    monkeypatch.setattr(pipeline, "PRELOAD_FROM", preload_from)
    monkeypatch.setattr(pipeline, "preload", lambda: calls.append(1))
    pipeline.validate([str(EXAMPLE)], load_announcement(None))
    assert len(calls) == started
