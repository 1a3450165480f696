"""The one path from an article page to its item (crawler.articles): decode and parse once,
error pages, the generic extractor for the fields a family misses, attachment links."""

import json
import sqlite3
from collections import Counter
from datetime import datetime

import lxml.html
import pytest
from conftest import PORTALS, load_gold
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from crawler import articles
from crawler.articles import FieldFallback, Source, attachment_links, page_item, read_page
from crawler.dates import VN_TZ, parse_vn_date
from crawler.db import CrawlRunRow, create_schema, make_engine
from crawler.health import OK, REDESIGNED, portal_health
from crawler.items import ArticleItem, PageFailureItem
from crawler.mirror import mirror_path
from crawler.parsing import generic
from crawler.parsing.base import ListingEntry
from crawler.parsing.families import FAMILIES
from crawler.pipelines.clean import BoilerplatePipeline, NormalizationPipeline, SpamPipeline
from crawler.registry import Portal
from crawler.spiders.generic import GenericSpider
from crawler.text import spam

URL = (
    "http://kimdong.hungyen.gov.vn/portal/Pages/2020-10-16/"
    "To-chuc-ky-niem-90-nam-ngay-truyen-thong-nganh-to-chuc-xay-d-9101.aspx"
)
TITLE = (
    "Tổ chức kỷ niệm 90 năm ngày truyền thống ngành tổ chức xây dựng Đảng, "
    "công tác dân vận của Đảng"
)
PAGE = mirror_path(PORTALS, URL).read_text(encoding="utf-8")
HUNGYEN = Source(portal="hungyen-kimdong", family="hungyen", listing_title=TITLE)


class Stats(Counter):
    def inc_value(self, key, count=1):
        self[key] += count


class Crawler:
    def __init__(self):
        self.stats = Stats()


def item_of(page: str, source=HUNGYEN, parse=None, fallback=None, stats=None, url=URL):
    parse = parse or FAMILIES[source.family].parse_article
    stats = stats if stats is not None else Stats()
    return page_item(read_page(url, page.encode("utf-8")), parse, source, stats, fallback)


def test_a_page_is_decoded_once_and_parsed_once_through_the_pipelines(monkeypatch):
    """Error-page check, spam scan, fields and the spam pipeline share one tree: before,
    the page was parsed for the check, for the fields and again by SpamPipeline."""
    parsed, decoded = [], []
    real_parse, real_decode = lxml.html.document_fromstring, articles.decode_html
    monkeypatch.setattr(
        lxml.html, "document_fromstring", lambda *a, **k: parsed.append(1) or real_parse(*a, **k)
    )
    monkeypatch.setattr(
        articles, "decode_html", lambda *a, **k: decoded.append(1) or real_decode(*a, **k)
    )
    # "404" and a hidden off-site link make both the error check and the spam scan parse.
    page = PAGE.replace(
        '</div></div>\n<div class="tandan-comment">',
        '<p>Quyết định 404/QĐ-UBND.</p><div style="display:none"><a href="https://139.99.113.80/">'
        'W88</a></div></div></div>\n<div class="tandan-comment">',
    )
    stats = Stats()
    item = item_of(page, stats=stats)
    crawler = Crawler()
    for pipeline in (NormalizationPipeline, SpamPipeline, BoilerplatePipeline):
        item = pipeline(crawler).process_item(item)
    assert (len(decoded), len(parsed)) == (1, 1)
    assert item["title"] == TITLE
    assert {finding.kind for finding in item["spam"]} >= {"hidden_block", "ip_link"}
    assert "W88" not in item["body"]


@pytest.mark.parametrize(
    "parse",
    [
        FAMILIES["hungyen"].parse_article,
        lambda root, url: generic.parse_article(root, url, "Không tìm thấy trang"),
    ],
    ids=["family", "generic"],
)
def test_an_error_page_served_with_200_fails_with_its_reason_for_every_spider(parse):
    page = (
        "<html><head><title>Lỗi 404</title></head><body><h1>Không tìm thấy trang</h1>"
        "<div><p>Trang bạn yêu cầu không tồn tại hoặc đã bị xóa khỏi hệ thống, xin quay lại "
        "trang chủ để xem các tin bài mới nhất của cổng thông tin.</p></div></body></html>"
    )
    stats = Stats()
    item = item_of(page, parse=parse, stats=stats)
    assert isinstance(item, PageFailureItem)
    assert item["reason"].startswith("not found: the page says")
    assert stats["articles/error_page"] == 1


