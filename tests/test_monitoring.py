"""crawl_runs rows, Spidermon health checks, `scrapy health`, progress lines and the summary."""

import json
import re
import subprocess
from datetime import datetime, timedelta

import pytest
from conftest import PORTALS, PROJECT, SCRAPY, crawl, load_gold, rows

from crawler.dates import VN_TZ
from crawler.db import CrawlRunRow
from crawler.health import (
    MOSTLY_UNPARSABLE,
    NEVER_CRAWLED,
    NO_ARTICLES,
    OK,
    STALE,
    portal_health,
)

GOLD_ARTICLES, GOLD_LISTINGS = load_gold()
YENMO = "yenmo.ninhbinh.gov.vn"
YENMO_ARTICLES = next(g["articles"] for g in GOLD_LISTINGS if g["host"] == YENMO)
YENMO_LISTING_PAGES = len(list((PORTALS / YENMO).glob("tin-tuc-su-kien.html*")))


def health(db, *arguments):
    environment = {"DATABASE_URL": f"sqlite:///{db}", "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [SCRAPY, "health", *arguments],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def runs(db, portal):
    return rows(db, "SELECT * FROM crawl_runs WHERE portal = ? ORDER BY id", portal)


def test_crawl_runs_hold_exact_per_portal_counts_and_the_log_shows_progress(mirror, tmp_path):
    db = tmp_path / "crawl.db"
    first = crawl(
        "ninhbinh",
        "-a",
        "portal=ninhbinh-yenmo",
        "-a",
        "_job=job-42",
        "-s",
        "PROGRESS_INTERVAL=0.01",
        db=db,
        proxy=mirror.url,
    )
    assert first.returncode == 0, first.stderr[-3000:]
    # full=1: every article is fetched again and updated (the default re-crawl skips them).
    second = crawl("ninhbinh", "-a", "portal=ninhbinh-yenmo", "-a", "full=1", db=db, proxy=mirror.url)
    assert second.returncode == 0, second.stderr[-3000:]

    recorded = runs(db, "ninhbinh-yenmo")
    assert len(recorded) == 2
    assert [dict(r) for r in rows(db, "SELECT DISTINCT portal FROM crawl_runs")] == [
        {"portal": "ninhbinh-yenmo"}
    ]
    for run, new, updated in ((recorded[0], YENMO_ARTICLES, 0), (recorded[1], 0, YENMO_ARTICLES)):
        assert run["spider"] == "ninhbinh" and run["finish_reason"] == "finished"
        assert (run["articles_new"], run["articles_updated"]) == (new, updated)
        assert run["listing_pages"] == YENMO_LISTING_PAGES
        assert run["article_pages"] == YENMO_ARTICLES
        assert run["pages"] == YENMO_LISTING_PAGES + YENMO_ARTICLES
        assert (run["articles_unparsable"], run["articles_dropped"], run["errors"]) == (0, 0, 0)
        assert run["failed_checks"] == ""
        assert run["started_at"] <= run["finished_at"] and run["finished_at"].endswith("+07:00")
    assert (recorded[0]["job"], recorded[1]["job"]) == ("job-42", None)

    assert "progress ninhbinh-yenmo: " in first.stderr
    assert "progress ninhbinh-yenmo: " not in second.stderr  # default interval: 60 s
    summary = second.stderr.split("crawl summary (ninhbinh, finished):\n", 1)[1].splitlines()
    assert summary[0].split() == [
        "portal",
        "listing",
        "pages",
        "new",
        "updated",
        "failures",
        "unparsable",
        "dropped",
    ]
    assert summary[2].split() == ["ninhbinh-yenmo", str(YENMO_LISTING_PAGES), "0"] + [
        str(YENMO_ARTICLES),
        "0",
        "0",
        "0",
    ]
    assert "[Spidermon] OK" in second.stderr and "health check failed" not in second.stderr
    # Spidermon 1.27 as shipped logs through Spider.log(), deprecated in Scrapy 2.19.
    assert "Deprecation" not in first.stderr + second.stderr

    report = health(db, "--portal", "ninhbinh-yenmo")
    assert report.returncode == 0, report.stdout + report.stderr
    assert report.stdout.splitlines()[2].split()[-1] == OK


def test_a_portal_down_gets_its_own_row_with_its_failure(mirror, tmp_path):
    """khoaichau is in the registry but not in the mirror; kimdong is crawled as usual."""
    db = tmp_path / "crawl.db"
    result = crawl("hungyen", db=db, proxy=mirror.url)
    assert result.returncode == 0, result.stderr[-3000:]
    kimdong, khoaichau = runs(db, "hungyen-kimdong")[0], runs(db, "hungyen-khoaichau")[0]
    assert (kimdong["articles_new"], kimdong["errors"]) == (9, 0)
    assert (khoaichau["articles_new"], khoaichau["listing_pages"], khoaichau["errors"]) == (0, 0, 1)
    report = health(db, "--json", "--portal", "hungyen-kimdong", "--portal", "hungyen-khoaichau")
    assert report.returncode == 1
    statuses = {h["portal"]: h["status"] for h in map(json.loads, report.stdout.splitlines())}
    assert statuses == {"hungyen-kimdong": OK, "hungyen-khoaichau": NO_ARTICLES}


def redesign_article_pages(root):
    """The article pages now load their body with a script: neither the ninhbinh selectors
    nor the generic extractor (which fills fields the selectors miss) find any text."""
    pages = list((root / YENMO / "tin-tuc-su-kien").glob("*.html"))
    assert pages
    for page in pages:
        empty = b'<div class="post-content-v2" data-src="/api/noi-dung"></div>'
        page.write_bytes(re.sub(rb'<div class="art-cont">.*?</div>', empty, page.read_bytes(), flags=re.S))


def test_a_redesigned_portal_fails_the_health_check_and_scrapy_health(mirror_copy, tmp_path):
    redesign_article_pages(mirror_copy.root)
    db = tmp_path / "crawl.db"
    result = crawl("ninhbinh", "-a", "portal=ninhbinh-yenmo", db=db, proxy=mirror_copy.url)
    assert result.returncode == 1, result.stderr[-3000:]
    assert (
        f"ERROR: health check failed: {MOSTLY_UNPARSABLE}: portal ninhbinh-yenmo: "
        f"{YENMO_ARTICLES} of {YENMO_ARTICLES} article pages could not be parsed" in result.stderr
    )
    assert "[Spidermon] FAILED" in result.stderr
    assert "'health/failed': " in result.stderr
    run = runs(db, "ninhbinh-yenmo")[0]
    assert (run["articles_unparsable"], run["article_pages"]) == (YENMO_ARTICLES, YENMO_ARTICLES)
    assert MOSTLY_UNPARSABLE in run["failed_checks"]

    report = health(db, "--portal", "ninhbinh-yenmo")
    assert report.returncode == 1
    assert report.stdout.splitlines()[2].endswith(MOSTLY_UNPARSABLE)
    assert f"ninhbinh-yenmo: {MOSTLY_UNPARSABLE}: portal ninhbinh-yenmo" in report.stdout


def test_a_portal_that_stops_yielding_articles_fails_loudly(mirror_copy, tmp_path):
    db = tmp_path / "crawl.db"
    good = crawl("ninhbinh", "-a", "portal=ninhbinh-yenmo", db=db, proxy=mirror_copy.url)
    assert good.returncode == 0, good.stderr[-3000:]
    for listing in (mirror_copy.root / YENMO).glob("tin-tuc-su-kien.html*"):
        listing.unlink()  # the portal moved its news list: the listing now answers 404
    result = crawl("ninhbinh", "-a", "portal=ninhbinh-yenmo", db=db, proxy=mirror_copy.url)
    assert result.returncode == 1, result.stderr[-3000:]
    assert (
        f"ERROR: health check failed: {NO_ARTICLES}: portal ninhbinh-yenmo yielded no articles"
        in result.stderr
    )
    assert f"earlier crawls stored {YENMO_ARTICLES}" in result.stderr

    report = health(db, "--json", "--portal", "ninhbinh-yenmo")
    assert report.returncode == 1
    state = json.loads(report.stdout)
    first, last = runs(db, "ninhbinh-yenmo")
    assert state["status"] == NO_ARTICLES and state["articles"] == 0
    assert (state["last_crawl"], state["last_good_crawl"]) == (
        last["finished_at"],
        first["finished_at"],
    )


# ---------------------------------------------------------------- status rules, no crawl

NOW = datetime(2024, 7, 3, 12, 0, tzinfo=VN_TZ)


def run(days_ago, new=5, updated=0, article_pages=5, unparsable=0, failed_checks=""):
    return CrawlRunRow(
        portal="p",
        finished_at=(NOW - timedelta(days=days_ago)).isoformat(),
        articles_new=new,
        articles_updated=updated,
        article_pages=article_pages,
        articles_unparsable=unparsable,
        errors=unparsable,
        failed_checks=failed_checks,
    )


@pytest.mark.parametrize(
    ("history", "status"),
    [
        ([], NEVER_CRAWLED),
        ([run(1)], OK),
        ([run(1, new=0, updated=3)], OK),
        ([run(1, new=0, article_pages=0), run(2)], NO_ARTICLES),
        ([run(1, new=2, article_pages=6, unparsable=4), run(2)], MOSTLY_UNPARSABLE),
        ([run(1, new=3, article_pages=6, unparsable=3)], OK),  # half is not "most"
        ([run(10)], STALE),
        ([run(1, failed_checks="Field Coverage Monitor: …"), run(9)], STALE),
        ([run(1, failed_checks="Field Coverage Monitor: …"), run(3)], OK),
    ],
)
def test_portal_status_rules(history, status):
    assert portal_health("p", history, NOW, 7, 0.5).status == status


def test_last_good_crawl_skips_runs_with_failed_checks():
    history = [run(1, failed_checks="Error Count Monitor: too many"), run(2), run(3)]
    state = portal_health("p", history, NOW, 7, 0.5)
    assert state.last_crawl == history[0].finished_at
    assert state.last_good_crawl == history[1].finished_at
    assert state.failed_checks == ["Error Count Monitor: too many"]


def test_health_reports_registry_portals_never_crawled_and_rejects_unknown_ones(tmp_path):
    report = health(tmp_path / "empty.db")
    assert report.returncode == 1
    assert all(line.endswith(NEVER_CRAWLED) for line in report.stdout.splitlines()[2:-1])
    unknown = health(tmp_path / "empty.db", "--portal", "nowhere")
    assert (unknown.returncode, unknown.stderr.strip()) == (2, "error: unknown portal 'nowhere'")


def test_a_quiet_incremental_recrawl_is_healthy_not_no_articles(mirror, tmp_path):
    """Nothing new on the portal: no article is fetched, yet the portal works."""
    db = tmp_path / "crawl.db"
    assert crawl("ninhbinh", "-a", "portal=ninhbinh-yenmo", db=db, proxy=mirror.url).returncode == 0
    quiet = crawl("ninhbinh", "-a", "portal=ninhbinh-yenmo", db=db, proxy=mirror.url)
    assert quiet.returncode == 0, quiet.stderr[-3000:]
    assert "NO ARTICLES" not in quiet.stderr
    last = runs(db, "ninhbinh-yenmo")[-1]
    assert (last["articles_new"], last["articles_updated"], last["article_pages"]) == (0, 0, 0)
    assert last["articles_known"] > 0 and last["failed_checks"] == ""
    health = subprocess.run([SCRAPY, "health", "--portal", "ninhbinh-yenmo", "-s",
                             f"DATABASE_URL=sqlite:///{db}"], cwd=PROJECT, capture_output=True, text=True)
    assert health.returncode == 0, health.stdout + health.stderr
    assert "OK" in health.stdout
