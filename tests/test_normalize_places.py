"""Place names, the gazetteer, and the places a sentence names."""

from __future__ import annotations

import pickle
import unicodedata
from pathlib import Path

import pycountry
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.normalize.places import (
    Gazetteer,
    Place,
    PlaceMention,
    best_location,
    find_places,
    normalize_place_name,
)

ROOT = Path(__file__).resolve().parent.parent
PLACES = ROOT / "codebooks" / "default" / "places"
TOWNS = ROOT / "codebooks" / "default" / "gazetteer" / "towns.tsv"


def _entries() -> list[dict[str, object]]:
    entries: list[dict[str, object]] = []
    for path in sorted(PLACES.glob("*.yaml")):
        entries.extend(yaml.safe_load(path.read_text(encoding="utf-8")).get("entries") or [])
    return entries


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.build(_entries(), TOWNS)


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran's", "iran"),
        ("Iran\u2019s", "iran"),
        ("the Philippines' ", "philippines"),
        ("Sistan-Baluchistan province", "sistan baluchistan"),
        ("Sīstān va Balūchestān", "sistan va baluchestan"),
        ("Donetsk Oblast", "donetsk"),
        ("Kurdistan Region", "kurdistan"),
        ("Borno State", "borno"),
        ("Gaza City", "gaza"),
        ("Panjgur district", "panjgur"),
        ("the Gaza Strip", "gaza strip"),
        ("Ta\u2019izz", "taizz"),
        ("Sa'dah", "sadah"),
        ("Īlām", "ilam"),
        ("Jammu & Kashmir", "jammu and kashmir"),
        ("Khyber\u2013Pakhtunkhwa", "khyber pakhtunkhwa"),
        ("Bogotá D.C.", "bogota dc"),
        ("  Kabul \n", "kabul"),
        ("KPK", "kpk"),
        # generic words alone are kept: there is nothing else to look up
        ("Province", "province"),
        ("the", "the"),
        # nothing to look up
        ("", ""),
        ("   ", ""),
        ("'s", "s"),
        ("--", ""),
        (None, ""),
        (42, ""),
    ],
)
def test_normalize_place_name(text: object, expected: str) -> None:
    assert normalize_place_name(text) == expected  # type: ignore[arg-type]


_LETTERS = "abcdefghijklmnopqrstuvwxyzāīūēéèçñöüşţḩḑăâ"
names = st.text(alphabet=_LETTERS + " -'", min_size=1, max_size=30)


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


@given(st.text())
def test_normalize_place_name_accepts_any_string_and_is_idempotent(text: str) -> None:
    once = normalize_place_name(text)
    assert isinstance(once, str)
    assert normalize_place_name(once) == once


@given(names)
def test_normalize_place_name_ignores_case(name: str) -> None:
    assert normalize_place_name(name.upper()) == normalize_place_name(name)
    assert normalize_place_name(name.title()) == normalize_place_name(name)


@given(names, st.sampled_from([" ", "  ", "\t", "\n", " \u00a0"]))
def test_normalize_place_name_ignores_surrounding_whitespace(name: str, space: str) -> None:
    assert normalize_place_name(space + name + space) == normalize_place_name(name)


@given(names)
def test_normalize_place_name_reads_curly_quotes_as_straight(name: str) -> None:
    assert normalize_place_name(name.replace("'", "\u2019")) == normalize_place_name(name)


@given(names)
def test_normalize_place_name_ignores_diacritics(name: str) -> None:
    assert normalize_place_name(_strip_marks(name)) == normalize_place_name(name)


# --------------------------------------------------------------------------- lookup


