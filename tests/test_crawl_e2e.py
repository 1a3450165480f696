"""Real `scrapy crawl` processes against the bundled mirror, compared with gold.jsonl."""

import pytest
from conftest import crawl, load_gold, normalised, rows, stored_pages

from crawler.registry import load_registry

GOLD_ARTICLES, GOLD_LISTINGS = load_gold()


@pytest.mark.parametrize("listing", GOLD_LISTINGS, ids=lambda g: g["family"])
def test_crawl_by_listing_url_stores_exactly_the_gold_articles(listing, mirror, database):
    """On SQLite and on PostgreSQL (the `database` fixture)."""
    db = database
    result = crawl(listing["family"], "-a", f"url={listing['listing']}", db=db, proxy=mirror.url)
    assert result.returncode == 0, result.stderr[-3000:]
    expected = {g["url"]: g for g in GOLD_ARTICLES if g["host"] == listing["host"]}
    stored = {row["url"]: row for row in rows(db, "SELECT * FROM articles")}
    assert set(stored) == set(expected)
    assert len(stored) == listing["articles"]
    for url, gold in expected.items():
        row = stored[url]
        assert row["title"] == gold["title"], url
        assert row["published_at"][:10] == gold["published"], url
        assert row["published_at"].endswith("+07:00"), url
        assert row["author"] == gold["author"], url
        assert row["view_count"] == gold["views"], url
        assert normalised(row["body"]) == normalised("\n\n".join(gold["body"])), url
        assert row["body"].split("\n\n") == [normalised(p) for p in gold["body"]], url
        assert row["portal"] == load_registry().by_host(listing["host"]).id, url
    pages = stored_pages(db)
    assert set(pages) == set(expected)
    assert all(len(page) > 1000 and b"</html>" in page.lower() for page in pages.values())
    codecs = rows(db, "SELECT DISTINCT compression FROM pages WHERE kind = 'article'")
    assert {c["compression"][:4] for c in codecs} == {"zstd"}


def test_registry_portal_crawl_uses_the_registry_id(mirror, tmp_path):
    db = tmp_path / "crawl.db"
    result = crawl("haiduong", "-a", "portal=haiduong-quangthanh", db=db, proxy=mirror.url)
    assert result.returncode == 0, result.stderr[-3000:]
    portals = {row["portal"] for row in rows(db, "SELECT portal FROM articles")}
    assert portals == {"haiduong-quangthanh"}
    registered = rows(db, "SELECT * FROM portals WHERE id = 'haiduong-quangthanh'")
    assert registered[0]["level"] == "xã" and registered[0]["province"] == "Hải Dương"


def test_whole_family_crawl_goes_on_past_a_portal_that_is_down(mirror, tmp_path):
    """khoaichau is in the registry but not in the mirror: its listing 404s, kimdong is crawled."""
    db = tmp_path / "crawl.db"
    result = crawl("hungyen", db=db, proxy=mirror.url)
    assert result.returncode == 0, result.stderr[-3000:]
    assert rows(db, "SELECT count(*) AS n FROM articles")[0]["n"] == 9
    failures = rows(db, "SELECT * FROM failures")
    assert [(f["stage"], f["reason"], f["portal"]) for f in failures] == [
        ("listing", "HTTP 404", "hungyen-khoaichau")
    ]
    assert "'failures/listing': 1" in result.stderr


def test_a_listed_article_that_answers_404_is_logged_counted_and_skipped(mirror_copy, tmp_path):
    gone = next(mirror_copy.root.glob("yenmo.ninhbinh.gov.vn/tin-tuc-su-kien/trao-qua-tet*"))
    gone.unlink()
    db = tmp_path / "crawl.db"
    result = crawl("ninhbinh", "-a", "portal=ninhbinh-yenmo", db=db, proxy=mirror_copy.url)
    assert result.returncode == 0, result.stderr[-3000:]
    assert rows(db, "SELECT count(*) AS n FROM articles")[0]["n"] == 11
    failures = rows(db, "SELECT * FROM failures")
    assert len(failures) == 1
    assert failures[0]["url"].endswith("trao-qua-tet-cho-ho-ngheo-4804.html")
    assert (failures[0]["stage"], failures[0]["reason"], failures[0]["status"]) == (
        "article",
        "HTTP 404",
        404,
    )
    assert (
        "trao-qua-tet-cho-ho-ngheo-4804.html (portal ninhbinh-yenmo) failed: HTTP 404"
        in result.stderr
    )
    assert "'failures/article': 1" in result.stderr


def test_recrawl_updates_view_count_and_last_seen_without_new_rows(mirror_copy, tmp_path):
    db = tmp_path / "crawl.db"
    listing = "http://quangthanh.kinhmon.haiduong.gov.vn/Trang/TinTuc.aspx?cid=2"
    assert crawl("haiduong", "-a", f"url={listing}", db=db, proxy=mirror_copy.url).returncode == 0
    first = {r["url"]: dict(r) for r in rows(db, "SELECT * FROM articles")}
    page = next(mirror_copy.root.glob("quangthanh.kinhmon.haiduong.gov.vn/Trang/*nid=1412*"))
    page.write_text(
        page.read_text().replace(
            '<div class="news-date">',
            '<div class="views">Lượt xem: 77</div><div class="news-date">',
        )
    )
    # A full re-crawl (-a full=1): an incremental one would not fetch stored articles again.
    result = crawl(
        "haiduong", "-a", f"url={listing}", "-a", "full=1", db=db, proxy=mirror_copy.url
    )
    assert result.returncode == 0, result.stderr[-3000:]
    second = {r["url"]: dict(r) for r in rows(db, "SELECT * FROM articles")}
    assert set(second) == set(first)
    changed = next(url for url in second if "nid=1412" in url)
    assert first[changed]["view_count"] is None and second[changed]["view_count"] == 77
    assert all(second[u]["first_seen"] == first[u]["first_seen"] for u in first)
    assert all(second[u]["last_seen"] >= first[u]["last_seen"] for u in first)
    assert "'articles/updated': 13" in result.stderr


def test_max_pages_bounds_the_listing_depth(mirror, tmp_path):
    db = tmp_path / "crawl.db"
    result = crawl(
        "ninhbinh", "-a", "portal=ninhbinh-yenmo", "-a", "max_pages=1", db=db, proxy=mirror.url
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert rows(db, "SELECT count(*) AS n FROM articles")[0]["n"] == 5
