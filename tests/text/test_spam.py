from pathlib import Path

import pytest
from lxml import html

from crawler.text.spam import (
    find_injected,
    remove_injected,
    scan_text_for_spam,
    text_may_hold_spam,
)

PORTALS = Path(__file__).parents[1] / "fixtures" / "portals"
YENMO_ARTICLE = (
    PORTALS / "yenmo.ninhbinh.gov.vn" / "tin-tuc-su-kien" / "trao-qua-tet-cho-ho-ngheo-4804.html"
)  # noqa: E501
HOST = "yenmo.ninhbinh.gov.vn"


def parse(body: str) -> html.HtmlElement:
    return html.fromstring(f"<html><body>{body}</body></html>")


def kinds(findings) -> set[str]:
    return {finding.kind for finding in findings}


def test_real_yenmo_footer_injection_found_and_removed():
    root = html.fromstring(YENMO_ARTICLE.read_bytes())
    findings = find_injected(root, HOST)
    assert kinds(findings) == {"hidden_block", "ip_link", "gambling_keyword"}
    assert {f.href for f in findings if f.kind == "ip_link"} == {"https://139.99.113.80/"}
    assert remove_injected(root, findings) == 1
    text = root.text_content()
    assert "W88" not in text and "139.99" not in text
    assert "Bản quyền thuộc Huyện Yên Mô" in text
    assert "Sáng 18/1, UBND huyện Yên Mô" in text
    assert find_injected(root, HOST) == []


@pytest.mark.parametrize(
    "style",
    [
        "display: none",
        "visibility:hidden",
        "font-size: 0px; line-height: 0",
        "position:absolute; left:-9999px; top:-9999px",
        "height:0; overflow:hidden",
        "DISPLAY:NONE !important",
    ],
)
def test_hidden_styles_with_offsite_links(style):
    root = parse(
        "<p>Sáng 18/1, UBND huyện tổ chức hội nghị.</p>"
        f'<div style="{style}"><a href="https://nhacai-uytin.example/">Nhà cái uy tín</a></div>'
    )
    findings = find_injected(root, HOST)
    assert {"hidden_block", "offsite_hidden_link", "gambling_keyword"} <= kinds(findings)
    assert remove_injected(root, findings) == 1
    assert root.text_content() == "Sáng 18/1, UBND huyện tổ chức hội nghị."


def test_hidden_attribute_and_ipv6_link():
    root = parse('<p>Tin tức</p><span hidden><a href="http://[2001:db8::7]/">xem ngay</a></span>')
    findings = find_injected(root, HOST)
    assert {"hidden_block", "ip_link"} <= kinds(findings)
    assert "http://[2001:db8::7]/" in {f.href for f in findings}
    remove_injected(root, findings)
    assert root.text_content() == "Tin tức"


def test_legitimate_hidden_parts_are_not_spam():
    root = parse(
        '<form><div class="aspNetHidden" style="display:none">'
        '<input type="hidden" name="__VIEWSTATE" value="/wEPDwULLTE2MTY2ODcyMjlkZA=="/></div>'
        '<ul class="submenu" style="display:none"><li><a href="/tin-tuc">Tin tức</a></li>'
        '<li><a href="http://yenmo.ninhbinh.gov.vn/van-ban">Văn bản</a></li></ul>'
        '<div id="thanks" style="display:none">Cảm ơn bạn đã gửi ý kiến.</div>'
        '<a href="https://ncov.moh.gov.vn/">https://ncov.moh.gov.vn/</a></form>'
    )
    assert find_injected(root, HOST) == []


def test_police_news_about_gambling_is_not_spam():
    root = parse(
        "<p>Công an huyện triệt phá đường dây cá cược bóng đá, lô đề với số tiền hơn 2 tỷ "
        "đồng; các đối tượng tổ chức đánh bài, xóc đĩa tại nhà riêng.</p>"
    )
    assert find_injected(root, HOST) == []


def test_visible_brand_and_generic_word_in_link():
    root = parse(
        "<p>Đăng ký FUN88 nhận thưởng ngay hôm nay</p>"
        '<p>Xem thêm <a href="/bai-viet">nổ hũ đổi thưởng</a></p>'
    )
    findings = find_injected(root, HOST)
    assert [f.kind for f in findings] == ["gambling_keyword", "gambling_keyword"]
    assert [f.element.tag for f in findings] == ["p", "a"]


def test_brand_needs_word_boundary():
    root = parse("<p>Mã hồ sơ: HW88123; tuyến đường M88A đang được thi công.</p>")
    assert find_injected(root, HOST) == []


