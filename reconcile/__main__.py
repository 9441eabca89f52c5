"""``python -m reconcile``: the same command line as the ``reconcile`` script."""

from reconcile.cli import main

main()
