"""The coder's accuracy on the project's gold set never drops below the recorded floor.

The floor lives in ``data/gold/floor.json``; raise it when the coder improves, so that no later
change can lose the gain unnoticed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventcoder import Coder
from eventcoder.evaluate import EvaluationReport, evaluate_files

GOLD = Path(__file__).parents[1] / "data" / "gold"


@pytest.fixture(scope="module")
def report() -> EvaluationReport:
    return evaluate_files(Coder(dedup="none"), sorted(GOLD.glob("*.jsonl")))


@pytest.fixture(scope="module")
def floor() -> dict[str, float]:
    data = json.loads((GOLD / "floor.json").read_text(encoding="utf-8"))
    return {key: float(value) for key, value in data.items() if key != "note"}


@pytest.mark.parametrize("measure", ["f1", "precision", "recall"])
def test_gold_scores_stay_above_the_floor(
    report: EvaluationReport, floor: dict[str, float], measure: str
) -> None:
    scores = report.levels["country-root"]
    value = getattr(scores, measure)
    assert value >= floor[measure], (
        f"country-root {measure} on data/gold is {value:.3f}, below the floor "
        f"{floor[measure]:.3f} in data/gold/floor.json"
    )


def test_the_whole_gold_set_is_scored(report: EvaluationReport) -> None:
    expected_lines = sum(
        1 for path in GOLD.glob("*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    )
    assert report.sentences == expected_lines
    assert not report.unknown
