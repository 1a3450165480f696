"""Generate a large portal mirror for the benchmarks: listing and article pages of the three
families' markup (the shapes of tests/fixtures/portals) with varied Vietnamese text.

Bodies recombine the sentences of tests/fixtures/seeds and of the gold articles, with fresh
figures and dates, so that no two articles share a body (as on a real portal, and as the
duplicate detection expects). A registry file ``portals.toml`` beside the hosts lets
``scrapy crawl FAMILY -s PORTAL_REGISTRY=ROOT/portals.toml`` crawl every generated portal of
a family through ``crawler.mirror.MirrorServer(ROOT)``.

    python -m bench.generate_mirror bench/out/mirror 5000
"""

from __future__ import annotations

import argparse
import base64
import html
import json
import random
import re
import shutil
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
FIXTURES = PROJECT / "tests" / "fixtures"
FAMILIES = ("hungyen", "ninhbinh", "haiduong")
ARTICLES_PER_LISTING_PAGE = 20
# Real unit names, so titles, hosts and footers read like the portals they stand for.
UNITS = {
    "hungyen": [
        ("kimdong", "huyện Kim Động"),
        ("khoaichau", "huyện Khoái Châu"),
        ("anthi", "huyện Ân Thi"),
        ("tienlu", "huyện Tiên Lữ"),
        ("vanlam", "huyện Văn Lâm"),
        ("phucu", "huyện Phù Cừ"),
    ],
    "ninhbinh": [
        ("kimson", "huyện Kim Sơn"),
        ("yenmo", "huyện Yên Mô"),
        ("hoalu", "huyện Hoa Lư"),
        ("nhoquan", "huyện Nho Quan"),
        ("giavien", "huyện Gia Viễn"),
        ("yenkhanh", "huyện Yên Khánh"),
    ],
    "haiduong": [
        ("quangthanh.kinhmon", "xã Quang Thành"),
        ("ngoclien.camgiang", "xã Ngọc Liên"),
        ("hiepson.kinhmon", "xã Hiệp Sơn"),
        ("thanhhai.thanhha", "xã Thanh Hải"),
        ("tanhung.tuky", "xã Tân Hưng"),
        ("caothang.thanhmien", "xã Cao Thắng"),
    ],
}
AUTHORS = ["Minh Hằng", "Thu Xuân", "Văn Tuấn", "Ngọc Lan", "Hoàng Anh", "Thanh Bình", "Đức Mạnh"]
CATEGORIES = ["CHÍNH TRỊ-KINH TẾ", "VĂN HÓA-XÃ HỘI", "QUỐC PHÒNG-AN NINH"]


# ----------------------------------------------------------------------------- text


def sentence_pool() -> list[str]:
    """Sentences of the seed pages and the gold bodies, the raw material of every body."""
    paragraphs: list[str] = []
    for seed in sorted((FIXTURES / "seeds").glob("*.txt")):
        paragraphs += [line.strip() for line in seed.read_text(encoding="utf-8").splitlines()]
    for line in (FIXTURES / "portals" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        paragraphs += json.loads(line).get("body", [])
    sentences = set()
    for paragraph in paragraphs:
        if len(paragraph) < 60 or "http" in paragraph:
            continue  # headers, counters and menus of the seed pages, not prose
        for sentence in re.split(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ])", paragraph):
            if len(sentence) >= 40 and sentence[-1] in ".;!?":
                sentences.add(unicodedata.normalize("NFC", sentence))
    return sorted(sentences)


_FIGURE = re.compile(r"(?<![\d/])\d+(?:,\d+)?(?![\d/])")


def vary_figures(sentence: str, rng: random.Random) -> str:
    """The same sentence with other figures ("ước đạt 1076,7 tỷ", "22 xã"); dates are kept."""

    def other(match: re.Match) -> str:
        whole, _, fraction = match[0].partition(",")
        if len(whole) == 4 and whole[:2] in ("19", "20"):
            return match[0]  # a year
        number = str(
            rng.randint(10 ** (len(whole) - 1) if len(whole) > 1 else 1, 10 ** len(whole) - 1)
        )
        return number + ("," + str(rng.randint(1, 9)) if fraction else "")

    return _FIGURE.sub(other, sentence)


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = ascii_text.encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:60]


@dataclass
class Article:
    number: int
    title: str
    published: datetime
    paragraphs: list[str]
    author: str
    views: int
    path: str = ""  # URL path (and query) on its host

    @property
    def summary(self) -> str:
        return self.paragraphs[0][:180].rsplit(" ", 1)[0] + "..."


