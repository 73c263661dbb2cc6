"""Quotations and their speakers.

A quotation may span several sentences; every sentence inside it is attributed to the speaker
named after it (``"...," the minister said``) or before it (``Sharif said, "..."``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

SPEECH_VERBS = (
    "said|says|say|added|adds|wrote|writes|told|tells|stated|states|read|reads|noted|notes|"
    "declared|declares|tweeted|posted|remarked|stressed|insisted|warned|announced|"
    "explained|asserted|argued|urged|underscored|emphasised|emphasized|continued|concluded|"
    "according"
)
_AFTER = re.compile(
    rf"^\s*,?\s*(?P<who>[^.;\"]{{0,80}}?)\s+(?:{SPEECH_VERBS})\b"
    rf"|^\s*,?\s*(?:{SPEECH_VERBS})\s+(?P<who2>[^.;,\"]{{1,80}})",
    re.IGNORECASE,
)
_BEFORE = re.compile(
    rf"(?P<who>[^.;\"]{{1,80}}?)\s+(?:had\s+|has\s+|also\s+)?(?:{SPEECH_VERBS})\b[^.;\"]{{0,40}}[,:]?\s*$",
    re.IGNORECASE,
)


class Quote(NamedTuple):
    start: int  # character offsets of the quoted text, marks excluded
    end: int
    speaker_text: str | None  # the words naming the speaker
    speaker_at: int  # where those words start, for resolving pronouns
    mode: str = "after"  # where the speaker was named: "after", "before", "preceding"


def find_quotes(text: str) -> list[Quote]:
    """Every double-quoted span of ``text`` (straight quotes, after cleaning) with the words
    that name its speaker, if any. Quotes never cross a paragraph break."""
    quotes: list[Quote] = []
    offset = 0
    for paragraph in text.split("\n"):
        marks = [m.start() for m in re.finditer('"', paragraph)]
        if len(marks) % 2:
            marks.append(len(paragraph))
        for open_at, close_at in zip(marks[::2], marks[1::2], strict=True):
            inner_start, inner_end = open_at + 1, close_at
            if inner_end - inner_start < 25:
                # a short quote ("unacceptable") is a word the writer cites, not speech
                continue
            after = paragraph[close_at + 1 : close_at + 120]
            before = paragraph[max(0, open_at - 120) : open_at]
            speaker, at, mode = None, 0, "after"
            found = _AFTER.match(after)
            found_before = _BEFORE.search(before)
            if found:
                speaker = found.group("who") or found.group("who2")
                at = close_at + 1 + found.start("who" if found.group("who") else "who2")
            elif found_before:
                speaker, mode = found_before.group("who"), "before"
                at = max(0, open_at - 120) + found_before.start("who")
            else:
                # no attribution: the subject of the sentence that leads into the quotation
                lead = re.split(r"(?<=[.!?])\s+", paragraph[:open_at].strip())[-1]
                if lead:
                    speaker, mode = lead, "preceding"
                    at = paragraph.find(lead)
            quotes.append(Quote(offset + inner_start, offset + inner_end,
                                speaker.strip() if speaker else None, offset + at, mode))
        offset += len(paragraph) + 1
    return quotes


def quote_at(quotes: list[Quote], position: int) -> Quote | None:
    for quote in quotes:
        if quote.start <= position < quote.end:
            return quote
    return None
