"""Scrapy's feed exports (`-O file.csv`, FEEDS) holding articles only.

Crawls also yield failed pages and portal figures (the TTHC widget) as items for the
database; in a feed of articles they were rows with empty columns. A feed that names its own
``item_classes`` or ``item_filter`` keeps them. A feed left empty says why when the crawl
ends, so an incremental crawl's empty file is not mistaken for a broken crawl.
"""

from __future__ import annotations

import logging

from scrapy.extensions.feedexport import FeedExporter, ItemFilter

from crawler.items import ArticleItem

logger = logging.getLogger(__name__)


class ArticleFeeds(FeedExporter):
    """FeedExporter whose feeds default to ``item_classes = [ArticleItem]``."""

    def _load_filter(self, feed_options) -> ItemFilter:
        if not feed_options.get("item_classes") and not feed_options.get("item_filter"):
            feed_options["item_classes"] = [ArticleItem]
        return super()._load_filter(feed_options)

    async def close_spider(self, spider) -> None:
        stats = self.crawler.stats
        for slot in self.slots:
            if slot.itemcount:
                continue
            known = stats.get_value("incremental/articles_skipped", 0)
            reason = (
                f"this incremental crawl found no new article ({known} listed articles were "
                "stored before); -a full=1 writes every listed article, `scrapy export "
                "articles` everything stored"
                if known
                else "the crawl stored no article"
            )
            logger.warning("feed %s holds no articles: %s", slot.uri, reason)
        await super().close_spider(spider)
