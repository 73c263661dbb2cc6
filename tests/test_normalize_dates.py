"""Date expressions found in sentences and resolved against the article's date."""

from __future__ import annotations

import datetime
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import dates, texts, weekdays

from eventcoder.normalize.dates import DateMention, find_dates, parse_date, resolve_weekday

D = datetime.date
# A Thursday.
REFERENCE = D(2024, 1, 18)


def only(text: str, reference: D | None = REFERENCE, *, future: bool = False) -> DateMention:
    found = find_dates(text, reference, future=future)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "words", "value", "precision"),
    [
        ("Talks opened on 16 January 2024 in Doha.", "16 January 2024", D(2024, 1, 16), "day"),
        ("Talks opened on 16th of January, 2024.", "16th of January, 2024", D(2024, 1, 16), "day"),
        ("Talks opened on Jan. 16, 2024.", "Jan. 16, 2024", D(2024, 1, 16), "day"),
        ("Talks opened on January 16th 2024.", "January 16th 2024", D(2024, 1, 16), "day"),
        ("Talks opened on 2024-01-16.", "2024-01-16", D(2024, 1, 16), "day"),
        ("Talks opened on 16/01/2024.", "16/01/2024", D(2024, 1, 16), "day"),
        ("Talks opened on 16.01.2024.", "16.01.2024", D(2024, 1, 16), "day"),
        ("Talks opened on 05/03/2023.", "05/03/2023", D(2023, 3, 5), "day"),  # day first
        ("Talks opened in January 2024.", "January 2024", D(2024, 1, 1), "month"),
        ("Talks opened in May 2019.", "May 2019", D(2019, 5, 1), "month"),
        ("The border closed in 2023.", "in 2023", D(2023, 1, 1), "year"),
        ("The border closed in early 2023.", "in early 2023", D(2023, 1, 1), "year"),
    ],
)
def test_absolute_dates(text: str, words: str, value: D, precision: str) -> None:
    for reference in (REFERENCE, None):
        mention = only(text, reference)
        assert (mention.text, mention.value, mention.precision, mention.relative) == (
            words, value, precision, False,
        )
        assert text[mention.start:mention.end] == words


@pytest.mark.parametrize(
    ("text", "words", "value", "precision"),
    [
        ("Troops moved on Tuesday.", "on Tuesday", D(2024, 1, 16), "day"),
        ("Troops moved on Thursday.", "on Thursday", D(2024, 1, 18), "day"),  # same day counts
        ("Troops moved on Friday.", "on Friday", D(2024, 1, 12), "day"),
        ("Troops moved Tuesday morning.", "Tuesday morning", D(2024, 1, 16), "day"),
        ("Troops moved Thursday night.", "Thursday night", D(2024, 1, 18), "day"),
        ("Troops moved last Thursday.", "last Thursday", D(2024, 1, 11), "day"),
        ("Troops moved today.", "today", D(2024, 1, 18), "day"),
        ("Troops move tonight.", "tonight", D(2024, 1, 18), "day"),
        ("Troops moved this morning.", "this morning", D(2024, 1, 18), "day"),
        ("Troops moved yesterday.", "yesterday", D(2024, 1, 17), "day"),
        ("Troops moved yesterday evening.", "yesterday evening", D(2024, 1, 17), "day"),
        ("Troops moved last night.", "last night", D(2024, 1, 17), "day"),
        ("Troops had moved the day before.", "the day before", D(2024, 1, 17), "day"),
        ("Troops moved two days ago.", "two days ago", D(2024, 1, 16), "day"),
        ("Troops moved 3 days ago.", "3 days ago", D(2024, 1, 15), "day"),
        ("Troops moved last week.", "last week", D(2024, 1, 11), "week"),
        ("Troops moved earlier this month.", "earlier this month", D(2024, 1, 1), "month"),
        ("Troops moved last month.", "last month", D(2023, 12, 1), "month"),
        ("Troops moved last year.", "last year", D(2023, 1, 1), "year"),
        ("Troops moved on January 16.", "January 16", D(2024, 1, 16), "day"),
        ("Troops moved on 16 January.", "16 January", D(2024, 1, 16), "day"),
        # more than about two months after the reference: last year's
        ("Troops moved on December 28.", "December 28", D(2023, 12, 28), "day"),
        ("Troops moved in December.", "in December", D(2023, 12, 1), "month"),
    ],
)
def test_relative_dates(text: str, words: str, value: D, precision: str) -> None:
    mention = only(text)
    assert (mention.text, mention.value, mention.precision, mention.relative) == (
        words, value, precision, True,
    )
    assert text[mention.start:mention.end] == words


@pytest.mark.parametrize(
    "text",
    [
        "Troops moved on Tuesday.",
        "Troops moved yesterday.",
        "Troops moved last week.",
        "Troops moved two days ago.",
        "Troops moved on January 16.",
    ],
)
def test_relative_dates_without_a_reference_are_found_without_a_value(text: str) -> None:
    mention = only(text, None)
    assert mention.value is None
    assert mention.relative


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Talks will resume on Tuesday.", D(2024, 1, 23)),
        ("Talks will resume on Thursday.", D(2024, 1, 25)),  # the next one, not today
        ("Talks will resume next Monday.", D(2024, 1, 22)),
    ],
)
def test_future_weekdays_resolve_forward(text: str, value: D) -> None:
    assert only(text, future=True).value == value


