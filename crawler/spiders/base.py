"""The spider every portal family shares: it only navigates; parsing lives in crawler.parsing."""

from __future__ import annotations

from typing import ClassVar

import scrapy
from scrapy.http import TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import DNSLookupError, TCPTimedOutError, TimeoutError

from crawler.articles import build_article_item
from crawler.indicators.widgets import tthc_figures
from crawler.items import PageFailureItem, PortalIndicatorItem
from crawler.parsing.base import Listing, ListingEntry, PortalMarkup
from crawler.registry import Portal, RegistryError, load_registry
from crawler.rendering import LISTING_META, enable_rendering


class SpiderArgumentError(ValueError):
    """A spider argument given with -a is wrong; the message says which and why."""


def positive_int(name: str, value: str | int | None) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number < 1:
        raise SpiderArgumentError(f"-a {name}={value!r}: expected a whole number of at least 1")
    return number


class FamilySpider(scrapy.Spider):
    """Crawls the news listings of the portals of one platform family.

    Class attributes:
      markup   the family's PortalMarkup (selectors and parsing)

    Arguments (``-a NAME=VALUE``):
      portal     id or host of one registry portal (default: every portal of the family)
      url        a listing URL of a portal not in the registry, parsed with this family's
                 markup; its portal id is the host name
      max_pages  how many listing pages to follow per listing (default: to the end)
    """

    markup: ClassVar[PortalMarkup]

    def __init__(self, *args, portal=None, url=None, max_pages=None, **kwargs):
        super().__init__(*args, **kwargs)
        if portal and url:
            raise SpiderArgumentError("give either -a portal=ID or -a url=LISTING_URL, not both")
        if url is not None and not str(url).startswith(("http://", "https://")):
            raise SpiderArgumentError(f"-a url={url!r}: expected an http(s) listing URL")
        self.portal_arg = portal
        self.url_arg = url
        self.max_pages = positive_int("max_pages", max_pages)
        self.portals: list[Portal] = []
        self.widgets_read: set[str] = set()
        self.rendering_problem: str | None = None

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.portals = spider.select_portals(crawler.settings.get("PORTAL_REGISTRY") or None)
        if any(portal.render_js for portal in spider.portals):
            spider.rendering_problem = enable_rendering(crawler.settings)
        return spider

    def select_portals(self, registry_path: str | None) -> list[Portal]:
        registry = load_registry(registry_path)
        if self.url_arg:
            known = registry.by_host(Portal.unregistered(self.url_arg, self.name).host)
            if known is None:
                return [Portal.unregistered(self.url_arg, self.name)]
            return [Portal(**{**known.__dict__, "listings": (self.url_arg,)})]
        if self.portal_arg:
            portal = registry.get(self.portal_arg)
            if portal.family != self.name:
                raise RegistryError(
                    f"portal {portal.id!r} is of family {portal.family!r}; "
                    f"crawl it with: scrapy crawl {portal.family} -a portal={portal.id}"
                )
            return [portal]
        return registry.of_family(self.name)

    async def start(self):
        for portal in self.portals:
            for listing in portal.listings:
                yield self.unrenderable(listing, portal) or self.listing_request(listing, portal, 1)

    # ------------------------------------------------------------------ listings

    def listing_request(self, url: str, portal: Portal, page: int) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_listing,
            errback=self.page_failed,
            cb_kwargs={"portal": portal, "page": page},
            meta={"portal": portal.id, "stage": "listing", **self.rendering_meta(portal)},
        )

    # ------------------------------------------------------------------ JavaScript portals

    @staticmethod
    def rendering_meta(portal: Portal) -> dict:
        """Listings of render_js portals are built by scripts: fetch them through Chromium."""
        return LISTING_META if portal.render_js else {}

    def unrenderable(self, url: str, portal: Portal) -> PageFailureItem | None:
        """The failure of a render_js listing when there is no browser to render it with."""
        if not (portal.render_js and self.rendering_problem):
            return None
        self.crawler.stats.inc_value("failures/listing")
        self.logger.error("listing %s (portal %s) %s", url, portal.id, self.rendering_problem)
        return self.failure(url, portal, "listing", self.rendering_problem)

    def parse_listing(self, response, portal: Portal, page: int):
        if not isinstance(response, TextResponse):
            yield self.failure(response.url, portal, "listing", "not an HTML page", response)
            return
        listing = self.read_listing(response, portal)
        self.crawler.stats.inc_value(f"listing_pages/{portal.id}")
        yield from self.portal_figures(response, portal)
        if not listing.entries:
            self.logger.error(
                "listing %s (portal %s, page %d): no article links found with the %s markup",
                response.url,
                portal.id,
                page,
                self.name,
            )
            yield self.failure(response.url, portal, "listing", "no article links found", response)
        for entry in listing.entries:
            yield response.follow(
                entry.url,
                callback=self.parse_article,
                errback=self.page_failed,
                cb_kwargs={"portal": portal, "entry": entry, "category": listing.category},
                meta={"portal": portal.id, "stage": "article", "listing_url": response.url},
            )
        if listing.next_url and (self.max_pages is None or page < self.max_pages):
            yield self.listing_request(listing.next_url, portal, page + 1)

    def read_listing(self, response, portal: Portal) -> Listing:
        return self.markup.parse_listing(response.text, response.url)

    def portal_figures(self, response, portal: Portal):
        """The portal's own widget figures (TTHC dossiers), read once per portal per crawl."""
        if portal.id in self.widgets_read:
            return
        self.widgets_read.add(portal.id)
        for figure in tthc_figures(response.text):
            yield PortalIndicatorItem(
                portal=portal.id,
                name=figure.name,
                value=figure.value,
                unit=figure.unit,
                as_of=figure.as_of,
                source_url=response.url,
            )

    # ------------------------------------------------------------------ articles

    def parse_article(self, response, portal: Portal, entry: ListingEntry, category: str):
        if not isinstance(response, TextResponse):
            yield self.failure(response.url, portal, "article", "not an HTML page", response)
            return
        article = self.markup.parse_article(response.text, entry.url)
        yield self.article_item(article, response, portal, entry, category)

    def article_item(self, article, response, portal: Portal, entry: ListingEntry, category: str):
        """The ArticleItem of a parsed page, or a failure item saying what was missing."""
        if not article.title or not article.paragraphs:
            reason = "; ".join(article.problems) or "nothing to parse"
            self.logger.error("article %s (portal %s): %s", entry.url, portal.id, reason)
            self.crawler.stats.inc_value("articles/unparsable")
            self.crawler.stats.inc_value(f"articles/unparsable/{portal.id}")
            return self.failure(entry.url, portal, "article", f"unparsable: {reason}", response)
        if article.published is None and entry.published is not None:
            self.crawler.stats.inc_value("articles/date_from_listing")
        self.crawler.stats.inc_value(f"articles/parsed/{portal.id}")
        return build_article_item(
            article,
            portal=portal.id,
            family=self.name,
            category=category,
            listing_url=response.meta.get("listing_url"),
            listing_published=entry.published,
            raw=self.raw_page(response),
        )

    # ------------------------------------------------------------------ failures

    def page_failed(self, failure):
        request = failure.request
        portal = request.cb_kwargs.get("portal")
        stage = request.meta.get("stage", "page")
        status = None
        response = None
        if failure.check(HttpError):
            response = failure.value.response
            status = response.status
            reason = f"HTTP {status}"
        elif failure.check(DNSLookupError):
            reason = "DNS lookup failed"
        elif failure.check(TimeoutError, TCPTimedOutError):
            reason = "timed out"
        else:
            reason = f"{failure.type.__name__}: {failure.getErrorMessage()}"
        self.crawler.stats.inc_value(f"failures/{stage}")
        self.logger.error(
            "%s %s (portal %s) failed: %s", stage, request.url, portal and portal.id, reason
        )
        item = self.failure(request.url, portal, stage, reason, response)
        item["status"] = status
        yield item

    def failure(self, url: str, portal: Portal | None, stage: str, reason: str, response=None):
        item = PageFailureItem(
            url=url, portal=portal.id if portal else None, stage=stage, reason=reason
        )
        if portal is not None:
            self.crawler.stats.inc_value(f"failures/{stage}/{portal.id}")
        if response is not None:
            item.update(self.raw_page(response))
        return item

    @staticmethod
    def raw_page(response) -> dict:
        return {
            "html": response.body,
            "encoding": getattr(response, "encoding", None),
            "status": response.status,
            "content_type": response.headers.get("Content-Type", b"").decode("latin-1") or None,
        }
