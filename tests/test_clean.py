"""clean_text: the codable text of an article."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import texts

from eventcoder.text.clean import clean_text, original_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("The envoy\u2019s \u201cfirm\u201d reply.", "The envoy's \"firm\" reply."),
        ("A\u00a0non-breaking\u202fspace.", "A non-breaking space."),
        ("Zero\u200bwidth\u200d joiners\ufeff.", "Zerowidth joiners."),
        ("Cafe\u0301 talks.", "Caf\u00e9 talks."),  # NFC
        ("The strike\u2014the third this week\u2014hit a depot.",
         "The strike - the third this week - hit a depot."),
        ("Troops \u2013 and police \u2013 arrived.", "Troops - and police - arrived."),
        ("India\u2013Pakistan talks.", "India-Pakistan talks."),
        ("Wait\u2026 then go.", "Wait... then go."),
        ("Soft\u00adhyphen.", "Softhyphen."),
        ("Tabs\tand  double  spaces.", "Tabs and double spaces."),
    ],
)
def test_characters_are_made_plain(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_paragraphs_are_kept_and_lines_inside_them_joined() -> None:
    raw = "First line\nof the first paragraph.\r\n\r\n\n  Second paragraph.  \n"
    assert clean_text(raw) == "First line of the first paragraph.\n\nSecond paragraph."


STORY = "Police said the convoy was attacked near the border."


@pytest.mark.parametrize(
    "line",
    [
        "ALSO READ: Ministers meet in the capital",
        "Also read | Ministers meet in the capital",
        "READ MORE: Five things to know",
        "Read more about the ceasefire here",
        "Subscribe to our newsletter",
        "Sign up for alerts",
        "Click here to watch the video",
        "Follow us on social media",
        "Advertisement",
        "Share this article",
        "By Maria Lopez",
        "By Staff Reporter",
        "BY ADAM WEST and Joan Ng, Reuters",
        "By our correspondent",
        "Photo: Getty Images",
        "(Photo: AFP)",
        "File photo: troops on patrol",
        "Source: news agencies",
        "\u2022 Source:XYZ",
        "(Reporting by Ana Ruiz; Editing by Tom Hall)",
        "Additional reporting by Sam Lee in Kabul",
    ],
)
def test_boilerplate_lines_are_dropped(line: str) -> None:
    assert clean_text(f"{line}\n\n{STORY}\n\n{line}") == STORY
    assert clean_text(f"{STORY}\n{line}") == STORY


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday, the troops had left the town.",
        "By the end of the week the talks had failed.",
        "Subscribers lost access during the outage.",
        "Sources said the talks had stalled.",
        "Photographers were barred from the court.",
        "Advertisements for the rally were banned.",
        "The source: a leaked memo.",
    ],
)
def test_story_lines_that_look_like_boilerplate_are_kept(line: str) -> None:
    assert clean_text(line) == line


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (f"{STORY}\u2022 Source:XYZ", STORY),
        (f"{STORY} \u2022 Source: XYZ News", STORY),
        (f"{STORY} (Reporting by Ana Ruiz; Editing by Tom Hall)", STORY),
        ("Police (Photo: AFP) said the convoy was attacked near the border.", STORY),
    ],
)
def test_credits_glued_to_a_paragraph_are_removed(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@given(texts)
def test_clean_text_accepts_any_string(raw: str) -> None:
    cleaned = clean_text(raw)
    assert cleaned == cleaned.strip()
    assert "\n\n\n" not in cleaned
    cleaned.encode("utf-8")  # no lone surrogates


@given(texts)
def test_cleaned_text_is_nfc_without_curly_quotes_or_invisible_spaces(raw: str) -> None:
    cleaned = clean_text(raw)
    assert unicodedata.is_normalized("NFC", cleaned)
    assert not set(cleaned) & set("\u2018\u2019\u201c\u201d\u00a0\u200b\ufeff\t\r")


@given(texts)
def test_cleaning_is_idempotent(raw: str) -> None:
    once = clean_text(raw)
    assert clean_text(once) == once


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("WASHINGTON \u2014 Iran\u2019s navy seized a tanker.",
         "WASHINGTON \u2014 Iran\u2019s navy seized a tanker."),
        ("Intro line.\n\nKABUL \u2013 The \u201cTaliban\u201d  said so.",
         "KABUL \u2013 The \u201cTaliban\u201d  said so."),
    ],
)
def test_a_record_quotes_its_sentence_as_the_article_wrote_it(raw: str, expected: str) -> None:
    cleaned = clean_text(raw).split("\n\n")[-1]
    assert original_text(raw, cleaned) == expected


@given(st.text(max_size=300))
def test_the_original_text_cleans_back_to_the_clean_text(raw: str) -> None:
    cleaned = clean_text(raw)
    found = original_text(raw, cleaned)
    assert " ".join(clean_text(found).split()) == " ".join(cleaned.split())
