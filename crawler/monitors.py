"""Health checks run by Spidermon when a crawl ends.

Spidermon's own monitors check the crawl as a whole (articles stored, field coverage, errors,
finish reason); PortalHealthMonitor checks each portal against its earlier runs in
``crawl_runs``, because a portal that silently stops yielding articles, or whose article
pages stop parsing after a redesign, is the failure that matters most and hides best in
whole-crawl numbers. Every failed check is logged at ERROR, one line each, and kept in the
crawl stats (``health/failed_checks``, ``health/problems/<portal>``) and in ``crawl_runs``.
"""

from __future__ import annotations

import logging

from spidermon import MonitorSuite, monitors
from spidermon.contrib.scrapy.monitors import (
    ErrorCountMonitor,
    FieldCoverageMonitor,
    FinishReasonMonitor,
)
from spidermon.contrib.scrapy.monitors.base import BaseScrapyMonitor
from spidermon.core.actions import Action
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from crawler.db import CrawlRunRow, DatabaseConfigError, create_schema, make_engine
from crawler.extensions.counts import crawled_portals, portal_counts
from crawler.extensions.runs import FAILED_CHECKS_STAT, PORTAL_PROBLEMS_STAT
from crawler.health import (
    MOSTLY_UNPARSABLE,
    NO_ARTICLES,
    NOT_CRAWLS,
    articles_seen_sql,
    is_mostly_unparsable,
)

logger = logging.getLogger(__name__)



@monitors.name("Article count")
class ArticleCountMonitor(BaseScrapyMonitor):
    """Check that the crawl saw at least SPIDERMON_MIN_ITEMS articles: stored now, or listed
    and already stored (an incremental re-crawl of a quiet portal stores nothing new).

    Spidermon's ItemCountMonitor counts every item, and failed pages are items here too.
    """

    @monitors.name("Should see at least SPIDERMON_MIN_ITEMS articles")
    def test_minimum_articles(self):
        minimum = self.crawler.settings.getint("SPIDERMON_MIN_ITEMS", 1)
        stats = self.data.stats
        stored = stats.get("spidermon_item_scraped_count/ArticleItem", 0)
        known = stats.get("incremental/articles_skipped", 0)
        self.assertGreaterEqual(
            stored + known,
            minimum,
            msg=f"the crawl stored {stored} articles and found {known} already stored, "
            f"expected at least {minimum}",
        )


@monitors.name("Field coverage")
class ArticleFieldCoverageMonitor(FieldCoverageMonitor):
    """Spidermon's field coverage check, skipped when no article was stored at all.

    Without articles every rule would fail too, repeating what Article count reports.
    """

    def test_check_if_field_coverage_rules_are_met(self):
        if not self.data.stats.get("spidermon_item_scraped_count/ArticleItem"):
            self.skipTest("no articles stored")
        super().test_check_if_field_coverage_rules_are_met()


@monitors.name("Portal health")
class PortalHealthMonitor(BaseScrapyMonitor):
    """Check each crawled portal against its earlier runs and its own parse rate."""

    def portals(self):
        stats = self.data.stats
        return [portal_counts(stats, p) for p in crawled_portals(self.data.spider, stats)]

    def record(self, portal: str, problem: str) -> None:
        key = PORTAL_PROBLEMS_STAT.format(portal=portal)
        self.crawler.stats.set_value(key, [*self.crawler.stats.get_value(key, []), problem])

    @monitors.name("Portals that yielded articles before still yield articles")
    def test_portals_still_yield_articles(self):
        earlier = earlier_article_counts(self.crawler.settings.get("DATABASE_URL"))
        problems = []
        for counts in self.portals():
            before = earlier.get(counts.portal, 0)
            if counts.articles_seen == 0 and before > 0:
                problem = (
                    f"{NO_ARTICLES}: portal {counts.portal} yielded no articles "
                    f"({counts.listing_pages} listing pages, {counts.failures} failures); "
                    f"earlier crawls stored {before}"
                )
                self.record(counts.portal, problem)
                problems.append(problem)
        self.assertFalse(problems, msg="\n".join(problems))

    @monitors.name("Most article pages of every portal parse")
    def test_article_pages_parse(self):
        limit = self.crawler.settings.getfloat("SPIDERMON_MAX_UNPARSABLE_RATIO", 0.5)
        problems = []
        for counts in self.portals():
            if is_mostly_unparsable(counts.articles_unparsable, counts.article_pages, limit):
                problem = (
                    f"{MOSTLY_UNPARSABLE}: portal {counts.portal}: {counts.articles_unparsable} "
                    f"of {counts.article_pages} article pages could not be parsed "
                    f"(limit {limit:.0%}); has the site been redesigned?"
                )
                self.record(counts.portal, problem)
                problems.append(problem)
        self.assertFalse(problems, msg="\n".join(problems))


def earlier_article_counts(database_url: str) -> dict[str, int]:
    """Articles stored per portal by all earlier recorded runs (empty if none can be read)."""
    try:
        engine = make_engine(database_url)
        try:
            create_schema(engine)
            total = func.sum(articles_seen_sql())
            query = (
                select(CrawlRunRow.portal, total)
                .where(CrawlRunRow.spider.not_in(NOT_CRAWLS))
                .group_by(CrawlRunRow.portal)
            )
            with engine.connect() as connection:
                rows = connection.execute(query)
                return {portal: int(count or 0) for portal, count in rows}
        finally:
            engine.dispose()
    except (SQLAlchemyError, DatabaseConfigError) as error:
        logger.error("health check cannot read earlier crawl_runs: %s", error)
        return {}


class RecordFailedChecks(Action):
    """Log every failed check at ERROR, one line each, and keep them in the crawl stats."""

    def run_action(self):
        crawler = self.data["crawler"]
        crawl_wide = []
        for result in self.result.monitors_failed_results:
            name = result.item.name
            reason = failure_reason(result.error)
            if name.startswith(PortalHealthMonitor.options.name):
                for line in reason.splitlines():
                    logger.error("health check failed: %s", line)
                continue
            crawl_wide.append(f"{name}: {' '.join(reason.split())}")
            logger.error("health check failed: %s: %s", name, " ".join(reason.split()))
        crawler.stats.set_value(FAILED_CHECKS_STAT, crawl_wide)
        crawler.stats.set_value("health/failed", len(self.result.monitors_failed_results))


def failure_reason(error: str) -> str:
    """The assertion message from the traceback text Spidermon keeps for a failed check."""
    _, marker, message = error.rpartition("AssertionError: ")
    return (message if marker else error.strip().splitlines()[-1]).strip()


class CrawlHealthSuite(MonitorSuite):
    """The checks run when a crawl ends (SPIDERMON_SPIDER_CLOSE_MONITORS)."""

    monitors = [  # noqa: RUF012 (Spidermon's own suites declare it the same way)
        ArticleCountMonitor,
        ArticleFieldCoverageMonitor,
        ErrorCountMonitor,
        FinishReasonMonitor,
        PortalHealthMonitor,
    ]
    monitors_finished_actions = [RecordFailedChecks]  # noqa: RUF012
