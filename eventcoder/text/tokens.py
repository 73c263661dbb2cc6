"""Tokens with their character offsets and folded form.

A token is a word, a number, the possessive ``'s``, or one punctuation mark. Hyphens inside
words split them (``al-Adl`` gives ``al``, ``Adl``) and are dropped, so that ``air-strike`` and
``air strike`` are the same two tokens; a dash between spaces stays as a clause mark.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from eventcoder.normalize.names import fold

_TOKEN = re.compile(
    r"""
      (?:[A-Za-z]\.){2,}                # U.S. U.N. U.K.
    | \d+(?:[.,:]\d+)*                  # 1,200  3.5  16:30
    | [^\W_]+(?:'(?![sS]\b)[^\W_]+)*    # words, with inner apostrophes (don't, O'Brien)
    | '[sS]\b                           # possessive
    | [^\w\s]                           # one punctuation mark
    """,
    re.VERBOSE,
)


class Token(NamedTuple):
    """One token. A NamedTuple rather than an attrs class: sentences make thousands of them
    and tuple construction is the cheapest there is."""

    text: str
    start: int
    end: int
    fold: str

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens; offsets are shifted by ``offset``."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        value = match.group()
        start = match.start()
        # a hyphen between two non-space characters joins words: drop it
        if (
            value == "-" and 0 < start < len(text) - 1
            and not text[start - 1].isspace() and not text[start + 1].isspace()
        ):
            continue
        folded = fold(value)
        if folded == "'s" or (value == "'" and tokens and tokens[-1].text.endswith("s")):
            folded = "'s"
        tokens.append(Token(value, start + offset, match.end() + offset, folded))
    return tokens
