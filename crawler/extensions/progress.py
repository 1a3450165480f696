"""Log what a long crawl has done so far, per portal, every PROGRESS_INTERVAL seconds."""

from __future__ import annotations

import logging

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

from crawler.extensions.counts import crawled_portals, portal_counts

logger = logging.getLogger(__name__)


class Progress:
    def __init__(self, crawler, interval: float):
        self.crawler = crawler
        self.interval = interval
        self.task = None

    @classmethod
    def from_crawler(cls, crawler):
        interval = crawler.settings.getfloat("PROGRESS_INTERVAL", 60.0)
        if interval <= 0:
            raise NotConfigured
        extension = cls(crawler, interval)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider):
        self.task = create_looping_call(self.log_progress, spider)
        self.task.start(self.interval, now=False)

    def spider_closed(self, spider):
        if self.task is not None and self.task.running:
            self.task.stop()

    def log_progress(self, spider):
        stats = self.crawler.stats.get_stats()
        for portal in crawled_portals(spider, stats):
            c = portal_counts(stats, portal)
            logger.info(
                "progress %s: %d listing pages, %d articles parsed, %d stored, "
                "%d failures (%d unparsable)",
                portal,
                c.listing_pages,
                c.articles_parsed,
                c.articles,
                c.failures,
                c.articles_unparsable,
            )
