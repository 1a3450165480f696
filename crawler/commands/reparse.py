"""scrapy reparse [--portal ID] [--url URL]: re-run parsing and pipelines over stored pages."""

from scrapy.commands import ScrapyCommand

from crawler.reparse import ReparseSpider


class Command(ScrapyCommand):
    requires_project = True

    def syntax(self):
        return "[--portal ID] [--url URL]"

    def short_desc(self):
        return "Re-parse stored raw pages through every pipeline, without crawling again"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--portal", help="only the pages of this portal id")
        parser.add_argument("--url", help="only this page")

    def run(self, args, opts):
        self.crawler_process.crawl(ReparseSpider, portal=opts.portal, url=opts.url)
        self.crawler_process.start()
