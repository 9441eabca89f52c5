"""reconcile: validate Dutch budget-amendment workbooks and reconcile them with an announcement.

The flow is read -> validate -> reconcile -> report; ``reconcile.pipeline`` runs it.
"""

__version__ = "0.1.0"
# What `reconcile --version` prints: no words, so the same in every language.
VERSION_LINE = f"reconcile {__version__}"
