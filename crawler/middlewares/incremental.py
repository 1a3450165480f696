"""Incremental crawling: what the database already holds decides what a crawl fetches.

Kept out of the spiders (which only navigate), as scrapy-deltafetch does, in one state
object per crawl with one database engine, shared by two small components:

- ``IncrementalMiddleware`` (spider middleware) drops requests for stored articles and for
  articles this crawl already asked for, and decides how far each listing's pager is walked;
- ``NotModifiedMiddleware`` (downloader middleware) asks listing pages conditionally (the
  stored ``ETag`` / ``Last-Modified``) and replays the stored page on ``304 Not Modified``.

Listing walks (table ``listing_walks``). A crawl marks each listing it starts as "walking"
before anything is fetched. The walk becomes "complete" only when a crawl that reached the
listing's last page, or the *boundary* (page 1 of the last complete walk: everything older
was walked then), finished normally; page 1 of that crawl becomes the next boundary. Until
then every crawl walks the listing past pages of stored articles, skipping those articles,
so a crawl killed, cancelled or stopped by a full disk half-way never hides the older pages
from later crawls. Once the boundary is reached, the pager stops after
``INCREMENTAL_STOP_AFTER_KNOWN_PAGES`` pages in a row listing only stored articles.

Spiders tell the middleware what a request is through ``meta``: ``stage`` ("listing" or
"article"), ``portal``, ``walk`` (the listing URL a pager walk started from); an article
request's URL is its canonical URL (crawler.text.urls), fixed when its link was read. A
listing response whose pager ended sets ``response.meta["walk_end"] = True``.
"""

from __future__ import annotations

import json
import logging
import weakref

from scrapy import signals
from scrapy.http import HtmlResponse, Request
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from crawler.db import (
    ListingWalkRow,
    create_schema,
    insert_for,
    listing_validators,
    make_engine,
    now_iso,
    stored_article_urls,
    stored_page,
)
from crawler.extensions.outcome import stop_on_storage_error
from crawler.text.urls import article_key

logger = logging.getLogger(__name__)

WALKING, COMPLETE = "walking", "complete"


