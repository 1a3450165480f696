"""Article rules on hand-made variants modelled on what live portals print: dates only from
the article's date element, meta tags or the listing; bylines wherever the last blocks put
them; view counters in any shape; share bars, attachment lines and related boxes removed
inside the content; tables kept as rows. Each page is written here in our own markup."""

import pytest
from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.statscollectors import MemoryStatsCollector

from crawler.articles import Source, page_item, read_page
from crawler.dates import parse_vn_date
from crawler.parsing import generic
from crawler.parsing.articleparts import clean_author, view_count_in
from crawler.parsing.families import FAMILIES
from crawler.parsing.html import paragraphs_of, parse_html

TANDAN = FAMILIES["tandan"]
URL = "https://dienbien.gov.vn/portal/Pages/2024-3-2/Ra-quan-lam-thuy-loi-1234.aspx"
PROSE = [
    "Sáng 2/3, huyện tổ chức ra quân làm thủy lợi nội đồng trên toàn địa bàn.",
    "Toàn huyện nạo vét 120 km kênh mương, khơi thông dòng chảy cho 2.300 ha lúa.",
]


def tandan_page(
    body_end: str = "",
    after: str = "",
    date: str = "Ngày đăng: 02/03/2024 08:15",
    title: str = "Ra quân làm thủy lợi nội đồng",
    meta: str = "",
    related: str = "",
) -> str:
    """A page of the newer Tân Dân theme (``.tandan-title-view``…), with a sidebar."""
    prose = "".join(f"<p>{line}</p>" for line in PROSE)
    return f"""<html><head><meta charset="utf-8"/>{meta}</head><body><form id="aspnetForm">
<div class="header-top"><span class="date-now">Thứ hai, 30/11/2026</span></div>
<div class="main-content"><div class="tandan-detail">
<div class="tandan-title-view">{title}</div>
<div class="tandan-date-view">{date}</div>
<div class="tandan-content-view">{prose}{body_end}</div>
{after}
{related}
</div></div>
<div class="right-col"><div class="box-news"><div class="box-title">Tin mới nhất</div>
<div class="item-news"><a class="title-news" href="/portal/Pages/2026-11-29/Tin-moi-9.aspx">Hội nghị tổng kết năm 2026 của huyện</a>
<span class="date-news">29/11/2026</span></div></div></div></form></body></html>"""


def parse(page: str, url: str = URL):
    return TANDAN.parse_article(parse_html(page), url)


# ------------------------------------------------------------------------------ Tân Dân


def test_newer_tan_dan_theme_is_read_by_its_view_classes():
    article = parse(tandan_page())
    assert article.problems == []
    assert article.title == "Ra quân làm thủy lợi nội đồng"
    assert article.published.isoformat() == "2024-03-02T08:15:00+07:00"
    assert article.paragraphs == PROSE


def test_newer_tan_dan_listing_reads_title_news_items_and_their_dates():
    listing = """<html><body><div class="list-news">
<div class="item-news"><a class="title-news" href="/portal/Pages/2024-3-2/Ra-quan-1234.aspx">Ra quân làm thủy lợi</a>
<div class="date-news">02/03/2024</div><p class="sapo-news">Sáng 2/3, huyện ra quân.</p></div>
<div class="item-news"><h3 class="title-news"><a href="/portal/Pages/2024-2-27/Hoi-nghi-1233.aspx">Hội nghị cán bộ chủ chốt</a></h3>
<div class="date-news">27/02/2024</div></div></div></body></html>"""
    url = "https://dienbien.gov.vn/portal/Pages/Tin-tuc-su-kien.aspx"
    entries = TANDAN.parse_listing(listing, url).entries
    assert [(e.url.rsplit("/", 1)[-1], e.published.value.day) for e in entries] == [
        ("Ra-quan-1234.aspx", 2),
        ("Hoi-nghi-1233.aspx", 27),
    ]


def test_tan_dan_spider_names_share_one_markup():
    assert FAMILIES["hungyen"] is FAMILIES["tandan"]


