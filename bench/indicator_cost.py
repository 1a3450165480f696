"""Benchmark 5: milliseconds per article of indicator extraction, as a ratio to the naive
regex baseline (bench/indicators_baseline.py) timed in the same run on the same texts.

The texts are the article bodies of tests/fixtures/portals/gold.jsonl and the passages and
sentences of the labelled indicator set: report prose dense with figures, the worst case for
the extractor. Passes alternate between the two extractors; medians are reported.
"""

from __future__ import annotations

import json
import time

from bench.common import PROJECT, Result, median
from bench.indicators_baseline import baseline_indicators
from crawler.indicators import extract_indicators
from crawler.indicators.evaluate import load_labelled, row_text

# Ratio of the per-sentence extractor (before document frames, names and catalogue codes)
# measured with this benchmark on the machine of the run that changed it: the aim is at
# most 20% over it.
BEFORE_FRAMES_RATIO = None


def article_texts() -> list[str]:
    texts = []
    with open(PROJECT / "tests/fixtures/portals/gold.jsonl", encoding="utf-8") as handle:
        for line in handle:
            texts.append("\n\n".join(json.loads(line).get("body") or []))
    for name in ("labelled", "heldout"):
        path = PROJECT / "tests/fixtures/indicators" / f"{name}.jsonl"
        texts += [row_text(row) for row in load_labelled(path)]
    return texts


def _timed(extractor, texts: list[str], repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            extractor(text)
    return (time.perf_counter() - start) * 1000 / (repeat * len(texts))


def run(rounds: int = 3, repeat: int = 5) -> Result:
    texts = article_texts()
    ours, theirs, ratios = [], [], []
    for round_number in range(rounds):
        if round_number % 2:
            baseline = _timed(baseline_indicators, texts, repeat)
            measured = _timed(extract_indicators, texts, repeat)
        else:
            measured = _timed(extract_indicators, texts, repeat)
            baseline = _timed(baseline_indicators, texts, repeat)
        ours.append(measured)
        theirs.append(baseline)
        ratios.append(measured / baseline)
        print(
            f"  round {round_number + 1}: extractor {measured:.3f} ms/text, "
            f"naive baseline {baseline:.3f} ms/text",
            flush=True,
        )
    ratio = median(ratios)
    aim, met = "—", None
    if BEFORE_FRAMES_RATIO:
        aim, met = f"≤ {1.2 * BEFORE_FRAMES_RATIO:.2f}", ratio <= 1.2 * BEFORE_FRAMES_RATIO
    return Result(
        name="indicator extraction per text (extractor / naive regex)",
        measured=f"{median(ours):.3f} ms/text",
        baseline=f"{median(theirs):.3f} ms/text",
        ratio=ratio,
        aim=aim,
        met=met,
        notes=[f"{len(texts)} texts, {repeat} repetitions × {rounds} rounds"],
    )
