"""CSV exports of the stored tables, for people who open them in Excel."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, select

from crawler.db import ArticleRow

ARTICLE_COLUMNS = (
    "url",
    "portal",
    "title",
    "published_at",
    "author",
    "view_count",
    "category",
    "body",
    "duplicate_of",
    "text_quality",
    "first_seen",
    "last_seen",
)


class ExportError(ValueError):
    """An export cannot run as asked; the message says why."""


def parse_since(value: str | None) -> str | None:
    """A --since date (YYYY-MM-DD) as the ISO prefix stored timestamps compare against."""
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ExportError(f"--since {value!r}: expected a date like 2024-01-31") from None


@contextmanager
def csv_writer(path: str) -> Iterator[csv.writer]:
    """A CSV writer on a file (UTF-8 with BOM so Excel reads Vietnamese) or on stdout."""
    if path == "-":
        yield csv.writer(sys.stdout)
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        yield csv.writer(handle)


def export_articles(
    engine: Engine, path: str, portal: str | None = None, since: str | None = None
) -> int:
    query = select(*(getattr(ArticleRow, c) for c in ARTICLE_COLUMNS)).order_by(
        ArticleRow.portal, ArticleRow.published_at.desc(), ArticleRow.url
    )
    if portal:
        query = query.where(ArticleRow.portal == portal)
    if since:
        query = query.where(ArticleRow.published_at >= since)
    with engine.connect() as connection, csv_writer(path) as writer:
        writer.writerow(ARTICLE_COLUMNS)
        count = 0
        for row in connection.execute(query):
            writer.writerow(row)
            count += 1
    return count
