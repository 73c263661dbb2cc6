"""normalize_name: one lookup form for actor and place names."""

from __future__ import annotations

import pytest
from hypothesis import given
from strategies import name_variants, texts

from eventcoder.normalize.names import fold, normalize_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Īlām", "ilam"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("“Quoted” — dash", '"quoted" - dash'),
        ("STRASSE", "strasse"),
        ("", ""),
    ],
)
def test_fold_lowercases_strips_accents_and_straightens_quotes(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Taliban", "taliban"),
        ("The Taliban", "taliban"),
        ("the  Taliban’s", "taliban"),
        ("Pakistan's", "pakistan"),
        ("the rebels' ", "rebels"),
        ("Jaish al-Adl", "jaish al adl"),
        ("Sistan–Baluchistan", "sistan baluchistan"),
        ("U.S.", "u s"),
        ("  Île-de-France  ", "ile de france"),
        ("São Paulo", "sao paulo"),
        ("Theodore", "theodore"),  # only a whole leading word "the" is dropped
        ("the", "the"),
        ("The The", "the"),
        ("  ", ""),
        ("", ""),
        ("!!!", ""),
        ("O’Brien", "o brien"),
    ],
)
def test_normalize_name_examples(text: str, expected: str) -> None:
    assert normalize_name(text) == expected


@given(texts)
def test_normalize_name_accepts_any_string(text: str) -> None:
    assert isinstance(normalize_name(text), str)


@given(texts)
def test_normalize_name_is_idempotent(text: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once


@given(texts)
def test_normalize_name_has_no_outer_or_double_spaces(text: str) -> None:
    result = normalize_name(text)
    assert result == result.strip()
    assert "  " not in result


@given(name_variants())
def test_case_whitespace_quotes_and_accents_do_not_change_a_name(pair: tuple[str, str]) -> None:
    plain, variant = pair
    assert normalize_name(variant) == normalize_name(plain)