def test_fields_a_redesigned_family_page_misses_come_from_the_generic_extractor():
    """A newer theme renames the title and date classes: the selectors miss them."""
    page = PAGE.replace("tandan-p-article-news-title", "news-heading-v3")
    page = page.replace("tandan-span-date-publish", "d").replace(
        "tandan-div-date-view", "post-meta-v3"
    )
    stats = Stats()
    item = item_of(page, fallback=FieldFallback(generic.parse_article), stats=stats)
    assert isinstance(item, ArticleItem)
    assert item["title"] == TITLE
    assert item["published_at"].startswith("2020-10-16")
    assert item["missing"] == []
    assert stats["fallback/title"] == stats["fallback/title/hungyen-kimdong"] == 1
    assert stats["fallback/published_at"] == 1
    assert stats["fallback/body"] == 0


def test_without_the_fallback_the_same_page_is_unparsable_and_names_the_field():
    page = PAGE.replace("tandan-p-article-news-title", "news-heading-v3")
    page = page.replace("<title>huyện Kim Động - Cổng thông tin điện tử</title>", "")
    item = item_of(page, source=Source(portal="hungyen-kimdong", family="hungyen"))
    assert isinstance(item, PageFailureItem)
    assert item["field"] == "title"
    assert item["reason"].startswith("unparsable: no title")


def test_a_body_the_selectors_miss_is_found_with_its_attachments():
    page = PAGE.replace("ms-rtestate-field", "noi-dung").replace("tandan-p-article-main", "x")
    page = page.replace(
        '</div></div>\n<div class="tandan-comment">',
        '<p>File đính kèm: <a href="/portal/Files/bao-cao-9-thang.pdf">Báo cáo 9 tháng</a></p>'
        '</div></div>\n<div class="tandan-comment">',
    )
    stats = Stats()
    item = item_of(page, fallback=FieldFallback(generic.parse_article), stats=stats)
    assert stats["fallback/body"] == 1
    assert "Năm 2019, tổng thu ngân sách" in item["body"]
    assert [a["file_url"] for a in item["attachments"]] == [
        "http://kimdong.hungyen.gov.vn/portal/Files/bao-cao-9-thang.pdf"
    ]


def test_author_and_views_stop_being_looked_for_on_a_portal_that_never_prints_them():
    calls = []

    def counting(root, url, title="", fields=None):
        calls.append(url)
        return generic.parse_article(root, url, title, fields=fields)

    fallback = FieldFallback(counting, probe=3)
    stats = Stats()
    for _ in range(6):  # the sample page has no author: the generic extractor finds none
        item = item_of(PAGE, fallback=fallback, stats=stats)
        assert item["author"] is None
    assert len(calls) == 3
    assert stats["fallback/author"] == 0
    # A missing title is always looked for.
    item_of(PAGE.replace("tandan-p-article-news-title", "x"), fallback=fallback, stats=stats)
    assert len(calls) == 4 and stats["fallback/title"] == 1


def test_the_fallback_asks_only_for_the_fields_missing_and_skips_the_body_pass(monkeypatch):
    """A family page without an author or view count used to be read a second time in full,
    boilerplate pass included, for those two fields (the dearest step of a page of 20,000
    short lines)."""
    asked = []

    def recording(root, url, title="", fields=None):
        asked.append(fields)
        return generic.parse_article(root, url, title, fields=fields)

    monkeypatch.setattr(generic, "strip_boilerplate", _must_not_run)
    item = item_of(PAGE, fallback=FieldFallback(recording))
    assert asked == [["author"]]  # the page prints its view count
    assert item["title"] == TITLE and "Năm 2019, tổng thu ngân sách" in item["body"]


def _must_not_run(*args, **kwargs):
    raise AssertionError("the body's boilerplate pass ran for a fallback without the body")


@pytest.mark.parametrize("gold", load_gold()[0], ids=lambda gold: gold["url"][-40:])
def test_the_generic_author_and_view_count_are_the_same_without_the_body(gold):
    page, url, title = mirror_path(PORTALS, gold["url"]).read_text("utf-8"), gold["url"], gold["title"]
    whole = generic.parse_article(lxml.html.document_fromstring(page), url, title)
    fields = ["author", "view_count"]
    part = generic.parse_article(lxml.html.document_fromstring(page), url, title, fields=fields)
    assert (part.author, part.view_count) == (whole.author, whole.view_count)
    assert part.paragraphs == [] and whole.paragraphs


