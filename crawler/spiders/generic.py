"""Crawl a portal of unknown platform: ``scrapy crawl generic -a url=LISTING_URL``."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import TextResponse

from crawler.articles import ArticlePage, FieldFallback, Parser
from crawler.parsing import generic
from crawler.parsing.base import ListingEntry
from crawler.parsing.html import parse_html
from crawler.registry import Portal, host_of, load_registry
from crawler.spiders.base import FamilySpider, SpiderArgumentError


@dataclass
class HeldPage:
    page: ArticlePage
    response: TextResponse
    portal: Portal
    entry: ListingEntry
    category: str


class GenericSpider(FamilySpider):
    """Finds article links, pagination, title, date, author and body without selectors.

    The host's template (lines repeated on many of its pages) is learned from the pages of
    the crawl itself, so the first article pages of a host are held until
    ``GENERIC_TEMPLATE_PAGES`` pages of that host (listings included) were seen; later pages
    are parsed on arrival. Pages still held when the crawl runs dry are parsed then (on
    spider_idle), with what was learned. At most that many pages per host are held.

    Arguments: ``url`` (a listing page; required unless ``portal``), ``portal`` (a registry
    portal of any family, crawled from its listings with the generic parser), ``max_pages``.
    The portal id is the registry portal whose host matches, else the host name.
    """

    name = "generic"
    needs_start: bool = True  # a page to start from (-a url=) or a registry portal

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.needs_start and not self.url_arg and not self.portal_arg:
            raise SpiderArgumentError(
                "scrapy crawl generic needs a listing page: -a url=http://HOST/LISTING"
            )
        self.templates = generic.HostTemplates()
        self.held: dict[str, deque[HeldPage]] = {}
        self.item_paths: dict[str, tuple[str, ...]] = {}
        self.template_pages = 8

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.template_pages = crawler.settings.getint("GENERIC_TEMPLATE_PAGES", 8)
        crawler.signals.connect(spider.release_held_pages, signal=signals.spider_idle)
        crawler.signals.connect(spider.report_held_pages, signal=signals.spider_closed)
        return spider

    def select_portals(self, registry_path: str | None) -> list[Portal]:
        registry = load_registry(registry_path)
        if self.portal_arg:
            return [registry.get(self.portal_arg)]
        known = registry.by_host(host_of(self.url_arg))
        if known is None:
            return [Portal.unregistered(self.url_arg, self.name)]
        return [Portal(**{**known.__dict__, "listings": (self.url_arg,)})]

    # ------------------------------------------------------------------ pages

    def read_listing(self, text: str, url: str, portal: Portal):
        host = host_of(url)
        self.templates.observe(host, parse_html(text), listing=True)
        listing = generic.parse_listing(text, url, self.item_paths.get(host))
        if listing.item_path and host not in self.item_paths:
            self.item_paths[host] = listing.item_path
        return listing

    def make_field_fallback(self, crawler) -> FieldFallback | None:
        return None  # this spider's extractor is the generic one already

    def article_parser(self, entry: ListingEntry, portal: Portal) -> Parser:
        is_template = self.templates.for_host(host_of(entry.url))
        # The page's injected blocks went when it was observed (parse_article): none left.
        return lambda root, url: generic.parse_article(root, url, entry.title, is_template, [])

    def parse_article(self, response, portal: Portal, entry: ListingEntry, category: str):
        if not isinstance(response, TextResponse):
            yield self.failure(response.url, portal, "article", "not an HTML page", response)
            return
        host = host_of(response.url)
        page = self.article_page(response, entry)
        # The page's one spam scan (read_page) says what to remove: not scanned again.
        self.templates.observe(host, page.root, listing=False, injected=page.spam)
        held = self.held.setdefault(host, deque())
        held.append(HeldPage(page, response, portal, entry, category))
        if self.templates.pages(host) >= self.template_pages:
            yield from self.release(host)
        else:
            self.crawler.stats.max_value("generic/held_pages_max", len(held))

    def release(self, host: str):
        held = self.held.get(host) or deque()
        while held:
            page = held.popleft()
            yield self.article_item(
                page.page, page.response, page.portal, page.entry, page.category
            )

    def release_all(self, response=None):
        for host in list(self.held):
            yield from self.release(host)

    # ------------------------------------------------------------------ signals

    def release_held_pages(self):
        """The crawl ran dry with pages still held (hosts with few pages): parse them now,
        through a local data: request whose callback yields their items."""
        if not any(self.held.values()):
            return
        self.crawler.engine.crawl(
            scrapy.Request(
                "data:,", callback=self.release_all, dont_filter=True, meta={"stage": "release"}
            )
        )
        raise DontCloseSpider

    def report_held_pages(self, spider, reason):
        lost = sum(len(pages) for pages in self.held.values())
        if lost:
            self.crawler.stats.set_value("generic/unparsed_held_pages", lost)
            self.logger.error(
                "crawl closed (%s) with %d fetched article pages not yet parsed: %s",
                reason,
                lost,
                ", ".join(p.entry.url for pages in self.held.values() for p in pages),
            )
