"""Exports for analysts: ACLED rows and Phoenix-style CAMEO rows built from event records."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from test_writers import consultation, make_record, write_records

from eventcoder import AcledType, Actor, Location
from eventcoder.io.acled import (
    ACLED_COLUMNS,
    REGIONS,
    NotExportable,
    acled_row,
    country_info,
    event_id_cnty,
    interaction_code,
)
from eventcoder.io.cameo import cameo_row, split_actor
from eventcoder.validate import record_problems

STAMP = 1_717_000_000


def row(**changes: Any) -> dict[str, Any]:
    return acled_row(make_record(**changes), timestamp=STAMP)


# -- ACLED: shape -----------------------------------------------------------------------------
def test_acled_columns_are_acleds_31_in_acleds_order() -> None:
    schema = json.loads(
        resources.files("eventcoder").joinpath("schemas", "acled_row.schema.json").read_text()
    )
    assert len(ACLED_COLUMNS) == 31
    assert ACLED_COLUMNS[:4] == ("event_id_cnty", "event_date", "year", "time_precision")
    assert ACLED_COLUMNS[-3:] == ("fatalities", "tags", "timestamp")
    assert tuple(schema["required"]) == ACLED_COLUMNS
    assert tuple(schema["properties"]) == ACLED_COLUMNS


def test_acled_row_of_an_air_strike() -> None:
    found = row()
    assert record_problems(found, "acled_row") == []
    assert found == found | {
        "event_date": "2024-02-12",
        "year": 2024,
        "time_precision": 1,
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of Chad",
        "inter1": 1,
        "actor2": "Chadian rebels",
        "inter2": 2,
        "interaction": 12,
        "civilian_targeting": "",
        "iso": 148,
        "region": "Middle Africa",
        "country": "Chad",
        "admin1": "Tibesti",
        "location": "Bardaï",
        "latitude": 21.3546,
        "longitude": 16.9988,
        "geo_precision": 2,
        "source": "Sahel Monitor",
        "notes": make_record().sentence,
        "fatalities": 12,
        "timestamp": STAMP,
    }


def test_event_id_cnty_is_the_iso3_code_and_a_stable_number() -> None:
    first = row()["event_id_cnty"]
    assert first.startswith("TCD") and first[3:].isdigit()
    assert first == row()["event_id_cnty"] == event_id_cnty(make_record(), "TCD")
    assert first != row(event_id="0f3a9c2e7b5d4e62")["event_id_cnty"]


@pytest.mark.parametrize(("precision", "code"), [("day", 1), ("week", 2), ("article", 2),
                                                 ("month", 3)])
def test_time_precision_follows_date_precision(precision: str, code: int) -> None:
    assert row(date_precision=precision)["time_precision"] == code


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"acled": None}, "no ACLED event type"),
        ({"event_date": None, "date_precision": None}, "no event date"),
        ({"date_precision": "year"}, "date known only to the year"),
        ({"location": None, "source": Actor("jets", None, None),
          "target": Actor("a camp", None, None)}, "no country"),
    ],
)
def test_records_acled_cannot_hold_have_no_row(changes: dict[str, Any], reason: str) -> None:
    with pytest.raises(NotExportable, match=reason):
        row(**changes)


def test_without_a_location_the_country_is_the_targets() -> None:
    found = row(location=None, source=Actor("Pakistani jets", "PAKMIL", "PAK", "MIL"),
                target=Actor("militants", "IRNUAF", "IRN", "UAF"))
    assert (found["country"], found["iso"], found["region"]) == ("Iran", 364, "Middle East")
    assert (found["location"], found["latitude"], found["geo_precision"]) == ("", None, None)
    # state forces acting outside their own country are external forces
    assert (found["actor1"], found["inter1"], found["inter2"], found["interaction"]) == (
        "Military Forces of Pakistan", 8, 3, 38
    )


# -- ACLED: actor types -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("actor", "inter"),
    [
        (Actor("troops", "TCDMIL", "TCD", "MIL"), 1),
        (Actor("police", "TCDCOP", "TCD", "COP"), 1),
        (Actor("the government", "TCDGOV", "TCD", "GOV"), 1),
        (Actor("Chad", "TCD", "TCD"), 1),
        (Actor("Libyan troops", "LBYMIL", "LBY", "MIL"), 8),
        (Actor("rebels", "TCDREB", "TCD", "REB"), 2),
        (Actor("insurgents", "TCDINS", "TCD", "INS"), 2),
        (Actor("gunmen", "TCDUAF", "TCD", "UAF"), 3),
        (Actor("a militia", None, "TCD", None, "Union militia"), 3),
        (Actor("an ethnic militia", None, "TCD", None), 4),
        (Actor("rioters", None, "TCD"), 5),
        (Actor("opposition supporters", "TCDOPP", "TCD", "OPP"), 6),
        (Actor("civilians", "TCDCVL", "TCD", "CVL"), 7),
        (Actor("journalists", "TCDMED", "TCD", "MED"), 7),
        (Actor("UN peacekeepers", "IGOUNOPKO", "UNO", "PKO"), 8),
    ],
)
def test_inter_codes_follow_actor_roles(actor: Actor, inter: int) -> None:
    assert row(target=actor)["inter2"] == inter


@pytest.mark.parametrize(
    ("inter1", "inter2", "interaction"),
    [(1, 7, 17), (7, 1, 17), (2, 2, 22), (8, 7, 78), (2, 0, 20), (6, 0, 60)],
)
def test_interaction_puts_the_smaller_code_first(inter1: int, inter2: int,
                                                  interaction: int) -> None:
    assert interaction_code(inter1, inter2) == interaction


def test_one_sided_event_has_inter2_zero() -> None:
    found = row(target=None)
    assert (found["actor2"], found["inter2"], found["interaction"]) == ("", 0, 10)


def test_violence_against_civilians_is_marked_and_names_them_the_acled_way() -> None:
    found = row(
        acled=AcledType("Political violence", "Violence against civilians", "Attack"),
        source=Actor("gunmen", None, None), target=Actor("villagers", "TCDCVL", "TCD", "CVL"),
    )
    assert (found["actor1"], found["inter1"]) == ("gunmen", 3)
    assert (found["actor2"], found["assoc_actor_2"], found["inter2"]) == (
        "Civilians (Chad)", "", 7
    )
    assert found["civilian_targeting"] == "Civilians targeted"


def test_protesters_are_named_generically_with_their_group_as_associate() -> None:
    found = row(
        acled=AcledType("Demonstrations", "Protests", "Peaceful protest"),
        source=Actor("supporters of the Union party", "TCDOPP", "TCD", "OPP", "Union party"),
        target=None, fatalities=None,
    )
    assert (found["actor1"], found["assoc_actor_1"], found["inter1"]) == (
        "Protesters (Chad)", "Union party", 6
    )
    assert (found["interaction"], found["fatalities"]) == (60, 0)


@pytest.mark.parametrize(
    ("iso3", "name"),
    [("IRN", "Iran"), ("SYR", "Syria"), ("RUS", "Russia"), ("COD", "Democratic Republic of Congo"),
     ("PAK", "Pakistan"), ("KSV", "Kosovo")],
)
def test_country_names_are_acleds(iso3: str, name: str) -> None:
    info = country_info(iso3)
    assert info is not None and info[1] == name


def test_every_region_is_one_of_acleds() -> None:
    schema = json.loads(
        resources.files("eventcoder").joinpath("schemas", "acled_row.schema.json").read_text()
    )
    assert set(REGIONS.values()) <= set(schema["properties"]["region"]["enum"])
    assert REGIONS["SDN"] == "Eastern Africa" and REGIONS["MEX"] == "Central America"


def test_acled_export_reads_back_in_pandas(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    moved = make_record(event_id="1f3a9c2e7b5d4e61", location=Location("Abéché", "TCD"))
    write_records(path, [make_record(), consultation(), moved], "acled")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == ACLED_COLUMNS
    assert len(frame) == 2  # the consultation has no ACLED type
    first = frame.iloc[0]
    assert (first["event_date"], first["inter1"], first["interaction"], first["fatalities"]) == (
        "2024-02-12", "1", "12", "12"
    )
    assert frame.iloc[1]["latitude"] == ""


# -- CAMEO ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("actor", "split"),
    [
        (Actor("Iranian rebels", "IRNMILREB", "IRN", "MIL"), ("IRNMILREB", "IRN", "MIL", "REB")),
        (Actor("Pakistan", "PAK", "PAK"), ("PAK", "PAK", "", "")),
        (Actor("the UN", "IGOUNO", "IGO"), ("IGOUNO", "IGO", "", "UNO")),
        (Actor("someone", None, None), ("", "", "", "")),
        (None, ("", "", "", "")),
    ],
)
def test_actor_codes_split_the_phoenix_way(actor: Actor | None,
                                           split: tuple[str, str, str, str]) -> None:
    assert split_actor(actor) == split


def test_cameo_row_keeps_codes_as_strings() -> None:
    found = cameo_row(consultation())
    assert (found["EventCode"], found["EventRootCode"]) == ("0256", "02")
    assert found["GoldsteinScore"] == 3.0


def test_undated_event_has_a_blank_date() -> None:
    found = cameo_row(make_record(event_date=None, date_precision=None))
    assert (found["Date"], found["Year"], found["Month"], found["Day"]) == ("", "", "", "")
