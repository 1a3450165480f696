"""Deduplication: one row per page, one original per text.

- URLs are canonical (scheme and host case, default ports, fragments, tracking and session
  parameters): the spiders fix an article's URL when its link is read
  (crawler.parsing.base.article_link), so the same article reached by two routes is one row.
- An exact duplicate (same normalised body) on the same portal is not stored twice: it is
  dropped, counted and recorded in ``failures`` with the URL of the copy it repeats.
- The same text on another portal (province, district and commune sites re-publish each
  other) is stored with ``duplicate_of`` = the first copy's URL; so is a near-duplicate
  (small edits), found with MinHash LSH (crawler.text.dedup, threshold measured in
  docs/dedup.md). Copies get no indicators of their own, so figures are not counted twice.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from datetime import datetime, timedelta

import numpy as np
from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem
from sqlalchemy import or_, select

from crawler.dates import VN_TZ
from crawler.db import ArticleRow, create_schema, make_engine
from crawler.items import ArticleItem
from crawler.text.dedup import NearDuplicateIndex, content_hash

logger = logging.getLogger(__name__)

ORIGINAL = or_(ArticleRow.duplicate_of.is_(None), ArticleRow.duplicate_of == "")


class StoredHashes:
    """The content hashes of stored originals, held as 64-bit prefixes (8 bytes each), so a
    body stored nowhere needs no database look-up. A prefix match only means "look it up".
    Rows that other crawls add to the same database are read in at most every
    ``refresh_seconds``."""

    def __init__(self, engine, refresh_seconds: float = 2.0):
        self.engine = engine
        self.refresh_seconds = refresh_seconds
        self.last_id = 0
        # Sorted prefixes read at open, and those stored or read in since.
        self.loaded = np.unique(np.array(self._read_new(), dtype=np.uint64))
        self.added: set[int] = set()
        self.refreshed_at = time.monotonic()

    @staticmethod
    def prefix(digest: str) -> int:
        return int(digest[:16], 16)

    def add(self, digest: str) -> None:
        self.added.add(self.prefix(digest))

    def might_contain(self, digest: str) -> bool:
        if time.monotonic() - self.refreshed_at > self.refresh_seconds:
            self.added.update(self._read_new())
            self.refreshed_at = time.monotonic()
        prefix = self.prefix(digest)
        if prefix in self.added:
            return True
        position = int(np.searchsorted(self.loaded, np.uint64(prefix)))
        return position < len(self.loaded) and int(self.loaded[position]) == prefix

    def _read_new(self) -> list[int]:
        query = (
            select(ArticleRow.id, ArticleRow.content_hash)
            .where(ArticleRow.id > self.last_id, ArticleRow.content_hash.is_not(None), ORIGINAL)
            .order_by(ArticleRow.id)
        )
        prefixes = []
        with self.engine.connect() as connection:
            for row_id, digest in connection.execute(query):
                self.last_id = row_id
                prefixes.append(self.prefix(digest))
        return prefixes


class DeduplicationPipeline:
    """Settings: DEDUP_LOOKBACK_DAYS (stored originals loaded into the near-duplicate index,
    by first_seen), DEDUP_INDEX_MAX (originals kept in memory; the oldest leave first)."""

    def __init__(self, crawler):
        settings = crawler.settings
        self.stats = crawler.stats
        self.database_url = settings.get("DATABASE_URL")
        self.lookback_days = settings.getint("DEDUP_LOOKBACK_DAYS", 180)
        self.index_max = settings.getint("DEDUP_INDEX_MAX", 2000)
        self.index = NearDuplicateIndex()
        # Originals in the index, oldest first: url -> (portal, order of arrival).
        self.originals: OrderedDict[str, tuple[str, int]] = OrderedDict()
        self.arrivals = 0
        self.engine = None
        self.stored_hashes: StoredHashes | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self):
        self.engine = make_engine(self.database_url)
        create_schema(self.engine)
        since = (datetime.now(VN_TZ) - timedelta(days=self.lookback_days)).isoformat()
        query = (
            select(ArticleRow.url, ArticleRow.portal, ArticleRow.body)
            .where(ArticleRow.duplicate_of.is_(None), ArticleRow.first_seen >= since)
            .order_by(ArticleRow.first_seen.desc())
            .limit(self.index_max)
        )
        with self.engine.connect() as connection:
            for url, portal, body in reversed(connection.execute(query).all()):
                self._remember(url, portal, body)
        self.stored_hashes = StoredHashes(self.engine)

    def close_spider(self):
        self.engine.dispose()

    def process_item(self, item):
        if not isinstance(item, ArticleItem):
            return item
        article = ItemAdapter(item)
        # The URL is the article's canonical URL already, fixed when its link was read.
        url = article["url"]
        body = article.get("body") or ""
        digest = article["content_hash"] = content_hash(body)
        original = self._exact_original(digest, url)
        if original is not None:
            original_url, original_portal = original
            if original_portal == article.get("portal"):
                self.stats.inc_value("dedup/exact_same_portal")
                raise DropItem(f"article {url}: exact duplicate of {original_url}")
            self.stats.inc_value("dedup/republished")
            article["duplicate_of"] = original_url
            return item
        near = self.index.query(body, exclude=url)
        if near:
            self.stats.inc_value("dedup/near_duplicate")
            article["duplicate_of"] = near[0]
            logger.info("article %s: near-duplicate of %s", url, near[0])
            return item
        article["duplicate_of"] = None
        self._remember(url, article.get("portal"), body)
        self.stored_hashes.add(digest)
        return item

    def _exact_original(self, digest: str, url: str) -> tuple[str, str] | None:
        """The first stored or seen article with this body, other than ``url`` itself."""
        known = self.index.keys_with_hash(digest) - {url}
        if known:
            first = min(known, key=lambda key: self.originals[key][1])
            return first, self.originals[first][0]
        if not self.stored_hashes.might_contain(digest):
            return None
        query = (
            select(ArticleRow.url, ArticleRow.portal)
            .where(ArticleRow.content_hash == digest, ArticleRow.url != url, ORIGINAL)
            .order_by(ArticleRow.first_seen, ArticleRow.id)
            .limit(1)
        )
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        return (row.url, row.portal) if row else None

    def _remember(self, url: str, portal: str, body: str) -> None:
        self.index.add(url, body)
        self.arrivals += 1
        self.originals[url] = (portal, self.arrivals)
        self.originals.move_to_end(url)
        while len(self.originals) > self.index_max:
            oldest, _ = self.originals.popitem(last=False)
            self.index.remove(oldest)
