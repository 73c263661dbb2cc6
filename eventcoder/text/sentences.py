"""Cleaned text to sentences with their offsets.

A full stop ends a sentence unless it closes an abbreviation or an initial; closing quotes
and brackets stay with the sentence they close; a paragraph break always ends a sentence.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["Sentence", "split_sentences"]


@attrs.frozen
class Sentence:
    """One sentence: its position among the sentences of a text, its character offsets in
    that text, and its words (``text == cleaned[start:end]``)."""

    index: int
    start: int
    end: int
    text: str


# Titles and other abbreviations that are always followed by more of the same sentence.
_NEVER_FINAL = frozenset(
    [
        "mr", "mrs", "ms", "messrs", "dr", "gen", "lt", "col", "sen", "rep", "gov", "prof", "sgt",
        "capt", "maj", "adm", "cmdr", "cpl", "pvt", "brig", "rev", "hon", "pres", "supt", "insp",
        "amb", "gens", "lieut", "mt", "ft", "fr", "sr", "jr", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "v", "approx", "cf", "ca", "dept",
        "est", "fig", "nos", "art", "para", "pp", "sec", "ch", "vol",
    ]
)
# Abbreviations that may also end a sentence: a sentence ends after them only when the
# next word is one that usually starts a sentence ("... in the U.S. The talks ...").
_MAYBE_FINAL = frozenset(
    [
        "etc", "inc", "ltd", "co", "corp", "bros", "st", "ave", "al",
        # US states in datelines ("FERGUSON, Mo. (AP) -")
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
        "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla",
        "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
    ]
)
_STARTERS = frozenset(
    [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its",
        "their", "our", "my", "this", "that", "these", "those", "there", "but", "and", "or", "so",
        "yet", "if", "when", "while", "after", "before", "as", "in", "on", "at", "for", "from",
        "by", "with", "however", "meanwhile", "also", "some", "many", "most", "one", "two",
        "three", "no", "yes", "officials", "police", "authorities", "it's", "what", "who", "why",
        "how", "where",
    ]
)
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# terminal punctuation, then closing quotes and brackets, then a space or the end
_END = re.compile(r"""(?:\.{2,}|[.!?]+)["')\]]*(?=\s|$)""")
# a full stop glued to the next sentence: "... the region.The minister ..." (only before a
# word that usually opens a sentence)
_GLUED = re.compile(r"""(?<=[a-z]{2})[.!?]["')\]]*(?=[A-Z][a-z])""")
_WORD_BEFORE = re.compile(r"""[^\s"'(\[]*$""")
_WORD_AFTER = re.compile(r"""["'(\[]*([^\s"'.,;:!?)\]]*)""")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` (normally the output of ``clean_text``) into sentences.

    Handles abbreviations (``Mr.``, ``Gen.``, ``U.S.``, ``Jan.``, ``a.m.``), initials
    (``John F. Kennedy``), numbers (``3.5``, ``1,200``) and ellipses. A sentence that ends
    inside a quotation ends there; closing quotes and brackets stay with it. Pieces with no
    letter or digit are dropped. Offsets index into ``text``. Never raises.
    """
    sentences: list[Sentence] = []
    position = 0
    for paragraph_break in [*_PARAGRAPH.finditer(text), None]:
        end = paragraph_break.start() if paragraph_break else len(text)
        for start, stop in _split_paragraph(text, position, end):
            sentences.append(Sentence(len(sentences), start, stop, text[start:stop]))
        if paragraph_break:
            position = paragraph_break.end()
    return sentences


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    paragraph = text[start:end]
    cuts = [m.end() for m in _END.finditer(paragraph) if _ends_sentence(paragraph, m)]
    cuts += [m.end() for m in _GLUED.finditer(paragraph) if _starts_sentence(paragraph, m.end())]
    spans: list[tuple[int, int]] = []
    previous = 0
    for cut in [*sorted(set(cuts)), len(paragraph)]:
        piece = paragraph[previous:cut]
        stripped = piece.strip()
        if any(ch.isalnum() for ch in stripped):
            offset = start + previous + (len(piece) - len(piece.lstrip()))
            spans.append((offset, offset + len(stripped)))
        previous = cut
    return spans


def _starts_sentence(paragraph: str, position: int) -> bool:
    """Whether a common sentence opener follows: "Trend.Az" is a name, "region.The" a typo."""
    word = _WORD_AFTER.match(paragraph, position)
    return word is not None and word.group(1).lower() in _STARTERS


def _ends_sentence(paragraph: str, match: re.Match[str]) -> bool:
    following = paragraph[match.end():].lstrip()
    if not following:
        return True
    first = following[0]
    if first.islower() or first in ",;:)]-":
        return False
    mark = match.group().rstrip("\"')]")
    if mark != ".":
        return True  # ! ? and ellipses followed by a capital or a digit
    before = _WORD_BEFORE.search(paragraph, 0, match.start())
    word = before.group() if before else ""
    lower = word.lower()
    next_word = _WORD_AFTER.match(following)
    after = next_word.group(1) if next_word else ""
    if lower == "no" and first.isdigit():
        return False  # No. 10
    if lower in _NEVER_FINAL:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: John F. Kennedy
    if lower in _MAYBE_FINAL or _DOTTED.fullmatch(word):
        return after.lower() in _STARTERS
    return True
