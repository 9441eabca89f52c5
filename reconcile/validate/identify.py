"""Whose file is this: the ministry follows from the lines' chapters, confirmed by title or name."""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath

from reconcile.codes import make_finding
from reconcile.ministries import MinistryTable, normalise_chapter
from reconcile.model import CellRef, Finding, Phrase
from reconcile.read import LineColumns, SheetTable


def identify_ministry(
    table: SheetTable, ministries: MinistryTable, lines: LineColumns | None = None
) -> tuple[str | None, list[Finding]]:
    """The ministry of ``table`` (its ``lines``, when not those read) and the findings when
    that is unclear or contradicted."""
    owners: Counter[str] = Counter()
    # Each distinct chapter cell is looked up once (keyed by type too: 13 and 13.0 may differ;
    # a column of one type, the usual, is counted by its values alone).
    chapters = (lines if lines is not None else table.line_columns()).values["chapter"]
    counts: list[tuple[object, int]]
    if len(set(map(type, chapters))) == 1:
        counts = list(Counter(chapters).items())
    else:
        typed = Counter(zip(map(type, chapters), chapters, strict=True))
        counts = [(value, count) for (_, value), count in typed.items()]
    for value, count in counts:
        if value is None:
            continue  # a line without a chapter names no owner
        chapter = normalise_chapter(value)
        owner = ministries.of_chapter(chapter) if chapter else None
        if owner is not None:
            owners[owner.code] += count
    by_chapters = max(sorted(owners), key=lambda code: owners[code]) if owners else None

    # Where a file names its ministry: the first title line that names one, and the file name.
    claims: list[tuple[str, list[str], CellRef]] = []
    for text, ref in table.title:
        named = ministries.named_in(text)
        if named:
            claims.append(("title", named, ref))
            break
    named = ministries.named_in(PurePath(table.file).stem)
    if named:
        claims.append(("file name", named, CellRef(table.file)))

    if by_chapters is not None:
        findings = [
            make_finding(
                "ministry-mismatch", ref, where=where, named=" / ".join(named), ministry=by_chapters
            )
            for where, named, ref in claims
            if by_chapters not in named
        ]
        return by_chapters, findings
    candidates = {code for _, named, _ in claims for code in named}
    if len(candidates) == 1:
        return candidates.pop(), []
    reason = (
        Phrase(
            "the title and file name name several ministries: {codes}",
            {"codes": ", ".join(sorted(candidates))},
        )
        if candidates
        else "no line has a chapter of a known ministry, and neither the title nor the file "
        "name names one"
    )
    return None, [make_finding("ministry-unknown", CellRef(table.file, table.sheet), reason=reason)]
