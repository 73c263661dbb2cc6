"""Scoring coded events against sentence-level gold files.

A gold file holds one sentence a line (``data/gold/*.jsonl``)::

    {"id": "g0001", "date": "2024-03-12", "text": "...", "context": "previous sentence" | null,
     "expected": [{"source": "PAKGOV", "target": "IRN", "code": "195"}],
     "optional": [{"source": "PAK", "target": "IRN", "code": "0"}], "tags": ["svo"]}

``source`` and ``target`` are CAMEO actor codes, or lists of accepted codes. An expected
``code`` is a full CAMEO code; an optional ``code`` is a prefix (``"0"`` accepts 01-09).

Scores are given at three levels:

``country-root``
    the country (or international body) of each side and the CAMEO root: the usual
    sentence-level convention for comparing event coders;
``country-code``
    the same dyad and the full CAMEO code;
``actor-code``
    the full actor codes of both sides and the full CAMEO code.

At every level recall counts the expected events matched by at least one record, and
precision counts the records that match an expected or an optional event of their sentence
(a record that matches an optional event is not a false positive). Optional events match
by code prefix at every level.

The scoring functions (``score``, ``evaluate_records``) take plain data and need no coder;
``evaluate_files`` runs a coder over gold files and scores what it writes.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from os import PathLike
from typing import Any, Protocol

import attrs

from eventcoder.errors import InputError
from eventcoder.records import Article, EventRecord

LEVELS = ("country-root", "country-code", "actor-code")
INTERNATIONAL_PREFIXES = ("IGO", "NGO", "MNC")
ROOT_NAMES = {
    "01": "make public statement",
    "02": "appeal",
    "03": "express intent to cooperate",
    "04": "consult",
    "05": "diplomatic cooperation",
    "06": "material cooperation",
    "07": "provide aid",
    "08": "yield",
    "09": "investigate",
    "10": "demand",
    "11": "disapprove",
    "12": "reject",
    "13": "threaten",
    "14": "protest",
    "15": "exhibit force posture",
    "16": "reduce relations",
    "17": "coerce",
    "18": "assault",
    "19": "fight",
    "20": "unconventional mass violence",
}


# -- actor and code keys --------------------------------------------------------------------
def actor_key(code: str | None) -> str:
    """The three-letter key an actor is compared on at country level: the first three
    letters of the code, or for ``IGO``/``NGO``/``MNC`` codes the three letters after the
    prefix (``IGOUNO`` and ``UNO`` agree)."""
    code = (code or "").strip().upper()
    if len(code) >= 6 and code[:3] in INTERNATIONAL_PREFIXES:
        return code[3:6]
    return code[:3]


def root_of(code: str) -> str:
    """The two-digit CAMEO root of a code (``"0256"`` -> ``"02"``)."""
    return code[:2]


# -- gold -----------------------------------------------------------------------------------
def _codes(value: Any) -> tuple[str, ...]:
    values = value if isinstance(value, list | tuple) else [value]
    return tuple(str(v).strip().upper() for v in values)


def _is_code_prefix(value: object) -> bool:
    return isinstance(value, str) and value.isdigit() and 1 <= len(value) <= 4


@attrs.frozen
class GoldEvent:
    """One gold event: accepted source codes, accepted target codes, and a CAMEO code
    (full for an expected event, a prefix for an optional one)."""

    source: tuple[str, ...] = attrs.field(converter=_codes)
    target: tuple[str, ...] = attrs.field(converter=_codes)
    code: str

    @property
    def root(self) -> str:
        return root_of(self.code)

    def source_keys(self) -> frozenset[str]:
        return frozenset(actor_key(c) for c in self.source)

    def target_keys(self) -> frozenset[str]:
        return frozenset(actor_key(c) for c in self.target)

    def describe(self) -> str:
        return f"{'/'.join(self.source)} -> {'/'.join(self.target)} {self.code}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source[0] if len(self.source) == 1 else list(self.source),
            "target": self.target[0] if len(self.target) == 1 else list(self.target),
            "code": self.code,
        }


@attrs.frozen
class GoldSentence:
    """One gold sentence: what the coder reads (``context`` + ``text``) and the events
    it must (``expected``) or may (``optional``) give."""

    id: str
    date: str | None
    text: str
    context: str | None
    expected: tuple[GoldEvent, ...]
    optional: tuple[GoldEvent, ...]
    tags: tuple[str, ...]

    def article(self) -> Article:
        """The article the coder is given: the context sentence, if any, then the text."""
        text = " ".join(part for part in (self.context, self.text) if part)
        return Article(id=self.id, text=text, date=self.date)


def _gold_event(item: Any, field: str, full: bool) -> GoldEvent:
    if not isinstance(item, dict):
        raise ValueError(f"each {field} event must be an object, got {item!r}")
    missing = [key for key in ("source", "target", "code") if key not in item]
    if missing:
        raise ValueError(f"an {field} event lacks {', '.join(missing)}: {item!r}")
    for side in ("source", "target"):
        codes = item[side] if isinstance(item[side], list) else [item[side]]
        if not codes or not all(isinstance(c, str) and c.strip() for c in codes):
            raise ValueError(
                f"{field} {side} must be an actor code or a list of them, got {item[side]!r}"
            )
    code = item["code"]
    if not _is_code_prefix(code) or (full and len(code) < 2):
        kind = "a full CAMEO code" if full else "a CAMEO code prefix"
        raise ValueError(
            f"{field} code must be {kind} written as a string with its leading zero "
            f"(such as \"0256\"), got {code!r}"
        )
    sides: dict[str, Any] = {}
    for side in ("source", "target"):
        # "source_alt": other codes an annotator also accepts for that side
        alternatives = item.get(f"{side}_alt") or []
        if isinstance(alternatives, str):
            alternatives = [alternatives]
        if not isinstance(alternatives, list) or not all(
            isinstance(c, str) and c.strip() for c in alternatives
        ):
            raise ValueError(f"{field} {side}_alt must be an actor code or a list of them")
        codes = item[side] if isinstance(item[side], list) else [item[side]]
        sides[side] = [*codes, *alternatives] if alternatives else item[side]
    return GoldEvent(source=sides["source"], target=sides["target"], code=code)


def _gold_sentence(item: Any) -> GoldSentence:
    if not isinstance(item, dict):
        raise ValueError("a gold line must be a JSON object")
    for key in ("id", "text"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise ValueError(f"{key!r} must be a non-empty string")
    date = item.get("date")
    if date is not None:
        Article(id="check", text="", date=date if isinstance(date, str) else str(date))
    context = item.get("context")
    if context is not None and not isinstance(context, str):
        raise ValueError("'context' must be a string or null")
    events: dict[str, tuple[GoldEvent, ...]] = {}
    for field in ("expected", "optional"):
        value = item.get(field, [])
        if not isinstance(value, list):
            raise ValueError(f"{field!r} must be a list of events")
        events[field] = tuple(_gold_event(e, field, field == "expected") for e in value)
    tags = item.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ValueError("'tags' must be a list of strings")
    return GoldSentence(
        id=item["id"], date=date, text=item["text"], context=context,
        expected=events["expected"], optional=events["optional"], tags=tuple(tags),
    )


def load_gold(path: str | PathLike[str]) -> list[GoldSentence]:
    """Read a sentence-level gold file (JSON Lines; blank lines are skipped).

    Raises ``InputError`` naming the file and the line for a line that is not JSON, lacks
    ``id`` or ``text``, has a malformed event or date, or repeats an earlier id.
    """
    name = str(path)
    sentences: list[GoldSentence] = []
    seen: dict[str, int] = {}
    # Gold files are small (hundreds of lines): read whole, so that a read error and a
    # data error are reported apart.
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.readlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(name, None, f"cannot read the gold file: {error}") from error
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(name, number, f"not JSON: {error.msg}") from error
        try:
            sentence = _gold_sentence(item)
        except ValueError as error:
            raise InputError(name, number, str(error)) from error
        if sentence.id in seen:
            raise InputError(
                name, number, f"id {sentence.id!r} already used on line {seen[sentence.id]}"
            )
        seen[sentence.id] = number
        sentences.append(sentence)
    return sentences


# -- predictions ----------------------------------------------------------------------------
@attrs.frozen
class Prediction:
    """The parts of a coded record that scoring looks at."""

    sentence_id: str
    source: str
    source_country: str | None
    target: str
    target_country: str | None
    cameo_code: str
    rule: str | None = None
    sentence: str | None = None

    @property
    def source_key(self) -> str:
        return actor_key(self.source_country or self.source)

    @property
    def target_key(self) -> str:
        return actor_key(self.target_country or self.target)

    @property
    def root(self) -> str:
        return root_of(self.cameo_code)

    def describe(self) -> str:
        return (f"{self.source or '?'} -> {self.target or '?'} {self.cameo_code}"
                f" [rule {self.rule or '?'}]")

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


def _side(value: Any) -> tuple[str, str | None]:
    if value is None:
        return "", None
    if isinstance(value, str):
        return value, None
    if isinstance(value, Mapping):
        return str(value.get("code") or ""), value.get("country")
    return str(getattr(value, "code", "") or ""), getattr(value, "country", None)


def prediction_from_record(record: EventRecord | Mapping[str, Any]) -> Prediction:
    """A ``Prediction`` from an ``EventRecord`` or its JSON form (``to_dict()``); the
    sentence id is the record's ``article_id``."""
    data: Mapping[str, Any] = record.to_dict() if isinstance(record, EventRecord) else record
    source, source_country = _side(data.get("source"))
    target, target_country = _side(data.get("target"))
    return Prediction(
        sentence_id=str(data.get("article_id")),
        source=source,
        source_country=source_country,
        target=target,
        target_country=target_country,
        cameo_code=str(data.get("cameo_code") or ""),
        rule=data.get("rule"),
        sentence=data.get("sentence"),
    )