# ------------------------------------------------------------------------------ dates

TITLE_WITH_DATES = "Kỷ niệm 94 năm Ngày thành lập Hội Nông dân Việt Nam (14/10/1930-14/10/2024)"
RELATED_LIST = """<div class="tandan-other"><div class="title-other">Tin liên quan</div><ul>
<li><a href="/portal/Pages/2019-5-2/A-1.aspx">Hội nghị tổng kết</a> (02/05/2019)</li>
<li><a href="/portal/Pages/2019-4-9/B-2.aspx">Ra mắt mô hình</a> <span>(09/04/2019)</span></li></ul></div>"""


def test_a_date_in_the_title_is_never_the_publication_date():
    article = parse(tandan_page(date="", title=TITLE_WITH_DATES))
    assert article.published is None
    assert any(p.startswith("no date") for p in article.problems)


def test_related_list_dates_are_never_the_publication_date():
    article = parse(tandan_page(date="", related=RELATED_LIST))
    assert article.published is None


def test_dates_in_the_body_are_never_the_publication_date():
    body = "<p>Kế hoạch số 12/KH-UBND ngày 05/01/2024 đã được triển khai.</p>"
    assert parse(tandan_page(date="", body_end=body)).published is None


def test_without_a_page_date_the_listing_date_is_stored():
    page = tandan_page(date="", title=TITLE_WITH_DATES, related=RELATED_LIST)
    source = Source("dienbien", "tandan", listing_published=parse_vn_date("(12/10/2024 3:10 CH)"))
    stats = MemoryStatsCollector(Crawler(Spider))
    item = page_item(read_page(URL, page.encode()), TANDAN.parse_article, source, stats)
    assert item["published_at"] == "2024-10-12T15:10:00+07:00"


@pytest.mark.parametrize(
    ("meta", "after", "expected"),
    [
        (
            '<meta property="article:published_time" content="2024-03-02T07:45:00+07:00"/>',
            "",
            "2024-03-02T07:45:00+07:00",
        ),
        (
            "",
            '<time datetime="2024-03-02T09:00:00+07:00">2/3/2024</time>',
            "2024-03-02T09:00:00+07:00",
        ),
        (
            "",
            '<span class="hidden" itemprop="datePublished">2024-03-02T10:00:00+07:00</span>',
            "2024-03-02T10:00:00+07:00",
        ),
    ],
    ids=["article:published_time", "time-datetime", "itemprop-datePublished"],
)
def test_machine_dates_are_read_when_the_date_element_is_missing(meta, after, expected):
    article = parse(tandan_page(date="", meta=meta, after=after, related=RELATED_LIST))
    assert article.published.isoformat() == expected


def test_a_time_element_of_a_related_item_is_not_the_article_date():
    related = """<ul class="other"><li><a href="/portal/Pages/2019-5-2/A-1.aspx">Hội nghị</a>
<time datetime="2019-05-02">02/05/2019</time></li></ul>"""
    assert parse(tandan_page(date="", related=related)).published is None


# ------------------------------------------------------------------------------ bylines


