"""Crawls through a portal that misbehaves (tests/faultserver.py): every crawl finishes, every
failed page is recorded with its reason, and nothing half-parsed reaches the database."""

import html
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote_plus

import pytest
from conftest import crawl, rows
from faultserver import Article, Fault, FaultServer, generated_articles

FAULT_SETTINGS = [
    "-s",
    "RETRY_TIMES=2",
    "-s",
    "RETRY_BACKOFF_BASE=0.1",
    "-s",
    "DOWNLOAD_TIMEOUT=1",
]
# Two different texts: the same body twice on one portal would be an exact duplicate.
VIETNAMESE = {
    8: "Đảng ủy xã tổ chức hội nghị về chuyển đổi số, người dân hưởng ứng nhiệt tình.",
    9: "Hội Nông dân xã trao 25 suất quà cho hội viên có hoàn cảnh khó khăn dịp Tết.",
}


def run(server, db, *extra):
    return crawl(
        "haiduong",
        "-a",
        f"url={server.listing_url}",
        *FAULT_SETTINGS,
        *extra,
        db=db,
        proxy=server.url,
        timeout=180,
    )


def stored(db):
    return {
        r["url"].split("nid=")[1].split("&")[0]: dict(r) for r in rows(db, "SELECT * FROM articles")
    }


def failures(db):
    return {
        r["url"].split("nid=")[1].split("&")[0]: dict(r) for r in rows(db, "SELECT * FROM failures")
    }


@pytest.fixture(scope="module")
def fault_crawl(tmp_path_factory):
    articles = generated_articles(14)
    by_nid = {a.nid: a for a in articles}
    by_nid[8].paragraphs = [html.escape(VIETNAMESE[8])]
    by_nid[9].paragraphs = [html.escape(VIETNAMESE[9])]
    faults = {
        1: Fault("status", status=503, times=1),
        2: Fault("status", status=500),
        3: Fault("timeout"),
        4: Fault("reset"),
        5: Fault("truncate"),
        6: Fault("redirect_loop"),
        7: Fault("huge"),
        8: Fault("cp1258", charset="utf-8"),
        9: Fault("cp1258", charset=None),
        10: Fault("error_page"),
        11: Fault("broken_markup"),
        13: Fault("truncate", times=1),
        14: Fault("reset", times=2),
    }
    server = FaultServer(articles, faults, page_size=7, hang_seconds=2.5).start()
    db = tmp_path_factory.mktemp("faults") / "crawl.db"
    result = run(server, db)
    yield server, db, result, by_nid
    server.stop()


def test_the_crawl_finishes_and_stores_exactly_the_good_and_recovered_pages(fault_crawl):
    server, db, result, _ = fault_crawl
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert set(stored(db)) == {"1", "8", "9", "11", "12", "13", "14"}
    assert len(rows(db, "SELECT url FROM articles")) == 7  # recovered pages stored once


@pytest.mark.parametrize(
    ("nid", "reason", "status"),
    [
        ("2", "HTTP 500", 500),
        ("3", "timed out", None),
        ("4", "connection lost", None),
        ("5", "truncated: the connection closed before the whole page was sent", None),
        ("6", "ignored: max redirections reached", None),
        ("7", "refused: ", None),
        ("10", "not found: the page says 'Không tìm thấy trang'", 200),
    ],
)
def test_every_failed_page_is_recorded_with_its_reason(fault_crawl, nid, reason, status):
    _, db, _, _ = fault_crawl
    failure = failures(db)[nid]
    assert failure["reason"].startswith(reason), failure
    assert (failure["stage"], failure["status"], failure["portal"]) == (
        "article",
        status,
        "127.0.0.1",
    )


def test_only_the_pages_that_never_worked_are_failures(fault_crawl):
    _, db, result, _ = fault_crawl
    assert set(failures(db)) == {"2", "3", "4", "5", "6", "7", "10"}
    assert (
        "'failures/article': 6" in result.stderr
    )  # the 7th, the error page, is not a fetch failure
    assert "'articles/error_page': 1" in result.stderr


def test_failing_pages_were_retried_and_recovering_pages_stored_after_retry(fault_crawl):
    server, _, result, _ = fault_crawl
    for nid in (2, 3, 5):  # RETRY_TIMES=2: three attempts each
        assert len(server.times_of(nid)) == 3, nid
    # Twisted itself retries a GET once when a reused keep-alive connection is reset.
    assert 3 <= len(server.times_of(4)) <= 6
    assert [len(server.times_of(nid)) for nid in (1, 13)] == [2, 2]
    assert len(server.times_of(14)) >= 3
    assert "retry/backoff_count" in result.stderr


