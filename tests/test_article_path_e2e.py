"""Real crawls through mirror copies: a redesigned family portal read through the generic
fallback and reported by `scrapy health`, attachments stored, exported and (when asked)
downloaded, and the generic spider's pages: error pages failed, pages re-parsed."""

import csv
import json
import shutil
import sqlite3
import subprocess

import pytest
from conftest import FIXTURES, PORTALS, PROJECT, SCRAPY, crawl, load_gold, normalised, rows

from crawler.mirror import MirrorServer, mirror_path

GOLD_ARTICLES, _ = load_gold()
KIMDONG = [g for g in GOLD_ARTICLES if g["host"] == "kimdong.hungyen.gov.vn"]
ATTACHED = KIMDONG[0]["url"]
ATTACHMENT_LINE = (
    '<p>File đính kèm: <a href="/portal/Files/bao-cao-9-thang.pdf">Báo cáo 9 tháng</a>, '
    '<a href="/portal/Files/so-lieu.xlsx">Số liệu</a>, '
    '<a href="http://other.example.gov.vn/van-ban.pdf">Văn bản của tỉnh</a></p>'
)


def scrapy(*arguments, db):
    return subprocess.run(
        [SCRAPY, *arguments, "-s", f"DATABASE_URL=sqlite:///{db}"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def redesigned_mirror(tmp_path):
    """Kim Động's pages in a newer theme whose title class the hungyen selectors miss, and
    one article with three attachments (one too large, one on another host)."""
    root = tmp_path / "mirror"
    shutil.copytree(PORTALS, root)
    for gold in KIMDONG:
        path = mirror_path(root, gold["url"])
        page = path.read_text(encoding="utf-8").replace(
            'class="tandan-p-article-news-title"', 'class="news-heading-v3"'
        )
        if gold["url"] == ATTACHED:
            page = page.replace("</div></div>\n<div class=\"tandan-comment\">",
                                f"{ATTACHMENT_LINE}</div></div>\n<div class=\"tandan-comment\">")  # fmt: skip
        path.write_text(page, encoding="utf-8")
    files = root / "kimdong.hungyen.gov.vn" / "portal" / "Files"
    files.mkdir()
    (files / "bao-cao-9-thang.pdf").write_bytes(b"%PDF-1.4 bao cao " + b"x" * 200)
    (files / "so-lieu.xlsx").write_bytes(b"PK" + b"y" * 5000)
    server = MirrorServer(root).start()
    yield server
    server.stop()


def test_a_redesigned_portal_is_read_by_fallback_reported_and_its_attachments_kept(
    redesigned_mirror, tmp_path
):
    db, store = tmp_path / "crawl.db", tmp_path / "files"
    result = crawl(
        "hungyen", "-a", "portal=hungyen-kimdong", "-s", "DOWNLOAD_ATTACHMENTS=1",
        "-s", f"FILES_STORE={store}", "-s", "ATTACHMENT_MAX_BYTES=1000",
        db=db, proxy=redesigned_mirror.url,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    stored = {r["url"]: r for r in rows(db, "SELECT * FROM articles")}
    assert set(stored) == {g["url"] for g in KIMDONG}
    for gold in KIMDONG:
        assert stored[gold["url"]]["title"] == gold["title"]
        # (Removing the attachment line from the body is the boilerplate rules' job.)
        body = normalised(stored[gold["url"]]["body"])
        assert body.startswith(normalised(" ".join(gold["body"])))
    run = rows(db, "SELECT * FROM crawl_runs WHERE portal = 'hungyen-kimdong'")[0]
    assert json.loads(run["fallbacks"]) == {"title": len(KIMDONG)}
    health = scrapy("health", "--portal", "hungyen-kimdong", db=db)
    assert health.returncode == 1
    assert "REDESIGNED" in health.stdout
    assert "hungyen-kimdong: redesigned: title found by fallback" in health.stdout

    attachments = rows(db, "SELECT * FROM attachments ORDER BY id")
    assert [(a["article_url"], a["label"], a["file_type"]) for a in attachments] == [
        (ATTACHED, "Báo cáo 9 tháng", "pdf"),
        (ATTACHED, "Số liệu", "xlsx"),
        (ATTACHED, "Văn bản của tỉnh", "pdf"),
    ]
    saved = [a["path"] for a in attachments]
    assert saved[0].startswith("hungyen-kimdong/") and saved[0].endswith(".pdf")
    assert (store / saved[0]).read_bytes().startswith(b"%PDF")
    assert saved[1:] == [None, None]  # over ATTACHMENT_MAX_BYTES; on another host
    assert not any("other.example.gov.vn" in path for path in redesigned_mirror.requests)

    out = tmp_path / "attachments.csv"
    export = scrapy("export", "attachments", "-o", str(out), db=db)
    assert export.returncode == 0, export.stderr[-2000:]
    with open(out, encoding="utf-8-sig", newline="") as handle:
        exported = list(csv.DictReader(handle))
    assert [e["file_url"] for e in exported] == [
        "http://kimdong.hungyen.gov.vn/portal/Files/bao-cao-9-thang.pdf",
        "http://kimdong.hungyen.gov.vn/portal/Files/so-lieu.xlsx",
        "http://other.example.gov.vn/van-ban.pdf",
    ]


MADE_UP = FIXTURES / "generic"
MADE_UP_GOLD = [json.loads(line) for line in (MADE_UP / "gold.jsonl").read_text().splitlines()]
MADE_UP_LISTING = next(g for g in MADE_UP_GOLD if "listing" in g)["listing"]
MADE_UP_ARTICLES = [g for g in MADE_UP_GOLD if "body" in g]


@pytest.fixture
def made_up_copy(tmp_path):
    """The made-up platform with one article replaced by an error page served with 200."""
    root = tmp_path / "generic"
    shutil.copytree(MADE_UP, root)
    mirror_path(root, MADE_UP_ARTICLES[0]["url"]).write_text(
        "<html><head><title>Thông báo</title></head><body><div class='menu'>Trang chủ</div>"
        "<h2>Bài viết không tồn tại hoặc đã bị xóa</h2><p>Mời bạn quay lại trang chủ để xem "
        "các tin tức mới nhất của xã.</p></body></html>",
        encoding="utf-8",
    )
    server = MirrorServer(root).start()
    yield server
    server.stop()


def test_generic_spider_fails_error_pages_and_reparse_covers_its_pages(made_up_copy, tmp_path):
    db = tmp_path / "crawl.db"
    result = crawl("generic", "-a", f"url={MADE_UP_LISTING}", db=db, proxy=made_up_copy.url)
    assert result.returncode == 0, result.stderr[-3000:]
    failures = rows(db, "SELECT url, stage, reason FROM failures")
    assert [(f["url"], f["stage"]) for f in failures] == [(MADE_UP_ARTICLES[0]["url"], "article")]
    assert failures[0]["reason"].startswith("not found: the page says")
    stored = {r["url"]: dict(r) for r in rows(db, "SELECT * FROM articles")}
    assert set(stored) == {g["url"] for g in MADE_UP_ARTICLES[1:]}

    connection = sqlite3.connect(db)
    with connection:
        connection.execute("UPDATE articles SET body = 'hỏng', title = ''")
    connection.close()
    reparse = scrapy("reparse", db=db)
    assert reparse.returncode == 0, reparse.stderr[-2000:]
    # Every stored page of the generic portal, the failed error page included.
    assert f"'reparse/pages': {len(MADE_UP_ARTICLES)}" in reparse.stderr
    after = {r["url"]: dict(r) for r in rows(db, "SELECT * FROM articles")}
    for url, row in after.items():
        assert (row["title"], row["body"]) == (stored[url]["title"], stored[url]["body"]), url
