"""scrapy export articles|indicators -o FILE.csv [--portal ID] [--since DATE] [--kind KIND]"""

import sys

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.db import create_schema, make_engine
from crawler.exports import ExportError, export_articles, parse_since


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self):
        return "articles -o FILE.csv [--portal ID] [--since YYYY-MM-DD]"

    def short_desc(self):
        return "Write stored articles as a CSV file that Excel opens with Vietnamese intact"

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
        parser.add_argument("--since", help="only articles published on or after this date")

    def run(self, args, opts):
        tables = {"articles": self._articles}
        if len(args) != 1 or args[0] not in tables:
            raise UsageError(f"name one table to export: {', '.join(tables)}")
        try:
            engine = make_engine(self.settings.get("DATABASE_URL"))
            create_schema(engine)
            count = tables[args[0]](engine, opts)
        except (ExportError, ValueError) as error:
            print(f"error: {error}", file=sys.stderr)
            self.exitcode = 2
            return
        if opts.output != "-":
            print(f"wrote {count} {args[0]} to {opts.output}")

    @staticmethod
    def _articles(engine, opts):
        return export_articles(engine, opts.output, opts.portal, parse_since(opts.since))
