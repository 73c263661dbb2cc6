"""Input readers: files, directories and standard input turned into a stream of articles.

Every reader is a generator that yields one :class:`~eventcoder.records.Article` at a time,
or a :class:`Rejected` value for input it cannot use (with the file, the line and the
reason), and carries on with the rest. Nothing holds a whole corpus in memory.

Formats:

- ``.txt``: one article a file, its id the file name without extension. A leading
  ``date YYYY-MM-DD`` header (alone on its line or followed by the text) dates it; leading
  metadata lines (``• Source:XYZ``, ``Source: ...``, ``By ...``) are dropped.
- ``.jsonl``: one ``{"id", "date", "text", "title"?, "source"?, "url"?}`` object a line.
- ``.csv``: a header row with at least ``id``, ``date`` and ``text`` columns.
- a directory: its ``.txt``, ``.jsonl`` and ``.csv`` files, recursively, in sorted order.
- ``-``: standard input, JSON lines, or one plain-text article when the first non-blank
  character is not ``{``.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from eventcoder.records import Article

TEXT_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
INPUT_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES
CSV_REQUIRED = ("id", "date", "text")
STDIN_NAME = "<stdin>"
STDIN_ID = "stdin"

# Articles can be far longer than the csv module's default field limit of 128 KiB.
csv.field_size_limit(2**31 - 1)

_DATE_HEADER = re.compile(r"^\s*date\s*:?\s*(\S+)(?:[ \t]+(.*))?$", re.IGNORECASE)
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?$")
_BULLET = r"[•·*\-–]?\s*"
_META_LINE = re.compile(
    rf"^\s*{_BULLET}(?:sources?|published|updated|posted|author|photo|image|credit)\s*:",
    re.IGNORECASE,
)
# "By Jane Doe, Reuters" is a byline; "By Thursday, the army had withdrawn." is text.
_BYLINE = re.compile(rf"^\s*{_BULLET}by\s+\S.{{0,80}}$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\"”’')]\s*$")


@attrs.frozen
class Rejected:
    """Input that could not be read as an article: where it is and why."""

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        """``{"path", "line", "reason"}``, as written to a rejects file."""
        return {"path": self.path, "line": self.line, "reason": self.reason}


ReadResult = Article | Rejected


# -- helpers ----------------------------------------------------------------------------------
def parse_date(value: str) -> str:
    """Return ``value`` as ``YYYY-MM-DD`` if it is a real calendar date (an ISO date-time is
    cut to its date); raise ``ValueError`` saying what is wrong otherwise."""
    match = _ISO_DATE.match(value.strip())
    if not match:
        raise ValueError(f"bad date {value!r}: expected YYYY-MM-DD")
    try:
        return date.fromisoformat(match.group(1)).isoformat()
    except ValueError as error:
        raise ValueError(f"bad date {value!r}: {error}") from None


def _decode(data: bytes) -> str:
    """Decode UTF-8 (a byte-order mark is dropped); raise ``ValueError`` naming the offset."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(
            f"not valid UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None
    if "\x00" in text:
        raise ValueError("binary data, not text (NUL bytes)")
    return text


def _is_metadata(line: str) -> bool:
    if _META_LINE.match(line):
        return True
    return bool(_BYLINE.match(line)) and not _SENTENCE_END.search(line)


def split_text_header(text: str) -> tuple[str | None, str]:
    """Split a plain-text article into its header date (or ``None``) and its text.

    Leading blank lines, metadata lines and a ``date YYYY-MM-DD`` header are removed; the
    header may share its line with the first words of the text. Raises ``ValueError`` for
    a header whose date is not a real date.
    """
    lines = text.splitlines()
    header_date: str | None = None
    position = 0
    while position < len(lines):
        line = lines[position]
        if not line.strip() or _is_metadata(line):
            position += 1
            continue
        match = _DATE_HEADER.match(line) if header_date is None else None
        if match and _ISO_DATE.match(match.group(1)):
            header_date = parse_date(match.group(1))
            rest = (match.group(2) or "").strip()
            if rest:
                lines[position] = rest
                break
            position += 1
            continue
        break
    return header_date, "\n".join(lines[position:]).strip()


