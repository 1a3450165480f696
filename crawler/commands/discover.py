"""scrapy discover URL [--depth N] [--domain D] [--write]: find the portals a portal links to."""

import sys
from pathlib import Path

from scrapy import signals
from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.discovery.registry_entries import (
    append_entries,
    entry_toml,
    new_entries,
    report_line,
)
from crawler.discovery.spider import DiscoverySpider
from crawler.registry import DEFAULT_REGISTRY, RegistryError, load_registry, spider_families


class Command(ScrapyCommand):
    requires_project = True

    def syntax(self):
        return "URL [--depth N] [--domain D ...] [--write]"

    def short_desc(self):
        return "Find the portals a portal links to, detect their platforms, print registry entries"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument(
            "--depth", type=int, default=2, help="links to follow from the start (default 2)"
        )
        parser.add_argument(
            "--domain",
            action="append",
            metavar="D",
            help="domains portals may be on (repeatable; default gov.vn)",
        )
        parser.add_argument(
            "--archive-days",
            type=int,
            default=365,
            help="a portal whose newest article is older than this is an archive (default 365)",
        )
        parser.add_argument(
            "--write",
            action="store_true",
            help="append the new portals to the registry (PORTAL_REGISTRY) instead of printing",
        )

    def run(self, args, opts):
        if len(args) != 1 or not args[0].startswith(("http://", "https://")):
            raise UsageError("give one http(s) URL of a portal to start from")
        if opts.depth < 0:
            raise UsageError("--depth must be 0 or more")
        registry_path = self.settings.get("PORTAL_REGISTRY") or None
        try:
            load_registry(registry_path)
        except RegistryError as error:
            print(f"error: {error}", file=sys.stderr)
            self.exitcode = 2
            return
        found = []
        crawler = self.crawler_process.create_crawler(DiscoverySpider)

        def collect(item):  # a local name keeps it alive: signals hold weak references
            found.append(item)

        crawler.signals.connect(collect, signal=signals.item_scraped)
        domains = tuple(d.lower().strip(".") for d in (opts.domain or ["gov.vn"]))
        self.crawler_process.crawl(
            crawler, url=args[0], depth=opts.depth, domains=domains, archive_days=opts.archive_days
        )
        self.crawler_process.start()
        found.sort(key=lambda portal: (portal.depth, portal.host))
        for portal in found:
            print(report_line(portal), file=sys.stderr)
        fresh, known = new_entries(found, registry_path)
        for host in known:
            print(f"{'registered':<12} {host}: already in the registry", file=sys.stderr)
        text = "\n".join(entry_toml(portal) for portal in fresh)
        if not opts.write:
            sys.stdout.write(text)
            return
        registry_file = Path(registry_path) if registry_path else Path(str(DEFAULT_REGISTRY))
        try:
            if fresh:
                append_entries(registry_file, text, spider_families(self.settings))
        except RegistryError as error:
            print(f"error: {error}", file=sys.stderr)
            sys.stdout.write(text)
            self.exitcode = 1
            return
        print(f"wrote {len(fresh)} new portal(s) to {registry_file}", file=sys.stderr)
