"""Shared test fixtures: the bundled portal mirror, gold data and a real `scrapy crawl` runner."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pgserver import PostgresServer

from crawler.mirror import MirrorServer

PROJECT = Path(__file__).resolve().parents[1]
FIXTURES = PROJECT / "tests" / "fixtures"
PORTALS = FIXTURES / "portals"
SCRAPY = str(Path(sys.executable).with_name("scrapy"))
FAST = ["-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=1"]


def load_gold() -> tuple[list[dict], list[dict]]:
    lines = [json.loads(line) for line in (PORTALS / "gold.jsonl").read_text().splitlines()]
    return [g for g in lines if "body" in g], [g for g in lines if "listing" in g]


@pytest.fixture(scope="session")
def mirror():
    server = MirrorServer(PORTALS).start()
    yield server
    server.stop()


@pytest.fixture
def mirror_copy(tmp_path):
    """A writable copy of the mirror served on its own port, for tests that change pages."""
    root = tmp_path / "mirror"
    shutil.copytree(PORTALS, root)
    server = MirrorServer(root).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL server for the whole session (tests/pgserver.py)."""
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    """An empty database of each backend: a SQLite file's Path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return tmp_path / "crawl.db"
    return request.getfixturevalue("postgres").database()


def database_url(db: Path | str) -> str:
    return db if isinstance(db, str) else f"sqlite:///{db}"


def crawl(
    spider: str,
    *arguments: str,
    db: Path | str,
    proxy: str,
    env: dict | None = None,
    timeout: int = 120,
) -> subprocess.CompletedProcess:
    """Run a real `scrapy crawl` process through the mirror proxy into ``db`` (a SQLite file's
    Path or a database URL)."""
    environment = {**os.environ, "http_proxy": proxy, "DATABASE_URL": database_url(db)}
    environment.pop("https_proxy", None)
    environment.update(env or {})
    command = [SCRAPY, "crawl", spider, *FAST, *arguments]  # later -s win over FAST
    return subprocess.run(
        command, cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=timeout
    )


def rows(db: Path | str, query: str, *params) -> list:
    """Rows of ``query`` (``?`` placeholders) from a SQLite file or a PostgreSQL URL."""
    if isinstance(db, str):
        import psycopg
        from psycopg.rows import dict_row

        plain = db.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(plain, row_factory=dict_row) as connection:
            return connection.execute(
                query.replace("%", "%%").replace("?", "%s"), params
            ).fetchall()
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    try:
        return connection.execute(query, params).fetchall()
    finally:
        connection.close()


def normalised(text: str) -> str:
    return " ".join((text or "").split())


def stored_pages(db: Path | str, kind: str = "article") -> dict[str, bytes]:
    """``{url: page as served}`` of the stored pages of a kind, decompressed by the crawler's
    own reader (pages are stored compressed: crawler/compression.py)."""
    from crawler.db import make_engine, stored_page

    engine = make_engine(database_url(db))
    try:
        urls = [r["url"] for r in rows(db, "SELECT url FROM pages WHERE kind = ?", kind)]
        return {url: stored_page(engine, url)[0] for url in urls}
    finally:
        engine.dispose()


def indicator_rows(text):
    """What the indicator extractor reads in ``text``, as (value, unit, kind, year, name)."""
    from crawler.indicators import extract_indicators

    return [(r.value, r.unit, r.kind, r.year, r.name) for r in extract_indicators(text)]


def indicator_values(text):
    """``indicator_rows`` keyed by value: {value: (unit, kind, year, name)}."""
    return {
        value: (unit, kind, year, name) for value, unit, kind, year, name in indicator_rows(text)
    }
