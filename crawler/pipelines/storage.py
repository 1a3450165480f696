"""Write articles, raw pages and failures to the database in batched transactions."""

from __future__ import annotations

import logging
import time

from itemadapter import ItemAdapter
from scrapy import signals
from sqlalchemy import func

from crawler.db import (
    ArticleRow,
    FailureRow,
    PageRow,
    create_schema,
    existing_urls,
    insert_for,
    make_engine,
    now_iso,
    upsert_portals,
)
from crawler.items import ArticleItem, PageFailureItem
from crawler.signals import listing_page_fetched

logger = logging.getLogger(__name__)

ARTICLE_COLUMNS = (
    "url",
    "portal",
    "title",
    "published_at",
    "author",
    "view_count",
    "category",
    "body",
    "content_hash",
    "duplicate_of",
    "text_quality",
    "listing_url",
    "listing_published_at",
)


class StoragePipeline:
    """Upserts articles by URL: a re-crawl refreshes view_count and last_seen, never adds a row.

    Rows are buffered and written in one transaction per ``STORAGE_BATCH_SIZE`` items or
    ``STORAGE_FLUSH_INTERVAL`` seconds, whichever comes first, and at the end of the crawl.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        settings = crawler.settings
        self.database_url = settings.get("DATABASE_URL")
        self.batch_size = settings.getint("STORAGE_BATCH_SIZE", 50)
        self.flush_interval = settings.getfloat("STORAGE_FLUSH_INTERVAL", 10.0)
        self.engine = None
        self.articles: dict[str, dict] = {}
        self.pages: dict[str, dict] = {}
        self.failures: list[dict] = []
        self.last_flush = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.listing_page_fetched, signal=listing_page_fetched)
        return pipeline

    def open_spider(self):
        self.engine = make_engine(self.database_url)
        create_schema(self.engine)
        upsert_portals(self.engine, list(getattr(self.crawler.spider, "portals", [])))

    def close_spider(self):
        self.flush()
        self.engine.dispose()

    def process_item(self, item):
        adapter = ItemAdapter(item)
        if isinstance(item, ArticleItem):
            self._add_article(adapter)
        elif isinstance(item, PageFailureItem):
            self._add_failure(adapter)
        if (
            len(self.articles) + len(self.failures) >= self.batch_size
            or time.monotonic() - self.last_flush >= self.flush_interval
        ):
            self.flush()
        return item

    def item_dropped(self, item, response, exception, spider):
        adapter = ItemAdapter(item)
        if adapter.get("url"):
            self.articles.pop(adapter["url"], None)
            self.failures.append(
                self._failure_row(adapter["url"], adapter.get("portal"), "pipeline", str(exception))
            )

    def listing_page_fetched(self, page: dict):
        """Keep listing pages with their validators, for conditional requests next time."""
        self.pages[page["url"]] = self._page_row(ItemAdapter(page), "listing", now_iso())

    # ------------------------------------------------------------------ buffering

    def _add_article(self, adapter: ItemAdapter) -> None:
        stamp = now_iso()
        row = {column: adapter.get(column) for column in ARTICLE_COLUMNS}
        row.update(first_seen=stamp, last_seen=stamp)
        self.articles[row["url"]] = row
        if adapter.get("html") is not None:
            self.pages[row["url"]] = self._page_row(adapter, "article", stamp)

    def _add_failure(self, adapter: ItemAdapter) -> None:
        self.failures.append(
            self._failure_row(
                adapter["url"],
                adapter.get("portal"),
                adapter.get("stage") or "article",
                adapter.get("reason") or "unknown",
                adapter.get("status"),
            )
        )
        if adapter.get("html"):
            self.pages[adapter["url"]] = self._page_row(adapter, "failed", now_iso())

    def _failure_row(self, url, portal, stage, reason, status=None) -> dict:
        spider = getattr(self.crawler, "spider", None)
        return {
            "url": url,
            "portal": portal,
            "spider": getattr(spider, "name", None),
            "stage": stage,
            "reason": reason,
            "status": status,
            "at": now_iso(),
        }

    @staticmethod
    def _page_row(adapter: ItemAdapter, kind: str, stamp: str) -> dict:
        return {
            "url": adapter["url"],
            "portal": adapter.get("portal") or "",
            "kind": kind,
            "status": adapter.get("status"),
            "content_type": adapter.get("content_type"),
            "encoding": adapter.get("encoding"),
            "html": adapter.get("html") or b"",
            "fetched_at": stamp,
            "etag": adapter.get("etag"),
            "last_modified": adapter.get("last_modified"),
        }

    # ------------------------------------------------------------------ writing

    def flush(self) -> None:
        self.last_flush = time.monotonic()
        if not (self.articles or self.pages or self.failures):
            return
        insert = insert_for(self.engine)
        articles, pages, failures = (
            list(self.articles.values()),
            list(self.pages.values()),
            self.failures,
        )
        with self.engine.begin() as connection:
            known = existing_urls(connection, [row["url"] for row in articles])
            if articles:
                statement = insert(ArticleRow).values(articles)
                excluded = statement.excluded
                updates = {c: excluded[c] for c in ARTICLE_COLUMNS if c != "url"}
                updates["view_count"] = func.coalesce(excluded.view_count, ArticleRow.view_count)
                updates["last_seen"] = excluded.last_seen
                connection.execute(
                    statement.on_conflict_do_update(index_elements=[ArticleRow.url], set_=updates)
                )
            if pages:
                statement = insert(PageRow).values(pages)
                connection.execute(
                    statement.on_conflict_do_update(
                        index_elements=[PageRow.url],
                        set_={
                            c: statement.excluded[c]
                            for c in (
                                "kind",
                                "status",
                                "content_type",
                                "encoding",
                                "html",
                                "fetched_at",
                                "etag",
                                "last_modified",
                            )
                        },
                    )
                )
            if failures:
                connection.execute(insert(FailureRow), failures)
        new = sum(1 for row in articles if row["url"] not in known)
        self.stats.inc_value("articles/new", new)
        self.stats.inc_value("articles/updated", len(articles) - new)
        self.stats.inc_value("failures/stored", len(failures))
        logger.debug(
            "stored %d articles, %d pages, %d failures", len(articles), len(pages), len(failures)
        )
        self.articles, self.pages, self.failures = {}, {}, []
