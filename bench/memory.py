"""Benchmark 3: peak memory of a full-project crawl of a small and of a large mirror.

`scrapy crawl FAMILY` runs in a subprocess over a generated mirror of one family; its peak RSS
(getrusage of the crawl process, written by bench.crawl_stats when the spider closes) is taken
for both sizes. A crawl should not grow with its length; the part that grows by design, the
duplicate filter's set of request fingerprints, is reported beside the peaks.
"""

from __future__ import annotations

from bench.common import Result, full_crawl, mirror, scratch_dir, served

AIM = 1.3
# A request fingerprint is a 20-byte bytes object (53 bytes) in a set (a 16-byte slot, sets
# are kept at most 3/5 full): about 80 bytes per URL.
FINGERPRINT_BYTES = 80
MIB = 1024 * 1024


def peak(family: str, articles: int) -> dict:
    root = mirror(articles, (family,))
    with served(root) as server:
        stats = full_crawl(family, root, server.url, scratch_dir())
    print(
        f"  {articles} articles: peak RSS {stats['bench/peak_rss_bytes'] / MIB:.0f} MiB, "
        f"{stats.get('item_scraped_count', 0)} items, "
        f"{stats['bench/dupefilter_fingerprints']} fingerprints",
        flush=True,
    )
    return stats


def run(small: int = 1000, large: int = 20000, family: str = "ninhbinh") -> Result:
    low, high = peak(family, small), peak(family, large)
    ratio = high["bench/peak_rss_bytes"] / low["bench/peak_rss_bytes"]
    extra_urls = (high["bench/dupefilter_fingerprints"] or 0) - (
        low["bench/dupefilter_fingerprints"] or 0
    )
    growth = (high["bench/peak_rss_bytes"] - low["bench/peak_rss_bytes"]) / MIB
    return Result(
        name=f"peak memory ({large:,} / {small:,} articles)",
        measured=f"{high['bench/peak_rss_bytes'] / MIB:.0f} MiB",
        baseline=f"{low['bench/peak_rss_bytes'] / MIB:.0f} MiB",
        ratio=ratio,
        aim=f"≤ {AIM}",
        met=ratio <= AIM,
        notes=[
            f"family {family}; growth {growth:.1f} MiB over {extra_urls} more requests, of which "
            f"the duplicate filter's fingerprints account for about "
            f"{extra_urls * FINGERPRINT_BYTES / MIB:.1f} MiB",
            f"items scraped: {low.get('item_scraped_count', 0)} and "
            f"{high.get('item_scraped_count', 0)}",
        ],
    )
