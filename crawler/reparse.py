"""Re-run parsing and every pipeline over the raw pages stored in `pages`, without crawling.

Improved extraction (a fixed selector, a new boilerplate rule, better indicator rules) reaches
old articles this way, and pages that could not be parsed when crawled get another chance.
The spider yields items from its start; the project's pipelines store them as a crawl would.
"""

from __future__ import annotations

import scrapy
from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler.articles import FieldFallback, Source, page_item, read_page
from crawler.dates import parse_iso_date
from crawler.db import ArticleRow, PageRow, PortalRow, create_schema, make_engine
from crawler.items import ArticleItem
from crawler.parsing import generic
from crawler.parsing.families import FAMILIES
from crawler.parsing.html import parse_html
from crawler.registry import host_of
from crawler.text.normalize import decode_html

REPARSED_KINDS = ("article", "failed_article")
# Pages a generic portal's template (lines repeated on most pages) is learned from.
TEMPLATE_KINDS = ("listing", *REPARSED_KINDS)


class ReparseSpider(scrapy.Spider):
    """Arguments: ``portal`` (one portal id), ``url`` (one page) — default every stored page.

    Pages of a portal of a known family go through that family's parser (with the generic
    extractor for the fields it misses), as in a crawl; pages of portals crawled by the
    generic spider (family ``generic``) through the generic extractor, with the portal's
    template learned first from every stored page of the portal, listings included.
    """

    name = "reparse"
    custom_settings = {"ROBOTSTXT_OBEY": False}

    def __init__(self, *args, portal=None, url=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.portal_id = portal
        self.page_url = url
        self.portals = []
        self.templates = generic.HostTemplates()
        self.field_fallback = FieldFallback(generic.parse_article)

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
                ArticleRow.title,
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
        with Session(engine) as session:
            self.learn_templates(session)
            rows = session.execute(query.execution_options(yield_per=200))
            for page, family, listing_url, listing_published_at, category, title in rows:
                source = Source(
                    portal=page.portal,
                    family=family,
                    category=category,
                    listing_url=listing_url,
                    listing_published=parse_iso_date(listing_published_at),
                    listing_title=title or "",
                )
                yield self.reparse(page, source)
        engine.dispose()

    def learn_templates(self, session: Session) -> None:
        """Observe every stored page of the generic portals asked for, before parsing any."""
        query = (
            select(PageRow.url, PageRow.kind, PageRow.html, PageRow.encoding)
            .join(PortalRow, PortalRow.id == PageRow.portal)
            .where(PortalRow.family.not_in(list(FAMILIES)), PageRow.kind.in_(TEMPLATE_KINDS))
        )
        if self.portal_id:
            query = query.where(PageRow.portal == self.portal_id)
        if self.page_url:
            query = query.where(PortalRow.host == host_of(self.page_url))
        for url, kind, html, encoding in session.execute(query.execution_options(yield_per=200)):
            root = parse_html(decode_html(html, encoding).text)
            self.templates.observe(host_of(url), root, listing=kind == "listing")

    def reparse(self, page: PageRow, source: Source):
        stats = self.crawler.stats
        stats.inc_value("reparse/pages")
        markup = FAMILIES.get(source.family)
        if markup is None:
            stats.inc_value(f"reparse/generic/{source.family}")
            is_template = self.templates.for_host(host_of(page.url))
            fallback = None

            def parse(root, url):
                return generic.parse_article(root, url, source.listing_title, is_template)
        else:
            parse, fallback = markup.parse_article, self.field_fallback
        article_page = read_page(page.url, page.html, page.encoding, page.status, page.content_type)
        item = page_item(article_page, parse, source, stats, fallback)
        if not isinstance(item, ArticleItem):
            stats.inc_value("reparse/unparsable")
            self.logger.error("page %s (portal %s): still unparsable", page.url, page.portal)
        elif page.kind != "article":
            stats.inc_value("reparse/recovered")
        return item
