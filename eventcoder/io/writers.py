"""Output writers, one a format: ``jsonl``, ``csv``, ``acled``, ``cameo`` and ``sqlite``.

Every writer validates each record against the event schema before writing it
(``RecordValidationError`` stops the run), and :func:`open_writer` writes atomically: the
output appears complete when the block succeeds and not at all when it fails.

Spreadsheet safety: a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return would run as a formula in a spreadsheet, so it is written with a leading
``'``. Numbers are never touched (a Goldstein score of ``-10.0`` stays a number), and CAMEO
codes are always written as text with their leading zeros.
"""

from __future__ import annotations

import abc
import contextlib
import csv
import json
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, ClassVar, TextIO

from eventcoder.errors import OutputError, RecordValidationError
from eventcoder.io.acled import ACLED_COLUMNS, NotExportable, acled_row
from eventcoder.io.atomic import atomic_output, atomic_path, is_stdout
from eventcoder.io.cameo import CAMEO_COLUMNS, cameo_row
from eventcoder.records import EventRecord
from eventcoder.validate import check_record, record_problems

FORMATS: tuple[str, ...] = ("jsonl", "csv", "acled", "cameo", "sqlite")
EXTENSIONS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "cameo",
    ".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

FLAT_COLUMNS: tuple[str, ...] = (
    "event_id", "article_id", "sentence_index", "event_date", "date_precision",
    "source_text", "source_code", "source_country", "source_role", "source_name",
    "target_text", "target_code", "target_country", "target_role", "target_name",
    "cameo_code", "cameo_root", "quad_class", "goldstein",
    "acled_disorder_type", "acled_event_type", "acled_sub_event_type",
    "location_name", "location_country", "location_admin1", "location_admin1_code",
    "location_latitude", "location_longitude", "location_precision",
    "fatalities", "mentions", "rule", "codebook_name", "codebook_version",
    "article_date", "url", "news_source", "sentence",
)
_NESTED = {
    "source": ("text", "code", "country", "role", "name"),
    "target": ("text", "code", "country", "role", "name"),
    "acled": ("disorder_type", "event_type", "sub_event_type"),
    "location": ("name", "country", "admin1", "admin1_code", "latitude", "longitude",
                 "precision"),
    "codebook": ("name", "version"),
}


def format_for_path(output: str | os.PathLike[str] | None) -> str:
    """The output format an output path's extension implies; ``jsonl`` for standard output
    and unknown extensions."""
    if is_stdout(output):
        return "jsonl"
    assert output is not None
    return EXTENSIONS.get(Path(output).suffix.lower(), "jsonl")


def neutralize(text: str) -> str:
    """``text`` made safe for a spreadsheet: prefixed with ``'`` when its first character
    would start a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell(value: Any) -> str:
    """One CSV cell: blank for ``None``, numbers as written by Python, text neutralized."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return neutralize(str(value))


def flatten_record(data: dict[str, Any]) -> dict[str, Any]:
    """The JSON record (``EventRecord.to_dict()``) as one flat row of ``FLAT_COLUMNS``:
    nested objects become ``source_code``, ``location_admin1``...; ``mentions`` becomes
    ``"article:sentence;article:sentence"``."""
    row: dict[str, Any] = {
        key: data.get(key) for key in FLAT_COLUMNS if key in data and key not in _NESTED
    }
    for name, keys in _NESTED.items():
        nested = data.get(name) or {}
        for key in keys:
            row[f"{name}_{key}"] = nested.get(key)
    row["mentions"] = ";".join(
        f"{m['article_id']}:{m['sentence_index']}" for m in data.get("mentions", [])
    )
    return {column: row.get(column) for column in FLAT_COLUMNS}


class RecordWriter(abc.ABC):
    """Writes validated event records in one format.

    ``written`` counts what was written (rows, lines); ``skipped`` counts records left out
    by reason (an ACLED export has no row for an event without a country, for instance).
    """

    format: ClassVar[str]

    def __init__(self) -> None:
        self.written = 0
        self.skipped: Counter[str] = Counter()

    def write(self, record: EventRecord) -> None:
        """Validate ``record`` and write it. Raises ``RecordValidationError`` naming the
        article, the sentence and the field when it breaks the event schema."""
        data = check_record(record)
        if self._write(record, data):
            self.written += 1

    def write_all(self, records: Iterable[EventRecord]) -> None:
        """Write every record of ``records``."""
        for record in records:
            self.write(record)

    @abc.abstractmethod
    def _write(self, record: EventRecord, data: dict[str, Any]) -> bool:
        """Write one valid record; return whether anything was written."""

    def close(self) -> None:  # noqa: B027 - most formats have nothing to finish
        """Finish the output (flush, commit)."""


