"""The explorer: Datasette over the crawl database, with bilingual metadata, full-text search,
canned queries and datasette-dashboards charts (vega-lite, bundled with the plugin, so it works
with no internet). ``scrapy explore`` and ``make serve`` start it; see crawler.explorer.serve."""
