"""Load codebook directories: YAML files, schema check, layering by id, consistency checks.

Every problem is collected and reported at once, as ``file:line: [entry id] message``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from eventcoder.codebook.model import (
    ActionEntry,
    ActorEntry,
    AgentEntry,
    Codebook,
    CodeInfo,
    Office,
    PlaceEntry,
)
from eventcoder.errors import CodebookError
from eventcoder.normalize.names import fold
from eventcoder.validate import load_schema

LINE = "__line__"
KINDS = ("codes", "actions", "actors", "agents", "places")


def default_codebook_path() -> Path:
    """Where the default codebook is: inside the installed package, or in the source tree."""
    installed = Path(str(resources.files("eventcoder"))) / "_codebooks" / "default"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "codebooks" / "default"


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when libyaml is there


class _LineLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """A safe loader that records the line of every mapping under ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            # YAML keeps the last of two equal keys silently: a field written twice would
            # lose its first value without a word
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}: keep one", key_node.start_mark
            )
        seen.add(key)
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != LINE}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _line_of(document: Any, path: Sequence[Any]) -> int | None:
    """The line of the innermost mapping on ``path`` inside a loaded document."""
    line = document.get(LINE) if isinstance(document, dict) else None
    node = document
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and LINE in node:
            line = node[LINE]
    return line


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, file: str, line: int | None, message: str, entry: str | None = None) -> None:
        where = f"{file}:{line}" if line else file
        label = f" [{entry}]" if entry else ""
        self.items.append(f"{where}:{label} {message}")


def _layer_files(path: Path) -> tuple[Path | None, list[Path]]:
    if path.is_file():
        return None, [path]
    header = path / "codebook.yaml"
    files = sorted(
        p for p in path.rglob("*.y*ml") if p.suffix in (".yaml", ".yml") and p.name != header.name
    )
    return (header if header.is_file() else None), files


def _entry(kind: str, data: dict[str, Any]) -> Any:
    if kind == "codes":
        acled = data.get("acled")
        return CodeInfo(
            id=data["id"],
            code=data["code"],
            name=data["name"],
            goldstein=float(data["goldstein"]),
            quad_class=int(data["quad_class"]),
            plover=data.get("plover"),
            acled=(acled["disorder_type"], acled["event_type"], acled["sub_event_type"])
            if acled
            else None,
        )
    if kind == "actions":
        return ActionEntry(
            id=data["id"],
            code=data["code"],
            verbs=tuple(data.get("verbs", ())),
            nouns=tuple(data.get("nouns", ())),
            target=data.get("target", "required"),
            reciprocal=bool(data.get("reciprocal", False)),
            recipient=data.get("recipient"),
        )
    if kind == "actors":
        return ActorEntry(
            id=data["id"],
            code=data["code"],
            country=data["country"],
            names=tuple(data["names"]),
            role=data.get("role"),
            type=data.get("type", "other"),
            adjectives=tuple(data.get("adjectives", ())),
            capitals=tuple(data.get("capitals", ())),
            offices=tuple(
                Office(
                    role=o["role"], start=str(o["start"]), end=o.get("end"), title=o.get("title")
                )
                for o in data.get("offices", ())
            ),
            theatre=bool(data.get("theatre", False)),
        )
    if kind == "agents":
        return AgentEntry(id=data["id"], role=data["role"], names=tuple(data["names"]))
    return PlaceEntry(
        id=data["id"],
        type=data["type"],
        country=data["country"],
        names=tuple(data["names"]),
        admin1_code=data.get("admin1_code"),
        latitude=data.get("latitude"),
        longitude=data.get("longitude"),
    )


