"""Actor and place names to one lookup form: case, diacritics, quotes, possessives."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    }
)


def fold(text: str) -> str:
    """Lower-case ``text``, strip diacritics and straighten quotes and dashes.

    The engine folds every token with this function and the codebook folds every
    pattern word with it, so both sides meet in one form: ``fold("Īlām") == "ilam"``.
    """
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold()


_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?!\w)")
_NOT_WORD = re.compile(r"[^\w\s]|_")
_LEADING_THE = re.compile(r"^(?:the\s+)+")


def normalize_name(text: str) -> str:
    """One lookup form for an actor or place name.

    ``text`` is folded (:func:`fold`), possessive ``'s`` and ``s'`` are removed, hyphens
    and other punctuation become spaces, a leading ``the`` is dropped and whitespace is
    collapsed: ``normalize_name("The  Taliban’s") == "taliban"``. The result is a fixed
    point: normalising it again changes nothing. Never raises.
    """
    folded = fold(text)
    # casefold can emit combining marks (Greek, Turkish dotted I) after fold's own pass
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch)
    )
    folded = _POSSESSIVE.sub("", folded)
    words = _NOT_WORD.sub(" ", folded).split()
    return _LEADING_THE.sub("", " ".join(words))
