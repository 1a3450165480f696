"""The project's commands on a PostgreSQL DATABASE_URL: crawl, export (CSV and the SQLite copy
for the explorer), health, reparse; the password never shows in their output."""

import csv
import sqlite3
import subprocess

import psycopg
import pytest
from conftest import PROJECT, SCRAPY, crawl, load_gold, rows
from pgserver import PASSWORD

from crawler.db import create_schema, make_engine, stored_page

GOLD_ARTICLES, _ = load_gold()
YENMO = "yenmo.ninhbinh.gov.vn"


def scrapy(database: str, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [SCRAPY, *arguments, "-s", f"DATABASE_URL={database}"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture(scope="module")
def crawled(mirror, postgres):
    """Yên Mô crawled into a PostgreSQL database."""
    database = postgres.database()
    result = crawl("ninhbinh", "-a", "portal=ninhbinh-yenmo", db=database, proxy=mirror.url)
    assert result.returncode == 0, result.stderr[-3000:]
    assert PASSWORD not in result.stdout + result.stderr
    return database


def test_export_to_sqlite_gives_the_explorer_every_analyst_table(crawled, tmp_path):
    target = tmp_path / "explorer.db"
    result = scrapy(crawled, "export", "--sqlite", str(target), "--pages")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "12 articles" in result.stdout and PASSWORD not in result.stdout + result.stderr
    copy = sqlite3.connect(target)
    tables = {name for (name,) in copy.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "indicators", "portals", "crawl_runs", "failures", "pages"} <= tables
    assert not tables & {"dedup_claims", "dedup_bands", "page_dictionaries"}
    urls = sorted(url for (url,) in copy.execute("SELECT url FROM articles"))
    assert urls == sorted(g["url"] for g in GOLD_ARTICLES if g["host"] == YENMO)
    assert copy.execute("SELECT count(*) FROM indicators").fetchone()[0] == len(
        rows(crawled, "SELECT id FROM indicators")
    )
    # Pages in the copy are as served: readable without the dictionaries left behind.
    for html, compression in copy.execute("SELECT html, compression FROM pages WHERE kind = 'article'"):
        assert compression is None and b"</html>" in html.lower()
    copy.close()


def test_csv_export_health_and_reparse_run_on_postgresql(crawled, tmp_path):
    exported = tmp_path / "articles.csv"
    result = scrapy(crawled, "export", "articles", "-o", str(exported))
    assert result.returncode == 0, result.stderr[-3000:]
    with open(exported, encoding="utf-8-sig") as handle:
        assert len(list(csv.DictReader(handle))) == 12
    health = scrapy(crawled, "health", "--json", "--portal", "ninhbinh-yenmo")
    assert health.returncode == 0, health.stdout + health.stderr[-3000:]
    assert '"OK"' in health.stdout
    before = rows(crawled, "SELECT url, title, body FROM articles ORDER BY url")
    reparse = scrapy(crawled, "reparse", "--portal", "ninhbinh-yenmo")
    assert reparse.returncode == 0, reparse.stderr[-3000:]
    assert "'reparse/pages': 12" in reparse.stderr
    assert rows(crawled, "SELECT url, title, body FROM articles ORDER BY url") == before
    assert PASSWORD not in health.stdout + health.stderr + reparse.stderr


def test_a_wrong_password_is_one_line_that_does_not_show_the_password(mirror, postgres):
    wrong = postgres.url("postgres").replace(PASSWORD, "not-the-password-123")
    result = crawl("ninhbinh", "-a", "portal=ninhbinh-yenmo", db=wrong, proxy=mirror.url)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, result.stderr[-3000:]
    assert lines[0].startswith("error: DATABASE_URL 'postgresql+psycopg://crawler:***@")
    assert "password authentication failed" in lines[0]
    assert "not-the-password-123" not in result.stderr


def test_an_older_postgresql_database_gets_the_new_columns_and_keeps_its_pages(postgres):
    """A `pages` table of an earlier version (no validators, no compression column)."""
    database = postgres.database()
    plain = database.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain) as connection:
        connection.execute(
            "CREATE TABLE pages (url VARCHAR(2048) PRIMARY KEY, portal VARCHAR(200),"
            " kind VARCHAR(20), status INTEGER, content_type VARCHAR(200), encoding VARCHAR(40),"
            " html BYTEA, fetched_at VARCHAR(32))"
        )
        connection.execute(
            "INSERT INTO pages VALUES ('http://a/1', 'p', 'article', 200, NULL, NULL,"
            " '<html>cũ</html>'::bytea, 't')"
        )
    engine = make_engine(database)
    create_schema(engine)
    create_schema(engine)  # idempotent
    assert stored_page(engine, "http://a/1") == ("<html>cũ</html>".encode(), None)
    engine.dispose()
    columns = rows(
        database,
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'pages'",
    )
    assert {"etag", "last_modified", "compression"} <= {c["column_name"] for c in columns}
    tables = rows(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    assert {"articles", "dedup_claims", "page_dictionaries"} <= {t["tablename"] for t in tables}