def make_article(number: int, published: datetime, pool: list[str], rng: random.Random) -> Article:
    paragraphs = []
    for _ in range(rng.randint(4, 12)):
        chosen = rng.sample(pool, rng.randint(1, 3))
        paragraphs.append(" ".join(vary_figures(s, rng) for s in chosen))
    words = rng.choice(pool).rstrip(".;!?").split()
    title = " ".join(words[: rng.randint(6, 16)]).rstrip(",:;–-")
    return Article(
        number=number,
        title=f"{title} ({published.day}/{published.month}/{published.year})"
        if rng.random() < 0.2
        else title,
        published=published,
        paragraphs=paragraphs,
        author=rng.choice(AUTHORS),
        views=rng.randint(0, 30000),
    )


# ----------------------------------------------------------------------------- markup

_WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]


def _clock_vi(moment: datetime) -> str:
    """ "8:51 SA" / "4:45 CH" as the Tân Dân listings print the time."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'SA' if moment.hour < 12 else 'CH'}"


def _paragraphs_html(article: Article, rng: random.Random) -> str:
    lines = []
    for paragraph in article.paragraphs:
        lines.append(f'<p style="text-align: justify;">{html.escape(paragraph)}</p>')
        if rng.random() < 0.3:
            lines.append("<p>&nbsp;</p>")
    return "\n".join(lines)


def _pager_numbers(page: int, pages: int) -> list[int]:
    return [n for n in range(max(1, page - 3), min(pages, page + 3) + 1)]


class HungYen:
    """Tân Dân SharePoint: ``/portal/Pages/Tin-moi-nhat.aspx?PageIndex=N``."""

    listing_path = "/portal/Pages/Tin-moi-nhat.aspx"

    def __init__(self, unit: str):
        self.unit = unit

    def page_path(self, page: int) -> str:
        return self.listing_path + (f"?PageIndex={page}" if page > 1 else "")

    def article_path(self, a: Article) -> str:
        d = a.published
        return f"/portal/Pages/{d.year}-{d.month}-{d.day}/{slug(a.title)}-{a.number}.aspx"

    def _frame(self, main: str, sidebar: str, rng: random.Random) -> str:
        u = html.escape(self.unit)
        return f"""<!DOCTYPE html>
<html dir="ltr" lang="vi-VN"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
<title>{u} - Cổng thông tin điện tử</title>
<link rel="stylesheet" type="text/css" href="/_layouts/1066/styles/core.css"/>
<script type="text/javascript">var _spPageContextInfo = {{webServerRelativeUrl: "/portal"}};</script>
</head><body scroll="yes">
<form name="aspnetForm" method="post" action="" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QWAgIBD2QWBAIBD2QWAg=="/>
<div class="tandan-div-header"><a href="/portal/Pages/default.aspx"><img src="/portal/PublishingImages/banner.jpg" alt="{u}"/></a>
<div class="tandan-div-covid"><a href="https://ncov.moh.gov.vn/" target="_blank">https://ncov.moh.gov.vn/</a></div></div>
<div class="tandan-div-nav"><ul class="tandan-ul-nav"><li><a href="/portal/Pages/default.aspx">Trang chủ</a></li>
<li><a href="{self.listing_path}">Tin tức - Sự kiện</a></li><li><a href="/portal/Pages/Van-ban.aspx">Văn bản</a></li></ul></div>
<table width="100%" cellpadding="0" cellspacing="0"><tr>
<td valign="top" class="tandan-td-main">
{main}
</td>
<td valign="top" width="300" class="tandan-td-right">
<div class="TD-box-news"><div class="tandan-div-module-news-top"><p class="tandan-p-module-news-title">Tin mới nhất</p></div>
{sidebar}
</div>
<div class="TD-box-link"><p class="tandan-p-module-news-title">Tình hình giải quyết hồ sơ</p><a href="/portal/Pages/Hoso.aspx"><img src="/portal/PublishingImages/hoso.png" alt=""/></a></div>
<div class="TD-box-link"><p class="tandan-p-module-news-title">Công khai gửi nhận văn bản</p></div>
</td></tr></table>
<div class="tandan-div-footer"><div class="tandan-online"><span>°</span><br/><span id="online">{rng.randint(20, 400)}</span> người đang online</div>
<p>Cơ quan chủ quản: Ủy ban nhân dân {u}</p></div>
</form></body></html>
"""  # noqa: E501 (the portals' own line shapes)

    def listing(self, articles: list[Article], page: int, pages: int, latest, rng) -> str:
        items = "\n".join(
            f'<div class="channel-news-item"><label class="channel-news-title">'
            f'<a href="{html.escape(a.path)}">{html.escape(a.title)}</a></label>\n'
            f'<span class="channel-news-date">({a.published:%d/%m/%Y} {_clock_vi(a.published)})'
            f"</span>\n"
            f'<p class="channel-news-summary">{html.escape(a.summary)}</p></div>'
            for a in articles
        )
        pager = " ".join(
            f'<span class="CurrentPage">{n}</span>'
            if n == page
            else f'<a href="{html.escape(self.page_path(n))}">{n}</a>'
            for n in _pager_numbers(page, pages)
        )
        main = (
            '<div class="tandan-div-channel"><p class="tandan-p-channel-title">Tin mới nhất</p>\n'
            f'{items}\n<div class="tandan-pager">{pager}</div></div>'
        )
        return self._frame(main, "", rng)

    def article(self, a: Article, latest: list[Article], rng) -> str:
        views = (
            f'<div class="tandan-view-count">Lượt xem: {a.views}</div>\n'
            if rng.random() < 0.8
            else ""
        )
        main = f"""<div class="tandan-div-article-news">
