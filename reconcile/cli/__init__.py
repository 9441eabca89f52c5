"""The command line: thin commands that parse options, call the library and hand the result
to ``reconcile.report``; no business logic lives here.

``root`` is the ``reconcile`` group and ``main``; ``group`` its click classes (language,
errors); ``options`` the options several commands share; one module per command or small
group of commands. Heavy modules (pandas, pandera, openpyxl, rich) load inside the commands,
so --help starts fast.
"""

from __future__ import annotations

# Each command module adds its commands to the group when imported.
from reconcile.cli import announcement, check, diff, explain, layouts, template
from reconcile.cli.root import cli, main

__all__ = ["announcement", "check", "cli", "diff", "explain", "layouts", "main", "template"]
