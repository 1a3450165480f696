"""A database that stops taking rows stops the crawl: one error line, the right item counts,
a documented exit code and a `crawl_runs` row that says why. Real crawls against the fault
server (tests/faultserver.py); the full disk is a real, tiny tmpfs."""

from __future__ import annotations

import html
import os
import re
import signal
import subprocess
import time
import uuid

import pytest
from conftest import FAST, PROJECT, SCRAPY, crawl, rows
from faultserver import Fault, FaultServer, generated_articles

from crawler.db import create_schema, make_engine

BATCH = ["-s", "STORAGE_BATCH_SIZE=4", "-s", "RETRY_TIMES=0", "-s", "DOWNLOAD_TIMEOUT=2"]


def run(server, db, *extra):
    return crawl(
        "haiduong", "-a", f"url={server.listing_url}", *BATCH, *extra, db=db, proxy=server.url,
        timeout=180,
    )  # fmt: skip


def scraped_count(result) -> int:
    found = re.search(r"'item_scraped_count': (\d+)", result.stderr)
    return int(found.group(1)) if found else 0


def storage_error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if "storage failed" in line]


@pytest.fixture
def server():
    server = FaultServer(generated_articles(24), page_size=8).start()
    yield server
    server.stop()


def test_a_database_error_stops_the_crawl_with_exit_3_and_honest_counts(server, tmp_path):
    db = tmp_path / "refusing.db"
    engine = make_engine(f"sqlite:///{db}")
    create_schema(engine)
    with engine.begin() as connection:  # a real database error after the first batch
        connection.exec_driver_sql(
            "CREATE TRIGGER refuse BEFORE INSERT ON articles "
            "WHEN (SELECT count(*) FROM articles) >= 4 "
            "BEGIN SELECT RAISE(ABORT, 'injected: the articles table refuses rows'); END"
        )
    engine.dispose()
    result = run(server, db)
    assert result.returncode == 3, result.stderr[-3000:]
    assert "Error processing" not in result.stderr
    [logged] = storage_error_lines(result)[:1]
    assert "database_error" in logged and "injected" in logged
    assert len([line for line in storage_error_lines(result) if " ERROR: " in line]) == 1
    stored = rows(db, "SELECT count(*) AS n FROM articles")[0]["n"]
    assert stored == 4
    assert scraped_count(result) == stored  # no item counted that was never stored
    assert len(server.article_requests()) < 24  # stopped, not crawled to the end
    [run_row] = rows(db, "SELECT * FROM crawl_runs")
    assert run_row["finish_reason"] == "database_error"
    assert "storage failed (database_error): injected" in run_row["failed_checks"]


def test_a_crawl_that_stored_nothing_while_its_pages_failed_exits_1(tmp_path):
    articles = generated_articles(3)
    server = FaultServer(articles, {a.nid: Fault("status", status=500) for a in articles}).start()
    try:
        result = run(server, tmp_path / "c.db")
    finally:
        server.stop()
    assert result.returncode == 1, result.stderr[-3000:]
    assert "error: crawl stored nothing: 3 pages failed" in result.stderr
    [run_row] = rows(tmp_path / "c.db", "SELECT * FROM crawl_runs")
    assert "crawl stored nothing: 3 pages failed" in run_row["failed_checks"]


def test_an_incremental_crawl_with_nothing_new_still_exits_0(server, tmp_path):
    db = tmp_path / "c.db"
    assert run(server, db).returncode == 0
    assert run(server, db).returncode == 0


@pytest.fixture
def tiny_disk(tmp_path):
    """A 2 MB tmpfs: room for the schema (about 200 KB, written through the WAL) and some
    articles, not for the whole crawl."""
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
        capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def bulky_articles(count: int):
    """Articles of about 16 KB each (a long distinct paragraph), to fill the tiny disk fast."""
    long_paragraph = html.escape("Hội nghị tổng kết công tác năm của xã. " * 400)
    articles = generated_articles(count)
    for article in articles:
        article.paragraphs.append(f"{long_paragraph} {article.nid}")
    return articles


def test_a_full_disk_stops_the_crawl_with_exit_4_and_one_error(tiny_disk):
    articles = bulky_articles(40)
    server = FaultServer(articles, page_size=10).start()
    db = tiny_disk / "crawler.db"
    try:
        result = run(server, db)
    finally:
        server.stop()
    assert result.returncode == 4, result.stderr[-3000:]
    assert "Error processing" not in result.stderr
    errors = [line for line in storage_error_lines(result) if " ERROR: " in line]
    assert len(errors) == 1 and "disk_full" in errors[0]
    stored = rows(db, "SELECT count(*) AS n FROM articles")[0]["n"]
    assert 0 < stored < 40
    assert scraped_count(result) == stored


