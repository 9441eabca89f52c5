"""The built-in layouts listed for people (``reconcile layouts``): name and title, then the
unit, number style, source file and the labels of the columns each one reads."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from reconcile.i18n import tr, word

if TYPE_CHECKING:
    from reconcile.read.layouts import Layout


def write_layouts_text(layouts: Iterable[Layout], stream: TextIO, lang: str) -> None:
    """Four lines per layout, in ``lang``; the JSON listing is report.json.layouts_document."""
    for layout in layouts:
        lines = [f"{layout.name}  {layout.title}"]
        unit, numbers = layout.unit.label, layout.numbers
        numbers = word(numbers, lang)
        lines.append(tr("layout-facts", lang, unit=unit, numbers=numbers, source=layout.source))
        fields = ", ".join(f"{name}={labels[0]!r}" for name, labels in layout.columns.items())
        lines.append(tr("layout-columns", lang, fields=fields))
        amounts = ", ".join(f"{a.name}={a.labels[0]!r}" for a in layout.amounts)
        lines.append(tr("layout-amounts", lang, fields=amounts))
        stream.write("".join(f"{line}\n" for line in lines))
