"""Scoring against sentence-level gold: agreement with the reference scorer at country level,
the stricter levels, the breakdowns, gold-file errors, and coding gold files with a coder."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from eventcoder.errors import InputError
from eventcoder.evaluate import (
    LEVELS,
    GoldEvent,
    GoldSentence,
    Prediction,
    evaluate_files,
    evaluate_records,
    load_gold,
    matches,
    own_records,
)
from eventcoder.records import Actor, Article, CodebookInfo, EventRecord, Mention

SCORE_PY = Path(__file__).parents[2] / "shared" / "eval" / "score.py"


def reference_scorer() -> ModuleType:
    if not SCORE_PY.is_file():
        pytest.skip(f"the reference scorer is not at {SCORE_PY}")
    spec = importlib.util.spec_from_file_location("reference_score", SCORE_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_jsonl(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return path


def record(article_id: str, source: str | None, target: str | None, code: str, *,
           source_country: str | None = None, target_country: str | None = None,
           sentence: str = "", rule: str = "rule.test") -> dict[str, Any]:
    """A record dict in the JSON form the coder writes (only what scoring reads)."""
    def side(code: str | None, country: str | None) -> dict[str, Any] | None:
        if code is None:
            return None
        return {"text": code, "code": code, "country": country, "role": None, "name": None}

    return {
        "article_id": article_id,
        "sentence": sentence,
        "source": side(source, source_country),
        "target": side(target, target_country),
        "cameo_code": code,
        "rule": rule,
    }


def event_record(article_id: str, sentence: str, source: str, target: str, code: str,
                 rule: str = "rule.test") -> EventRecord:
    return EventRecord(
        event_id=f"{article_id}-{code}-{source}-{target}",
        article_id=article_id,
        sentence_index=0,
        sentence=sentence,
        mentions=(Mention(article_id, 0),),
        event_date=None,
        date_precision=None,
        source=Actor(text=source, code=source, country=source[:3]),
        target=Actor(text=target, code=target, country=target[:3]),
        cameo_code=code,
        cameo_root=code[:2],
        quad_class=4,
        goldstein=-10.0,
        acled=None,
        location=None,
        fatalities=None,
        rule=rule,
        codebook=CodebookInfo("test", "0"),
    )


GOLD = [
    {"id": "s1", "date": "2024-01-18", "text": "Pakistan struck militant hideouts in Iran.",
     "context": None,
     "expected": [{"source": "PAKMIL", "target": ["IRN", "PAKREB"], "code": "195"}],
     "optional": [{"source": "PAK", "target": "IRN", "code": "0"}], "tags": ["svo"]},
    {"id": "s2", "date": None, "text": "The UN urged Israel and Hamas to agree a truce.",
     "context": None,
     "expected": [{"source": "IGOUNO", "target": "ISR", "code": "0256"},
                  {"source": "IGOUNO", "target": "PSEREB", "code": "0256"}],
     "optional": [], "tags": ["coordination", "speech-act"]},
    {"id": "s3", "date": "2020-02-01", "text": "Stocks rose in Tokyo.", "context": None,
     "expected": [], "optional": [], "tags": ["no-event"]},
    {"id": "s4", "date": "2019-05-02", "text": "He accused Washington of piracy.",
     "context": "Iran's foreign minister spoke on Tuesday.",
     "expected": [{"source": "IRNGOV", "target": "USA", "code": "1121"}],
     "optional": [{"source": "IRN", "target": "USA", "code": "11"}],
     "tags": ["pronoun", "context-needed"]},
]

RECORDS = [
    # s1: right dyad and root, other full code; the optional statement; a wrong target.
    record("s1", "PAKMIL", "IRN", "1951", source_country="PAK", target_country="IRN"),
    record("s1", "PAKGOV", "IRNGOV", "010", source_country="PAK", target_country="IRN"),
    record("s1", "PAKMIL", "AFG", "195", source_country="PAK", target_country="AFG"),
    # s2: the UN as a country-less code, found for Israel only; "IGOUNO" and "UNO" agree.
    record("s2", "IGOUNO", "ISRGOV", "0256", target_country="ISR"),
    record("s2", "UNO", "ISR", "020"),
    # s3: a false record in a no-event sentence; a record without a target.
    record("s3", "JPN", "CHN", "111", source_country="JPN", target_country="CHN"),
    record("s3", "JPN", None, "010", source_country="JPN"),
    # s4: the optional root 11 matches, the expected full code too.
    record("s4", "IRNGOV", "USA", "1121", source_country="IRN", target_country="USA"),
    # a sentence that is not in the gold
    record("s9", "USA", "RUS", "111"),
]


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "gold.jsonl", GOLD)


# -- agreement with score.py ---------------------------------------------------------------
def test_country_root_level_agrees_with_the_reference_scorer(tmp_path: Path,
                                                              gold_file: Path) -> None:
    scorer = reference_scorer()
    records_file = write_jsonl(tmp_path / "records.jsonl", RECORDS)
    figures, counts, missed, wrong, unknown = scorer.score(
        scorer.load_gold(str(gold_file)), scorer.load_predictions(str(records_file))
    )
    report = evaluate_records(load_gold(gold_file), RECORDS)
    level = report.levels["country-root"]
    assert (level.required, level.found, level.predicted, level.correct) == (
        counts["required"], counts["found"], counts["predicted"], counts["correct"]
    )
    assert level.recall == pytest.approx(figures["recall"])
    assert level.precision == pytest.approx(figures["precision"])
    assert report.f1 == pytest.approx(figures["f1"])
    assert len(report.misses) == len(missed)
    assert len(report.false_records) == len(wrong)
    assert list(report.unknown) == unknown


def test_the_shipped_gold_scores_perfectly_against_itself_in_both_scorers(
        tmp_path: Path) -> None:
    scorer = reference_scorer()
    gold_dir = Path(__file__).parents[1] / "data" / "gold"
    gold = [s for path in sorted(gold_dir.glob("*.jsonl")) for s in load_gold(path)]
    perfect = [
        record(s.id, e.source[0], e.target[0], e.code) for s in gold for e in s.expected
    ]
    merged = write_jsonl(tmp_path / "gold.jsonl", [
        json.loads(line)
        for path in sorted(gold_dir.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ])
    records_file = write_jsonl(tmp_path / "perfect.jsonl", perfect)
    figures, *_ = scorer.score(scorer.load_gold(str(merged)),
                               scorer.load_predictions(str(records_file)))
    report = evaluate_records(gold, perfect)
    assert figures["f1"] == 1.0
    assert {name: s.f1 for name, s in report.levels.items()} == dict.fromkeys(LEVELS, 1.0)


# -- the three levels ----------------------------------------------------------------------
def pred(source: str, target: str, code: str, source_country: str | None = None,
         target_country: str | None = None) -> Prediction:
    return Prediction("s", source, source_country, target, target_country, code)


EVENT = GoldEvent(source="PAKMIL", target=["IRN", "IRNGOV"], code="1951")


@pytest.mark.parametrize(
    ("prediction", "expected"),
    [
        (pred("PAKMIL", "IRN", "1951"), {"country-root", "country-code", "actor-code"}),
        (pred("PAKMIL", "IRNGOV", "1951"), {"country-root", "country-code", "actor-code"}),
        (pred("PAKGOV", "IRNMIL", "1951"), {"country-root", "country-code"}),
        (pred("PAK", "IRN", "1951"), {"country-root", "country-code"}),
        (pred("PAKMIL", "IRN", "195"), {"country-root"}),
        (pred("PAKMIL", "IRN", "190"), {"country-root"}),
        (pred("PAKMIL", "IRN", "18"), set()),
        (pred("IRNMIL", "PAK", "1951"), set()),
        (pred("XXXMIL", "IRN", "1951", source_country="PAK"), {"country-root", "country-code"}),
    ],
    ids=["exact", "accepted alternative", "other roles", "bare countries", "parent code",
         "sibling code", "other root", "reversed dyad", "country field wins"],
)
def test_each_level_asks_for_more_than_the_one_below(prediction: Prediction,
                                                     expected: set[str]) -> None:
    assert {level for level in LEVELS if matches(prediction, EVENT, level)} == expected


def test_optional_events_match_by_prefix_at_every_level() -> None:
    statement = GoldEvent(source="PAK", target="IRN", code="0")
    for level in ("country-root", "country-code"):
        assert matches(pred("PAKGOV", "IRNGOV", "036"), statement, level, optional=True)
    assert matches(pred("PAK", "IRN", "036"), statement, "actor-code", optional=True)
    assert not matches(pred("PAKGOV", "IRN", "036"), statement, "actor-code", optional=True)
    assert not matches(pred("PAK", "IRN", "111"), statement, "country-root", optional=True)


def test_stricter_levels_count_hand_made_records(gold_file: Path) -> None:
    report = evaluate_records(load_gold(gold_file), RECORDS)
    code, actor = report.levels["country-code"], report.levels["actor-code"]
    # At full code s1's 1951 is not the expected 195 and s2's UNO->ISR 020 is not 0256;
    # s1's PAKGOV->IRNGOV 010 still matches the optional statement, s2's 0256 and s4 are exact.
    assert (code.required, code.found, code.predicted, code.correct) == (4, 2, 8, 3)
    # With full actor codes, ISRGOV is not the expected ISR and PAKGOV not the optional PAK.
    assert (actor.required, actor.found, actor.predicted, actor.correct) == (4, 1, 8, 1)
    root = report.levels["country-root"]
    assert (root.required, root.found, root.predicted, root.correct) == (4, 3, 8, 5)


def test_unknown_level_is_refused() -> None:
    with pytest.raises(ValueError, match="level must be one of"):
        matches(pred("PAK", "IRN", "195"), EVENT, "country")


# -- breakdowns ----------------------------------------------------------------------------
def test_roots_count_expected_events_for_recall_and_records_for_precision(
        gold_file: Path) -> None:
    report = evaluate_records(load_gold(gold_file), RECORDS)
    assert (report.by_root["02"].required, report.by_root["02"].found) == (2, 1)
    assert (report.by_root["19"].required, report.by_root["19"].found) == (1, 1)
    assert (report.by_root["19"].predicted, report.by_root["19"].correct) == (2, 1)
    assert (report.by_root["11"].predicted, report.by_root["11"].correct) == (2, 1)


def test_tags_score_the_sentences_that_carry_them(gold_file: Path) -> None:
    report = evaluate_records(load_gold(gold_file), RECORDS)
    no_event = report.by_tag["no-event"]
    assert (no_event.required, no_event.predicted, no_event.correct) == (0, 2, 0)
    assert report.by_tag["context-needed"].f1 == 1.0


def test_confusion_pairs_gold_and_predicted_roots_on_a_matching_dyad(gold_file: Path) -> None:
    report = evaluate_records(load_gold(gold_file), RECORDS)
    assert report.confusion[("19", "19")] == 1
    assert report.confusion[("19", "01")] == 1
    assert report.confusion[("02", "02")] == 2
    assert ("19", "11") not in report.confusion


def test_errors_list_misses_and_false_records_with_sentence_and_rule(gold_file: Path) -> None:
    records = [*RECORDS, record("s2", "RUS", "ISR", "173", rule="arrest.generic",
                                sentence="The UN urged Israel and Hamas to agree a truce.")]
    report = evaluate_records(load_gold(gold_file), records)
    text = report.render(errors=True)
    assert "FALSE  s2: RUS -> ISR 173 [rule arrest.generic]" in text
    assert "FALSE  s3: JPN -> CHN 111" in text
    assert "records for sentences not in the gold: s9" in text
    assert "MISSED" not in report.render(errors=False)


def test_render_aligns_every_table(gold_file: Path) -> None:
    text = evaluate_records(load_gold(gold_file), RECORDS).render()
    for title in ("By level", "By CAMEO root", "By tag", "Root confusion"):
        assert title in text
    level_rows = text.split("By level\n")[1].split("\n\n")[0].splitlines()
    assert len({len(row) for row in level_rows}) == 1


def test_to_json_is_plain_data(gold_file: Path) -> None:
    data = evaluate_records(load_gold(gold_file), RECORDS).to_json()
    assert json.loads(json.dumps(data)) == data
    assert set(data["levels"]) == set(LEVELS)
    assert data["f1"] == data["levels"]["country-root"]["f1"]


def test_empty_output_scores_zero_recall(gold_file: Path) -> None:
    report = evaluate_records(load_gold(gold_file), [])
    assert (report.recall, report.precision, report.f1) == (0.0, 0.0, 0.0)


# -- gold files ----------------------------------------------------------------------------
def test_load_gold_reads_events_lists_and_context(gold_file: Path) -> None:
    sentences = load_gold(gold_file)
    assert [s.id for s in sentences] == ["s1", "s2", "s3", "s4"]
    assert sentences[0].expected[0] == GoldEvent(("PAKMIL",), ("IRN", "PAKREB"), "195")
    assert sentences[0].optional[0].code == "0"
    assert sentences[3].article() == Article(
        id="s4", date="2019-05-02",
        text="Iran's foreign minister spoke on Tuesday. He accused Washington of piracy.",
    )


GOOD = {"id": "x1", "date": "2024-01-01", "text": "Text.", "context": None,
        "expected": [{"source": "USA", "target": "RUS", "code": "111"}], "tags": []}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "must be a JSON object"),
        (json.dumps({**GOOD, "id": ""}), "'id' must be a non-empty string"),
        (json.dumps({k: v for k, v in GOOD.items() if k != "text"}), "'text'"),
        (json.dumps({**GOOD, "date": "12/03/2024"}), "YYYY-MM-DD"),
        (json.dumps({**GOOD, "expected": {"source": "USA"}}), "must be a list"),
        (json.dumps({**GOOD, "expected": [{"source": "USA", "code": "111"}]}), "lacks target"),
        (json.dumps({**GOOD, "expected": [{"source": "USA", "target": "RUS", "code": 111}]}),
         "leading zero"),
        (json.dumps({**GOOD, "expected": [{"source": "USA", "target": "RUS", "code": "1"}]}),
         "full CAMEO code"),
        (json.dumps({**GOOD, "expected": [{"source": [], "target": "RUS", "code": "111"}]}),
         "actor code"),
        (json.dumps({**GOOD, "tags": "svo"}), "'tags'"),
        (json.dumps(GOOD), "already used on line 1"),
    ],
    ids=["not json", "not an object", "empty id", "no text", "bad date", "events not a list",
         "event without target", "code as number", "root-only expected code", "empty source",
         "tags not a list", "repeated id"],
)
def test_malformed_gold_line_names_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(GOOD) + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_gold(path)
    assert raised.value.line == 3
    assert str(raised.value).startswith(f"{path}:3: ")
    assert reason in str(raised.value)


def test_missing_gold_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the gold file"):
        load_gold(tmp_path / "absent.jsonl")


# -- coding gold files ---------------------------------------------------------------------
class StubCoder:
    """Returns fixed records per article id and remembers what it was given."""

    def __init__(self, records: dict[str, list[EventRecord]]) -> None:
        self.records = records
        self.articles: list[Article] = []

    def code(self, article: Article) -> list[EventRecord]:
        self.articles.append(article)
        return self.records.get(article.id, [])


def test_evaluate_files_codes_context_and_text_but_scores_the_sentence_only(
        gold_file: Path) -> None:
    context = "Iran's foreign minister spoke on Tuesday."
    text = "He accused Washington of piracy."
    coder = StubCoder({
        "s1": [event_record("s1", "Pakistan struck militant hideouts in Iran.",
                            "PAKMIL", "IRN", "195")],
        "s4": [event_record("s4", context, "IRNGOV", "USA", "010"),
               event_record("s4", text, "IRNGOV", "USA", "1121")],
    })
    report = evaluate_files(coder, [str(gold_file)])
    assert coder.articles[3].text == f"{context} {text}"
    assert coder.articles[1].date is None
    level = report.levels["actor-code"]
    assert (level.required, level.found, level.predicted, level.correct) == (4, 2, 2, 2)


def test_own_records_keeps_a_record_whose_sentence_is_also_in_the_text() -> None:
    sentence = GoldSentence("s", None, "Talks resumed. Both sides agreed a truce.",
                            "Talks resumed.", (), (), ())
    kept = own_records(sentence, [event_record("s", "Talks resumed.", "ISR", "LBN", "040")])
    assert len(kept) == 1


def test_evaluate_files_refuses_an_id_used_in_two_files(tmp_path: Path, gold_file: Path) -> None:
    other = write_jsonl(tmp_path / "other.jsonl", [GOLD[0]])
    with pytest.raises(InputError, match="also used in"):
        evaluate_files(StubCoder({}), [str(gold_file), str(other)])


def test_alternative_actor_codes_are_accepted_like_the_main_ones(tmp_path: Path) -> None:
    item = {**GOOD, "expected": [{"source": "USAGOV", "source_alt": ["USA", "USAMIL"],
                                  "target": "RUS", "target_alt": "RUSGOV", "code": "111"}]}
    path = write_jsonl(tmp_path / "alt.jsonl", [item])
    event = load_gold(path)[0].expected[0]
    assert event.source_keys() >= {"USA"} and set(event.source) == {"USAGOV", "USA", "USAMIL"}
    assert set(event.target) == {"RUS", "RUSGOV"}
