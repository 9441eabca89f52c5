"""The ``reconcile`` script and ``python -m reconcile``: one command line, started lightly.

``reconcile --version`` alone is answered here, before click and the command line load
(about four fifths of a start-up's work is importing click); everything else, ``--version``
among other arguments included, goes to ``reconcile.cli``.
"""

from __future__ import annotations

import sys

from reconcile import VERSION_LINE
from reconcile.errors import stop_on_closed_output

VERSION_FLAGS = ("--version", "-V")


def main() -> None:
    """Run the command line on ``sys.argv``."""
    args = sys.argv[1:]
    if len(args) == 1 and args[0] in VERSION_FLAGS:
        _print_version()
        return
    from reconcile.cli import main as run

    run()


def _print_version() -> None:
    try:
        sys.stdout.write(VERSION_LINE + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        stop_on_closed_output()
    except OSError as exc:  # a full disk: one line in the run's language, as any command's
        from reconcile.cli_lang import stop_line
        from reconcile.i18n import resolve_lang

        sys.stderr.write(stop_line(exc, resolve_lang()) + "\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
