"""Score an extractor against hand-labelled sentences and report passages.

A labelled row is either a sentence ``{"sentence", "source", "expected": [...], "context"?}``
(``context`` holds the earlier sentences of the paragraph a reading depends on) or a whole
passage ``{"text", "source", "expected": [...], "not": [...]}`` with its headings and lists,
where every figure of the passage is expected and ``not`` documents what must not be read.
A prediction matches an expected figure when the unit is equal and the value is equal within
1e-6 relative; kind, year, plan value and name are scored on the matches only. A name is
acceptable when its word-F1 with the labelled subject is at least 0.6.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from .extract import extract_indicators
from .model import Indicator
from .text import normalise

Extractor = Callable[[str], list[Indicator]]


@dataclass(frozen=True)
class Scores:
    expected: int
    predicted: int
    matched: int
    kind_right: int
    year_right: int
    name_similarity_sum: float
    name_f1_sum: float = 0.0
    names_acceptable: int = 0
    plans_expected: int = 0
    plans_right: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def kind_share(self) -> float:
        return self.kind_right / self.matched if self.matched else 0.0

    @property
    def year_share(self) -> float:
        return self.year_right / self.matched if self.matched else 0.0

    @property
    def name_similarity(self) -> float:
        return self.name_similarity_sum / self.matched if self.matched else 0.0

    @property
    def name_f1(self) -> float:
        return self.name_f1_sum / self.matched if self.matched else 0.0

    @property
    def names_share(self) -> float:
        return self.names_acceptable / self.matched if self.matched else 0.0

    def __add__(self, other: Scores) -> Scores:
        return Scores(*(a + b for a, b in zip(_fields(self), _fields(other), strict=True)))


def _fields(scores: Scores) -> tuple:
    return (
        scores.expected,
        scores.predicted,
        scores.matched,
        scores.kind_right,
        scores.year_right,
        scores.name_similarity_sum,
        scores.name_f1_sum,
        scores.names_acceptable,
        scores.plans_expected,
        scores.plans_right,
    )


EMPTY = Scores(0, 0, 0, 0, 0, 0.0)
ACCEPTABLE_NAME_F1 = 0.6
_WORD = re.compile(r"[^\W_]+")


def load_labelled(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def same_value(expected: float, predicted: float) -> bool:
    return math.isclose(expected, predicted, rel_tol=1e-6, abs_tol=1e-9)


def name_similarity(expected: str, predicted: str) -> float:
    return SequenceMatcher(None, expected.lower(), predicted.lower()).ratio()


def name_words(name: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", name).lower())


def name_f1(expected: str, predicted: str) -> float:
    """Word-F1 of a predicted name against the labelled subject (bag of words)."""
    want, got = name_words(expected), name_words(predicted)
    if not want or not got:
        return float(want == got)
    common = sum(min(want.count(w), got.count(w)) for w in set(want))
    if not common:
        return 0.0
    precision, recall = common / len(got), common / len(want)
    return 2 * precision * recall / (precision + recall)


def row_text(row: dict) -> str:
    """The text the extractor reads for a labelled row: its passage, or context and sentence."""
    if "text" in row:
        return row["text"]
    sentence = " ".join(normalise(row["sentence"]).split())
    context = row.get("context")
    return f"{context} {sentence}" if context else sentence


def predict_row(row: dict, extractor: Extractor = extract_indicators) -> list[Indicator]:
    """Run the extractor on the row's passage, or on its paragraph keeping what comes from
    its sentence."""
    if "text" in row:
        return extractor(row["text"])
    sentence = " ".join(normalise(row["sentence"]).split())
    text = row_text(row)
    return [p for p in extractor(text) if " ".join(p.sentence.split()) in sentence]


def match_row(expected: list[dict], predicted: list[Indicator]) -> Scores:
    """Greedy one-to-one matching on unit and value; ties prefer the right year and kind."""
    unused = list(predicted)
    matched = kind_right = year_right = names_ok = plans = plans_right = 0
    similarity = f1_sum = 0.0
    for figure in expected:
        candidates = [
            p for p in unused if p.unit == figure["unit"] and same_value(figure["value"], p.value)
        ]
        if not candidates:
            continue
        best = max(
            candidates,
            key=lambda p: (
                p.year == figure["year"],
                p.kind == figure["kind"],
                name_f1(figure["name"], p.name),
            ),
        )
        unused.remove(best)
        matched += 1
        kind_right += best.kind == figure["kind"]
        year_right += best.year == figure["year"]
        similarity += name_similarity(figure["name"], best.name)
        f1 = name_f1(figure["name"], best.name)
        f1_sum += f1
        names_ok += f1 >= ACCEPTABLE_NAME_F1
        if figure.get("plan_value") is not None:
            plans += 1
            plan = getattr(best, "plan_value", None)
            plans_right += plan is not None and same_value(figure["plan_value"], plan)
    return Scores(
        len(expected),
        len(predicted),
        matched,
        kind_right,
        year_right,
        similarity,
        f1_sum,
        names_ok,
        plans,
        plans_right,
    )


def evaluate(rows: Iterable[dict], extractor: Extractor = extract_indicators) -> Scores:
    total = EMPTY
    for row in rows:
        total = total + match_row(row["expected"], predict_row(row, extractor))
    return total


def errors(rows: Iterable[dict], extractor: Extractor = extract_indicators) -> list[dict]:
    """Rows whose predictions differ from the labels (value, unit, kind or year), sentence
    rows and passages alike, each with the text the extractor read."""
    found = []
    for row in rows:
        predicted = predict_row(row, extractor)
        scores = match_row(row["expected"], predicted)
        if not (
            scores.matched == scores.expected == scores.predicted
            and scores.kind_right == scores.year_right == scores.matched
        ):
            found.append(
                {
                    "text": row_text(row),
                    "expected": row["expected"],
                    "predicted": [p.to_dict() for p in predicted],
                }
            )
    return found


def by_source(rows: Iterable[dict], extractor: Extractor = extract_indicators) -> dict[str, Scores]:
    """Scores per source family ("seeds", "portals", "authored")."""
    groups: dict[str, Scores] = {}
    for row in rows:
        family = row["source"].split("/", 1)[0].split(" ", 1)[0]
        scores = match_row(row["expected"], predict_row(row, extractor))
        groups[family] = groups.get(family, EMPTY) + scores
    return groups


def format_scores(label: str, scores: Scores) -> str:
    plans = f"{scores.plans_right}/{scores.plans_expected}" if scores.plans_expected else "—"
    return (
        f"| {label} | {scores.precision:.3f} | {scores.recall:.3f} | {scores.kind_share:.3f} "
        f"| {scores.year_share:.3f} | {scores.names_share:.3f} | {scores.name_f1:.2f} "
        f"| {plans} | {scores.matched}/{scores.expected} |"
    )


TABLE_HEADER = (
    "| extractor | precision | recall | kind right | year right | names acceptable "
    "| name word-F1 | plan right | matched |\n|---|---|---|---|---|---|---|---|---|"
)
LABELLED_SETS = (
    "reports",
    "reports_heldout",
    "reports_heldout2",
    "reports_heldout3",
    "reports_heldout4",
    "labelled",
    "heldout",
)


def main() -> None:
    fixtures = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "indicators"
    print(TABLE_HEADER)
    for name in LABELLED_SETS:
        path = fixtures / f"{name}.jsonl"
        if path.exists():
            rows = load_labelled(path)
            print(format_scores(name, evaluate(rows)))
            for family, scores in sorted(by_source(rows).items()):
                print(format_scores(f"{name}: {family}", scores))


if __name__ == "__main__":
    main()
