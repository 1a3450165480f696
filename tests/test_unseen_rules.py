"""General rules added after scoring the held-out portals (tests/zoo/heldout.py): each test
is plain HTML of a shape those portals showed, and failed before its rule."""

from __future__ import annotations

from crawler.parsing import generic
from crawler.parsing.articleparts import view_count_in
from crawler.parsing.base import next_page
from crawler.parsing.html import parse_html

SIDEBAR = (
    '<div class="right"><h3>Tin mới nhất</h3><ul>'
    + "".join(
        f'<li><a href="/tin/ban-tin-so-{n}-cua-xa-{200 + n}.html">Bản tin số {n} của xã trong '
        f"tuần</a> <span>2{n}/11/2026</span></li>"
        for n in range(1, 8)
    )
    + "</ul></div>"
)


def page(main: str, aside: str = "") -> str:
    return (
        f'<html><head><title>Tin tức</title></head><body><div id="main">{main}</div>'
        f"{aside}</body></html>"
    )


def test_a_listing_date_element_is_read_alone_not_with_the_summary_after_it():
    # Drupal views: date field, then a summary opening with "Chiều 30/10": the joined text
    # "09:00 Chiều 30/10" read as 21:00
    html = page(
        '<div class="view-content"><div class="views-row"><div class="views-field-title"><span>'
        '<a href="/node/304">Xã về đích nông thôn mới nâng cao</a></span></div>'
        '<div class="views-field-created"><span>31/10/2023 - 09:00</span></div>'
        '<div class="views-field-body"><div>Chiều 30/10, đoàn thẩm định của huyện đã kiểm '
        "tra kết quả</div></div></div></div>"
    )
    listing = generic.parse_listing(html, "http://xa.example.vn/tin-tuc?page=1")
    assert [e.url for e in listing.entries] == ["http://xa.example.vn/node/304"]
    assert listing.entries[0].published.value.strftime("%d/%m/%Y %H:%M") == "31/10/2023 09:00"


def test_a_date_element_without_time_still_takes_the_time_printed_beside_it():
    html = page(
        '<ul class="list">'
        + "".join(
            f'<li><a href="/tin/bai-viet-so-{n}-{100 + n}.html">Bài viết số {n} của xã</a> '
            f"<p>Ngày đăng: <span>1{n}/10/2024</span> 08:3{n}</p></li>"
            for n in range(1, 4)
        )
        + "</ul>"
    )
    entries = generic.parse_listing(html, "http://xa.example.vn/tin").entries
    assert [e.published.value.strftime("%d/%m %H:%M") for e in entries] == [
        "11/10 08:31", "12/10 08:32", "13/10 08:33",
    ]  # fmt: skip


def test_drupal_submitted_line_is_metadata_not_body():
    line = "Gửi bởi admin vào Thứ Hai, 14/10/2024 - 08:30 Lượt xem: 318"
    assert generic.is_meta_line(line)
    # the poster's label and name do not count in a meta line's length
    assert generic.is_meta_line("Gửi bởi admin vào Thứ Sáu, 22/03/2024 - 15:40 👁 Đã xem: 89")
    html = (
        '<html><body><div class="block-page-title-block"><h1 class="page-title">Khánh thành '
        'đường liên thôn Đồng Chùa</h1></div><article class="node"><div class="node__meta">'
        f'{line}</div><div class="node__content"><div class="field--name-body">'
        "<p>Sáng 14/10, UBND xã tổ chức lễ khánh thành tuyến đường liên thôn dài 2,6 km.</p>"
        "<p>Tuyến đường có tổng mức đầu tư 7,85 tỷ đồng, nhân dân đóng góp 1,2 tỷ đồng.</p>"
        "</div></div></article></body></html>"
    )
    article = generic.parse_article(parse_html(html), "http://xa.example.vn/node/301")
    assert article.paragraphs == [
        "Sáng 14/10, UBND xã tổ chức lễ khánh thành tuyến đường liên thôn dài 2,6 km.",
        "Tuyến đường có tổng mức đầu tư 7,85 tỷ đồng, nhân dân đóng góp 1,2 tỷ đồng.",
    ]
    assert article.view_count == 318
    assert article.published.value.strftime("%d/%m/%Y %H:%M") == "14/10/2024 08:30"


def test_an_eye_icon_before_a_labelled_count_is_a_view_counter():
    assert view_count_in("👁 Lượt truy cập: 318") == 318  # Joomla's hits with an eye icon
    assert view_count_in("👁 Đã xem: 1.204") == 1204
    assert view_count_in("👁 271") == 271
    # without the icon, "Lượt truy cập" is the site's visitor counter
    assert view_count_in("Lượt truy cập: 1.204.558") is None
    assert view_count_in("👁 Trang chủ 2024") is None


