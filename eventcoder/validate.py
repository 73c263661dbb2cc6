"""Validation of event records against ``schemas/event.schema.json``."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from eventcoder.errors import RecordValidationError
from eventcoder.records import EventRecord


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Load one of the JSON Schemas shipped in ``eventcoder/schemas`` (e.g. ``"event"``)."""
    text = resources.files("eventcoder").joinpath("schemas", f"{name}.schema.json").read_text(
        encoding="utf-8"
    )
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = load_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def record_problems(data: dict[str, Any], schema: str = "event") -> list[str]:
    """Every way ``data`` breaks the named schema, as ``"field.path: message"`` strings
    (empty when the record is valid)."""
    problems = []
    for error in sorted(_validator(schema).iter_errors(data), key=lambda e: list(e.path)):
        path = ".".join(str(p) for p in error.absolute_path) or "(record)"
        problems.append(f"{path}: {error.message}")
    return problems


def check_record(record: EventRecord) -> dict[str, Any]:
    """Return ``record.to_dict()`` if it is valid; raise ``RecordValidationError`` naming the
    article, the sentence and the first failing field otherwise."""
    data = record.to_dict()
    problems = record_problems(data)
    if problems:
        field, _, message = problems[0].partition(": ")
        raise RecordValidationError(record.article_id, record.sentence_index, field, message)
    return data
