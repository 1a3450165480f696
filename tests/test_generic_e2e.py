"""Real `scrapy crawl generic -a url=...` runs through the mirrors, compared with the gold
articles: the sample families read as if their selectors were unknown, and a made-up
fourth platform (tests/fixtures/generic) with other markup, a dated sidebar, a footer and
a counter inside the content."""

import json

import pytest
from conftest import FIXTURES, PORTALS, crawl, load_gold, rows

from bench.generic_vs_trafilatura import boilerplate_left, template_lines, word_f1
from crawler.mirror import MirrorServer, mirror_path
from crawler.registry import load_registry

GOLD_ARTICLES, GOLD_LISTINGS = load_gold()
MADE_UP = FIXTURES / "generic"
MADE_UP_GOLD = [json.loads(line) for line in (MADE_UP / "gold.jsonl").read_text().splitlines()]


@pytest.fixture(scope="module")
def made_up_mirror():
    server = MirrorServer(MADE_UP).start()
    yield server
    server.stop()


def check_crawl(db, result, listing, articles, root, portal_id):
    assert result.returncode == 0, result.stderr[-3000:]
    stored = {row["url"]: row for row in rows(db, "SELECT * FROM articles")}
    assert set(stored) == {g["url"] for g in articles}
    assert rows(db, "SELECT * FROM failures") == []
    host_pages = [mirror_path(root, g["url"]).read_text() for g in articles]
    furniture = template_lines(host_pages)
    for gold in articles:
        row = stored[gold["url"]]
        assert row["portal"] == portal_id
        assert row["title"] == gold["title"], gold["url"]
        assert row["published_at"][:10] == gold["published"], gold["url"]
        assert row["published_at"].endswith("+07:00"), gold["url"]
        assert row["author"] == gold["author"], gold["url"]
        assert row["view_count"] == gold["views"], gold["url"]
        assert word_f1(row["body"], "\n".join(gold["body"])) >= 0.95, gold["url"]
        assert boilerplate_left(row["body"].replace("\n\n", "\n"), gold["body"], furniture) == []
        assert row["listing_url"] and row["listing_published_at"][:10] == gold["published"]
    pages = rows(db, "SELECT url, length(html) AS size FROM pages WHERE kind = 'article'")
    assert {p["url"] for p in pages} == set(stored)


@pytest.mark.parametrize("listing", GOLD_LISTINGS, ids=lambda g: g["family"])
def test_generic_crawl_of_a_sample_family_stores_every_gold_article(listing, mirror, tmp_path):
    db = tmp_path / "crawl.db"
    result = crawl("generic", "-a", f"url={listing['listing']}", db=db, proxy=mirror.url)
    articles = [g for g in GOLD_ARTICLES if g["host"] == listing["host"]]
    portal_id = load_registry().by_host(listing["host"]).id
    check_crawl(db, result, listing, articles, PORTALS, portal_id)
    families = {r["family"] for r in rows(db, "SELECT family FROM portals")}
    assert families == {listing["family"]}


def test_generic_crawl_of_an_unknown_platform_uses_the_host_as_portal(made_up_mirror, tmp_path):
    listing = next(g for g in MADE_UP_GOLD if "listing" in g)
    articles = [g for g in MADE_UP_GOLD if "body" in g]
    db = tmp_path / "crawl.db"
    result = crawl("generic", "-a", f"url={listing['listing']}", db=db, proxy=made_up_mirror.url)
    check_crawl(db, result, listing, articles, MADE_UP, listing["host"])
    assert "'generic/held_pages_max'" in result.stderr


def test_max_pages_stops_the_generic_crawl_after_the_first_listing_page(made_up_mirror, tmp_path):
    listing = next(g for g in MADE_UP_GOLD if "listing" in g)
    db = tmp_path / "crawl.db"
    result = crawl(
        "generic",
        "-a",
        f"url={listing['listing']}",
        "-a",
        "max_pages=1",
        db=db,
        proxy=made_up_mirror.url,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert rows(db, "SELECT count(*) AS n FROM articles")[0]["n"] == 3


def test_generic_crawl_without_a_url_says_what_is_missing(tmp_path, mirror):
    result = crawl("generic", db=tmp_path / "crawl.db", proxy=mirror.url)
    assert "scrapy crawl generic needs a listing page: -a url=" in result.stderr
