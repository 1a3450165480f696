"""The baseline crawl: a bare Scrapy spider that follows the links a family spider follows.

On a listing page it takes the article links (the family's listing-link selectors) and every
pager link; article pages are downloaded and not parsed; there are no item pipelines and
none of the project's settings, only the politeness and concurrency the benchmark gives both
crawls. Run in its own process by bench.throughput:

    python -m bench.bare_crawl FAMILY LISTING_URL [LISTING_URL ...] -s NAME=VALUE ...
"""

from __future__ import annotations

import argparse
import json

import scrapy
from scrapy.crawler import CrawlerProcess

from crawler.parsing.families import FAMILIES


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, family: str, listings: list[str], **kwargs):
        super().__init__(**kwargs)
        self.markup = FAMILIES[family]
        self.listings = listings

    async def start(self):
        for url in self.listings:
            yield scrapy.Request(url, callback=self.parse_listing)

    def parse_listing(self, response):
        for selector in self.markup.listing_links:
            hrefs = response.css(f"{selector}::attr(href)").getall()
            if hrefs:
                for href in hrefs:
                    yield response.follow(href, callback=self.parse_article)
                break
        for selector in self.markup.pager:
            for href in response.css(f"{selector} a::attr(href)").getall():
                yield response.follow(href, callback=self.parse_listing)

    def parse_article(self, response):
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("family", choices=sorted(FAMILIES))
    parser.add_argument("listings", nargs="+")
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args(argv)
    settings = {}
    for pair in args.settings:
        name, _, value = pair.partition("=")
        try:
            settings[name] = json.loads(value)
        except json.JSONDecodeError:
            settings[name] = value
    process = CrawlerProcess(settings)
    process.crawl(BareSpider, family=args.family, listings=args.listings)
    process.start()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