<p class="tandan-p-article-news-title">{html.escape(a.title)}</p>
<div class="tandan-div-date-view"><div class="tandan-span-date-publish">Đăng ngày {a.published:%d - %m - %Y}</div>
{views}<div class="tandan-font-size"><a href="javascript:zoomOut()">A-</a> <span id="zoom">100%</span> <a href="javascript:zoomIn()">A+</a></div></div>
<div class="tandan-p-article-main"><div class="ms-rtestate-field">
{_paragraphs_html(a, rng)}
</div></div>
<div class="tandan-comment"><p class="tandan-p-module-news-title">Ý kiến bạn đọc</p>
<textarea name="comment"></textarea><input type="submit" value="Gửi ý kiến"/></div>
</div>"""  # noqa: E501
        sidebar = "\n".join(
            f'<div class="tandan-p-module-news-second"><a href="{html.escape(o.path)}">'
            f'{html.escape(o.title)}</a><span class="ngay">({o.published:%d/%m/%Y} '
            f"{_clock_vi(o.published)})</span></div>"
            for o in latest
        )
        return self._frame(main, sidebar, rng)


class NinhBinh:
    """Ninh Bình districts: ``/tin-tuc-su-kien.html?page=N``."""

    listing_path = "/tin-tuc-su-kien.html"

    def __init__(self, unit: str):
        self.unit = unit

    def page_path(self, page: int) -> str:
        return self.listing_path + (f"?page={page}" if page > 1 else "")

    def article_path(self, a: Article) -> str:
        return f"/tin-tuc-su-kien/{slug(a.title).lower()}-{a.number}.html"

    def _frame(self, title: str, description: str, main: str, rng) -> str:
        unit = self.unit.replace("huyện", "Huyện")
        return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"/>
<title>{html.escape(title)}</title>
<meta property="og:title" content="{html.escape(title)}"/>
<meta property="og:description" content="{html.escape(description)}"/>
<meta property="og:image" content="/uploads/news/thumb.jpg"/>
</head><body>
<div id="header"><div class="site-name">Trang Thông tin điện tử</div><div class="site-unit">{unit}</div>
<div class="today">Thứ tư, 03/07/2024</div>
<marquee class="welcome">Chào mừng bạn đến với Trang thông tin điện tử {self.unit.lower()}</marquee></div>
<div id="main" class="row"><div class="col-md-8">
{main}
</div><div class="col-md-4" id="sidebar">
<div class="block"><a href="/mot-cua-dien-tu">Một cửa điện tử</a></div>
<div class="block"><a href="/van-ban-dien-tu">Văn bản điện tử</a></div>
<div class="block poll"><h3>Bình chọn</h3><p>Bạn quan tâm mục gì nhất trong Website của chúng tôi?</p>
<label><input type="radio" name="poll"/> Tin tức</label><label><input type="radio" name="poll"/> Văn bản</label></div>
<div class="block"><h3>Văn bản mới</h3><a class="more" href="/van-ban">Xem thêm</a></div>
<div class="block counter"><h3>Thống kê truy cập</h3>
<p>Lượt truy cập: <span>{rng.randint(100000, 2000000)}</span></p>
<p>Trực tuyến: <span>{rng.randint(5, 300)}</span></p>
<p>Hôm nay: <span>{rng.randint(100, 3000)}</span></p></div>
</div></div>
<div id="footer"><p>Bản quyền thuộc {unit}</p>
<div style="display:none"><a href="https://139.99.113.80/" title="W88">W88 113.80</a> - https://139.99.113.80/</div></div>
</body></html>
"""  # noqa: E501 (the portals' own line shapes)

    def listing(self, articles: list[Article], page: int, pages: int, latest, rng) -> str:
        items = "\n".join(
            f'<div class="item clearfix"><a class="thumb" href="{a.path}">'
            f'<img src="/uploads/news/{a.number}.jpg" alt=""/></a>\n'
            f'<h2><a href="{a.path}">{html.escape(a.title)}</a></h2>\n'
            f'<span class="date">{a.published:%d/%m/%Y}</span><p>{html.escape(a.summary)}</p></div>'
            for a in articles
        )
        links = [f'<li><a href="{self.page_path(max(1, page - 1))}">&laquo;</a></li>']
        for n in _pager_numbers(page, pages):
            active = ' class="active"' if n == page else ""
            links.append(f'<li{active}><a href="{self.page_path(n)}">{n}</a></li>')
        if page < pages:
            links.append(f'<li><a rel="next" href="{self.page_path(page + 1)}">&raquo;</a></li>')
        main = (
            '<h2 class="cat-title">Tin tức - Sự kiện</h2>\n<div id="itemContainer">\n'
            f'{items}\n</div>\n<ul class="pagination">{"".join(links)}</ul>'
        )
        return self._frame("Tin tức - Sự kiện", "", main, rng)

    def article(self, a: Article, latest: list[Article], rng) -> str:
        weekday = _WEEKDAYS[a.published.weekday()]
        author = f'\n<p style="text-align: right;"><strong>{a.author}</strong></p>'
        main = f"""<div class="article">
<h1 class="art-title">{html.escape(a.title)}</h1>
<div class="publish-date mb20"><span>{weekday}, {a.published:%d/%m/%Y}</span> <span class="views">{a.views} lượt xem</span></div>
<ul class="rating"><li>Đánh giá cho bài viết:</li><li><span class="star"></span><span class="star"></span></li><li>0 điểm ( 0 đánh giá )</li></ul>
<div class="art-cont">
{_paragraphs_html(a, rng)}{author}
</div></div>"""  # noqa: E501
        return self._frame(a.title, a.paragraphs[0], main, rng)


