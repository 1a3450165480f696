"""The crawl behind ``scrapy discover``: from one portal to the portals it links to.

For each portal it fetches the home page (politely: robots.txt obeyed, the project's delays),
detects the platform, finds and checks the news listings, reads the unit from the title, and
follows the links to other portals down to a depth limit. Every portal met ends as one
``DiscoveredPortal``: found, unreachable, redirected to another host, archived, without a
listing, or forbidden by robots.txt; none is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urljoin

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.http import TextResponse
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.discovery.detect import GENERIC, detect_platform
from crawler.discovery.pages import (
    archive_reason,
    news_listings,
    portal_host,
    portal_links,
    portal_title,
    units_named,
)
from crawler.parsing import generic
from crawler.parsing.families import FAMILIES
from crawler.parsing.html import parse_html, text_of
from crawler.text.normalize import decode_html
from crawler.units import UnitError, commune_named, province_2025

_REDIRECTS = [301, 302, 303, 307, 308]
_MAX_SAME_HOST_HOPS = 5
# A listing is accepted when the markup finds at least this many article links on it.
MIN_LISTING_ENTRIES = 3
# Listing candidates checked per portal (the menu's surest first).
MAX_LISTINGS_CHECKED = 3

FOUND, UNREACHABLE, REDIRECTED, ARCHIVE, NO_LISTING, FORBIDDEN = (
    "found",
    "unreachable",
    "redirected",
    "archive",
    "no listing",
    "forbidden by robots.txt",
)
STATUSES = (FOUND, UNREACHABLE, REDIRECTED, ARCHIVE, NO_LISTING, FORBIDDEN)


@dataclass
class DiscoveredPortal:
    """One portal met by discovery and what became of it."""

    host: str
    url: str
    status: str = FOUND
    reason: str = ""
    depth: int = 0
    linked_from: str = ""
    family: str = GENERIC
    detection: str = ""
    name: str = ""
    level: str = ""
    province: str = ""
    province_2025: str = ""
    commune_2025: int | None = None
    commune_2025_name: str = ""
    listings: list[str] = field(default_factory=list)
    redirect_to: str = ""


class DiscoverySpider(scrapy.Spider):
    name = "discover"
    # Discovery stores nothing: no article pipelines, no crawl_runs rows, no monitors.
    custom_settings = {"ITEM_PIPELINES": {}, "EXTENSIONS": {}, "SPIDERMON_ENABLED": False}

    def __init__(
        self,
        url: str,
        depth: int = 2,
        domains: tuple[str, ...] = ("gov.vn",),
        archive_days: int = 365,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.start_url = url
        self.max_depth = depth
        self.domains = domains
        self.archive_age = timedelta(days=archive_days)
        self.seen: set[str] = {portal_host(url)}
        self.pending: dict[str, int] = {}  # host -> listing checks still running
        self.results: dict[str, DiscoveredPortal] = {}

    async def start(self):
        yield self.home_request(
            self.start_url, DiscoveredPortal(portal_host(self.start_url), self.start_url)
        )

    def home_request(self, url: str, portal: DiscoveredPortal, hops: int = 0) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_home,
            errback=self.home_failed,
            dont_filter=True,
            cb_kwargs={"portal": portal, "hops": hops},
            meta={"dont_redirect": True, "handle_httpstatus_list": _REDIRECTS},
        )

    # ------------------------------------------------------------------ home pages

    def parse_home(self, response, portal: DiscoveredPortal, hops: int):
        if response.status in _REDIRECTS:
            yield from self.redirected(response, portal, hops)
            return
        if not isinstance(response, TextResponse):
            yield self.finish(portal, UNREACHABLE, "the home page is not an HTML page")
            return
        page = decode_html(response.body, response.encoding).text
        root = parse_html(page)
        detection = detect_platform(page, response.url)
        portal.url = response.url
        portal.family = detection.family
        portal.detection = detection.explain()
        self.results[portal.host] = portal
        self.name_unit(portal, root)
        self.logger.info("%s: %s", portal.host, portal.detection)
        yield from self.follow_links(root, response.url, portal)
        if len(self.read_listing(page, response.url, portal).entries) >= MIN_LISTING_ENTRIES:
            portal.listings.append(response.url)
            reason = archive_reason(
                text_of(root), self.newest(page, response.url, portal), self.archive_age
            )
            yield self.finish(portal, ARCHIVE if reason else FOUND, reason or "")
            return
        candidates = [link.url for link in news_listings(root, response.url)]
        candidates = candidates[:MAX_LISTINGS_CHECKED]
        if not candidates:
            yield self.finish(portal, NO_LISTING, "no news listing in the menus of the home page")
            return
        self.pending[portal.host] = len(candidates)
        portal.reason = archive_reason(text_of(root), None, self.archive_age) or ""
        for url in candidates:
            yield scrapy.Request(
                url,
                callback=self.check_listing,
                errback=self.listing_failed,
                dont_filter=True,
                cb_kwargs={"portal": portal},
            )

    def redirected(self, response, portal: DiscoveredPortal, hops: int):
        location = response.headers.get("Location", b"").decode("latin-1")
        target = urljoin(response.url, location)
        if not location:
            yield self.finish(portal, UNREACHABLE, f"HTTP {response.status} without a Location")
        elif portal_host(target) == portal.host and hops < _MAX_SAME_HOST_HOPS:
            yield self.home_request(target, portal, hops + 1)
        elif portal_host(target) == portal.host:
            yield self.finish(portal, UNREACHABLE, "redirect loop on its own host")
        else:
            portal.redirect_to = target
            yield self.finish(portal, REDIRECTED, f"redirects to {portal_host(target)} ({target})")
            yield from self.visit(target, portal.depth, portal.host)

    def home_failed(self, failure):
        portal: DiscoveredPortal = failure.request.cb_kwargs["portal"]
        yield self.finish(portal, *self.failure_status(failure))

    @staticmethod
    def failure_status(failure) -> tuple[str, str]:
        if failure.check(IgnoreRequest) and "robots.txt" in failure.getErrorMessage():
            return FORBIDDEN, "robots.txt disallows the page"
        if failure.check(HttpError):
            return UNREACHABLE, f"HTTP {failure.value.response.status}"
        return UNREACHABLE, f"{failure.type.__name__}: {failure.getErrorMessage()}"

    # ------------------------------------------------------------------ listings

    def read_listing(self, page: str, url: str, portal: DiscoveredPortal):
        markup = FAMILIES.get(portal.family)
        return markup.parse_listing(page, url) if markup else generic.parse_listing(page, url)

    def newest(self, page: str, url: str, portal: DiscoveredPortal):
        dates = [e.published for e in self.read_listing(page, url, portal).entries if e.published]
        return max(dates, key=lambda d: d.value, default=None)

    def check_listing(self, response, portal: DiscoveredPortal):
        if isinstance(response, TextResponse):
            page = decode_html(response.body, response.encoding).text
            if portal.family == GENERIC:  # a bare home page: the listing shows the markup
                detection = detect_platform(page, response.url)
                if detection.family != GENERIC:
                    portal.family = detection.family
                    portal.detection = f"{detection.explain()} (on {response.url})"
            if len(self.read_listing(page, response.url, portal).entries) >= MIN_LISTING_ENTRIES:
                portal.listings.append(response.url)
                newest = self.newest(page, response.url, portal)
                if not portal.reason and len(portal.listings) == 1:
                    portal.reason = archive_reason("", newest, self.archive_age) or ""
        yield from self.listing_checked(portal)

    def listing_failed(self, failure):
        yield from self.listing_checked(failure.request.cb_kwargs["portal"])

    def listing_checked(self, portal: DiscoveredPortal):
        self.pending[portal.host] -= 1
        if self.pending[portal.host]:
            return
        if not portal.listings:
            yield self.finish(portal, NO_LISTING, "no linked news page lists articles")
        elif portal.reason:
            yield self.finish(portal, ARCHIVE, portal.reason)
        else:
            yield self.finish(portal, FOUND)

    # ------------------------------------------------------------------ linked portals

    def follow_links(self, root, url: str, portal: DiscoveredPortal):
        if portal.depth >= self.max_depth:
            return
        for link in portal_links(root, url, self.domains):
            yield from self.visit(link.url, portal.depth + 1, portal.host)

    def visit(self, url: str, depth: int, linked_from: str):
        host = portal_host(url)
        if host in self.seen or not any(host == d or host.endswith("." + d) for d in self.domains):
            return
        self.seen.add(host)
        yield self.home_request(
            url, DiscoveredPortal(host, url, depth=depth, linked_from=linked_from)
        )

    # ------------------------------------------------------------------ the unit

    def name_unit(self, portal: DiscoveredPortal, root) -> None:
        """Name, level, province and official codes, as far as the title tells them; the
        province of a linked portal is the one of the portal that linked it."""
        portal.name = portal_title(root)
        units = units_named(portal.name)
        parent = self.results.get(portal.linked_from)
        while parent is not None and not parent.province and parent.linked_from:
            parent = self.results.get(parent.linked_from)  # past a redirect, say
        if units:
            portal.level = units[0].level
        province = next((u.name for u in units if u.level == "tỉnh"), "")
        portal.province = province or (parent.province if parent else "")
        try:
            now = province_2025(portal.province) if portal.province else None
        except UnitError:
            now = None  # not a province's name: left for review
        portal.province_2025 = now.name if now else ""
        if now is not None and units and units[0].level == "xã":
            commune = commune_named(units[0].kind, units[0].name, now.code.value)
            if commune is not None:
                portal.commune_2025 = commune.code.value
                portal.commune_2025_name = commune.name

    def finish(self, portal: DiscoveredPortal, status: str, reason: str = "") -> DiscoveredPortal:
        portal.status = status
        portal.reason = reason
        self.results[portal.host] = portal
        self.crawler.stats.inc_value(f"discover/{status}")
        log = self.logger.info if status == FOUND else self.logger.warning
        log("%s %s%s", portal.host, status, f": {reason}" if reason else "")
        return portal
