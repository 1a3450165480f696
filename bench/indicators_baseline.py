"""Compare the extractor with a naive regex baseline on the labelled indicator sentences.

Run: ``python bench/indicators_baseline.py``. Prints a markdown table.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.indicators import Indicator, extract_indicators  # noqa: E402
from crawler.indicators.evaluate import (  # noqa: E402
    LABELLED_SETS,
    TABLE_HEADER,
    evaluate,
    format_scores,
    load_labelled,
)
from crawler.indicators.numbers import NUMBER, parse_number, scale  # noqa: E402
from crawler.indicators.text import split_paragraphs, split_sentences  # noqa: E402

_BASELINE = re.compile(rf"({NUMBER})\s*(%|triệu|tỷ|đồng)")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def baseline_indicators(text: str) -> list[Indicator]:
    """A number followed by %, triệu, tỷ or đồng; the first year in the sentence; all actual."""
    rows = []
    for paragraph in split_paragraphs(text):
        for sentence in split_sentences(paragraph):
            year = _YEAR.search(sentence)
            for match in _BASELINE.finditer(sentence):
                word = match.group(2)
                value = parse_number(match.group(1))
                unit = "%" if word == "%" else "VND"
                if word in ("triệu", "tỷ"):
                    value = scale(value, word)
                rows.append(
                    Indicator(
                        name="",
                        value=value,
                        unit=unit,
                        kind="actual",
                        year=int(year.group()) if year else None,
                        sentence=sentence,
                    )
                )
    return rows


def main() -> None:
    fixtures = ROOT / "tests" / "fixtures" / "indicators"
    print(TABLE_HEADER)
    for name in LABELLED_SETS:
        path = fixtures / f"{name}.jsonl"
        if not path.exists():
            continue
        rows = load_labelled(path)
        print(format_scores(f"rules, {name}", evaluate(rows, extract_indicators)))
        print(format_scores(f"baseline, {name}", evaluate(rows, baseline_indicators)))


if __name__ == "__main__":
    main()
