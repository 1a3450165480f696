"""Family parsers on the saved pages (one fixture set per spider) and on variants of them."""

import pytest
from conftest import PORTALS, load_gold, normalised

from crawler.mirror import mirror_path
from crawler.parsing.families import FAMILIES
from crawler.parsing.html import parse_html

GOLD_ARTICLES, GOLD_LISTINGS = load_gold()


def page(url: str) -> str:
    return mirror_path(PORTALS, url).read_text(encoding="utf-8")


@pytest.mark.parametrize("gold", GOLD_ARTICLES, ids=lambda g: g["url"].rsplit("/", 1)[-1][-40:])
def test_saved_article_parses_to_gold(gold):
    article = FAMILIES[gold["family"]].parse_article(parse_html(page(gold["url"])), gold["url"])
    if gold.get("page_date", True):
        assert article.problems == []
        assert article.published.value.date().isoformat() == gold["published"]
    else:  # the page prints no date of its own (the crawl takes the listing's)
        assert [p.split(" (")[0] for p in article.problems] == ["no date"]
        assert article.published is None
    assert article.title == gold["title"]
    assert article.author == gold["author"]
    assert article.view_count == gold["views"]
    assert article.paragraphs == [normalised(p) for p in gold["body"]]


@pytest.mark.parametrize("listing", GOLD_LISTINGS, ids=lambda g: g["family"])
def test_saved_listing_pages_lead_to_every_gold_article(listing):
    markup = FAMILIES[listing["family"]]
    url, found, pages = listing["listing"], [], 0
    while url:
        parsed = markup.parse_listing(page(url), url)
        found += parsed.entries
        pages += 1
        assert parsed.category
        url = parsed.next_url
    gold = {g["url"]: g for g in GOLD_ARTICLES if g["host"] == listing["host"]}
    assert [e.url for e in found if e.url in gold] == [e.url for e in found]
    assert {e.url for e in found} == set(gold)
    for entry in found:
        assert entry.title == gold[entry.url]["title"] or gold[entry.url]["title"].startswith(
            entry.title.rstrip(".…")
        )
        assert entry.published.value.date().isoformat() == gold[entry.url]["published"]
    assert pages > 1


def test_tan_dan_listing_time_uses_sa_ch_as_am_pm():
    url = "http://kimdong.hungyen.gov.vn/portal/Pages/Tin-moi-nhat.aspx"
    entries = FAMILIES["hungyen"].parse_listing(page(url), url).entries
    times = {e.url.rsplit("-", 1)[-1]: e.published.isoformat() for e in entries}
    assert times["9100.aspx"] == "2020-11-07T08:51:00+07:00"
    assert times["9103.aspx"] == "2020-10-09T14:52:00+07:00"


# --------------------------------------------------------------------------- variants
# Live portals of one family differ from the samples: extra wrappers, missing counters,
# other date shapes, captions, pagers with arrows only. These pages are written by hand.

HUNGYEN_VARIANT = """<html><head><meta charset="utf-8"><title>Khoái Châu</title></head><body>
<form id="aspnetForm"><div class="tandan-div-header"><span class="today">Thứ bảy, 21/11/2026</span></div>
<table><tr><td class="tandan-td-main"><div class="wrapper-extra"><div class="tandan-div-article-news">
<p class="tandan-p-article-news-title">
   Khoái Châu  tổng kết vụ lúa mùa năm 2021 </p>
<div class="tandan-div-date-view"><div class="tandan-span-date-publish">Đăng ngày 05 - 11 - 2021</div>
<div class="tandan-font-size"><a>A-</a> <span>100%</span> <a>A+</a></div></div>
<div class="tandan-p-article-main"><div class="ms-rtestate-field">
<div><p style="text-align:justify">Năng suất lúa bình quân đạt 62,5 tạ/ha, tăng 1,2 tạ/ha.</p></div>
<p style="text-align:center"><img src="/a.jpg"/></p>
<p style="text-align:center"><em>Đồng chí Chủ tịch UBND huyện phát biểu tại hội nghị</em></p>
<p>Toàn huyện gieo cấy&nbsp;4.500 ha lúa mùa.<br/>Diện tích cánh đồng mẫu lớn đạt 1.200 ha.</p>
<script>var x = "<p>không phải bài</p>";</script>
<div style="display:none"><a href="http://103.1.2.3/">nha cai</a></div>
</div></div></div></div></td>
<td class="tandan-td-right"><div class="TD-box-news"><p>Tin mới nhất</p>
<div class="tandan-p-module-news-second"><a href="/portal/Pages/2021-11-20/Tin-khac-1.aspx">Tin khác</a>
<span class="ngay">(20/11/2021 8:00 SA)</span></div></div></td></tr></table></form></body></html>"""


