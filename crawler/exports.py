"""CSV exports of the stored tables, for people who open them in Excel.

Every row carries its portal's name, level and province (the one the portal was set up in and
the July-2025 one); timestamps come twice, ISO 8601 and a local "YYYY-MM-DD HH:MM:SS" that Excel
reads as a date; booleans are 0/1; text that Excel would run as a formula is escaped (OWASP CSV
injection). A file is written beside its target and moved over it at the end, so a failed export
never leaves half a file; a SQLite database is never overwritten, and an existing file is not
replaced by an empty export unless asked (``force``).
"""

from __future__ import annotations

import csv
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, insert, inspect, or_, select

from crawler.dates import VN_TZ
from crawler.db import (
    ArticleRow,
    AttachmentRow,
    Base,
    IndicatorRow,
    PageRow,
    PortalIndicatorRow,
    PortalRow,
    make_engine,
    page_decoder,
)
from crawler.items import ARTICLE_FIELDS
from crawler.units import UnitError, codename, province_2025

PORTAL_COLUMNS = ("portal_name", "level", "province", "province_2025")
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
# Columns other parts of the project add; exported when the database has them.
OPTIONAL_INDICATOR_COLUMNS = {"indicator": "name", "plan_value": "value_max"}
ATTACHMENT_COLUMNS = ("article_url", "portal", "file_url", "label", "file_type", "path")
PORTAL_INDICATOR_COLUMNS = ("portal", "name", "value", "unit", "as_of", "crawled_at", "source_url")
# ISO timestamps that get a local date-time column beside them.
LOCAL_TIME_COLUMNS = ("published_at", "as_of", "crawled_at")
KINDS = ("actual", "target")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SQLITE_HEADER = b"SQLite format 3\x00"


class ExportError(ValueError):
    """An export cannot run as asked; the message says why."""


def parse_since(value: str | None, option: str = "--since") -> str | None:
    """A date option (YYYY-MM-DD) as the ISO prefix stored timestamps compare against."""
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ExportError(f"{option} {value!r}: expected a date like 2024-01-31") from None


def parse_until(value: str | None) -> str | None:
    """--until YYYY-MM-DD includes that whole day: stored timestamps sort below the next one."""
    day = parse_since(value, "--until")
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat() if day else None


@dataclass(frozen=True)
class Filters:
    portal: str | None = None
    since: str | None = None
    until: str | None = None  # exclusive: the day after --until
    province: str | None = None
    indicator: str | None = None
    kind: str | None = None


def excel_cell(value):
    """A value as Excel should see it: 0/1 for booleans, formulas defused with a quote."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def local_time(value: str | None) -> str | None:
    """'2024-02-01T08:00:00+07:00' -> '2024-02-01 08:00:00' in Vietnam's time (Excel's format)."""
    if not value:
        return value
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(VN_TZ)
    if len(value) <= 10:
        return moment.strftime("%Y-%m-%d")
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def with_local_times(columns: Iterable[str]) -> tuple[str, ...]:
    out = []
    for column in columns:
        out.append(column)
        if column in LOCAL_TIME_COLUMNS:
            out.append(f"{column}_local")
    return tuple(out)


def check_output(path: str, database: Path | None) -> None:
    """Refuse to write over a SQLite database (the crawl's own file above all)."""
    if path == "-":
        return
    target = Path(path)
    if database is not None and target.exists() and target.resolve() == database.resolve():
        raise ExportError(f"-o {path} is the crawl database itself; choose a .csv file")
    if target.is_file():
        with open(target, "rb") as handle:
            if handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                raise ExportError(
                    f"-o {path} is a SQLite database; refusing to overwrite it (choose a .csv file)"
                )


@contextmanager
def csv_writer(path: str, force: bool = False) -> Iterator[tuple[csv.writer, list[int]]]:
    """A CSV writer on a file (UTF-8 with BOM so Excel reads Vietnamese) or on stdout, and a
    one-item list the caller sets to the number of rows written. The file is written beside
    the target and moved over it at the end; an empty export does not replace a file."""
    counted = [0]
    if path == "-":
        yield csv.writer(sys.stdout), counted
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below, moved or removed)
        "w",
        encoding="utf-8-sig",
        newline="",
        dir=target.parent,
        prefix=f".{target.name}.",
        suffix=".part",
        delete=False,
    )
    try:
        with handle:
            yield csv.writer(handle), counted
        if counted[0] == 0 and target.exists() and not force:
            raise ExportError(
                f"no rows match; {path} kept as it was (--force replaces it with an empty table)"
            )
        os.replace(handle.name, target)
    finally:
        if os.path.exists(handle.name):
            os.unlink(handle.name)


