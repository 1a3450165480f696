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


def test_a_full_disk_stops_the_crawl_with_exit_4_and_one_error(tiny_disk):
    long_paragraph = html.escape("Hội nghị tổng kết công tác năm của xã. " * 400)
    articles = generated_articles(40)
    for article in articles:
        article.paragraphs.append(f"{long_paragraph} {article.nid}")
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