@pytest.mark.parametrize(
    "byline",
    [
        '<p style="text-align: right;"><strong>Minh Anh</strong></p>',
        '<p align="right">Minh Anh</p>',
        '<p class="text-right">Minh Anh</p>',
        '<div class="pull-right"><em>Minh Anh</em></div>',
        '<div style="text-align:right"><p><span>Minh Anh</span></p></div>',
        "<p><strong>Minh Anh</strong></p>",
        "<p>Tin, ảnh: Minh Anh</p>",
        "<p>Tin và ảnh: Minh Anh</p>",
        "<p>(Tác giả: Minh Anh)</p>",
    ],
    ids=[
        "style",
        "align",
        "text-right",
        "pull-right",
        "aligned-wrapper",
        "bold",
        "tin-anh",
        "tin-va-anh",
        "bracketed",
    ],
)
@pytest.mark.parametrize(
    "follower",
    [
        "",
        "<p>File đính kèm: <a href='/f/kh.pdf'>Tải về</a></p>",
        "<p>Chia sẻ: <a>Facebook</a> <a>Zalo</a> <a>In bài viết</a></p>",
        '<div class="box-share"><a>Facebook</a> <a>Twitter</a></div>',
        "<p><strong>Tin liên quan</strong></p><ul><li><a href='/portal/Pages/2024-1-1/X-9.aspx'>"
        "Huyện tổng kết công tác năm 2023</a></li></ul>",
        "<p><a href='/f/bao-cao.docx'>bao-cao-ket-qua.docx</a> (120 KB)</p>",
    ],
    ids=["last", "attachment", "share-bar", "share-box", "related", "file-name"],
)
def test_byline_is_found_whatever_follows_it(byline, follower):
    article = parse(tandan_page(body_end=byline + follower))
    assert article.author == "Minh Anh"
    assert article.paragraphs == PROSE


def test_author_line_after_the_content_is_read_and_source_is_a_fallback():
    after = (
        '<p class="author">Tác giả: Minh Anh</p><p class="source">Nguồn tin: Báo Điện Biên Phủ</p>'
    )
    article = parse(tandan_page(after=after))
    assert article.author == "Minh Anh"
    article = parse(tandan_page(body_end="<p>Nguồn tin: Báo Điện Biên Phủ</p>"))
    assert article.author == "Báo Điện Biên Phủ"
    assert article.paragraphs == PROSE


@pytest.mark.parametrize(
    "account", ["admin", "Administrator", "quantri", "Quản trị viên", "admin2"]
)
def test_a_cms_account_is_not_an_author(account):
    article = parse(tandan_page(body_end=f'<p class="text-right">Tác giả: {account}</p>'))
    assert article.author is None
    assert article.paragraphs == PROSE
    assert clean_author(account) is None


@pytest.mark.parametrize(
    "closing",
    [
        '<p style="text-align:right">Hội nghị kết thúc lúc 11 giờ cùng ngày với nhiều ý kiến hay.</p>',
        '<p style="text-align:center"><em>Các đại biểu dự hội nghị</em></p>',
        "<p>Ủy ban nhân dân xã đề nghị các ấp triển khai.</p>",
    ],
    ids=["right-aligned-sentence", "caption", "prose"],
)
def test_a_last_paragraph_that_is_not_a_byline_stays_text(closing):
    article = parse(tandan_page(body_end=closing))
    assert article.author is None
    assert len(article.paragraphs) == 3


def test_a_bold_line_alone_in_its_body_is_a_heading_not_a_byline():
    page = tandan_page().replace(
        "".join(f"<p>{line}</p>" for line in PROSE), "<p><strong>Thông báo</strong></p>"
    )
    assert parse(page).author is None


# ------------------------------------------------------------------------------ counters


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Lượt xem: 24", 24),
        ("271 lượt xem", 271),
        ("Đã xem: 1.234", 1234),
        ("Số lần xem: 5", 5),
        ("👁 271", 271),
        ("Views: 8", 8),
        ("12,943 views", 12943),
        ("Kế hoạch 2020-2025 lượt xem", None),
        ("Ngày 12/03/2024", None),
    ],
)
def test_view_counter_shapes(text, count):
    assert view_count_in(text) == count


@pytest.mark.parametrize(
    "counter",
    [
        "<span>Lượt xem: 271</span>",
        "<span>271 lượt xem</span>",
        "<span>👁 271</span>",
        '<span><i class="fa fa-eye"></i> 271</span>',
        '<span><em class="bi bi-eye-fill"></em>271</span>',
        '<span><img src="/eye.png" alt="Lượt xem"/> 271</span>',
        '<span class="views"><svg class="icon-eye"><path d="M0"/></svg> 271</span>',
    ],
    ids=["labelled", "trailing", "emoji", "fa-eye", "bi-eye", "img-alt", "svg"],
)
def test_view_counter_next_to_the_date_in_any_shape(counter):
    page = tandan_page(date=f"Ngày đăng: 02/03/2024 {counter}")
    assert parse(page).view_count == 271


