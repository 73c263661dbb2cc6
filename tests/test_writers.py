"""Writers: each format round-trips, stays safe in spreadsheets, keeps CAMEO's leading zeros,
and output is atomic."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import attrs
import pandas as pd
import pytest

from eventcoder import (
    AcledType,
    Actor,
    CodebookInfo,
    EventRecord,
    Location,
    Mention,
    OutputError,
    RecordValidationError,
)
from eventcoder.io.atomic import atomic_output, atomic_path
from eventcoder.io.cameo import CAMEO_COLUMNS
from eventcoder.io.writers import FLAT_COLUMNS, cell, format_for_path, neutralize, open_writer


def make_record(**changes: Any) -> EventRecord:
    """A valid record of an air strike; ``changes`` replace any of its fields."""
    record = EventRecord(
        event_id="0f3a9c2e7b5d4e61",
        article_id="sahel-17",
        sentence_index=2,
        sentence="Chadian aircraft bombed a rebel camp near Tibesti on Monday, killing 12.",
        mentions=(Mention("sahel-17", 2), Mention("sahel-17", 5)),
        event_date="2024-02-12",
        date_precision="day",
        source=Actor(text="Chadian aircraft", code="TCDMIL", country="TCD", role="MIL",
                     name="Chad military"),
        target=Actor(text="a rebel camp", code="TCDREB", country="TCD", role="REB",
                     name="Chadian rebels"),
        cameo_code="195",
        cameo_root="19",
        quad_class=4,
        goldstein=-10.0,
        acled=AcledType("Political violence", "Explosions/Remote violence", "Air/drone strike"),
        location=Location(name="Bardaï", country="TCD", admin1="Tibesti", admin1_code="TD-TI",
                          latitude=21.35456, longitude=16.99875, precision=2),
        fatalities=12,
        rule="strike.bomb",
        codebook=CodebookInfo("default", "1.0"),
        article_date="2024-02-13",
        url="https://example.org/sahel-17",
        news_source="Sahel Monitor",
    )
    return attrs.evolve(record, **changes)


def consultation(**changes: Any) -> EventRecord:
    """A valid record of a verbal, cooperative event: CAMEO 0256, no ACLED type."""
    return make_record(
        event_id="00aa11bb22cc33dd", sentence="Niger offered to mediate between the sides.",
        mentions=(Mention("sahel-17", 7),), sentence_index=7,
        source=Actor(text="Niger", code="NER", country="NER"),
        target=None, cameo_code="0256", cameo_root="02", quad_class=1, goldstein=3.0,
        acled=None, location=None, fatalities=None, rule="appeal.mediate", **changes,
    )


def write_records(path: Path, records: list[EventRecord], fmt: str | None = None) -> None:
    with open_writer(str(path), fmt) as writer:
        writer.write_all(records)


# -- format choice ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("output", "fmt"),
    [(None, "jsonl"), ("-", "jsonl"), ("out.jsonl", "jsonl"), ("out.csv", "csv"),
     ("out.TSV", "cameo"), ("out.sqlite", "sqlite"), ("out.db", "sqlite"), ("out.txt", "jsonl")],
)
def test_format_follows_the_output_extension(output: str | None, fmt: str) -> None:
    assert format_for_path(output) == fmt


def test_unknown_format_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="unknown output format 'xml'"), \
            open_writer(str(tmp_path / "x.xml"), "xml"):
        pass


def test_sqlite_cannot_go_to_standard_output() -> None:
    with pytest.raises(OutputError, match="needs an output file"), open_writer("-", "sqlite"):
        pass


def test_output_in_a_missing_directory_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="no such directory"), \
            open_writer(str(tmp_path / "nope" / "out.jsonl")):
        pass


# -- jsonl ------------------------------------------------------------------------------------
def test_jsonl_round_trips_records_with_unicode_as_is(tmp_path: Path) -> None:
    records = [make_record(), consultation()]
    path = tmp_path / "out.jsonl"
    write_records(path, records)
    text = path.read_text(encoding="utf-8")
    assert "Bardaï" in text
    back = [EventRecord.from_dict(json.loads(line)) for line in text.splitlines()]
    assert back == records
    assert json.loads(text.splitlines()[1])["cameo_code"] == "0256"


def test_jsonl_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    with open_writer(None) as writer:
        writer.write(consultation())
    assert json.loads(capsys.readouterr().out)["event_id"] == "00aa11bb22cc33dd"


# -- csv --------------------------------------------------------------------------------------
def test_csv_is_the_record_flattened(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_records(path, [make_record(), consultation()])
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == FLAT_COLUMNS
    strike, talk = frame.to_dict("records")
    assert strike["source_code"] == "TCDMIL"
    assert strike["source_country"] == "TCD"
    assert strike["target_code"] == "TCDREB"
    assert strike["location_admin1"] == "Tibesti"
    assert strike["acled_event_type"] == "Explosions/Remote violence"
    assert strike["mentions"] == "sahel-17:2;sahel-17:5"
    assert strike["goldstein"] == "-10.0"
    assert strike["fatalities"] == "12"
    assert talk["cameo_code"] == "0256"
    assert talk["cameo_root"] == "02"
    assert talk["target_code"] == ""


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+1 555", "'+1 555"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Chad", "Chad"),
        ("", ""),
    ],
)
def test_text_cells_that_would_run_as_formulas_are_neutralized(text: str, safe: str) -> None:
    assert neutralize(text) == safe
    assert cell(text) == safe


@pytest.mark.parametrize(("value", "written"), [(-10.0, "-10.0"), (-3, "-3"), (None, ""),
                                                (2.5, "2.5")])
def test_numbers_are_never_neutralized(value: Any, written: str) -> None:
    assert cell(value) == written


def test_formula_in_a_record_is_neutralized_in_the_csv(tmp_path: Path) -> None:
    record = make_record(sentence="=cmd|' /C calc'!A0", news_source="@wire",
                         source=Actor(text="-Chad", code="TCD", country="TCD"))
    path = tmp_path / "out.csv"
    write_records(path, [record])
    [row] = pd.read_csv(path, dtype=str).to_dict("records")
    assert row["sentence"] == "'=cmd|' /C calc'!A0"
    assert row["news_source"] == "'@wire"
    assert row["source_text"] == "'-Chad"
    assert row["goldstein"] == "-10.0"


def test_an_empty_csv_still_has_its_header(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_records(path, [])
    assert path.read_text(encoding="utf-8").strip() == ",".join(FLAT_COLUMNS)


# -- cameo ------------------------------------------------------------------------------------
def test_cameo_export_has_exactly_the_phoenix_columns(tmp_path: Path) -> None:
    path = tmp_path / "out.tsv"
    write_records(path, [make_record(), consultation()])
    frame = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == CAMEO_COLUMNS
    strike, talk = frame.to_dict("records")
    assert (strike["Date"], strike["Year"], strike["Month"], strike["Day"]) == (
        "20240212", "2024", "2", "12"
    )
    assert (strike["SourceActorFull"], strike["SourceActorEntity"], strike["SourceActorRole"]) == (
        "TCDMIL", "TCD", "MIL"
    )
    assert strike["GoldsteinScore"] == "-10.0"
    assert strike["SentenceID"] == "sahel-17_2"
    assert (strike["LocationName"], strike["StateName"], strike["CountryCode"]) == (
        "Bardaï", "Tibesti", "TCD"
    )
    assert (talk["EventCode"], talk["EventRootCode"], talk["QuadClass"]) == ("0256", "02", "1")
    assert talk["TargetActorFull"] == ""


# -- sqlite -----------------------------------------------------------------------------------
def rows(path: Path) -> list[dict[str, Any]]:
    with sqlite3.connect(path) as connection:
        connection.row_factory = sqlite3.Row
        return [dict(row) for row in connection.execute("SELECT * FROM events ORDER BY event_id")]


def test_sqlite_holds_the_main_fields_and_the_full_record(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite"
    write_records(path, [make_record(), consultation()])
    talk, strike = rows(path)
    assert talk["cameo_code"] == "0256"
    assert strike["fatalities"] == 12
    assert strike["goldstein"] == -10.0
    assert EventRecord.from_dict(json.loads(strike["record"])) == make_record()


def test_writing_the_same_events_again_updates_them_in_place(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite"
    write_records(path, [make_record(), consultation()])
    write_records(path, [make_record(fatalities=14), consultation()])
    found = rows(path)
    assert len(found) == 2
    assert [r["fatalities"] for r in found] == [None, 14]


def test_sqlite_adds_new_events_to_an_existing_database(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    write_records(path, [make_record()])
    write_records(path, [consultation()])
    assert len(rows(path)) == 2


def test_a_file_that_is_not_a_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite"
    path.write_text("not a database, " * 100, encoding="utf-8")
    with pytest.raises(OutputError, match="not a usable SQLite database"):
        write_records(path, [make_record()])
    assert path.read_text(encoding="utf-8").startswith("not a database")
    assert sorted(os.listdir(tmp_path)) == ["events.sqlite"]


# -- validation and atomic output -------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "acled", "cameo", "sqlite"])
def test_an_invalid_record_stops_the_run_and_keeps_the_old_output(
    tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / f"out.{fmt}"
    write_records(path, [make_record()], fmt)
    before = path.read_bytes()
    broken = make_record(event_id="not-an-id")
    expected = "article 'sahel-17', sentence 2: field 'event_id'"
    with pytest.raises(RecordValidationError, match=expected):
        write_records(path, [consultation(), broken], fmt)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == [path.name]


def test_an_invalid_record_leaves_no_new_file(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with pytest.raises(RecordValidationError):
        write_records(path, [make_record(goldstein=-12.0)])
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_an_exception_mid_write_leaves_no_file(tmp_path: Path, error: type[BaseException]) -> None:
    path = tmp_path / "out.txt"
    with pytest.raises(error), atomic_output(str(path)) as stream:
        stream.write("half")
        raise error()
    assert os.listdir(tmp_path) == []


def test_an_exception_mid_write_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_output(str(path)) as stream:
        stream.write("new")
        raise RuntimeError()
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_atomic_output_replaces_the_file_on_success(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_text("old", encoding="utf-8")
    with atomic_output(str(path)) as stream:
        stream.write("new")
        assert path.read_text(encoding="utf-8") == "old"
    assert path.read_text(encoding="utf-8") == "new"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_atomic_output_gets_ordinary_file_permissions(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    with atomic_output(str(path)) as stream:
        stream.write("x")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_atomic_path_starts_from_a_copy_of_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    path.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(path, copy_existing=True) as temp:
        assert temp.read_bytes() == b"old"
        temp.write_bytes(b"changed")
        raise RuntimeError()
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["data.bin"]