class IncrementalState:
    """What one crawl knows of the database: stored article keys, listing validators and
    walk boundaries; one engine, opened on first use and disposed when the spider closes."""

    _of_crawler: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    @classmethod
    def of(cls, crawler) -> IncrementalState:
        state = cls._of_crawler.get(crawler)
        if state is None:
            state = cls._of_crawler[crawler] = cls(crawler)
            crawler.signals.connect(state.spider_closed, signal=signals.spider_closed)
        return state

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.database_url = crawler.settings.get("DATABASE_URL")
        self.stop_after = crawler.settings.getint("INCREMENTAL_STOP_AFTER_KNOWN_PAGES", 1)
        self.engine = None
        self.full = False
        self.stored: set[str] = set()
        self.validators: dict[str, tuple[str | None, str | None]] = {}
        self.boundaries: dict[str, set[str]] = {}
        self.requested: set[str] = set()
        # Walks of this crawl: listing -> portal; page-1 keys; walks that reached their end.
        self.walks: dict[str, str] = {}
        self.heads: dict[str, list[str]] = {}
        self.ended: set[str] = set()

    def open(self) -> None:
        if self.engine is not None:
            return
        spider = self.crawler.spider
        self.full = bool(getattr(spider, "full", False))
        portals = [portal.id for portal in getattr(spider, "portals", [])]
        self.engine = make_engine(self.database_url)
        create_schema(self.engine)
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(ListingWalkRow.listing, ListingWalkRow.boundary).where(
                    ListingWalkRow.portal.in_(portals)
                )
            )
            self.boundaries = {row.listing: set(json.loads(row.boundary or "[]")) for row in rows}
        if not self.full:
            urls = stored_article_urls(self.engine, portals)
            self.stored = {article_key(url) for url in urls}
            self.validators = listing_validators(self.engine, portals)
        logger.info(
            "incremental crawl: %d stored articles, %d listing pages with validators, "
            "%d listings walked completely before",
            len(self.stored),
            len(self.validators),
            sum(1 for keys in self.boundaries.values() if keys),
        )

    # ------------------------------------------------------------------ walks

    def start_walk(self, listing: str, portal: str) -> bool:
        """Record the walk as under way before anything of it is fetched. False when the
        database refuses (a full disk): the crawl is stopping."""
        try:
            self._start_walk(listing, portal)
        except (SQLAlchemyError, OSError) as error:
            stop_on_storage_error(self.crawler, error, {})
            return False
        return True

    def _start_walk(self, listing: str, portal: str) -> None:
        self.open()
        if listing in self.walks:
            return
        self.walks[listing] = portal
        insert = insert_for(self.engine)(ListingWalkRow).values(
            listing=listing, portal=portal, status=WALKING, started_at=now_iso()
        )
        statement = insert.on_conflict_do_update(
            index_elements=[ListingWalkRow.listing],
            set_={"status": WALKING, "started_at": insert.excluded.started_at},
        )
        with self.engine.begin() as connection:
            connection.execute(statement)

    def spider_closed(self, spider, reason):
        if self.engine is None:
            return
        try:
            # Items that never reached the database (a full disk at the last write) leave
            # the walk unfinished even when the crawl itself ended normally.
            if reason == "finished" and not self.stats.get_value("storage/items_not_stored"):
                try:
                    self.complete_walks()
                except (SQLAlchemyError, OSError) as error:  # the walks stay unfinished
                    stop_on_storage_error(self.crawler, error, {}, close=False)
            unfinished = sorted(set(self.walks) - self.ended)
            self.stats.set_value("incremental/walks_unfinished", len(unfinished))
            for listing in unfinished:
                logger.warning(
                    "listing %s: pager walk not finished; the next crawl continues it", listing
                )
        finally:
            self.engine.dispose()

    def complete_walks(self) -> None:
        """Walks that reached their end in a crawl that finished: storage has written every
        article they listed, so page 1 of this crawl is the boundary of the next walk."""
        done = [listing for listing in self.walks if listing in self.ended]
        with self.engine.begin() as connection:
            for listing in done:
                connection.execute(
                    ListingWalkRow.__table__.update()
                    .where(ListingWalkRow.listing == listing)
                    .values(
                        status=COMPLETE,
                        boundary=json.dumps(self.heads.get(listing, []), ensure_ascii=False),
                        completed_at=now_iso(),
                    )
                )
        self.stats.set_value("incremental/walks_completed", len(done))


