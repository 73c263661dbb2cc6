"""The gold standard in data/gold/ is well formed and covers what it promises: unique ids,
CAMEO codes from the code list, known tags, every root, enough no-event sentences."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from eventcoder.evaluate import GoldSentence, actor_key, load_gold

ROOT = Path(__file__).parents[1]
GOLD_FILES = sorted((ROOT / "data" / "gold").glob("*.jsonl"))
CODES_YAML = ROOT / "codebooks" / "default" / "codes.yaml"
REFERENCE = Path(__file__).parents[2] / "shared" / "reference" / "cameo_event_codes.json"
TAGS = {
    "svo", "passive", "reported-speech", "speech-act", "quote", "pronoun", "negation",
    "modality", "threat", "noun-event", "multi-event", "coordination", "apposition",
    "capital-metonymy", "person", "group", "pp-target", "place-actor", "agent-phrase",
    "relative-date", "toll", "context-needed", "no-event",
}
ROOTS = [f"{n:02d}" for n in range(1, 21)]


def cameo_codes() -> set[str]:
    if CODES_YAML.is_file():
        entries = yaml.safe_load(CODES_YAML.read_text(encoding="utf-8"))["entries"]
        return {str(entry["code"]) for entry in entries}
    if REFERENCE.is_file():
        return {item["code"] for item in json.loads(REFERENCE.read_text(encoding="utf-8"))}
    pytest.skip("no CAMEO code list to check against")


@pytest.fixture(scope="module")
def gold() -> list[GoldSentence]:
    assert GOLD_FILES, "data/gold/ holds no .jsonl file"
    return [sentence for path in GOLD_FILES for sentence in load_gold(path)]


def test_every_gold_file_loads_and_ids_are_unique_across_files(gold: list[GoldSentence]) -> None:
    counts = Counter(sentence.id for sentence in gold)
    assert [i for i, n in counts.items() if n > 1] == []
    assert len(gold) >= 420


def test_expected_codes_are_cameo_codes_and_optional_codes_are_their_prefixes(
        gold: list[GoldSentence]) -> None:
    codes = cameo_codes()
    prefixes = {code[:n] for code in codes for n in range(1, len(code) + 1)}
    bad = [(s.id, e.code) for s in gold for e in s.expected if e.code not in codes]
    bad += [(s.id, e.code) for s in gold for e in s.optional if e.code not in prefixes]
    assert bad == []


def test_tags_come_from_the_list(gold: list[GoldSentence]) -> None:
    assert [(s.id, t) for s in gold for t in s.tags if t not in TAGS] == []


def test_no_event_tag_marks_exactly_the_sentences_without_expected_events(
        gold: list[GoldSentence]) -> None:
    assert [s.id for s in gold if ("no-event" in s.tags) != (not s.expected)] == []


def test_at_least_fifteen_percent_of_sentences_have_no_event(gold: list[GoldSentence]) -> None:
    empty = sum(1 for s in gold if not s.expected)
    assert empty / len(gold) >= 0.15


@pytest.mark.parametrize("root", ROOTS)
def test_each_cameo_root_has_at_least_twelve_sentences(gold: list[GoldSentence],
                                                       root: str) -> None:
    assert sum(1 for s in gold if any(e.root == root for e in s.expected)) >= 12


def test_many_countries_take_part(gold: list[GoldSentence]) -> None:
    keys = {actor_key(code) for s in gold for e in s.expected for code in e.source + e.target}
    assert len(keys) >= 40


def test_context_needed_sentences_carry_their_context(gold: list[GoldSentence]) -> None:
    assert [s.id for s in gold if "context-needed" in s.tags and not s.context] == []


def test_most_sentences_are_dated_and_some_are_not(gold: list[GoldSentence]) -> None:
    undated = sum(1 for s in gold if s.date is None)
    assert 0 < undated < len(gold) / 2