@pytest.mark.parametrize(
    ("name", "kind", "country", "admin1_code"),
    [
        ("Sistan-Baluchistan", "admin1", "IRN", "IR-11"),
        ("Sistan and Baluchestan", "admin1", "IRN", "IR-11"),
        ("Siestan-o-Baluchistan", "admin1", "IRN", "IR-11"),
        ("Sistan va Baluchestan province", "admin1", "IRN", "IR-11"),
        ("Baluchistan", "admin1", "PAK", "PK-BA"),
        ("Balochistan province", "admin1", "PAK", "PK-BA"),
        ("KPK", "admin1", "PAK", "PK-KP"),
        ("NWFP", "admin1", "PAK", "PK-KP"),
        ("Donetsk oblast", "admin1", "UKR", "UA-14"),
        ("Zaporizhzhia region", "admin1", "UKR", "UA-23"),
        ("Belgorod region", "admin1", "RUS", "RU-BEL"),
        ("West Bank", "admin1", "PSE", "PS-WBK"),
        ("Gaza Strip", "admin1", "PSE", "PS-GZA"),
        ("Nineveh", "admin1", "IRQ", "IQ-NI"),
        ("Deir ez-Zor province", "admin1", "SYR", "SY-DY"),
        ("Hodeidah governorate", "admin1", "YEM", "YE-HU"),
        ("Lower Shabelle", "admin1", "SOM", "SO-SH"),
        ("North Darfur", "admin1", "SDN", "SD-DN"),
        ("Tigray", "admin1", "ETH", "ET-TI"),
        ("North Kivu", "admin1", "COD", "CD-NK"),
        ("Rakhine State", "admin1", "MMR", "MM-16"),
        ("Jammu and Kashmir", "admin1", "IND", "IN-JK"),
        ("Michoacan", "admin1", "MEX", "MX-MIC"),
        ("Norte de Santander", "admin1", "COL", "CO-NSA"),
        ("Niger State", "admin1", "NGA", "NG-NI"),
        # without a generic word, a country comes first
        ("Niger", "country", "NER", None),
        ("Iran", "country", "IRN", None),
        ("the Democratic Republic of the Congo", "country", "COD", None),
        ("DR Congo", "country", "COD", None),
        ("Syria", "country", "SYR", None),
        # "city" puts towns first
        ("Mexico City", "town", "MEX", "MX-CMX"),
        ("Quetta city", "town", "PAK", "PK-BA"),
    ],
)
def test_lookup_first_candidate(
    gazetteer: Gazetteer, name: str, kind: str, country: str, admin1_code: str | None
) -> None:
    first = gazetteer.lookup(name)[0]
    assert (first.kind, first.country, first.admin1_code) == (kind, country, admin1_code)


@pytest.mark.parametrize("name", ["", "   ", "Xqzzyvilleburg", "province", "12345", "'s"])
def test_lookup_unknown_names_give_nothing(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.lookup(name) == []


def test_lookup_orders_towns_by_population(gazetteer: Gazetteer) -> None:
    towns = [p for p in gazetteer.lookup("Tripoli") if p.kind == "town"]
    assert towns[0].country == "LBY"
    assert {p.country for p in towns} >= {"LBY", "LBN"}


def test_codebook_admin1_carries_capital_coordinates(gazetteer: Gazetteer) -> None:
    place = gazetteer.lookup("Sistan-Baluchistan province")[0]
    assert place.latitude == pytest.approx(29.5, abs=0.1)
    assert place.longitude == pytest.approx(60.9, abs=0.1)


def _top_level(code: str) -> str:
    seen: set[str] = set()
    while code not in seen:
        seen.add(code)
        sub = pycountry.subdivisions.get(code=code)
        parent = getattr(sub, "parent_code", None)
        if not parent:
            break
        code = parent if "-" in parent else f"{code.split('-')[0]}-{parent}"
    return code


def test_every_iso_subdivision_is_reachable_by_its_name(gazetteer: Gazetteer) -> None:
    missing = []
    for sub in pycountry.subdivisions:
        codes = {p.admin1_code for p in gazetteer.lookup(sub.name)}
        if not codes & {sub.code, _top_level(sub.code)}:
            missing.append(f"{sub.code} {sub.name}")
    assert missing == []


def test_every_country_is_reachable_by_its_name(gazetteer: Gazetteer) -> None:
    missing = [
        c.alpha_3
        for c in pycountry.countries
        if c.alpha_3 not in {p.country for p in gazetteer.lookup(c.name) if p.kind == "country"}
    ]
    assert missing == []


def test_gazetteer_pickles(gazetteer: Gazetteer) -> None:
    copy = pickle.loads(pickle.dumps(gazetteer))
    assert copy.lookup("Kandahar") == gazetteer.lookup("Kandahar")
    assert copy.max_words == gazetteer.max_words


# --------------------------------------------------------------------------- building

_HEADER = (
    "name\talternate_names\tcountry\tadmin1_code\tlatitude\tlongitude\tpopulation\tgeonameid\n"
)


def test_codebook_towns_win_over_the_table(tmp_path: Path) -> None:
    table = tmp_path / "towns.tsv"
    table.write_text(_HEADER + "Turbat\tKech\tPAK\t\t26.0\t63.0\t100000\t1\n", encoding="utf-8")
    entry = {
        "id": "place.turbat", "type": "town", "country": "PAK", "admin1_code": "PK-BA",
        "names": ["Turbat"], "latitude": 26.0, "longitude": 63.05,
    }
    places = Gazetteer.build([entry], table).lookup("Turbat")
    assert [(p.kind, p.admin1_code, p.longitude) for p in places] == [("town", "PK-BA", 63.05)]


def test_table_alternate_names_are_looked_up(tmp_path: Path) -> None:
    table = tmp_path / "towns.tsv"
    table.write_text(_HEADER + "Mazār-e Sharīf\tMazar-i-Sharif|Mazari Sharif\tAFG\tAF-BAL"
                     "\t36.7\t67.1\t500000\t2\n", encoding="utf-8")
    gazetteer = Gazetteer.build([], table)
    for name in ["Mazar-e Sharif", "Mazar-i-Sharif", "Mazari Sharif", "MAZĀR-E SHARĪF"]:
        assert [p.name for p in gazetteer.lookup(name)] == ["Mazār-e Sharīf"]


@pytest.mark.parametrize(
    "content",
    [
        "",
        "town\tcountry\n",
        _HEADER + "Turbat\tPAK\n",
        _HEADER + "Turbat\t\tPAK\t\t26.0\t63.0\t100000\t1\textra\n",
    ],
)
def test_malformed_tables_are_refused(tmp_path: Path, content: str) -> None:
    table = tmp_path / "towns.tsv"
    table.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=r"towns\.tsv"):
        Gazetteer.build([], table)


