"""The spider every portal family shares: it only navigates; parsing lives in crawler.parsing."""

from __future__ import annotations

import re
from typing import ClassVar

import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import FormRequest, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import (
    ConnectionDone,
    ConnectionLost,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.web._newclient import ResponseFailed

from crawler.articles import ArticlePage, FieldFallback, Parser, Source, page_item, read_page
from crawler.indicators.widgets import tthc_figures
from crawler.items import PageFailureItem, PortalIndicatorItem
from crawler.middlewares.offsite import OffsiteRequest
from crawler.parsing import generic
from crawler.parsing.base import Listing, ListingEntry, PortalMarkup
from crawler.parsing.errors import error_page_reason
from crawler.registry import Portal, RegistryError, load_registry, spider_families
from crawler.rendering import LISTING_META, enable_rendering
from crawler.signals import listing_page_fetched
from crawler.text.normalize import DecodedPage, decode_html

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


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


def flag(name: str, value: str | bool | None) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value or "").strip().lower()
    if text in ("", "0", "false", "no", "off"):
        return False
    if text in ("1", "true", "yes", "on"):
        return True
    raise SpiderArgumentError(f"-a {name}={value!r}: expected 1 or 0")


class FamilySpider(scrapy.Spider):
    """Crawls the news listings of the portals of one platform family.

    Class attributes:
      markup   the family's PortalMarkup (selectors and parsing)

    Arguments (``-a NAME=VALUE``):
      portal     id or host of one registry portal (default: every portal of the family)
      url        a listing URL of a portal not in the registry, parsed with this family's
                 markup; its portal id is the host name
      max_pages  how many listing pages to follow per listing (default: to the end)
      full       1 to fetch every listed article again, stored or not (default: incremental)
    """

    markup: ClassVar[PortalMarkup]

    def __init__(self, *args, portal=None, url=None, max_pages=None, full=None, **kwargs):
        # Names starting with "_" come from schedulers (scrapyd's _job), not from users.
        unknown = sorted(name for name in kwargs if not name.startswith("_") and name != "name")
        if unknown:
            raise SpiderArgumentError(
                f"unknown argument -a {unknown[0]}=…; known: portal, url, max_pages, full"
            )
        super().__init__(*args, **kwargs)
        if portal and url:
            raise SpiderArgumentError("give either -a portal=ID or -a url=LISTING_URL, not both")
        if url is not None and not str(url).startswith(("http://", "https://")):
            raise SpiderArgumentError(f"-a url={url!r}: expected an http(s) listing URL")
        self.portal_arg = portal
        self.url_arg = url
        self.max_pages = positive_int("max_pages", max_pages)
        self.full = flag("full", full)
        self.portals: list[Portal] = []
        self.widgets_read: set[str] = set()
        self.rendering_problem: str | None = None
        # Pager loop guards: listing URLs asked for, postbacks posted, article lists seen.
        self.requested_listings: set[str] = set()
        self.postbacks: set[tuple[str, str, str]] = set()
        self.pages_seen: dict[str, set[tuple[str, ...]]] = {}
        self.field_fallback: FieldFallback | None = None
        # Families the project has spiders for; the registry is checked against them.
        self.registry_families: set[str] | None = None

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.registry_families = spider_families(crawler.settings)
        spider.portals = spider.select_portals(crawler.settings.get("PORTAL_REGISTRY") or None)
        spider.field_fallback = spider.make_field_fallback(crawler)
        if any(portal.render_js for portal in spider.portals):
            spider.rendering_problem = enable_rendering(crawler.settings)
        return spider

    def make_field_fallback(self, crawler) -> FieldFallback | None:
        """The generic extractor, for the fields the family's selectors miss."""
        return FieldFallback(generic.parse_article)

    @classmethod
    def check_arguments(cls, settings, **arguments) -> None:
        """Raise the argument or registry error a crawl with these arguments would meet,
        before anything starts (used by ``scrapy crawl`` to answer with one line)."""
        spider = cls(**arguments)
        spider.registry_families = spider_families(settings)
        spider.select_portals(settings.get("PORTAL_REGISTRY") or None)

    @classmethod
    def families(cls) -> set[str]:
        """Registry families this spider crawls: its name, its markup's platform id and the
        platform's older names (``hungyen`` and ``tandan`` are one platform)."""
        markup = getattr(cls, "markup", None)
        return {cls.name} | ({markup.family, *markup.aliases} if markup is not None else set())

    def select_portals(self, registry_path: str | None) -> list[Portal]:
        registry = load_registry(registry_path, self.registry_families)
        if self.url_arg:
            known = registry.by_host(Portal.unregistered(self.url_arg, self.name).host)
            if known is None:
                return [Portal.unregistered(self.url_arg, self.name)]
            return [Portal(**{**known.__dict__, "listings": (self.url_arg,)})]
        if self.portal_arg:
            portal = registry.get(self.portal_arg)
            if portal.family not in self.families():
                raise RegistryError(
                    f"portal {portal.id!r} is of family {portal.family!r}; "
                    f"crawl it with: scrapy crawl {portal.family} -a portal={portal.id}"
                )
            return [portal]
        return [p for p in registry.portals if p.family in self.families()]

    async def start(self):
        for portal in self.portals:
            for listing in portal.listings:
                yield self.unrenderable(listing, portal) or self.listing_request(
                    listing, portal, 1, walk=listing
                )

    # ------------------------------------------------------------------ listings
    # What the database holds (stored articles, validators, how far each listing's pager
    # walk got) is crawler.middlewares.incremental's business: the spider yields every
    # listed article and the next page, and says when a walk reached the listing's end.

    def remember_listing(self, response, page: DecodedPage, portal: Portal) -> None:
        """Hand the listing page and its validators to storage for the next crawl."""
        headers = response.headers
        self.crawler.signals.send_catch_log(
            listing_page_fetched,
            page={
                "url": response.url,
                "portal": portal.id,
                "html": response.body,
                "encoding": page.encoding,
                "status": response.status,
                "content_type": headers.get("Content-Type", b"").decode("latin-1") or None,
                "etag": headers.get("ETag", b"").decode("latin-1") or None,
                "last_modified": headers.get("Last-Modified", b"").decode("latin-1") or None,
            },
        )

    def listing_request(self, url: str, portal: Portal, page: int, walk: str) -> scrapy.Request:
        self.requested_listings.add(url)
        return scrapy.Request(
            url,
            callback=self.parse_listing,
            errback=self.page_failed,
            dont_filter=True,
            cb_kwargs={"portal": portal, "page": page},
            meta=self.listing_meta(portal, page, walk),
        )

    def listing_meta(self, portal: Portal, page: int, walk: str) -> dict:
        return {
            "portal": portal.id,
            "stage": "listing",
            "walk": walk,
            "page": page,
            **self.rendering_meta(portal),
        }

    def next_listing_request(self, response, listing: Listing, portal: Portal, page: int):
        """The request for the next listing page, or None; sets ``walk_end`` in the
        response's meta when the pager has nowhere new to go (its last page or a loop)."""
        walk = response.meta.get("walk") or response.url
        if not listing.entries:
            return None
        seen = self.pages_seen.setdefault(walk, set())
        fingerprint = tuple(entry.url for entry in listing.entries)
        if fingerprint in seen and page > 1:
            self.pager_loop(response.url, portal, "the page repeats an earlier page's articles")
            response.meta["walk_end"] = True
            return None
        seen.add(fingerprint)
        if not (listing.next_url or listing.next_postback):
            if listing.pager_problem is None:
                response.meta["walk_end"] = True
            return None
        if self.max_pages is not None and page >= self.max_pages:
            response.meta["walk_end"] = True  # as far as the operator asked
            return None
        if listing.next_url:
            if listing.next_url in self.requested_listings:
                self.pager_loop(response.url, portal, f"{listing.next_url} was walked already")
                response.meta["walk_end"] = True
                return None
            return self.listing_request(listing.next_url, portal, page + 1, walk)
        return self.postback_request(response, listing, portal, page, walk)

    def postback_request(self, response, listing: Listing, portal: Portal, page: int, walk: str):
        """An ASP.NET pager link answered as a browser does: the page's own form (with its
        __VIEWSTATE) posted with __EVENTTARGET / __EVENTARGUMENT set."""
        postback = listing.next_postback
        key = (walk, postback.target, postback.argument)
        if key in self.postbacks:
            self.pager_loop(response.url, portal, f"postback {postback.argument!r} posted already")
            response.meta["walk_end"] = True
            return None
        try:
            request = FormRequest.from_response(
                response,
                formxpath="//form[.//input[@name='__VIEWSTATE' or @name='__EVENTTARGET']]",
                formdata={"__EVENTTARGET": postback.target, "__EVENTARGUMENT": postback.argument},
                dont_click=True,
                callback=self.parse_listing,
                errback=self.page_failed,
                dont_filter=True,
                cb_kwargs={"portal": portal, "page": page + 1},
                meta=self.listing_meta(portal, page + 1, walk),
            )
        except ValueError as error:
            self.unfollowable(
                response.url, portal, f"postback pager without a form to post ({error})"
            )
            return None
        self.postbacks.add(key)
        self.crawler.stats.inc_value("pager/postback")
        return request

    def pager_loop(self, url: str, portal: Portal, why: str) -> None:
        self.crawler.stats.inc_value("pager/loop")
        self.logger.info("listing %s (portal %s): pager stops, %s", url, portal.id, why)

    def unfollowable(self, url: str, portal: Portal, why: str) -> None:
        """A pager link the crawl cannot follow: counted and logged, never silent."""
        self.crawler.stats.inc_value("pager/unfollowable")
        self.crawler.stats.inc_value(f"pager/unfollowable/{portal.id}")
        self.logger.warning("listing %s (portal %s): %s", url, portal.id, why)

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
        decoded = self.decoded_page(response)
        text = decoded.text
        # A replayed 304 is the stored page already; a posted pager page shares page 1's URL.
        if response.request.method == "GET" and "replayed" not in response.flags:
            self.remember_listing(response, decoded, portal)
        listing = self.read_listing(text, response.url, portal)
        self.crawler.stats.inc_value(f"listing_pages/{portal.id}")
        yield from self.portal_figures(text, response.url, portal)
        if not listing.entries:
            reason = error_page_reason(text) or "no article links found"
            self.logger.error(
                "listing %s (portal %s, page %d): %s with the %s markup",
                response.url,
                portal.id,
                page,
                reason,
                self.name,
            )
            yield self.failure(response.url, portal, "listing", reason, response)
        for name in listing.fallbacks:
            self.crawler.stats.inc_value(f"fallback/{name}")
            self.crawler.stats.inc_value(f"fallback/{name}/{portal.id}")
        if listing.pager_problem:
            self.unfollowable(response.url, portal, listing.pager_problem)
        for entry in listing.entries:
            # entry.url is the article's canonical URL: its identity from here on.
            yield scrapy.Request(
                entry.url,
                callback=self.parse_article,
                errback=self.page_failed,
                dont_filter=True,
                cb_kwargs={"portal": portal, "entry": entry, "category": listing.category},
                meta={
                    "portal": portal.id,
                    "stage": "article",
                    "identity": entry.url,
                    "listing_url": response.url,
                },
            )
        following = self.next_listing_request(response, listing, portal, page)
        if following is not None:
            yield following

    def read_listing(self, text: str, url: str, portal: Portal) -> Listing:
        return self.markup_for(portal).parse_listing(text, url)

    def markup_for(self, portal: Portal) -> PortalMarkup:
        """The markup a portal's pages are read with (one family per spider, here)."""
        return self.markup

    def family_for(self, portal: Portal) -> str:
        """The family stored with a portal's items, which ``scrapy reparse`` parses them by."""
        return self.name

    def portal_figures(self, text: str, url: str, portal: Portal):
        """The portal's own widget figures (TTHC dossiers), read once per portal per crawl."""
        if portal.id in self.widgets_read:
            return
        self.widgets_read.add(portal.id)
        for figure in tthc_figures(text):
            yield PortalIndicatorItem(
                portal=portal.id,
                name=figure.name,
                value=figure.value,
                unit=figure.unit,
                as_of=figure.as_of,
                source_url=url,
            )

    # ------------------------------------------------------------------ articles

    def parse_article(self, response, portal: Portal, entry: ListingEntry, category: str):
        if not isinstance(response, TextResponse):
            yield self.failure(response.url, portal, "article", "not an HTML page", response)
            return
        page = self.article_page(response, entry)
        yield self.article_item(page, response, portal, entry, category)

    def article_page(self, response, entry: ListingEntry) -> ArticlePage:
        """The article page decoded and parsed once, under the URL its listing gave."""
        raw = self.raw_page(response)
        return read_page(
            entry.url,
            response.body,
            status=raw["status"],
            content_type=raw["content_type"],
            decoded=self.decoded_page(response),
        )

    def article_item(
        self, page: ArticlePage, response, portal: Portal, entry: ListingEntry, category: str
    ):
        """The ArticleItem of the page, or a failure item saying what was missing."""
        source = Source(
            portal=portal.id,
            family=self.family_for(portal),
            category=category,
            listing_url=response.meta.get("listing_url"),
            listing_published=entry.published,
            listing_title=entry.title,
        )
        return page_item(
            page,
            self.article_parser(entry, portal),
            source,
            self.crawler.stats,
            self.fallback_for(portal),
        )

    def fallback_for(self, portal: Portal) -> FieldFallback | None:
        """What fills the fields a portal's parser misses (counted as fallbacks)."""
        return self.field_fallback

    def article_parser(self, entry: ListingEntry, portal: Portal) -> Parser:
        """What turns an article page's tree into fields: the family's selectors."""
        return self.markup_for(portal).parse_article

    def decoded_page(self, response) -> DecodedPage:
        """The page as NFC text, decoded by its bytes when the declared charset is wrong."""
        header = response.headers.get("Content-Type", b"").decode("latin-1")
        declared = _HEADER_CHARSET.search(header)
        decoded = decode_html(response.body, declared[1] if declared else None)
        if decoded.converted:
            self.crawler.stats.inc_value("pages/charset_corrected")
        return decoded

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
        elif failure.check(DNSLookupError, CannotResolveHostError):
            reason = "DNS lookup failed"
        elif failure.check(TimeoutError, TCPTimedOutError, DownloadTimeoutError):
            reason = "timed out"
        elif failure.check(ResponseDataLossError) or (
            failure.check(ResponseFailed, DownloadFailedError)
            and "DataLoss" in failure.getErrorMessage()
        ):
            reason = "truncated: the connection closed before the whole page was sent"
        elif failure.check(ConnectionLost, ConnectionDone, ResponseFailed, DownloadFailedError):
            reason = "connection lost"
        elif failure.check(DownloadCancelledError, OffsiteRequest):
            reason = f"refused: {failure.getErrorMessage()}"
        elif failure.check(IgnoreRequest):
            reason = f"ignored: {failure.getErrorMessage()}"
        else:
            reason = f"{failure.type.__name__}: {failure.getErrorMessage()}"
        self.crawler.stats.inc_value(f"failures/{stage}")
        self.logger.error(
            "%s %s (portal %s) failed: %s",
            stage,
            request.meta.get("identity") or request.url,
            portal and portal.id,
            reason,
        )
        url = request.meta.get("identity") or request.url
        item = self.failure(url, portal, stage, reason, response)
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
