"""scrapy export articles|indicators|portal_indicators|attachments -o FILE.csv [filters]
scrapy export --sqlite FILE [--pages]: the analyst tables as a SQLite file (for the explorer)"""

import os
import sys
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from crawler.db import (
    DatabaseConfigError,
    DiskFullError,
    create_schema,
    is_disk_full,
    make_engine,
    masked_url,
)
from crawler.exports import (
    ExportError,
    Filters,
    check_output,
    export_articles,
    export_attachments,
    export_indicators,
    export_indicators_pivot,
    export_portal_indicators,
    export_sqlite,
    parse_since,
    parse_until,
)
from crawler.extensions.outcome import EXIT_DATABASE_ERROR, EXIT_DISK_FULL, EXIT_MISTAKE, one_line


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self):
        return (
            "articles|indicators|portal_indicators|attachments -o FILE.csv [--portal ID] "
            "[--province NAME] [--indicator KEY] [--since YYYY-MM-DD] [--until YYYY-MM-DD] "
            "[--kind actual|target] [--pivot] [--force]"
        )

    def short_desc(self):
        return "Write stored articles or indicators as CSV that Excel opens with Vietnamese intact"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument(
            "-o",
            "--output",
            metavar="FILE",
            help="CSV file to write, or - for standard output (never a SQLite database)",
        )
        parser.add_argument("--portal", help="only this portal id")
        parser.add_argument(
            "--province",
            help="only portals of this province: a July-2025 name groups all portals now in "
            "it, a former name those set up under it",
        )
        parser.add_argument(
            "--indicator", help="only this indicator (catalogue key or name as written)"
        )
        parser.add_argument(
            "--since",
            help="only articles published (portal figures: crawled) on or after this date",
        )
        parser.add_argument("--until", help="only up to this date, included")
        parser.add_argument("--kind", help="indicators only: actual or target")
        parser.add_argument(
            "--pivot",
            action="store_true",
            help="indicators only: one row per portal and indicator, one column per year",
        )
        parser.add_argument(
            "--force", action="store_true", help="replace an existing file even with no rows"
        )
        parser.add_argument(
            "--sqlite",
            metavar="FILE",
            help="write every analyst table of DATABASE_URL (e.g. PostgreSQL) to this SQLite "
            "file, which the explorer opens",
        )
        parser.add_argument(
            "--pages", action="store_true", help="with --sqlite: the raw pages too, uncompressed"
        )

    def run(self, args, opts):
        tables = {
            "articles": self._articles,
            "indicators": self._indicators,
            "portal_indicators": self._portal_indicators,
            "attachments": self._attachments,
        }
        if opts.sqlite:
            self._sqlite(opts)
            return
        if len(args) != 1 or args[0] not in tables:
            raise UsageError(f"name one table to export: {', '.join(tables)}")
        if not opts.output:
            raise UsageError("give -o FILE.csv (or - for standard output)")
        if opts.pivot and args[0] != "indicators":
            raise UsageError("--pivot is for indicators")
        try:
            database_url = self.settings.get("DATABASE_URL")
            check_output(opts.output, _sqlite_file(database_url))
            filters = Filters(
                portal=opts.portal,
                since=parse_since(opts.since),
                until=parse_until(opts.until),
                province=opts.province,
                indicator=opts.indicator,
                kind=opts.kind,
            )
            engine = make_engine(database_url)
            create_schema(engine)
            count = tables[args[0]](engine, opts, filters)
        except BrokenPipeError:  # `scrapy export … -o - | head` closed the pipe: not an error
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (silences the final flush)
            return
        except (SQLAlchemyError, OSError, DiskFullError) as error:
            self.storage_error(error, database_url, opts.output)
            return
        except (ExportError, ValueError) as error:
            print(f"error: {error}", file=sys.stderr)
            self.exitcode = 2
            return
        if opts.output != "-":
            print(f"wrote {count} {args[0]} to {opts.output}")

    def storage_error(self, error: Exception, database_url: str, output: str) -> None:
        """One line and exit 4 for a full disk (the database's or the output's), 3 for
        another database error, 2 for a file that cannot be written (a wrong path)."""
        full = is_disk_full(error, database_url) or (
            output != "-" and is_disk_full(error, f"sqlite:///{Path(output).resolve()}")
        )
        if full:
            self.exitcode = EXIT_DISK_FULL
            print(f"error: the disk is full; nothing exported ({one_line(error)})", file=sys.stderr)
        elif isinstance(error, SQLAlchemyError):
            self.exitcode = EXIT_DATABASE_ERROR
            print(f"error: {masked_url(database_url)}: {one_line(error)}", file=sys.stderr)
        else:
            self.exitcode = EXIT_MISTAKE
            print(f"error: {error}", file=sys.stderr)

    def _sqlite(self, opts):
        database_url = self.settings.get("DATABASE_URL")
        try:
            engine = make_engine(database_url)
            create_schema(engine)
            counts = export_sqlite(engine, opts.sqlite, pages=opts.pages)
        except (SQLAlchemyError, OSError, DiskFullError) as error:
            self.storage_error(error, database_url, opts.sqlite)
            return
        except DatabaseConfigError as error:
            print(f"error: {error}", file=sys.stderr)
            self.exitcode = EXIT_MISTAKE
            return
        tables = ", ".join(f"{count} {table}" for table, count in counts.items())
        print(f"wrote {opts.sqlite}: {tables}")

    @staticmethod
    def _articles(engine, opts, filters):
        return export_articles(engine, opts.output, filters=filters, force=opts.force)

    @staticmethod
    def _indicators(engine, opts, filters):
        if opts.pivot:
            return export_indicators_pivot(engine, opts.output, filters, force=opts.force)
        return export_indicators(engine, opts.output, filters=filters, force=opts.force)

    @staticmethod
    def _portal_indicators(engine, opts, filters):
        return export_portal_indicators(engine, opts.output, filters=filters, force=opts.force)

    @staticmethod
    def _attachments(engine, opts, filters):
        return export_attachments(engine, opts.output, filters=filters, force=opts.force)


def _sqlite_file(database_url: str) -> Path | None:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(url.database)
    return None