def _read_layer(
    path: Path,
    problems: _Problems,
    merged: dict[str, dict[str, Any]],
    locations: dict[str, str],
) -> tuple[str, str]:
    """Read one layer into ``merged`` (kind -> id -> entry); return its name and version."""
    validator = jsonschema.Draft202012Validator(load_schema("codebook"))
    header_path, files = _layer_files(path)
    name, version = path.stem, "0"
    if header_path is not None:
        try:
            header = yaml.safe_load(header_path.read_text(encoding="utf-8")) or {}
            name = str(header.get("name", name))
            version = str(header.get("version", version))
        except (OSError, yaml.YAMLError) as error:
            problems.add(str(header_path), None, f"cannot read the codebook header: {error}")
    if not files:
        problems.add(str(path), None, "no codebook files (*.yaml) found here")
    seen_here: dict[str, str] = {}
    for file in files:
        label = str(file)
        try:
            document = yaml.load(file.read_text(encoding="utf-8"), Loader=_LineLoader)
        except OSError as error:
            problems.add(label, None, f"cannot read the file: {error}")
            continue
        except UnicodeDecodeError:
            problems.add(label, None, "not UTF-8 text; save the file as UTF-8")
            continue
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            problems.add(label, line, f"not valid YAML: {getattr(error, 'problem', error)}")
            continue
        if not isinstance(document, dict):
            problems.add(label, None, "a codebook file is a mapping with 'kind' and 'entries'")
            continue
        clean = _strip_lines(document)
        errors = sorted(validator.iter_errors(clean), key=lambda e: list(e.absolute_path))
        bad_entries: set[int] = set()
        for schema_error in errors:
            where = list(schema_error.absolute_path)
            entry_id = None
            if len(where) >= 2 and where[0] == "entries" and isinstance(where[1], int):
                bad_entries.add(where[1])
                raw = clean["entries"][where[1]]
                entry_id = raw.get("id") if isinstance(raw, dict) else None
            field = ".".join(str(p) for p in where[2:]) or None
            message = (
                schema_error.message if not field else f"{field}: {schema_error.message}"
            )
            problems.add(label, _line_of(document, where), message, entry_id)
        if errors and not isinstance(clean.get("entries", []), list):
            continue
        kind = clean.get("kind")
        if kind not in KINDS:
            continue
        for index, raw in enumerate(clean.get("entries", [])):
            if index in bad_entries or not isinstance(raw, dict):
                continue
            line = document["entries"][index].get(LINE)
            entry_id = raw["id"]
            if entry_id in seen_here:
                problems.add(
                    label,
                    line,
                    f"duplicate id, first defined at {seen_here[entry_id]}; give it another id",
                    entry_id,
                )
                continue
            seen_here[entry_id] = f"{label}:{line}"
            for other_kind, table in merged.items():
                if other_kind != kind and entry_id in table:
                    problems.add(
                        label, line, f"id already used by a {other_kind} entry", entry_id
                    )
            merged[kind][entry_id] = _entry(kind, raw)
            locations[entry_id] = f"{label}:{line}"
        for entry_id in clean.get("remove", []) or []:
            found = [k for k, table in merged.items() if entry_id in table]
            if not found:
                problems.add(
                    label,
                    _line_of(document, []),
                    f"remove: no entry {entry_id!r} in earlier layers (check the id)",
                )
            for k in found:
                del merged[k][entry_id]
    return name, version


def _check_consistency(merged: dict[str, dict[str, Any]], locations: dict[str, str],
                       problems: _Problems) -> None:
    codes = {entry.code for entry in merged["codes"].values()}
    phrase_owner: dict[tuple[str, str], str] = {}
    for entry in merged["actions"].values():
        where = locations.get(entry.id, "?")
        if entry.code not in codes:
            problems.items.append(
                f"{where}: [{entry.id}] unknown CAMEO code {entry.code!r}; use a code listed "
                "in codes.yaml (with its leading zero)"
            )
        for form, phrases in (("verb", entry.verbs), ("noun", entry.nouns)):
            for phrase in phrases:
                key = (form, " ".join(fold(phrase).replace("-", " ").split()))
                owner = phrase_owner.get(key)
                if owner is not None and owner != entry.id:
                    other = merged["actions"][owner]
                    if other.code != entry.code:
                        problems.items.append(
                            f"{where}: [{entry.id}] {form} pattern {phrase!r} is also in "
                            f"[{owner}] (code {other.code}) at {locations.get(owner, '?')}; "
                            "keep it in one entry"
                        )
                else:
                    phrase_owner[key] = entry.id
    name_owner: dict[str, str] = {}
    for agent in merged["agents"].values():
        for phrase in agent.names:
            name = " ".join(fold(phrase).split())
            holder = name_owner.get(name)
            if holder is not None and holder != agent.id:
                problems.items.append(
                    f"{locations.get(agent.id, '?')}: [{agent.id}] agent name {phrase!r} is also "
                    f"in [{holder}]; keep it in one entry"
                )
            name_owner[name] = agent.id


def load_codebook(
    paths: Iterable[str | PathLike[str]] = (), *, include_default: bool = True
) -> Codebook:
    """Load the default codebook (unless ``include_default`` is false) with each of ``paths``
    layered on top, in order. A path is a codebook directory or a single YAML file.

    Raises ``CodebookError`` carrying every problem found in every layer.
    """
    layers = [default_codebook_path()] if include_default else []
    layers += [Path(p) for p in paths]
    problems = _Problems()
    merged: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
    locations: dict[str, str] = {}
    names, versions = [], []
    for layer in layers:
        if not layer.exists():
            problems.add(str(layer), None, "no such codebook file or directory")
            continue
        name, version = _read_layer(layer, problems, merged, locations)
        names.append(name)
        versions.append(version)
    _check_consistency(merged, locations, problems)
    if problems.items:
        raise CodebookError(problems.items)
    return Codebook(
        name="+".join(names) or "empty",
        version="+".join(versions) or "0",
        codes={entry.code: entry for entry in merged["codes"].values()},
        actions=tuple(merged["actions"].values()),
        actors=tuple(merged["actors"].values()),
        agents=tuple(merged["agents"].values()),
        places=tuple(merged["places"].values()),
        layers=tuple(str(p) for p in layers),
        locations=locations,
    )