def test_scan_text_for_spam():
    text = (
        "Sáng 18/1, UBND huyện Yên Mô tổ chức hội nghị.\n"
        "W88 113.80 - https://139.99.113.80/\n"
        "Công an xã xử lý 3 vụ đánh bài ăn tiền.\n"
        "Soi cầu lô đề miễn phí tại https://soicau.example/\n"
        "Truy cập 10.0.0.5/dichvucong để nộp hồ sơ."
    )
    findings = scan_text_for_spam(text)
    assert [(f.kind, f.href) for f in findings] == [
        ("ip_link", "https://139.99.113.80/"),
        ("gambling_keyword", None),
        ("gambling_keyword", None),
        ("ip_link", "10.0.0.5/dichvucong"),
    ]
    assert findings[1].text == "W88 113.80 - https://139.99.113.80/"


@pytest.mark.parametrize(
    "line",
    [
        "W88 113.80 - https://139.99.113.80/",
        "Soi cầu lô đề miễn phí tại https://soicau.example/",
        "Truy cập 10.0.0.5/dichvucong để nộp hồ sơ.",
        "Nhà   cái uy tín số một",  # a brand spelt over a run of spaces
        "Cá cược bóng đá tại www.nhacai.example",
        "FUN88",
    ],
)
def test_the_whole_text_check_lets_through_every_line_the_scan_flags(line):
    # The spam pipeline scans an article line by line only when the whole text passes.
    assert scan_text_for_spam(line)
    body = f"Sáng 18/1, UBND huyện họp.\n\n{line}\n\nCông an xã xử lý 3 vụ đánh bài."
    assert text_may_hold_spam(body)
    assert not text_may_hold_spam("Sáng 18/1, UBND huyện họp.\n\nCông an xã xử lý vụ đánh bài.")


def test_clean_article_text_has_no_spam():
    text = "Hội nghị đã thống nhất các giải pháp trọng tâm, phấn đấu hoàn thành các chỉ tiêu."
    assert scan_text_for_spam(text) == []


SPAM_SOURCES = [
    YENMO_ARTICLE.read_text(encoding="utf-8"),
    *(
        f'<p>Tin</p><div style="{style}"><a href="https://nhacai-uytin.example/">xem</a></div>'
        for style in ("display: none", "font-size: 0px", "position:absolute; left:-9999px",
                      "height:0; overflow:hidden")
    ),
    '<p>Tin tức</p><span hidden><a href="http://[2001:db8::7]/">xem ngay</a></span>',
    '<p>Tin</p><a href="http://103.1.2.3/x">xem</a>',
    "<p>Đăng ký FUN88 nhận thưởng ngay hôm nay</p>",
    '<p>Xem thêm <a href="/bai-viet">nổ hũ đổi thưởng</a></p>',
]


@pytest.mark.parametrize(
    "source",
    [
        *SPAM_SOURCES,
        # The words of a brand in two text nodes around an empty element.
        '<p>Tin</p><p>Đăng ký nhà<span></span> cái uy tín <a href="https://x.example/">ở đây</a></p>',
        '<p>Tin</p><a href="/a" title="Nhà cái FB88">xem</a>',  # only in a link title
    ],
)
def test_the_page_wide_keyword_shortcut_never_hides_a_finding(source):
    assert find_injected(parse(source), HOST)


@pytest.mark.parametrize(
    "page",
    [
        PORTALS / "kimdong.hungyen.gov.vn" / "portal" / "Pages" / "2020-11-7"
        / "MTTQ-Viet-Nam-huyen-Ky-niem-90-nam-ngay-truyen-thong-9100.aspx",
        next((PORTALS / "quangthanh.kinhmon.haiduong.gov.vn" / "Trang").glob("ChiTiet*nid=1300*")),
    ],
)
def test_a_clean_page_has_no_finding(page):
    source = page.read_text(encoding="utf-8")
    assert find_injected(html.fromstring(source), HOST) == []


def test_keyword_trie_matches_exactly_the_whole_words_of_the_list():
    import re

    from crawler.text.spam import _keyword_pattern

    words = ("nhà cái", "nhà cái uy tín", "w88", "win79", "bắn cá", "bet", "bet365")
    pattern = _keyword_pattern(words)
    naive = re.compile(r"(?<!\w)(?:" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    ) + r")(?!\w)")
    samples = ["nhà  cái uy tín số 1", "nhà cái", "nhàcái", "xw88", "w88x", "win79!", "bet3650",
               "bet365", "đi bắn\tcá", "bắn cáo", "betting", "nhà cái uy", "(bet)"]
    for text in samples:
        found, expected = pattern.search(text), naive.search(text)
        assert (found and found.group()) == (expected and expected.group()), text
