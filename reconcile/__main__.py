"""The ``reconcile`` script and ``python -m reconcile``: one command line, started lightly.

``reconcile --version`` alone is answered here, before click and the command line load
(about four fifths of a start-up's work is importing click); everything else, ``--version``
among other arguments included, goes to ``reconcile.cli``.
"""

from __future__ import annotations

import sys

from reconcile import VERSION_LINE

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
    except BrokenPipeError:  # as reconcile.cli.main: the reader went away, stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


if __name__ == "__main__":
    main()