def test_tan_dan_variant_without_counter_keeps_captions_and_drops_scripts():
    url = "http://khoaichau.hungyen.gov.vn/portal/Pages/2021-11-5/Tong-ket-vu-lua-1.aspx"
    article = FAMILIES["hungyen"].parse_article(parse_html(HUNGYEN_VARIANT), url)
    assert article.title == "Khoái Châu tổng kết vụ lúa mùa năm 2021"
    assert article.published.isoformat() == "2021-11-05T00:00:00+07:00"
    assert article.view_count is None
    assert article.paragraphs == [
        "Năng suất lúa bình quân đạt 62,5 tạ/ha, tăng 1,2 tạ/ha.",
        "Đồng chí Chủ tịch UBND huyện phát biểu tại hội nghị",
        "Toàn huyện gieo cấy 4.500 ha lúa mùa.",
        "Diện tích cánh đồng mẫu lớn đạt 1.200 ha.",
    ]
    assert article.author is None


def test_tan_dan_variant_body_in_main_container_only():
    variant = HUNGYEN_VARIANT.replace('<div class="ms-rtestate-field">', "<div>").replace(
        "Đăng ngày 05 - 11 - 2021", "Ngày đăng: 05/11/2021 - 15:30"
    )
    url = "http://khoaichau.hungyen.gov.vn/portal/Pages/2021-11-5/Tong-ket-vu-lua-1.aspx"
    article = FAMILIES["hungyen"].parse_article(parse_html(variant), url)
    assert article.paragraphs[0] == "Năng suất lúa bình quân đạt 62,5 tạ/ha, tăng 1,2 tạ/ha."
    assert article.published.isoformat() == "2021-11-05T15:30:00+07:00"


