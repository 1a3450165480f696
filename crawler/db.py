"""The database: tables, engine set-up and the upserts the pipelines use.

Table and column names are a contract that scripts and later pipelines rely on: keep them.
Timestamps are ISO 8601 strings in Asia/Ho_Chi_Minh time, which SQLite sorts correctly and
spreadsheets read as they are.
"""

from __future__ import annotations

import errno
import json
import shutil
import sqlite3
import time
from contextlib import contextmanager, nullcontext
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import (
    DDL,
    BigInteger,
    Boolean,
    Connection,
    Engine,
    Float,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    bindparam,
    create_engine,
    event,
    func,
    inspect,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DatabaseError,
    DBAPIError,
    NoSuchModuleError,
    OperationalError,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.schema import CreateColumn

from crawler.compression import PageCompressor, PageDecoder
from crawler.dates import VN_TZ
from crawler.registry import Portal
from crawler.units import UnitError, Units2025


class DatabaseConfigError(ValueError):
    """DATABASE_URL cannot be used; the message says why."""


class DiskFullError(DatabaseConfigError):
    """The database's disk (or quota) is full: nothing can be written."""


_DISK_FULL_MESSAGES = ("disk is full", "no space left", "could not extend file", "disk full")
# SQLite on a full disk often says only "disk I/O error" (it cannot create its WAL file):
# with less free space than this in the database's folder, that error is the full disk.
NEARLY_FULL_BYTES = 1 << 20


def is_disk_full(error: BaseException, url: str | None = None) -> bool:
    """Whether a database or file error means the storage is out of space."""
    original = getattr(error, "orig", None) or error
    if isinstance(original, OSError) and original.errno == errno.ENOSPC:
        return True
    message = str(original).lower()
    if any(words in message for words in _DISK_FULL_MESSAGES):
        return True
    if "i/o error" not in message or not url:
        return False
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return False
    try:
        return shutil.disk_usage(Path(parsed.database).parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def masked_url(url: str) -> str:
    """``url`` with its password, if any, shown as ``***``: for every message and log line
    (DATABASE_URL of PostgreSQL, a scrapyd URL with credentials)."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return url
    if password is None:
        return url
    user = parts.netloc.rpartition("@")[0].split(":", 1)[0]
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def without_credentials(url: str) -> str:
    """``url`` with no user name or password at all."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


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
    # The units of July 2025 (crawler.units); `province` stays the one the portal was set up in.
    province_2025: Mapped[str | None] = mapped_column(String(100))
    province_code_2025: Mapped[int | None] = mapped_column(Integer)
    commune_2025: Mapped[str | None] = mapped_column(String(100))
    commune_code_2025: Mapped[int | None] = mapped_column(Integer)


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
    # article | failed_article | failed_listing (a page that could not be used, kept as served)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[int | None] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(String(200))
    encoding: Mapped[str | None] = mapped_column(String(40))
    html: Mapped[bytes] = mapped_column(LargeBinary)
    fetched_at: Mapped[str] = mapped_column(String(32))
    # HTTP validators of listing pages, sent back as If-None-Match / If-Modified-Since.
    etag: Mapped[str | None] = mapped_column(String(200))
    last_modified: Mapped[str | None] = mapped_column(String(64))
    # How ``html`` is stored (crawler.compression): NULL as served, zstd, zstd:ID, zlib.
    compression: Mapped[str | None] = mapped_column(String(40))


class DedupClaimRow(Base):
    """An original article's claim on its text: crawl processes sharing the database decide
    here, one at a time, which copy of a re-published text is the original
    (crawler.pipelines.dedup). ``signature`` holds the MinHash values (uint32)."""

    __tablename__ = "dedup_claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    url: Mapped[str] = mapped_column(String(2048), unique=True)
    portal: Mapped[str] = mapped_column(String(200))
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    claimed_at: Mapped[str] = mapped_column(String(32))


class DedupBandRow(Base):
    """The LSH band keys of a claim's signature: the near-duplicate candidates of a new text
    are the claims sharing one of its keys. Keys of a claim's earlier text may remain: they
    only add candidates, each checked against the claim's current signature."""

    __tablename__ = "dedup_bands"

    band: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    claim: Mapped[int] = mapped_column(Integer, primary_key=True)


class PageDictionaryRow(Base):
    """A zstd dictionary trained on one portal's pages, shared by every crawl process."""

    __tablename__ = "page_dictionaries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    portal: Mapped[str] = mapped_column(String(200), unique=True)
    dictionary: Mapped[bytes] = mapped_column(LargeBinary)
    samples: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[str] = mapped_column(String(32))


class ListingWalkRow(Base):
    """How far the pager walk of one listing got (crawler.middlewares.incremental).

    ``status`` is "walking" from the moment a crawl starts the walk until a crawl that
    reached the listing's end (or ``boundary``) finished normally, then "complete".
    ``boundary`` holds the article keys of page 1 of the last complete walk: a later walk
    that meets one of them has reached what that walk covered.
    """

    __tablename__ = "listing_walks"

    listing: Mapped[str] = mapped_column(String(2048), primary_key=True)
    portal: Mapped[str] = mapped_column(String(200), index=True)
    status: Mapped[str] = mapped_column(String(20))  # walking | complete
    boundary: Mapped[str | None] = mapped_column(Text)  # JSON list of article keys
    started_at: Mapped[str] = mapped_column(String(32))
    completed_at: Mapped[str | None] = mapped_column(String(32))


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
    # The article field nothing found ("title", "published_at", ...), when that is the fault.
    field: Mapped[str | None] = mapped_column(String(100))


class IndicatorRow(Base):
    """A figure found in an article's text (see crawler.indicators)."""

    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_url: Mapped[str] = mapped_column(String(2048), index=True)
    portal: Mapped[str] = mapped_column(String(200), index=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    value: Mapped[float] = mapped_column(Float)
    value_max: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(10))  # actual | target
    year: Mapped[int | None] = mapped_column(Integer)
    change: Mapped[bool] = mapped_column(Boolean, default=False)
    period: Mapped[str | None] = mapped_column(String(60))
    qualifier: Mapped[str | None] = mapped_column(String(4))
    total: Mapped[float | None] = mapped_column(Float)
    # Catalogue code (crawler/indicators/catalogue.toml) and the plan an actual states.
    indicator: Mapped[str | None] = mapped_column(String(60), index=True)
    plan_value: Mapped[float | None] = mapped_column(Float)
    plan_value_max: Mapped[float | None] = mapped_column(Float)
    sentence: Mapped[str] = mapped_column(Text)
    published_at: Mapped[str | None] = mapped_column(String(32))
    extracted_at: Mapped[str] = mapped_column(String(32))


class PortalIndicatorRow(Base):
    """A figure a portal shows about itself, one row per snapshot (``as_of``, the widget's
    "Cập nhật lúc"): a time series per portal."""

    __tablename__ = "portal_indicators"
    # One row per snapshot, also when two crawls store it at once (figures without an
    # ``as_of`` are never equal here: NULLs are distinct).
    __table_args__ = (
        Index("uq_portal_indicators_snapshot", "portal", "name", "as_of", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    portal: Mapped[str] = mapped_column(String(200), index=True)
    name: Mapped[str] = mapped_column(Text)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(60))
    as_of: Mapped[str | None] = mapped_column(String(32))
    crawled_at: Mapped[str] = mapped_column(String(32))
    source_url: Mapped[str] = mapped_column(String(2048))


class PortalFlagRow(Base):
    """Injected content found on a portal (spam links, hidden gambling blocks), so its owners
    can be warned: what, where, first and last seen."""

    __tablename__ = "portal_flags"
    __table_args__ = (UniqueConstraint("portal", "kind", "evidence"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    portal: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    evidence: Mapped[str] = mapped_column(Text)  # link target or text excerpt
    example_url: Mapped[str] = mapped_column(String(2048))
    first_seen: Mapped[str] = mapped_column(String(32))
    last_seen: Mapped[str] = mapped_column(String(32))
    pages: Mapped[int] = mapped_column(Integer, default=1)


class CrawlRunRow(Base):
    """One portal in one crawl run: what it yielded and which health checks failed.

    ``failed_checks`` is empty when every check passed; otherwise one line per failed check
    (the portal's own checks and the crawl-wide ones). ``scrapy health`` reads this table.
    """

    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    spider: Mapped[str] = mapped_column(String(50))
    portal: Mapped[str] = mapped_column(String(200), index=True)
    job: Mapped[str | None] = mapped_column(String(100))
    started_at: Mapped[str] = mapped_column(String(32))
    finished_at: Mapped[str] = mapped_column(String(32), index=True)
    finish_reason: Mapped[str | None] = mapped_column(String(100))
    pages: Mapped[int] = mapped_column(Integer, default=0)  # responses received
    listing_pages: Mapped[int] = mapped_column(Integer, default=0)
    article_pages: Mapped[int] = mapped_column(Integer, default=0)  # parsed + unparsable
    articles_new: Mapped[int] = mapped_column(Integer, default=0)
    articles_updated: Mapped[int] = mapped_column(Integer, default=0)
    articles_unparsable: Mapped[int] = mapped_column(Integer, default=0)
    articles_dropped: Mapped[int] = mapped_column(Integer, default=0)
    # Listed articles already stored and not fetched again by an incremental crawl.
    articles_known: Mapped[int | None] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    failed_checks: Mapped[str] = mapped_column(Text, default="")
    # Fields the generic extractor found where the family's selectors did not, with how
    # many articles each: JSON such as {"title": 12, "body": 12}.
    fallbacks: Mapped[str | None] = mapped_column(Text)


class AttachmentRow(Base):
    """A file an article links to (report, decision, spreadsheet); ``path`` is where it was
    saved under FILES_STORE when DOWNLOAD_ATTACHMENTS is on."""

    __tablename__ = "attachments"
    __table_args__ = (UniqueConstraint("article_url", "file_url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_url: Mapped[str] = mapped_column(String(2048), index=True)
    portal: Mapped[str] = mapped_column(String(200), index=True)
    file_url: Mapped[str] = mapped_column(String(2048))
    label: Mapped[str] = mapped_column(Text)
    file_type: Mapped[str | None] = mapped_column(String(10))
    path: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[str] = mapped_column(String(32))


def make_engine(url: str) -> Engine:
    """An engine for DATABASE_URL: SQLite in WAL mode with its directory created, PostgreSQL
    through psycopg 3 (``postgresql+psycopg://user:password@host:port/db``)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseConfigError(
            f"DATABASE_URL {masked_url(url)!r} is not a database URL "
            "(expected e.g. sqlite:///data/crawler.db or postgresql+psycopg://user:password@host/db)"
        ) from None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        _check_sqlite_folder(url, Path(parsed.database).parent)
    try:
        engine = create_engine(parsed)
    except (NoSuchModuleError, ImportError) as error:
        raise DatabaseConfigError(
            f"DATABASE_URL {masked_url(url)!r}: unsupported database ({error})"
        ) from None
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(connection, _record):
            cursor = connection.cursor()
            cursor.execute("PRAGMA busy_timeout=30000")
            _use_wal(cursor)
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

    return engine


def _use_wal(cursor) -> None:
    """Put the file in WAL mode (it stays so). Switching takes the file's lock, and SQLite
    answers "database is locked" at once, without its busy wait, when another connection
    holds it: crawls starting together on a new database retry for the busy timeout."""
    deadline = time.monotonic() + cursor.execute("PRAGMA busy_timeout").fetchone()[0] / 1000
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


# The folder of the default DATABASE_URL (sqlite:///data/crawler.db), made on first use; any
# other folder must exist, so that a typo in the path is an error, not a new empty database.
DEFAULT_DATABASE_FOLDER = Path("data")


def _check_sqlite_folder(url: str, folder: Path) -> None:
    if folder.is_dir():
        return
    if folder != DEFAULT_DATABASE_FOLDER:
        raise DatabaseConfigError(
            f"DATABASE_URL {masked_url(url)!r}: folder {str(folder)!r} does not exist "
            "(create it first: a mistyped path would start a new, empty database)"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseConfigError(
            f"DATABASE_URL {masked_url(url)!r}: cannot create the folder of the database file "
            f"({error.strerror or error})"
        ) from None


def check_database(url: str) -> None:
    """Raise DatabaseConfigError unless DATABASE_URL names a database we can open and write."""
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(select(1))
        create_schema(engine)
    except (OperationalError, DatabaseError) as error:
        reason = str(getattr(error, "orig", None) or error).splitlines()[0]
        password = make_url(url).password
        if password:
            reason = reason.replace(str(password), "***")
        if is_disk_full(error, url):
            raise DiskFullError(
                f"DATABASE_URL {masked_url(url)!r}: the disk is full ({reason})"
            ) from None
        raise DatabaseConfigError(
            f"DATABASE_URL {masked_url(url)!r}: cannot open the database ({reason})"
        ) from None
    finally:
        engine.dispose()


def create_schema(engine: Engine) -> None:
    """Create missing tables and add missing nullable columns to tables of older versions.

    Jobs that scrapyd starts together on a new database race here: a table created by
    another job between the check and the CREATE fails ours, and the next pass skips it.
    Each such failure means one more table or index exists, so one pass per table and index
    always ends.
    """
    tables = Base.metadata.tables.values()
    passes = len(tables) + sum(len(table.indexes) for table in tables) + 1
    for attempt in range(passes):
        try:
            Base.metadata.create_all(engine)
            break
        except DBAPIError as error:
            if not _created_meanwhile(error) or attempt == passes - 1:
                raise
    add_missing_columns(engine)
    add_snapshot_key(engine)
    create_search_index(engine)


def add_snapshot_key(engine: Engine) -> None:
    """Give a database made before it the unique key of widget snapshots, dropping the
    copies that overlapping crawls stored (the first one is kept)."""
    key = PortalIndicatorRow.__table__.indexes
    [index] = [index for index in key if index.name == "uq_portal_indicators_snapshot"]
    if any(i["name"] == index.name for i in inspect(engine).get_indexes("portal_indicators")):
        return
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "DELETE FROM portal_indicators WHERE as_of IS NOT NULL AND id NOT IN "
                "(SELECT min(id) FROM portal_indicators GROUP BY portal, name, as_of)"
            )
            index.create(connection, checkfirst=True)
    except DBAPIError as error:  # another crawl starting at once made it first
        if "already exists" not in str(error) and "duplicate key" not in str(error):
            raise


def add_missing_columns(engine: Engine) -> None:
    """The one migration we need: ``create_all`` never adds columns to an existing table.

    Only nullable columns are added, so existing rows stay valid; running it twice does nothing.
    """
    inspector = inspect(engine)
    for table in Base.metadata.sorted_tables:
        present = {column["name"] for column in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in present or not column.nullable:
                continue
            definition = str(CreateColumn(column).compile(dialect=engine.dialect))
            add = DDL("ALTER TABLE %(table)s ADD COLUMN %(column)s", {"column": definition})
            try:
                with engine.begin() as connection:  # one column per transaction
                    connection.execute(add.against(table))
            except DBAPIError as error:
                # Crawls started together upgrade the same database: another one added the
                # column since we looked, which is what we wanted.
                if not _column_exists_error(error):
                    raise


def _created_meanwhile(error: DBAPIError) -> bool:
    """A CREATE that lost the race to another process: SQLite and PostgreSQL say "already
    exists"; PostgreSQL may instead trip over the catalogue's unique index of type names."""
    message = str(error.orig if error.orig is not None else error).lower()
    return "already exists" in message or "pg_type_typname_nsp_index" in message


def _column_exists_error(error: DBAPIError) -> bool:
    message = str(error.orig if error.orig is not None else error).lower()
    return "duplicate column" in message or "already exists" in message


# Full-text search over articles (SQLite FTS5), for the explorer's search box.
# unicode61 with remove_diacritics 2 makes "ho ngheo" match "hộ nghèo", but it keeps đ (a letter
# of its own, not d with a mark): so a third column holds title and body with đ folded to d
# (NULL when they have no đ), and "dong" and "đồng" both find "đồng". The table is contentless
# (the text lives in `articles` only); triggers keep it in step with every write to articles,
# deleting an entry with the very values it was indexed with, as contentless tables require.
SEARCH_TABLE = "articles_fts"
SEARCH_DDL = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, folded, content='', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, body, folded) VALUES (new.id, new.title, new.body, "
    "nullif(replace(replace(new.title || ' ' || new.body, 'đ', 'd'), 'Đ', 'D'), "
    "new.title || ' ' || new.body)); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, body, folded) VALUES ('delete', "
    "old.id, old.title, old.body, "
    "nullif(replace(replace(old.title || ' ' || old.body, 'đ', 'd'), 'Đ', 'D'), "
    "old.title || ' ' || old.body)); END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, body, folded) VALUES ('delete', "
    "old.id, old.title, old.body, "
    "nullif(replace(replace(old.title || ' ' || old.body, 'đ', 'd'), 'Đ', 'D'), "
    "old.title || ' ' || old.body)); "
    "INSERT INTO articles_fts(rowid, title, body, folded) VALUES (new.id, new.title, new.body, "
    "nullif(replace(replace(new.title || ' ' || new.body, 'đ', 'd'), 'Đ', 'D'), "
    "new.title || ' ' || new.body)); END",
    # Built for the articles stored before the index existed (an upgraded database).
    "INSERT INTO articles_fts(rowid, title, body, folded) SELECT id, title, body, "
    "nullif(replace(replace(title || ' ' || body, 'đ', 'd'), 'Đ', 'D'), title || ' ' || body) "
    "FROM articles",
)


def create_search_index(engine: Engine) -> None:
    """Create and fill the search index once, under SQLite's write lock so that crawls starting
    together build it once; a database that has it is left alone. SQLite only."""
    if engine.dialect.name != "sqlite":
        return
    raw = engine.raw_connection()
    try:
        connection = raw.driver_connection
        present = "SELECT 1 FROM sqlite_master WHERE name = ?"
        if connection.execute(present, (SEARCH_TABLE,)).fetchone():
            return
        previous, connection.isolation_level = connection.isolation_level, None
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                if not connection.execute(present, (SEARCH_TABLE,)).fetchone():
                    for statement in SEARCH_DDL:
                        connection.execute(statement)
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        finally:
            connection.isolation_level = previous
    finally:
        raw.close()


# pg_advisory_xact_lock key of the dedup claim transactions (any constant of our own).
DEDUP_LOCK_KEY = 0x76_6E_64_65_64_75_70  # "vndedup"


@contextmanager
def write_transaction(bind: Engine | Connection, lock_key: int | None = None):
    """A transaction that holds the write lock from its start, so read-then-write work in it
    sees no other process's write in between. ``bind`` is an engine (a connection of its
    pool for this transaction) or a connection held by the caller (no pool check-out per
    transaction, for one made per article).

    SQLite: ``BEGIN IMMEDIATE`` (waits up to the busy timeout for other writers); a deferred
    transaction that read first would fail with "database is locked" when it came to write.
    PostgreSQL: row locks do that for upserts; ``lock_key`` also takes a transaction-scoped
    advisory lock, for decisions that must be made one process at a time.
    """
    with nullcontext(bind) if isinstance(bind, Connection) else bind.connect() as connection:
        try:
            if connection.dialect.name == "sqlite":
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            elif lock_key is not None and connection.dialect.name == "postgresql":
                connection.execute(select(func.pg_advisory_xact_lock(lock_key)))
            yield connection
            connection.commit()
        except BaseException:
            connection.rollback()
            raise


def is_contention(error: DBAPIError) -> bool:
    """A write that lost a race with another process and may simply be run again: SQLite's
    "database is locked", PostgreSQL's deadlock and serialization failures."""
    code = getattr(getattr(error, "orig", None), "sqlstate", None)
    return code in ("40P01", "40001") or "database is locked" in str(error)


def insert_for(engine: Engine):
    """The dialect's INSERT that supports ON CONFLICT (SQLite and PostgreSQL)."""
    if engine.dialect.name == "postgresql":
        return postgresql.insert
    if engine.dialect.name == "sqlite":
        return sqlite.insert
    raise DatabaseConfigError(f"database {engine.dialect.name!r} is not supported")


class DriverStatement:
    """A SQLAlchemy statement compiled once for a dialect and run on the driver
    (``exec_driver_sql``, errors still raised as DBAPIError). For statements run once per
    article or per row of a large batch, SQLAlchemy's per-execution path (parameter
    processing, result set-up) cost more than the database's own work (bench pipeline:
    about 0.2 ms a statement). Values reach the driver as they are (text, numbers,
    booleans, bytes, None): no type's bind processing is applied."""

    def __init__(self, statement, dialect):
        compiled = statement.compile(dialect=dialect)
        self.sql = compiled.string
        # Values the statement holds itself (LIMIT 1); every other parameter must be given.
        self.defaults = {name: v for name, v in compiled.params.items() if v is not None}
        self.positions = compiled.positiontup  # parameter names in order (qmark), or None
        # The driver's base exception, for run_on_cursor (none for a dialect without driver).
        self.driver_error = getattr(dialect.dbapi, "Error", ())

    def bind(self, values: dict):
        values = {**self.defaults, **values}
        if self.positions is None:
            return values
        return tuple(values[name] for name in self.positions)

    def run(self, connection, values: dict | list[dict]):
        """Execute with ``values`` (a list of them: executemany)."""
        if isinstance(values, list):
            return connection.exec_driver_sql(self.sql, [self.bind(v) for v in values])
        return connection.exec_driver_sql(self.sql, self.bind(values))

    def run_on_cursor(self, cursor, values: dict | list[dict]):
        """Execute on a driver cursor inside the caller's transaction; the cursor, to fetch
        from. No SQLAlchemy execution context at all: for the few statements of one short
        transaction per article (the dedup claim), that context cost more than SQLite's own
        work (bench pipeline: about 0.3 ms an article). A driver error is raised as
        SQLAlchemy's DBAPIError, as `run` raises it."""
        try:
            if isinstance(values, list):
                cursor.executemany(self.sql, [self.bind(v) for v in values])
            else:
                cursor.execute(self.sql, self.bind(values))
        except self.driver_error as error:
            raise DBAPIError.instance(self.sql, values, error, self.driver_error) from error
        return cursor


def insert_many(connection, table: Table, rows: list[dict]) -> None:
    """Insert ``rows`` (dicts with the same keys, all columns of ``table``) in one driver
    executemany (DriverStatement): for the thousands of small rows of a batch (indicators),
    SQLAlchemy's per-value parameter processing cost more than the database's insert."""
    if not rows:
        return
    unknown = sorted(set(rows[0]) - set(table.columns.keys()))
    if unknown:
        raise ValueError(f"table {table.name}: no columns {', '.join(unknown)}")
    statement = table.insert().values({name: bindparam(name) for name in rows[0]})
    DriverStatement(statement, connection.dialect).run(connection, rows)


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
            **_units_2025(p),
        }
        for p in sorted(portals, key=lambda p: p.id)  # one lock order for every process
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


def _units_2025(portal: Portal) -> dict:
    """The portal's 2025 units as columns; empty for a portal known only by a URL."""
    try:
        units = Units2025.of(portal.province, portal.commune_2025)
    except UnitError:
        units = None
    return {
        "province_2025": units and units.province,
        "province_code_2025": units and units.province_code,
        "commune_2025": units and units.commune,
        "commune_code_2025": units and units.commune_code,
    }


def existing_urls(connection, urls: list[str]) -> set[str]:
    if not urls:
        return set()
    found = connection.execute(select(ArticleRow.url).where(ArticleRow.url.in_(urls)))
    return set(found.scalars())


def new_snapshots(connection, rows: list[dict]) -> list[dict]:
    """The portal figures of ``rows`` not stored yet: a widget's "Cập nhật lúc" time
    (``as_of``) names its snapshot, which every crawl until the next update sees again.
    Figures without an ``as_of`` are always new."""
    snapshots = {(r["portal"], r["name"], r["as_of"]) for r in rows if r.get("as_of")}
    stored = set()
    if snapshots:
        query = select(
            PortalIndicatorRow.portal, PortalIndicatorRow.name, PortalIndicatorRow.as_of
        ).where(
            PortalIndicatorRow.portal.in_({portal for portal, _, _ in snapshots}),
            PortalIndicatorRow.as_of.in_({as_of for _, _, as_of in snapshots}),
        )
        stored = {tuple(row) for row in connection.execute(query)}
    fresh = []
    for row in rows:
        key = (row["portal"], row["name"], row.get("as_of"))
        if row.get("as_of") and key in stored:
            continue
        stored.add(key)
        fresh.append(row)
    return fresh


def stored_article_urls(engine: Engine, portals: list[str]) -> set[str]:
    """URLs of the articles already stored for these portals (what an incremental crawl skips)."""
    if not portals:
        return set()
    with engine.connect() as connection:
        found = connection.execute(select(ArticleRow.url).where(ArticleRow.portal.in_(portals)))
        return set(found.scalars())


def listing_validators(
    engine: Engine, portals: list[str]
) -> dict[str, tuple[str | None, str | None]]:
    """``{url: (etag, last_modified)}`` of the stored listing pages of these portals."""
    if not portals:
        return {}
    query = select(PageRow.url, PageRow.etag, PageRow.last_modified).where(
        PageRow.kind == "listing",
        PageRow.portal.in_(portals),
        (PageRow.etag.is_not(None)) | (PageRow.last_modified.is_not(None)),
    )
    with engine.connect() as connection:
        return {row.url: (row.etag, row.last_modified) for row in connection.execute(query)}


def stored_page(engine: Engine, url: str) -> tuple[bytes, str | None] | None:
    """The stored body (as served, decompressed) and encoding of a page, or None."""
    query = select(PageRow.html, PageRow.encoding, PageRow.compression).where(PageRow.url == url)
    with engine.connect() as connection:
        row = connection.execute(query).first()
    if row is None or not row.html:
        return None
    return page_decoder(engine).decode(row.html, row.compression), row.encoding


def page_decoder(engine: Engine) -> PageDecoder:
    """Reads stored pages back as served, loading each portal dictionary once."""

    def load(dictionary_id: int) -> bytes | None:
        query = select(PageDictionaryRow.dictionary).where(PageDictionaryRow.id == dictionary_id)
        with engine.connect() as connection:
            return connection.execute(query).scalar()

    return PageDecoder(load)


def page_compressor(engine: Engine, codec: str = "zstd", train_pages: int = 24) -> PageCompressor:
    """Compresses pages for ``pages.html`` with the portals' dictionaries in this database."""

    def find(portal: str) -> tuple[int, bytes] | None:
        query = select(PageDictionaryRow.id, PageDictionaryRow.dictionary).where(
            PageDictionaryRow.portal == portal
        )
        with engine.connect() as connection:
            row = connection.execute(query).first()
        return (row.id, row.dictionary) if row else None

    def store(portal: str, dictionary: bytes, samples: int) -> tuple[int, bytes]:
        row = {"portal": portal, "dictionary": dictionary, "samples": samples}
        statement = insert_for(engine)(PageDictionaryRow).values(**row, created_at=now_iso())
        with engine.begin() as connection:  # a dictionary another process stored first wins
            connection.execute(statement.on_conflict_do_nothing(index_elements=["portal"]))
        return find(portal)

    return PageCompressor(find, store, codec=codec, train_pages=train_pages)
