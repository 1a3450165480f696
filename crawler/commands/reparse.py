"""scrapy reparse [--portal ID] [--url URL]: re-run parsing and pipelines over stored pages."""

import sys

from scrapy.commands import ScrapyCommand
from sqlalchemy.exc import SQLAlchemyError

from crawler.db import DatabaseConfigError, DiskFullError, create_schema, make_engine, masked_url
from crawler.extensions.outcome import (
    DISK_FULL,
    EXIT_DATABASE_ERROR,
    EXIT_DISK_FULL,
    EXIT_MISTAKE,
    STORAGE_ERROR_STAT,
    STORAGE_FAILED_STAT,
    one_line,
    storage_exit_code,
)
from crawler.health import known_portals
from crawler.registry import RegistryError, load_registry
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
        database_url = self.settings.get("DATABASE_URL")
        try:
            self.check_portal(opts.portal)
        except DiskFullError as error:
            print(f"error: {error}", file=sys.stderr)
            self.exitcode = EXIT_DISK_FULL
            return
        except SQLAlchemyError as error:
            self.exitcode = storage_exit_code(error, database_url)
            why = "the disk is full" if self.exitcode == EXIT_DISK_FULL else "database error"
            print(f"error: {why}: {masked_url(database_url)}: {one_line(error)}", file=sys.stderr)
            return
        except (RegistryError, DatabaseConfigError) as error:
            print(f"error: {error}", file=sys.stderr)
            self.exitcode = EXIT_MISTAKE
            return
        crawler = self.crawler_process.create_crawler(ReparseSpider)
        self.crawler_process.crawl(crawler, portal=opts.portal, url=opts.url)
        self.crawler_process.start()
        failed = crawler.stats.get_value(STORAGE_FAILED_STAT)
        if failed:  # the storage pipeline logged it; one line for the operator too
            why = crawler.stats.get_value(STORAGE_ERROR_STAT)
            print(f"error: storage failed ({failed}): {why}", file=sys.stderr)
            self.exitcode = EXIT_DISK_FULL if failed == DISK_FULL else EXIT_DATABASE_ERROR

    def check_portal(self, portal: str | None) -> None:
        """An unknown --portal is a mistake to report, not an empty run that looks fine."""
        engine = make_engine(self.settings.get("DATABASE_URL"))
        try:
            create_schema(engine)
            if portal is None:
                return
            registry = load_registry(self.settings.get("PORTAL_REGISTRY") or None)
            known = known_portals(engine, [p.id for p in registry.portals])
        finally:
            engine.dispose()
        if portal not in known:
            raise RegistryError(f"unknown portal {portal!r}; known portals: {', '.join(known)}")
