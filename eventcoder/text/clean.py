"""Article text to the text the coder reads: one Unicode form, plain punctuation, no boilerplate.

News pages arrive with curly quotes, non-breaking and zero-width spaces, and lines that are
not part of the story (bylines, photo credits, "Read more" links, agency sign-offs). Cleaning
removes those and keeps paragraphs apart with a blank line, so that sentence splitting and
matching see only the story.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["clean_text"]

_CHARACTERS = str.maketrans(
    {
        # quotes and apostrophes
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        # hyphens that are hyphens
        "\u2010": "-", "\u2011": "-", "\u2212": "-", "\u00ad": None,
        # spaces that are spaces
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
        "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ",
        "\u2008": " ", "\u205f": " ", "\u3000": " ", "\t": " ", "\x0b": " ", "\x0c": " ",
        # characters that are nothing
        "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
        # line and paragraph separators
        "\r": "\n", "\u2028": "\n", "\u2029": "\n\n", "\x85": "\n",
        "\u2026": "...",
    }
)

# An en dash glued between two words or numbers joins them (India–Pakistan, 2019–2020);
# any other en or em dash separates clauses and becomes a spaced hyphen.
_JOINING_DASH = re.compile(r"(?<=\w)\u2013(?=\w)")
_SEPARATING_DASH = re.compile(r"\s*[\u2013\u2014\u2015\u2012]+\s*")
_SPACES = re.compile(r"[ ]{2,}")
_PARAGRAPH_BREAK = re.compile(r"\n[ ]*\n")

_PROMOTION = re.compile(
    r"""^\W*(?:
        also\ read | read\ more | read\ also | more\ on\ this
      | related\ (?:stories|articles|news)?\s*:
      | subscribe | sign\ up | click\ here | follow\ us | advertisement | share\ this | share\ on
      | download\ (?:the|our)\ app | watch\s*: | listen\s*:
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
_CREDIT_LINE = re.compile(
    r"""^\W*(?:
        (?:file\ )?(?:photo|photograph|picture|image|video)(?:\ credit)?s?\s*[:/(-]
      | (?:photo|image)\ (?:credit|courtesy)
      | credit\s*:
      | source\s*:
      | \(?(?:additional\ )?(?:reporting|writing|editing|compiled|edited)\ by\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_INLINE_CREDIT = re.compile(
    r"\s*\((?:file\s+)?(?:photo|photograph|picture|image)(?:\s+credit)?\s*[:/][^()\n]*\)",
    re.IGNORECASE,
)
_TRAILING_SOURCE = re.compile(r"\s*\u2022\s*source\s*:.*$", re.IGNORECASE)
_TRAILING_SIGNOFF = re.compile(
    r"\s*\((?:additional\s+)?(?:reporting|writing|editing)\s+by\b[^()\n]*\)\s*$", re.IGNORECASE
)
_BYLINE = re.compile(r"^by\s+(.+)$", re.IGNORECASE)
_BYLINE_WORDS = frozenset(
    [
        "and", "our", "staff", "reporter", "reporters", "correspondent", "correspondents",
        "special", "in", "the", "a", "from", "for", "with", "news", "desk", "agency", "agencies",
        "bureau", "writer", "writers", "team",
    ]
)
_BYLINE_WORD = re.compile(r"[^\s,|&/]+")


def clean_text(raw: str) -> str:
    """Return the codable text of an article.

    The text is put in NFC form; curly quotes become straight, non-breaking spaces become
    spaces and zero-width characters disappear; spaced or unspaced em and en dashes between
    clauses become `` - ``. Promotional and navigation lines ("Read more", "Subscribe",
    "Advertisement", ...), bylines, photo credits, ``Source:`` lines, a ``• Source:`` tag at
    the end of a paragraph and agency sign-offs ("(Reporting by ...; Editing by ...)") are
    dropped. Paragraphs are separated by ``"\\n\\n"``; line breaks inside a paragraph become
    spaces. Never raises: any string gives a string.
    """
    text = unicodedata.normalize("NFC", _plain_characters(raw))
    text = _JOINING_DASH.sub("-", text)
    text = _SEPARATING_DASH.sub(" - ", text)
    paragraphs: list[str] = []
    for block in _PARAGRAPH_BREAK.split(text):
        lines = [_clean_line(line) for line in block.split("\n")]
        paragraph = _SPACES.sub(" ", " ".join(line for line in lines if line)).strip()
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _plain_characters(raw: str) -> str:
    text = raw.translate(_CHARACTERS)
    out: list[str] = []
    for ch in text:
        if ch == "\n" or ch == " ":
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if category == "Cc":
            out.append(" ")
        elif category == "Cs":
            # a lone surrogate cannot be written as UTF-8
            out.append("\ufffd")
        elif category == "Cf":
            # format characters (bidi marks, joiners) carry no text
            continue
        else:
            out.append(ch)
    return "".join(out)


def _clean_line(line: str) -> str:
    line = _SPACES.sub(" ", line).strip()
    if not line or _is_boilerplate(line):
        return ""
    line = _TRAILING_SOURCE.sub("", line)
    line = _TRAILING_SIGNOFF.sub("", line)
    line = _INLINE_CREDIT.sub("", line)
    return line.strip()


def _is_boilerplate(line: str) -> bool:
    if _PROMOTION.match(line) or _CREDIT_LINE.match(line) or line.startswith("\u2022 Source"):
        return True
    return _is_byline(line)


def _is_byline(line: str) -> bool:
    """``By John Smith``, ``By Staff Reporter``, ``BY JANE DOE and A. N. Other, Reuters``."""
    match = _BYLINE.match(line)
    if match is None or len(line) > 80 or line.rstrip().endswith(("?", "!")):
        return False
    words = _BYLINE_WORD.findall(match.group(1))
    if not words or len(words) > 10:
        return False
    for word in words:
        if word.lower() in _BYLINE_WORDS:
            continue
        letters = word.strip(".'-")
        if not letters or not letters[0].isupper():
            return False
    return True


# how each character of cleaned text may have been written in the article
_ORIGINAL_FORMS = {
    "'": "['\u2018\u2019\u201a\u201b\u02bc\u2032]",
    '"': "[\"\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]",
    "-": "[-\u2010\u2011\u2012\u2013\u2014\u2015]",
}


@functools.lru_cache(maxsize=4096)
def original_text(raw: str, cleaned: str) -> str:
    """The words of ``raw`` that a piece of its cleaned text came from, quotes and dashes as
    the article wrote them (``WASHINGTON \u2014 President ...``); ``cleaned`` itself when the
    cleaning changed more than characters and spacing. Never raises."""
    try:
        parts: list[str] = []
        for word in cleaned.split():
            if word == "-":
                parts.append(_ORIGINAL_FORMS["-"] + "+")
            else:
                parts.append("".join(_ORIGINAL_FORMS.get(ch, re.escape(ch)) for ch in word))
        found = re.search(r"\s*".join(parts), unicodedata.normalize("NFC", raw))
    except (re.error, TypeError, RecursionError):
        return cleaned
    return found.group() if found else cleaned