def test_sigterm_stops_a_crawl_of_hostile_pages_in_bounded_time(tmp_path):
    """A 1 MB word that starts like a URL once kept the spam scan busy for over 10 minutes,
    and SIGTERM could not stop the crawl: Scrapy waits for the page being processed."""
    articles = generated_articles(6)
    for article in articles:
        article.paragraphs.append("http" + "x" * 1_000_000)
    server = FaultServer(articles, page_size=10).start()
    environment = {**os.environ, "http_proxy": server.url,
                   "DATABASE_URL": f"sqlite:///{tmp_path / 'c.db'}"}  # fmt: skip
    process = subprocess.Popen(
        [SCRAPY, "crawl", "haiduong", "-a", f"url={server.listing_url}", *FAST, *BATCH],
        cwd=PROJECT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not server.article_requests() and time.monotonic() < deadline:
            time.sleep(0.1)  # polling the server's record of requests: no event to await
        assert server.article_requests(), "the crawl never reached an article"
        process.send_signal(signal.SIGTERM)
        stopped_at = time.monotonic()
        _, errors = process.communicate(timeout=90)
        assert time.monotonic() - stopped_at < 60, "SIGTERM took over a minute"
        assert "Received SIGTERM" in errors
    finally:
        if process.poll() is None:
            process.kill()
        server.stop()


def fill(disk, leave: int = 0) -> None:
    """Fill the filesystem of ``disk``, then free ``leave`` bytes."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
        except OSError:
            pass
    written = filler.stat().st_size
    os.truncate(filler, max(written - leave, 0))


def assert_one_line_failure(result, code: int, words: str) -> None:
    assert result.returncode == code, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[result.stderr.find("Traceback") - 300 :][:3000]
    [line] = [line for line in result.stderr.splitlines() if line.startswith("error: ")][:1]
    assert words in line


@pytest.mark.parametrize("existing", [False, True], ids=["new database", "existing database"])
def test_a_crawl_started_on_a_full_disk_exits_4_with_one_line(server, tiny_disk, existing):
    db = tiny_disk / "crawler.db"
    if existing:
        engine = make_engine(f"sqlite:///{db}")
        create_schema(engine)
        engine.dispose()
    fill(tiny_disk)
    result = run(server, db)
    assert_one_line_failure(result, 4, "the disk is full")
    assert not server.article_requests()


def test_a_database_that_refuses_rows_when_the_crawl_opens_stops_it_cleanly(server, tmp_path):
    """The storage pipeline writes the portals when the spider opens: a full disk there
    was a traceback and exit 0 (seen: upsert_portals). The refusal is a trigger here, so
    that crawl_runs, on the same database, can still say why."""
    db = tmp_path / "c.db"
    engine = make_engine(f"sqlite:///{db}")
    create_schema(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER refuse BEFORE INSERT ON portals "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )
    engine.dispose()
    result = run(server, db)
    assert_one_line_failure(result, 4, "storage failed (disk_full)")
    assert len([line for line in storage_error_lines(result) if " ERROR: " in line]) == 1
    assert not server.article_requests()
    [run_row] = rows(db, "SELECT * FROM crawl_runs")
    assert run_row["finish_reason"] == "disk_full"
    assert "storage failed (disk_full)" in run_row["failed_checks"]


def test_a_disk_that_fills_before_the_last_write_exits_4(tiny_disk):
    """Everything is written when the spider closes (one batch): the disk is full then."""
    articles = bulky_articles(20)
    server = FaultServer(articles, page_size=10).start()
    db = tiny_disk / "crawler.db"
    engine = make_engine(f"sqlite:///{db}")
    create_schema(engine)
    engine.dispose()
    fill(tiny_disk, leave=120_000)  # room to open the database, not for 20 long articles
    try:
        result = run(server, db, "-s", "STORAGE_BATCH_SIZE=1000", "-s",
                     "STORAGE_FLUSH_INTERVAL=1000")  # fmt: skip
    finally:
        server.stop()
    assert_one_line_failure(result, 4, "storage failed (disk_full)")
    assert len(server.article_requests()) == 20  # the crawl ran to its end
    assert rows(db, "SELECT count(*) AS n FROM articles")[0]["n"] == 0
    assert scraped_count(result) == 0


def test_export_and_reparse_on_a_full_disk_exit_4_with_one_line(server, tiny_disk, tmp_path):
    db = tiny_disk / "crawler.db"
    assert run(server, db).returncode == 0
    fill(tiny_disk)
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}

    def scrapy(*arguments):
        return subprocess.run([SCRAPY, *arguments], cwd=PROJECT, env=environment,
                              capture_output=True, text=True, timeout=120)  # fmt: skip

    assert_one_line_failure(scrapy("reparse"), 4, "disk is full")
    out = tmp_path / "articles.csv"  # the database's disk is full, not the output's
    assert_one_line_failure(scrapy("export", "articles", "-o", str(out)), 4, "disk is full")
    assert not out.exists()
    environment["DATABASE_URL"] = f"sqlite:///{tmp_path / 'copy.db'}"
    assert scrapy("export", "--sqlite", str(tmp_path / "copy-of-nothing.db")).returncode == 0
    copy = tiny_disk / "analysts.db"  # now the output's disk is full
    assert_one_line_failure(scrapy("export", "--sqlite", str(copy)), 4, "disk is full")
    assert not [p.name for p in tiny_disk.iterdir() if p.name.startswith("analysts")]
