"""Actor and place names to one lookup form: case, diacritics, quotes, possessives."""

from __future__ import annotations

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
