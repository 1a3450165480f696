"""`scrapy reparse` re-runs parsing and all pipelines over stored pages: no re-crawl needed."""

import sqlite3
import subprocess

from conftest import PROJECT, SCRAPY, crawl, load_gold, normalised, rows

GOLD_ARTICLES, _ = load_gold()


def test_reparse_rebuilds_articles_and_indicators_from_stored_pages(mirror, tmp_path):
    db = tmp_path / "crawl.db"
    assert crawl("ninhbinh", "-a", "portal=ninhbinh-yenmo", db=db, proxy=mirror.url).returncode == 0
    assert crawl("haiduong", "-a", "portal=haiduong-quangthanh", db=db, proxy=mirror.url).returncode == 0
    before = {r["url"]: dict(r) for r in rows(db, "SELECT * FROM articles")}
    indicators_before = rows(db, "SELECT count(*) AS n FROM indicators")[0]["n"]
    assert indicators_before > 0
    connection = sqlite3.connect(db)
    with connection:
        connection.execute("UPDATE articles SET body = 'hỏng', view_count = NULL, title = ''")
        connection.execute("DELETE FROM indicators")
    connection.close()
    result = subprocess.run([SCRAPY, "reparse", "--portal", "ninhbinh-yenmo", "-s",
                             f"DATABASE_URL=sqlite:///{db}"], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "'reparse/pages': 12" in result.stderr
    after = {r["url"]: dict(r) for r in rows(db, "SELECT * FROM articles")}
    gold = {g["url"]: g for g in GOLD_ARTICLES}
    for url, row in after.items():
        if row["portal"] != "ninhbinh-yenmo":
            assert row["body"] == "hỏng"  # other portals were not asked for
            continue
        assert row["title"] == gold[url]["title"]
        assert normalised(row["body"]) == normalised(" ".join(gold[url]["body"]))
        assert row["view_count"] == gold[url]["views"]
        assert row["first_seen"] == before[url]["first_seen"]
    portals = {r["portal"] for r in rows(db, "SELECT DISTINCT portal FROM indicators")}
    assert portals == {"ninhbinh-yenmo"}