def test_a_50_mb_page_is_refused_without_being_downloaded(fault_crawl):
    server, db, _, _ = fault_crawl
    assert "larger than download max size" in failures(db)["7"]["reason"]
    assert len(server.times_of(7)) == 1  # refusing is final, not retried
    assert server.huge_bytes_sent and max(server.huge_bytes_sent) < 50 * 1024 * 1024


def test_an_error_page_served_with_status_200_is_kept_as_a_failed_page_not_an_article(fault_crawl):
    _, db, _, _ = fault_crawl
    page = rows(db, "SELECT kind, status, html FROM pages WHERE url LIKE '%nid=10&%'")[0]
    assert (page["kind"], page["status"]) == ("failed_article", 200)
    assert "Không tìm thấy trang".encode() in page["html"]


@pytest.mark.parametrize("nid", ["8", "9"], ids=["wrong-utf8-header", "no-charset"])
def test_windows_1258_pages_are_stored_as_nfc_vietnamese(fault_crawl, nid):
    _, db, result, by_nid = fault_crawl
    article = stored(db)[nid]
    assert article["body"] == VIETNAMESE[int(nid)]
    assert article["title"] == html.unescape(by_nid[int(nid)].title)
    assert article["author"] == "Thu Xuân"
    assert unicodedata.is_normalized("NFC", article["body"] + article["title"])
    page = rows(db, "SELECT encoding FROM pages WHERE url = ?", article["url"])[0]
    assert page["encoding"] == "windows-1258"
    assert "'pages/charset_corrected': 2" in result.stderr


def test_broken_markup_still_gives_the_whole_article(fault_crawl):
    _, db, _, by_nid = fault_crawl
    article = stored(db)["11"]
    expected = by_nid[11]
    assert article["title"] == html.unescape(expected.title)
    assert article["body"].split("\n\n") == [html.unescape(p) for p in expected.paragraphs]
    assert article["author"] == "Thu Xuân"
    assert article["published_at"].startswith("2024-05-12")


def crawl_with_one_faulty_article(tmp_path, fault, *extra):
    """Crawl two articles, the first misbehaving as ``fault``, into tmp_path/c.db: the
    crawl's result and the times the server was asked for that article."""
    server = FaultServer(generated_articles(2), {1: fault}).start()
    try:
        result = run(server, tmp_path / "c.db", *extra)
        assert result.returncode == 0, result.stderr[-3000:]
        return result, server.times_of(1)
    finally:
        server.stop()


def test_retries_are_held_back_exponentially(tmp_path):
    """Scrapy alone retries at once; with RETRY_BACKOFF_BASE=0.4 the server sees gaps of
    at least 0.2 s, 0.4 s and 0.8 s (base * 2^(n-1), times a jitter in [0.5, 1])."""
    result, times = crawl_with_one_faulty_article(
        tmp_path, Fault("status", status=503, times=3), "-s", "RETRY_TIMES=3", "-s",
        "RETRY_BACKOFF_BASE=0.4",
    )
    assert len(times) == 4
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    for gap, least in zip(gaps, (0.2, 0.4, 0.8), strict=True):
        assert gap >= least, gaps
    assert len(rows(tmp_path / "c.db", "SELECT * FROM articles WHERE url LIKE '%nid=1&%'")) == 1
    assert "'retry/backoff_count': 3" in result.stderr


def test_a_503_with_retry_after_is_retried_no_sooner_than_it_asks(tmp_path):
    """Back-off alone would wait 0.05-0.1 s; the server asks for 2 s and gets them."""
    result, times = crawl_with_one_faulty_article(
        tmp_path, Fault("status", status=503, times=1, retry_after="2")
    )
    assert len(times) == 2 and times[1] - times[0] >= 2.0, times
    assert "'retry/retry_after_honoured': 1" in result.stderr
    assert len(rows(tmp_path / "c.db", "SELECT * FROM articles WHERE url LIKE '%nid=1&%'")) == 1


def test_retry_after_is_read_as_seconds_or_an_http_date():
    from crawler.retry import retry_after_seconds

    now = 1_700_000_000.0  # Tue, 14 Nov 2023 22:13:20 GMT
    assert retry_after_seconds(b"120", now) == 120.0
    assert retry_after_seconds("Tue, 14 Nov 2023 22:15:20 GMT", now) == 120.0
    assert retry_after_seconds("Tue, 14 Nov 2023 22:00:00 GMT", now) == 0.0  # already past
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds(None, now) is None


