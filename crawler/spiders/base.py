"""The spider every portal family shares: it only navigates; parsing lives in crawler.parsing."""

from __future__ import annotations

import re
from pathlib import Path
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
from scrapy.http import TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import (
    ConnectionDone,
    ConnectionLost,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.web._newclient import ResponseFailed

from crawler.articles import build_article_item
from crawler.db import (
    create_schema,
    listing_validators,
    make_engine,
    stored_article_urls,
    stored_page,
)
from crawler.indicators.widgets import tthc_figures
from crawler.items import PageFailureItem, PortalIndicatorItem
from crawler.parsing.base import Listing, ListingEntry, ParsedArticle, PortalMarkup
from crawler.parsing.errors import error_page_reason
from crawler.parsing.html import DEEP_NESTING
from crawler.registry import Portal, RegistryError, load_registry
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
        # Incremental crawling: what the database already holds, loaded when the crawl starts.
        self.stored_articles: set[str] = set()
        self.validators: dict[str, tuple[str | None, str | None]] = {}
        self.database = None
        self.interrupted_before = False
        # Requests are re-issued after a resume (dont_filter), so duplicates are caught here.
        self.requested_listings: set[str] = set()
        self.requested_articles: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.portals = spider.select_portals(crawler.settings.get("PORTAL_REGISTRY") or None)
        if any(portal.render_js for portal in spider.portals):
            spider.rendering_problem = enable_rendering(crawler.settings)
        return spider

    @classmethod
    def check_arguments(cls, settings, **arguments) -> None:
        """Raise the argument or registry error a crawl with these arguments would meet,
        before anything starts (used by ``scrapy crawl`` to answer with one line)."""
        cls(**arguments).select_portals(settings.get("PORTAL_REGISTRY") or None)

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
        self.load_stored_state()
        for portal in self.portals:
            for listing in portal.listings:
                yield self.unrenderable(listing, portal) or self.listing_request(listing, portal, 1)

    def closed(self, reason):
        if self.database is not None:
            self.database.dispose()
        if reason == "finished" and self.settings.get("JOBDIR"):
            self.in_progress_marker().unlink(missing_ok=True)

    # ------------------------------------------------------------------ incremental state

    def load_stored_state(self) -> None:
        """Read which articles are stored and the listing validators, unless ``-a full=1``.

        Every listing and article request is ``dont_filter``: after a crash and a resume
        with JOBDIR, a request whose item never reached the database is asked again, because
        what decides is the database, not the seen-requests file.
        """
        self.interrupted_before = self.mark_in_progress()
        if self.full:
            return
        self.database = make_engine(self.settings.get("DATABASE_URL"))
        create_schema(self.database)
        ids = [portal.id for portal in self.portals]
        self.stored_articles = stored_article_urls(self.database, ids)
        self.validators = listing_validators(self.database, ids)
        self.logger.info(
            "incremental crawl: %d stored articles, %d listing pages with validators",
            len(self.stored_articles),
            len(self.validators),
        )

    def in_progress_marker(self) -> Path:
        return Path(self.settings.get("JOBDIR")) / "crawl-in-progress"

    def mark_in_progress(self) -> bool:
        """Mark the JOBDIR crawl as running; True if an earlier run was killed before the end.

        An interrupted run may have stopped anywhere in a listing, so its resume walks every
        listing page again (stored articles are still skipped).
        """
        if not self.settings.get("JOBDIR"):
            return False
        marker = self.in_progress_marker()
        interrupted = marker.exists()
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
        if interrupted:
            self.logger.info("resuming an interrupted crawl: walking every listing page again")
        return interrupted

    def conditional_headers(self, url: str) -> dict[str, str]:
        etag, last_modified = self.validators.get(url, (None, None))
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return headers

    def unchanged_listing_text(self, response) -> str | None:
        """The stored text of a listing page the server answered 304 for."""
        self.crawler.stats.inc_value("incremental/not_modified")
        stored = stored_page(self.database, response.url) if self.database else None
        return decode_html(*stored).text if stored else None

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

    def wants_article(self, url: str, portal: Portal) -> bool:
        """False for an article stored by an earlier crawl or already requested by this one.

        A skipped stored article still shows the portal works (``articles/known/<portal>``),
        so a quiet day of an incremental crawl is not mistaken for a broken portal.
        """
        if url in self.stored_articles:
            self.crawler.stats.inc_value("incremental/articles_skipped")
            self.crawler.stats.inc_value(f"articles/known/{portal.id}")
            return False
        if url in self.requested_articles:
            return False
        self.requested_articles.add(url)
        return True

    def follows_pager(self, listing_url: str, next_url: str, page: int, known_in_row: int) -> bool:
        """Whether to fetch the next listing page: max_pages, a pager that loops back, and the
        incremental stop after INCREMENTAL_STOP_AFTER_KNOWN_PAGES all-known pages in a row."""
        if self.max_pages is not None and page >= self.max_pages:
            return False
        if next_url in self.requested_listings:
            return False
        stop_after = self.settings.getint("INCREMENTAL_STOP_AFTER_KNOWN_PAGES", 1)
        if self.full or self.interrupted_before:
            return True
        if stop_after > 0 and known_in_row >= stop_after:
            self.crawler.stats.inc_value("incremental/pagination_stopped")
            self.logger.info(
                "listing %s: %d page(s) of stored articles only; not following the pager",
                listing_url,
                known_in_row,
            )
            return False
        return True

    # ------------------------------------------------------------------ listings

    def listing_request(
        self, url: str, portal: Portal, page: int, known_in_row: int = 0
    ) -> scrapy.Request:
        self.requested_listings.add(url)
        return scrapy.Request(
            url,
            callback=self.parse_listing,
            errback=self.page_failed,
            # A browser renders what it fetches: no conditional request for render_js portals.
            headers={} if portal.render_js else self.conditional_headers(url),
            dont_filter=True,
            cb_kwargs={"portal": portal, "page": page, "known_in_row": known_in_row},
            meta={
                "portal": portal.id,
                "stage": "listing",
                "handle_httpstatus_list": [304],
                **self.rendering_meta(portal),
            },
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

    def parse_listing(self, response, portal: Portal, page: int, known_in_row: int = 0):
        if response.status == 304:
            text = self.unchanged_listing_text(response)
            if text is None:
                yield response.request.replace(
                    headers={}, meta={**response.request.meta, "handle_httpstatus_list": []}
                )
                return
        elif not isinstance(response, TextResponse):
            yield self.failure(response.url, portal, "listing", "not an HTML page", response)
            return
        else:
            decoded = self.decoded_page(response)
            text = decoded.text
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
        wanted = [entry for entry in listing.entries if self.wants_article(entry.url, portal)]
        for entry in wanted:
            yield response.follow(
                entry.url,
                callback=self.parse_article,
                errback=self.page_failed,
                dont_filter=True,
                cb_kwargs={"portal": portal, "entry": entry, "category": listing.category},
                meta={"portal": portal.id, "stage": "article", "listing_url": response.url},
            )
        all_known = bool(listing.entries) and all(
            entry.url in self.stored_articles for entry in listing.entries
        )
        known_in_row = known_in_row + 1 if all_known else 0
        if listing.next_url and self.follows_pager(
            response.url, listing.next_url, page, known_in_row
        ):
            yield self.listing_request(listing.next_url, portal, page + 1, known_in_row)

    def read_listing(self, text: str, url: str, portal: Portal) -> Listing:
        return self.markup.parse_listing(text, url)

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
        decoded = self.decoded_page(response)
        not_found = error_page_reason(decoded.text)
        if not_found:
            self.logger.error("article %s (portal %s): %s", entry.url, portal.id, not_found)
            self.crawler.stats.inc_value("articles/error_page")
            yield self.failure(entry.url, portal, "article", not_found, response)
            return
        article = self.markup.parse_article(decoded.text, entry.url)
        yield self.article_item(article, response, portal, entry, category, decoded)

    def article_item(
        self,
        article: ParsedArticle,
        response,
        portal: Portal,
        entry: ListingEntry,
        category: str,
        decoded: DecodedPage,
    ):
        """The ArticleItem of a parsed page, or a failure item saying what was missing."""
        if not article.title or not article.paragraphs:
            reason = "; ".join(article.problems) or "nothing to parse"
            self.logger.error("article %s (portal %s): %s", entry.url, portal.id, reason)
            self.crawler.stats.inc_value("articles/unparsable")
            self.crawler.stats.inc_value(f"articles/unparsable/{portal.id}")
            return self.failure(entry.url, portal, "article", f"unparsable: {reason}", response)
        if article.published is None and entry.published is not None:
            self.crawler.stats.inc_value("articles/date_from_listing")
        for problem in article.problems:
            if problem.startswith(DEEP_NESTING):
                self.crawler.stats.inc_value("pages/deep_nesting")
                self.logger.warning("article %s (portal %s): %s", entry.url, portal.id, problem)
        self.crawler.stats.inc_value(f"articles/parsed/{portal.id}")
        return build_article_item(
            article,
            portal=portal.id,
            family=self.name,
            category=category,
            listing_url=response.meta.get("listing_url"),
            listing_published=entry.published,
            raw={**self.raw_page(response), "encoding": decoded.encoding},
            page_text=decoded.text,
        )

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
        elif failure.check(DownloadCancelledError):
            reason = f"refused: {failure.getErrorMessage()}"
        elif failure.check(IgnoreRequest):
            reason = f"ignored: {failure.getErrorMessage()}"
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
