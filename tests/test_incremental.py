"""Scheduled re-crawls fetch only what changed: stored articles are skipped, the pager walk
stops at known pages, and listing pages are asked conditionally (ETag / Last-Modified)."""

import re
import sqlite3

from conftest import crawl, rows

from crawler.db import create_schema, make_engine, stored_page

HOST = "quangthanh.kinhmon.haiduong.gov.vn"
LISTING = f"http://{HOST}/Trang/TinTuc.aspx?cid=2"


def stat(result, name: str) -> int:
    match = re.search(rf"'{re.escape(name)}': (\d+)", result.stderr)
    return int(match[1]) if match else 0


def article_requests(server) -> list[str]:
    return [r for r in server.requests if "ChiTietTinTuc" in r]


def first_crawl(server, db):
    result = crawl("haiduong", "-a", f"url={LISTING}", db=db, proxy=server.url)
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(rows(db, "SELECT url FROM articles")) == 13
    server.requests.clear()


def test_a_recrawl_of_an_unchanged_portal_fetches_no_article(mirror_copy, database):
    """On SQLite and PostgreSQL (the look-ups of stored articles and listing validators)."""
    db = database
    first_crawl(mirror_copy, db)
    listing = rows(db, "SELECT kind, etag, last_modified FROM pages WHERE url = ?", LISTING)[0]
    assert listing["kind"] == "listing" and listing["etag"] and listing["last_modified"]

    result = crawl("haiduong", "-a", f"url={LISTING}", db=db, proxy=mirror_copy.url)
    assert result.returncode == 0, result.stderr[-3000:]
    assert article_requests(mirror_copy) == []
    assert stat(result, "downloader/request_count") == 2  # robots.txt and listing page 1
    assert stat(result, "incremental/not_modified") == 1
    assert stat(result, "downloader/response_status_count/304") == 1
    assert stat(result, "incremental/articles_skipped") == 10  # the ten listed on page 1
    assert stat(result, "incremental/pagination_stopped") == 1
    assert not any("p=2" in r for r in mirror_copy.requests)
    assert len(rows(db, "SELECT url FROM articles")) == 13


def test_a_new_article_on_the_first_listing_page_is_picked_up(mirror_copy, tmp_path):
    db = tmp_path / "c.db"
    first_crawl(mirror_copy, db)
    folder = mirror_copy.root / HOST / "Trang"
    source = next(folder.glob("ChiTietTinTuc.aspx@nid=1300&*"))
    new_name = "ChiTietTinTuc.aspx@nid=1500&title=xa-ra-quan-ve-sinh-moi-truong.html"
    (folder / new_name).write_text(
        # A new article: new title and new text (the same text again would be a duplicate).
        source.read_text()
        .replace(
            "Đảng ủy xã tổ chức hội nghị Ban Chấp hành mở rộng", "Xã ra quân vệ sinh môi trường"
        )
        .replace("Sáng 24/3, UBND xã", "Sáng 1/9, Đoàn thanh niên và UBND xã")
    )
    listing_file = folder / "TinTuc.aspx@cid=2"
    listing_file.write_text(
        listing_file.read_text().replace(
            '<table class="list-news">',
            '<table class="list-news">\n<tr><td class="news-item"><a class="title" '
            'href="/Trang/ChiTietTinTuc.aspx?nid=1500&title=xa-ra-quan-ve-sinh-moi-truong.html">'
            'Xã ra quân vệ sinh môi trường</a>\n<span class="date">(01/09/2024)</span></td></tr>',
        )
    )
    result = crawl("haiduong", "-a", f"url={LISTING}", db=db, proxy=mirror_copy.url)
    assert result.returncode == 0, result.stderr[-3000:]
    assert [r.split("?")[1] for r in article_requests(mirror_copy)] == [
        "nid=1500&title=xa-ra-quan-ve-sinh-moi-truong.html"
    ]
    # Page 1 changed (200, one new article) so page 2 is asked too; it is unchanged (304).
    assert stat(result, "incremental/not_modified") == 1
    new = rows(db, "SELECT title, published_at FROM articles WHERE url LIKE '%nid=1500&%'")
    assert [(r["title"], r["published_at"][:10]) for r in new] == [
        ("Xã ra quân vệ sinh môi trường", "2024-03-24")
    ]
    assert len(rows(db, "SELECT url FROM articles")) == 14


def test_full_fetches_everything_again(mirror_copy, tmp_path):
    db = tmp_path / "c.db"
    first_crawl(mirror_copy, db)
    result = crawl("haiduong", "-a", f"url={LISTING}", "-a", "full=1", db=db, proxy=mirror_copy.url)
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(set(article_requests(mirror_copy))) == 13
    assert stat(result, "incremental/not_modified") == 0
    assert stat(result, "articles/updated") == 13


def test_the_pager_walk_goes_on_when_the_stop_is_disabled(mirror_copy, tmp_path):
    db = tmp_path / "c.db"
    first_crawl(mirror_copy, db)
    result = crawl(
        "haiduong",
        "-a",
        f"url={LISTING}",
        "-s",
        "INCREMENTAL_STOP_AFTER_KNOWN_PAGES=0",
        db=db,
        proxy=mirror_copy.url,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert any("p=2" in r for r in mirror_copy.requests)
    assert article_requests(mirror_copy) == []
    assert stat(result, "incremental/articles_skipped") == 13


def test_an_old_database_gets_the_new_columns_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE TABLE pages (url VARCHAR(2048) PRIMARY KEY, portal VARCHAR(200), kind VARCHAR(20),"
        " status INTEGER, content_type VARCHAR(200), encoding VARCHAR(40), html BLOB,"
        " fetched_at VARCHAR(32))"
    )
    connection.execute(
        "INSERT INTO pages VALUES ('http://a/1', 'p', 'article', 200, NULL, NULL, CAST('<html>ok' AS BLOB), 't')"
    )
    connection.commit()
    connection.close()
    engine = make_engine(f"sqlite:///{path}")
    create_schema(engine)
    create_schema(engine)  # idempotent
    assert stored_page(engine, "http://a/1") == (b"<html>ok", None)  # stored as served
    engine.dispose()
    columns = [r["name"] for r in rows(path, "PRAGMA table_info(pages)")]
    assert columns[-3:] == ["etag", "last_modified", "compression"]
    assert [r["url"] for r in rows(path, "SELECT url FROM pages")] == ["http://a/1"]
