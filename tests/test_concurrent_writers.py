"""Several crawl processes writing one database at once, on SQLite and on PostgreSQL: no row
lost or doubled, no deadlock, and one original per text across processes."""

import multiprocessing
import os
import shutil
import sqlite3
import subprocess

from conftest import FAST, PROJECT, SCRAPY, database_url, load_gold, rows
from scrapy.exceptions import DropItem
from sqlalchemy.exc import OperationalError
from test_pipelines import BODY, Chain, article

GOLD_ARTICLES, _ = load_gold()
YENMO, KIMSON = "yenmo.ninhbinh.gov.vn", "kimson.ninhbinh.gov.vn"
QUANGTHANH = "quangthanh.kinhmon.haiduong.gov.vn"
LONG_BODY = BODY + (
    "\n\nHội nghị đã thảo luận các giải pháp trọng tâm về phát triển sản xuất nông nghiệp,"
    " xây dựng nông thôn mới nâng cao và cải cách thủ tục hành chính trên địa bàn xã."
)
# One text as four portals would publish it: twice exactly, twice with small edits.
COPIES = [
    ("haiduong-quangthanh", LONG_BODY),
    ("haiduong-ngoclien", LONG_BODY),
    ("ninhbinh-yenmo", LONG_BODY.replace("tổ chức hội nghị", "tổ chức hội nghị trực tuyến")),
    ("ninhbinh-kimson", LONG_BODY + "\n\nTin, ảnh: Thu Xuân."),
]


def _store_one_copy(url, index, barrier, outcome):
    """One crawl process: the real pipeline chain; every process decides at the same moment."""
    chain = Chain(url)
    portal, body = COPIES[index]
    barrier.wait(timeout=60)
    try:
        item = chain.run(article(url=f"http://{portal}.example/tin/{index}", portal=portal, body=body))
        outcome.put((index, item.get("duplicate_of")))
    except DropItem as dropped:
        outcome.put((index, f"dropped: {dropped}"))
    chain.close()


def test_processes_storing_one_republished_text_at_once_end_with_one_original(database):
    """The in-memory index of one process cannot see the others': the database decides."""
    context = multiprocessing.get_context("fork")
    barrier, outcome = context.Barrier(len(COPIES)), context.Queue()
    url = database_url(database)
    Chain(url).close()  # the schema exists before the race (as after any earlier crawl)
    workers = [
        context.Process(target=_store_one_copy, args=(url, i, barrier, outcome))
        for i in range(len(COPIES))
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0] * len(COPIES)
    stored = rows(database, "SELECT url, duplicate_of FROM articles ORDER BY url")
    assert len(stored) == len(COPIES)
    originals = [r["url"] for r in stored if r["duplicate_of"] is None]
    assert len(originals) == 1, stored
    assert all(r["duplicate_of"] == originals[0] for r in stored if r["url"] != originals[0])
    claims = rows(database, "SELECT url FROM dedup_claims")
    assert [c["url"] for c in claims] == originals


