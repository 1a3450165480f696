"""The explorer for real: `scrapy explore` (Datasette) on a database crawled from the bundled
mirror, every dashboard opened in headless Chromium, marks counted, search tried without
diacritics.

Screenshots go to a temporary folder; `make screenshots` (EXPLORER_SCREENSHOTS=docs) writes the
ones the README shows.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import unicodedata
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import quote_plus, urlencode
from urllib.request import urlopen

import pytest
from conftest import FAST, PROJECT, SCRAPY, rows

from crawler.db import create_schema, make_engine
from crawler.explorer.metadata import build_metadata
from crawler.rendering import chromium_executable, launch_options

pytestmark = pytest.mark.skipif(
    chromium_executable() is None, reason="needs Chromium: apt-get install chromium"
)
MIRRORED = {
    "hungyen": "hungyen-kimdong",
    "ninhbinh": "ninhbinh-yenmo",
    "haiduong": "haiduong-quangthanh",
}
LISTENING = re.compile(r"Uvicorn running on (http://127\.0\.0\.1:\d+)")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory, mirror):
    """The three mirrored portals crawled (together) into one SQLite file."""
    db = tmp_path_factory.mktemp("explorer") / "crawler.db"
    engine = make_engine(f"sqlite:///{db}")
    create_schema(engine)  # once, before the crawls that start together (issue 12's race)
    engine.dispose()
    environment = {**os.environ, "http_proxy": mirror.url, "DATABASE_URL": f"sqlite:///{db}"}
    environment.pop("https_proxy", None)
    crawls = [
        subprocess.Popen(
            [SCRAPY, "crawl", family, "-a", f"portal={portal}", *FAST, "-L", "WARNING"],
            cwd=PROJECT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for family, portal in MIRRORED.items()
    ]
    for crawl in crawls:
        _, errors = crawl.communicate(timeout=180)
        assert crawl.returncode == 0, errors[-2000:]
    return db


def start_explorer(db: Path, *arguments: str, env: dict | None = None):
    """`scrapy explore` on a free port; (process, base URL). Its own process group, so that
    stopping it stops Datasette too."""
    process = subprocess.Popen(
        [SCRAPY, "explore", "--db", str(db), "--port", "0", *arguments],
        cwd=PROJECT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    output = []
    for line in process.stdout:
        output.append(line)
        found = LISTENING.search(line)
        if found:
            return process, found.group(1)
    process.wait(timeout=10)
    raise AssertionError("".join(output))


def stop(process) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def explorer(crawled):
    process, base = start_explorer(crawled)
    yield base
    stop(process)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(**launch_options())
        yield chromium
        chromium.close()


def get_json(base: str, path: str, **params) -> dict:
    with urlopen(f"{base}{path}?{urlencode(params)}", timeout=30) as answer:
        return json.load(answer)


def chart_rows(db: Path, chart: dict, defaults: dict) -> list[sqlite3.Row]:
    """What a chart's query returns with the dashboard's default filters (the plugin's rule:
    a [[ … ]] clause whose parameter is empty is left out)."""
    from datasette_dashboards import replace_opts_in_query

    connection = sqlite3.connect(db)
    try:
        return connection.execute(
            replace_opts_in_query(chart["query"], defaults), defaults
        ).fetchall()
    finally:
        connection.close()


# Marks drawn once per data row: bars, points (also the points on lines).
COUNT_MARKS = """(chart) => [...document.querySelectorAll(`#chart-${chart} g.role-mark`)]
  .filter(g => /mark-(rect|symbol)/.test(g.getAttribute('class')))
  .reduce((n, g) => n + g.querySelectorAll(':scope > path').length, 0)"""


def test_every_dashboard_renders_each_chart_with_one_mark_per_row(crawled, explorer, browser):
    dashboards = build_metadata(crawled)["plugins"]["datasette-dashboards"]
    folder = Path(os.environ.get("EXPLORER_SCREENSHOTS") or crawled.parent)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors, elsewhere = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Offline: every script, style and query comes from the explorer itself.
    page.on("request", lambda r: r.url.startswith(explorer) or elsewhere.append(r.url))
    drawn = {}
    for slug, dashboard in dashboards.items():
        defaults = {k: f.get("default", "") for k, f in dashboard["filters"].items()}
        page.goto(f"{explorer}/-/dashboards/{slug}")
        for name, chart in dashboard["charts"].items():
            expected = chart_rows(crawled, chart, defaults)
            if chart["library"] == "vega-lite":
                page.wait_for_selector(f"#chart-{name} svg g.role-mark", state="attached")
                marks = page.evaluate(COUNT_MARKS, name)
            elif chart["library"] == "table":
                if not expected:
                    continue  # the plugin draws no table for no rows
                page.wait_for_selector(f"#chart-{name} table")
                marks = page.locator(f"#chart-{name} tbody tr").count()
            else:
                page.wait_for_selector(f"#chart-{name} p")
                assert page.inner_text(f"#chart-{name} p") == str(expected[0][0])
                continue
            drawn[f"{slug}/{name}"] = marks
            assert marks == len(expected), f"{slug}/{name}"
        page.screenshot(path=str(folder / f"explorer-{slug}.png"), full_page=True)
    assert not errors and not elsewhere
    # The crawled mirror feeds every chart but failures (a clean crawl has none).
    empty = sorted(chart for chart, marks in drawn.items() if marks == 0)
    assert empty == ["thu-thap/failures"], drawn


def test_articles_chart_counts_what_the_portals_published(crawled, explorer, browser):
    """One bar per portal and month, counted here from articles, not from the chart's SQL."""
    expected = rows(
        crawled,
        "SELECT count(DISTINCT portal || substr(published_at, 1, 7)) FROM articles "
        "WHERE published_at IS NOT NULL AND duplicate_of IS NULL",
    )[0][0]
    page = browser.new_page()
    page.goto(f"{explorer}/-/dashboards/bai-viet")
    page.wait_for_selector("#chart-per-month svg g.role-mark", state="attached")
    assert page.evaluate(COUNT_MARKS, "per-month") == expected > 10
    portal = rows(crawled, "SELECT id, name FROM portals WHERE id = 'ninhbinh-yenmo'")[0]
    page.goto(f"{explorer}/-/dashboards/bai-viet?portal={quote_plus(portal['name'])}")
    page.wait_for_selector("#chart-per-month svg g.role-mark", state="attached")
    months = rows(
        crawled,
        "SELECT count(DISTINCT substr(published_at, 1, 7)) FROM articles "
        "WHERE portal = ? AND published_at IS NOT NULL AND duplicate_of IS NULL",
        portal["id"],
    )[0][0]
    assert page.evaluate(COUNT_MARKS, "per-month") == months < expected
    # Hải Dương's commune is in Hải Phòng since July 2025: either name selects it.
    haiduong = rows(
        crawled,
        "SELECT count(DISTINCT substr(published_at, 1, 7)) FROM articles "
        "WHERE portal = 'haiduong-quangthanh' AND published_at IS NOT NULL",
    )[0][0]
    for province in ("Hải Dương", "Thành phố Hải Phòng"):
        page.goto(f"{explorer}/-/dashboards/bai-viet?province={quote_plus(province)}")
        page.wait_for_selector("#chart-per-month svg g.role-mark", state="attached")
        assert page.evaluate(COUNT_MARKS, "per-month") == haiduong > 0


