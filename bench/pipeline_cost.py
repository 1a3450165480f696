"""Benchmark 2: milliseconds per article of the project's extraction and item pipeline
against ``trafilatura.extract`` on the same pages.

The project side is what a crawl does with a downloaded article page: the family spider's
``parse_article`` (family parser, dates) and every pipeline of ITEM_PIPELINES in order, ending
in real SQLite writes on disk (the final flush at close_spider included). Passes alternate
with the baseline, each on fresh responses and a fresh database; medians are reported.
Both sides are timed in CPU seconds of this process (``time.process_time``): the work is
single-threaded, and other load on a shared machine then does not skew the ratio (the
SQLite writes' waits for the disk are not counted).

The same passes also time each stage (the spider's parse, each pipeline's process_item and
close_spider) so the notes show where the cost lies; the headline ratio is the whole chain.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter

import trafilatura

from bench.common import FAMILIES, Result, median, mirror, scratch_dir
from bench.inprocess import PipelineChain, parse, project_crawler, saved_articles

PARSE = "parse_article"
# What the stages do not account for: Scrapy's pipeline manager, item adapters, the loop.
OTHER = "other (Scrapy's chain)"


async def project_pass(
    family_articles: dict, root, database
) -> tuple[float, int, list[str], Counter[str]]:
    """Seconds, stored items, pipeline names and seconds per stage for every article, one
    crawler and pipeline chain per family."""
    seconds, kept, names, stages = 0.0, 0, [], Counter()
    for family, articles in family_articles.items():
        crawler = project_crawler(
            family,
            {
                "DATABASE_URL": f"sqlite:///{database}",
                "PORTAL_REGISTRY": str(root / "portals.toml"),
                "LOG_LEVEL": "WARNING",
            },
        )
        chain = PipelineChain(crawler)
        names = chain.names
        await chain.open()
        pipelines = chain.time_stages()
        start = time.process_time()
        for article in articles:
            parse_start = time.process_time()
            items = parse(crawler, article)
            stages[PARSE] += time.process_time() - parse_start
            for item in items:
                kept += await chain.process(item) is not None
        await chain.close()
        seconds += time.process_time() - start
        stages.update(pipelines)
    stages[OTHER] = seconds - sum(stages.values())
    return seconds, kept, names, stages


def trafilatura_pass(family_articles: dict) -> float:
    start = time.process_time()
    for articles in family_articles.values():
        for article in articles:
            trafilatura.extract(article.response().text)
    return time.process_time() - start


def run(
    articles: int = 600,
    rounds: int = 3,
    families: tuple[str, ...] = FAMILIES,
    mirror_articles: int = 5000,
) -> Result:
    root = mirror(max(mirror_articles, articles))
    per_family = -(-articles // len(families))
    family_articles = {f: saved_articles(root, f, per_family) for f in families}
    count = sum(len(a) for a in family_articles.values())
    work = scratch_dir()
    ours, theirs, ratios, names, kept = [], [], [], [], 0
    stage_ms: dict[str, list[float]] = {}
    for round_number in range(rounds):
        database = work / f"pipeline-{round_number}.db"
        if round_number % 2:
            baseline = trafilatura_pass(family_articles)
            seconds, kept, names, stages = asyncio.run(
                project_pass(family_articles, root, database)
            )
        else:
            seconds, kept, names, stages = asyncio.run(
                project_pass(family_articles, root, database)
            )
            baseline = trafilatura_pass(family_articles)
        for stage, stage_seconds in stages.items():
            stage_ms.setdefault(stage, []).append(stage_seconds * 1000 / count)
        ours.append(seconds * 1000 / count)
        theirs.append(baseline * 1000 / count)
        ratios.append(ours[-1] / theirs[-1])
        print(
            f"  round {round_number + 1}: project {ours[-1]:.2f} ms/article, "
            f"trafilatura {theirs[-1]:.2f} ms/article",
            flush=True,
        )
    # Medians per stage (they need not add up exactly to the median of the totals).
    breakdown = ", ".join(
        f"{stage} {median(values):.2f}"
        for stage, values in sorted(stage_ms.items(), key=lambda entry: -median(entry[1]))
    )
    print(f"  per stage (ms/article, medians): {breakdown}", flush=True)
    return Result(
        name="per-article cost (parse + pipelines / trafilatura)",
        measured=f"{median(ours):.2f} ms/article",
        baseline=f"{median(theirs):.2f} ms/article",
        ratio=median(ratios),
        notes=[
            f"{count} articles of {len(families)} families, {rounds} rounds; pipelines: "
            + " → ".join(names)
            + f"; {kept} items stored per pass",
            f"per stage, ms/article (medians of {rounds} rounds): {breakdown}",
        ],
    )