def test_a_sidebar_counter_is_not_the_article_view_count():
    page = tandan_page().replace(
        '<div class="right-col">', '<div class="right-col"><p>Lượt truy cập: 99.120</p><p>👁 5</p>'
    )
    assert parse(page).view_count is None


# ------------------------------------------------------------------------------ furniture


@pytest.mark.parametrize(
    "furniture",
    [
        "<p>Chia sẻ: <a>Facebook</a> <a>Zalo</a> <a>In bài viết</a></p>",
        "<div>Cỡ chữ: <a>A-</a> <a>A</a> <a>A+</a> | <a>In</a> | <a>Quay lại</a></div>",
        "<p>Like 0 Share Tweet</p>",
        "<p>File đính kèm: <a href='/f/kh.pdf'>Tải về</a></p>",
        "<p>Tệp đính kèm: ke-hoach-so-12.pdf</p>",
        "<p><a href='/f/kh.xlsx'>Bieu-mau-thong-ke.xlsx</a></p>",
        "<div class='social-share'><span>Facebook</span></div>",
        "<div class='tags'>Từ khóa: <a>thủy lợi</a>, <a>nông nghiệp</a></div>",
        "<div class='print-tools'><a>In trang</a></div>",
    ],
)
@pytest.mark.parametrize("position", ["middle", "end"])
def test_share_print_font_and_attachment_lines_are_removed_inside_the_content(furniture, position):
    prose = "".join(f"<p>{line}</p>" for line in PROSE)
    if position == "middle":
        page = tandan_page().replace(prose, f"<p>{PROSE[0]}</p>{furniture}<p>{PROSE[1]}</p>")
    else:
        page = tandan_page(body_end=furniture)
    assert parse(page).paragraphs == PROSE


def test_a_related_box_inside_the_content_is_removed_with_its_titles():
    box = """<div class="box-lienquan"><p><strong>Tin liên quan:</strong></p><ul>
<li><a href="/portal/Pages/2024-2-1/A-11.aspx">Huyện ra quân trồng cây đầu xuân</a></li>
<li><a href="/portal/Pages/2024-1-5/B-10.aspx">Nạo vét kênh mương phục vụ sản xuất</a></li></ul></div>"""
    prose = "".join(f"<p>{line}</p>" for line in PROSE)
    page = tandan_page().replace(prose, f"<p>{PROSE[0]}</p>{box}<p>{PROSE[1]}</p>")
    assert parse(page).paragraphs == PROSE
    plain = f"<p>{PROSE[0]}</p><p>Xem thêm:</p><p><a href='/portal/Pages/2024-2-1/A-11.aspx'>Huyện ra quân trồng cây đầu xuân</a></p><p>{PROSE[1]}</p>"
    assert parse(tandan_page().replace(prose, plain)).paragraphs == PROSE


def test_a_related_heading_without_a_list_is_kept_as_text():
    page = tandan_page(body_end="<p>Xem thêm</p>")
    assert parse(page).paragraphs[-1] == "Xem thêm"


# ------------------------------------------------------------------------------ tables

ARTICLE_TABLE = """<table border="1"><tbody>
<tr><td><p><strong>Chỉ tiêu</strong></p></td><td><p><strong>Năm 2024</strong></p></td></tr>
<tr><td><p>Số hồ sơ tiếp nhận</p></td><td><p>1.250</p></td></tr>
<tr><td><p>Đúng hạn</p></td><td><p>1.247</p></td></tr>
<tr><td><div>Quá hạn</div></td><td>3<br/></td></tr></tbody></table>"""


def test_article_table_rows_are_kept_even_when_cells_look_like_the_tthc_widget():
    article = parse(tandan_page(body_end=ARTICLE_TABLE))
    assert article.paragraphs == PROSE + [
        "Chỉ tiêu | Năm 2024",
        "Số hồ sơ tiếp nhận | 1.250",
        "Đúng hạn | 1.247",
        "Quá hạn | 3",
    ]


