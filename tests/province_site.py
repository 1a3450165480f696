"""A made-up province portal (hoason.gov.vn, titled after Ninh Bình so that the 2025 map
knows its province) and the dozen portals it links to, served on 127.0.0.1 for the
discovery tests.

The linked portals cover what discovery meets in the field: portals of the three families
(copies of the bundled samples under new host names), a NukeViet site, a WordPress site, a
platform of its own, a dead host, a former commune that redirects to its merged unit's new
portal, an archived district portal, a portal whose robots.txt forbids crawling, a commune
linked only from its district (depth 2), and banners to national sites that are not
portals of the province. ``EXPECTED`` says what discovery must report for each host.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES, PORTALS

from crawler.mirror import MirrorHandler, MirrorServer

PROVINCE = "hoason.gov.vn"


def _page(title: str, body: str, head: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
        f"{head}</head><body>{body}</body></html>"
    )


def _news_items(prefix: str, items: list[tuple[str, str, str]], wrap: str) -> str:
    return "".join(
        wrap.format(href=f"{prefix}{slug}", title=title, date=date) for slug, title, date in items
    )


_ARTICLE_TEXT = (
    "<p>Sáng {date}, Ủy ban nhân dân xã tổ chức hội nghị triển khai nhiệm vụ trọng tâm, "
    "với sự tham dự của đại diện các thôn, các ban ngành đoàn thể của xã.</p>"
    "<p>Theo báo cáo, năm qua tổng thu ngân sách trên địa bàn đạt 12,5 tỷ đồng, tỷ lệ hộ nghèo "
    "giảm còn 1,24%; toàn xã có 96% người dân tham gia bảo hiểm y tế.</p>"
    "<p>Hội nghị thống nhất các giải pháp về chuyển đổi số, xây dựng nông thôn mới nâng cao "
    "và cải cách thủ tục hành chính trong thời gian tới.</p>"
)

_NUKEVIET_NEWS = [
    (
        "hoi-nghi-trien-khai-nhiem-vu-nam-2025-112",
        "Hội nghị triển khai nhiệm vụ năm 2025",
        "12/08/2025",
    ),
    ("ra-quan-ve-sinh-moi-truong-thang-8-111", "Ra quân vệ sinh môi trường tháng 8", "05/08/2025"),
    (
        "tap-huan-chuyen-doi-so-cho-to-cong-nghe-so-110",
        "Tập huấn chuyển đổi số cho tổ công nghệ số",
        "28/07/2025",
    ),
]
_WORDPRESS_NEWS = [
    (
        "2025/09/15/trao-qua-cho-hoc-sinh-ngheo-vuot-kho",
        "Trao quà cho học sinh nghèo vượt khó",
        "15/09/2025",
    ),
    ("2025/09/02/le-ky-niem-quoc-khanh-2-9", "Lễ kỷ niệm Quốc khánh 2/9 tại xã", "02/09/2025"),
    (
        "2025/08/20/kiem-tra-cong-tac-phong-chong-dich-benh",
        "Kiểm tra công tác phòng chống dịch bệnh",
        "20/08/2025",
    ),
]
_ARCHIVE_NEWS = [
    ("tong-ket-nhiem-ky-2020-2025-301", "Tổng kết nhiệm kỳ 2020-2025 của huyện", "20/06/2025"),
    (
        "ban-giao-ho-so-luu-tru-300",
        "Bàn giao hồ sơ lưu trữ khi sắp xếp đơn vị hành chính",
        "25/06/2025",
    ),
    ("hoi-nghi-cuoi-cung-cua-hdnd-huyen-299", "Kỳ họp cuối cùng của HĐND huyện", "28/06/2025"),
]


def _nukeviet(root: Path, host: str) -> None:
    head = (
        '<meta name="generator" content="NukeViet v4.5">'
        '<script>var nv_base_siteurl="/",nv_lang_data="vi",nv_assets_dir="assets";</script>'
        '<link rel="stylesheet" href="/themes/default/css/nv.style.css">'
    )
    menu = '<ul class="nav navbar-nav"><li><a href="/vi/">Trang chủ</a></li><li><a href="/vi/news/">Tin tức</a></li></ul>'
    items = _news_items(
        "/vi/news/tin-tuc/",
        _NUKEVIET_NEWS,
        '<div class="news_column panel"><h3><a href="{href}.html" title="{title}">{title}</a></h3>'
        '<p class="text-muted"><em class="fa fa-clock-o"></em> {date}</p></div>',
    )
    site = root / host
    (site / "vi" / "news" / "tin-tuc").mkdir(parents=True)
    title = "Cổng thông tin điện tử xã Hòa Lạc"
    (site / "index.html").write_text(_page(title, f"<header>{menu}</header><p>Chào mừng</p>", head))
    (site / "vi" / "index.html").write_text(
        _page(title, f"<header>{menu}</header><p>Chào mừng</p>", head)
    )
    (site / "vi" / "news" / "index.html").write_text(
        _page(f"Tin tức - {title}", f"<header>{menu}</header><div id='news'>{items}</div>", head)
    )
    for slug, headline, date in _NUKEVIET_NEWS:
        body = (
            f'<div class="news-detail"><h1 class="title margin-bottom-lg">{headline}</h1>'
            f'<span class="h5">{date} 08:30</span><div id="news-bodyhtml" class="bodytext">'
            f"{_ARTICLE_TEXT.format(date=date)}</div></div>"
        )
        (site / "vi" / "news" / "tin-tuc" / f"{slug}.html").write_text(
            _page(headline, f"<header>{menu}</header>{body}", head)
        )


def _wordpress(root: Path, host: str) -> None:
    head = (
        '<meta name="generator" content="WordPress 6.5.2">'
        '<link rel="stylesheet" href="/wp-content/themes/xa/style.css">'
        '<script src="/wp-includes/js/jquery/jquery.min.js"></script>'
    )
    menu = '<nav class="main-navigation"><ul><li><a href="/">Trang chủ</a></li><li><a href="/category/tin-moi-nhat/">Tin mới nhất</a></li></ul></nav>'
    items = "".join(
        f'<article id="post-{40 + n}" class="post-{40 + n} post type-post status-publish">'
        f'<h2 class="entry-title"><a href="/{slug}/">{title}</a></h2>'
        f'<time class="entry-date published" datetime="{date[6:]}-{date[3:5]}-{date[:2]}T07:00:00+07:00">{date}</time></article>'
        for n, (slug, title, date) in enumerate(_WORDPRESS_NEWS)
    )
    site = root / host
    (site / "category" / "tin-moi-nhat").mkdir(parents=True)
    title = "Trang thông tin điện tử xã Tân Hòa"
    (site / "index.html").write_text(
        _page(title, f"<header>{menu}</header><p>Giới thiệu</p>", head)
    )
    (site / "category" / "tin-moi-nhat" / "index.html").write_text(
        _page(f"Tin mới nhất – {title}", f"<header>{menu}</header><main>{items}</main>", head)
    )
    for slug, headline, date in _WORDPRESS_NEWS:
        article = (
            f'<article class="post"><h1 class="entry-title">{headline}</h1>'
            f'<time class="entry-date published" datetime="{date[6:]}-{date[3:5]}-{date[:2]}T07:00:00+07:00">{date}</time>'
            f'<div class="entry-content">{_ARTICLE_TEXT.format(date=date)}</div></article>'
        )
        (site / slug).mkdir(parents=True)
        (site / slug / "index.html").write_text(
            _page(f"{headline} – {title}", f"<header>{menu}</header><main>{article}</main>", head)
        )


def _archive(root: Path, host: str) -> None:
    site = root / host
    (site / "tin-tuc").mkdir(parents=True)
    title = "Cổng thông tin điện tử huyện Hòa Cũ"
    notice = (
        "<div class='thong-bao'>Đây là trang lưu trữ: cổng đã ngừng cập nhật từ 01/07/2025.</div>"
    )
    menu = "<ul class='menu'><li><a href='/tin-tuc.html'>Tin tức - Sự kiện</a></li></ul>"
    items = _news_items(
        "/tin-tuc/",
        _ARCHIVE_NEWS,
        "<div class='item'><h3><a href='{href}.html'>{title}</a></h3><span>({date})</span></div>",
    )
    (site / "index.html").write_text(_page(title, f"{menu}{notice}"))
    (site / "tin-tuc.html").write_text(
        _page(title, f"{menu}{notice}<div class='list'>{items}</div>")
    )


def _home(title: str, links: str, extra: str = "") -> str:
    return _page(title, f"<div class='menu'><ul>{links}</ul></div>{extra}")


def build(root: Path) -> None:
    """Write the province and its portals under ``root`` (one folder per host)."""
    province = root / PROVINCE
    province.mkdir(parents=True)
    links_block = (
        "<div class='box-lienket'><h3>Liên kết website</h3><ul>"
        "<li><a href='http://kimdong.hoason.gov.vn/'>Huyện Kim Động</a></li>"
        "<li><a href='http://hoalac.hoason.gov.vn/vi/'>Xã Hòa Lạc</a></li>"
        "<li><a href='http://tanhoa.hoason.gov.vn/'>Xã Tân Hòa</a></li>"
        "<li><a href='http://anbinh.hoason.gov.vn/'>Xã An Bình</a></li>"
        "<li><a href='http://hoacu.hoason.gov.vn/'>Huyện Hòa Cũ (lưu trữ)</a></li>"
        "<li><a href='http://xacu.hoason.gov.vn/'>Xã Cũ</a></li>"
        "<li><a href='http://dongtam.hoason.gov.vn/'>Xã Đồng Tâm</a></li>"
        "<li><a href='http://kinhbac.hoason.gov.vn/'>Xã Kinh Bắc</a></li>"
        "<li><a href='https://chinhphu.vn/'>Cổng TTĐT Chính phủ</a></li>"
        "</ul></div>"
    )
    select = (
        "<div class='box'><span>Các xã, phường</span><select onchange='location=this.value'>"
        "<option value=''>-- Chọn đơn vị --</option>"
        "<option value='http://yenmo.hoason.gov.vn/'>Xã Yên Mô</option>"
        "<option value='http://quangthanh.hoason.gov.vn/'>Xã Quang Thành</option>"
        "</select></div>"
    )
    banner = "<div class='footer'><a href='https://ncov.moh.gov.vn/'><img src='/b.png' alt='Covid'></a></div>"
    province_news = [
        (
            "tinh-hoa-son-don-nhan-huan-chuong-lao-dong-501",
            "Tỉnh đón nhận Huân chương Lao động",
            "10/11/2025",
        ),
        (
            "ky-hop-hdnd-tinh-khoa-moi-500",
            "Kỳ họp HĐND tỉnh khóa mới bàn các chỉ tiêu năm 2026",
            "05/11/2025",
        ),
        (
            "hoi-nghi-xuc-tien-dau-tu-499",
            "Hội nghị xúc tiến đầu tư vào khu công nghiệp",
            "30/10/2025",
        ),
    ]
    news = _news_items(
        "/tin-tuc/",
        province_news,
        "<li class='tin'><a href='{href}.html'>{title}</a> <i>({date})</i></li>",
    )
    (province / "index.html").write_text(
        _home(
            "Cổng thông tin điện tử tỉnh Ninh Bình",
            "<li><a href='/'>Trang chủ</a></li><li><a href='/tin-tuc.html'>Tin tức</a></li>",
            links_block + select + banner,
        )
    )
    (province / "tin-tuc").mkdir()
    for slug, headline, date in province_news:
        article = f"<h1 class='tieu-de'>{headline}</h1><p class='ngay'>{date}</p>"
        (province / "tin-tuc" / f"{slug}.html").write_text(
            _page(
                headline, f"{article}<div class='noi-dung'>{_ARTICLE_TEXT.format(date=date)}</div>"
            )
        )
    (province / "tin-tuc.html").write_text(
        _page("Tin tức - tỉnh Ninh Bình", f"<ul class='ds-tin'>{news}</ul>")
    )

    families = {
        "kimdong.hungyen.gov.vn": (
            "kimdong.hoason.gov.vn",
            "Cổng thông tin điện tử huyện Kim Động",
            "<li><a href='/portal/Pages/Tin-moi-nhat.aspx'>Tin mới nhất</a></li>",
        ),
        "yenmo.ninhbinh.gov.vn": (
            "yenmo.hoason.gov.vn",
            "Trang thông tin điện tử xã Yên Mô",
            "<li><a href='/tin-tuc-su-kien.html'>Tin tức - Sự kiện</a></li>",
        ),
        "quangthanh.kinhmon.haiduong.gov.vn": (
            "quangthanh.hoason.gov.vn",
            "Trang thông tin điện tử xã Quang Thành",
            "<li><a href='/Trang/TinTuc.aspx'>Tin tức</a><ul>"
            "<li><a href='/Trang/TinTuc.aspx?cid=2'>Chính trị - Kinh tế</a></li></ul></li>",
        ),
    }
    for source, (host, title, menu) in families.items():
        shutil.copytree(PORTALS / source, root / host)
        sample = next((PORTALS / source).rglob("*.aspx"), None) or next(
            (PORTALS / source).rglob("*.html")
        )
        head = sample.read_text().split("<body", 1)[0].split("<title>")[0]  # the platform's head
        extra = ""
        if host.startswith("kimdong"):
            extra = "<div class='box'><h3>Các xã</h3><a href='http://xadong.kimdong.hoason.gov.vn/'>Xã Đông</a></div>"
        (root / host / "index.html").write_text(
            f"{head}<title>{title}</title></head><body><ul class='menu'>{menu}</ul>{extra}</body></html>"
        )
    shutil.copytree(FIXTURES / "generic" / "anbinh.example.gov.vn", root / "anbinh.hoason.gov.vn")
    (root / "anbinh.hoason.gov.vn" / "index.html").write_text(
        _home("Cổng thông tin điện tử xã An Bình", "<li><a href='/tin-tuc.html'>Tin tức</a></li>")
    )
    shutil.copytree(
        FIXTURES / "generic" / "anbinh.example.gov.vn", root / "dongtam-moi.hoason.gov.vn"
    )
    (root / "dongtam-moi.hoason.gov.vn" / "index.html").write_text(
        _home("Cổng thông tin điện tử xã Đồng Tâm", "<li><a href='/tin-tuc.html'>Tin tức</a></li>")
    )
    shutil.copytree(
        FIXTURES / "generic" / "anbinh.example.gov.vn", root / "xadong.kimdong.hoason.gov.vn"
    )
    (root / "xadong.kimdong.hoason.gov.vn" / "index.html").write_text(
        _home("Cổng thông tin điện tử xã Đông", "<li><a href='/tin-tuc.html'>Tin mới nhất</a></li>")
    )
    _nukeviet(root, "hoalac.hoason.gov.vn")
    _wordpress(root, "tanhoa.hoason.gov.vn")
    _archive(root, "hoacu.hoason.gov.vn")
    (root / "kinhbac.hoason.gov.vn").mkdir()
    (root / "kinhbac.hoason.gov.vn" / "robots.txt").write_text("User-agent: *\nDisallow: /\n")
    (root / "kinhbac.hoason.gov.vn" / "index.html").write_text(_home("Xã Kinh Bắc", ""))


class ProvinceHandler(MirrorHandler):
    """The mirror, plus a directory's index.html, a dead host and a moved one."""

    redirects = {"xacu.hoason.gov.vn": "http://dongtam-moi.hoason.gov.vn/"}

    def do_GET(self):  # noqa: N802
        host = (self.headers.get("Host") or "").split(":")[0]
        if "://" in self.path:
            host = self.path.split("://", 1)[1].split("/", 1)[0].split(":")[0]
        if host == "xacu.hoason.gov.vn" and not self.path.endswith("robots.txt"):
            self.send_response(301)
            self.send_header("Location", self.redirects[host])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path.endswith("/"):
            self.path += "index.html"
        return super().do_GET()