def test_a_missing_date_is_recorded_unless_the_listing_gives_it():
    page = PAGE.replace("Đăng ngày 16 - 10 - 2020", "")
    item = item_of(page)
    assert item["published_at"] is None
    assert item["missing"] == [("published_at", item["missing"][0][1])]
    assert item["missing"][0][1].startswith("no date")
    listed = Source(
        portal="hungyen-kimdong", family="hungyen", listing_published=parse_vn_date("16/10/2020")
    )
    item = item_of(page, source=listed)
    assert item["published_at"].startswith("2020-10-16") and item["missing"] == []


ATTACHMENT_PAGE = """<html><body>
<div class="col-main"><div class="news-detail">
<h2 class="news-title">Báo cáo tình hình kinh tế - xã hội 9 tháng năm 2024</h2>
<div class="news-date">Ngày đăng: 02/10/2024</div>
<div class="news-content">
<p>UBND xã báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 9 tháng đầu năm.</p>
<p>File đính kèm: <a href="/Upload/2024/BC-KTXH-9thang.PDF">Báo cáo số 125/BC-UBND</a></p>
<p>Phụ lục số liệu <a href="../Upload/phu-luc.xlsx?v=2">Tải về</a></p>
<p><a href="/DownloadFile.ashx?id=77">Tải về</a></p>
<p>Xem thêm <a href="/tin-tuc/hoi-nghi-123.html">hội nghị tổng kết</a></p>
</div></div>
<div class="tep-dinh-kem"><a href="https://xa.example.gov.vn/files/ke-hoach.docx">Kế hoạch 2025</a></div>
</div>
<div class="col-right"><p>Văn bản mới</p>
<a href="/vanban/quyet-dinh-1.pdf">Quyết định số 1/QĐ-UBND</a></div>
</body></html>"""
ATTACHMENT_URL = "https://xa.example.gov.vn/tin-tuc/bao-cao-ktxh-9-thang-456.html"


def test_attachment_links_are_read_with_a_label_and_a_type():
    root = lxml.html.document_fromstring(ATTACHMENT_PAGE)
    found = [a for _, a in attachment_links(root, ATTACHMENT_URL)]
    assert [(a.url, a.label, a.file_type) for a in found] == [
        (
            "https://xa.example.gov.vn/Upload/2024/BC-KTXH-9thang.PDF",
            "Báo cáo số 125/BC-UBND",
            "pdf",
        ),
        ("https://xa.example.gov.vn/Upload/phu-luc.xlsx?v=2", "Phụ lục số liệu", "xlsx"),
        ("https://xa.example.gov.vn/DownloadFile.ashx?id=77", "DownloadFile.ashx", None),
        ("https://xa.example.gov.vn/files/ke-hoach.docx", "Kế hoạch 2025", "docx"),
        ("https://xa.example.gov.vn/vanban/quyet-dinh-1.pdf", "Quyết định số 1/QĐ-UBND", "pdf"),
    ]


@pytest.mark.parametrize("family", ["haiduong", "generic"])
def test_an_items_attachments_are_the_articles_not_the_sidebars(family):
    if family == "generic":
        parse = lambda root, url: generic.parse_article(root, url)  # noqa: E731
    else:
        parse = FAMILIES[family].parse_article
    item = item_of(
        ATTACHMENT_PAGE,
        source=Source(portal="xa", family=family),
        parse=parse,
        url=ATTACHMENT_URL,
    )
    files = [a["file_url"].rsplit("/", 1)[-1] for a in item["attachments"]]
    assert files == ["BC-KTXH-9thang.PDF", "phu-luc.xlsx?v=2", "DownloadFile.ashx?id=77",
                     "ke-hoach.docx"]  # fmt: skip


def crawl_run(fallbacks: dict, article_pages=10, new=10):
    return CrawlRunRow(
        portal="p",
        listing_pages=4,
        finished_at="2024-07-03T10:00:00+07:00",
        articles_new=new,
        articles_updated=0,
        article_pages=article_pages,
        articles_unparsable=0,
        errors=0,
        failed_checks="",
        fallbacks=json.dumps(fallbacks),
    )


