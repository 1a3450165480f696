"""Benchmark 5: milliseconds per text of indicator extraction, as a ratio to the per-sentence
extractor it replaced (the package as of BEFORE_FRAMES, read from git history and timed in the
same run on the same texts). Aim: at most 20% over it.

The texts are the article bodies of tests/fixtures/portals/gold.jsonl and the sentences of the
sentence-level labelled sets (labelled.jsonl, heldout.jsonl): report prose dense with figures,
the worst case for the extractor. Each pass is paired: every text is run through both
extractors back to back (which one first alternates between passes) and the CPU time of this
process is summed per extractor, so both sides see the same moments of a shared machine's
load; the ratio is the median of the passes' ratios. Each side's fastest pass is shown too.
"""

from __future__ import annotations

import importlib.util
import io
import json
import subprocess
import sys
import tarfile
import time

from bench.common import PROJECT, Result, median, scratch_dir
from crawler.indicators import extract_indicators
from crawler.indicators.catalogue import canonical_name, catalogue_code
from crawler.indicators.evaluate import load_labelled, row_text

# The last commit with the per-sentence extractor (before document frames and the catalogue).
BEFORE_FRAMES = "d80361f061d57cc91d31aa8f1a9e5b5458858663"
AIM = 1.20


def article_texts() -> list[str]:
    texts = []
    with open(PROJECT / "tests/fixtures/portals/gold.jsonl", encoding="utf-8") as handle:
        for line in handle:
            texts.append("\n\n".join(json.loads(line).get("body") or []))
    for name in ("labelled", "heldout"):
        path = PROJECT / "tests/fixtures/indicators" / f"{name}.jsonl"
        texts += [row_text(row) for row in load_labelled(path)]
    return texts


def extractor_before():
    """``extract_indicators`` of the package at BEFORE_FRAMES, or None without that history."""
    archive = subprocess.run(
        ["git", "archive", BEFORE_FRAMES, "crawler/indicators"],
        cwd=PROJECT,
        capture_output=True,
    )
    if archive.returncode != 0:
        return None
    root = scratch_dir() / "before"
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(root, filter="data")
    package = root / "crawler" / "indicators"
    spec = importlib.util.spec_from_file_location(
        "indicators_before", package / "__init__.py", submodule_search_locations=[str(package)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["indicators_before"] = module
    spec.loader.exec_module(module)
    return module.extract_indicators


def _paired_pass(ours, theirs, texts: list[str], ours_first: bool) -> tuple[float, float]:
    """CPU seconds of one pass of each extractor, every text run by both back to back;
    memoised name look-ups start cold, so a pass costs what one pass over these articles
    costs in a crawl."""
    canonical_name.cache_clear()
    catalogue_code.cache_clear()
    first, second = (ours, theirs) if ours_first else (theirs, ours)
    spent_first = spent_second = 0.0
    clock = time.process_time
    for text in texts:
        start = clock()
        first(text)
        middle = clock()
        second(text)
        spent_first += middle - start
        spent_second += clock() - middle
    return (spent_first, spent_second) if ours_first else (spent_second, spent_first)


def _quartile(values: list[float], which: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, which * len(ordered) // 4)]


def run(rounds: int = 5, repeat: int = 3) -> Result:
    texts = article_texts()
    before = extractor_before()
    name = "indicator extraction per text (document frames / per-sentence extractor)"
    if before is None:
        return Result(name, "—", "—", float("nan"), notes=[f"{BEFORE_FRAMES} not in history"])
    ours, theirs, ratios = [], [], []
    for round_number in range(rounds):
        for repetition in range(repeat):
            measured, baseline = _paired_pass(
                extract_indicators, before, texts, ours_first=(round_number + repetition) % 2 == 0
            )
            ours.append(measured * 1000 / len(texts))
            theirs.append(baseline * 1000 / len(texts))
            ratios.append(measured / baseline)
        print(
            f"  round {round_number + 1}: extractor {min(ours[-repeat:]):.3f} ms/text, "
            f"per-sentence extractor {min(theirs[-repeat:]):.3f} ms/text, "
            f"paired ratio {median(ratios[-repeat:]):.2f}",
            flush=True,
        )
    ratio = median(ratios)
    return Result(
        name=name,
        measured=f"{min(ours):.3f} ms/text",
        baseline=f"{min(theirs):.3f} ms/text",
        ratio=ratio,
        aim=f"≤ {AIM:.2f}",
        met=ratio <= AIM,
        notes=[
            f"{len(texts)} texts, {repeat} paired passes × {rounds} rounds; ratio = median of "
            f"the passes' ratios (quartiles {_quartile(ratios, 1):.2f}-{_quartile(ratios, 3):.2f});"
            f" fastest passes {min(ours):.3f} / {min(theirs):.3f} ms/text "
            f"(ratio {min(ours) / min(theirs):.2f})"
        ],
    )
