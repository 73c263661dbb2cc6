"""Hypothesis strategies shared by the tests of text cleaning and normalisation."""

from __future__ import annotations

import datetime
import unicodedata

from hypothesis import strategies as st

# Any string at all, including surrogates, control characters and combining marks.
any_text = st.text(st.characters(codec=None), max_size=300)
# Long strings built from a few pieces that the functions look for, repeated.
long_text = st.lists(
    st.sampled_from(
        [
            "killed ", "at least ", "12 ", "people ", "were ", "wounded ", "on ", "Tuesday ",
            "January ", "16, ", "2024 ", "Mr. ", "U.S. ", ". ", '"', "\n\n", "\n", "by ",
            "Source:", "\u2022 ", "dozens of ", "the ", "'s ", "-", "\u2014", "\u00a0",
        ]
    ),
    max_size=2000,
).map("".join)
texts = st.one_of(any_text, long_text)

weekdays = st.integers(min_value=0, max_value=6)
dates = st.dates(min_value=datetime.date(1900, 1, 8), max_value=datetime.date(2099, 12, 24))

_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_in_words(value: int, *, british: bool = True) -> str:
    """0..999 in English words: 105 is "one hundred and five" (or without "and")."""
    if value < 20:
        return _UNITS[value]
    if value < 100:
        tens, units = divmod(value, 10)
        return _TENS[tens] + (f"-{_UNITS[units]}" if units else "")
    hundreds, rest = divmod(value, 100)
    head = f"{_UNITS[hundreds]} hundred"
    if not rest:
        return head
    return f"{head} {'and ' if british else ''}{number_in_words(rest)}"


small_numbers = st.integers(min_value=0, max_value=999)

_QUOTE_SWAPS = {"'": ["'", "\u2019", "\u2018", "`"], '"': ['"', "\u201c", "\u201d"]}


@st.composite
def name_variants(draw: st.DrawFn) -> tuple[str, str]:
    """A plain ASCII name and a variant of it with random case, accents on its vowels,
    curly instead of straight quotes and extra surrounding whitespace."""
    words = draw(
        st.lists(
            st.text(st.sampled_from("abcdeilnorstuy"), min_size=1, max_size=8),
            min_size=1,
            max_size=4,
        )
    )
    joiner = draw(st.sampled_from([" ", "-", " '", "' "]))
    plain = joiner.join(words)
    variant = []
    for ch in plain:
        if ch in _QUOTE_SWAPS:
            variant.append(draw(st.sampled_from(_QUOTE_SWAPS[ch])))
            continue
        if ch in "aeiou" and draw(st.booleans()):
            accent = draw(st.sampled_from(["\u0301", "\u0308", "\u0300"]))
            ch = unicodedata.normalize("NFC", ch + accent)
        variant.append(ch.upper() if draw(st.booleans()) else ch)
    padding = st.text(st.sampled_from(" \t\n\u00a0"), max_size=3)
    return plain, draw(padding) + "".join(variant) + draw(padding)


cameo_like = st.one_of(
    st.integers(min_value=-10, max_value=100_000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(st.sampled_from("0123456789. '=\""), max_size=8),
    any_text,
)
