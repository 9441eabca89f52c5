"""Write reconcile's reports on a fixed set of inputs into a folder, to compare two versions.

A speed-up must not change what reconcile says. Run this on the commit before a change and on
the commit after it, then compare the two folders byte for byte:

    python benchmarks/outputs.py /tmp/before      # on the old commit
    python benchmarks/outputs.py /tmp/after       # on the new one
    diff -r /tmp/before /tmp/after && echo same

The inputs: both examples (check and validate), every file of the reading corpus
(tests/corpus/), the hostile corpus (tests/hostile/), the Ministry of Finance's open data
(../shared/data/, when it is beside the repository) and the generated large files in
benchmarks/.data/ (made by generate.py; skipped when absent). Each run's report is written
in JSON and in text, in English and in Dutch; the exit code is kept beside it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LARGE = ["--max-rows", "1000000", "--max-cells", "20000000", "--max-unpacked-size", "2000"]
LARGE += ["--max-file-size", "200"]
TABLES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")


def runs() -> list[tuple[str, list[str]]]:
    """(name, arguments) of every run, in a fixed order."""
    out: list[tuple[str, list[str]]] = []
    for example in sorted(p for p in (ROOT / "examples").iterdir() if p.is_dir()):
        for command in ("check", "validate"):
            out.append((f"{command}-{example.name}", [command, str(example.relative_to(ROOT))]))
    folders = [
        ROOT / "tests" / "corpus",
        ROOT / "tests" / "hostile",
        ROOT.parent / "shared" / "data",
    ]
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in TABLES):
            shown = os.path.relpath(path, ROOT)
            out.append((f"validate-{folder.name}-{path.name}", ["validate", shown]))
    data = HERE / ".data"
    for path in sorted(data.glob("*.*")) if data.is_dir() else []:
        if path.suffix.lower() in TABLES:
            shown = str(path.relative_to(ROOT))
            out.append((f"validate-{path.name}", ["validate", shown, *LARGE]))
            if path.suffix.lower() != ".csv":
                out.append((f"check-{path.name}", ["check", shown, *LARGE]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where the reports go (made if missing)")
    parser.add_argument("--quick", action="store_true", help="JSON in English only")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    styles = [("json", "en")] if args.quick else [("json", "en"), ("text", "en"), ("text", "nl")]
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    for name, arguments in runs():
        for fmt, lang in styles:
            command = [sys.executable, "-m", "reconcile", *arguments]
            command += ["--format", fmt, "--lang", lang]
            done = subprocess.run(command, cwd=ROOT, capture_output=True, env=env, check=False)
            target = args.folder / f"{name}.{lang}.{fmt}"
            target.write_bytes(done.stdout + done.stderr + f"\nexit {done.returncode}\n".encode())
        print(name, file=sys.stderr)


if __name__ == "__main__":
    main()
