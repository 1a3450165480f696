"""What a new user ran into: feeds of articles only, an empty incremental feed that says why,
one portal figure row per widget snapshot, documented column values that are the real ones."""

from __future__ import annotations

import json
import re

from conftest import PROJECT, crawl, rows
from test_pipelines import Chain

from crawler.items import PortalIndicatorItem

PORTAL = ["-a", "portal=haiduong-quangthanh"]


def test_feeds_hold_only_articles_and_an_empty_incremental_feed_says_why(mirror, tmp_path):
    db, feed = tmp_path / "c.db", tmp_path / "feed.jsonl"
    first = crawl("haiduong", *PORTAL, "-O", str(feed), db=db, proxy=mirror.url)
    assert first.returncode == 0, first.stderr[-3000:]
    lines = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    stored = rows(db, "SELECT count(*) AS n FROM articles")[0]["n"]
    assert len(lines) == stored > 0
    assert all(line.get("title") and line.get("body") for line in lines)  # no empty TTHC rows
    figures = rows(db, "SELECT count(*) AS n FROM portal_indicators")[0]["n"]
    assert figures > 0  # the widget figures went to the database, not to the feed

    again = crawl("haiduong", *PORTAL, "-O", str(feed), db=db, proxy=mirror.url)
    assert again.returncode == 0, again.stderr[-3000:]
    assert feed.read_text(encoding="utf-8") == ""
    assert "holds no articles: this incremental crawl found no new article" in again.stderr
    # the widget shows the same "Cập nhật lúc" snapshot: no second copy of its figures
    assert rows(db, "SELECT count(*) AS n FROM portal_indicators")[0]["n"] == figures
    kinds = {row["kind"] for row in rows(db, "SELECT DISTINCT kind FROM pages")}
    assert kinds <= documented_page_kinds()


def documented_page_kinds() -> set[str]:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if line.startswith("`pages.kind`"))
    return set(re.findall(r"`([a-z_]+)`", line.split(":", 1)[1]))


def test_widget_figures_are_stored_once_per_snapshot(tmp_path):
    figure = dict(portal="haiduong-quangthanh", name="hồ sơ TTHC trễ hạn", value=0.0,
                  unit="hồ sơ", source_url="http://x/")  # fmt: skip
    crawls = [["2023-11-30T07:04:41+07:00"] * 2, ["2023-11-30T07:04:41+07:00"],
              ["2023-12-01T07:00:00+07:00"]]  # fmt: skip
    for snapshots in crawls:  # each crawl a chain of its own, as each crawl is a process
        chain = Chain(tmp_path / "p.db")
        for as_of in snapshots:
            chain.run(PortalIndicatorItem(**figure, as_of=as_of))
        chain.close()
    assert chain.query("SELECT as_of FROM portal_indicators ORDER BY as_of") == [
        ("2023-11-30T07:04:41+07:00",), ("2023-12-01T07:00:00+07:00",)
    ]  # fmt: skip
