"""Record every crawl in the ``crawl_runs`` table (one row per portal) and log a summary.

Runs at spider_closed, after the storage pipeline has written its last batch and after
Spidermon's monitors have run (the Spidermon extension comes first in EXTENSIONS), so a
row holds the exact per-portal counts and the health checks that failed.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime

from itemadapter import ItemAdapter
from scrapy import signals
from sqlalchemy.exc import SQLAlchemyError

from crawler.dates import VN_TZ
from crawler.db import CrawlRunRow, DatabaseConfigError, create_schema, make_engine, now_iso
from crawler.extensions.counts import (
    PortalCounts,
    crawled_portals,
    fallback_counts,
    format_table,
    portal_counts,
)
from crawler.extensions.outcome import crawl_outcome
from crawler.health import NOT_CRAWLS

logger = logging.getLogger(__name__)

# Stats the health monitors fill (crawler.monitors), read here to store with each row.
PORTAL_PROBLEMS_STAT = "health/problems/{portal}"
FAILED_CHECKS_STAT = "health/failed_checks"


def job_id(spider, settings) -> str | None:
    """The scrapyd job id (spider argument ``_job``), or SCRAPY_JOB from the environment."""
    return getattr(spider, "_job", None) or settings.get("_job") or os.environ.get("SCRAPY_JOB")


class CrawlRuns:
    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.database_url = crawler.settings.get("DATABASE_URL")

    @classmethod
    def from_crawler(cls, crawler):
        extension = cls(crawler)
        crawler.signals.connect(extension.response_received, signal=signals.response_received)
        crawler.signals.connect(extension.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def response_received(self, response, request):
        portal = request.meta.get("portal")
        if portal:
            self.stats.inc_value(f"responses/{portal}")

    def item_dropped(self, item, exception):
        portal = ItemAdapter(item).get("portal")
        if portal:
            self.stats.inc_value(f"articles/dropped/{portal}")

    def spider_closed(self, spider, reason):
        if spider.name in NOT_CRAWLS:
            return
        stats = self.stats.get_stats()
        counts = [portal_counts(stats, portal) for portal in crawled_portals(spider, stats)]
        logger.info("crawl summary (%s, %s):\n%s", spider.name, reason, summary_table(counts))
        crawl_wide = list(stats.get(FAILED_CHECKS_STAT, []))
        _, why = crawl_outcome(spider, stats)
        if why:  # a failed crawl says why in its rows, whatever the health checks found
            crawl_wide.insert(0, why)
        rows = [
            {
                "spider": spider.name,
                "portal": c.portal,
                "job": job_id(spider, self.crawler.settings),
                "started_at": started_at(stats),
                "finished_at": now_iso(),
                "finish_reason": reason,
                "pages": c.pages,
                "listing_pages": c.listing_pages,
                "article_pages": c.article_pages,
                "articles_new": c.articles_new,
                "articles_updated": c.articles_updated,
                "articles_unparsable": c.articles_unparsable,
                "articles_dropped": c.articles_dropped,
                "articles_known": c.articles_known,
                "errors": c.failures,
                "failed_checks": "\n".join(
                    [*stats.get(PORTAL_PROBLEMS_STAT.format(portal=c.portal), []), *crawl_wide]
                ),
                "fallbacks": json.dumps(fallback_counts(stats, c.portal)),
            }
            for c in counts
        ]
        if not rows:
            return
        try:
            engine = make_engine(self.database_url)
            try:
                create_schema(engine)
                with engine.begin() as connection:
                    connection.execute(CrawlRunRow.__table__.insert(), rows)
            finally:
                engine.dispose()
        except (SQLAlchemyError, DatabaseConfigError) as error:
            logger.error("could not record the crawl in crawl_runs: %s", error)
            return
        self.stats.set_value("crawl_runs/recorded", len(rows))


def started_at(stats: dict) -> str:
    start = stats.get("start_time")
    if isinstance(start, datetime):
        return start.astimezone(VN_TZ).isoformat(timespec="seconds")
    return now_iso()


def summary_table(counts: list[PortalCounts]) -> str:
    header = ("portal", "listing pages", "new", "updated", "failures", "unparsable", "dropped")
    rows = [
        (
            c.portal,
            c.listing_pages,
            c.articles_new,
            c.articles_updated,
            c.failures,
            c.articles_unparsable,
            c.articles_dropped,
        )
        for c in counts
    ]
    return format_table(header, rows)
