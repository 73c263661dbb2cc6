"""The command line, run through its real entry point on real files."""

from __future__ import annotations

import io
import json
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd
import pytest
from test_writers import consultation, make_record

from eventcoder import Article, Coder, EventRecord
from eventcoder.cli import main

SUMMARY = re.compile(
    r"^(\d+) articles? read, (\d+) coded, (\d+) rejected; (\d+) sentences; (\d+) events written$",
    re.MULTILINE,
)
RANDOM_BYTES = bytes([0x9F, 0x00, 0xC3, 0x28, 0xFF, 0xFE, 0x80, 0x81]) * 64


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A folder with one good article, a JSON-lines file with one malformed line among good
    ones, and a file of random bytes."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "• Source:Coastal Herald\n\n date 2024-03-05 Kenyan police arrested 40 protesters in "
        "Mombasa on Monday.\n\nThe interior ministry defended the arrests.\n",
        encoding="utf-8",
    )
    good = {"id": "wire-1", "date": "2024-03-06", "text": "Tanzania reopened its border."}
    (folder / "feed.jsonl").write_text(
        json.dumps(good) + "\n{broken json\n", encoding="utf-8"
    )
    (folder / "noise.txt").write_bytes(RANDOM_BYTES)
    return folder


def fake_coder(records_for: dict[str, list[EventRecord]], monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the coder give ``records_for[article.id]`` for each article."""

    def code_articles(
        self: Coder, articles: Iterable[Article], jobs: int = 1
    ) -> Iterator[tuple[Article, list[EventRecord]]]:
        for article in articles:
            yield article, records_for.get(article.id, [])

    monkeypatch.setattr(Coder, "code_articles", code_articles)


# -- code: end to end -------------------------------------------------------------------------
def test_bad_inputs_are_listed_and_the_rest_is_written(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "events.jsonl"
    rejects = tmp_path / "rejects.jsonl"
    status = main(["code", str(corpus), "-o", str(output), "--rejects", str(rejects)])
    captured = capsys.readouterr()
    assert status == 1
    assert f"rejected: {corpus / 'feed.jsonl'}:2: not JSON:" in captured.err
    assert f"rejected: {corpus / 'noise.txt'}: not valid UTF-8 text" in captured.err
    summary = SUMMARY.search(captured.err)
    assert summary is not None
    assert summary.groups()[:3] == ("4", "2", "2")
    assert captured.out == ""
    for line in output.read_text(encoding="utf-8").splitlines():
        assert json.loads(line)["event_id"]
    assert [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()] == [
        {"path": str(corpus / "feed.jsonl"), "line": 2,
         "reason": "not JSON: Expecting property name enclosed in double quotes (column 2)"},
        {"path": str(corpus / "noise.txt"), "line": None,
         "reason": "not valid UTF-8 text (byte 0x9f at offset 0)"},
    ]


def test_python_dash_m_runs_the_same_command(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "events.csv"
    result = subprocess.run(
        [sys.executable, "-m", "eventcoder", "code", str(corpus), "-o", str(output)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "feed.jsonl:2: not JSON" in result.stderr
    assert "noise.txt: not valid UTF-8 text" in result.stderr
    assert SUMMARY.search(result.stderr)
    frame = pd.read_csv(output, dtype=str)
    assert "cameo_code" in frame.columns


def test_all_good_input_exits_0_and_writes_every_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sahel-17.txt").write_text("Chadian aircraft bombed a rebel camp.", "utf-8")
    fake_coder({"sahel-17": [make_record(), consultation()]}, monkeypatch)
    output = tmp_path / "events.tsv"
    assert main(["code", str(tmp_path / "sahel-17.txt"), "-o", str(output)]) == 0
    summary = SUMMARY.search(capsys.readouterr().err)
    assert summary is not None
    assert (summary.group(1), summary.group(2), summary.group(3), summary.group(5)) == (
        "1", "1", "0", "2"
    )
    frame = pd.read_csv(output, sep="\t", dtype=str)
    assert list(frame["EventCode"]) == ["195", "0256"]


def test_records_go_to_standard_output_without_o(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sahel-17.txt").write_text("Text.", "utf-8")
    fake_coder({"sahel-17": [consultation()]}, monkeypatch)
    assert main(["code", str(tmp_path / "sahel-17.txt"), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["cameo_code"] == "0256"
    assert captured.err == ""


def test_quiet_still_lists_rejected_inputs(corpus: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["code", str(corpus), "-o", str(tmp_path / "out.jsonl"), "--quiet"])
    err = capsys.readouterr().err
    assert status == 1
    assert err.count("rejected: ") == 2
    assert not SUMMARY.search(err)


def test_articles_are_read_from_standard_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[Article] = []

    def code_articles(self: Coder, articles: Iterable[Article],
                      jobs: int = 1) -> Iterator[tuple[Article, list[EventRecord]]]:
        for article in articles:
            seen.append(article)
            yield article, []

    monkeypatch.setattr(Coder, "code_articles", code_articles)
    lines = b'{"id": "s1", "date": null, "text": "Kenya hosted talks."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines)))
    assert main(["code", "-", "--date", "2024-08-09", "-o", str(tmp_path / "o.jsonl")]) == 0
    assert [(a.id, a.date) for a in seen] == [("s1", "2024-08-09")]


def test_dataset_dedup_merges_records_of_several_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("Text.", "utf-8")
    calls: list[int] = []

    def merge_records(records: list[EventRecord]) -> list[EventRecord]:
        calls.append(len(records))
        return records[:1]

    monkeypatch.setattr("eventcoder.engine.merge.merge_records", merge_records)
    fake_coder({"a": [make_record()], "b": [consultation()]}, monkeypatch)
    output = tmp_path / "out.jsonl"
    assert main(["code", str(tmp_path), "--dedup", "dataset", "-o", str(output), "-q"]) == 0
    assert calls == [2]
    assert len(output.read_text(encoding="utf-8").splitlines()) == 1


@pytest.mark.parametrize(("fmt", "name"), [("sqlite", "events.db"), (None, "events.sqlite")])
def test_sqlite_output_twice_keeps_one_row_an_event(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str | None, name: str
) -> None:
    (tmp_path / "sahel-17.txt").write_text("Text.", "utf-8")
    fake_coder({"sahel-17": [make_record(), consultation()]}, monkeypatch)
    output = tmp_path / name
    argv = ["code", str(tmp_path / "sahel-17.txt"), "-o", str(output), "-q"]
    argv += ["--format", fmt] if fmt else []
    assert main(argv) == 0
    assert main(argv) == 0
    with sqlite3.connect(output) as connection:
        assert connection.execute("SELECT count(*) FROM events").fetchone() == (2,)


def test_an_invalid_record_exits_3_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sahel-17.txt").write_text("Text.", "utf-8")
    fake_coder({"sahel-17": [consultation(), make_record(quad_class=7)]}, monkeypatch)
    output = tmp_path / "out" / "events.csv"
    output.parent.mkdir()
    assert main(["code", str(tmp_path / "sahel-17.txt"), "-o", str(output)]) == 3
    err = capsys.readouterr().err
    assert "article 'sahel-17', sentence 2: field 'quad_class'" in err
    assert list(output.parent.iterdir()) == []


# -- code: usage errors -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--date", "2024-02-30"], "bad date '2024-02-30'"),
        (["--date", "yesterday"], "bad date 'yesterday'"),
        (["--format", "xml"], "invalid choice: 'xml'"),
        (["--jobs", "0"], "expected 1 or more processes"),
        (["--dedup", "all"], "invalid choice: 'all'"),
        (["--codebook", "no/such/codebook"], "no such codebook"),
        (["--format", "sqlite", "-o", "-"], "the sqlite format needs an output file"),
    ],
)
def test_usage_errors_exit_2_and_write_nothing(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str],
    message: str,
) -> None:
    output = tmp_path / "events.jsonl"
    argv = ["code", str(corpus), "-o", str(output), *extra]
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert not output.exists()


def test_a_missing_input_exits_2_and_writes_nothing(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "events.jsonl"
    assert main(["code", str(corpus), str(tmp_path / "gone.txt"), "-o", str(output)]) == 2
    assert f"input not found: {tmp_path / 'gone.txt'}" in capsys.readouterr().err
    assert not output.exists()


def test_an_output_in_a_missing_directory_exits_2(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["code", str(corpus), "-o", str(tmp_path / "no" / "x.jsonl")]) == 2
    assert "no such directory" in capsys.readouterr().err


# -- validate ---------------------------------------------------------------------------------
def test_validate_counts_valid_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r.to_dict()) for r in [make_record(), consultation()]),
                    encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == "2 records valid\n"


def test_validate_names_file_line_and_field(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    bad = make_record().to_dict() | {"cameo_code": "256"}
    path = tmp_path / "records.jsonl"
    path.write_text(f"{json.dumps(consultation().to_dict())}\n{json.dumps(bad)}\nnot json\n",
                    encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert f"{path}:2: cameo_code: '256' does not match" in captured.out
    assert f"{path}:3: (record): not JSON" in captured.out
    assert "2 of 3 records invalid" in captured.err


def test_validate_a_missing_file_exits_2(tmp_path: Path) -> None:
    assert main(["validate", str(tmp_path / "none.jsonl")]) == 2


# -- every command has help; argument errors --------------------------------------------------
@pytest.mark.parametrize(
    "command",
    [[], ["code"], ["explain"], ["validate"], ["codebook"], ["codebook", "check"],
     ["codebook", "stats"], ["evaluate"]],
)
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*command, "--help"]) == 0
    assert "usage: eventcoder" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "the following arguments are required: COMMAND"),
        (["code"], "the following arguments are required: INPUT"),
        (["explain"], "the following arguments are required: SENTENCE"),
        (["explain", "Chad bombed a camp.", "--date", "soon"], "bad date 'soon'"),
        (["validate"], "the following arguments are required: RECORDS.jsonl"),
        (["codebook"], "the following arguments are required: ACTION"),
        (["codebook", "lint"], "invalid choice: 'lint'"),
        (["evaluate"], "the following arguments are required: GOLD.jsonl"),
        (["evaluate", "gold.jsonl", "--min-f1", "1.5"], "expected a number from 0 to 1"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_argument_errors_exit_2(argv: list[str], message: str,
                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_evaluate_a_missing_gold_file_exits_2(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(tmp_path / "gold.jsonl")]) == 2
    assert "gold file not found" in capsys.readouterr().err
