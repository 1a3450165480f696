"""What spiders yield. Pipelines read them through ItemAdapter only."""

import scrapy

# The article fields users see, in the order they see them: crawl feeds, CSV exports and the
# storage columns all start with these.
ARTICLE_FIELDS = (
    "url",
    "portal",
    "title",
    "published_at",
    "author",
    "view_count",
    "category",
    "body",
)


class ArticleItem(scrapy.Item):
    """One news article as parsed from its page, plus the raw page for re-parsing."""

    url = scrapy.Field()
    portal = scrapy.Field()
    family = scrapy.Field()
    title = scrapy.Field()
    published_at = scrapy.Field()  # ISO 8601 with +07:00
    author = scrapy.Field()
    view_count = scrapy.Field()
    category = scrapy.Field()
    body = scrapy.Field()  # plain text, paragraphs separated by a blank line
    listing_url = scrapy.Field()
    listing_published_at = scrapy.Field()
    # The page as downloaded: kept in the `pages` table, never exported.
    html = scrapy.Field()  # bytes
    encoding = scrapy.Field()
    status = scrapy.Field()
    content_type = scrapy.Field()
    # Links to attached files (dicts: file_url, label, file_type; ``path`` once downloaded),
    # stored in the `attachments` table.
    attachments = scrapy.Field()
    # (field, reason) of the fields nothing found on the page, recorded in `failures`.
    missing = scrapy.Field()
    # Filled by pipelines.
    content_hash = scrapy.Field()
    duplicate_of = scrapy.Field()
    text_quality = scrapy.Field()
    indicators = scrapy.Field()  # list of crawler.indicators.Indicator
    # crawler.text.spam.SpamFinding list: found on the whole page by crawler.articles, then
    # in the body text by SpamPipeline.
    spam = scrapy.Field()


class PageFailureItem(scrapy.Item):
    """A page that could not be fetched or parsed: kept so that nothing is lost silently."""

    url = scrapy.Field()
    portal = scrapy.Field()
    stage = scrapy.Field()  # "listing" or "article"
    reason = scrapy.Field()
    field = scrapy.Field()  # the missing field(s) of an unparsable article ("title, body")
    status = scrapy.Field()
    html = scrapy.Field()  # bytes of the page when there was one
    encoding = scrapy.Field()
    content_type = scrapy.Field()


class PortalIndicatorItem(scrapy.Item):
    """A figure a portal publishes about itself (e.g. its TTHC dossier widget), dated."""

    portal = scrapy.Field()
    name = scrapy.Field()
    value = scrapy.Field()
    unit = scrapy.Field()
    as_of = scrapy.Field()  # ISO 8601: the widget's own "Cập nhật lúc" time
    source_url = scrapy.Field()
