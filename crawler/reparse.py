"""Re-run parsing and every pipeline over the raw pages stored in `pages`, without crawling.

Improved extraction (a fixed selector, a new boilerplate rule, better indicator rules) reaches
old articles this way, and pages that could not be parsed when crawled get another chance.
The spider yields items from its start; the project's pipelines store them as a crawl would.
"""

from __future__ import annotations

import scrapy
from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler.articles import build_article_item
from crawler.dates import parse_iso_date
from crawler.db import (
    ArticleRow,
    PageRow,
    PortalRow,
    create_schema,
    make_engine,
    page_decoder,
)
from crawler.items import PageFailureItem
from crawler.parsing.families import FAMILIES
from crawler.text.normalize import decode_html

REPARSED_KINDS = ("article", "failed_article")


class ReparseSpider(scrapy.Spider):
    """Arguments: ``portal`` (one portal id), ``url`` (one page) — default every stored page."""

    name = "reparse"
    custom_settings = {"ROBOTSTXT_OBEY": False}

    def __init__(self, *args, portal=None, url=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.portal_id = portal
        self.page_url = url
        self.portals = []

    async def start(self):
        engine = make_engine(self.settings.get("DATABASE_URL"))
        create_schema(engine)
        query = (
            select(
                PageRow,
                PortalRow.family,
                ArticleRow.listing_url,
                ArticleRow.listing_published_at,
                ArticleRow.category,
            )
            .join(PortalRow, PortalRow.id == PageRow.portal)
            .outerjoin(ArticleRow, ArticleRow.url == PageRow.url)
            .where(PageRow.kind.in_(REPARSED_KINDS))
            .order_by(PageRow.url)
        )
        if self.portal_id:
            query = query.where(PageRow.portal == self.portal_id)
        if self.page_url:
            query = query.where(PageRow.url == self.page_url)
        self.decoder = page_decoder(engine)
        with Session(engine) as session:
            rows = session.execute(query.execution_options(yield_per=200))
            for page, family, listing_url, listing_published_at, category in rows:
                item = self.reparse(page, family, listing_url, listing_published_at, category)
                if item is not None:
                    yield item
        engine.dispose()

    def reparse(self, page, family, listing_url, listing_published_at, category):
        stats = self.crawler.stats
        markup = FAMILIES.get(family)
        if markup is None:
            stats.inc_value(f"reparse/skipped_family/{family}")
            self.logger.warning("page %s: no parser for family %r, skipped", page.url, family)
            return None
        stats.inc_value("reparse/pages")
        html = self.decoder.decode(page.html, page.compression)  # as served
        raw = {
            "html": html,
            "encoding": page.encoding,
            "status": page.status,
            "content_type": page.content_type,
        }
        text = decode_html(html, page.encoding).text
        parsed = markup.parse_article(text, page.url)
        if not parsed.title or not parsed.paragraphs:
            stats.inc_value("reparse/unparsable")
            reason = "; ".join(parsed.problems) or "nothing to parse"
            self.logger.error(
                "page %s (portal %s): still unparsable: %s", page.url, page.portal, reason
            )
            return PageFailureItem(
                url=page.url,
                portal=page.portal,
                stage="article",
                reason=f"unparsable: {reason}",
                **raw,
            )
        if page.kind != "article":
            stats.inc_value("reparse/recovered")
        return build_article_item(
            parsed,
            portal=page.portal,
            family=family,
            category=category,
            listing_url=listing_url,
            listing_published=parse_iso_date(listing_published_at),
            raw=raw,
            page_text=text,
        )
