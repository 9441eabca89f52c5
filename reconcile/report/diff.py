"""What every renderer of ``reconcile diff`` shows: the changed lines and the net effect as
rows of text in the run's language, and their columns.

Each format renders a diff in its own module, beside its report (``render_diff_<name>`` in
text.py, json.py, ...), chosen through reconcile/report/formats.py and imported on use, so a
JSON diff loads no rich. A change is also a finding (``Change.finding``): annotations and
JUnit test cases show changes as they show findings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reconcile.i18n import field_name, tr
from reconcile.money import format_eur

if TYPE_CHECKING:
    from reconcile.diff import Change, Diff, Entry

# The tables' columns, as keys of reconcile.i18n.TEXTS: the headings follow the language.
CHANGE_HEADS = ("diff-change", "diff-line", "diff-old", "diff-new", "diff-difference", "cell")
NET_HEADS = ("ministry", "year", "diff-series", "diff-moment", "diff-new-minus-old")
NUMERIC = {"diff-old", "diff-new", "diff-difference", "diff-new-minus-old"}  # right-aligned


def _key_text(change: Change, lang: str) -> str:
    return ", ".join(f"{field_name(name, lang)} {value}" for name, value in change.key if value)


def _shown(entry: Entry | None, lang: str) -> str:
    if entry is None:
        return "–"
    return format_eur(entry.amount, lang) if entry.amount is not None else f'"{entry.text}"'


def change_rows(diff: Diff, lang: str) -> list[tuple[str, ...]]:
    """A row per change, in the order of CHANGE_HEADS."""
    rows: list[tuple[str, ...]] = []
    for change in diff.changes:
        difference = change.difference
        entry = change.new or change.old
        rows.append(
            (
                tr(f"diff-{change.change}", lang),
                _key_text(change, lang),
                _shown(change.old, lang),
                _shown(change.new, lang),
                "–" if difference is None else format_eur(difference, lang),
                entry.cell.place if entry else "",
            )
        )
    return rows


def net_rows(diff: Diff, lang: str) -> list[tuple[str, ...]]:
    """A row per ministry, year, series and moment, in the order of NET_HEADS."""
    return [
        (
            key.ministry,
            str(key.year or "–"),
            key.series or "–",
            key.moment or "–",
            format_eur(amount, lang),
        )
        for key, amount in diff.net_effect.items()
    ]
