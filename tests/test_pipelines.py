"""The configured item pipelines, run in-process in their real order on real-looking items."""

import sqlite3

import pytest
from conftest import database_url
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.misc import build_from_crawler, load_object
from scrapy.utils.project import get_project_settings

from crawler.articles import read_page
from crawler.items import ArticleItem, PortalIndicatorItem
from crawler.parsing.base import article_link
from crawler.spiders.base import FamilySpider

BODY = (
    "Sáng 2/11, UBND xã Quang Thành tổ chức hội nghị triển khai nhiệm vụ phát triển kinh tế"
    " - xã hội năm 2024. Dự hội nghị có lãnh đạo các ban, ngành, đoàn thể của xã.\n\n"
    "Năm 2023, thu nhập bình quân đầu người đạt 92 triệu đồng; tỷ lệ hộ nghèo giảm còn"
    " 2,24%.\n\n"
    "Năm 2024, xã phấn đấu tỷ lệ hộ nghèo giảm còn dưới 2%, 100% thôn đạt chuẩn văn hóa."
)


class Chain:
    """The project's ITEM_PIPELINES, opened on a temporary database."""

    def __init__(self, db, **overrides):
        settings = get_project_settings()
        settings.set("DATABASE_URL", database_url(db))
        settings.update(overrides)
        self.crawler = Crawler(FamilySpider, settings)
        self.crawler.spider = FamilySpider(name="test")
        self.crawler.stats = MemoryStatsCollector(self.crawler)
        order = sorted(settings.getdict("ITEM_PIPELINES").items(), key=lambda pair: pair[1])
        self.pipelines = []
        for path, _ in order:
            try:
                self.pipelines.append(build_from_crawler(load_object(path), self.crawler))
            except NotConfigured:  # as Scrapy does: a component may opt out
                continue
        for pipeline in self.pipelines:
            getattr(pipeline, "open_spider", lambda: None)()
        self.db = db

    def run(self, item):
        for pipeline in self.pipelines:
            item = pipeline.process_item(item)
        return item

    def close(self):
        for pipeline in self.pipelines:
            getattr(pipeline, "close_spider", lambda: None)()

    def stat(self, key):
        return self.crawler.stats.get_value(key)

    def query(self, sql):
        connection = sqlite3.connect(self.db)
        try:
            return connection.execute(sql).fetchall()
        finally:
            connection.close()


@pytest.fixture
def chain(tmp_path):
    chain = Chain(tmp_path / "p.db")
    yield chain
    chain.close()


def article(url="http://quangthanh.kinhmon.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=1",
            portal="haiduong-quangthanh", body=BODY, html=b"<html><body></body></html>",
            title="Hội nghị triển khai nhiệm vụ", **extra):
    return ArticleItem(url=url, portal=portal, family="haiduong", title=title,
                       published_at="2023-11-02T14:21:00+07:00", author=None, view_count=None,
                       category=None, body=body, html=html, encoding="utf-8", status=200, **extra)


def test_normalisation_gives_nfc_plain_text_and_a_quality_verdict(chain):
    decomposed = "Ho\u0302\u0323i nghi\u0323 \u200btri\u1ec3n\u00a0khai <b>nhi\u1ec7m v\u1ee5</b>"
    item = chain.run(article(title=decomposed, body=f"{decomposed} đã\x07 kết thúc.\n\n\n\n{BODY}"))
    assert item["title"] == "Hội nghị triển khai nhiệm vụ"
    assert item["body"] == f"Hội nghị triển khai nhiệm vụ đã kết thúc.\n\n{BODY}"
    assert "<" not in item["body"] and "\x07" not in item["body"]
    assert item["text_quality"] == "ok"


def test_text_that_lost_its_diacritics_at_the_source_is_flagged(chain):
    damaged = (
        "Tiếp tc thực hiện Cuộc vận động, hưởng ứng Li kêu gi thi đua ái quc ca Bác H, các"
        " cp ủy đã tổ chc nhiều hot động thiết thc trong toàn xã."
    )
    item = chain.run(article(body=damaged))
    assert item["text_quality"] == "diacritics_dropped"
    assert chain.stat("text_quality/diacritics_dropped") == 1
    chain.close()
    assert chain.query("SELECT text_quality FROM articles") == [("diacritics_dropped",)]


