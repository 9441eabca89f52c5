"""Typos that look right: the nearest known value to a text, and the text as typed with its
look-alike characters made visible ("VIl": a lower-case L where the I of VII is meant)."""

from __future__ import annotations

from collections.abc import Iterable

from reconcile.model import Phrase

# Characters read as another in many fonts: folded to the one meant before texts are compared.
_LOOKALIKES = str.maketrans(
    {
        "l": "I",
        "1": "I",
        "|": "I",
        "0": "O",
        "\u0406": "I",  # Cyrillic І
        "\u0399": "I",  # Greek Ι
        "\u041e": "O",  # Cyrillic О
        "\u039f": "O",  # Greek Ο
        "\u0425": "X",  # Cyrillic Х
        "\u03a7": "X",  # Greek Χ
        "\u0421": "C",  # Cyrillic С
        "\u0412": "B",  # Cyrillic В
        "\u041c": "M",  # Cyrillic М
        "\u0415": "E",  # Cyrillic Е
        "\u00a0": " ",
        "\u200b": "",
    }
)


def _fold(text: str) -> str:
    return " ".join(text.translate(_LOOKALIKES).split()).casefold()


def nearest(text: str, known: Iterable[str]) -> str | None:
    """The known value ``text`` most likely means: the one it reads as once look-alike
    characters are folded (VIl -> VII, 0CW -> OCW), else the closest spelling, else None."""
    import difflib

    choices = [value for value in known if value != text]
    folded = {_fold(value): value for value in choices}
    if _fold(text) in folded:
        return folded[_fold(text)]
    close = difflib.get_close_matches(_fold(text), list(folded), n=1, cutoff=0.75)
    return folded[close[0]] if close else None


def as_typed(text: str, meant: str | None = None) -> str:
    """``text`` with each look-alike character named: one that is not plain ASCII, or one that
    stands for another at the same place in ``meant``. "VIl" meant as "VII" -> "VI‹l: U+006C
    LATIN SMALL LETTER L›"; a text with none of them comes back as it is."""
    import unicodedata

    meant = meant if meant is not None and len(meant) == len(text) else None
    out = []
    for index, char in enumerate(text):
        odd = not (char.isascii() and char.isprintable()) or (
            meant is not None and char != meant[index] == char.translate(_LOOKALIKES)
        )
        if odd:
            name = unicodedata.name(char, "")
            out.append(f"‹{char}: U+{ord(char):04X}{' ' + name if name else ''}›")
        else:
            out.append(char)
    return "".join(out)


def did_you_mean(text: str, known: Iterable[str], label: str | None = None) -> Phrase | str:
    """ " Did you mean VII (BZK)? As typed: VI‹l: U+006C LATIN SMALL LETTER L›." to append to a
    message, or "" when no known value is near. ``label`` is shown after the value meant."""
    meant = nearest(text, known)
    if meant is None:
        return ""
    shown = f"{meant} ({label})" if label else meant
    typed = as_typed(text, meant)
    if typed == text:
        return Phrase(" Did you mean {meant}?", {"meant": shown})
    return Phrase(" Did you mean {meant}? As typed: {typed}.", {"meant": shown, "typed": typed})
