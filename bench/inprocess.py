"""The project's spider and item pipelines built in this process from the project settings.

Benchmarks 2 and 4 feed pages and items through exactly what a crawl would run, without the
network: the family spider's ``parse_article`` on saved pages, then the pipelines configured
in ITEM_PIPELINES (read at run time), through Scrapy's own ItemPipelineManager in Scrapy's
reactorless mode inside an asyncio loop, so coroutine pipelines are awaited as in a crawl.
"""

from __future__ import annotations

import functools
import inspect
import os
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import DropItem
from scrapy.http import HtmlResponse, Request
from scrapy.pipelines import ItemPipelineManager
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

from crawler.mirror import mirror_path
from crawler.parsing.base import ListingEntry
from crawler.parsing.families import FAMILIES
from crawler.registry import Portal, load_registry


@dataclass(frozen=True)
class SavedArticle:
    """An article page of a generated mirror with what its listing said about it."""

    portal: Portal
    entry: ListingEntry
    category: str
    listing_url: str
    body: bytes

    def response(self) -> HtmlResponse:
        """A fresh response (nothing decoded or parsed yet), as the downloader would give."""
        request = Request(self.entry.url, meta={"listing_url": self.listing_url})
        return HtmlResponse(
            url=self.entry.url,
            body=self.body,
            headers={"Content-Type": "text/html; charset=utf-8"},
            request=request,
        )


def saved_articles(root: Path, family: str, limit: int) -> list[SavedArticle]:
    """Up to ``limit`` articles of the family's portals, read by following their listings."""
    markup = FAMILIES[family]
    found: list[SavedArticle] = []
    portals = load_registry(root / "portals.toml").of_family(family)
    for portal in portals:
        share = -(-limit // len(portals))
        next_url: str | None = portal.listings[0]
        taken = 0
        while next_url and taken < share and len(found) < limit:
            listing = markup.parse_listing(
                mirror_path(root, next_url).read_text(encoding="utf-8"), next_url
            )
            for entry in listing.entries[: share - taken]:
                body = mirror_path(root, entry.url).read_bytes()
                found.append(SavedArticle(portal, entry, listing.category, next_url, body))
                taken += 1
            next_url = listing.next_url
    return found[:limit]


def project_crawler(family: str, overrides: dict):
    """A crawler with the project's settings (plus ``overrides``) and the family's spider."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    settings = get_project_settings()
    # Scrapy's reactorless mode: the pipelines run in the asyncio loop of asyncio.run().
    settings.setdict({"TWISTED_REACTOR_ENABLED": False, **overrides}, priority="cmdline")
    spider_class = SpiderLoader.from_settings(settings).load(family)
    crawler = get_crawler(spider_class, settings.copy_to_dict())
    crawler.spider = spider_class.from_crawler(crawler)
    return crawler


class PipelineChain:
    """ITEM_PIPELINES of a crawler, driven the way Scrapy's scraper drives them."""

    def __init__(self, crawler, exclude: tuple[str, ...] = ()):
        self.crawler = crawler
        if exclude:
            configured = crawler.settings.getdict("ITEM_PIPELINES")
            kept = {path: order for path, order in configured.items() if path not in exclude}
            crawler.settings.frozen = False
            crawler.settings.set("ITEM_PIPELINES", kept, priority="cmdline")
            crawler.settings.freeze()
        self.manager = ItemPipelineManager.from_crawler(crawler)
        self.dropped = 0

    @property
    def names(self) -> list[str]:
        return [type(pipeline).__name__ for pipeline in self.manager.middlewares]

    def time_stages(self) -> Counter[str]:
        """CPU seconds spent in each pipeline (its process_item and close_spider, where
        storage's last batch is written), by class name, added up from now on."""
        seconds: Counter[str] = Counter()
        for method_name in ("process_item", "close_spider"):
            methods = self.manager.methods[method_name]
            for position, method in enumerate(methods):
                methods[position] = _timed(method, type(method.__self__).__name__, seconds)
        return seconds

    async def open(self) -> None:
        await self.manager.open_spider_async()

    async def process(self, item):
        """The item after every pipeline, or None when one dropped it (signal sent, counted)."""
        try:
            return await self.manager.process_item_async(item)
        except DropItem as exception:
            self.dropped += 1
            self.crawler.signals.send_catch_log(
                signal=signals.item_dropped,
                item=item,
                response=None,
                exception=exception,
                spider=self.crawler.spider,
            )
            return None

    async def close(self) -> None:
        await self.manager.close_spider_async()


def _timed(method, name: str, seconds: Counter[str]):
    """``method`` adding its CPU seconds to ``seconds[name]`` (awaited time, for a coroutine)."""
    if inspect.iscoroutinefunction(method):

        @functools.wraps(method)
        async def timed_coroutine(*args, **kwargs):
            start = time.process_time()
            try:
                return await method(*args, **kwargs)
            finally:
                seconds[name] += time.process_time() - start

        return timed_coroutine

    @functools.wraps(method)
    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return method(*args, **kwargs)
        finally:
            seconds[name] += time.process_time() - start

    return timed


def parse(crawler, article: SavedArticle) -> list:
    """What the family spider yields for one article page."""
    spider = crawler.spider
    return list(
        spider.parse_article(article.response(), article.portal, article.entry, article.category)
    )