def test_counters_widgets_and_footers_inside_the_body_are_removed_and_views_kept(chain):
    noisy = "\n\n".join([
        "Hội nghị triển khai nhiệm vụ", "A- 100% A+", "Lượt xem: 1.234", BODY,
        "Đánh giá cho bài viết: 0 điểm ( 0 đánh giá )", "Tin mới nhất",
        "Xã tổ chức Lễ giao nhận quân năm 2023", "Kiểm tra công tác bầu cử trưởng thôn",
    ])
    item = chain.run(article(body=noisy))
    assert item["body"] == BODY
    assert item["view_count"] == 1234
    assert chain.stat("boilerplate/view_counter") == 1


def test_injected_spam_never_reaches_the_body_and_flags_the_portal(chain):
    page = (b'<html><body><div class="news-content"><p>Tin th\xe1\xbb\xa9c</p></div><div style="display:none">'
            b'<a href="https://139.99.113.80/" title="W88">W88 113.80</a></div></body></html>')
    spammed = BODY + "\n\nNhà cái W88 uy tín, đăng ký nhận thưởng tại https://139.99.113.80/"
    url = "http://quangthanh.kinhmon.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=1"
    # The whole page is scanned once, on the tree the page path parses; the body text here.
    item = chain.run(article(body=spammed, html=page, spam=read_page(url, page).spam))
    assert item["body"] == BODY
    chain.close()
    flags = chain.query("SELECT portal, kind, evidence, pages FROM portal_flags ORDER BY kind")
    assert ("haiduong-quangthanh", "hidden_block", "'w88' in https://139.99.113.80/", 1) in flags
    assert {kind for _, kind, _, _ in flags} >= {"hidden_block", "ip_link", "gambling_keyword"}


def test_exact_duplicate_on_the_same_portal_is_dropped_with_a_reason(chain):
    chain.run(article())
    with pytest.raises(DropItem, match=r"exact duplicate of http://quangthanh.*nid=1$"):
        chain.run(article(url="http://quangthanh.kinhmon.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=2"))
    assert chain.stat("dedup/exact_same_portal") == 1


def test_republished_and_near_duplicate_copies_point_to_the_original_without_indicators(chain):
    original = chain.run(article())
    assert original["duplicate_of"] is None and len(original["indicators"]) >= 3
    copy = chain.run(article(url="http://ngoclien.camgiang.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=9",
                             portal="haiduong-ngoclien"))
    edited = BODY.replace("lãnh đạo các ban", "lãnh đạo các phòng, ban") + " Hội nghị kết thúc lúc 11 giờ."
    near = chain.run(article(url="http://kimdong.hungyen.gov.vn/portal/Pages/2023-11-3/Hoi-nghi-5.aspx",
                             portal="hungyen-kimdong", body=edited))
    assert copy["duplicate_of"] == original["url"] and copy["indicators"] == []
    assert near["duplicate_of"] == original["url"] and near["indicators"] == []
    chain.close()
    per_article = dict(chain.query("SELECT article_url, count(*) FROM indicators GROUP BY 1"))
    assert set(per_article) == {original["url"]}
    assert chain.query("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL") == [(2,)]


def test_different_articles_sharing_template_sentences_are_not_duplicates(chain):
    chain.run(article())
    other = BODY.replace("92 triệu", "71 triệu").replace("2,24%", "3,1%").replace(
        "Quang Thành", "Ngọc Liên").replace("năm 2024", "năm 2025").replace("100% thôn", "9 thôn")
    other = other.replace("Dự hội nghị có lãnh đạo các ban, ngành, đoàn thể của xã.",
                          "Các đại biểu đã thảo luận kế hoạch xây dựng nông thôn mới kiểu mẫu.")
    item = chain.run(article(url="http://ngoclien.camgiang.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=3",
                             portal="haiduong-ngoclien", body=other))
    assert item["duplicate_of"] is None


def test_tracking_parameters_and_fragments_do_not_make_a_second_row(chain):
    # The identity is fixed when the link is read; the pipelines store it as it is.
    listed = article_link(
        "HTTP://QuangThanh.KinhMon.HaiDuong.gov.vn:80/Trang/ChiTietTinTuc.aspx?utm_source=zalo&nid=1#top",
        "http://quangthanh.kinhmon.haiduong.gov.vn/Trang/TinTuc.aspx?cid=2",
    )
    chain.run(article())
    chain.run(article(url=listed))
    chain.close()
    assert chain.query("SELECT url FROM articles") == [
        ("http://quangthanh.kinhmon.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=1",)
    ]