def test_entries_without_names_or_type_are_skipped() -> None:
    gazetteer = Gazetteer.build([{"id": "place.x", "type": "admin1", "names": []}, {}], None)
    assert gazetteer.lookup("Kabul")[0].admin1_code == "AF-KAB"


# --------------------------------------------------------------------------- sentences

FIND_CASES = [
    # sentence, then (mention text, kind, country, admin1_code, precision) for each mention
    # a place name inside a longer proper name is not a place
    ("The case went to the Central Bureau of Investigation in Delhi.",
     [("Delhi", "town", "IND", "IN-DL", 1)]),
    ("Doctors from the Federation of Medical Unions marched.", []),
    (
        "Gunmen opened fire near Panjgur city in Pakistan's southwestern Balochistan province.",
        [
            ("Panjgur", "town", "PAK", "PK-BA", 2),
            ("Pakistan", "country", "PAK", None, 3),
            ("Balochistan", "admin1", "PAK", "PK-BA", 3),
        ],
    ),
    (
        "Two border guards were killed in Iran's Sistan-Baluchistan province on Sunday.",
        [("Iran", "country", "IRN", None, 3), ("Sistan-Baluchistan", "admin1", "IRN", "IR-11", 3)],
    ),
    (
        "Police said a bomb exploded in Quetta on Monday.",
        [("Quetta", "town", "PAK", "PK-BA", 1)],
    ),
    (
        "Fighting was reported outside Kadugli, the capital of South Kordofan.",
        [("Kadugli", "town", "SDN", "SD-KS", 2), ("South Kordofan", "admin1", "SDN", "SD-KS", 3)],
    ),
    (
        "Shelling hit Kharkiv and Sumy overnight, the governor of the Kharkiv region said.",
        [("Kharkiv", "admin1", "UKR", "UA-63", 3)],
    ),
    (
        "Drones struck targets in Kharkiv and Sumy overnight.",
        [("Kharkiv", "town", "UKR", "UA-63", 1), ("Sumy", "town", "UKR", "UA-59", 1)],
    ),
    (
        "Militants stormed a village in Borno State, Nigeria.",
        [("Borno State", "admin1", "NGA", "NG-BO", 3), ("Nigeria", "country", "NGA", None, 3)],
    ),
    (
        "Settlers attacked farmers in the occupied West Bank.",
        [("West Bank", "admin1", "PSE", "PS-WBK", 3)],
    ),
    (
        "Protesters marched in Mexico City and in Culiacán, Sinaloa.",
        [
            ("Mexico City", "town", "MEX", "MX-CMX", 1),
            ("Culiacán", "town", "MEX", "MX-SIN", 1),
            ("Sinaloa", "admin1", "MEX", "MX-SIN", 3),
        ],
    ),
    (
        "Rebels seized a town near Goma in North Kivu.",
        [("Goma", "town", "COD", "CD-NK", 2), ("North Kivu", "admin1", "COD", "CD-NK", 3)],
    ),
    (
        "Troops clashed with insurgents in the Sahel region of Burkina Faso.",
        [("Sahel", "admin1", "BFA", "BF-12", 3), ("Burkina Faso", "country", "BFA", None, 3)],
    ),
    (
        "A drone strike killed three people in the town of Kidal.",
        [("Kidal", "town", "MLI", "ML-8", 1)],
    ),
    (
        "Clashes broke out in Khyber Pakhtunkhwa's Kurram district.",
        [("Khyber Pakhtunkhwa", "admin1", "PAK", "PK-KP", 3)],
    ),
    (
        "A car bomb exploded outside an embassy in the Kenyan capital Nairobi.",
        [("Nairobi", "town", "KEN", None, 1)],
    ),
    (
        "Ministers spoke about terrorism in the Middle East on Monday.",
        [],
    ),
    (
        "Rebels shelled a village in Deir ez-Zor province.",
        [("Deir ez-Zor", "admin1", "SYR", "SY-DY", 3)],
    ),
    # names that are English words, people or capitals standing for governments
    ("Tehran said it would respond to the attack.", []),
    ("Karen said that Delta would reopen its office.", []),
    ("March was the bloodiest month since May.", []),
    ("The minister met Mr Jordan on Monday.", []),
    ("", []),
]