def _write(engine: Engine, path: str, columns: tuple[str, ...], query, force: bool) -> int:
    header = with_local_times(columns)
    with engine.connect() as connection, csv_writer(path, force) as (writer, counted):
        writer.writerow(header)
        for row in connection.execute(query):
            values = row._mapping
            writer.writerow(
                [
                    excel_cell(
                        local_time(values[c.removesuffix("_local")])
                        if c.endswith("_local") and c.removesuffix("_local") in LOCAL_TIME_COLUMNS
                        else values[c]
                    )
                    for c in header
                ]
            )
            counted[0] += 1
    return counted[0]


def _portal_columns():
    return (
        PortalRow.name.label("portal_name"),
        PortalRow.level,
        PortalRow.province,
        PortalRow.province_2025,
    )


def _check_portal(engine: Engine, portal: str | None, table) -> None:
    """An unknown --portal is an error, not an empty file."""
    if not portal:
        return
    with engine.connect() as connection:
        known = set(connection.scalars(select(PortalRow.id)))
        known |= set(connection.scalars(select(table.c.portal).distinct()))
    if portal not in known:
        listed = ", ".join(sorted(known)) or "none stored yet"
        raise ExportError(f"--portal {portal!r} is not a stored portal (known: {listed})")


def _province_condition(province: str):
    """--province: a July-2025 province groups every portal now in it (former provinces merged
    into it included); a former province name selects the portals set up under it."""
    try:
        current = province_2025(province)
    except UnitError as error:
        raise ExportError(f"--province: {error}") from None
    if codename(current.name) == codename(province):
        return PortalRow.province_2025 == current.name
    return PortalRow.province == province


def _filtered(query, filters: Filters, table, when):
    if filters.portal:
        query = query.where(table.c.portal == filters.portal)
    if filters.since:
        query = query.where(when >= filters.since)
    if filters.until:
        query = query.where(when < filters.until)
    if filters.province:
        query = query.where(_province_condition(filters.province))
    return query


def export_articles(
    engine: Engine,
    path: str,
    portal: str | None = None,
    since: str | None = None,
    filters: Filters | None = None,
    force: bool = False,
) -> int:
    filters = filters or Filters(portal=portal, since=since)
    _check_portal(engine, filters.portal, ArticleRow.__table__)
    columns = (*ARTICLE_COLUMNS[:2], *PORTAL_COLUMNS, *ARTICLE_COLUMNS[2:])
    query = (
        select(*(getattr(ArticleRow, c) for c in ARTICLE_COLUMNS), *_portal_columns())
        .outerjoin(PortalRow, PortalRow.id == ArticleRow.portal)
        .order_by(ArticleRow.portal, ArticleRow.published_at.desc(), ArticleRow.url)
    )
    if filters.indicator:
        query = query.where(
            ArticleRow.url.in_(
                select(IndicatorRow.article_url).where(_indicator_condition(engine, filters))
            )
        )
    query = _filtered(query, filters, ArticleRow.__table__, ArticleRow.published_at)
    return _write(engine, path, columns, query, force)


def _present_indicator_columns(engine: Engine) -> dict[str, str]:
    present = {c["name"] for c in inspect(engine).get_columns("indicators")}
    return {c: after for c, after in OPTIONAL_INDICATOR_COLUMNS.items() if c in present}


