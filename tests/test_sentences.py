"""split_sentences: sentences with offsets into the cleaned text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from strategies import texts

from eventcoder.text.clean import clean_text
from eventcoder.text.sentences import Sentence, split_sentences


def pieces(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops left. Police stayed.", ["Troops left.", "Police stayed."]),
        ("Did they leave? Nobody knows! Maybe.", ["Did they leave?", "Nobody knows!", "Maybe."]),
        # titles and abbreviations
        ("Mr. Khan met Gen. Rahim and Dr. Ito. They agreed.",
         ["Mr. Khan met Gen. Rahim and Dr. Ito.", "They agreed."]),
        ("Lt. Col. Mara Diaz and Sen. Ross spoke.", ["Lt. Col. Mara Diaz and Sen. Ross spoke."]),
        ("Gov. Ortiz and Prof. Lind and Rep. Shaw came.",
         ["Gov. Ortiz and Prof. Lind and Rep. Shaw came."]),
        ("The U.S. Navy and the U.N. envoy met E.U. officials.",
         ["The U.S. Navy and the U.N. envoy met E.U. officials."]),
        ("Aid reached the U.K. The convoy left.", ["Aid reached the U.K.", "The convoy left."]),
        ("Talks began on Jan. 16 and ended Sept. 3. Nothing changed.",
         ["Talks began on Jan. 16 and ended Sept. 3.", "Nothing changed."]),
        ("He lives at No. 10 with his family.", ["He lives at No. 10 with his family."]),
        ("It was the army vs. the rebels, etc. in the north.",
         ["It was the army vs. the rebels, etc. in the north."]),
        ("Shots rang out at 9 a.m. Police arrived.",
         ["Shots rang out at 9 a.m.", "Police arrived."]),
        ("Shots rang out at 9 p.m. local time.", ["Shots rang out at 9 p.m. local time."]),
        ("Fighting near St. Petersburg ended.", ["Fighting near St. Petersburg ended."]),
        # initials and numbers
        ("John F. Kennedy spoke. Crowds cheered.", ["John F. Kennedy spoke.", "Crowds cheered."]),
        ("Prices rose 3.5 percent, or 1,200 rupees. Traders left.",
         ["Prices rose 3.5 percent, or 1,200 rupees.", "Traders left."]),
        # ellipses
        ("We waited... Then the shelling began.", ["We waited...", "Then the shelling began."]),
        ("We waited... and waited.", ["We waited... and waited."]),
        # quotations
        ('"Our borders are secure. We will respond," he said.',
         ['"Our borders are secure.', 'We will respond," he said.']),
        ('She called it "an illegal act." Talks stopped.',
         ['She called it "an illegal act."', "Talks stopped."]),
        ('"Why now?" he asked.', ['"Why now?" he asked.']),
        ("(The vote was delayed.) Parliament adjourned.",
         ["(The vote was delayed.)", "Parliament adjourned."]),
        # paragraph breaks always end a sentence
        ("A headline without a stop\n\nThe story begins.", ["A headline without a stop",
                                                            "The story begins."]),
        # glued sentences, but not names with a full stop inside
        ("Rockets hit the town.The residents fled.",
         ["Rockets hit the town.", "The residents fled."]),
        ("Trend.Az reported the talks.", ["Trend.Az reported the talks."]),
        # datelines
        ("SALEM, Ore. (AP) - Crowds gathered.", ["SALEM, Ore. (AP) - Crowds gathered."]),
        # nothing to split
        ("", []),
        ("   \n\n  ", []),
        ("...", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert pieces(text) == expected


def test_sentences_carry_their_index_and_offsets() -> None:
    text = "One left.  Two stayed.\n\nThree returned."
    assert split_sentences(text) == [
        Sentence(0, 0, 9, "One left."),
        Sentence(1, 11, 22, "Two stayed."),
        Sentence(2, 24, 39, "Three returned."),
    ]


@given(texts)
def test_split_sentences_accepts_any_string(text: str) -> None:
    sentences = split_sentences(text)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for sentence in sentences:
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert any(ch.isalnum() for ch in sentence.text)


@given(texts)
def test_sentences_are_in_order_and_do_not_overlap(text: str) -> None:
    sentences = split_sentences(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))


@given(texts)
def test_no_sentence_crosses_a_paragraph_break(text: str) -> None:
    for sentence in split_sentences(clean_text(text)):
        assert "\n\n" not in sentence.text


@given(texts)
def test_sentences_keep_every_word_of_the_text(text: str) -> None:
    cleaned = clean_text(text)
    kept = "".join(s.text for s in split_sentences(cleaned))
    dropped = "".join(ch for ch in cleaned if ch.isalnum())
    assert "".join(ch for ch in kept if ch.isalnum()) == dropped
