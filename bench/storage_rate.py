"""Benchmark 4: database write rate of the StoragePipeline, batched against one commit per row.

The same items (articles of a generated mirror, parsed by the family spider and passed through
the pipelines configured before storage, untimed) are written into fresh SQLite files on disk
by the StoragePipeline with the project's STORAGE_BATCH_SIZE and with STORAGE_BATCH_SIZE=1;
the time runs from the first item to the end of close_spider (the last commit).
"""

from __future__ import annotations

import asyncio
import time

from bench.common import FAMILIES, Result, median, mirror, scratch_dir
from bench.inprocess import PipelineChain, parse, project_crawler, saved_articles

STORAGE = "crawler.pipelines.storage.StoragePipeline"


def _settings(root, database, **extra) -> dict:
    return {
        "DATABASE_URL": f"sqlite:///{database}",
        "PORTAL_REGISTRY": str(root / "portals.toml"),
        "LOG_LEVEL": "WARNING",
        **extra,
    }


async def prepared_items(root, family, count, work) -> list:
    """Items as they reach the StoragePipeline: parsed, then through the pipelines before it."""
    crawler = project_crawler(family, _settings(root, work / "prepare.db"))
    before = {
        path: order
        for path, order in crawler.settings.getdict("ITEM_PIPELINES").items()
        if order < crawler.settings.getdict("ITEM_PIPELINES")[STORAGE]
    }
    after = set(crawler.settings.getdict("ITEM_PIPELINES")) - set(before)
    chain = PipelineChain(crawler, exclude=tuple(after))
    await chain.open()
    items = []
    for article in saved_articles(root, family, count):
        for item in parse(crawler, article):
            processed = await chain.process(item)
            if processed is not None:
                items.append(processed)
    await chain.close()
    return items


async def write(root, family, items, database, batch_size: int | None) -> float:
    extra = {"STORAGE_BATCH_SIZE": batch_size} if batch_size else {}
    crawler = project_crawler(family, _settings(root, database, **extra))
    others = tuple(p for p in crawler.settings.getdict("ITEM_PIPELINES") if p != STORAGE)
    chain = PipelineChain(crawler, exclude=others)
    await chain.open()
    start = time.perf_counter()
    for item in items:
        await chain.process(item)
    await chain.close()
    return time.perf_counter() - start


def run(
    articles: int = 2000,
    rounds: int = 3,
    families: tuple[str, ...] = FAMILIES,
    mirror_articles: int = 5000,
) -> Result:
    root = mirror(max(mirror_articles, articles))
    work = scratch_dir()
    per_family = -(-articles // len(families))
    items = {f: asyncio.run(prepared_items(root, f, per_family, work)) for f in families}
    count = sum(len(i) for i in items.values())
    batched_rates, single_rates, ratios = [], [], []
    batch_size = project_crawler(families[0], _settings(root, work / "x.db")).settings.getint(
        "STORAGE_BATCH_SIZE"
    )
    for round_number in range(rounds):
        rates = {}
        order = [("batched", None), ("single", 1)]
        if round_number % 2:
            order.reverse()
        for name, size in order:
            seconds = 0.0
            for family, family_items in items.items():
                database = work / f"{name}-{round_number}-{family}.db"
                seconds += asyncio.run(write(root, family, family_items, database, size))
            rates[name] = count / seconds
        batched_rates.append(rates["batched"])
        single_rates.append(rates["single"])
        ratios.append(rates["batched"] / rates["single"])
        print(
            f"  round {round_number + 1}: batched {rates['batched']:.0f} articles/s, "
            f"one commit per row {rates['single']:.0f} articles/s",
            flush=True,
        )
    return Result(
        name="database writes (batched / one commit per row)",
        measured=f"{median(batched_rates):.0f} articles/s",
        baseline=f"{median(single_rates):.0f} articles/s",
        ratio=median(ratios),
        notes=[
            f"{count} articles with their raw pages, STORAGE_BATCH_SIZE={batch_size} against 1, "
            f"SQLite WAL files on disk, {rounds} rounds",
        ],
    )
