"""Readers: every input format, what each yields, and why bad input is rejected."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventcoder import Article
from eventcoder.io.readers import (
    Rejected,
    read_csv,
    read_inputs,
    read_jsonl,
    read_stdin,
    read_txt,
    split_text_header,
)

RANDOM_BYTES = bytes([0x9F, 0x00, 0xC3, 0x28, 0xFF, 0xFE, 0x80, 0x81]) * 64


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def articles(items: Iterator[Article | Rejected]) -> list[Article]:
    found = list(items)
    assert all(isinstance(item, Article) for item in found), found
    return [item for item in found if isinstance(item, Article)]


# -- .txt -------------------------------------------------------------------------------------
def test_txt_article_takes_its_id_from_the_file_name(tmp_path: Path) -> None:
    path = write(tmp_path / "kabul-0042.txt", "Afghan police arrested two men in Kabul.\n")
    [article] = articles(read_txt(path))
    assert article.id == "kabul-0042"
    assert article.text == "Afghan police arrested two men in Kabul."
    assert article.date is None
    assert article.origin == str(path)


def test_date_header_sharing_its_line_with_the_text_is_stripped(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", " date 2023-11-02 Chile recalled its envoy.\n\nMore text.")
    [article] = articles(read_txt(path, default_date="2020-01-01"))
    assert article.date == "2023-11-02"
    assert article.text == "Chile recalled its envoy.\n\nMore text."


def test_date_header_on_its_own_line(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "date 2023-11-02\n\nChile recalled its envoy.")
    [article] = articles(read_txt(path))
    assert (article.date, article.text) == ("2023-11-02", "Chile recalled its envoy.")


def test_default_date_applies_to_a_txt_without_header(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Chile recalled its envoy.")
    [article] = articles(read_txt(path, default_date="2022-05-06"))
    assert article.date == "2022-05-06"


@pytest.mark.parametrize(
    "text",
    [
        "• Source:XYZ\n\nPeru closed its border.",
        "Source: Andean Wire\nPeru closed its border.",
        "By Maria Quispe, Lima\n\nPeru closed its border.",
        "\n\n  • Source:XYZ\nBy Staff Reporter\ndate 2021-03-04\nPeru closed its border.",
    ],
)
def test_leading_metadata_lines_are_not_text(tmp_path: Path, text: str) -> None:
    [article] = articles(read_txt(write(tmp_path / "a.txt", text)))
    assert article.text == "Peru closed its border."


def test_a_sentence_opening_with_by_is_text() -> None:
    assert split_text_header("By Thursday, the army had withdrawn.") == (
        None, "By Thursday, the army had withdrawn."
    )


def test_a_sentence_opening_with_date_is_text() -> None:
    assert split_text_header("Date of the vote remains unclear.") == (
        None, "Date of the vote remains unclear."
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty text"),
        (b"  \n\n\t\n", "empty text"),
        (b"\xe2\x80\xa2 Source:XYZ\n\n", "empty text"),
        (RANDOM_BYTES, "not valid UTF-8 text (byte 0x9f at offset 0)"),
        (b"Peru\x00\x00closed", "binary data, not text (NUL bytes)"),
        (b"date 2023-02-30 Peru closed its border.", "date header: bad date '2023-02-30'"),
    ],
)
def test_bad_txt_is_rejected_with_its_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [rejected] = list(read_txt(path))
    assert isinstance(rejected, Rejected)
    assert rejected.path == str(path)
    assert rejected.reason.startswith(reason)


def test_utf8_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffdate 2024-02-03 Peru closed its border.".encode())
    [article] = articles(read_txt(path))
    assert (article.date, article.text) == ("2024-02-03", "Peru closed its border.")


# -- .jsonl -----------------------------------------------------------------------------------
def test_jsonl_reads_one_article_a_line_with_optional_fields(tmp_path: Path) -> None:
    lines = [
        {"id": "n1", "date": "2024-04-01", "text": "Kenya hosted talks.", "title": "Talks",
         "source": "Daily Wire", "url": "https://example.org/n1"},
        {"id": 7, "date": None, "text": "Uganda closed a crossing."},
    ]
    path = write(tmp_path / "in.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n\n")
    first, second = articles(read_jsonl(path, default_date="2024-01-01"))
    assert first == Article(id="n1", text="Kenya hosted talks.", date="2024-04-01",
                            title="Talks", source="Daily Wire", url="https://example.org/n1")
    assert (first.origin, first.line) == (str(path), 1)
    assert (second.id, second.date, second.line) == ("7", "2024-01-01", 2)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("not json at all", "not JSON: Expecting value (column 1)"),
        ('{"id": "x", "text": "Hi."', "not JSON:"),
        ('["x", "Hi."]', "expected a JSON object, got list"),
        ('{"text": "Kenya hosted talks."}', "missing 'id'"),
        ('{"id": "", "text": "Kenya hosted talks."}', "missing 'id'"),
        ('{"id": "x"}', "missing 'text'"),
        ('{"id": "x", "text": 5}', "'text' must be a string, got int"),
        ('{"id": "x", "text": "   "}', "empty text"),
        ('{"id": "x", "date": "18/01/2024", "text": "Hi."}', "bad date '18/01/2024'"),
        ('{"id": "x", "date": "2024-02-30", "text": "Hi."}', "bad date '2024-02-30'"),
        ('{"id": "x", "date": 20240118, "text": "Hi."}', "bad date 20240118"),
        ('{"id": "x", "text": "Hi.", "url": 3}', "'url' must be a string or null"),
    ],
)
def test_malformed_jsonl_line_is_rejected_and_the_others_still_read(
    tmp_path: Path, line: str, reason: str
) -> None:
    good = json.dumps({"id": "ok", "date": "2024-04-01", "text": "Kenya hosted talks."})
    path = write(tmp_path / "in.jsonl", f"{good}\n{line}\n{good}\n")
    first, rejected, last = list(read_jsonl(path))
    assert isinstance(first, Article) and isinstance(last, Article)
    assert isinstance(rejected, Rejected)
    assert (rejected.path, rejected.line) == (str(path), 2)
    assert rejected.reason.startswith(reason)
    assert str(rejected) == f"{path}:2: {rejected.reason}"


def test_iso_datetime_in_jsonl_is_cut_to_its_day(tmp_path: Path) -> None:
    line = '{"id": "x", "date": "2024-04-01T08:30:00Z", "text": "Hi."}'
    path = write(tmp_path / "in.jsonl", line)
    [article] = articles(read_jsonl(path))
    assert article.date == "2024-04-01"


def test_binary_file_named_jsonl_is_rejected_once(tmp_path: Path) -> None:
    path = tmp_path / "noise.jsonl"
    path.write_bytes(RANDOM_BYTES + b"\n" + RANDOM_BYTES)
    [rejected] = list(read_jsonl(path))
    assert isinstance(rejected, Rejected)
    assert rejected.line is None
    assert "not valid UTF-8" in rejected.reason


def test_jsonl_is_streamed_one_line_at_a_time() -> None:
    def lines() -> Iterator[bytes]:
        yield b'{"id": "1", "text": "Kenya hosted talks."}\n'
        raise AssertionError("read past the first article")

    items = read_stdin(lines())  # type: ignore[arg-type]
    assert isinstance(next(items), Article)


# -- .csv -------------------------------------------------------------------------------------
def test_csv_reads_one_article_a_row(tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.csv",
        'id,date,text,source\nc1,2024-05-01,"Mali expelled, at once, a diplomat.",Wire\n'
        'c2,,"Two lines\nof text",\n',
    )
    first, second = articles(read_csv(path, default_date="2024-01-01"))
    assert (first.id, first.date, first.text, first.source) == (
        "c1", "2024-05-01", "Mali expelled, at once, a diplomat.", "Wire"
    )
    assert (second.date, second.text, second.source, second.line) == (
        "2024-01-01", "Two lines\nof text", None, 3
    )


def test_csv_with_byte_order_mark_and_capitalised_header(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes("\ufeffID,Date,Text\nc1,2024-05-01,Mali expelled a diplomat.\n".encode())
    [article] = articles(read_csv(path))
    assert article.id == "c1"


def test_csv_without_required_columns_is_rejected_whole(tmp_path: Path) -> None:
    path = write(tmp_path / "in.csv", "id,body\nc1,Mali expelled a diplomat.\n")
    [rejected] = list(read_csv(path))
    assert isinstance(rejected, Rejected)
    assert rejected.reason.startswith("missing columns date, text")


def test_bad_csv_row_is_rejected_with_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "in.csv",
        "id,date,text\nc1,2024-05-01,Fine.\nc2,May 5,Bad date.\nc3,,\nc4,2024-05-02,Fine.\n",
    )
    items = list(read_csv(path))
    assert [type(i).__name__ for i in items] == ["Article", "Rejected", "Rejected", "Article"]
    assert [(i.line, i.reason) for i in items if isinstance(i, Rejected)] == [
        (3, "bad date 'May 5': expected YYYY-MM-DD"),
        (4, "empty text"),
    ]


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty file"),
    (RANDOM_BYTES, "not valid UTF-8"),
])
def test_unreadable_csv_is_rejected(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    [rejected] = list(read_csv(path))
    assert isinstance(rejected, Rejected)
    assert rejected.reason.startswith(reason)


# -- directories, standard input, dispatch ----------------------------------------------------
def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Second.")
    write(tmp_path / "a" / "z.txt", "First.")
    write(tmp_path / "c.jsonl", '{"id": "third", "text": "Third."}\n')
    write(tmp_path / "d.csv", "id,date,text\nfourth,,Fourth.\n")
    write(tmp_path / "notes.md", "Not an input.")
    write(tmp_path / ".hidden.txt", "Hidden.")
    write(tmp_path / ".git" / "x.txt", "Hidden.")
    ids = [a.id for a in articles(read_inputs([str(tmp_path)]))]
    assert ids == ["z", "b", "third", "fourth"]


def test_default_date_reaches_every_format(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Undated.")
    write(tmp_path / "b.jsonl", '{"id": "b", "date": null, "text": "Undated."}\n')
    write(tmp_path / "c.csv", "id,date,text\nc,,Undated.\n")
    dates = {a.date for a in articles(read_inputs([str(tmp_path)], default_date="2024-06-07"))}
    assert dates == {"2024-06-07"}


def test_a_named_file_of_another_kind_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.md", "Text.")
    [rejected] = list(read_inputs([str(path)]))
    assert isinstance(rejected, Rejected)
    assert rejected.reason == "unsupported file type '.md': expected .txt, .jsonl or .csv"


def test_a_missing_input_is_rejected(tmp_path: Path) -> None:
    [rejected] = list(read_inputs([str(tmp_path / "nope.txt")]))
    assert rejected == Rejected(str(tmp_path / "nope.txt"), None, "no such file or directory")


def test_standard_input_as_json_lines() -> None:
    stream = io.BytesIO(b'\n  {"id": "s1", "text": "Kenya hosted talks."}\nbroken\n')
    first, rejected = list(read_inputs(["-"], stdin=stream))
    assert isinstance(first, Article) and first.id == "s1"
    assert rejected == Rejected("<stdin>", 3, "not JSON: Expecting value (column 1)")


def test_standard_input_as_plain_text() -> None:
    stream = io.BytesIO(b"\ndate 2024-07-08\nKenya hosted talks.\n")
    [article] = articles(read_inputs(["-"], stdin=stream))
    assert (article.id, article.date, article.text) == (
        "stdin", "2024-07-08", "Kenya hosted talks."
    )


def test_readers_are_generators(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Text.")
    items = read_inputs([str(path)])
    assert iter(items) is items
    assert os.path.exists(path)
