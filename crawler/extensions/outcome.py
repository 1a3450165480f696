"""How a crawl ended, for operators: the exit status of `scrapy crawl` and the reason stored
in `crawl_runs`.

Scrapy exits 0 whenever the crawl process ran; cron and scrapyd then see success for a crawl
that stored nothing because every page failed, or that stopped on a full disk. The codes
(also in README "Exit codes"):

    0  the crawl ran and stored (or found already stored) articles, or nothing failed
    1  the crawl stored nothing while pages failed
    2  a mistake on the command line, in the registry or in DATABASE_URL (nothing ran)
    3  a database error stopped the crawl
    4  the disk (or the database's quota) was full: the crawl stopped
"""

from __future__ import annotations

import errno
import logging

from scrapy.utils.defer import deferred_from_coro

from crawler.db import masked_url
from crawler.extensions.counts import crawled_portals, portal_counts

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_NOTHING_STORED = 1
EXIT_MISTAKE = 2
EXIT_DATABASE_ERROR = 3
EXIT_DISK_FULL = 4

DISK_FULL = "disk_full"
DATABASE_ERROR = "database_error"
STORAGE_FAILED_STAT = "storage/failed"  # DISK_FULL or DATABASE_ERROR
STORAGE_ERROR_STAT = "storage/error"  # the database's message, one line
_DISK_FULL_MESSAGES = ("disk is full", "no space left", "could not extend file", "disk full")


def storage_failure_kind(error: BaseException) -> str:
    """DISK_FULL when the error says the storage is out of space, else DATABASE_ERROR."""
    original = getattr(error, "orig", None) or error
    if isinstance(original, OSError) and original.errno == errno.ENOSPC:
        return DISK_FULL
    message = str(original).lower()
    return DISK_FULL if any(words in message for words in _DISK_FULL_MESSAGES) else DATABASE_ERROR


def stop_on_storage_error(crawler, error: BaseException, buffered: dict[str, int]) -> str:
    """Log a failed database write once, correct the item counts for what it lost, and
    close the spider with the failure as its finish reason. Returns the failure kind."""
    kind = storage_failure_kind(error)
    original = getattr(error, "orig", None) or error
    message = " ".join(str(original).split())[:300]
    stats = crawler.stats
    stats.set_value(STORAGE_FAILED_STAT, kind)
    stats.set_value(STORAGE_ERROR_STAT, message)
    lost = sum(buffered.values())
    stats.inc_value("storage/items_not_stored", lost)
    # These items passed every pipeline and were counted as scraped before the write failed.
    stats.inc_value("item_scraped_count", -lost)
    stats.inc_value("spidermon_item_scraped_count", -lost)
    for item_class, count in buffered.items():
        if count and stats.get_value(f"spidermon_item_scraped_count/{item_class}") is not None:
            stats.inc_value(f"spidermon_item_scraped_count/{item_class}", -count)
    logger.error(
        "storage failed (%s) writing to %s: %s; stopping the crawl (%d buffered items not stored)",
        kind,
        masked_url(crawler.settings.get("DATABASE_URL") or ""),
        message,
        lost,
    )
    if crawler.engine is not None and crawler.engine.spider is not None:
        deferred_from_coro(crawler.engine.close_spider_async(reason=kind))
    return kind


def crawl_outcome(spider, stats: dict) -> tuple[int, str | None]:
    """The exit code of a finished crawl and, when not 0, why (one line for crawl_runs)."""
    failed = stats.get(STORAGE_FAILED_STAT)
    if failed:
        code = EXIT_DISK_FULL if failed == DISK_FULL else EXIT_DATABASE_ERROR
        return code, f"storage failed ({failed}): {stats.get(STORAGE_ERROR_STAT, '')}"
    counts = [portal_counts(stats, portal) for portal in crawled_portals(spider, stats)]
    seen = sum(c.articles_seen for c in counts)
    failures = sum(c.failures for c in counts)
    if seen == 0 and failures > 0:
        return EXIT_NOTHING_STORED, f"crawl stored nothing: {failures} pages failed"
    return EXIT_OK, None
