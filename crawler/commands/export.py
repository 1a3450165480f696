"""scrapy export articles|indicators|portal_indicators|attachments -o FILE.csv [filters]"""

import os
import sys

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.db import create_schema, make_engine
from crawler.exports import (
    ExportError,
    export_articles,
    export_attachments,
    export_indicators,
    export_portal_indicators,
    parse_since,
)


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self):
        return (
            "articles|indicators|portal_indicators|attachments -o FILE.csv [--portal ID] "
            "[--since YYYY-MM-DD] [--kind actual|target]"
        )

    def short_desc(self):
        return "Write stored articles or indicators as CSV that Excel opens with Vietnamese intact"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            metavar="FILE",
            help="CSV file to write, or - for standard output",
        )
        parser.add_argument("--portal", help="only this portal id")
        parser.add_argument(
            "--since",
            help="only articles published (portal figures: crawled) on or after this date",
        )
        parser.add_argument("--kind", help="indicators only: actual or target")

    def run(self, args, opts):
        tables = {
            "articles": self._articles,
            "indicators": self._indicators,
            "portal_indicators": self._portal_indicators,
            "attachments": self._attachments,
        }
        if len(args) != 1 or args[0] not in tables:
            raise UsageError(f"name one table to export: {', '.join(tables)}")
        try:
            engine = make_engine(self.settings.get("DATABASE_URL"))
            create_schema(engine)
            count = tables[args[0]](engine, opts)
        except BrokenPipeError:  # `scrapy export … -o - | head` closed the pipe: not an error
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (silences the final flush)
            return
        except (ExportError, ValueError) as error:
            print(f"error: {error}", file=sys.stderr)
            self.exitcode = 2
            return
        if opts.output != "-":
            print(f"wrote {count} {args[0]} to {opts.output}")

    @staticmethod
    def _articles(engine, opts):
        return export_articles(engine, opts.output, opts.portal, parse_since(opts.since))

    @staticmethod
    def _indicators(engine, opts):
        return export_indicators(
            engine, opts.output, opts.portal, parse_since(opts.since), opts.kind
        )

    @staticmethod
    def _portal_indicators(engine, opts):
        return export_portal_indicators(engine, opts.output, opts.portal, parse_since(opts.since))

    @staticmethod
    def _attachments(engine, opts):
        return export_attachments(engine, opts.output, opts.portal, parse_since(opts.since))
