"""``scrapy crawl`` that answers user mistakes with one line instead of a traceback.

Spider arguments, the portal registry and DATABASE_URL are checked before the crawl starts;
a problem prints ``error: …`` on stderr and exits with status 2 (4 when the database's
disk is full). A crawl that ran but failed
exits with the codes of crawler/extensions/outcome.py (1 nothing stored, 3 database error,
4 disk full).
"""

import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand

from crawler.db import DatabaseConfigError, DiskFullError, check_database
from crawler.extensions.outcome import EXIT_DISK_FULL, EXIT_MISTAKE, crawl_outcome
from crawler.parsing.families import FAMILIES
from crawler.registry import RegistryError, host_of, load_registry
from crawler.spiders.base import FamilySpider, SpiderArgumentError


class Command(ScrapyCrawlCommand):
    crawler = None

    def check_family_of_url(self, spider: str, url: str | None) -> None:
        """A family spider given a URL of a portal the registry files under another family
        would read it with the wrong selectors and call every page unparsable."""
        if not url or spider not in FAMILIES:  # the generic spider reads any platform
            return
        portal = load_registry(self.settings.get("PORTAL_REGISTRY") or None).by_host(
            host_of(url)
        )
        if portal is not None and portal.family != spider:
            raise SpiderArgumentError(
                f"{portal.host} is portal {portal.id!r} of family {portal.family!r} in the "
                f"registry; crawl it with: scrapy crawl {portal.family} -a url={url}"
            )

    def run(self, args, opts):
        try:
            self.check(args, opts)
        except DiskFullError as error:
            print(f"error: {error}", file=sys.stderr)
            self.exitcode = EXIT_DISK_FULL
            return
        except (SpiderArgumentError, RegistryError, DatabaseConfigError) as error:
            print(f"error: {error}", file=sys.stderr)
            self.exitcode = EXIT_MISTAKE
            return
        super().run(args, opts)
        if self.exitcode == 0 and self.crawler is not None and self.crawler.spider is not None:
            code, why = crawl_outcome(self.crawler.spider, self.crawler.stats.get_stats())
            if code:
                print(f"error: {why}", file=sys.stderr)
                self.exitcode = code

    def _create_crawler(self, spidercls):
        """Scrapy's crawler for the spider, kept to read its stats when the crawl ends."""
        self.crawler = super()._create_crawler(spidercls)
        return self.crawler

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
            self.check_family_of_url(args[0], opts.spargs.get("url"))
        check_database(self.settings.get("DATABASE_URL"))