class HaiDuong:
    """Hải Dương communes: ``/Trang/TinTuc.aspx?cid=2&p=N``."""

    listing_path = "/Trang/TinTuc.aspx?cid=2"

    def __init__(self, unit: str):
        self.unit = unit

    def page_path(self, page: int) -> str:
        return self.listing_path + (f"&p={page}" if page > 1 else "")

    def article_path(self, a: Article) -> str:
        return f"/Trang/ChiTietTinTuc.aspx?nid={a.number}&title={slug(a.title).lower()}.html"

    def _frame(self, main: str, rng) -> str:
        unit = self.unit.upper()
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{unit}</title></head>
<body><form method="post" action="./ChiTietTinTuc.aspx" id="form1">
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" value="/wEPDwULLTE2MTY2ODcyMjlkZA==" /></div>
<div id="wrapper"><div id="banner"><img src="/Images/banner.png" alt="banner" /></div>
<div id="menu"><ul><li><a href="/Trang/Default.aspx">TRANG CHỦ</a></li><li><a href="/Trang/TinTuc.aspx?cid=2">CHÍNH TRỊ-KINH TẾ</a></li>
<li><a href="/Trang/TinTuc.aspx?cid=3">VĂN HÓA-XÃ HỘI</a></li></ul></div>
<div id="content-left">
<div class="category-name">{CATEGORIES[0]}</div>
{main}
</div>
<div id="content-right">
<div class="box-tthc"><div class="box-title">Kết quả giải quyết TTHC</div>
<div class="tthc-month">Đến tháng 11 đã giải quyết:</div><div class="tthc-percent">100%</div>
<table class="tthc"><tr><td>Số hồ sơ xử lý:</td><td>{rng.randint(100, 5000)}</td></tr><tr><td>Trước &amp; đúng hạn:</td><td>2787</td></tr>
<tr><td>Trễ hạn:</td><td>0</td></tr><tr><td>Tỉ lệ trễ hạn:</td><td>0%</td></tr></table>
<a href="/Trang/TTHC.aspx">Chi tiết</a><div class="tthc-update">( Cập nhật lúc:30/11/2023 07:04:41)</div></div>
</div>
<div id="footer"><p class="footer-title">TRANG THÔNG TIN ĐIỆN TỬ {unit}</p>
<p>Địa chỉ: {self.unit} - Tỉnh Hải Dương</p>
<div class="counter">Đang truy cập: {rng.randint(1, 40)}<br/>Hôm nay: {rng.randint(1, 400)}<br/>Tất cả: 12,943</div></div>
</div></form></body></html>
"""  # noqa: E501 (the portals' own line shapes)

    def listing(self, articles: list[Article], page: int, pages: int, latest, rng) -> str:
        rows = "\n".join(
            f'<tr><td class="news-item"><a class="title" href="{html.escape(a.path)}">'
            f"{html.escape(a.title)}</a>\n"
            f'<span class="date">({a.published:%d/%m/%Y})</span></td></tr>'
            for a in articles
        )
        pager = " ".join(
            f'<span class="current">{n}</span>'
            if n == page
            else f'<a href="{html.escape(self.page_path(n))}">{n}</a>'
            for n in _pager_numbers(page, pages)
        )
        return self._frame(
            f'<table class="list-news">\n{rows}\n</table>\n<div class="paging">{pager}</div>', rng
        )

    def article(self, a: Article, latest: list[Article], rng) -> str:
        summary = a.title if rng.random() < 0.5 else a.summary
        main = f"""<div class="news-detail"><h2 class="news-title">{html.escape(a.title)}</h2>
