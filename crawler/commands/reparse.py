"""scrapy reparse [--portal ID] [--url URL]: re-run parsing and pipelines over stored pages."""

import sys

from scrapy.commands import ScrapyCommand
from sqlalchemy.exc import SQLAlchemyError

from crawler.db import DatabaseConfigError, create_schema, make_engine
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
        try:
            self.check_portal(opts.portal)
        except (RegistryError, DatabaseConfigError, SQLAlchemyError) as error:
            print(f"error: {error}", file=sys.stderr)
            self.exitcode = 2
            return
        self.crawler_process.crawl(ReparseSpider, portal=opts.portal, url=opts.url)
        self.crawler_process.start()

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