class IncrementalMiddleware:
    """Spider middleware: skip stored articles, walk listings as far as needed."""

    def __init__(self, state: IncrementalState):
        self.state = state
        self.stats = state.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(IncrementalState.of(crawler))

    async def process_start(self, start):
        async for request in start:
            if not self.note_walk_start(request):
                return  # the database refused the walk: the crawl is stopping
            yield request

    def note_walk_start(self, output) -> bool:
        """A first listing page requested (at the start, or once a spider found the
        listing on another page) starts its walk. False when the walk could not be
        recorded."""
        if (
            isinstance(output, Request)
            and output.meta.get("stage") == "listing"
            and output.meta.get("page", 1) == 1
        ):
            walk = output.meta.get("walk") or output.url
            return self.state.start_walk(walk, output.meta.get("portal") or "")
        return True

    def process_spider_output(self, response, result):
        if response.meta.get("stage") != "listing":
            for output in result:
                self.note_walk_start(output)
                yield output
            return
        yield from self.listing_output(response, list(result))

    async def process_spider_output_async(self, response, result):
        if response.meta.get("stage") != "listing":
            async for output in result:
                self.note_walk_start(output)
                yield output
            return
        for output in self.listing_output(response, [o async for o in result]):
            yield output

    def listing_output(self, response, outputs: list):
        state = self.state
        state.open()
        walk = response.meta.get("walk") or response.url
        portal = response.meta.get("portal") or ""
        articles = [
            o for o in outputs if isinstance(o, Request) and o.meta.get("stage") == "article"
        ]
        keys = [article_key(request.url) for request in articles]
        if response.meta.get("page", 1) == 1 and keys:
            state.heads.setdefault(walk, keys)
        known = [key in state.stored for key in keys]
        boundary_seen = response.meta.get("boundary_seen", False) or bool(
            state.boundaries.get(walk, set()) & set(keys)
        )
        known_in_row = response.meta.get("known_in_row", 0) + 1 if keys and all(known) else 0
        if response.meta.get("walk_end"):
            state.ended.add(walk)
        for output in outputs:
            if not isinstance(output, Request):
                yield output
            elif output.meta.get("stage") == "article":
                if self.wanted(output, portal):
                    yield output
            elif output.meta.get("stage") == "listing":
                if self.follows(walk, response.url, boundary_seen, known_in_row):
                    output.meta.update(boundary_seen=boundary_seen, known_in_row=known_in_row)
                    yield output
            else:
                yield output

    def wanted(self, request: Request, portal: str) -> bool:
        """False for an article stored by an earlier crawl or already asked for by this one.

        A skipped stored article still shows the portal works (``articles/known/<portal>``),
        so a quiet day of an incremental crawl is not mistaken for a broken portal.
        """
        key = article_key(request.url)
        if not self.state.full and key in self.state.stored:
            self.stats.inc_value("incremental/articles_skipped")
            self.stats.inc_value(f"articles/known/{portal}")
            return False
        if key in self.state.requested:
            return False
        self.state.requested.add(key)
        return True

    def follows(self, walk: str, url: str, boundary_seen: bool, known_in_row: int) -> bool:
        """Whether to fetch the next page: always while the walk has not reached the last
        complete walk's boundary; after it, until ``stop_after`` all-known pages in a row."""
        state = self.state
        if state.full or state.stop_after <= 0 or not boundary_seen:
            return True
        if known_in_row < state.stop_after:
            return True
        state.ended.add(walk)
        self.stats.inc_value("incremental/pagination_stopped")
        logger.info(
            "listing %s: reached the last complete walk and %d page(s) of stored articles; "
            "not following the pager",
            url,
            known_in_row,
        )
        return False


class NotModifiedMiddleware:
    """Downloader middleware: conditional listing requests and the replay of a 304."""

    def __init__(self, state: IncrementalState):
        self.state = state
        self.stats = state.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(IncrementalState.of(crawler))

    def process_request(self, request, spider=None):
        self.state.open()
        if not self.conditional(request) or b"If-None-Match" in request.headers:
            return None
        etag, last_modified = self.state.validators.get(request.url, (None, None))
        if etag:
            request.headers["If-None-Match"] = etag
        if last_modified:
            request.headers["If-Modified-Since"] = last_modified
        return None

    def process_response(self, request, response, spider=None):
        if response.status != 304 or not self.conditional(request):
            return response
        self.stats.inc_value("incremental/not_modified")
        stored = stored_page(self.state.engine, request.url)
        if stored is None:
            # The validators outlived the page: ask again, unconditionally.
            logger.info("listing %s: 304 but no stored page; fetching it again", request.url)
            retry = request.replace(dont_filter=True)
            retry.meta["unconditional"] = True
            for header in ("If-None-Match", "If-Modified-Since"):
                retry.headers.pop(header, None)
            return retry
        body, encoding = stored
        # The stored encoding is decode_html's name for it (maybe a legacy font): the
        # spider decodes the body from its bytes with that hint.
        return HtmlResponse(
            request.url,
            status=200,
            body=body,
            headers={"Content-Type": f"text/html; charset={encoding or 'utf-8'}"},
            request=request,
            flags=["replayed"],
        )

    def conditional(self, request) -> bool:
        """GET listing pages of incremental crawls, not rendered by a browser."""
        return (
            request.meta.get("stage") == "listing"
            and request.method == "GET"
            and not request.meta.get("playwright")
            and not request.meta.get("unconditional")
            and not self.state.full
        )