@pytest.mark.parametrize(
    ("fallbacks", "status", "note"),
    [
        (
            {"title": 9, "body": 8, "author": 2},
            REDESIGNED,
            "redesigned: title, body found by fallback",
        ),
        ({"published_at": 6}, REDESIGNED, "redesigned: date found by fallback"),
        ({"title": 5, "view_count": 1}, OK, None),  # half is not "most"
        ({"pager": 3}, REDESIGNED, "redesigned: pager found by fallback"),  # of 4 listing pages
        ({}, OK, None),
    ],
)
def test_health_says_which_fields_a_portal_lost_to_the_fallback(fallbacks, status, note):
    now = datetime(2024, 7, 3, 12, 0, tzinfo=VN_TZ)
    health = portal_health("p", [crawl_run(fallbacks)], now, 7, 0.5)
    assert health.status == status
    assert health.failed_checks == ([note] if note else [])


def test_an_older_database_gets_the_new_columns_and_the_attachments_table(tmp_path):
    db = tmp_path / "old.db"
    connection = sqlite3.connect(db)
    connection.executescript(
        "CREATE TABLE crawl_runs (id INTEGER PRIMARY KEY, spider TEXT, portal TEXT);"
        "CREATE TABLE failures (id INTEGER PRIMARY KEY, url TEXT, stage TEXT, reason TEXT);"
    )
    connection.close()
    engine = make_engine(f"sqlite:///{db}")
    create_schema(engine)
    engine.dispose()
    connection = sqlite3.connect(db)
    columns = {
        table: {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
        for table in ("crawl_runs", "failures", "attachments")
    }
    connection.close()
    assert "fallbacks" in columns["crawl_runs"] and "field" in columns["failures"]
    assert {"article_url", "file_url", "label", "file_type", "path"} <= columns["attachments"]


def test_on_a_page_that_never_says_tai_ve_only_file_links_are_attachments():
    page = (
        '<html><body><div class="content"><p>Kế hoạch số 12/KH-UBND '
        '<a href="/Lists/TinTuc/Attachments/312/ke_hoach.pdf">ke_hoach.pdf</a></p>'
        '<p><a href="/tin-tuc/hoi-nghi-1.html">Hội nghị</a></p></div></body></html>'
    )
    root = lxml.html.document_fromstring(page)
    found = [a for _, a in attachment_links(root, "https://xa.example.gov.vn/tin/1.html")]
    assert [(a.url, a.label, a.file_type) for a in found] == [
        (
            "https://xa.example.gov.vn/Lists/TinTuc/Attachments/312/ke_hoach.pdf",
            "ke_hoach.pdf",
            "pdf",
        )
    ]


def test_the_generic_spider_scans_a_page_for_injected_spam_once(monkeypatch, tmp_path):
    """read_page's scan says what to remove; template learning and the generic extractor
    used to scan the same tree again each (three scans per article page)."""
    scans = []
    real_scan = spam.find_injected

    def counted(*args, **kwargs):
        scans.append(1)
        return real_scan(*args, **kwargs)

    monkeypatch.setattr(spam, "find_injected", counted)
    monkeypatch.setattr(articles, "find_injected", counted)
    page = PAGE.replace(
        '</div></div>\n<div class="tandan-comment">',
        '<div style="display:none"><a href="https://139.99.113.80/">W88</a></div>'
        '</div></div>\n<div class="tandan-comment">',
    )
    listing = "http://kimdong.hungyen.gov.vn/portal/Pages/tin-tuc.aspx"
    crawler = get_crawler(
        GenericSpider, {"GENERIC_TEMPLATE_PAGES": 1, "DATABASE_URL": f"sqlite:///{tmp_path}/db"}
    )
    spider = GenericSpider.from_crawler(crawler, url=listing)
    response = HtmlResponse(URL, body=page.encode("utf-8"), encoding="utf-8", request=Request(URL))
    entry = ListingEntry(url=URL, title=TITLE)
    (item,) = spider.parse_article(response, Portal.unregistered(listing, "generic"), entry, "")
    assert len(scans) == 1
    assert item["title"] == TITLE
    assert {finding.kind for finding in item["spam"]} >= {"hidden_block", "ip_link"}
    assert "W88" not in item["body"]


@pytest.mark.parametrize(
    "text",
    ["TẢI VỀ", "Tải\n  về", "File đính kèm:", "DOWNLOAD", "fıle đính kèm", "FİLE ĐÍNH KÈM", "Tin"],
)
def test_an_attachment_label_is_found_in_any_case_as_the_ignorecase_pattern_finds_it(text):
    # The page-wide check searches the lowered text (dotted and dotless I aside).
    expected = articles._ATTACHMENT_LABEL.search(f"Trang {text} cuối") is not None
    assert articles.says_attachment(f"Trang {text} cuối") == expected
    assert expected == (text != "Tin")