def _indicator_condition(engine: Engine, filters: Filters):
    table = IndicatorRow.__table__
    if "indicator" in _present_indicator_columns(engine):
        return or_(table.c.indicator == filters.indicator, table.c.name == filters.indicator)
    return table.c.name == filters.indicator


def _indicator_query(engine: Engine, filters: Filters):
    if filters.kind and filters.kind not in KINDS:
        raise ExportError(f"--kind {filters.kind!r}: expected one of {', '.join(KINDS)}")
    table = IndicatorRow.__table__
    _check_portal(engine, filters.portal, table)
    optional = _present_indicator_columns(engine)
    columns = list(INDICATOR_COLUMNS)
    for column, after in optional.items():
        columns.insert(columns.index(after) + 1, column)
    query = (
        select(
            *(table.c[c] for c in columns),
            ArticleRow.title.label("article_title"),
            *_portal_columns(),
        )
        .outerjoin(ArticleRow, ArticleRow.url == table.c.article_url)
        .outerjoin(PortalRow, PortalRow.id == table.c.portal)
        .order_by(table.c.portal, table.c.published_at.desc(), table.c.article_url, table.c.id)
    )
    if filters.kind:
        query = query.where(table.c.kind == filters.kind)
    if filters.indicator:
        query = query.where(_indicator_condition(engine, filters))
    query = _filtered(query, filters, table, table.c.published_at)
    columns.insert(1, "article_title")
    columns[3:3] = PORTAL_COLUMNS
    return query, tuple(columns)


def export_indicators(
    engine: Engine,
    path: str,
    portal: str | None = None,
    since: str | None = None,
    kind: str | None = None,
    filters: Filters | None = None,
    force: bool = False,
) -> int:
    """Indicators of original articles (copies have none), newest articles first."""
    filters = filters or Filters(portal=portal, since=since, kind=kind)
    query, columns = _indicator_query(engine, filters)
    return _write(engine, path, columns, query, force)


def export_indicators_pivot(engine: Engine, path: str, filters: Filters, force: bool = False):
    """One row per portal, indicator and unit; one column per year. A year's cell is the figure
    of the latest article about that year (later reports supersede earlier ones). Changes
    ("tăng 5%") are left out; the year is the article's when the sentence names none."""
    filters = filters if filters.kind else Filters(**{**filters.__dict__, "kind": "actual"})
    query, _ = _indicator_query(engine, filters)
    key_column = "indicator" if "indicator" in _present_indicator_columns(engine) else "name"
    cells: dict[tuple, dict[int, float]] = {}
    seen: dict[tuple, str] = {}
    with engine.connect() as connection:
        for row in connection.execute(query):
            values = row._mapping
            year = values["year"] or _year_of(values["published_at"])
            if values["change"] or year is None:
                continue
            key = (
                values["portal"],
                *(values[c] for c in PORTAL_COLUMNS),
                values[key_column] or values["name"],
                values["unit"],
            )
            stamp = values["published_at"] or ""
            if stamp >= seen.get((*key, year), ""):
                seen[(*key, year)] = stamp
                cells.setdefault(key, {})[year] = values["value"]
    years = sorted({year for found in cells.values() for year in found})
    header = ("portal", *PORTAL_COLUMNS, "indicator", "unit", *map(str, years))
    with csv_writer(path, force) as (writer, counted):
        writer.writerow(header)
        for key in sorted(cells, key=lambda k: tuple(str(part or "") for part in k)):
            writer.writerow([excel_cell(v) for v in (*key, *(cells[key].get(y) for y in years))])
            counted[0] += 1
    return counted[0]


def _year_of(published_at: str | None) -> int | None:
    return int(published_at[:4]) if published_at and published_at[:4].isdigit() else None