def _crawl_at_once(mirror_url, db, *crawls):
    """Start every ``(spider, args…)`` crawl as its own process, all at once; wait for all."""
    environment = {"DATABASE_URL": database_url(db), "http_proxy": mirror_url}
    processes = [
        subprocess.Popen(
            [SCRAPY, "crawl", spider, *FAST, *arguments],
            cwd=PROJECT,
            env={**os.environ, **environment},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for spider, *arguments in crawls
    ]
    logs = [process.communicate(timeout=180)[1] for process in processes]
    for process, log in zip(processes, logs, strict=True):
        assert process.returncode == 0, log[-3000:]
        assert "Traceback" not in log and "deadlock" not in log.lower(), log[-3000:]
    return logs


def test_crawls_of_different_portals_and_of_one_portal_at_once_keep_every_row(
    mirror, database
):
    """Yên Mô and Quang Thành together into one database; on PostgreSQL Quang Thành twice
    more (full crawls: both fetch and write every article)."""
    crawls = [("ninhbinh", "-a", "portal=ninhbinh-yenmo")]
    twice = 2 if isinstance(database, str) else 1  # a str is a PostgreSQL URL
    crawls += [("haiduong", "-a", "portal=haiduong-quangthanh", "-a", "full=1")] * twice
    _crawl_at_once(mirror.url, database, *crawls)
    expected = {g["url"] for g in GOLD_ARTICLES if g["host"] in (YENMO, QUANGTHANH)}
    stored = rows(database, "SELECT url, duplicate_of FROM articles")
    assert sorted(r["url"] for r in stored) == sorted(expected)
    assert all(r["duplicate_of"] is None for r in stored)
    pages = rows(database, "SELECT url FROM pages WHERE kind = 'article'")
    assert sorted(p["url"] for p in pages) == sorted(expected)
    assert rows(database, "SELECT * FROM failures") == []
    doubled = rows(
        database,
        "SELECT article_url, name, value, sentence, count(*) AS n FROM indicators"
        " GROUP BY article_url, name, value, sentence HAVING count(*) > 1",
    )
    assert doubled == []
    runs = rows(database, "SELECT portal FROM crawl_runs ORDER BY portal")
    assert [r["portal"] for r in runs] == ["haiduong-quangthanh"] * twice + ["ninhbinh-yenmo"]


def test_a_republished_article_crawled_by_two_processes_at_once_has_one_original(
    mirror_copy, postgres
):
    """Kim Sơn re-publishes a Yên Mô article; both portals are crawled at the same time
    (PostgreSQL; the race test above covers SQLite's claims)."""
    database = postgres.database()
    root = mirror_copy.root
    (root / KIMSON / "tin-tuc-su-kien").mkdir(parents=True)
    shutil.copy(root / YENMO / "robots.txt", root / KIMSON / "robots.txt")
    name = "day-manh-chuyen-doi-so-trong-co-quan-nha-nuoc-4805.html"
    page = (root / YENMO / "tin-tuc-su-kien" / name).read_text()
    page = page.replace("Huyện Yên Mô", "Huyện Kim Sơn").split('<div style="display:none">')[0]
    (root / KIMSON / "tin-tuc-su-kien" / "chuyen-doi-so-9001.html").write_text(
        page + "</div></body></html>"
    )
    listing = (root / YENMO / "tin-tuc-su-kien.html@page=3").read_text()
    listing = listing.split('<div id="itemContainer">')[0] + (
        '<div id="itemContainer"><div class="item"><h2><a href="/tin-tuc-su-kien/'
        'chuyen-doi-so-9001.html">Đẩy mạnh chuyển đổi số</a></h2>'
        '<span class="date">28/10/2024</span></div></div></div></body></html>'
    )
    (root / KIMSON / "tin-tuc-su-kien.html").write_text(listing)
    _crawl_at_once(
        mirror_copy.url,
        database,
        ("ninhbinh", "-a", "portal=ninhbinh-yenmo"),
        ("ninhbinh", "-a", "portal=ninhbinh-kimson"),
    )
    copies = rows(
        database,
        "SELECT url, duplicate_of FROM articles WHERE url LIKE '%chuyen-doi-so%' ORDER BY url",
    )
    assert len(copies) == 2
    originals = [c for c in copies if c["duplicate_of"] is None]
    assert len(originals) == 1, copies
    copy = next(c for c in copies if c["duplicate_of"] is not None)
    assert copy["duplicate_of"] == originals[0]["url"]
    assert len(rows(database, "SELECT url FROM articles")) == 13  # Yên Mô's 12 and the copy


def test_a_claim_the_database_cannot_decide_keeps_the_article_as_an_original(tmp_path):
    """The database stays locked past every retry: the item goes on as an original, counted
    and warned about; an exception would have lost it."""
    chain = Chain(tmp_path / "c.db")
    dedup = next(p for p in chain.pipelines if type(p).__name__ == "DeduplicationPipeline")
    attempts = []

    def locked(*arguments):
        attempts.append(arguments)
        raise OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked"))

    dedup._claim = locked
    item = dedup.process_item(article(body=LONG_BODY))
    assert item["duplicate_of"] is None
    assert len(attempts) == 3
    assert chain.stat("dedup/claim_failed") == 1
    chain.close()


def test_two_crawls_storing_one_widget_snapshot_at_once_keep_one_row(postgres):
    """Each crawl checks which snapshots are stored, then inserts the rest: on PostgreSQL two
    overlapping crawls both found the snapshot missing and both inserted it. The second
    writer here runs while the first one's transaction is still open."""
    import threading
    import time

    from scrapy.utils.test import get_crawler
    from sqlalchemy import text

    from crawler.db import create_schema, insert_for, make_engine
    from crawler.pipelines.storage import StoragePipeline

    url = postgres.database()
    engine = make_engine(url)
    create_schema(engine)
    snapshot = {"portal": "haiduong", "name": "tthc_received", "value": 12.0, "unit": "hồ sơ",
                "as_of": "2025-03-01T08:00:00+07:00", "crawled_at": "2025-03-01T09:00:00+07:00",
                "source_url": "http://haiduong.gov.vn/"}  # fmt: skip

    def writer():
        pipeline = StoragePipeline(get_crawler(settings_dict={"DATABASE_URL": url}))
        pipeline.portal_indicators = [dict(snapshot)]
        return pipeline

    first, second = writer(), writer()
    with engine.connect() as one, engine.connect() as two:
        transaction = one.begin()
        first._write_indicators(one, insert_for(engine))

        def write_second():
            with two.begin():
                second._write_indicators(two, insert_for(engine))

        racing = threading.Thread(target=write_second)
        racing.start()
        # With a unique key the second insert waits for the first transaction: commit once
        # it waits (PostgreSQL shows it), or once it is done (no key: nothing to wait for).
        waiting = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
        with engine.connect() as observer:
            while racing.is_alive() and not observer.execute(text(waiting)).scalar():
                time.sleep(0.02)  # polling the server's activity view: no event to await
        transaction.commit()
        racing.join(timeout=30)
        assert not racing.is_alive()
    with engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM portal_indicators")).scalar()
    engine.dispose()
    assert count == 1


def test_a_database_made_before_the_snapshot_key_gets_it_and_keeps_one_copy(tmp_path):
    from crawler.db import create_schema, make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    create_schema(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP INDEX uq_portal_indicators_snapshot")
        for as_of in ("2025-03-01T08:00", "2025-03-01T08:00", None, None):
            connection.exec_driver_sql(
                "INSERT INTO portal_indicators (portal, name, value, unit, as_of, crawled_at, "
                "source_url) VALUES ('p', 'tthc', 1, 'hồ sơ', ?, 'now', 'http://p/')",
                (as_of,),
            )
    create_schema(engine)
    with engine.connect() as connection:
        kept = connection.exec_driver_sql("SELECT as_of FROM portal_indicators").all()
    engine.dispose()
    assert sorted(kept, key=str) == [("2025-03-01T08:00",), (None,), (None,)]
