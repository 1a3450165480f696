"""Benchmark 1: crawl throughput (pages/s) of the project against a bare Scrapy spider.

Each round crawls every family of a generated mirror twice, once with `scrapy crawl FAMILY`
(the project's settings and whatever ITEM_PIPELINES they configure) and once with the bare
spider of bench.bare_crawl, alternating which goes first. Pages per second is downloaded
responses over Scrapy's own elapsed time (process start-up is not counted), summed over the
families; the ratio full/bare is taken per round and the median reported.
"""

from __future__ import annotations

from bench.common import (
    CONCURRENT_REQUESTS,
    CONCURRENT_REQUESTS_PER_DOMAIN,
    FAMILIES,
    Result,
    bare_crawl,
    full_crawl,
    median,
    mirror,
    scratch_dir,
    served,
)

AIM = 0.90


def crawl_all(kind, families, root, proxy, work) -> tuple[int, float, int]:
    """Pages, seconds and articles of one crawl of every family."""
    pages = seconds = items = 0
    for family in families:
        stats = kind(family, root, proxy, work)
        pages += stats.get("response_received_count", 0)
        seconds += stats["elapsed_time_seconds"]
        # Articles stored (the full crawl); the bare spider stores nothing and counts its items.
        items += stats.get("articles/new", 0) + stats.get("articles/updated", 0) or stats.get(
            "item_scraped_count", 0
        )
    return pages, seconds, items


def run(articles: int = 5000, rounds: int = 3, families: tuple[str, ...] = FAMILIES) -> Result:
    root = mirror(articles, families)
    work = scratch_dir()
    full_rates, bare_rates, ratios, notes = [], [], [], []
    with served(root) as server:
        for round_number in range(rounds):
            order = [("full", full_crawl), ("bare", bare_crawl)]
            if round_number % 2:
                order.reverse()
            rates = {}
            for name, kind in order:
                pages, seconds, items = crawl_all(kind, families, root, server.url, work)
                rates[name] = (pages, pages / seconds)
                print(
                    f"  round {round_number + 1} {name}: {pages} pages in {seconds:.1f} s "
                    f"= {pages / seconds:.1f} pages/s ({items} articles)",
                    flush=True,
                )
            if rates["full"][0] != rates["bare"][0]:
                notes.append(
                    f"round {round_number + 1}: full crawl fetched {rates['full'][0]} pages, "
                    f"bare {rates['bare'][0]}"
                )
            full_rates.append(rates["full"][1])
            bare_rates.append(rates["bare"][1])
            ratios.append(rates["full"][1] / rates["bare"][1])
    ratio = median(ratios)
    notes.append(
        f"{articles} articles, {len(families)} families, concurrency {CONCURRENT_REQUESTS} "
        f"({CONCURRENT_REQUESTS_PER_DOMAIN} per portal), {rounds} rounds, per-round ratios "
        + ", ".join(f"{r:.2f}" for r in ratios)
    )
    return Result(
        name="crawl throughput (full / bare spider)",
        measured=f"{median(full_rates):.1f} pages/s",
        baseline=f"{median(bare_rates):.1f} pages/s",
        ratio=ratio,
        aim=f"≥ {AIM:.2f}",
        met=ratio >= AIM,
        notes=notes,
    )
