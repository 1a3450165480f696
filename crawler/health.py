"""Portal health from the ``crawl_runs`` table: what `scrapy health` reports.

Plain functions over rows, so the rules are tested without a crawl. A run is *good* when it
stored articles and no health check failed; a portal is healthy (OK) when its last run
stored articles, parsed most of its article pages, and a good run is at most
``stale_days`` old; a portal whose last run found most of a field only through the generic
extractor is REDESIGNED (its family's selectors need updating).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, func, select

from crawler.db import CrawlRunRow, ListingWalkRow, PortalRow

OK = "OK"
NO_ARTICLES = "NO ARTICLES"
MOSTLY_UNPARSABLE = "MOSTLY UNPARSABLE"
NEVER_CRAWLED = "NEVER CRAWLED"
STALE = "STALE"
REDESIGNED = "REDESIGNED"
# A field the generic extractor had to find on more than this share of a run's article
# pages: the portal's markup changed and its family's selectors no longer find it.
REDESIGN_SHARE = 0.5
_FIELD_NAMES = {"published_at": "date", "view_count": "view count"}
_LISTING_FIELDS = {"pager", "listing"}
WALK_UNFINISHED = "WALK UNFINISHED"


@dataclass(frozen=True)
class PortalHealth:
    portal: str
    status: str
    last_crawl: str | None
    last_good_crawl: str | None
    articles: int | None  # stored (new + updated) by the last run
    errors: int | None  # failed pages in the last run
    failed_checks: list[str]

    def as_dict(self) -> dict:
        return asdict(self)


# The health formulas, in one place: the end-of-crawl checks (crawler/monitors.py), the
# crawl summary and run records (crawler/extensions) and `scrapy health` all use these.


def articles_seen(new: int, updated: int, known: int | None) -> int:
    """Articles a run stored or found already stored (an incremental quiet day counts)."""
    return new + updated + (known or 0)


def articles_seen_sql():
    """`articles_seen` of a `crawl_runs` row as a SQL expression."""
    return (
        CrawlRunRow.articles_new
        + CrawlRunRow.articles_updated
        + func.coalesce(CrawlRunRow.articles_known, 0)
    )


def unparsable_ratio(unparsable: int, article_pages: int) -> float:
    """Share of the article pages handed to the parser that could not be parsed."""
    return unparsable / article_pages if article_pages else 0.0


def is_mostly_unparsable(unparsable: int, article_pages: int, limit: float) -> bool:
    return unparsable_ratio(unparsable, article_pages) > limit


def run_articles_seen(run: CrawlRunRow) -> int:
    return articles_seen(run.articles_new, run.articles_updated, run.articles_known)


def is_good(run: CrawlRunRow) -> bool:
    """A good run stored (or found stored) articles and failed no check."""
    return run_articles_seen(run) > 0 and not run.failed_checks


# `scrapy reparse` re-reads stored pages: its rows (older versions wrote them) are no crawl.
NOT_CRAWLS = ("reparse",)


def fields_found_by_fallback(run: CrawlRunRow) -> list[str]:
    """The fields the run found only by fallback on most of its pages (the pager on most
    listing pages, article fields on most article pages)."""
    counts = json.loads(run.fallbacks or "{}")
    found = []
    for name, count in counts.items():
        pages = (run.listing_pages if name in _LISTING_FIELDS else run.article_pages) or 0
        if pages and count / pages > REDESIGN_SHARE:
            found.append(_FIELD_NAMES.get(name, name))
    return found


def portal_health(
    portal: str,
    runs: list[CrawlRunRow],
    now: datetime,
    stale_days: float,
    max_unparsable_ratio: float,
    unfinished_walks: list[str] = (),
) -> PortalHealth:
    """The health of one portal from its runs, newest first; ``unfinished_walks`` are its
    listings whose pager walk an interrupted crawl left unfinished (older pages unvisited)."""
    if not runs:
        return PortalHealth(portal, NEVER_CRAWLED, None, None, None, None, [])
    last = runs[0]
    good = next((run for run in runs if is_good(run)), None)
    articles = run_articles_seen(last)
    if is_mostly_unparsable(last.articles_unparsable, last.article_pages, max_unparsable_ratio):
        status = MOSTLY_UNPARSABLE
    elif articles == 0:
        status = NO_ARTICLES
    elif good is None or datetime.fromisoformat(good.finished_at) < now - timedelta(
        days=stale_days
    ):
        status = STALE
    elif unfinished_walks:
        status = WALK_UNFINISHED
    else:
        status = OK
    redesigned = fields_found_by_fallback(last)
    if redesigned and status == OK:
        status = REDESIGNED
    notes = [f"redesigned: {', '.join(redesigned)} found by fallback"] if redesigned else []
    walks = [
        f"listing {url}: pager walk unfinished (a crawl was interrupted; the next one goes on)"
        for url in unfinished_walks
    ]
    return PortalHealth(
        portal=portal,
        status=status,
        last_crawl=last.finished_at,
        last_good_crawl=good.finished_at if good else None,
        articles=articles,
        errors=last.errors,
        failed_checks=[line for line in last.failed_checks.splitlines() if line] + walks + notes,
    )


def known_portals(engine: Engine, registry_ids: list[str]) -> list[str]:
    """Registry portals first, then portals only the database knows (crawled by URL)."""
    portals = list(registry_ids)
    with engine.connect() as connection:
        crawled = select(CrawlRunRow.portal).where(CrawlRunRow.spider.not_in(NOT_CRAWLS))
        for query in (select(PortalRow.id), crawled.distinct()):
            for portal in connection.execute(query).scalars():
                if portal not in portals:
                    portals.append(portal)
    return portals


def unfinished_walks(engine: Engine) -> dict[str, list[str]]:
    """Listings whose pager walk is not complete, by portal (crawler.middlewares.incremental)."""
    walks: dict[str, list[str]] = {}
    query = select(ListingWalkRow.portal, ListingWalkRow.listing).where(
        ListingWalkRow.status != "complete"
    )
    with engine.connect() as connection:
        for portal, listing in connection.execute(query):
            walks.setdefault(portal, []).append(listing)
    return walks


def runs_by_portal(engine: Engine) -> dict[str, list[CrawlRunRow]]:
    """Every recorded run, grouped by portal, newest first."""
    runs: dict[str, list[CrawlRunRow]] = {}
    query = (
        select(CrawlRunRow)
        .where(CrawlRunRow.spider.not_in(NOT_CRAWLS))
        .order_by(CrawlRunRow.finished_at.desc(), CrawlRunRow.id.desc())
    )
    with engine.connect() as connection:
        for row in connection.execute(query):
            runs.setdefault(row.portal, []).append(row)
    return runs
