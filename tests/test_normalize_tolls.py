"""Numbers and the death and injury tolls stated in sentences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import number_in_words, small_numbers, texts

from eventcoder.normalize.tolls import Toll, find_tolls, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7", 7),
        ("1,200", 1200),
        ("12,000,000", 12_000_000),
        ("seven", 7),
        ("Seven", 7),
        ("twenty-three", 23),
        ("twenty three", 23),
        ("one hundred and five", 105),
        ("one hundred five", 105),
        ("a hundred", 100),
        ("two thousand and five", 2005),
        ("twelve hundred", 1200),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a dozen", 6),
        ("1.5 million", 1_500_000),
        ("a", 1),
        ("an", 1),
        ("zero", 0),
        # not numbers
        ("", None),
        ("dozens", None),
        ("several", None),
        ("seven eight", None),
        ("twenty twenty", None),
        ("hundred and", None),
        ("and five", None),
        ("-5", None),
        ("3.5", None),
        ("1,20", None),
        ("seventh", None),
        ("people", None),
    ],
)
def test_parse_number(text: str, expected: int | None) -> None:
    assert parse_number(text) == expected


@given(small_numbers, st.booleans())
def test_words_and_digits_give_the_same_number(value: int, british: bool) -> None:
    assert parse_number(number_in_words(value, british=british)) == value
    assert parse_number(str(value)) == value
    assert parse_number(f"{value:,}") == value


def tolls(text: str) -> list[tuple[int, str]]:
    return [(toll.count, toll.kind) for toll in find_tolls(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count before a death or injury word
        ("Nine persons travelling in the van were killed.", [(9, "dead")]),
        ("At least 20 people died when the bridge fell.", [(20, "dead")]),
        ("More than 40 villagers were killed overnight.", [(40, "dead")]),
        ("About 150 people were killed in the clashes.", [(150, "dead")]),
        ("As many as seven fighters perished.", [(7, "dead")]),
        ("The bombing left 5 dead.", [(5, "dead")]),
        ("The bombing left 5 people dead and 20 injured.", [(5, "dead"), (20, "injured")]),
        ("Four soldiers killed in a roadside blast.", [(4, "dead")]),
        ("A soldier was killed near the post.", [(1, "dead")]),
        ("An elderly villager was shot dead.", [(1, "dead")]),
        ("One policeman died of his wounds.", [(1, "dead")]),
        ("Officials counted 1,200 deaths.", [(1200, "dead")]),
        ("Rescuers recovered 31 bodies.", [(31, "dead")]),
        ("Two thousand people were killed.", [(2000, "dead")]),
        ("Twenty-three miners died underground.", [(23, "dead")]),
        # a count after a killing verb or a toll
        ("Gunmen raided the market, killing at least 12.", [(12, "dead")]),
        ("Rebels killed 8 soldiers and wounded 15.", [(8, "dead"), (15, "injured")]),
        ("The strike claimed two lives.", [(2, "dead")]),
        ("The blast claimed the lives of 14 workers.", [(14, "dead")]),
        ("The death toll rose to 40 on Sunday.", [(40, "dead")]),
        ("The death toll from the floods has reached 73.", [(73, "dead")]),
        # vague quantities, conservatively (ACLED's fatality rules)
        ("Dozens of people were killed.", [(12, "dead")]),
        ("Scores of protesters were killed.", [(12, "dead")]),
        ("Hundreds of civilians died.", [(100, "dead")]),
        ("Several guards were killed.", [(3, "dead")]),
        ("A few residents were killed.", [(3, "dead")]),
        ("Many worshippers were killed.", [(10, "dead")]),
        ("A dozen soldiers were killed.", [(12, "dead")]),
        # the lowest figure of a range
        ("Between 10 and 15 fighters were killed.", [(10, "dead")]),
        ("Ten to fifteen fighters were killed.", [(10, "dead")]),
        # injuries are never deaths
        ("Seven students were wounded.", [(7, "injured")]),
        ("Dozens of protesters were hurt.", [(12, "injured")]),
        ("Thirty people suffered injuries.", [(30, "injured")]),
        ("The blast injured 30 people.", [(30, "injured")]),
        # a subset is not a separate toll
        ("Nine people, including two children, were killed.", [(9, "dead")]),
        ("Six people, including two boys and three women, died.", [(6, "dead")]),
        # stated zero
        ("No one was killed in the blast.", [(0, "dead")]),
        ("Nobody was hurt.", [(0, "injured")]),
    ],
)
def test_find_tolls(text: str, expected: list[tuple[int, str]]) -> None:
    assert tolls(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Two gunmen killed the guard.",  # the count is the killers, not the dead
        "Three attacks killed civilians.",
        "The 2019 attack was condemned.",
        "The minister, 54, resigned.",
        "A 25-year-old was arrested.",
        "Prices rose 3.5 percent.",
        "Five years ago the town was shelled.",
        "The talks lasted 12 hours.",
        "The casualties numbered 40.",  # casualties says nothing about deaths
        "Voters elected 12 members.",
        "Ministers met on 16 January.",
        "The army killed civilians.",
    ],
)
def test_sentences_without_a_toll(text: str) -> None:
    assert tolls(text) == []


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("Dozens of people were killed.", True),
        ("Hundreds of civilians died.", True),
        ("Several guards were killed.", True),
        ("A dozen soldiers were killed.", False),
        ("At least 20 people died.", False),
        ("Ten to fifteen fighters were killed.", False),
    ],
)
def test_counts_standing_for_vague_words_are_marked(text: str, vague: bool) -> None:
    (toll,) = find_tolls(text)
    assert toll.vague is vague


def test_toll_offsets_point_at_the_statement() -> None:
    text = "Police said the raid, killing at least 12, ended at dawn."
    (toll,) = find_tolls(text)
    assert toll == Toll(22, 41, "killing at least 12", 12, "dead", vague=False)
    assert text[toll.start:toll.end] == toll.text


@given(small_numbers, st.sampled_from(["people were killed", "civilians died", "were wounded"]))
def test_a_number_in_words_or_digits_gives_the_same_toll(value: int, rest: str) -> None:
    in_digits = tolls(f"Officials said {value} {rest}.")
    in_words = tolls(f"Officials said {number_in_words(value)} {rest}.")
    assert in_digits == in_words
    assert [count for count, _ in in_digits] == [value]


@given(texts)
def test_a_toll_is_never_negative(text: str) -> None:
    for toll in find_tolls(text):
        assert toll.count >= 0
        assert toll.kind in ("dead", "injured")
        assert text[toll.start:toll.end] == toll.text


@given(st.integers(min_value=-10**6, max_value=-1))
def test_negative_numbers_give_no_toll(value: int) -> None:
    assert all(toll.count >= 0 for toll in find_tolls(f"{value} people were killed."))


@given(texts)
def test_parse_number_accepts_any_string(text: str) -> None:
    result = parse_number(text)
    assert result is None or result >= 0
