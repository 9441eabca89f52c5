"""The maintainers' map (docs/en/maintainers.md) names every module of reconcile/ where it
lives, and no module that is gone."""

from __future__ import annotations

import re

from tests.doctext import ROOT, fenced_blocks, page, section

PACKAGE = ROOT / "reconcile"


def map_entries(text: str) -> dict[str, str]:
    """The map's entries: a module or folder of reconcile/ (``codes.py``, ``read/``) -> its
    description."""
    [tree] = [
        b
        for b in fenced_blocks(section(text, "## For maintainers"))
        if b.startswith("reconcile/\n")
    ]
    entries: dict[str, str] = {}
    name = ""
    for line in tree.splitlines()[1:]:
        entry = re.match(r"  (\S+)", line)
        if entry:
            name = entry.group(1)
            entries[name] = ""
        entries[name] += line + "\n"
    return entries


def named_modules(description: str) -> set[str]:
    """The modules a folder's description names (``check_bytes.py``), not a path elsewhere."""
    return set(re.findall(r"(?<![\w/.])(\w+\.py)\b", description))


def test_the_map_names_every_module_in_its_folder() -> None:
    entries = map_entries(page("docs/en/maintainers.md"))
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if len(parts) == 1:
            if path.name != "__init__.py" and path.name not in entries:
                missing.append(path.name)
        elif path.name != "__init__.py" and path.name not in entries.get(f"{parts[0]}/", ""):
            missing.append("/".join(parts))
    assert missing == [], "add them to the map in docs/en/maintainers.md"


def test_the_map_names_nothing_that_is_gone() -> None:
    entries = map_entries(page("docs/en/maintainers.md"))
    gone = [name for name in entries if not (PACKAGE / name).exists()]
    for name, description in entries.items():
        if name.endswith("/"):
            gone += [
                f"{name}{m}"
                for m in named_modules(description)
                if not (PACKAGE / name / m).exists()
            ]
    assert gone == []


def test_the_map_is_read_entry_by_entry() -> None:
    tree = "reconcile/\n  codes.py   the catalogue\n  read/   cells.py\n"
    text = f"## For maintainers\n\n```\n{tree}```\n"
    entries = map_entries(text)
    assert set(entries) == {"codes.py", "read/"}
    assert named_modules(entries["read/"]) == {"cells.py"}
    assert named_modules("beside tests/test_imports.py and a.b.py") == set()
