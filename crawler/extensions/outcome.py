"""How a crawl ended, for operators: the exit status of `scrapy crawl` and the reason stored
in `crawl_runs`.

Scrapy exits 0 whenever the crawl process ran; cron and scrapyd then see success for a crawl
that stored nothing because every page failed, or that stopped on a full disk. The codes
(also in README "Exit codes"):

    0  the crawl ran and stored (or found already stored) articles, or nothing failed
    1  the crawl stored nothing while pages failed, or ended early (not "finished")
    2  a mistake on the command line, in the registry or in DATABASE_URL (nothing ran)
    3  a database error stopped the crawl
    4  the disk (or the database's quota) was full: the crawl stopped
"""

from __future__ import annotations

import logging

from scrapy.utils.defer import deferred_from_coro

from crawler.db import is_disk_full, masked_url
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


def storage_failure_kind(error: BaseException, database_url: str | None = None) -> str:
    """DISK_FULL when the error says the storage is out of space, else DATABASE_ERROR."""
    return DISK_FULL if is_disk_full(error, database_url) else DATABASE_ERROR


def storage_exit_code(error: BaseException, database_url: str | None = None) -> int:
    """The exit code of a command (export, reparse) that a storage error stopped."""
    full = storage_failure_kind(error, database_url) == DISK_FULL
    return EXIT_DISK_FULL if full else EXIT_DATABASE_ERROR


def one_line(error: BaseException) -> str:
    """The database's or the system's message of an error, on one line."""
    original = getattr(error, "orig", None) or error
    return " ".join(str(original).split())[:300]


def stop_on_storage_error(
    crawler, error: BaseException, buffered: dict[str, int], close: bool = True
) -> str:
    """Log a failed database write once, correct the item counts for what it lost, and
    (unless ``close`` is False: the spider is opening or closing) close the spider with the
    failure as its finish reason. Returns the failure kind; after the first failure of a
    crawl, later ones (other components writing to the same full disk) only count."""
    stats = crawler.stats
    database_url = crawler.settings.get("DATABASE_URL") or ""
    if stats.get_value(STORAGE_FAILED_STAT):
        kind = stats.get_value(STORAGE_FAILED_STAT)
        logger.debug("storage failed again (%s): %s", kind, one_line(error))
        _uncount(stats, buffered)
        return kind
    kind = storage_failure_kind(error, database_url)
    message = one_line(error)
    stats.set_value(STORAGE_FAILED_STAT, kind)
    stats.set_value(STORAGE_ERROR_STAT, message)
    lost = _uncount(stats, buffered)
    logger.error(
        "storage failed (%s) writing to %s: %s; stopping the crawl (%d buffered items not stored)",
        kind,
        masked_url(database_url),
        message,
        lost,
    )
    if close and crawler.engine is not None and crawler.engine.spider is not None:
        deferred_from_coro(crawler.engine.close_spider_async(reason=kind))
    return kind


def _uncount(stats, buffered: dict[str, int]) -> int:
    """Take the items a failed write lost out of the scraped counts; returns how many."""
    lost = sum(buffered.values())
    stats.inc_value("storage/items_not_stored", lost)
    # These items passed every pipeline and were counted as scraped before the write failed.
    stats.inc_value("item_scraped_count", -lost)
    stats.inc_value("spidermon_item_scraped_count", -lost)
    for item_class, count in buffered.items():
        key = f"spidermon_item_scraped_count/{item_class}"
        if count and stats.get_value(key) is not None:
            stats.inc_value(key, -count)
            if stats.get_value(key) <= 0:  # none stored: no field coverage (a division by 0)
                kept = {k: v for k, v in stats.get_stats().items() if not k.startswith(key)}
                stats.set_stats(kept)
    return lost


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
    reason = stats.get("finish_reason")
    if seen == 0 and reason not in (None, "finished"):
        # an error in the engine (a start request that could not be queued) or a stop: no
        # page failed, yet nothing was read
        return EXIT_NOTHING_STORED, f"crawl stored nothing: it ended with {reason!r}"
    return EXIT_OK, None