def test_words_that_are_no_places_are_never_read_as_towns() -> None:
    gazetteer = Gazetteer.build(_entries(), TOWNS, not_places=["French", "Ukrainian"])
    found = find_places("Riots spread across French cities near the Ukrainian border "
                        "and in Marseille.", gazetteer)
    assert [(m.text, m.place.country) for m in found] == [("Marseille", "FRA")]


@pytest.mark.parametrize(("sentence", "expected"), FIND_CASES)
def test_find_places(
    gazetteer: Gazetteer, sentence: str, expected: list[tuple[str, str, str, str | None, int]]
) -> None:
    mentions = find_places(sentence, gazetteer)
    got = [
        (m.text, m.place.kind, m.place.country, m.place.admin1_code, m.precision)
        for m in mentions
    ]
    assert got == expected
    for m in mentions:
        assert sentence[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen opened fire near Panjgur city in Pakistan's Balochistan province.", "Panjgur"),
        ("Two guards were killed in Iran's Sistan-Baluchistan province.", "Sistan-Baluchistan"),
        ("Militants stormed a village in Borno State, Nigeria.", "Borno State"),
        ("Officials in Pakistan condemned the attack.", "Pakistan"),
        ("Nothing happened.", None),
    ],
)
def test_best_location_is_the_most_specific_place(
    gazetteer: Gazetteer, sentence: str, expected: str | None
) -> None:
    best = best_location(find_places(sentence, gazetteer))
    assert (best.text if best else None) == expected


def test_best_location_passes_over_a_place_in_another_country() -> None:
    town = Place("Tripoli", "town", "LBN", "North Lebanon", "LB-AS", 34.4, 35.8)
    country = Place("Lebanon", "country", "LBN", None, None)
    stray = Place("Kano", "town", "NGA", "Kano", "NG-KN", 12.0, 8.5)
    mentions = [
        PlaceMention(0, 4, "Kano", stray, 1),
        PlaceMention(10, 17, "Tripoli", town, 1),
        PlaceMention(20, 27, "Lebanon", country, 3),
    ]
    best = best_location(mentions)
    assert best is not None and best.place == town


@pytest.mark.parametrize("bad", [[], (), [None], ["Kabul"]])
def test_best_location_of_nothing_is_none(bad: list[object]) -> None:
    assert best_location(bad) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [None, 12, b"in Kabul"])
def test_find_places_refuses_nothing(gazetteer: Gazetteer, bad: object) -> None:
    assert find_places(bad, gazetteer) == []  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_find_places_accepts_any_string(text: str) -> None:
    mentions = find_places(text, _SMALL)
    assert all(0 <= m.start < m.end <= len(text) for m in mentions)
    assert all(m.precision in (1, 2, 3) for m in mentions)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["in", "near", "Kabul", "Iran's", "Balochistan", "province",
                                 "city", "the", "of", "Gaza", ",", "and", "State", "Niger"]),
                max_size=12))
def test_find_places_offsets_point_at_the_words_read(words: list[str]) -> None:
    text = " ".join(words)
    for m in find_places(text, _SMALL):
        assert text[m.start : m.end] == m.text
        assert m.text.strip() == m.text


# A gazetteer without the towns table: fast to build, enough for the properties.
_SMALL = Gazetteer.build(_entries(), None)


def test_countries_known_from_the_actors_choose_between_places_of_one_name(
    gazetteer: Gazetteer,
) -> None:
    # "Beni" is a department of Bolivia and a town in Congo; the militants are Congolese
    alone = find_places("Militants killed 14 villagers in Beni territory.", gazetteer)
    assert [m.place.country for m in alone] == ["BOL"]
    found = find_places("Militants killed 14 villagers in Beni territory.", gazetteer,
                        context=["COD"])
    assert [(m.place.country, m.place.kind) for m in found] == [("COD", "town")]