def test_a_page_laid_out_with_tables_is_not_read_as_one_row():
    cells = "".join(f"<p>{line}</p>" for line in PROSE * 5)
    page = f"<div><table><tr><td><h2>Tiêu đề</h2>{cells}</td><td><p>Cột phải</p></td></tr></table></div>"
    lines = paragraphs_of(parse_html(page).find(".//div"))
    assert lines[0] == "Tiêu đề" and lines[-1] == "Cột phải"


# ------------------------------------------------------------------------------ generic


def generic_page(
    meta_line: str, body_end: str, title: str = "Ra quân làm thủy lợi nội đồng"
) -> str:
    prose = "".join(f"<p>{line} Các ấp đồng loạt tham gia.</p>" for line in PROSE)
    return f"""<html><head><title>{title}</title></head><body>
<div class="top"><span>Thứ hai, 30/11/2026</span></div>
<div class="noi-dung"><h1 class="tieu-de">{title}</h1><div class="thong-tin">{meta_line}</div>
<div class="chi-tiet">{prose}{body_end}</div>
<div class="khac"><h3>Tin liên quan</h3><ul>
<li><a href="/tin/2019/05/02/hoi-nghi-tong-ket-15.html">Hội nghị tổng kết năm 2018 của xã</a> (02/05/2019)</li>
<li><a href="/tin/2019/04/09/ra-mat-mo-hinh-14.html">Ra mắt mô hình dân vận khéo ở ấp</a> (09/04/2019)</li></ul></div>
</div></body></html>"""


def test_generic_never_dates_an_article_by_its_title_or_related_list():
    page = generic_page("", "", title=TITLE_WITH_DATES)
    article = generic.parse_article(
        parse_html(page), "http://xa.example.vn/tin/1.html", TITLE_WITH_DATES
    )
    assert article.title == TITLE_WITH_DATES
    assert article.published is None


def test_generic_reads_eye_counter_and_byline_before_a_share_bar():
    page = generic_page(
        'Ngày 02/03/2024 <i class="fa fa-eye"></i> 271',
        '<p class="text-right"><b>Minh Anh</b></p><p>Chia sẻ: <a>Facebook</a> <a>Zalo</a> <a>In bài viết</a></p>',
    )
    article = generic.parse_article(parse_html(page), "http://xa.example.vn/tin/1.html")
    assert article.published.value.day == 2
    assert article.view_count == 271
    assert article.author == "Minh Anh"
    assert len(article.paragraphs) == 2


# ------------------------------------------------------------------------------ NukeViet

NUKEVIET = FAMILIES["nukeviet"]
NV_URL = "https://thcs-anbinh.example.edu.vn/news/hoat-dong/ngay-hoi-doc-sach-77.html"


def test_nukeviet_mobile_theme_article():
    page = """<html><head><meta property="og:title" content="Ngày hội đọc sách"/></head><body>
<div class="news_column panel panel-default" itemscope><div class="panel-body">
<h1 itemprop="headline">Ngày hội đọc sách năm học 2024-2025</h1>
<div class="hidden hide d-none" itemprop="author"><span itemprop="name">admin</span></div>
<em class="time">Thứ tư - 23/04/2025 14:05</em><hr/>
<div id="hometext"><div class="h2" itemprop="description">Trường tổ chức Ngày hội đọc sách hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam.</div></div>
<div class="bodytext"><p>Hơn 600 học sinh tham gia các gian trưng bày sách của 18 lớp.</p>
<p>Thư viện trường nhận thêm 350 đầu sách do phụ huynh tặng.</p></div>
<h3 class="newh3"><i class="fa fa-download"></i> <strong>File đính kèm</strong></h3>
<div class="list-group news-download-file"><div class="list-group-item"><a href="/uploads/ke-hoach.pdf">Tập tin: <strong>Kế hoạch</strong></a></div></div>
<p class="text-right"><strong>Tác giả: </strong>Tổ Văn</p>
<div class="keywords"><em class="fa fa-tags"></em><strong>Tags: </strong><a>đọc sách</a></div>
</div></div>
<div class="other-news"><p class="h3"><strong>Những tin cũ hơn</strong></p><ul class="related">
<li><h4><a href="/news/hoat-dong/le-khai-giang-70.html">Lễ khai giảng năm học mới</a></h4><em>(05/09/2024)</em></li></ul></div>
</body></html>"""
    article = NUKEVIET.parse_article(parse_html(page), NV_URL)
    assert article.problems == []
    assert article.title == "Ngày hội đọc sách năm học 2024-2025"
    assert article.published.isoformat() == "2025-04-23T14:05:00+07:00"
    assert article.author == "Tổ Văn"
    assert article.paragraphs == [
        "Trường tổ chức Ngày hội đọc sách hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam.",
        "Hơn 600 học sinh tham gia các gian trưng bày sách của 18 lớp.",
        "Thư viện trường nhận thêm 350 đầu sách do phụ huynh tặng.",
    ]


