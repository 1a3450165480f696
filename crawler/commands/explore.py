"""scrapy explore [--db FILE] [--host 127.0.0.1] [--port 8001]: the explorer in the browser."""

import sys

from scrapy.commands import ScrapyCommand

from crawler.explorer.serve import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    ExplorerError,
    database_file,
    serve,
)


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self):
        return "[--db FILE.db] [--host 127.0.0.1] [--port 8001]"

    def short_desc(self):
        return "Open the crawl database in Datasette (read-only): search, dashboards, queries"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--db", metavar="FILE", help="SQLite file (default: DATABASE_URL's)")
        parser.add_argument(
            "--host",
            default=DEFAULT_HOST,
            help="address to listen on (default 127.0.0.1: this machine only; another address "
            "needs EXPLORER_PASSWORD_HASH, see README)",
        )
        parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="0 picks a free port")

    def run(self, args, opts):
        try:
            path = database_file(
                f"sqlite:///{opts.db}" if opts.db else self.settings.get("DATABASE_URL")
            )
            self.exitcode = serve(path, opts.host, opts.port)
        except ExplorerError as error:
            print(f"error: {error}", file=sys.stderr)
            self.exitcode = 2