def export_portal_indicators(
    engine: Engine,
    path: str,
    portal: str | None = None,
    since: str | None = None,
    filters: Filters | None = None,
    force: bool = False,
) -> int:
    """Portal widget figures as a time series: one row per figure per crawl."""
    filters = filters or Filters(portal=portal, since=since)
    table = PortalIndicatorRow.__table__
    _check_portal(engine, filters.portal, table)
    columns = (*PORTAL_INDICATOR_COLUMNS[:1], *PORTAL_COLUMNS, *PORTAL_INDICATOR_COLUMNS[1:])
    query = (
        select(*(table.c[c] for c in PORTAL_INDICATOR_COLUMNS), *_portal_columns())
        .outerjoin(PortalRow, PortalRow.id == table.c.portal)
        .order_by(table.c.portal, table.c.name, table.c.crawled_at)
    )
    if filters.indicator:
        query = query.where(table.c.name == filters.indicator)
    query = _filtered(query, filters, table, table.c.crawled_at)
    return _write(engine, path, columns, query, force)


# Tables of the crawler's own workings, not for analysts (pages only with --pages).
INTERNAL_TABLES = ("pages", "dedup_claims", "dedup_bands", "page_dictionaries")
COPY_BATCH = 1000


def export_sqlite(engine: Engine, path: str, pages: bool = False) -> dict[str, int]:
    """Copy the analyst tables (every table but the crawler's internal ones) of any database
    into a new SQLite file, which the explorer (Datasette) opens; with ``pages``, the raw pages
    too, decompressed (stored as served). The file is written beside ``path`` and renamed into
    place at the end, so a reader never sees half a copy. ``{table: rows}``."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    tables = [
        table
        for table in Base.metadata.sorted_tables
        if table.name not in INTERNAL_TABLES or (pages and table.name == "pages")
    ]
    copy = make_engine(f"sqlite:///{partial}")
    counts = {}
    try:
        Base.metadata.create_all(copy, tables=tables)
        decoder = page_decoder(engine)
        with engine.connect() as source, copy.begin() as destination:
            for table in tables:
                counts[table.name] = 0
                query = select(table).order_by(*table.primary_key.columns)
                result = source.execution_options(yield_per=COPY_BATCH).execute(query)
                for batch in result.mappings().partitions():
                    rows = [dict(row) for row in batch]
                    if table.name == PageRow.__tablename__:
                        for row in rows:
                            row["html"] = decoder.decode(row["html"], row["compression"])
                            row["compression"] = None
                    destination.execute(insert(table), rows)
                    counts[table.name] += len(rows)
        copy.dispose()
        partial.replace(target)
    finally:  # a failed copy (a full disk) leaves no half file behind
        copy.dispose()
        for leftover in ("", "-wal", "-shm"):
            Path(f"{partial}{leftover}").unlink(missing_ok=True)
    return counts


def export_attachments(
    engine: Engine,
    path: str,
    portal: str | None = None,
    since: str | None = None,
    filters: Filters | None = None,
    force: bool = False,
) -> int:
    """Files linked from articles (``path``: where it was saved, if downloaded), with their
    article's title; --since/--until by when the file was first seen."""
    filters = filters or Filters(portal=portal, since=since)
    table = AttachmentRow.__table__
    _check_portal(engine, filters.portal, table)
    columns = (
        *ATTACHMENT_COLUMNS[:1],
        "article_title",
        *ATTACHMENT_COLUMNS[1:2],
        *PORTAL_COLUMNS,
        *ATTACHMENT_COLUMNS[2:],
    )
    query = (
        select(
            *(table.c[c] for c in ATTACHMENT_COLUMNS),
            ArticleRow.title.label("article_title"),
            *_portal_columns(),
        )
        .outerjoin(ArticleRow, ArticleRow.url == table.c.article_url)
        .outerjoin(PortalRow, PortalRow.id == table.c.portal)
        .order_by(table.c.portal, table.c.article_url, table.c.id)
    )
    query = _filtered(query, filters, table, table.c.first_seen)
    return _write(engine, path, columns, query, force)
