"""Benchmark 5: milliseconds per text of indicator extraction, as a ratio to the per-sentence
extractor it replaced (the package as of BEFORE_FRAMES, read from git history and timed in the
same run on the same texts). Aim: at most 20% over it.

The texts are the article bodies of tests/fixtures/portals/gold.jsonl and the sentences of the
sentence-level labelled sets (labelled.jsonl, heldout.jsonl): report prose dense with figures,
the worst case for the extractor. Passes alternate between the two extractors; each side's
fastest pass in CPU time of this process is reported and compared (the machine is shared:
wall-clock time counts the other processes' turns, and load only ever adds time).
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


def _timed(extractor, texts: list[str], repeat: int) -> float:
    """Milliseconds per text of the fastest repetition; memoised name look-ups start cold in
    every repetition, so a repetition costs what one pass over these articles costs in a
    crawl."""
    fastest = float("inf")
    for _ in range(repeat):
        canonical_name.cache_clear()
        catalogue_code.cache_clear()
        start = time.process_time()
        for text in texts:
            extractor(text)
        fastest = min(fastest, time.process_time() - start)
    return fastest * 1000 / len(texts)


def run(rounds: int = 5, repeat: int = 3) -> Result:
    texts = article_texts()
    before = extractor_before()
    name = "indicator extraction per text (document frames / per-sentence extractor)"
    if before is None:
        return Result(name, "—", "—", float("nan"), notes=[f"{BEFORE_FRAMES} not in history"])
    ours, theirs, ratios = [], [], []
    for round_number in range(rounds):
        if round_number % 2:
            baseline = _timed(before, texts, repeat)
            measured = _timed(extract_indicators, texts, repeat)
        else:
            measured = _timed(extract_indicators, texts, repeat)
            baseline = _timed(before, texts, repeat)
        ours.append(measured)
        theirs.append(baseline)
        ratios.append(measured / baseline)
        print(
            f"  round {round_number + 1}: extractor {measured:.3f} ms/text, "
            f"per-sentence extractor {baseline:.3f} ms/text",
            flush=True,
        )
    ratio = min(ours) / min(theirs)
    return Result(
        name=name,
        measured=f"{min(ours):.3f} ms/text",
        baseline=f"{min(theirs):.3f} ms/text",
        ratio=ratio,
        aim=f"≤ {AIM:.2f}",
        met=ratio <= AIM,
        notes=[
            f"{len(texts)} texts, {repeat} repetitions × {rounds} rounds; fastest pass of each; "
            f"median of the per-round ratios {median(ratios):.2f}"
        ],
    )