# -- matching -------------------------------------------------------------------------------
def matches(
    prediction: Prediction, event: GoldEvent, level: str, *, optional: bool = False
) -> bool:
    """Whether ``prediction`` matches ``event`` at ``level`` (one of ``LEVELS``).

    An expected event matches on its root at ``country-root`` and on its full code above;
    an optional event always matches on its code as a prefix.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, got {level!r}")
    if level == "actor-code":
        dyad = (prediction.source.upper() in event.source
                and prediction.target.upper() in event.target)
    else:
        dyad = (prediction.source_key in event.source_keys()
                and prediction.target_key in event.target_keys())
    if not dyad:
        return False
    if optional:
        return prediction.cameo_code.startswith(event.code)
    if level == "country-root":
        return prediction.cameo_code.startswith(event.root)
    return prediction.cameo_code == event.code


@attrs.frozen
class Scores:
    """Counts and figures for one level, root or tag. Recall is 1.0 with nothing to find
    and precision 0.0 with nothing predicted."""

    required: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        total = self.recall + self.precision
        return 2 * self.recall * self.precision / total if total else 0.0

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.required + other.required, self.found + other.found,
                      self.predicted + other.predicted, self.correct + other.correct)

    def to_dict(self) -> dict[str, Any]:
        return {**attrs.asdict(self), "recall": self.recall, "precision": self.precision,
                "f1": self.f1}


@attrs.frozen
class Miss:
    """An expected event that no record matched (at ``country-root``)."""

    sentence_id: str
    text: str
    event: GoldEvent

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.sentence_id, "text": self.text, "event": self.event.to_dict()}


@attrs.frozen
class FalseRecord:
    """A record that matched neither an expected nor an optional event (at ``country-root``)."""

    sentence_id: str
    text: str
    prediction: Prediction

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.sentence_id, "text": self.text, "record": self.prediction.to_dict()}


def _sentence_scores(sentence: GoldSentence, predictions: Sequence[Prediction],
                     level: str) -> Scores:
    found = sum(
        1 for event in sentence.expected if any(matches(p, event, level) for p in predictions)
    )
    correct = sum(1 for p in predictions if _is_correct(p, sentence, level))
    return Scores(len(sentence.expected), found, len(predictions), correct)


def _is_correct(prediction: Prediction, sentence: GoldSentence, level: str) -> bool:
    return any(matches(prediction, e, level) for e in sentence.expected) or any(
        matches(prediction, e, level, optional=True) for e in sentence.optional
    )


# -- the report -----------------------------------------------------------------------------
def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    cells = [list(header)] + [[_cell(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for n, row in enumerate(cells):
        parts = [row[0].ljust(widths[0])] + [v.rjust(w) for v, w in zip(row[1:], widths[1:],
                                                                        strict=True)]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def _cell(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _score_row(name: str, scores: Scores) -> list[object]:
    return [name, scores.required, scores.found, scores.predicted, scores.correct,
            scores.precision, scores.recall, scores.f1]


SCORE_HEADER = ("", "required", "found", "predicted", "correct", "precision", "recall", "f1")


@attrs.frozen
class EvaluationReport:
    """The scores of a coder against gold sentences.

    ``levels`` maps each of ``LEVELS`` to its ``Scores``; ``by_root`` and ``by_tag`` hold
    ``country-root`` scores per CAMEO root (expected events of the root for recall, records
    of the root for precision) and per sentence tag; ``confusion`` counts (gold root,
    predicted root) pairs for records whose dyad matches an expected event; ``misses`` and
    ``false_records`` list the errors at ``country-root``; ``unknown`` names sentence ids of
    records that are not in the gold.
    """

    sentences: int
    levels: dict[str, Scores]
    by_root: dict[str, Scores]
    by_tag: dict[str, Scores]
    confusion: dict[tuple[str, str], int]
    misses: tuple[Miss, ...]
    false_records: tuple[FalseRecord, ...]
    unknown: tuple[str, ...] = ()

    @property
    def f1(self) -> float:
        """F1 at ``country-root``, the headline figure."""
        return self.levels["country-root"].f1

    @property
    def precision(self) -> float:
        return self.levels["country-root"].precision

    @property
    def recall(self) -> float:
        return self.levels["country-root"].recall

    def render(self, errors: bool = False) -> str:
        """Aligned plain-text tables: levels, roots, tags, the root confusion table and,
        with ``errors``, every miss and every false record with its sentence and rule."""
        lines = [f"{self.sentences} sentences"]
        lines += ["", "By level"]
        lines += _table(SCORE_HEADER, (_score_row(n, s) for n, s in self.levels.items()))
        lines += ["", "By CAMEO root (country-root)"]
        lines += _table(
            ("root", *SCORE_HEADER[1:]),
            (_score_row(f"{r} {ROOT_NAMES.get(r, '')}".strip(), s)
             for r, s in sorted(self.by_root.items())),
        )
        lines += ["", "By tag (country-root)"]
        lines += _table(("tag", *SCORE_HEADER[1:]),
                        (_score_row(t, s) for t, s in sorted(self.by_tag.items())))
        lines += ["", "Root confusion (rows: gold root, columns: predicted root)"]
        gold_roots = sorted({g for g, _ in self.confusion})
        predicted_roots = sorted({p for _, p in self.confusion})
        if gold_roots:
            lines += _table(
                ("gold", *predicted_roots),
                ([g, *(self.confusion.get((g, p), "") for p in predicted_roots)]
                 for g in gold_roots),
            )
        else:
            lines.append("(no record matched the dyad of an expected event)")
        if errors:
            lines += ["", f"Missed events ({len(self.misses)})"]
            for miss in self.misses:
                lines.append(f"MISSED {miss.sentence_id}: {miss.event.describe()} | {miss.text}")
            lines += ["", f"False records ({len(self.false_records)})"]
            for false in self.false_records:
                lines.append(f"FALSE  {false.sentence_id}: {false.prediction.describe()}"
                             f" | {false.prediction.sentence or false.text}")
            if self.unknown:
                lines += ["", "records for sentences not in the gold: " + ", ".join(self.unknown)]
        return "\n".join(lines) + "\n"

    def to_json(self) -> dict[str, Any]:
        """The report as plain JSON-ready data."""
        return {
            "sentences": self.sentences,
            "f1": self.f1,
            "levels": {name: s.to_dict() for name, s in self.levels.items()},
            "by_root": {root: s.to_dict() for root, s in sorted(self.by_root.items())},
            "by_tag": {tag: s.to_dict() for tag, s in sorted(self.by_tag.items())},
            "confusion": [
                {"gold": g, "predicted": p, "count": n}
                for (g, p), n in sorted(self.confusion.items())
            ],
            "misses": [m.to_dict() for m in self.misses],
            "false_records": [f.to_dict() for f in self.false_records],
            "unknown": list(self.unknown),
        }


# -- scoring --------------------------------------------------------------------------------
def score(gold: Sequence[GoldSentence],
          predictions: Mapping[str, Sequence[Prediction]]) -> EvaluationReport:
    """Score predictions, grouped by sentence id, against gold sentences."""
    levels = {level: Scores() for level in LEVELS}
    by_root: dict[str, Scores] = {}
    by_tag: dict[str, Scores] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    misses: list[Miss] = []
    false_records: list[FalseRecord] = []
    for sentence in gold:
        found = predictions.get(sentence.id, ())
        for level in LEVELS:
            levels[level] += _sentence_scores(sentence, found, level)
        for tag in sentence.tags:
            by_tag[tag] = by_tag.get(tag, Scores()) + _sentence_scores(
                sentence, found, "country-root"
            )
        for event in sentence.expected:
            hit = any(matches(p, event, "country-root") for p in found)
            by_root[event.root] = by_root.get(event.root, Scores()) + Scores(1, int(hit))
            if not hit:
                misses.append(Miss(sentence.id, sentence.text, event))
        for prediction in found:
            correct = _is_correct(prediction, sentence, "country-root")
            by_root[prediction.root] = by_root.get(prediction.root, Scores()) + Scores(
                predicted=1, correct=int(correct)
            )
            if not correct:
                false_records.append(FalseRecord(sentence.id, sentence.text, prediction))
            for event in sentence.expected:
                if (prediction.source_key in event.source_keys()
                        and prediction.target_key in event.target_keys()):
                    confusion[(event.root, prediction.root)] += 1
    known = {s.id for s in gold}
    return EvaluationReport(
        sentences=len(gold),
        levels=levels,
        by_root=by_root,
        by_tag=by_tag,
        confusion=dict(confusion),
        misses=tuple(misses),
        false_records=tuple(false_records),
        unknown=tuple(sorted(set(predictions) - known)),
    )


def evaluate_records(gold: Sequence[GoldSentence],
                     records: Iterable[EventRecord | Mapping[str, Any]]) -> EvaluationReport:
    """Score records (``EventRecord`` objects or their JSON dicts, keyed to sentences by
    ``article_id``) against gold sentences."""
    grouped: dict[str, list[Prediction]] = {}
    for record in records:
        prediction = prediction_from_record(record)
        grouped.setdefault(prediction.sentence_id, []).append(prediction)
    return score(gold, grouped)


def _normal(text: str | None) -> str:
    return " ".join((text or "").split())


def own_records(sentence: GoldSentence, records: Iterable[EventRecord]) -> list[EventRecord]:
    """The records read from the gold sentence itself, not from its context: a record
    whose sentence lies inside the context and not inside the text is dropped."""
    context, text = _normal(sentence.context), _normal(sentence.text)
    kept = []
    for record in records:
        read = _normal(record.sentence)
        if context and read in context and read not in text:
            continue
        kept.append(record)
    return kept


class SupportsCode(Protocol):
    """What ``evaluate_files`` needs of a coder."""

    def code(self, article: Article) -> list[EventRecord]: ...


def evaluate_files(coder: SupportsCode, paths: Sequence[str | PathLike[str]]) -> EvaluationReport:
    """Code every sentence of the gold files with ``coder`` and score the records.

    Each line becomes an ``Article`` (its id and date, text = context + " " + text); only
    records read from the sentence itself count. Sentence ids must be unique across files.
    A coder built with ``dedup="none"`` keeps a mention in the sentence from being merged
    into one in its context. Raises ``InputError`` for a malformed gold line.
    """
    gold: list[GoldSentence] = []
    origin: dict[str, str] = {}
    for path in paths:
        for sentence in load_gold(path):
            if sentence.id in origin:
                raise InputError(str(path), None,
                                 f"id {sentence.id!r} is also used in {origin[sentence.id]}")
            origin[sentence.id] = str(path)
            gold.append(sentence)
    records = (
        record
        for sentence in gold
        for record in own_records(sentence, coder.code(sentence.article()))
    )
    return evaluate_records(gold, records)