@pytest.mark.parametrize(
    "text",
    [
        "Iran struck days after the talks.",
        "Iran struck two days later.",
        "Iran struck the following day.",
        "Iran struck hours after the vote.",
    ],
)
def test_spans_from_another_event_have_no_value(text: str) -> None:
    mention = only(text)
    assert mention.value is None
    assert mention.relative


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The raid on Tuesday, January 16 ended.", "on Tuesday, January 16", D(2024, 1, 16)),
        ("The raid last night (January 17) ended.", "last night (January 17)", D(2024, 1, 17)),
        ("The raid on Wednesday 17 January 2024 ended.", "on Wednesday 17 January 2024",
         D(2024, 1, 17)),
    ],
)
def test_a_weekday_next_to_its_date_is_one_mention(text: str, words: str, value: D) -> None:
    mention = only(text)
    assert (mention.text, mention.value) == (words, value)


def test_mentions_come_in_order_with_their_offsets() -> None:
    text = "On Monday the army said that on 2 January 2024 and again yesterday it fired."
    found = find_dates(text, REFERENCE)
    assert [m.text for m in found] == ["On Monday", "2 January 2024", "yesterday"]
    assert all(text[m.start:m.end] == m.text for m in found)
    assert [m.start for m in found] == sorted(m.start for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "No date here.",
        "Troops may withdraw.",  # the modal verb, not the month
        "Prices rose 3.5 percent.",
        "Invalid: 31/02/2024 and 2024-13-40.",
        "The vote was 16 to 12.",
    ],
)
def test_texts_without_dates(text: str) -> None:
    assert find_dates(text, REFERENCE) == []


@pytest.mark.parametrize(
    ("text", "dayfirst", "expected"),
    [
        ("16 January 2024", True, D(2024, 1, 16)),
        ("Tuesday, 16 January 2024", True, D(2024, 1, 16)),
        ("Jan. 16, 2024", True, D(2024, 1, 16)),
        ("2024-01-16", True, D(2024, 1, 16)),
        ("05/03/2023", True, D(2023, 3, 5)),
        ("05/03/2023", False, D(2023, 5, 3)),
        ("01/16/2024", True, D(2024, 1, 16)),  # month first where day first is impossible
        ("16.01.24", True, D(2024, 1, 16)),
        ("January 2024", True, D(2024, 1, 1)),
        ("2023", True, D(2023, 1, 1)),
        ("yesterday", True, None),
        ("on Tuesday", True, None),
        ("31/02/2024", True, None),
        ("February 30, 2024", True, None),
        ("", True, None),
        ("soon", True, None),
    ],
)
def test_parse_date(text: str, dayfirst: bool, expected: D | None) -> None:
    assert parse_date(text, dayfirst=dayfirst) == expected


@pytest.mark.parametrize(
    ("weekday", "reference", "future", "expected"),
    [
        (1, D(2024, 1, 18), False, D(2024, 1, 16)),
        (3, D(2024, 1, 18), False, D(2024, 1, 18)),
        (4, D(2024, 1, 18), False, D(2024, 1, 12)),
        (1, D(2024, 1, 18), True, D(2024, 1, 23)),
        (3, D(2024, 1, 18), True, D(2024, 1, 25)),
        (4, D(2024, 1, 18), True, D(2024, 1, 19)),
    ],
)
def test_resolve_weekday(weekday: int, reference: D, future: bool, expected: D) -> None:
    assert resolve_weekday(weekday, reference, future=future) == expected


@pytest.mark.parametrize("weekday", [-1, 7, 100])
def test_resolve_weekday_rejects_a_day_outside_the_week(weekday: int) -> None:
    with pytest.raises(ValueError, match="weekday must be"):
        resolve_weekday(weekday, REFERENCE)


@given(weekdays, dates)
def test_resolved_weekday_is_within_a_week_before_the_reference(weekday: int, reference: D) -> None:
    value = resolve_weekday(weekday, reference)
    assert 0 <= (reference - value).days <= 6
    assert value.weekday() == weekday


@given(weekdays, dates)
def test_future_weekday_is_within_a_week_after_the_reference(weekday: int, reference: D) -> None:
    value = resolve_weekday(weekday, reference, future=True)
    assert 1 <= (value - reference).days <= 7
    assert value.weekday() == weekday


_WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@given(weekdays, dates, st.booleans())
def test_a_weekday_in_a_sentence_resolves_like_resolve_weekday(
    weekday: int, reference: D, future: bool
) -> None:
    mention = only(f"The envoy met them on {_WEEKDAY_NAMES[weekday]}.", reference, future=future)
    assert mention.value == resolve_weekday(weekday, reference, future=future)


@given(st.dates(min_value=D(1800, 1, 1), max_value=D(2099, 12, 31)))
def test_absolute_dates_round_trip_through_iso_form(value: D) -> None:
    assert parse_date(value.isoformat()) == value
    written = f"{value.day} {value.strftime('%B')} {value.year}"
    assert parse_date(written) == value
    assert only(f"It happened on {written}.", None).value == value
    assert only(f"It happened on {value.isoformat()}.", None).value == value


@given(texts, st.one_of(st.none(), dates), st.booleans())
def test_find_dates_accepts_any_string(text: str, reference: D | None, future: bool) -> None:
    found = find_dates(text, reference, future=future)
    assert all(text[m.start:m.end] == m.text for m in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@given(texts)
def test_parse_date_accepts_any_string(text: str) -> None:
    result = parse_date(text)
    assert result is None or isinstance(result, D)


def test_extreme_references_do_not_raise() -> None:
    for reference in (D.min, D.max):
        find_dates("It happened last month, last year, two years ago and on Tuesday.", reference)
