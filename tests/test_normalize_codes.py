"""CAMEO event codes, CAMEO actor codes and ISO countries in their canonical forms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import any_text, cameo_like, texts

from eventcoder.normalize.codes import (
    CAMEO_EVENT_CODES,
    cameo_root,
    country_alpha3,
    normalize_actor_code,
    normalize_cameo_code,
)

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "cameo_event_codes.json"


@pytest.mark.skipif(not REFERENCE.is_file(), reason="reference code list not available")
def test_code_set_matches_the_reference_list() -> None:
    listed = {entry["code"] for entry in json.loads(REFERENCE.read_text(encoding="utf-8"))}
    assert listed == CAMEO_EVENT_CODES


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0256", "0256"),
        ("256", "0256"),
        (256, "0256"),
        (" 0256 ", "0256"),
        ("'0256", "0256"),  # spreadsheet text marker
        ('="0256"', "0256"),
        ("25.6", "0256"),  # a code mangled into a decimal
        (25.6, "0256"),
        (256.0, "0256"),
        ("19", "19"),
        (19, "19"),
        ("195", "195"),
        ("195.0", "195"),
        ("1951", "1951"),
        ("10", "10"),  # root 10, not 010
        ("010", "010"),
        (42, "042"),
        ("42", "042"),
        ("042", "042"),
        ("21", "021"),  # no root 21: read with its leading zero
        ("2", "02"),
        ("00256", "0256"),
        # not codes
        ("", None),
        ("0", None),
        (0, None),
        ("99", None),
        ("257", None),
        ("2561", None),
        ("abc", None),
        ("0256a", None),
        ("-256", None),
        (-256, None),
        (True, None),
        (float("nan"), None),
        (float("inf"), None),
        ("\u0662\u0665\u0666", None),  # Arabic-Indic digits
        ("1" * 40, None),
    ],
)
def test_normalize_cameo_code(value: str | int | float, expected: str | None) -> None:
    assert normalize_cameo_code(value) == expected


@given(cameo_like)
def test_normalize_cameo_code_accepts_anything(value: str | int | float) -> None:
    result = normalize_cameo_code(value)
    assert result is None or result in CAMEO_EVENT_CODES


@given(cameo_like)
def test_normalize_cameo_code_is_idempotent(value: str | int | float) -> None:
    result = normalize_cameo_code(value)
    if result is not None:
        assert normalize_cameo_code(result) == result


@given(st.sampled_from(sorted(CAMEO_EVENT_CODES)))
def test_every_code_survives_a_numeric_column(code: str) -> None:
    """A code stored as a number (losing its leading zero) reads back as itself, except
    where the number is itself another code (042 and 42 read as 042; 010 and 10 differ)."""
    as_number = int(code)
    if str(as_number) not in CAMEO_EVENT_CODES:
        assert normalize_cameo_code(as_number) == code


@pytest.mark.parametrize(
    ("code", "root"),
    [("0256", "02"), ("256", "02"), ("19", "19"), ("1951", "19"), ("042", "04"), ("20", "20")],
)
def test_cameo_root(code: str, root: str) -> None:
    assert cameo_root(code) == root


@pytest.mark.parametrize("value", ["", "99", "abc", "21x"])
def test_cameo_root_rejects_non_codes_naming_the_value(value: str) -> None:
    with pytest.raises(ValueError, match="not a CAMEO event code"):
        cameo_root(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("PAKGOV", "PAKGOV"),
        (" pakgov ", "PAKGOV"),
        ("Irn", "IRN"),
        ("IGOUNOWHO", "IGOUNOWHO"),
        ("ABCDEFGHIJKLMNO", "ABCDEFGHIJKLMNO"),  # 15 letters
        ("ABCDEFGHIJKLMNOPQR", None),  # 18 letters
        ("PA", None),
        ("PAKG", None),  # not whole 3-letter elements
        ("PAK GOV", None),
        ("PAK1", None),
        ("ÄBC", None),
        ("", None),
    ],
)
def test_normalize_actor_code(value: str, expected: str | None) -> None:
    assert normalize_actor_code(value) == expected


@given(texts)
def test_normalize_actor_code_is_idempotent(value: str) -> None:
    result = normalize_actor_code(value)
    if result is not None:
        assert normalize_actor_code(result) == result


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("IR", "IRN"),
        ("ir", "IRN"),
        ("IRN", "IRN"),
        ("364", "IRN"),
        ("4", "AFG"),
        ("004", "AFG"),
        ("Iran", "IRN"),
        ("Islamic Republic of Iran", "IRN"),
        ("Iran, Islamic Republic of", "IRN"),
        ("United States", "USA"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("Britain", "GBR"),
        ("United Kingdom", "GBR"),
        ("Burma", "MMR"),
        ("Myanmar", "MMR"),
        ("Russia", "RUS"),
        ("Côte d’Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("North Korea", "PRK"),
        ("Democratic Republic of the Congo", "COD"),
        ("  pakistan ", "PAK"),
        # not countries
        ("", None),
        ("XX", None),
        ("999", None),
        ("Atlantis", None),
        ("Iranian", None),
        ("Balochistan", None),
    ],
)
def test_country_alpha3(value: str, expected: str | None) -> None:
    assert country_alpha3(value) == expected


@given(texts)
def test_country_alpha3_is_idempotent(value: str) -> None:
    result = country_alpha3(value)
    if result is not None:
        assert country_alpha3(result) == result


@given(any_text)
def test_country_alpha3_accepts_any_string(value: str) -> None:
    result = country_alpha3(value)
    assert result is None or (len(result) == 3 and result.isupper())