def _text_article(
    text: str, article_id: str, origin: str, default_date: str | None
) -> ReadResult:
    try:
        header_date, body = split_text_header(text)
    except ValueError as error:
        return Rejected(origin, None, f"date header: {error}")
    if not body:
        return Rejected(origin, None, "empty text")
    return Article(id=article_id, text=body, date=header_date or default_date, origin=origin)


def _optional_str(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value or None
    raise ValueError(f"{key!r} must be a string or null, got {type(value).__name__}")


def _mapping_article(
    data: dict[str, Any], origin: str, line: int, default_date: str | None
) -> Article:
    """Build an article from one JSON object or CSV row; raise ``ValueError`` with the reason."""
    article_id = data.get("id")
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    if article_id is None or article_id == "":
        raise ValueError("missing 'id'")
    if not isinstance(article_id, str):
        raise ValueError(f"'id' must be a string, got {type(article_id).__name__}")
    text = data.get("text")
    if text is None:
        raise ValueError("missing 'text'")
    if not isinstance(text, str):
        raise ValueError(f"'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        raise ValueError("empty text")
    raw_date = data.get("date")
    if raw_date is None or raw_date == "":
        article_date = default_date
    elif isinstance(raw_date, str):
        article_date = parse_date(raw_date)
    else:
        raise ValueError(f"bad date {raw_date!r}: expected YYYY-MM-DD or null")
    return Article(
        id=article_id.strip(),
        text=text.strip(),
        date=article_date,
        title=_optional_str(data, "title"),
        source=_optional_str(data, "source"),
        url=_optional_str(data, "url"),
        origin=origin,
        line=line,
    )


# -- one reader a format ----------------------------------------------------------------------
def read_txt(path: str | os.PathLike[str], default_date: str | None = None) -> Iterator[ReadResult]:
    """Yield the one article of a plain-text file, or why it was rejected."""
    origin = str(path)
    try:
        data = Path(path).read_bytes()
        text = _decode(data)
    except (OSError, ValueError) as error:
        yield Rejected(origin, None, _reason(error))
        return
    yield _text_article(text, Path(path).stem, origin, default_date)


def _jsonl_lines(
    lines: Iterable[bytes], origin: str, default_date: str | None, first: int = 1
) -> Iterator[ReadResult]:
    good = 0
    for number, raw in enumerate(lines, start=first):
        if not raw.strip():
            continue
        try:
            line = _decode(raw)
        except ValueError as error:
            if good == 0:
                # nothing readable so far: this is no JSON-lines file at all, and reporting
                # every "line" of a binary file would bury the one useful message
                yield Rejected(origin, None, f"{error}; expected JSON lines")
                return
            yield Rejected(origin, number, str(error))
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            yield Rejected(origin, number, f"not JSON: {error.msg} (column {error.colno})")
            continue
        if not isinstance(data, dict):
            yield Rejected(origin, number, f"expected a JSON object, got {type(data).__name__}")
            continue
        try:
            article = _mapping_article(data, origin, number, default_date)
        except ValueError as error:
            yield Rejected(origin, number, str(error))
            continue
        good += 1
        yield article


def read_jsonl(
    path: str | os.PathLike[str], default_date: str | None = None
) -> Iterator[ReadResult]:
    """Yield the articles of a JSON-lines file, one a line; bad lines are rejected one by
    one with their line number and the other lines are still read."""
    origin = str(path)
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is done
    except OSError as error:
        yield Rejected(origin, None, _reason(error))
        return
    with stream:
        yield from _jsonl_lines(stream, origin, default_date)


def read_csv(path: str | os.PathLike[str], default_date: str | None = None) -> Iterator[ReadResult]:
    """Yield the articles of a CSV file with a header row holding ``id``, ``date`` and
    ``text`` (other columns: ``title``, ``source``, ``url`` are used, the rest ignored).
    A file without those columns is rejected whole, a bad row alone."""
    origin = str(path)
    try:
        stream = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed below
    except OSError as error:
        yield Rejected(origin, None, _reason(error))
        return
    with stream:
        reader = csv.reader(stream)
        try:
            header = next(reader, None)
        except (UnicodeDecodeError, csv.Error) as error:
            yield Rejected(origin, None, _reason(error))
            return
        if header is None or not any(cell.strip() for cell in header):
            yield Rejected(origin, None, "empty file: expected a header row with id, date, text")
            return
        names = [cell.strip().lower() for cell in header]
        missing = [name for name in CSV_REQUIRED if name not in names]
        if missing:
            yield Rejected(
                origin, 1,
                f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                f"(the header needs {', '.join(CSV_REQUIRED)}; found {', '.join(names)})",
            )
            return
        end = reader.line_num
        while True:
            start = end + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError as error:
                yield Rejected(origin, start, _reason(error) + "; the rest of the file is skipped")
                return
            except csv.Error as error:
                end = reader.line_num
                yield Rejected(origin, start, f"bad CSV row: {error}")
                continue
            end = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            data = dict(zip(names, row, strict=False))
            try:
                yield _mapping_article(data, origin, start, default_date)
            except ValueError as error:
                yield Rejected(origin, start, str(error))


def read_stdin(
    stream: BinaryIO | None = None, default_date: str | None = None
) -> Iterator[ReadResult]:
    """Yield the articles on standard input (or ``stream``, a binary stream): JSON lines, or
    one plain-text article with id ``stdin`` when the first non-blank character is not
    ``{``."""
    source: BinaryIO = stream if stream is not None else sys.stdin.buffer
    head: list[bytes] = []
    for raw in source:
        head.append(raw)
        if raw.strip():
            break
    first = b"".join(head).lstrip().lstrip(b"\xef\xbb\xbf").lstrip()
    if first.startswith(b"{"):
        yield from _jsonl_lines(_chain(head, source), STDIN_NAME, default_date)
        return
    try:
        text = _decode(b"".join(head) + source.read())
    except ValueError as error:
        yield Rejected(STDIN_NAME, None, str(error))
        return
    yield _text_article(text, STDIN_ID, STDIN_NAME, default_date)


def _chain(head: list[bytes], rest: Iterable[bytes]) -> Iterator[bytes]:
    yield from head
    yield from rest


# -- dispatch ---------------------------------------------------------------------------------
def read_file(
    path: str | os.PathLike[str], default_date: str | None = None
) -> Iterator[ReadResult]:
    """Yield the articles of one file, chosen by its extension; a file of any other kind is
    rejected with the kinds that are read."""
    suffix = Path(path).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return read_txt(path, default_date)
    if suffix in JSONL_SUFFIXES:
        return read_jsonl(path, default_date)
    if suffix in CSV_SUFFIXES:
        return read_csv(path, default_date)
    reason = (
        f"unsupported file type {suffix or '(no extension)'!r}: "
        "expected .txt, .jsonl or .csv"
    )
    return iter([Rejected(str(path), None, reason)])


def input_files(directory: str | os.PathLike[str]) -> Iterator[Path]:
    """The input files under ``directory``, recursively, in sorted order of their paths
    (``a/z.txt`` before ``b.txt``); hidden files and folders (``.git``) are skipped."""
    with os.scandir(directory) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from input_files(entry.path)
        elif entry.is_file() and Path(entry.name).suffix.lower() in INPUT_SUFFIXES:
            yield Path(entry.path)


def missing_inputs(inputs: Iterable[str]) -> list[str]:
    """The inputs that name neither ``-``, an existing file nor a directory."""
    return [name for name in inputs if name != "-" and not os.path.exists(name)]


def read_inputs(
    inputs: Iterable[str], default_date: str | None = None, stdin: BinaryIO | None = None
) -> Iterator[ReadResult]:
    """Yield the articles of every input in order: files, directories (recursively) and
    ``-`` for standard input (or ``stdin``). ``default_date`` dates every article that has
    no date of its own. An input that does not exist is rejected."""
    for name in inputs:
        if name == "-":
            yield from read_stdin(stdin, default_date)
        elif os.path.isdir(name):
            for path in input_files(name):
                yield from read_file(path, default_date)
        elif os.path.exists(name):
            yield from read_file(name, default_date)
        else:
            yield Rejected(name, None, "no such file or directory")


def _reason(error: BaseException) -> str:
    if isinstance(error, UnicodeDecodeError):
        return f"not valid UTF-8 text (byte 0x{error.object[error.start]:02x})"
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)


__all__ = [
    "ReadResult",
    "Rejected",
    "input_files",
    "missing_inputs",
    "parse_date",
    "read_csv",
    "read_file",
    "read_inputs",
    "read_jsonl",
    "read_stdin",
    "read_txt",
    "split_text_header",
]