<div class="news-date">{a.published:%d/%m/%Y %H:%M:%S}</div>
<div class="news-summary"><b>{html.escape(summary)}</b></div>
<div class="news-content">
{_paragraphs_html(a, rng)}
</div>
<p class="author" style="text-align:right"><b>{a.author}</b></p></div>"""
        return self._frame(main, rng)


# ----------------------------------------------------------------------------- full template
# A real portal page weighs tens of kilobytes, most of it the same on every page of the portal:
# style sheets and scripts written into the page, a menu of every section, the list of the
# province's agencies and communes, the footer; ASP.NET platforms add a __VIEWSTATE that differs
# on every page. ``full_template`` wraps the family markup above in such a template (made up
# here in the platforms' shapes), so that page sizes and what pages share are realistic
# (bench/compression.py measures storage on them).

MENU = {
    "Giới thiệu": ["Tổng quan", "Lịch sử hình thành", "Điều kiện tự nhiên", "Cơ cấu tổ chức",
                   "Lãnh đạo", "Bản đồ hành chính", "Danh nhân", "Di tích lịch sử"],
    "Tin tức - Sự kiện": ["Tin trong tỉnh", "Tin trong nước", "Chính trị", "Kinh tế", "Văn hóa",
                          "Xã hội", "Quốc phòng - An ninh", "Chuyển đổi số", "Nông thôn mới",
                          "Y tế - Giáo dục", "Thể thao"],
    "Chính quyền": ["Hội đồng nhân dân", "Ủy ban nhân dân", "Các phòng ban",
                    "Đơn vị sự nghiệp", "Mặt trận Tổ quốc", "Các đoàn thể",
                    "Danh bạ điện thoại", "Thư điện tử công vụ"],
    "Văn bản": ["Văn bản pháp luật", "Văn bản chỉ đạo điều hành", "Dự thảo lấy ý kiến",
                "Công báo", "Quy hoạch - Kế hoạch", "Văn bản hợp nhất"],
    "Thủ tục hành chính": ["Dịch vụ công trực tuyến", "Tra cứu hồ sơ", "Bộ thủ tục", "Phí, lệ phí",
                           "Kết quả giải quyết", "Đánh giá mức độ hài lòng", "Một cửa điện tử"],
    "Công khai": ["Ngân sách", "Đầu tư công", "Đất đai", "Tuyển dụng", "Đấu thầu",
                  "Thi đua - Khen thưởng", "Phòng chống tham nhũng", "Tiếp công dân"],
    "Đầu tư - Phát triển": ["Tiềm năng", "Dự án kêu gọi đầu tư", "Khu công nghiệp", "Làng nghề",
                            "Sản phẩm OCOP", "Du lịch", "Doanh nghiệp"],
    "Hỏi đáp": ["Gửi câu hỏi", "Câu hỏi thường gặp", "Phản ánh kiến nghị", "Đường dây nóng"],
}
AGENCIES = ["Văn phòng UBND tỉnh", "Sở Nội vụ", "Sở Tư pháp", "Sở Kế hoạch và Đầu tư",
            "Sở Tài chính", "Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Sở Xây dựng",
            "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Khoa học và Công nghệ",
            "Sở Văn hóa, Thể thao và Du lịch", "Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh",
            "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Ban Quản lý các khu công nghiệp",
            "Đài Phát thanh và Truyền hình", "Báo tỉnh", "Bảo hiểm xã hội tỉnh", "Cục Thuế",
            "Kho bạc Nhà nước", "Ngân hàng Chính sách xã hội", "Liên đoàn Lao động tỉnh",
            "Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh", "Hội Nông dân tỉnh", "Hội Cựu chiến binh"]
COMMUNE_WORDS = ["An", "Bình", "Cẩm", "Đông", "Đức", "Hòa", "Hưng", "Hồng", "Kim", "Lạc", "Long",
                 "Minh", "Nghĩa", "Ngọc", "Phú", "Phúc", "Quang", "Tân", "Thanh", "Thành",
                 "Thịnh", "Tiến", "Trung", "Văn", "Việt", "Vĩnh", "Xuân", "Yên"]
CSS_PARTS = ["header", "menu", "submenu", "banner", "news", "box", "title", "list", "item", "date",
             "footer", "link", "search", "slide", "tab", "panel", "icon", "more", "paging"]
CSS_RULES = ["color:#{c}", "background:#{c}", "margin:{n}px {m}px", "padding:{n}px",
             "font-size:{f}px", "line-height:{l}px", "border-bottom:1px solid #{c}",
             "text-transform:uppercase", "display:block", "float:left", "width:{w}%",
             "font-weight:bold", "text-decoration:none", "overflow:hidden"]


def _ascii(text: str) -> str:
    return slug(text).lower()


class PortalTemplate:
    """One portal's furniture: the same on all its pages, but for counters, dates and the
    ASP.NET view state."""

    def __init__(self, family: str, unit: str, host: str):
        rng = random.Random(host)
        self.viewstate = family in ("hungyen", "haiduong")  # SharePoint, ASP.NET WebForms
        self.head = self._head(rng, unit)
        self.top = self._menu(rng, unit)
        self.bottom = self._links(rng, unit)

    @staticmethod
    def _head(rng: random.Random, unit: str) -> str:
        sheets = "\n".join(
            f'<link rel="stylesheet" href="/Content/{name}.css?v={rng.randint(100, 999)}"/>'
            for name in ("bootstrap.min", "font-awesome", "style", "menu", "responsive", "print")
        )
        rules = []
        for _ in range(rng.randint(140, 190)):
            selector = " ".join(f".{rng.choice(CSS_PARTS)}-{rng.choice(CSS_PARTS)}"
                                for _ in range(rng.randint(1, 3)))
            body = ";".join(
                rng.choice(CSS_RULES).format(
                    c=f"{rng.randint(0, 0xFFFFFF):06x}", n=rng.randint(0, 20),
                    m=rng.randint(0, 20), f=rng.randint(11, 18), l=rng.randint(16, 28),
                    w=rng.choice((25, 33, 50, 66, 100)),
                )
                for _ in range(rng.randint(2, 6))
            )
            rules.append(f"{selector}{{{body}}}")
        script = (
            f"var siteConfig={{siteId:{rng.randint(1, 900)},lang:'vi-VN',unit:'{unit}',"
            f"apiBase:'/api/v{rng.randint(1, 3)}/',menuDelay:{rng.randint(100, 400)},"
            f"slideInterval:{rng.randint(3, 8) * 1000}}};\n"
            "function initMenu(){$('.menu-top li').hover(function(){$(this).children('ul')"
            ".stop(true,true).slideDown(siteConfig.menuDelay)},function(){$(this).children('ul')"
            ".stop(true,true).slideUp(siteConfig.menuDelay)})}\n"
            "function fontZoom(step){var size=parseInt($('.news-content').css('font-size'));"
            "$('.news-content').css('font-size',(size+step)+'px')}\n"
            "$(document).ready(function(){initMenu();$('.slide-banner').slick({autoplay:true,"
            "autoplaySpeed:siteConfig.slideInterval,arrows:false});$('#txtSearch').keypress("
            "function(e){if(e.which==13){window.location='/tim-kiem?q='+encodeURIComponent("
            "$(this).val());return false}})});\n"
        )
        return (
            f'<meta name="viewport" content="width=device-width, initial-scale=1"/>\n'
            f'<meta name="description" content="Trang thông tin điện tử {unit}"/>\n'
            f'<meta name="keywords" content="{unit}, tin tức, văn bản, thủ tục hành chính"/>\n'
            f"{sheets}\n<style type=\"text/css\">\n" + "\n".join(rules) + "\n</style>\n"
            f'<script src="/Scripts/jquery-3.{rng.randint(3, 7)}.1.min.js"></script>\n'
            f"<script type=\"text/javascript\">\n{script}</script>\n"
        )

    @staticmethod
    def _menu(rng: random.Random, unit: str) -> str:
        sections = []
        for number, (section, items) in enumerate(MENU.items(), start=1):
            chosen = [item for item in items if rng.random() < 0.9]
            links = "".join(
                f'<li class="menu-item-{number}-{i}"><a href="/{_ascii(section)}/{_ascii(item)}"'
                f' title="{item}">{item}</a></li>\n'
                for i, item in enumerate(chosen, start=1)
            )
            sections.append(
                f'<li class="menu-top-item"><a href="/{_ascii(section)}">{section}</a>'
                f'<ul class="submenu">\n{links}</ul></li>'
            )
        slides = "".join(
            f'<div class="slide-item"><img src="/Uploads/banner/{_ascii(unit)}-{i}.jpg" '
            f'alt="{unit}"/></div>' for i in range(1, rng.randint(3, 6))
        )
        return (
            f'<div class="top-bar"><span class="hotline">Đường dây nóng: 0{rng.randint(200, 299)} '
            f'{rng.randint(3000000, 3999999)}</span><a href="/lien-he">Liên hệ</a> | '
            f'<a href="/so-do-site">Sơ đồ cổng</a> | <a href="/en">English</a></div>\n'
            f'<div class="slide-banner">{slides}</div>\n'
            '<div class="search"><input type="text" id="txtSearch" '
            'placeholder="Tìm kiếm..."/></div>\n'
            f'<nav class="menu-top"><ul>\n' + "\n".join(sections) + "\n</ul></nav>\n"
        )

    @staticmethod
    def _links(rng: random.Random, unit: str) -> str:
        agencies = "".join(
            f'<option value="https://{_ascii(a)}.gov.vn">{a}</option>'
            for a in rng.sample(AGENCIES, len(AGENCIES))
        )
        communes = "".join(
            f'<li><a href="https://{_ascii(name)}.gov.vn">Xã {name}</a></li>'
            for name in sorted({
                f"{rng.choice(COMMUNE_WORDS)} {rng.choice(COMMUNE_WORDS)}"
                for _ in range(rng.randint(30, 45))
            })
        )
        return (
            '<div class="box-links"><p class="box-title">Liên kết website</p>'
            f'<select onchange="window.open(this.value)"><option>-- Cơ quan, đơn vị --</option>'
            f"{agencies}</select>\n<ul class=\"list-communes\">{communes}</ul></div>\n"
            '<div class="footer-info"><p>Cơ quan chủ quản: Ủy ban nhân dân '
            f'{unit}</p><p>Chịu trách nhiệm chính: Chánh Văn phòng HĐND và UBND</p>'
            f"<p>Điện thoại: 0{rng.randint(200, 299)}.{rng.randint(3000000, 3999999)} - "
            f"Email: ubnd.{_ascii(unit)}@gov.vn</p><p>Giấy phép số {rng.randint(10, 99)}/GP-TTĐT "
            f"do Sở Thông tin và Truyền thông cấp</p><p>Ghi rõ nguồn khi phát hành lại thông tin "
            "từ cổng thông tin điện tử này.</p></div>\n"
            '<script src="/Scripts/slick.min.js"></script>'
            '<script src="/Scripts/site.js"></script>\n'
        )

    def wrap(self, page: str, rng: random.Random) -> str:
        """``page`` (a family's markup) inside the portal's template."""
        per_page = (
            f'<div class="counter-bar">Hôm nay: {rng.randint(100, 4000)} | Tổng truy cập: '
            f'{rng.randint(100000, 9000000)} | Đang trực tuyến: {rng.randint(3, 300)}</div>\n'
            f'<input type="hidden" name="__RequestVerificationToken" value="'
            f'{base64.b64encode(rng.randbytes(96)).decode()}"/>\n'
        )
        if self.viewstate:  # differs on every page, as ASP.NET writes it
            state = base64.b64encode(rng.randbytes(rng.randint(900, 2400))).decode()
            per_page += f'<input type="hidden" name="__VIEWSTATE" value="{state}"/>\n'
        head_end = page.index("</head>")
        body_start = page.index(">", page.index("<body")) + 1
        body_end = page.rindex("</body>")
        return (
            page[:head_end] + self.head + page[head_end:body_start] + "\n" + self.top + per_page
            + page[body_start:body_end] + self.bottom + page[body_end:]
        )


MARKUP = {"hungyen": HungYen, "ninhbinh": NinhBinh, "haiduong": HaiDuong}
LEVEL = {"hungyen": "huyện", "ninhbinh": "huyện", "haiduong": "xã"}
PROVINCE = {"hungyen": "Hưng Yên", "ninhbinh": "Ninh Bình", "haiduong": "Hải Dương"}
ROBOTS = "User-agent: *\nDisallow: /_layouts/\nDisallow: /admin/\n"


# ----------------------------------------------------------------------------- mirror


def write_page(root: Path, host: str, path: str, text: str) -> None:
    """Store a page where MirrorServer looks for it (``HOST/PATH@QUERY``)."""
    name, _, query = path.lstrip("/").partition("?")
    file = root / host / (name + (f"@{query}" if query else ""))
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")


def generate(
    root: Path,
    articles: int,
    families: tuple[str, ...] = FAMILIES,
    portals_per_family: int = 2,
    seed: int = 1,
    full_template: bool = False,
) -> Path:
    """Write a mirror of ``articles`` articles spread over the portals; returns its registry.
    ``full_template``: pages inside a portal's whole template (PortalTemplate)."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    rng = random.Random(seed)
    pool = sentence_pool()
    portals = [(f, *UNITS[f][i]) for f in families for i in range(portals_per_family)]
    registry = []
    number = 10000
    for index, (family, code, unit) in enumerate(portals):
        count = articles // len(portals) + (1 if index < articles % len(portals) else 0)
        host = f"{code}.{family}.gov.vn"
        markup = MARKUP[family](unit)
        template = PortalTemplate(family, unit, host) if full_template else None
        moment = datetime(2024, 12, 31, 17, 0)
        site: list[Article] = []
        for _ in range(count):
            moment -= timedelta(minutes=rng.randint(30, 3000))
            number += 1
            article = make_article(number, moment, pool, rng)
            article.path = markup.article_path(article)
            site.append(article)
        (root / host).mkdir(parents=True)
        (root / host / "robots.txt").write_text(ROBOTS, encoding="utf-8")
        pages = max(1, -(-count // ARTICLES_PER_LISTING_PAGE))
        for page in range(1, pages + 1):
            start = (page - 1) * ARTICLES_PER_LISTING_PAGE
            chunk = site[start : start + ARTICLES_PER_LISTING_PAGE]
            listing = markup.listing(chunk, page, pages, None, rng)
            listing = template.wrap(listing, rng) if template else listing
            write_page(root, host, markup.page_path(page), listing)
        for position, article in enumerate(site):
            latest = site[max(0, position - 8) : position] or site[1:9]
            page = markup.article(article, latest, rng)
            write_page(root, host, article.path, template.wrap(page, rng) if template else page)
        registry.append(
            f'[[portal]]\nid = "{family}-{code.split(".")[0]}"\nhost = "{host}"\n'
            f'family = "{family}"\nname = "Trang thông tin điện tử {unit}"\n'
            f'level = "{LEVEL[family]}"\nprovince = "{PROVINCE[family]}"\n'
            f'listings = ["http://{host}{markup.listing_path}"]\n'
        )
    registry_file = root / "portals.toml"
    registry_file.write_text("\n".join(registry), encoding="utf-8")
    return registry_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="folder to (re)create")
    parser.add_argument("articles", type=int)
    parser.add_argument("--families", default=",".join(FAMILIES))
    parser.add_argument("--portals-per-family", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--full-template", action="store_true", help="pages of realistic size")
    args = parser.parse_args(argv)
    registry = generate(
        args.root,
        args.articles,
        tuple(args.families.split(",")),
        args.portals_per_family,
        args.seed,
        args.full_template,
    )
    print(f"wrote {args.articles} articles into {args.root}; registry {registry}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