class ProvinceServer(MirrorServer):
    def __init__(self, root: Path):
        super().__init__(root)
        self.RequestHandlerClass = ProvinceHandler


# What discovery must say of each host: (status, family or None, listing URL or None).
EXPECTED = {
    "hoason.gov.vn": ("found", "generic", "http://hoason.gov.vn/tin-tuc.html"),
    "kimdong.hoason.gov.vn": (
        "found",
        "tandan",
        "http://kimdong.hoason.gov.vn/portal/Pages/Tin-moi-nhat.aspx",
    ),
    "yenmo.hoason.gov.vn": ("found", "ninhbinh", "http://yenmo.hoason.gov.vn/tin-tuc-su-kien.html"),
    "quangthanh.hoason.gov.vn": (
        "found",
        "haiduong",
        "http://quangthanh.hoason.gov.vn/Trang/TinTuc.aspx?cid=2",
    ),
    "anbinh.hoason.gov.vn": ("found", "generic", "http://anbinh.hoason.gov.vn/tin-tuc.html"),
    "hoalac.hoason.gov.vn": ("found", "nukeviet", "http://hoalac.hoason.gov.vn/vi/news/"),
    "tanhoa.hoason.gov.vn": (
        "found",
        "generic",
        "http://tanhoa.hoason.gov.vn/category/tin-moi-nhat/",
    ),
    "dongtam-moi.hoason.gov.vn": (
        "found",
        "generic",
        "http://dongtam-moi.hoason.gov.vn/tin-tuc.html",
    ),
    "xadong.kimdong.hoason.gov.vn": (
        "found",
        "generic",
        "http://xadong.kimdong.hoason.gov.vn/tin-tuc.html",
    ),
    "xacu.hoason.gov.vn": ("redirected", None, None),
    "hoacu.hoason.gov.vn": ("archive", None, None),
    "dongtam.hoason.gov.vn": ("unreachable", None, None),
    "kinhbac.hoason.gov.vn": ("forbidden by robots.txt", None, None),
}
# Articles each found portal lists (what a crawl of the written registry must store).
ARTICLES = {
    "hoason.gov.vn": 3,
    "kimdong.hoason.gov.vn": 9,
    "yenmo.hoason.gov.vn": 12,
    "quangthanh.hoason.gov.vn": 13,
    "anbinh.hoason.gov.vn": 5,
    "hoalac.hoason.gov.vn": 3,
    "tanhoa.hoason.gov.vn": 3,
    "dongtam-moi.hoason.gov.vn": 5,
    "xadong.kimdong.hoason.gov.vn": 5,
}
