"""Project signals: things spiders tell pipelines that are not items (and so never reach feeds)."""

# Sent with ``page=`` a dict of the pages-table columns (url, portal, html, encoding, status,
# content_type, etag, last_modified) for every listing page downloaded with status 200.
listing_page_fetched = object()
