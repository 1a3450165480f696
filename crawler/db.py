"""The database: tables, engine set-up and the upserts the pipelines use.

Table and column names are a contract that scripts and later pipelines rely on: keep them.
Timestamps are ISO 8601 strings in Asia/Ho_Chi_Minh time, which SQLite sorts correctly and
spreadsheets read as they are.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from sqlalchemy import (
    Engine,
    Integer,
    LargeBinary,
    String,
    Text,
    create_engine,
    event,
    inspect,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from crawler.dates import VN_TZ
from crawler.registry import Portal


class DatabaseConfigError(ValueError):
    """DATABASE_URL cannot be used; the message says why."""


def now_iso() -> str:
    return datetime.now(VN_TZ).isoformat(timespec="seconds")


class Base(DeclarativeBase):
    pass


class PortalRow(Base):
    __tablename__ = "portals"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    host: Mapped[str] = mapped_column(String(253), index=True)
    family: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(Text)
    level: Mapped[str] = mapped_column(String(10))
    province: Mapped[str] = mapped_column(String(100))
    listings: Mapped[str] = mapped_column(Text)  # JSON list of URLs
    first_seen: Mapped[str] = mapped_column(String(32))
    last_crawled: Mapped[str | None] = mapped_column(String(32))


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)
    portal: Mapped[str] = mapped_column(String(200), index=True)
    title: Mapped[str] = mapped_column(Text)
    published_at: Mapped[str | None] = mapped_column(String(32), index=True)
    author: Mapped[str | None] = mapped_column(Text)
    view_count: Mapped[int | None] = mapped_column(Integer)
    category: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    duplicate_of: Mapped[str | None] = mapped_column(String(2048))
    text_quality: Mapped[str | None] = mapped_column(String(40))
    listing_url: Mapped[str | None] = mapped_column(String(2048))
    listing_published_at: Mapped[str | None] = mapped_column(String(32))
    first_seen: Mapped[str] = mapped_column(String(32))
    last_seen: Mapped[str] = mapped_column(String(32))


class PageRow(Base):
    """A downloaded page as it came from the server, so extraction can be re-run offline."""

    __tablename__ = "pages"

    url: Mapped[str] = mapped_column(String(2048), primary_key=True)
    portal: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # article | listing | failed
    status: Mapped[int | None] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(String(200))
    encoding: Mapped[str | None] = mapped_column(String(40))
    html: Mapped[bytes] = mapped_column(LargeBinary)
    fetched_at: Mapped[str] = mapped_column(String(32))


class FailureRow(Base):
    """A page or item we could not use, with the reason: nothing is lost without a trace."""

    __tablename__ = "failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    url: Mapped[str] = mapped_column(String(2048), index=True)
    portal: Mapped[str | None] = mapped_column(String(200), index=True)
    spider: Mapped[str | None] = mapped_column(String(50))
    stage: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[str] = mapped_column(String(32))


def make_engine(url: str) -> Engine:
    """An engine for DATABASE_URL, with SQLite in WAL mode and its directory created."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseConfigError(
            f"DATABASE_URL {url!r} is not a database URL (expected e.g. sqlite:///data/crawler.db)"
        ) from None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(parsed)
    except (NoSuchModuleError, ImportError) as error:
        raise DatabaseConfigError(f"DATABASE_URL {url!r}: unsupported database ({error})") from None
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(connection, _record):
            cursor = connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

    return engine


def create_schema(engine: Engine) -> None:
    """Create the missing tables.

    Jobs that scrapyd starts together on a new database race here: a table created by
    another job between the check and the CREATE fails ours, and a second pass skips it.
    """
    for attempt in range(3):
        try:
            Base.metadata.create_all(engine)
            return
        except DBAPIError as error:
            if "already exists" not in str(error) or attempt == 2:
                raise


def insert_for(engine: Engine):
    """The dialect's INSERT that supports ON CONFLICT (SQLite and PostgreSQL)."""
    if engine.dialect.name == "postgresql":
        return postgresql.insert
    if engine.dialect.name == "sqlite":
        return sqlite.insert
    raise DatabaseConfigError(f"database {engine.dialect.name!r} is not supported")


def upsert_portals(engine: Engine, portals: list[Portal]) -> None:
    if not portals:
        return
    insert = insert_for(engine)
    stamp = now_iso()
    rows = [
        {
            "id": p.id,
            "host": p.host,
            "family": p.family,
            "name": p.name,
            "level": p.level,
            "province": p.province,
            "listings": json.dumps(list(p.listings), ensure_ascii=False),
            "first_seen": stamp,
            "last_crawled": stamp,
        }
        for p in portals
    ]
    statement = insert(PortalRow).values(rows)
    kept = {"first_seen", "id"}
    statement = statement.on_conflict_do_update(
        index_elements=[PortalRow.id],
        set_={
            c.name: statement.excluded[c.name] for c in PortalRow.__table__.c if c.name not in kept
        },
    )
    with engine.begin() as connection:
        connection.execute(statement)


def existing_urls(connection, urls: list[str]) -> set[str]:
    if not urls:
        return set()
    found = connection.execute(select(ArticleRow.url).where(ArticleRow.url.in_(urls)))
    return set(found.scalars())


def table_names(engine: Engine) -> list[str]:
    return inspect(engine).get_table_names()
