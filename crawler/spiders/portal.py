"""Crawl any portal from any of its pages: ``scrapy crawl portal -a url=PAGE``."""

from __future__ import annotations

import scrapy
from scrapy.http import TextResponse

from crawler.discovery.detect import GENERIC, detect_platform
from crawler.discovery.pages import news_listings
from crawler.parsing import generic
from crawler.parsing.base import Listing, ListingEntry, PortalMarkup
from crawler.parsing.families import FAMILIES
from crawler.registry import Portal, RegistryError, host_of, load_registry
from crawler.spiders.base import FamilySpider
from crawler.spiders.generic import GenericSpider

# A page is taken for a listing when the markup finds at least this many article links.
MIN_LISTING_ENTRIES = 3


class PortalSpider(GenericSpider):
    """Detects each portal's platform and crawls it with its family's markup, or with the
    generic extractor when no family fits; the log says what was detected and why.

    Arguments (``-a NAME=VALUE``):
      url        any page of a portal (home page, a listing…): the platform is detected on
                 it and, when it is not a news listing, the listings are found in its menus
      portal     a registry portal, crawled with its registered family
      (neither)  every portal of the registry, each with its registered family
      max_pages, full   as for the family spiders

    A portal the registry knows keeps its registered family; a detection that disagrees is
    logged as a warning, since the registry is the reviewed answer.
    """

    name = "portal"
    needs_start = False

    @classmethod
    def families(cls) -> set[str]:
        return set()  # it crawls the families of others; "portal" is no family of its own

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.family_of: dict[str, str] = {}  # portal id -> the family decided for its pages

    def select_portals(self, registry_path: str | None) -> list[Portal]:
        registry = load_registry(registry_path, self.registry_families)
        if self.url_arg:
            known = registry.by_host(host_of(self.url_arg))
            if known is None:
                return [Portal.unregistered(self.url_arg, GENERIC)]
            self.family_of[known.id] = known.family
            return [known]
        portals = [registry.get(self.portal_arg)] if self.portal_arg else list(registry.portals)
        unknown = [p for p in portals if p.family != GENERIC and p.family not in FAMILIES]
        if unknown:
            raise RegistryError(
                f"portal {unknown[0].id!r} is of family {unknown[0].family!r}, which has no markup"
            )
        self.family_of.update((portal.id, portal.family) for portal in portals)
        return portals

    async def start(self):
        if self.url_arg:
            portal = self.portals[0]
            yield scrapy.Request(
                self.url_arg,
                callback=self.parse_first_page,
                errback=self.page_failed,
                dont_filter=True,
                cb_kwargs={"portal": portal},
                # Not a listing yet: the listing walks start once the page was read.
                meta={"portal": portal.id, "stage": "detect"},
            )
            return
        async for request in super().start():
            yield request

    def parse_first_page(self, response, portal: Portal):
        """Detect the platform on the page given, then crawl it or the listings it links."""
        if not isinstance(response, TextResponse):
            yield self.failure(response.url, portal, "listing", "not an HTML page", response)
            return
        text = self.decoded_page(response).text
        detection = detect_platform(text, response.url)
        self.logger.info("portal %s (%s): %s", portal.id, response.url, detection.explain())
        if portal.id in self.family_of:
            if self.family_of[portal.id] != detection.family:
                self.logger.warning(
                    "portal %s is registered as %s: crawled as such, although the page looks "
                    "like %s",
                    portal.id,
                    self.family_of[portal.id],
                    detection.family,
                )
        elif detection.family != GENERIC:
            self.decide(portal, detection.family)
        markup = self.markup_for(portal)
        reader = markup.parse_listing if markup else generic.parse_listing
        if len(reader(text, response.url).entries) >= MIN_LISTING_ENTRIES:
            listings = [response.url]  # fetched again as a listing, whose walk is tracked
        else:
            listings = [link.url for link in news_listings(text, response.url)]
        if not listings:
            reason = "no news listing found: neither article links nor a 'Tin tức' menu"
            self.logger.error("portal %s (%s): %s", portal.id, response.url, reason)
            yield self.failure(response.url, portal, "listing", reason, response)
            return
        self.logger.info("portal %s: news listings %s", portal.id, ", ".join(listings))
        for url in listings:
            yield self.listing_request(url, portal, 1, walk=url)

    def decide(self, portal: Portal, family: str) -> None:
        self.family_of[portal.id] = family
        self.crawler.stats.inc_value(f"detect/{family}")

    # ------------------------------------------------------------------ per-portal family

    def family_for(self, portal: Portal) -> str:
        return self.family_of.get(portal.id, GENERIC)

    def markup_for(self, portal: Portal) -> PortalMarkup | None:
        return FAMILIES.get(self.family_for(portal))

    def read_listing(self, text: str, url: str, portal: Portal) -> Listing:
        if portal.id not in self.family_of:
            # The page the crawl started from showed no family (a bare home page, say): the
            # first listing page, which carries the platform's list markup, decides.
            detection = detect_platform(text, url)
            self.logger.info("portal %s (%s): %s", portal.id, url, detection.explain())
            self.decide(portal, detection.family)
        markup = self.markup_for(portal)
        if markup is None:
            return super().read_listing(text, url, portal)
        return markup.parse_listing(text, url)

    def make_field_fallback(self, crawler):
        return FamilySpider.make_field_fallback(self, crawler)

    def fallback_for(self, portal: Portal):
        """The generic extractor fills what a family's selectors miss; a portal read by the
        generic extractor itself has nothing to fall back on."""
        return self.field_fallback if self.markup_for(portal) is not None else None

    def article_parser(self, entry: ListingEntry, portal: Portal):
        markup = self.markup_for(portal)
        if markup is None:
            return super().article_parser(entry, portal)
        return markup.parse_article

    def parse_article(self, response, portal: Portal, entry: ListingEntry, category: str):
        if self.markup_for(portal) is None:
            return super().parse_article(response, portal, entry, category)
        return FamilySpider.parse_article(self, response, portal, entry, category)
