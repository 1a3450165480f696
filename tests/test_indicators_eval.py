"""The extractor against the hand-labelled sentences (labels are ground truth)."""

from pathlib import Path

import pytest

from crawler.indicators import Indicator
from crawler.indicators.evaluate import evaluate, load_labelled, match_row

FIXTURES = Path(__file__).parent / "fixtures" / "indicators"


@pytest.fixture(scope="module")
def labelled():
    return load_labelled(FIXTURES / "labelled.jsonl")


def test_labelled_set_is_large_enough(labelled):
    assert sum(len(row["expected"]) for row in labelled) >= 150
    assert sum(1 for row in labelled if not row["expected"]) >= 40  # negatives


def test_labelled_set_scores(labelled):
    scores = evaluate(labelled)
    assert scores.precision >= 0.95
    assert scores.recall >= 0.95
    assert scores.kind_share >= 0.95
    assert scores.year_share >= 0.95


def test_heldout_set_scores():
    scores = evaluate(load_labelled(FIXTURES / "heldout.jsonl"))
    assert scores.expected >= 30
    assert scores.precision >= 0.85
    assert scores.recall >= 0.85
    assert scores.kind_share >= 0.85
    assert scores.year_share >= 0.85


def _row(value, unit, year=None, kind="actual"):
    return Indicator(name="x", value=value, unit=unit, kind=kind, year=year, sentence="s")


def test_matching_needs_unit_and_value_and_scores_year_separately():
    expected = [{"name": "x", "value": 958e9, "unit": "VND", "kind": "actual", "year": 2020},
                {"name": "x", "value": 1.0, "unit": "%", "kind": "actual", "year": 2021}]
    predicted = [_row(958e9 * (1 + 1e-9), "VND", 2019), _row(1.0, "xã", 2021)]
    scores = match_row(expected, predicted)
    assert (scores.matched, scores.year_right, scores.kind_right) == (1, 0, 1)
    assert scores.precision == 0.5 and scores.recall == 0.5


def test_matching_prefers_the_right_year_among_equal_values():
    expected = [{"name": "x", "value": 1.0, "unit": "%", "kind": "actual", "year": y}
                for y in (2020, 2021)]
    scores = match_row(expected, [_row(1.0, "%", 2021), _row(1.0, "%", 2020)])
    assert scores.year_right == 2