def test_backoff_delays_grow_and_are_capped():
    from crawler.retry import backoff_delay

    assert [backoff_delay(n, 1.0, 60.0, 1.0) for n in (1, 2, 3, 4)] == [1.0, 2.0, 4.0, 8.0]
    assert [backoff_delay(n, 1.0, 60.0, 0.0) for n in (1, 2, 3)] == [0.5, 1.0, 2.0]
    assert backoff_delay(10, 1.0, 60.0, 1.0) == 60.0


TAG = re.compile(r"</?[A-Za-z!][^<>]*>")


def test_markup_and_sql_in_pages_are_stored_as_plain_text(tmp_path):
    hostile = "Tin 'trích dẫn' \"kép\"; DROP TABLE articles; --"
    articles = [
        Article(
            nid=1,
            title="Thông báo &lt;b&gt;khẩn&lt;/b&gt; <i>của xã</i>",
            paragraphs=[
                "Đoạn một <b>chữ đậm</b> và <a href='/x'>liên kết</a>.",
                "<script>document.write('<p>chèn</p>')</script>Đoạn hai có mã.",
                "&lt;script&gt;alert('x')&lt;/script&gt;Đoạn ba hiển thị mã.",
                "So sánh a &lt; b và c &gt; d vẫn giữ nguyên.",
            ],
            author="&lt;i&gt;Thu Xuân&lt;/i&gt;",
        ),
        Article(
            nid=2,
            title=html.escape(hostile),
            # Not the title again: a body that only repeats the title is boilerplate.
            paragraphs=[html.escape(f"Nội dung: {hostile}")],
            slug="it's-'; DROP TABLE articles; --",
        ),
    ]
    server = FaultServer(articles).start()
    db = tmp_path / "c.db"
    try:
        result = run(server, db)
    finally:
        server.stop()
    assert result.returncode == 0, result.stderr[-3000:]
    found = stored(db)
    assert set(found) == {"1", "2"}
    first = found["1"]
    for value in (first["title"], first["body"], first["author"]):
        assert not TAG.search(value), value
    assert first["title"] == "Thông báo khẩn của xã"
    assert first["author"] == "Thu Xuân"
    assert first["body"].split("\n\n") == [
        "Đoạn một chữ đậm và liên kết.",
        "Đoạn hai có mã.",
        "Đoạn ba hiển thị mã.",
        "So sánh a < b và c > d vẫn giữ nguyên.",
    ]
    second = found["2"]
    assert second["title"] == hostile and second["body"] == f"Nội dung: {hostile}"
    assert "title=it's-'; DROP TABLE articles; --.html" in unquote_plus(second["url"])
    assert rows(db, "PRAGMA integrity_check")[0][0] == "ok"
    assert {r["name"] for r in rows(db, "SELECT name FROM sqlite_master WHERE type='table'")} >= {
        "articles",
        "pages",
        "failures",
        "portals",
    }


SQL_BUILT_FROM_STRINGS = re.compile(
    r"""(?:execute|exec_driver_sql|text)\(\s*(?:f["']|["'][^"']*["']\s*(?:%|\.format|\+))"""
    r"""|["'](?:SELECT|INSERT|UPDATE|DELETE|ALTER|DROP|CREATE)\b[^"']*["']\s*(?:%|\.format)"""
    r"""|f["'](?:SELECT|INSERT|UPDATE|DELETE|ALTER|DROP|CREATE)\b""",
    re.IGNORECASE,
)


def test_no_sql_is_built_by_string_formatting():
    """All SQL goes through SQLAlchemy constructs with bound parameters."""
    offenders = []
    for path in sorted(Path(__file__).resolve().parents[1].joinpath("crawler").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if SQL_BUILT_FROM_STRINGS.search(line):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []


def test_the_sql_check_catches_formatted_sql():
    assert SQL_BUILT_FROM_STRINGS.search(
        "connection.execute(f\"SELECT * FROM articles WHERE url = '{url}'\")"
    )
    assert SQL_BUILT_FROM_STRINGS.search("query = \"DELETE FROM pages WHERE url = '%s'\" % url")
    assert SQL_BUILT_FROM_STRINGS.search('text("SELECT 1 FROM x WHERE a = " + a)')
    assert not SQL_BUILT_FROM_STRINGS.search("connection.execute(select(ArticleRow.url))")