NINHBINH_VARIANT = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"/>
<meta property="og:title" content="Kim Sơn ra quân làm thủy lợi"/>
<meta property="article:published_time" content="2024-03-02T07:45:00+07:00"/></head><body>
<div id="header"><div class="today">Thứ bảy, 21/11/2026</div></div>
<div id="main"><div class="col-md-8"><div class="article"><div class="inner">
<h1 class="art-title"></h1>
<div class="publish-date"><span class="views">1.234 lượt xem</span></div>
<div class="art-cont"><div class="row">
<p>Sáng 2/3, huyện Kim Sơn ra quân làm thủy lợi nội đồng.</p>
<p>Toàn huyện nạo vét 120 km kênh mương.</p>
<p style="text-align: right;"><strong>Tin, ảnh: Hoàng Nam</strong></p>
</div></div></div></div></div>
<div class="col-md-4" id="sidebar"><div class="block"><p>271 lượt xem</p></div>
<div class="block counter"><p>Hôm nay: <span>799</span></p></div></div></div></body></html>"""


def test_ninhbinh_variant_takes_meta_title_and_date_and_byline_prefix_off():
    url = "http://kimson.ninhbinh.gov.vn/tin-tuc-su-kien/ra-quan-lam-thuy-loi-5001.html"
    article = FAMILIES["ninhbinh"].parse_article(parse_html(NINHBINH_VARIANT), url)
    assert article.title == "Kim Sơn ra quân làm thủy lợi"
    assert article.published.isoformat() == "2024-03-02T07:45:00+07:00"
    assert article.view_count == 1234
    assert article.author == "Hoàng Nam"
    assert article.paragraphs == [
        "Sáng 2/3, huyện Kim Sơn ra quân làm thủy lợi nội đồng.",
        "Toàn huyện nạo vét 120 km kênh mương.",
    ]


def test_ninhbinh_article_without_byline_keeps_its_last_paragraph():
    variant = NINHBINH_VARIANT.replace(
        '<p style="text-align: right;"><strong>Tin, ảnh: Hoàng Nam</strong></p>', ""
    )
    url = "http://kimson.ninhbinh.gov.vn/tin-tuc-su-kien/ra-quan-lam-thuy-loi-5001.html"
    article = FAMILIES["ninhbinh"].parse_article(parse_html(variant), url)
    assert article.author is None
    assert article.paragraphs[-1] == "Toàn huyện nạo vét 120 km kênh mương."


def test_ninhbinh_header_today_is_never_the_publication_date():
    variant = NINHBINH_VARIANT.replace(
        '<meta property="article:published_time" content="2024-03-02T07:45:00+07:00"/>', ""
    )
    url = "http://kimson.ninhbinh.gov.vn/tin-tuc-su-kien/ra-quan-lam-thuy-loi-5001.html"
    article = FAMILIES["ninhbinh"].parse_article(parse_html(variant), url)
    assert article.published is None
    assert any("no date" in problem for problem in article.problems)


NINHBINH_LISTING_ARROWS = """<html><body><div id="itemContainer">
<div class="item"><h3><a href="/tin-tuc-su-kien/a-5001.html">Bài A</a></h3><span>Ngày 02/03/2024</span></div>
<div class="item"><h3><a href="/tin-tuc-su-kien/b-5002.html">Bài B</a></h3><span>01/03/2024</span></div>
</div><ul class="pagination"><li><a href="/tin-tuc-su-kien.html?page=1">«</a></li>
<li><a href="/tin-tuc-su-kien.html?page=3">»</a></li></ul></body></html>"""


def test_ninhbinh_listing_variant_with_h3_items_and_arrow_pager():
    url = "http://kimson.ninhbinh.gov.vn/tin-tuc-su-kien.html?page=2"
    listing = FAMILIES["ninhbinh"].parse_listing(NINHBINH_LISTING_ARROWS, url)
    assert [e.url for e in listing.entries] == [
        "http://kimson.ninhbinh.gov.vn/tin-tuc-su-kien/a-5001.html",
        "http://kimson.ninhbinh.gov.vn/tin-tuc-su-kien/b-5002.html",
    ]
    assert [e.published.value.day for e in listing.entries] == [2, 1]
    assert listing.next_url == "http://kimson.ninhbinh.gov.vn/tin-tuc-su-kien.html?page=3"


HAIDUONG_VARIANT = """<html><head><meta charset="utf-8"/></head><body><form>
<div id="content-left"><div class="category-name">VĂN HÓA-XÃ HỘI</div>
<div class="news-detail"><h2 class="news-title">Ngọc Liên trao quà cho hộ nghèo</h2>
<div class="news-date">15/01/2024 3:05:00 CH</div>
<div class="news-summary"><b>Nhân dịp Tết Nguyên đán, xã Ngọc Liên trao 120 suất quà.</b></div>
<div class="news-content"><p>Mỗi suất quà trị giá 500.000 đồng.</p></div>
</div></div>
<div id="content-right"><div class="box-tthc"><div class="box-title">Kết quả giải quyết TTHC</div>
<div class="tthc-update">( Cập nhật lúc:30/11/2023 07:04:41)</div></div></div>
<div id="footer"><p>Điện thoại: 098108571.</p></div></form></body></html>"""


def test_haiduong_lead_that_is_not_the_title_opens_the_body():
    url = "http://ngoclien.camgiang.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=77&title=x.html"
    article = FAMILIES["haiduong"].parse_article(parse_html(HAIDUONG_VARIANT), url)
    assert article.published.isoformat() == "2024-01-15T15:05:00+07:00"
    assert article.category == "VĂN HÓA-XÃ HỘI"
    assert article.author is None
    assert article.paragraphs == [
        "Nhân dịp Tết Nguyên đán, xã Ngọc Liên trao 120 suất quà.",
        "Mỗi suất quà trị giá 500.000 đồng.",
    ]


def test_haiduong_widget_update_time_is_not_a_publication_date():
    variant = HAIDUONG_VARIANT.replace('<div class="news-date">15/01/2024 3:05:00 CH</div>', "")
    url = "http://ngoclien.camgiang.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=77&title=x.html"
    assert FAMILIES["haiduong"].parse_article(parse_html(variant), url).published is None


def test_haiduong_listing_ignores_offsite_and_javascript_links():
    html = """<table class="list-news"><tr><td><a class="title"
      href="/Trang/ChiTietTinTuc.aspx?nid=5&amp;title=a.html">A</a> (02/02/2024)</td></tr>
      <tr><td><a class="title" href="http://other.gov.vn/Trang/ChiTietTinTuc.aspx?nid=6">B</a></td></tr>
      <tr><td><a class="title" href="javascript:void(0)">C</a></td></tr></table>
      <div class="paging"><a href="javascript:__doPostBack('p','2')">2</a></div>"""
    url = "http://ngoclien.camgiang.haiduong.gov.vn/Trang/TinTuc.aspx?cid=2"
    listing = FAMILIES["haiduong"].parse_listing(html, url)
    assert [e.url for e in listing.entries] == [
        "http://ngoclien.camgiang.haiduong.gov.vn/Trang/ChiTietTinTuc.aspx?nid=5&title=a.html"
    ]
    assert listing.next_url is None


def test_listing_with_unknown_item_markup_falls_back_to_article_shaped_links():
    html = """<div class="new-box"><a href="/portal/Pages/2021-1-2/Bai-moi-1.aspx">Bài mới</a>
      <a href="/portal/Pages/Van-ban.aspx">Văn bản</a></div>"""
    url = "http://khoaichau.hungyen.gov.vn/portal/Pages/Tin-moi-nhat.aspx"
    listing = FAMILIES["hungyen"].parse_listing(html, url)
    assert [e.url for e in listing.entries] == [
        "http://khoaichau.hungyen.gov.vn/portal/Pages/2021-1-2/Bai-moi-1.aspx"
    ]


def test_empty_or_non_html_page_reports_problems_instead_of_failing():
    article = FAMILIES["haiduong"].parse_article(parse_html(""), "http://x.gov.vn/a")
    assert not article.title and not article.paragraphs
    assert {p.split(" (")[0] for p in article.problems} == {"no title", "no body", "no date"}
