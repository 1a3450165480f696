from crawler.spiders.tandan import TanDanSpider


class TanDanSharePointSpider(TanDanSpider):
    """The Tân Dân platform spider under its first name: ``scrapy crawl hungyen`` still works
    and crawls the same portals as ``scrapy crawl tandan``."""

    name = "hungyen"
