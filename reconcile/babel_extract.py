"""Babel's extraction of reconcile's texts: which calls carry a text to translate.

``pybabel extract -F babel.cfg`` runs these (see docs/en/maintainers.md, "Translations").
Texts are marked where they are written: ``gettext``/``ngettext``/``pgettext``/``npgettext``/
``N_`` as anywhere, plus reconcile's own carriers of a text, so that a finding code, a phrase
or an error needs no marker of its own. The command line's help texts are read from click's
command tree. Babel is a test dependency, imported only here.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

# Calls whose first argument is an English text (an error's template, a phrase), and the
# position of its plural form when it has one.
CARRIERS = {
    "ReconcileError": None,
    "ConfigError": None,
    "InputError": None,
    "UnreadableFileError": None,
    "Phrase": None,
    "counted": 2,  # reconcile.model.counted(singular, plural, params): a Phrase with a plural
    "Plural": 2,  # reconcile.i18n.Plural(singular, plural, count)
}
Extracted = tuple[int, str, tuple[Any, ...], list[str]]


def extract(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    """Babel's Python extraction, with reconcile's carriers told as the gettext calls they are.

    ``Code(code, severity, stage, message, explanation, plural)`` in reconcile.codes gives its
    message (with its plural) and its explanation, both with the code as context (msgctxt).
    """
    from babel.messages.extract import extract_python

    names: Any = [*keywords, "Code", *CARRIERS]  # (Babel takes a list of names too)
    found: Any = extract_python(fileobj, names, comment_tags, options)  # type: ignore[arg-type]
    for lineno, funcname, messages, comments in found:
        args = messages if isinstance(messages, tuple) else (messages,)
        if funcname == "Code":
            code, message, explanation = args[0], args[3], args[4]
            plural = args[5] if len(args) > 5 else None
            if plural:
                yield lineno, "npgettext", (code, message, plural), comments
            else:
                yield lineno, "pgettext", (code, message), comments
            yield lineno, "pgettext", (code, explanation), comments
        elif funcname in CARRIERS:
            at = CARRIERS[funcname]
            plural = args[at - 1] if at is not None and len(args) >= at else None
            if plural:
                yield lineno, "ngettext", (args[0], plural), comments
            else:
                yield lineno, "gettext", (args[0],), comments
        else:
            yield lineno, funcname, args, comments


def extract_help(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    """Every help text of the command line (commands, options, epilogs), paragraph by
    paragraph, whitespace folded: the texts ``reconcile.i18n.translate_help`` looks up."""
    for text in help_paragraphs():
        yield 0, "gettext", (text,), []


def help_paragraphs() -> list[str]:
    """The paragraphs of every help text of ``reconcile`` and its commands, folded."""
    import click

    from reconcile.cli import cli
    from reconcile.i18n import fold

    def texts(command: click.Command) -> list[str]:
        found = [command.help or "", command.epilog or ""]
        found += [p.help or "" for p in command.params if isinstance(p, click.Option)]
        if isinstance(command, click.Group):
            for sub in command.commands.values():
                found += texts(sub)
        return found

    paragraphs = {fold(p) for text in texts(cli) for p in text.split("\n\n")}
    return sorted({*paragraphs, "Show this message and exit."} - {""})  # click's --help too