def test_an_image_only_next_link_pages_the_list():
    # SharePoint list views: "1 - 3" and an <a><img alt="Tiếp"></a>, no page numbers
    html = page(
        '<table class="ms-bottompaging"><tr><td class="ms-paging">1 - 3</td><td><a href="'
        '/Lists/TinTuc/AllItems.aspx?Paged=TRUE&amp;p_ID=1504&amp;PageFirstRow=4"><img '
        'src="/_layouts/15/images/next.gif" alt="Tiếp"></a></td></tr></table>'
    )
    url = "http://xa.example.vn/Lists/TinTuc/AllItems.aspx"
    following = next_page(parse_html(html), url)
    assert following.url == url + "?Paged=TRUE&p_ID=1504&PageFirstRow=4"
    # an image link without a "next" word is not a pager
    other = html.replace('alt="Tiếp"', 'alt="Ảnh hoạt động"')
    assert next_page(parse_html(other), url).url is None


def list_page(count: int, start: int = 0) -> str:
    items = "".join(
        f'<li class="clearfix"><a href="/news/tin-tuc/bao-cao-ket-qua-thang-{n}-{160 + n}.html">'
        f"Báo cáo kết quả công tác tháng {n} của xã</a> <em>(1{n}/10/2024 08:30)</em></li>"
        for n in range(start, start + count)
    )
    return page(f'<div class="panel-body"><ul class="related list-items">{items}</ul></div>',
                SIDEBAR)  # fmt: skip


def test_a_last_page_of_one_item_keeps_the_list_the_first_page_showed():
    url = "http://xa.example.vn/news/tin-tuc"
    first = generic.parse_listing(list_page(3), url)
    assert len(first.entries) == 3
    last = generic.parse_listing(list_page(1, 3), url + "/page-2", first.item_path)
    # the lone item has no repeated sibling, so its <li> shows its class: still the list
    assert [e.title for e in last.entries] == ["Báo cáo kết quả công tác tháng 3 của xã"]


def joomla_item(n: int, box: str) -> str:
    href = f"/index.php/tin-tuc/{140 + n}-hoi-nghi-giao-ban-thang-{n}"
    return (
        f'<div class="{box}"><div class="page-header"><h2><a href="{href}">Hội nghị giao ban '
        f"công tác tháng {n} năm 2024</a></h2></div><p>Sáng nay, UBND xã tổ chức hội nghị "
        f'giao ban đánh giá kết quả tháng {n}.</p><p class="readmore"><a class="btn" href="'
        f'{href}">Đọc thêm: Hội nghị giao ban công tác tháng {n} năm 2024</a></p></div>'
    )


def test_joomla_blog_title_boxes_and_the_leading_item_are_the_list():
    rows = "".join(
        f'<div class="items-row"><div class="span12">{joomla_item(n, "item column-1")}</div></div>'
        for n in (2, 3)
    )
    html = page(
        '<div class="blog"><div class="page-header"><h1>Tin tức</h1></div><div class="items-'
        f'leading">{joomla_item(1, "leading-0")}</div><div class="wrap"><div class="col-main">'
        f'{rows}</div></div><div class="pagination"><ul><li><span>1</span></li><li><a href="'
        '/index.php/tin-tuc?start=3">2</a></li></ul></div></div>',
        SIDEBAR,
    )
    listing = generic.parse_listing(html, "http://xa.example.vn/index.php/tin-tuc")
    assert [e.title for e in listing.entries] == [
        f"Hội nghị giao ban công tác tháng {n} năm 2024" for n in (1, 2, 3)
    ]
    assert listing.next_url == "http://xa.example.vn/index.php/tin-tuc?start=3"


def test_a_family_fallback_takes_a_one_item_last_page_over_a_longer_dated_sidebar():
    # NukeViet's viewcat_list layout is not in the family's selectors: its generic fallback
    # has no earlier page to prefer; "Tin mới nhất" (7 links) must not beat the lone item
    from crawler.parsing.families import FAMILIES

    url = "http://xa.example.vn/index.php?language=vi&nv=news&op=tin-tuc/page-2"
    html = list_page(1, 3).replace(
        "</ul></div>",
        '</ul></div><div class="text-center"><ul class="pagination"><li><a href="/index.php?'
        'language=vi&amp;nv=news&amp;op=tin-tuc">1</a></li><li class="active"><a href="#">2'
        "</a></li></ul></div>",
        1,
    )
    listing = FAMILIES["nukeviet"].parse_listing(html, url)
    assert [e.title for e in listing.entries] == ["Báo cáo kết quả công tác tháng 3 của xã"]
    assert listing.fallbacks == ("listing",)


def test_a_sidebar_of_the_same_markup_beside_the_list_does_not_join_it():
    def items(stem: str, count: int) -> str:
        return "".join(
            f'<li><a href="/tin/{stem}-so-{n}-{300 + n}.html">Tin {stem} số {n} trong tuần của '
            f"xã</a></li>"
            for n in range(count)
        )

    html = (
        f'<html><body><div id="page"><div class="col-left"><h3>Tin xem nhiều</h3><ul>'
        f'{items("xem", 2)}</ul></div><section class="col-main"><h2>Tin tức</h2><ul>'
        f"{items('moi', 4)}</ul></section></div>"
        "</body></html>"
    )
    entries = generic.parse_listing(html, "http://xa.example.vn/tin-tuc").entries
    assert [e.title for e in entries] == [f"Tin moi số {n} trong tuần của xã" for n in range(4)]