def test_an_article_that_is_only_boilerplate_is_dropped_and_recorded(chain):
    with pytest.raises(DropItem, match="field 'body' is empty"):
        chain.run(article(body="Lượt xem: 24\n\nA- 100% A+\n\nĐiện thoại: 0220 3821 123"))
    assert chain.stat("dropped/missing_body") == 1


def test_portal_widget_figures_are_stored_per_crawl(chain):
    figure = PortalIndicatorItem(portal="haiduong-quangthanh", name="hồ sơ TTHC trễ hạn", value=0.0,
                                 unit="hồ sơ", as_of="2023-11-30T07:04:41+07:00", source_url="http://x/")
    chain.run(figure)
    chain.close()
    assert chain.query("SELECT portal, name, value, as_of FROM portal_indicators") == [
        ("haiduong-quangthanh", "hồ sơ TTHC trễ hạn", 0.0, "2023-11-30T07:04:41+07:00")
    ]


def test_the_in_memory_index_is_bounded_and_exact_copies_are_still_found(tmp_path):
    chain = Chain(tmp_path / "bounded.db", DEDUP_INDEX_MAX=1, STORAGE_BATCH_SIZE=1)
    try:
        first = chain.run(article())
        other = BODY.replace("Quang Thành", "Ngọc Liên").replace("92 triệu", "71 triệu")
        other = other.replace("Dự hội nghị có lãnh đạo các ban, ngành, đoàn thể của xã.",
                              "Các đại biểu thảo luận kế hoạch xây dựng nông thôn mới kiểu mẫu.")
        chain.run(article(url="http://ngoclien.camgiang.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=4",
                          portal="haiduong-ngoclien", body=other))
        dedup = next(p for p in chain.pipelines if hasattr(p, "originals"))
        assert list(dedup.originals) == [
            "http://ngoclien.camgiang.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=4"
        ]
        copy = chain.run(article(url="http://kimdong.hungyen.gov.vn/portal/Pages/2023-11-3/Ban-sao-7.aspx",
                                 portal="hungyen-kimdong"))
        assert copy["duplicate_of"] == first["url"]  # found in the database, not in memory
    finally:
        chain.close()


def test_an_unseen_body_costs_no_database_lookup_and_other_crawls_rows_are_read_in(tmp_path):
    """Exact originals are looked up in the database only when the body's hash prefix is
    known; rows another crawl stored after this one opened are read in on refresh."""
    from sqlalchemy import event

    from crawler.db import make_engine
    from crawler.pipelines.dedup import StoredHashes
    from crawler.text.dedup import content_hash

    writer = Chain(tmp_path / "shared.db", DEDUP_INDEX_MAX=1, STORAGE_BATCH_SIZE=1)
    writer.run(article())
    writer.close()
    engine = make_engine(f"sqlite:///{tmp_path / 'shared.db'}")
    hashes = StoredHashes(engine, refresh_seconds=3600)
    lookups = []
    event.listen(engine, "before_cursor_execute", lambda *args: lookups.append(args[2]))
    assert hashes.might_contain(content_hash(writer.query("SELECT body FROM articles")[0][0]))
    assert not hashes.might_contain(content_hash("Một bài viết chưa từng lưu."))
    assert lookups == []

    other = (
        "Chiều 5/11, xã Ngọc Liên ra quân làm đường giao thông nông thôn, nạo vét kênh mương"
        " nội đồng và trồng cây xanh dọc các tuyến đường liên thôn trên địa bàn xã.\n\n"
        "Năm 2023, toàn xã đã cứng hóa 4,5 km đường ngõ xóm với tổng kinh phí 3,2 tỷ đồng,"
        " trong đó nhân dân đóng góp hơn 1 tỷ đồng và nhiều ngày công lao động."
    )
    second = Chain(tmp_path / "shared.db", STORAGE_BATCH_SIZE=1)
    stored = second.run(article(url="http://x.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=9",
                                portal="haiduong-ngoclien", body=other))
    second.close()
    assert stored["duplicate_of"] is None
    assert not hashes.might_contain(stored["content_hash"])  # not refreshed yet
    hashes.refresh_seconds = 0
    assert hashes.might_contain(stored["content_hash"])
    engine.dispose()
