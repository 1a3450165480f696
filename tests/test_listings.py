"""Listing pages: every kind of pager, the main list told from sidebars, per-item classes and
every spelling of a link to the portal (pure functions, no network)."""

import pytest

from crawler.parsing import generic
from crawler.parsing.base import NextPage, Postback, next_page
from crawler.parsing.families import HaiDuongCommune
from crawler.parsing.html import parse_html

LISTING = "http://xa.example.gov.vn/tin-tuc/"


def following(pager_html: str, url: str = LISTING) -> NextPage:
    return next_page(parse_html(f"<html><body><div>{pager_html}</div></body></html>"), url)


@pytest.mark.parametrize(
    ("pager", "url", "expected"),
    [
        ('<a href="/tin-tuc/?p=1">1</a><a rel="next" href="/tin-tuc/?p=2">2</a>', LISTING,
         "http://xa.example.gov.vn/tin-tuc/?p=2"),
        ('<ul><li class="active"><a href="?page=3">3</a></li><li><a href="?page=4">4</a></li>'
         '</ul>', LISTING + "?page=3", "http://xa.example.gov.vn/tin-tuc/?page=4"),
        ('<span>1</span> <a href="/tin-tuc/p2">»</a>', LISTING,
         "http://xa.example.gov.vn/tin-tuc/p2"),
        ('<a href="/tin-tuc?trang=1">Trang đầu</a> <a href="/list-2">Trang sau</a>', LISTING,
         "http://xa.example.gov.vn/list-2"),
        ('<p class="more"><a href="/tin-tuc/?PageIndex=2">Xem tiếp  ›</a></p>', LISTING,
         "http://xa.example.gov.vn/tin-tuc/?PageIndex=2"),
        # Page numbers in the URL only, no pager block: ?PageIndex=N, ?page=N, /page/N/,
        # page-N.html.
        ('<a href="?PageIndex=3">Tin cũ hơn</a>', LISTING + "?PageIndex=2",
         "http://xa.example.gov.vn/tin-tuc/?PageIndex=3"),
        ('<a href="/tin-tuc/?page=2&amp;cat=5">Các tin trước</a>', LISTING + "?cat=5",
         "http://xa.example.gov.vn/tin-tuc/?page=2&cat=5"),
        ('<a href="/tin-tuc/page/2/">Bài cũ hơn</a>', LISTING,
         "http://xa.example.gov.vn/tin-tuc/page/2/"),
        ('<a href="/tin-tuc/page-3.html">Tiếp</a>', "http://xa.example.gov.vn/tin-tuc/page-2.html",
         "http://xa.example.gov.vn/tin-tuc/page-3.html"),
    ],
)  # fmt: skip
def test_every_kind_of_pager_leads_to_the_next_page(pager, url, expected):
    assert following(pager, url).url == expected


def test_a_webforms_pager_is_a_postback_to_answer_with_the_form():
    pager = (
        '<span class="current">1</span> <a href="javascript:__doPostBack('
        '&#39;ctl00$ContentPlaceHolder1$gvNews&#39;,&#39;Page$2&#39;)">2</a>'
    )
    assert following(pager).postback == Postback("ctl00$ContentPlaceHolder1$gvNews", "Page$2")
    with_options = (
        '<span class="current">1</span><a href="#" onclick="WebForm_DoPostBackWithOptions(new '
        'WebForm_PostBackOptions(&quot;ctl00$main$lnkNext&quot;, &quot;&quot;, true))">Sau</a>'
        '<a href="javascript:void(0)">3</a>'
    )
    assert following(with_options).postback == Postback("ctl00$main$lnkNext", "")


def test_a_script_pager_is_a_problem_and_a_disabled_arrow_is_the_end():
    found = following('<span class="current">1</span><a href="javascript:loadPage(2)">2</a>')
    assert found.url is None and "javascript:loadPage(2)" in found.problem
    last = following('<a href="?p=1">1</a><span class="current">2</span>'
                     '<a class="disabled" href="javascript:void(0);">»</a>')  # fmt: skip
    assert last == NextPage()


def test_a_pager_link_off_the_portal_is_never_the_next_page():
    found = following(
        '<span class="current">1</span><a href="http://169.254.169.254/latest/?p=2">2</a>'
    )
    assert found.url is None and "leaves the portal" in found.problem