def fold(text: str) -> str:
    """Vietnamese as typed without diacritics: 'Đồng' -> 'dong'."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def test_search_without_diacritics_finds_the_article(crawled, explorer, browser):
    phrase = rows(crawled, "SELECT title FROM articles WHERE lower(body) LIKE '%hộ nghèo%'")
    assert phrase
    page = browser.new_page()
    page.goto(f"{explorer}/crawler/articles")
    page.fill("input[name=_search]", "ho ngheo")
    page.press("input[name=_search]", "Enter")
    page.wait_for_selector("table.rows-and-columns")
    shown = set(page.locator("table.rows-and-columns td.col-title").all_inner_texts())
    assert {row["title"] for row in phrase} <= shown
    # Nothing else: every article found has both words, once the marks are taken off.
    for row in rows(crawled, "SELECT title, body FROM articles"):
        words = set(re.findall(r"\w+", fold(row["title"] + " " + row["body"])))
        assert (row["title"] in shown) == ({"ho", "ngheo"} <= words), row["title"]
    # A title with đ, typed without any mark, finds that article.
    title = next(
        r["title"] for r in rows(crawled, "SELECT title FROM articles") if "đ" in r["title"].lower()
    )
    words = [w for w in re.findall(r"\w+", title) if "đ" in w.lower()] + re.findall(r"\w+", title)[
        :2
    ]
    page.goto(f"{explorer}/crawler/articles?_search={quote_plus(fold(' '.join(words)))}")
    assert title in page.locator("table.rows-and-columns td.col-title").all_inner_texts()


def test_a_figure_links_to_its_article_and_the_article_to_its_figures(crawled, explorer, browser):
    figure = rows(
        crawled,
        "SELECT i.id, a.id AS article, a.title, a.url FROM indicators i "
        "JOIN articles a ON a.url = i.article_url LIMIT 1",
    )[0]
    page = browser.new_page()
    page.goto(f"{explorer}/crawler/indicators/{figure['id']}")
    link = page.locator("td.col-article_url a").first
    assert link.inner_text() == figure["title"]
    link.click()
    page.wait_for_url(f"**/crawler/articles/{figure['article']}")
    assert page.locator("td.col-url a").first.get_attribute("href") == figure["url"]
    count = rows(crawled, "SELECT count(*) FROM indicators WHERE article_url = ?", figure["url"])
    page.click("td.col-url a:has-text('figures')")
    page.wait_for_selector("table.rows-and-columns")
    assert page.locator("table.rows-and-columns tbody tr").count() == count[0][0]
    # Portal ids show as the portals' names.
    name = rows(
        crawled,
        "SELECT p.name FROM portals p JOIN articles a ON a.portal = p.id WHERE a.id = ?",
        figure["article"],
    )[0][0]
    page.goto(f"{explorer}/crawler/articles/{figure['article']}")
    assert page.inner_text("td.col-portal") == name


def test_the_explorer_reads_while_a_crawl_writes_and_never_writes(crawled, explorer):
    before = rows(crawled, "SELECT count(*) FROM articles")[0][0]
    writer = sqlite3.connect(crawled, timeout=30)
    try:
        writer.execute("BEGIN IMMEDIATE")  # a crawl in the middle of a batch
        writer.execute(
            "INSERT INTO articles (url, portal, title, body, first_seen, last_seen) VALUES "
            "('http://x.gov.vn/1', 'hungyen-kimdong', 'Trao tặng 20 triệu đồng', 'Quỹ khuyến học',"
            " '2025-01-01', '2025-01-01')"
        )
        found = get_json(explorer, "/crawler/articles.json", _search="trieu dong", _shape="array")
        assert all(row["url"] != "http://x.gov.vn/1" for row in found)
        assert (
            get_json(
                explorer, "/crawler.json", sql="SELECT count(*) AS n FROM articles", _shape="array"
            )[0]["n"]
            == before
        )
        writer.execute("COMMIT")
        found = get_json(explorer, "/crawler/articles.json", _search="trieu dong", _shape="array")
        assert "http://x.gov.vn/1" in [row["url"] for row in found]
        with pytest.raises(HTTPError) as refused:
            get_json(explorer, "/crawler.json", sql="DELETE FROM articles")
        assert "must be a select" in refused.value.read().decode().lower()
        assert rows(crawled, "SELECT count(*) FROM articles")[0][0] == before + 1
    finally:
        writer.execute("DELETE FROM articles WHERE url = 'http://x.gov.vn/1'")
        writer.commit()
        writer.close()


def test_shared_with_a_team_every_page_needs_the_password(crawled, browser):
    from datasette_auth_passwords.utils import hash_password

    process, base = start_explorer(
        crawled, env={"EXPLORER_PASSWORD_HASH": hash_password("mật khẩu nhóm")}
    )
    try:
        with pytest.raises(HTTPError) as anonymous:
            get_json(base, "/crawler/articles.json")
        assert anonymous.value.code == 403
        page = browser.new_page()
        page.goto(f"{base}/-/login")
        page.fill("input[name=username]", "team")
        page.fill("input[name=password]", "mật khẩu nhóm")
        page.click("input[type=submit]")
        page.goto(f"{base}/crawler/articles?_search=ho+ngheo")
        assert page.locator("table.rows-and-columns td.col-title").count() > 0
    finally:
        stop(process)
