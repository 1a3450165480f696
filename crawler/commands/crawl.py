"""``scrapy crawl`` that answers user mistakes with one line instead of a traceback.

Spider arguments, the portal registry and DATABASE_URL are checked before the crawl starts;
a problem prints ``error: …`` on stderr and exits with status 2.
"""

import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand

from crawler.db import DatabaseConfigError, check_database
from crawler.registry import RegistryError
from crawler.spiders.base import FamilySpider, SpiderArgumentError


class Command(ScrapyCrawlCommand):
    def run(self, args, opts):
        try:
            self.check(args, opts)
        except (SpiderArgumentError, RegistryError, DatabaseConfigError) as error:
            print(f"error: {error}", file=sys.stderr)
            self.exitcode = 2
            return
        super().run(args, opts)

    def check(self, args, opts) -> None:
        if len(args) != 1:
            return  # the parent command explains the usage
        loader = self.crawler_process.spider_loader
        if args[0] not in loader.list():
            raise SpiderArgumentError(
                f"no spider named {args[0]!r}; spiders: {', '.join(sorted(loader.list()))}"
            )
        spider_class = loader.load(args[0])
        if issubclass(spider_class, FamilySpider):
            spider_class.check_arguments(self.settings, **opts.spargs)
        check_database(self.settings.get("DATABASE_URL"))