def test_nukeviet_list_view_and_alias_pager():
    page = """<html><body><div class="news_column"><div class="alert alert-info clearfix"><h3>Hoạt động</h3></div></div>
<div class="news_column"><div class="list-group">
<a class="show h4" href="/news/hoat-dong/ngay-hoi-doc-sach-77.html" title="Ngày hội đọc sách"><h4 class="list-group-item-heading"><span class="label label-default">1</span>&nbsp;&nbsp;Ngày hội đọc sách</h4></a>
<a class="show h4" href="/news/hoat-dong/hoi-thao-stem-76.html" title="Hội thảo STEM"><h4 class="list-group-item-heading"><span class="label label-default">2</span>&nbsp;&nbsp;Hội thảo STEM</h4></a>
</div></div>
<div class="text-center"><ul class="pagination"><li class="page-item"><a class="page-link" rel="prev" href="/news/hoat-dong/">1</a></li>
<li class="page-item active"><a class="page-link" href="javascript:void(0)">2</a></li>
<li class="page-item"><a class="page-link" rel="next" href="/news/hoat-dong/page-3">3</a></li></ul></div></body></html>"""
    url = "https://thcs-anbinh.example.edu.vn/news/hoat-dong/page-2"
    listing = NUKEVIET.parse_listing(page, url)
    assert [e.url.rsplit("/", 1)[-1] for e in listing.entries] == [
        "ngay-hoi-doc-sach-77.html",
        "hoi-thao-stem-76.html",
    ]
    assert listing.next_url == "https://thcs-anbinh.example.edu.vn/news/hoat-dong/page-3"
    assert listing.category == "Hoạt động"


def test_listing_date_is_never_read_from_a_title_even_through_a_second_link():
    page = """<html><body><div class="list">
<div class="item"><a href="/news/a/ky-niem-42.html" title="Kỷ niệm ngày thành lập (14/10/1930-14/10/2024)"><img src="/a.jpg"/></a>
<h3><a href="/news/a/ky-niem-42.html">Kỷ niệm ngày thành lập (14/10/1930-14/10/2024)</a></h3><span>12/10/2024 15:10</span></div>
<div class="item"><a href="/news/a/hop-mat-41.html" title="Họp mặt đầu xuân của xã"><img src="/b.jpg"/></a>
<h3><a href="/news/a/hop-mat-41.html">Họp mặt đầu xuân của xã <em>(02/02/2024)</em></a></h3></div></div></body></html>"""
    url = "http://xa.example.vn/news/a/"
    for parsed in (NUKEVIET.parse_listing(page, url), generic.parse_listing(page, url)):
        dates = {e.url.rsplit("/", 1)[-1]: e.published.isoformat() for e in parsed.entries}
        assert dates == {
            "ky-niem-42.html": "2024-10-12T15:10:00+07:00",
            "hop-mat-41.html": "2024-02-02T00:00:00+07:00",
        }