class JsonlWriter(RecordWriter):
    """One JSON record a line, UTF-8 as is (no ``\\u`` escapes)."""

    format = "jsonl"

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def _write(self, record: EventRecord, data: dict[str, Any]) -> bool:
        self.stream.write(json.dumps(data, ensure_ascii=False) + "\n")
        return True


class _TableWriter(RecordWriter):
    """A delimited table with a header row, written even when no record follows."""

    columns: ClassVar[tuple[str, ...]]
    delimiter: ClassVar[str] = ","

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream
        self.table = csv.writer(stream, delimiter=self.delimiter, lineterminator="\n")
        self.table.writerow(self.columns)

    def _write(self, record: EventRecord, data: dict[str, Any]) -> bool:
        row = self.row(record, data)
        if row is None:
            return False
        self.table.writerow([cell(row[column]) for column in self.columns])
        return True

    @abc.abstractmethod
    def row(self, record: EventRecord, data: dict[str, Any]) -> dict[str, Any] | None:
        """The row of one record, or ``None`` to leave it out."""


class CsvWriter(_TableWriter):
    """The JSON record flattened, one row an event (``FLAT_COLUMNS``)."""

    format = "csv"
    columns = FLAT_COLUMNS

    def row(self, record: EventRecord, data: dict[str, Any]) -> dict[str, Any]:
        return flatten_record(data)


class CameoWriter(_TableWriter):
    """Phoenix-style tab-separated rows (``CAMEO_COLUMNS``)."""

    format = "cameo"
    columns = CAMEO_COLUMNS
    delimiter = "\t"

    def row(self, record: EventRecord, data: dict[str, Any]) -> dict[str, Any]:
        return cameo_row(record)


class AcledWriter(_TableWriter):
    """ACLED's 31 columns; a row for every record with an ACLED type that has a country and
    a date, each checked against ``acled_row.schema.json``.

    ``timestamp`` (ACLED's upload time) defaults to ``SOURCE_DATE_EPOCH`` when set, for
    reproducible files, else to the time the writer is opened."""

    format = "acled"
    columns = ACLED_COLUMNS

    def __init__(self, stream: TextIO, timestamp: int | None = None) -> None:
        super().__init__(stream)
        if timestamp is None:
            epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
            timestamp = int(epoch) if epoch.isdigit() else int(time.time())
        self.timestamp = timestamp

    def row(self, record: EventRecord, data: dict[str, Any]) -> dict[str, Any] | None:
        if record.acled is None:
            return None
        try:
            row = acled_row(record, timestamp=self.timestamp)
        except NotExportable as reason:
            self.skipped[str(reason)] += 1
            return None
        problems = record_problems(row, "acled_row")
        if problems:
            field, _, message = problems[0].partition(": ")
            raise RecordValidationError(
                record.article_id, record.sentence_index, f"acled.{field}", message
            )
        return row


TEXT_WRITERS: dict[str, type[JsonlWriter] | type[_TableWriter]] = {
    "jsonl": JsonlWriter,
    "csv": CsvWriter,
    "acled": AcledWriter,
    "cameo": CameoWriter,
}


@contextlib.contextmanager
def open_writer(
    output: str | os.PathLike[str] | None, format: str | None = None
) -> Iterator[RecordWriter]:
    """A writer for ``output`` (a path, or ``None``/``"-"`` for standard output) in
    ``format`` (by default the one the extension implies).

    The output is written atomically: it replaces the target only when the block ends
    without an exception. Raises ``OutputError`` for an unknown format, a database on
    standard output, or an output that cannot be opened."""
    chosen = format or format_for_path(output)
    if chosen not in FORMATS:
        raise OutputError(f"unknown output format {chosen!r}: expected one of {', '.join(FORMATS)}")
    if chosen == "sqlite":
        if is_stdout(output):
            raise OutputError("the sqlite format needs an output file: -o events.sqlite")
        assert output is not None
        from eventcoder.io.sqlite import SqliteWriter

        _check_target(output)
        with atomic_path(output, copy_existing=True) as temp:
            database = SqliteWriter(temp, name=str(output))
            try:
                yield database
                database.close()
            finally:
                database.release()
        return
    if not is_stdout(output):
        assert output is not None
        _check_target(output)
    with atomic_output(output, newline="") as stream:
        writer = TEXT_WRITERS[chosen](stream)
        yield writer
        writer.close()
        stream.flush()


def _check_target(output: str | os.PathLike[str]) -> None:
    """Raise ``OutputError`` when ``output`` cannot be created, before anything is coded."""
    target = Path(output)
    parent = target.parent
    if target.is_dir():
        raise OutputError(f"cannot write {output}: it is a directory")
    if not parent.is_dir():
        raise OutputError(f"cannot write {output}: no such directory {str(parent)!r}")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {output}: permission denied")
