"""scrapy health [--stale-days N] [--portal ID ...] [--json]: is every portal still crawled well?"""

import json
import sys
from datetime import datetime

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from sqlalchemy.exc import SQLAlchemyError

from crawler.commands import stdout_closed
from crawler.dates import VN_TZ
from crawler.db import DatabaseConfigError, create_schema, make_engine
from crawler.extensions.counts import format_table
from crawler.health import OK, known_portals, portal_health, runs_by_portal, unfinished_walks
from crawler.registry import RegistryError, load_registry


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self):
        return "[--stale-days N] [--portal ID ...] [--json]"

    def short_desc(self):
        return "Show each portal's last crawls and health; exit 1 if any portal is unhealthy"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument(
            "--stale-days",
            type=float,
            metavar="N",
            help="a portal without a good crawl for more than N days is STALE "
            "(default: HEALTH_STALE_DAYS)",
        )
        parser.add_argument(
            "--portal", action="append", metavar="ID", help="only this portal (repeatable)"
        )
        parser.add_argument("--json", action="store_true", help="print JSON lines for scripts")

    def run(self, args, opts):
        if args:
            raise UsageError(f"unexpected argument {args[0]!r}")
        settings = self.settings
        stale_days = (
            opts.stale_days
            if opts.stale_days is not None
            else settings.getfloat("HEALTH_STALE_DAYS", 7)
        )
        try:
            registry = load_registry(settings.get("PORTAL_REGISTRY") or None)
            engine = make_engine(settings.get("DATABASE_URL"))
            create_schema(engine)
            portals = known_portals(engine, [p.id for p in registry.portals])
            runs = runs_by_portal(engine)
            walks = unfinished_walks(engine)
        except (RegistryError, DatabaseConfigError, SQLAlchemyError) as error:
            print(f"error: {error}", file=sys.stderr)
            self.exitcode = 2
            return
        if opts.portal:
            unknown = [p for p in opts.portal if p not in portals]
            if unknown:
                print(f"error: unknown portal {unknown[0]!r}", file=sys.stderr)
                self.exitcode = 2
                return
            portals = [p for p in portals if p in opts.portal]
        now = datetime.now(VN_TZ)
        ratio = settings.getfloat("SPIDERMON_MAX_UNPARSABLE_RATIO", 0.5)
        report = [
            portal_health(p, runs.get(p, []), now, stale_days, ratio, walks.get(p, []))
            for p in portals
        ]
        self.exitcode = 0 if all(h.status == OK for h in report) else 1
        try:
            if opts.json:
                for health in report:
                    print(json.dumps(health.as_dict(), ensure_ascii=False), flush=True)
            else:
                print(text_report(report), flush=True)
        except BrokenPipeError:  # `scrapy health | head`: the status is still the exit code
            stdout_closed()


def text_report(report) -> str:
    def when(stamp):
        return stamp[:16].replace("T", " ") if stamp else "-"

    def number(value):
        return "-" if value is None else value

    header = ("portal", "last crawl", "last good crawl", "articles", "errors", "status")
    rows = [
        (
            h.portal,
            when(h.last_crawl),
            when(h.last_good_crawl),
            number(h.articles),
            number(h.errors),
            h.status,
        )
        for h in report
    ]
    lines = [format_table(header, rows)]
    for health in report:
        lines.extend(f"{health.portal}: {check}" for check in health.failed_checks)
    unhealthy = sum(h.status != OK for h in report)
    lines.append(f"{unhealthy} of {len(report)} portals unhealthy" if unhealthy else "all OK")
    return "\n".join(lines)
