"""Event records in a SQLite database: one table ``events`` keyed by ``event_id``.

The table holds the record's main fields as columns (the flattened record of the CSV
format) and the full JSON record in ``record``. Writing an event that is already there
updates its row in place (``INSERT ... ON CONFLICT(event_id) DO UPDATE``), so coding the
same articles again never duplicates events. CAMEO codes are ``TEXT`` columns and keep
their leading zeros.
"""

from __future__ import annotations

import json
import os
import sqlite3
from typing import Any

from eventcoder.errors import OutputError
from eventcoder.io.writers import FLAT_COLUMNS, RecordWriter, flatten_record
from eventcoder.records import EventRecord

SCHEMA_VERSION = 1
_INTEGER = frozenset({"sentence_index", "quad_class", "location_precision", "fatalities"})
_REAL = frozenset({"goldstein", "location_latitude", "location_longitude"})
COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "TEXT PRIMARY KEY NOT NULL"),
    *(
        (name, "INTEGER" if name in _INTEGER else "REAL" if name in _REAL else "TEXT")
        for name in FLAT_COLUMNS
        if name != "event_id"
    ),
    ("record", "TEXT NOT NULL"),
)
_NAMES = tuple(name for name, _ in COLUMNS)
_CREATE = (
    "CREATE TABLE IF NOT EXISTS events (\n    "
    + ",\n    ".join(f"{name} {kind}" for name, kind in COLUMNS)
    + "\n)"
)
_INDEXES = (
    "CREATE INDEX IF NOT EXISTS events_event_date ON events (event_date)",
    "CREATE INDEX IF NOT EXISTS events_cameo_code ON events (cameo_code)",
    "CREATE INDEX IF NOT EXISTS events_article_id ON events (article_id)",
)
_UPSERT = (
    f"INSERT INTO events ({', '.join(_NAMES)}) VALUES ({', '.join('?' for _ in _NAMES)})\n"
    "ON CONFLICT(event_id) DO UPDATE SET "
    + ", ".join(f"{name} = excluded.{name}" for name in _NAMES if name != "event_id")
)


class SqliteWriter(RecordWriter):
    """Upserts records into the ``events`` table of the database at ``path``; ``name`` is the
    path shown in messages (the final output, when ``path`` is its temporary copy).

    Raises ``OutputError`` when the file is not a SQLite database or its ``events`` table
    lacks columns this version writes."""

    format = "sqlite"

    def __init__(self, path: str | os.PathLike[str], name: str | None = None) -> None:
        super().__init__()
        self.name = name or str(path)
        self.connection = sqlite3.connect(path)
        try:
            existing = {row[1] for row in self.connection.execute("PRAGMA table_info(events)")}
            missing = [column for column in _NAMES if existing and column not in existing]
            if missing:
                raise OutputError(
                    f"{self.name}: its events table has no column {', '.join(missing)}; "
                    "write to a new database"
                )
            self.connection.execute(_CREATE)
            for statement in _INDEXES:
                self.connection.execute(statement)
            self.connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as error:
            self.connection.close()
            raise OutputError(f"{self.name}: not a usable SQLite database ({error})") from error
        except OutputError:
            self.connection.close()
            raise

    def _write(self, record: EventRecord, data: dict[str, Any]) -> bool:
        row = flatten_record(data)
        values = [row[name] for name in _NAMES[:-1]]
        values.append(json.dumps(data, ensure_ascii=False))
        self.connection.execute(_UPSERT, values)
        return True

    def close(self) -> None:
        """Commit every row written."""
        self.connection.commit()

    def release(self) -> None:
        """Close the connection (rows not committed are dropped)."""
        self.connection.close()
