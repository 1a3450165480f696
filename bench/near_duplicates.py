"""Measure the near-duplicate index on the fixture articles.

Positives: each gold body against small edits of itself (a word changed, a figure
corrected, a sentence added or removed, punctuation changed, another residual boilerplate
paragraph) and the seed pages' stripped text against their gold bodies. Negatives: every
pair of different gold articles; the sample portals write them from one template, so they
share whole sentences ("Hội nghị đã thống nhất các giải pháp trọng tâm…") and are the hard
case. Prints estimated-Jaccard ranges per pair kind and precision/recall per shingle size
and threshold.

Run: /work/main/.venv/bin/python bench/near_duplicates.py
"""

import itertools
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.text.boilerplate import strip_boilerplate  # noqa: E402
from crawler.text.dedup import NearDuplicateIndex  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
SHINGLE_SIZES = (3, 4, 5)
THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85)
EXTRA_SENTENCE = "Dịp này, Ban tổ chức đã trao giấy khen cho các tập thể và cá nhân tiêu biểu."
RESIDUAL_BOILERPLATE = "Nguồn: Trung tâm Văn hóa - Thông tin và Thể thao huyện"


def load_gold() -> list[dict]:
    lines = (FIXTURES / "portals" / "gold.jsonl").read_text("utf-8").splitlines()
    return [record for record in map(json.loads, lines) if "body" in record]


def edits(paragraphs: list[str], rng: random.Random) -> dict[str, list[str]]:
    """Small edits an article gets when re-published or corrected."""
    target = rng.randrange(len(paragraphs))
    words = paragraphs[target].split(" ")
    words[rng.randrange(len(words))] = "đồng chí"
    changed = paragraphs[:target] + [" ".join(words)] + paragraphs[target + 1 :]
    with_number = next(i for i, p in enumerate(paragraphs) if re.search(r"\d+", p))
    number = re.search(r"\d+", paragraphs[with_number]).group()
    corrected = list(paragraphs)
    corrected[with_number] = corrected[with_number].replace(number, str(int(number) + 3), 1)
    return {
        "word_changed": changed,
        "figure_corrected": corrected,
        "sentence_added": paragraphs + [EXTRA_SENTENCE],
        "sentence_removed": paragraphs[:-1],
        "punctuation_changed": [
            p.replace(",", ";").replace(".", "").replace("“", '"').replace("”", '"')
            for p in paragraphs
        ],
        "other_boilerplate": paragraphs + [RESIDUAL_BOILERPLATE],
    }


def seed_pairs(gold: list[dict]) -> list[tuple[str, str]]:
    """(gold url, stripped seed text) for the seed pages that carry a gold article."""
    pairs = []
    for seed in sorted((FIXTURES / "seeds").glob("*.txt")):
        lines = seed.read_text("utf-8").split("\n")
        for record in gold:
            if record["title"] in lines:
                kept = strip_boilerplate(lines, record["title"]).kept
                pairs.append((record["url"], "\n\n".join(kept)))
    return pairs


def main() -> None:
    gold = load_gold()
    rng = random.Random(20240703)
    originals = {record["url"]: "\n\n".join(record["body"]) for record in gold}
    positives = [
        (kind, record["url"], "\n\n".join(body))
        for record in gold
        for kind, body in edits(record["body"], rng).items()
    ]
    positives += [("seed_page_stripped", url, text) for url, text in seed_pairs(gold)]
    negatives = list(itertools.combinations(originals, 2))
    word_counts = sorted(len(body.split()) for body in originals.values())
    print(
        f"{len(originals)} articles ({word_counts[0]}-{word_counts[-1]} words), "
        f"{len(positives)} positive pairs, {len(negatives)} negative pairs\n"
    )

    for size in SHINGLE_SIZES:
        probe = NearDuplicateIndex(shingle_words=size)
        ranges = defaultdict(list)
        for kind, url, text in positives:
            ranges[kind].append(probe.similarity(originals[url], text))
        for first, second in negatives:
            ranges["different_articles"].append(
                probe.similarity(originals[first], originals[second])
            )
        print(f"shingle {size}: estimated Jaccard min / max per pair kind")
        for kind, values in ranges.items():
            print(f"  {kind:22s} {min(values):.2f} / {max(values):.2f}")
        print()

    print("| shingle | threshold | precision | recall | false pos. pairs | missed |")
    print("|---|---|---|---|---|---|")
    for size, threshold in itertools.product(SHINGLE_SIZES, THRESHOLDS):
        index = NearDuplicateIndex(threshold=threshold, shingle_words=size)
        for url, body in originals.items():
            index.add(url, body)
        true_positive = false_positive = 0
        for _, url, text in positives:
            found = index.query(text)
            true_positive += url in found
            false_positive += sum(key != url for key in found)
        false_pairs = {
            frozenset((url, key))
            for url, body in originals.items()
            for key in index.query(body, exclude=url)
        }
        false_positive += len(false_pairs)
        precision = true_positive / (true_positive + false_positive)
        recall = true_positive / len(positives)
        missed = len(positives) - true_positive
        print(
            f"| {size} | {threshold:.2f} | {precision:.3f} | {recall:.3f} "
            f"| {len(false_pairs)} | {missed} |"
        )


if __name__ == "__main__":
    main()
