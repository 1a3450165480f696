"""Refuse articles that lack what makes them usable, with a reason that names the field."""

import logging

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from crawler.items import ArticleItem

logger = logging.getLogger(__name__)


class ValidationPipeline:
    """Drops an article without URL, portal, title or body; counts articles without a date.

    A dropped item reaches the `failures` table through the storage pipeline, which listens
    to the item_dropped signal, and the crawl stats under ``dropped/<field>``.
    """

    required = ("url", "portal", "title", "body")

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        if not isinstance(item, ArticleItem):
            return item
        adapter = ItemAdapter(item)
        for field in self.required:
            value = adapter.get(field)
            if value is None or (isinstance(value, str) and not value.strip()):
                self.stats.inc_value(f"dropped/missing_{field}")
                raise DropItem(f"article {adapter.get('url')}: field {field!r} is empty")
        if not adapter.get("published_at"):
            self.stats.inc_value("articles/without_date")
            logger.warning("article %s: no publication date found", adapter["url"])
        return item
