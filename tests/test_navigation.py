"""Navigation end to end: an article's identity is fixed when its link is read, and a
WebForms postback pager is walked by posting the page's form, with a loop guard."""

import re
from datetime import datetime, timedelta

from conftest import crawl, rows
from faultserver import generated_articles
from variantserver import VariantServer

from crawler.dates import VN_TZ
from crawler.db import CrawlRunRow
from crawler.health import OK, WALK_UNFINISHED, portal_health
from crawler.text.urls import canonical_url


def stat(result, name: str) -> int:
    match = re.search(rf"'{re.escape(name)}': (\d+)", result.stderr)
    return int(match[1]) if match else 0


def test_an_incremental_recrawl_fetches_no_stored_article_whatever_the_form_of_its_link(
    tmp_path,
):
    server = VariantServer(generated_articles(15), page_size=10).start()
    db = tmp_path / "c.db"
    try:
        first = crawl("haiduong", "-a", f"url={server.listing_url}", db=db, proxy="")
        assert first.returncode == 0, first.stderr[-3000:]
        stored = {r["url"] for r in rows(db, "SELECT url FROM articles")}
        assert len(stored) == 15
        assert all(url == canonical_url(url) for url in stored)
        for shift in (0, 3):
            server.hits.clear()
            server.link_style = f"mixed+{shift}"
            again = crawl("haiduong", "-a", f"url={server.listing_url}", db=db, proxy="")
            assert again.returncode == 0, again.stderr[-3000:]
            assert server.article_requests() == [], shift
            # Page 1 changed (new spellings): its ten articles are known, the walk stops.
            assert stat(again, "incremental/articles_skipped") == 10
            assert stat(again, "incremental/pagination_stopped") == 1
        assert {r["url"] for r in rows(db, "SELECT url FROM articles")} == stored
        assert rows(db, "SELECT count(*) FROM failures")[0][0] == 0
    finally:
        server.stop()


def test_a_postback_pager_is_walked_by_posting_the_form_and_a_cycle_stops_it(tmp_path):
    server = VariantServer(
        generated_articles(25), page_size=10, pager="postback", cyclic=True
    ).start()
    db = tmp_path / "c.db"
    try:
        result = crawl("haiduong", "-a", f"url={server.listing_url}", db=db, proxy="")
    finally:
        server.stop()
    assert result.returncode == 0, result.stderr[-3000:]
    assert rows(db, "SELECT count(*) FROM articles")[0][0] == 25
    # Page 2 and 3 posted with the page's own state; the last page's "»" back to page 1
    # is posted once more and recognised as a page seen before.
    arguments = [form["__EVENTARGUMENT"][0] for form in server.posts]
    assert arguments == ["Page$2", "Page$3", "Page$1"]
    assert all(form["__EVENTTARGET"] == ["ctl00$main$pager"] for form in server.posts)
    assert stat(result, "pager/postback") == 3
    assert stat(result, "pager/loop") == 1
    walk = rows(db, "SELECT status FROM listing_walks")
    assert [w["status"] for w in walk] == ["complete"]


def test_a_script_pager_that_cannot_be_followed_is_counted_and_logged(tmp_path):
    server = VariantServer(
        generated_articles(15), page_size=10, pager_href="javascript:showPage({page})"
    ).start()
    db = tmp_path / "c.db"
    try:
        result = crawl("haiduong", "-a", f"url={server.listing_url}", db=db, proxy="")
    finally:
        server.stop()
    assert stat(result, "pager/unfollowable") == 1
    assert "javascript:showPage(2)" in result.stderr and "cannot be followed" in result.stderr
    assert rows(db, "SELECT count(*) FROM articles")[0][0] == 10
    # The walk did not reach the listing's end: health must not call the portal OK.
    assert [w["status"] for w in rows(db, "SELECT status FROM listing_walks")] == ["walking"]


def test_a_portal_with_an_unfinished_walk_is_not_ok_however_good_its_last_run():
    now = datetime.now(VN_TZ)
    good = CrawlRunRow(
        portal="p",
        finished_at=(now - timedelta(hours=1)).isoformat(),
        articles_new=40,
        articles_updated=0,
        articles_known=0,
        article_pages=40,
        articles_unparsable=0,
        errors=0,
        failed_checks="",
    )
    assert portal_health("p", [good], now, 7, 0.5).status == OK
    state = portal_health("p", [good], now, 7, 0.5, ["http://xa.vn/tin-tuc"])
    assert state.status == WALK_UNFINISHED
    assert state.failed_checks == [
        "listing http://xa.vn/tin-tuc: pager walk unfinished (a crawl was interrupted; "
        "the next one goes on)"
    ]
