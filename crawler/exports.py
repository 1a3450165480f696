"""CSV exports of the stored tables, for people who open them in Excel."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, select

from crawler.db import ArticleRow, AttachmentRow, IndicatorRow, PortalIndicatorRow
from crawler.items import ARTICLE_FIELDS

ARTICLE_COLUMNS = (
    *ARTICLE_FIELDS,
    "duplicate_of",
    "text_quality",
    "first_seen",
    "last_seen",
)


INDICATOR_COLUMNS = (
    "article_url",
    "portal",
    "published_at",
    "name",
    "indicator",
    "value",
    "value_max",
    "unit",
    "kind",
    "year",
    "plan_value",
    "plan_value_max",
    "change",
    "period",
    "qualifier",
    "total",
    "sentence",
)
ATTACHMENT_COLUMNS = ("article_url", "portal", "file_url", "label", "file_type", "path")
PORTAL_INDICATOR_COLUMNS = ("portal", "name", "value", "unit", "as_of", "crawled_at", "source_url")
KINDS = ("actual", "target")


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


def _write(engine: Engine, path: str, columns: tuple[str, ...], query) -> int:
    with engine.connect() as connection, csv_writer(path) as writer:
        writer.writerow(columns)
        count = 0
        for row in connection.execute(query):
            writer.writerow(row)
            count += 1
    return count


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
    return _write(engine, path, ARTICLE_COLUMNS, query)


def export_indicators(
    engine: Engine,
    path: str,
    portal: str | None = None,
    since: str | None = None,
    kind: str | None = None,
) -> int:
    """Indicators of original articles (copies have none), newest articles first."""
    if kind and kind not in KINDS:
        raise ExportError(f"--kind {kind!r}: expected one of {', '.join(KINDS)}")
    query = select(*(getattr(IndicatorRow, c) for c in INDICATOR_COLUMNS)).order_by(
        IndicatorRow.portal,
        IndicatorRow.published_at.desc(),
        IndicatorRow.article_url,
        IndicatorRow.id,
    )
    if portal:
        query = query.where(IndicatorRow.portal == portal)
    if since:
        query = query.where(IndicatorRow.published_at >= since)
    if kind:
        query = query.where(IndicatorRow.kind == kind)
    return _write(engine, path, INDICATOR_COLUMNS, query)


def export_portal_indicators(
    engine: Engine, path: str, portal: str | None = None, since: str | None = None
) -> int:
    """Portal widget figures as a time series: one row per figure per crawl."""
    columns = PORTAL_INDICATOR_COLUMNS
    query = select(*(getattr(PortalIndicatorRow, c) for c in columns)).order_by(
        PortalIndicatorRow.portal, PortalIndicatorRow.name, PortalIndicatorRow.crawled_at
    )
    if portal:
        query = query.where(PortalIndicatorRow.portal == portal)
    if since:
        query = query.where(PortalIndicatorRow.crawled_at >= since)
    return _write(engine, path, columns, query)


def export_attachments(
    engine: Engine, path: str, portal: str | None = None, since: str | None = None
) -> int:
    """Files linked from articles (``path``: where it was saved, if downloaded)."""
    query = select(*(getattr(AttachmentRow, c) for c in ATTACHMENT_COLUMNS)).order_by(
        AttachmentRow.portal, AttachmentRow.article_url, AttachmentRow.id
    )
    if portal:
        query = query.where(AttachmentRow.portal == portal)
    if since:
        query = query.where(AttachmentRow.first_seen >= since)
    return _write(engine, path, ATTACHMENT_COLUMNS, query)