def test_the_family_pager_falls_back_to_the_generic_detection_and_says_so():
    page = (
        '<html><body><table class="list-news"><tr><td class="news-item"><a class="title" '
        'href="/Trang/ChiTietTinTuc.aspx?nid=5&amp;title=a.html">Hội nghị tổng kết năm</a>'
        '</td></tr></table><nav class="phan-trang-moi"><b>1</b> <a href="/Trang/TinTuc.aspx'
        '?cid=2&amp;p=2">2</a></nav></body></html>'
    )
    listing = HaiDuongCommune().parse_listing(page, "http://xa.vn/Trang/TinTuc.aspx?cid=2")
    assert listing.next_url == "http://xa.vn/Trang/TinTuc.aspx?cid=2&p=2"
    assert listing.fallbacks == ("pager",)


def item(href: str, title: str, extra: str = "", cls: str = "item") -> str:
    return f'<li class="{cls}"><a href="{href}">{title}</a>{extra}</li>'


TITLES = [
    "Hội nghị triển khai nhiệm vụ năm 2025",
    "Xã ra quân vệ sinh môi trường",
    "Tổng kết công tác dân vận khéo",
    "Khai giảng lớp bồi dưỡng kiến thức quốc phòng",
    "Tiếp xúc cử tri trước kỳ họp thứ chín",
]


def page_with(main: str, side: str = "", pager: str = "") -> str:
    return (
        "<html><head><title>Tin tức - Sự kiện</title></head><body>"
        f'<div class="col-main"><h2 class="cat-title">Tin tức - Sự kiện</h2>{main}{pager}</div>'
        f'<div class="col-right">{side}</div></body></html>'
    )


def test_a_longer_newest_news_sidebar_is_not_taken_for_the_main_list():
    main = "<ul class='list'>" + "".join(
        item(f"/tin-tuc/bai-viet-{i}-{100 + i}.html", t, " <span>(12/05/2024)</span>")
        for i, t in enumerate(TITLES[:3])
    ) + "</ul>"  # fmt: skip
    side = "<div class='box'><h3 class='box-title'>Tin mới nhất</h3><ul class='list'>" + "".join(
        item(f"/tin-moi/tin-so-{i}-{200 + i}.html", f"{t} tại thôn Đông {i}",
             " <span>(12/05/2024)</span>")
        for i, t in enumerate(TITLES * 2)
    ) + "</ul></div>"  # fmt: skip
    pager = '<div class="pg"><span class="current">1</span><a href="?page=2">2</a></div>'
    for html in (page_with(main, side, pager), page_with(main, side)):
        listing = generic.parse_listing(html, "http://xa.example.gov.vn/tin-tuc.html")
        assert [e.title for e in listing.entries] == TITLES[:3]


def test_items_that_each_carry_their_own_id_class_are_one_list():
    posts = "".join(
        f'<article class="post-{4100 + i} post type-post status-publish hentry tag-t{i}">'
        f'<h2 class="entry-title"><a href="/{2024}/05/{10 + i}/bai-{i}/">{t}</a></h2>'
        f"<p>Tóm tắt nội dung bài viết số {i} của xã.</p></article>"
        for i, t in enumerate(TITLES)
    )
    side = "<aside><ul>" + "".join(item(f"/trang/{i}/", t) for i, t in enumerate(TITLES)) + "</ul>"
    html = f"<html><body><main><div class='posts'>{posts}</div></main>{side}</aside></body></html>"
    listing = generic.parse_listing(html, "http://xa.example.gov.vn/tin-tuc/")
    assert [e.title for e in listing.entries] == TITLES


def test_every_spelling_of_a_link_to_the_portal_is_one_canonical_url():
    hrefs = [
        "../tin-tuc/bai-viet-1-101.html",
        "//xa.example.gov.vn/tin-tuc/bai-viet-2-102.html",
        "https://xa.example.gov.vn/tin-tuc/bai-viet-3-103.html?utm_source=zalo",
        "http://XA.example.gov.vn:80/tin-tuc/bai-viet-4-104.html#top",
        "https://www.xa.example.gov.vn/tin-tuc/bai-viet-5-105.html",
        "http://other.example.com/tin-tuc/bai-viet-6-106.html",
    ]
    main = (
        "<ul>"
        + "".join(item(h, t) for h, t in zip(hrefs, [*TITLES, "Tin ngoài cổng"], strict=True))
        + "</ul>"
    )
    listing = generic.parse_listing(page_with(main), "http://xa.example.gov.vn/tin-tuc/index.html")
    assert [e.url for e in listing.entries] == [
        "http://xa.example.gov.vn/tin-tuc/bai-viet-1-101.html",
        "http://xa.example.gov.vn/tin-tuc/bai-viet-2-102.html",
        "http://xa.example.gov.vn/tin-tuc/bai-viet-3-103.html",
        "http://xa.example.gov.vn/tin-tuc/bai-viet-4-104.html",
        "https://www.xa.example.gov.vn/tin-tuc/bai-viet-5-105.html",
    ]
