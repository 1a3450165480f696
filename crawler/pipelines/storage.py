"""Write articles, raw pages and failures to the database in batched transactions."""

from __future__ import annotations

import logging
import random
import time

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import CloseSpider, DropItem
from sqlalchemy import func
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from crawler.db import (
    ArticleRow,
    AttachmentRow,
    FailureRow,
    IndicatorRow,
    PageRow,
    PortalFlagRow,
    PortalIndicatorRow,
    create_schema,
    existing_urls,
    insert_for,
    insert_many,
    is_contention,
    make_engine,
    new_snapshots,
    now_iso,
    page_compressor,
    upsert_portals,
    write_transaction,
)
from crawler.extensions.outcome import stop_on_storage_error
from crawler.items import ARTICLE_FIELDS, ArticleItem, PageFailureItem, PortalIndicatorItem
from crawler.signals import listing_page_fetched

logger = logging.getLogger(__name__)

ARTICLE_COLUMNS = (
    *ARTICLE_FIELDS,
    "content_hash",
    "duplicate_of",
    "text_quality",
    "listing_url",
    "listing_published_at",
)


# A batch that loses a race with another writer (SQLite busy after its timeout, a PostgreSQL
# deadlock or serialization failure) is written again, at most this many times in all.
WRITE_ATTEMPTS = 5
# pg_advisory_xact_lock key that orders the batches of every crawl process (any constant).
STORAGE_LOCK_KEY = 0x76_6E_73_74_6F_72_65  # "vnstore"


