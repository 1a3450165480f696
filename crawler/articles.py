"""Turn a parsed article page into the item the pipelines store (crawl and re-parse alike)."""

from __future__ import annotations

from crawler.dates import ParsedDate, refine_with
from crawler.items import ArticleItem
from crawler.parsing.base import ParsedArticle
from crawler.text.markup import strip_markup


def build_article_item(
    parsed: ParsedArticle,
    *,
    portal: str,
    family: str,
    category: str | None,
    listing_url: str | None,
    listing_published: ParsedDate | None,
    raw: dict,
) -> ArticleItem:
    """The item for a usable parsed page; the listing's date fills in or refines the page's.
    Text fields are plain text: markup that slipped into a field is removed here."""
    published = refine_with(parsed.published, listing_published)
    return ArticleItem(
        url=parsed.url,
        portal=portal,
        family=family,
        title=strip_markup(parsed.title),
        published_at=published.isoformat() if published else None,
        author=strip_markup(parsed.author),
        view_count=parsed.view_count,
        category=strip_markup(parsed.category or category or None),
        body=strip_markup(parsed.body),
        listing_url=listing_url,
        listing_published_at=listing_published.isoformat() if listing_published else None,
        **raw,
    )
