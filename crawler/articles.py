"""Turn a parsed article page into the item the pipelines store (crawl and re-parse alike)."""

from __future__ import annotations

from crawler.dates import ParsedDate, refine_with
from crawler.items import ArticleItem
from crawler.parsing.base import ParsedArticle


def build_article_item(
    parsed: ParsedArticle,
    *,
    portal: str,
    family: str,
    category: str | None,
    listing_url: str | None,
    listing_published: ParsedDate | None,
    raw: dict,
    page_text: str | None = None,
) -> ArticleItem:
    """The item for a usable parsed page; the listing's date fills in or refines the page's.
    Markup that slipped into a text field is removed by NormalizationPipeline, for every item."""
    published = refine_with(parsed.published, listing_published)
    return ArticleItem(
        url=parsed.url,
        portal=portal,
        family=family,
        title=parsed.title,
        published_at=published.isoformat() if published else None,
        author=parsed.author,
        view_count=parsed.view_count,
        category=parsed.category or category or None,
        body=parsed.body,
        listing_url=listing_url,
        listing_published_at=listing_published.isoformat() if listing_published else None,
        page_text=page_text,
        **raw,
    )