# What a newer fetch of a page replaces (the URL stays).
PAGE_UPDATE_COLUMNS = (
    "kind",
    "status",
    "content_type",
    "encoding",
    "html",
    "fetched_at",
    "etag",
    "last_modified",
    "compression",
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
        self.page_codec = settings.get("PAGE_COMPRESSION", "zstd")
        self.dictionary_pages = settings.getint("PAGE_DICTIONARY_PAGES", 24)
        self.engine = None
        self.articles: dict[str, dict] = {}
        self.pages: dict[str, dict] = {}
        self.failures: list[dict] = []
        self.indicators: dict[str, list[dict]] = {}
        self.attachments: dict[str, list[dict]] = {}
        self.portal_indicators: list[dict] = []
        self.flags: dict[tuple[str, str, str], dict] = {}
        self.last_flush = time.monotonic()
        self.storage_failed: str | None = None  # disk_full or database_error, once it is

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.listing_page_fetched, signal=listing_page_fetched)
        return pipeline

    def open_spider(self):
        self.engine = make_engine(self.database_url)
        try:
            create_schema(self.engine)
            self.article_upsert, self.page_upsert = self._upserts()
            self.compressor = page_compressor(self.engine, self.page_codec, self.dictionary_pages)
            upsert_portals(self.engine, list(getattr(self.crawler.spider, "portals", [])))
        except (SQLAlchemyError, OSError) as error:  # a full disk from the start
            self.storage_failed = stop_on_storage_error(self.crawler, error, {}, close=False)
            raise CloseSpider(self.storage_failed) from None

    def close_spider(self):
        self.flush()
        if self.engine is not None:
            self.engine.dispose()

    def process_item(self, item):
        if self.storage_failed:  # the crawl is closing: count, do not log per item
            self.stats.inc_value("storage/items_not_stored")
            raise DropItem(f"not stored: {self.storage_failed}", log_level="DEBUG")
        adapter = ItemAdapter(item)
        if isinstance(item, ArticleItem):
            self._add_article(adapter)
        elif isinstance(item, PageFailureItem):
            self._add_failure(adapter)
        elif isinstance(item, PortalIndicatorItem):
            self.portal_indicators.append(
                {field: adapter.get(field) for field in adapter.field_names()}
                | {"crawled_at": now_iso()}
            )
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
            self.indicators.pop(adapter["url"], None)
            self.attachments.pop(adapter["url"], None)
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
        self.indicators[row["url"]] = [
            {
                **indicator.to_dict(),
                "article_url": row["url"],
                "portal": row["portal"],
                "published_at": row["published_at"],
                "extracted_at": stamp,
            }
            for indicator in adapter.get("indicators") or []
        ]
        for finding in adapter.get("spam") or []:
            evidence = finding.evidence
            key = (row["portal"], finding.kind, evidence)
            self.flags[key] = {
                "portal": row["portal"],
                "kind": finding.kind,
                "evidence": evidence,
                "example_url": row["url"],
                "first_seen": stamp,
                "last_seen": stamp,
                "pages": self.flags.get(key, {}).get("pages", 0) + 1,
            }
        self.attachments[row["url"]] = [
            {**attachment, "article_url": row["url"], "portal": row["portal"], "first_seen": stamp}
            for attachment in adapter.get("attachments") or []
        ]
        for field, reason in adapter.get("missing") or []:
            self.failures.append(
                self._failure_row(row["url"], row["portal"], "article", reason, field=field)
            )
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
                adapter.get("field"),
            )
        )
        if adapter.get("html"):
            kind = f"failed_{adapter.get('stage') or 'article'}"
            self.pages[adapter["url"]] = self._page_row(adapter, kind, now_iso())

    def _failure_row(self, url, portal, stage, reason, status=None, field=None) -> dict:
        spider = getattr(self.crawler, "spider", None)
        return {
            "url": url,
            "portal": portal,
            "spider": getattr(spider, "name", None),
            "stage": stage,
            "reason": reason,
            "status": status,
            "at": now_iso(),
            "field": field,
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
            "compression": None,  # set when the batch is written
        }

    # ------------------------------------------------------------------ writing

    def _upserts(self):
        """The article and page upserts, built once and run per batch with executemany:
        building a multi-row statement per batch cost as much as writing it (bench/)."""
        insert = insert_for(self.engine)
        article = insert(ArticleRow)
        updates = {c: article.excluded[c] for c in ARTICLE_COLUMNS if c != "url"}
        updates["view_count"] = func.coalesce(article.excluded.view_count, ArticleRow.view_count)
        updates["last_seen"] = article.excluded.last_seen
        page = insert(PageRow)
        return (
            article.on_conflict_do_update(index_elements=[ArticleRow.url], set_=updates),
            page.on_conflict_do_update(
                index_elements=[PageRow.url],
                set_={c: page.excluded[c] for c in PAGE_UPDATE_COLUMNS},
            ),
        )

    def flush(self) -> None:
        """Write the buffered rows; a database that refuses them stops the crawl (see
        `stop_on_storage_error`): logging a failure per item while the disk stays full
        would report items as scraped that were never stored."""
        if self.storage_failed:
            self._clear_buffers()
            return
        try:
            self._write_batch()
        except (SQLAlchemyError, OSError) as error:
            self.storage_failed = stop_on_storage_error(self.crawler, error, self._buffered())
            self._clear_buffers()

    def _buffered(self) -> dict[str, int]:
        """Items in the buffer by kind: what a failed write loses."""
        return {
            "ArticleItem": len(self.articles),
            "PageFailureItem": len(self.failures),
            "PortalIndicatorItem": len(self.portal_indicators),
        }

    def _clear_buffers(self) -> None:
        self.articles, self.pages, self.failures = {}, {}, []
        self.indicators, self.portal_indicators, self.flags = {}, [], {}
        self.attachments = {}

    def _write_batch(self) -> None:
        self.last_flush = time.monotonic()
        if not (
            self.articles or self.pages or self.failures or self.portal_indicators or self.flags
        ):
            return
        articles = sorted(self.articles.values(), key=lambda row: row["url"])
        pages = sorted(self.pages.values(), key=lambda row: row["url"])
        failures = self.failures
        self._compress(pages)
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                known = self._write(articles, pages, failures)
                break
            except DBAPIError as error:
                if not is_contention(error) or attempt == WRITE_ATTEMPTS:
                    raise
                self.stats.inc_value("storage/write_retries")
                logger.warning(
                    "storage: batch of %d articles lost a race with another writer (%s); "
                    "writing it again (attempt %d of %d)",
                    len(articles), str(error.orig).splitlines()[0], attempt + 1, WRITE_ATTEMPTS,
                )  # fmt: skip
                time.sleep(random.uniform(0.05, 0.2) * attempt)
        new = sum(1 for row in articles if row["url"] not in known)
        self.stats.inc_value("articles/new", new)
        self.stats.inc_value("articles/updated", len(articles) - new)
        for row in articles:
            outcome = "updated" if row["url"] in known else "new"
            self.stats.inc_value(f"articles/{outcome}/{row['portal']}")
        self.stats.inc_value("failures/stored", len(failures))
        logger.debug(
            "stored %d articles, %d pages, %d failures", len(articles), len(pages), len(failures)
        )
        self._clear_buffers()

    def _write_attachments(self, connection, insert) -> None:
        """Replace each stored article's attachment links, keeping the first_seen and saved
        path of links stored before."""
        if not self.attachments:
            return
        rows = [row for found in self.attachments.values() for row in found]
        urls = list(self.attachments)
        known = {
            (row.article_url, row.file_url): (row.first_seen, row.path)
            for row in connection.execute(
                AttachmentRow.__table__.select().where(AttachmentRow.article_url.in_(urls))
            )
        }
        connection.execute(
            AttachmentRow.__table__.delete().where(AttachmentRow.article_url.in_(urls))
        )
        for row in rows:
            first_seen, path = known.get((row["article_url"], row["file_url"]), (None, None))
            row["first_seen"] = first_seen or row["first_seen"]
            row["path"] = row.get("path") or path
        if rows:
            connection.execute(insert(AttachmentRow), rows)
        self.stats.inc_value("attachments/stored", len(rows))

    def _write(self, articles: list[dict], pages: list[dict], failures: list[dict]) -> set[str]:
        """One batch in one transaction; the URLs of its articles that were stored before.

        Batches of all crawl processes sharing the database are written one at a time
        (write_transaction): no deadlock between upserts of the same rows, and "new" or
        "updated" is decided against what is really stored."""
        insert = insert_for(self.engine)
        with write_transaction(self.engine, STORAGE_LOCK_KEY) as connection:
            known = existing_urls(connection, [row["url"] for row in articles])
            if articles:
                connection.execute(self.article_upsert, articles)
            if pages:
                connection.execute(self.page_upsert, pages)
            if failures:
                connection.execute(insert(FailureRow), failures)
            self._write_indicators(connection, insert)
            self._write_attachments(connection, insert)
        return known

    def _compress(self, pages: list[dict]) -> None:
        """Article and listing pages are stored compressed (crawler.compression); failed pages
        stay as served, so whoever looks into why they failed reads them as they are."""
        for row in pages:
            if row["compression"] is None and not row["kind"].startswith("failed"):
                size = len(row["html"])
                row["html"], row["compression"] = self.compressor.compress(
                    row["portal"], row["html"]
                )
                self.stats.inc_value("pages/bytes_served", size)
                self.stats.inc_value("pages/bytes_stored", len(row["html"]))

    def _write_indicators(self, connection, insert) -> None:
        """Replace each stored article's indicators; add portal figures and spam flags."""
        if self.indicators:
            connection.execute(
                IndicatorRow.__table__.delete().where(
                    IndicatorRow.article_url.in_(list(self.indicators))
                )
            )
            rows = [row for found in self.indicators.values() for row in found]
            insert_many(connection, IndicatorRow.__table__, rows)
            self.stats.inc_value("indicators/stored", len(rows))
        snapshots = new_snapshots(connection, self.portal_indicators)
        if snapshots:  # another crawl may store the same snapshot meanwhile: its row stays
            connection.execute(
                insert(PortalIndicatorRow).on_conflict_do_nothing(
                    index_elements=["portal", "name", "as_of"]
                ),
                snapshots,
            )
        if self.flags:
            statement = insert(PortalFlagRow).values(list(self.flags.values()))
            connection.execute(
                statement.on_conflict_do_update(
                    index_elements=["portal", "kind", "evidence"],
                    set_={
                        "last_seen": statement.excluded.last_seen,
                        "example_url": statement.excluded.example_url,
                        "pages": PortalFlagRow.pages + statement.excluded.pages,
                    },
                )
            )
