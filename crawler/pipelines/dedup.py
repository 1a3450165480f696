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
- Several crawl processes (scrapyd jobs, machines) may write one database: what one holds in
  memory the others cannot see, so a text found original here is claimed in the database
  (``dedup_claims``, ``dedup_bands``) one process at a time; a text another process claimed
  first, exactly or as a near-duplicate, is a copy of that one.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from contextlib import closing
from datetime import datetime, timedelta

import numpy as np
from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem
from sqlalchemy import bindparam, or_, select
from sqlalchemy.exc import DBAPIError

from crawler.dates import VN_TZ
from crawler.db import (
    DEDUP_LOCK_KEY,
    ArticleRow,
    DedupBandRow,
    DedupClaimRow,
    DriverStatement,
    create_schema,
    insert_for,
    is_contention,
    make_engine,
    now_iso,
    write_transaction,
)
from crawler.items import ArticleItem
from crawler.text.dedup import NearDuplicateIndex, content_hash

logger = logging.getLogger(__name__)

# A claim that loses a race for the database (SQLite busy past its timeout, a PostgreSQL
# deadlock) is tried again, at most this many times in all.
CLAIM_ATTEMPTS = 3
CLAIM_COLUMNS = ("url", "portal", "content_hash", "signature", "claimed_at")
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
        self.connection = None  # the claims' connection, held from open to close
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
        self.claim_statements = self._claim_statements()
        self.connection = self.engine.connect()

    def close_spider(self):
        if self.connection is not None:
            self.connection.close()
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
        claimed = self._claim_or_keep(url, article.get("portal"), digest, body)
        if claimed is not None:
            original_url, original_portal, exact = claimed
            if exact and original_portal == article.get("portal"):
                self.stats.inc_value("dedup/exact_same_portal")
                raise DropItem(f"article {url}: exact duplicate of {original_url}")
            self.stats.inc_value("dedup/republished" if exact else "dedup/near_duplicate")
            self.stats.inc_value("dedup/claimed_elsewhere")
            article["duplicate_of"] = original_url
            logger.info("article %s: copy of %s (claimed by another crawl)", url, original_url)
            return item
        article["duplicate_of"] = None
        self._remember(url, article.get("portal"), body)
        self.stored_hashes.add(digest)
        return item

    def _claim_statements(self) -> dict:
        """The claim's statements, built and compiled once (DriverStatement) and run on a
        driver cursor: a claim runs once per original article, and SQLAlchemy's statement
        path cost more per statement than the look-up itself (bench pipeline)."""
        claims, bands = DedupClaimRow, DedupBandRow
        dialect = self.engine.dialect
        exact = (
            select(claims.url, claims.portal)
            .where(claims.content_hash == bindparam("digest"), claims.url != bindparam("url"))
            .order_by(claims.claimed_at, claims.url)
            .limit(1)
        )
        claim = insert_for(self.engine)(claims).values(
            {name: bindparam(name) for name in CLAIM_COLUMNS}
        )
        claim = claim.on_conflict_do_update(
            index_elements=["url"],
            set_={c: claim.excluded[c] for c in ("content_hash", "signature")},
        ).returning(claims.id)
        band = insert_for(self.engine)(bands).values(
            band=bindparam("band"), claim=bindparam("claim")
        )
        return {
            "exact": DriverStatement(exact, dialect),
            "claim": DriverStatement(claim, dialect),
            "bands": DriverStatement(band.on_conflict_do_nothing(), dialect),
            "near": {},  # by number of bands: the claims sharing one (_near_statement)
        }

    def _near_statement(self, count: int) -> DriverStatement:
        """The claims that share one of ``count`` bands (band0, band1, …), other than url."""
        statements = self.claim_statements["near"]
        if count not in statements:
            claims, bands = DedupClaimRow, DedupBandRow
            wanted = [bindparam(f"band{i}") for i in range(count)]
            near = select(claims.url, claims.portal, claims.signature).where(
                claims.id.in_(select(bands.claim).where(bands.band.in_(wanted))),
                claims.url != bindparam("url"),
                claims.signature.is_not(None),
            )
            statements[count] = DriverStatement(near, self.engine.dialect)
        return statements[count]

    def _claim_or_keep(self, url: str, portal: str, digest: str, body: str):
        """``_claim``, run again when it loses a race for the database; if the database still
        cannot decide, the article is kept as this process judged it (original) with a
        warning: an exception here would lose the item."""
        for attempt in range(1, CLAIM_ATTEMPTS + 1):
            try:
                return self._claim(url, portal, digest, body)
            except DBAPIError as error:
                reason = str(getattr(error, "orig", error)).splitlines()[0]
                if is_contention(error) and attempt < CLAIM_ATTEMPTS:
                    time.sleep(0.1 * attempt)
                    continue
                self.stats.inc_value("dedup/claim_failed")
                logger.warning(
                    "article %s: could not claim its text in the database (%s); kept as an "
                    "original, which another crawl may also have claimed", url, reason,
                )  # fmt: skip
                return None
        return None

    def _claim(self, url: str, portal: str, digest: str, body: str):
        """Claim ``body`` as an original in the database, unless another crawl process claimed
        the same text (exactly, or a near-duplicate) first: then ``(its url, its portal,
        exact)``. Claims are decided one process at a time (write_transaction)."""
        statements = self.claim_statements
        signature = self.index.signature(body)
        bands = sorted(set(self.index.band_keys(signature))) if signature is not None else []
        with (
            write_transaction(self.connection, DEDUP_LOCK_KEY) as connection,
            closing(connection.connection.cursor()) as cursor,
        ):
            found = {"digest": digest, "url": url}
            exact = statements["exact"].run_on_cursor(cursor, found).fetchone()
            if exact is not None:
                return exact[0], exact[1], True
            if bands:
                wanted = {f"band{i}": band for i, band in enumerate(bands)}
                near_query = self._near_statement(len(bands))
                candidates = near_query.run_on_cursor(cursor, {**wanted, "url": url}).fetchall()
                near = self._nearest(candidates, signature)
                if near is not None:
                    return near[0], near[1], False
            row = {
                "url": url,
                "portal": portal or "",
                "content_hash": digest,
                "signature": signature.tobytes() if signature is not None else None,
                "claimed_at": now_iso(),
            }
            claim = statements["claim"].run_on_cursor(cursor, row).fetchone()[0]
            if bands:
                rows = [{"band": band, "claim": claim} for band in bands]
                statements["bands"].run_on_cursor(cursor, rows)
        return None

    def _nearest(self, candidates, signature) -> tuple[str, str] | None:
        """The claimed text most similar to ``signature`` at or above the threshold."""
        scored = []
        for url, portal, stored in candidates:
            other = np.frombuffer(stored, dtype=np.uint32)
            if len(other) == len(signature):
                scored.append((float(np.mean(other == signature)), url, portal))
        scored = [entry for entry in scored if entry[0] >= self.index.threshold]
        if not scored:
            return None
        _, best_url, best_portal = min(scored, key=lambda entry: (-entry[0], entry[1]))
        return best_url, best_portal

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
