"""Page renderers of the zoo: one per portal platform, each with the perturbations of `Features`.

The markup follows what public sources show of each platform (tests/zoo/GROUNDING.md): class
names, URL shapes, page structure, widget wording. It is written here; no page was copied.
"""

from __future__ import annotations

import base64
import hashlib
import html
import random
import re
import unicodedata
from dataclasses import dataclass, field

from .texts import Story

WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


@dataclass(frozen=True)
class Features:
    """The perturbations a variant applies to its platform's pages."""

    theme: str = "default"  # platform version: tandan "2016" / "2020"; others "default"
    wrappers: int = 0  # extra <div> levels around the article and around the list
    renamed: bool = False  # the theme's own classes renamed (a redesign nobody told us about)
    share_bar: str | None = (
        None  # "inside" / "after" the content: "Chia sẻ: Facebook Zalo In bài viết"
    )
    font_bar: bool = False  # "Cỡ chữ: A- A A+" above the text
    attachment: bool = False  # "File đính kèm: Tải về" with .pdf/.docx links
    related: str | None = None  # "Tin liên quan" list "inside" / "after" the content
    views: str | None = "label"  # label / eye / suffix / dathem / None (no counter)
    byline: str | None = "platform"  # platform / right-style / align / text-right / tin-anh /
    # tac-gia-after / nguon-tin / None (no signature shown)
    byline_then: str | None = None  # attachment / share / related, right after the byline
    admin_account: bool = (
        False  # "Người đăng: admin" in the meta line (a CMS account, not an author)
    )
    date_in_article: bool = True  # False: the date shows only on the listing
    pager: str = "platform"  # the platform's own, or numbers / rel-next / raquo ("»") /
    # trang-sau / xem-tiep (ASP.NET lists always page by postback)
    sidebar: bool = False  # a dated "Tin mới nhất" / "Tin xem nhiều" sidebar longer than the list
    per_item_class: bool = False  # every list item carries its own id class (post-<ID>)
    links: str = "absolute"  # absolute / root / relative / dotdot / protocol / https
    per_page: int = 3
    listing_shape: str = "platform"  # or page-html: later pages at /<list>/page-N.html
    stories: tuple[str, ...] = ()


@dataclass
class Page:
    url: str
    html: str
    # an ASP.NET postback listing answers POSTs: (event target, view state, {argument: url})
    postback: tuple[str, str, dict[str, str]] | None = None


@dataclass
class Site:
    host: str
    listing: str  # where a crawl starts
    pages: dict[str, Page] = field(default_factory=dict)
    articles: list[dict] = field(default_factory=list)  # gold, one dict per story
    sidebar_links: list[tuple[str, str, str]] = field(default_factory=list)  # url, title, date

    def add(self, page: Page) -> None:
        self.pages[page.url] = page


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def slug(text: str, limit: int = 60) -> str:
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")[:limit].strip("-")


def viewstate(seed: str) -> str:
    return base64.b64encode(hashlib.sha256(seed.encode()).digest() * 3).decode()


# ---------------------------------------------------------------------------- fragments


def share_bar(rng: random.Random) -> str:
    style = rng.choice(("div", "ul"))
    if style == "ul":
        return (
            '<ul class="social-share list-inline"><li>Chia sẻ:</li>'
            '<li><a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a></li>'
            '<li><a href="https://zalo.me/share?u=x">Zalo</a></li>'
            '<li><a href="javascript:window.print()">In bài viết</a></li></ul>'
        )
    return (
        '<div class="share-tools">Chia sẻ: <a href="https://www.facebook.com/sharer/sharer.php">'
        'Facebook</a> <a href="https://zalo.me/share">Zalo</a> '
        '<a href="#" onclick="window.print();return false;">In bài viết</a></div>'
    )


def font_bar() -> str:
    return (
        '<div class="font-size-tool">Cỡ chữ: <a href="javascript:void(0)">A-</a> '
        '<a href="javascript:void(0)">A</a> <a href="javascript:void(0)">A+</a></div>'
    )


ATTACHMENT_PATHS = {
    # SharePoint lists keep an item's files under Lists/<list>/Attachments/<item id>/
    "tandan": "/Lists/TinTuc/Attachments/{id}/{name}",
    "haiduong": "/Lists/TinTuc/Attachments/{id}/{name}",
    "ninhbinh": "/uploads/files/{name}",
    "nukeviet": "/uploads/news/2024_03/{name}",
    "wordpress": "/wp-content/uploads/2024/03/{name}",
    "aspnet": "/Upload/VanBan/{name}",
}


def attachment_block(ctx: Context, key: str) -> str:
    kind = ctx.rng.choice(("pdf", "docx"))
    name = f"{key.replace('-', '_')}.{kind}"
    path = ATTACHMENT_PATHS.get(ctx.platform, "/uploads/files/{name}").format(
        id=ctx.rng.randint(200, 4000), name=name
    )
    if ctx.rng.random() < 0.5:
        return (
            f'<div class="attach-file"><p><strong>File đính kèm:</strong> '
            f'<a href="{ctx.base}{path}">Tải về</a></p></div>'
        )
    return (
        f'<p>Tệp đính kèm: <a href="{ctx.base}{path}">{name}</a> '
        f'<a href="{ctx.base}{path}">Tải về</a></p>'
    )


def related_block(links: list[tuple[str, str, str]], heading: str = "Tin liên quan") -> str:
    items = "".join(
        f'<li><a href="{href}">{esc(title)}</a> <span class="date">({date})</span></li>'
        for href, title, date in links
    )
    return f'<div class="related-news"><h3>{heading}</h3><ul>{items}</ul></div>'


def view_counter(kind: str | None, views: int) -> str:
    if kind == "label":
        return f'<span class="view-count">Lượt xem: {views}</span>'
    if kind == "eye":
        return f'<span class="views"><i class="icon-eye"></i>👁 {views}</span>'
    if kind == "suffix":
        return f"<span>{views} lượt xem</span>"
    if kind == "dathem":
        return f'<span class="hits"><em class="fa fa-eye"></em> Đã xem: {views}</span>'
    return ""


def byline_html(kind: str | None, author: str) -> tuple[str, bool]:
    """The signature's markup and whether it sits inside the content (else after it)."""
    name = esc(author)
    shapes = {
        "right-style": (f'<p style="text-align: right;"><strong>{name}</strong></p>', True),
        "align": (f'<p align="right"><b>{name}</b></p>', True),
        "text-right": (f'<p class="text-right"><strong>{name}</strong></p>', True),
        "tin-anh": (f"<p><em>Tin, ảnh: {name}</em></p>", True),
        "tac-gia-after": (f'<div class="tacgia">Tác giả: <b>{name}</b></div>', False),
        # shapes of the held-out portals (tests/zoo/heldout.py)
        "bai-anh": (f'<p style="text-align:right"><strong>Bài, ảnh: {name}</strong></p>', True),
        "div-right": (
            f'<div style="text-align: right"><span style="font-weight: bold">{name}</span></div>',
            True,
        ),
        "nguoi-viet": (f'<p class="post-author">Người viết: {name}</p>', False),
        "nguon-tin": (f'<p class="source"><strong>Nguồn tin:</strong> {name}</p>', False),
        # the platforms' own places (bundled Hải Dương sample; NukeViet's detail.tpl)
        "haiduong": (f'<p class="author">{name}</p>', False),
        "nukeviet": (
            f'<div class="margin-bottom-lg"><p class="h5 text-right"><strong>Tác giả: </strong>'
            f"{name}</p></div>",
            False,
        ),
    }
    return shapes[kind]


def body_html(story: Story, rng: random.Random, base: str) -> str:
    """The article text as an editor's page shows it: paragraphs, a captioned photo, a table."""
    parts = []
    paragraphs = list(story.paragraphs)
    for index, text in enumerate(paragraphs):
        if index == story.table_after and story.table:
            parts.append(table_html(story.table, rng))
        align = rng.choice(("justify", "justify", None))
        style = f' style="text-align: {align};"' if align else ""
        parts.append(f"<p{style}>{esc(text)}</p>")
        if index == 0 and story.caption:
            parts.append(
                f'<p style="text-align: center;"><img src="{base}/Uploads/images/{story.key}.jpg"'
                f' alt=""></p><p style="text-align: center;"><em>{esc(story.caption)}</em></p>'
            )
    if story.table and story.table_after >= len(paragraphs):
        parts.append(table_html(story.table, rng))
    return "\n".join(parts)


def table_html(rows: tuple[tuple[str, ...], ...], rng: random.Random) -> str:
    cell = rng.choice(("p", "plain", "span"))

    def wrap(text: str, head: bool) -> str:
        inner = f"<strong>{esc(text)}</strong>" if head else esc(text)
        if cell == "p":
            return f"<p>{inner}</p>"
        if cell == "span":
            return f"<span>{inner}</span>"
        return inner

    body = "".join(
        "<tr>" + "".join(f"<td>{wrap(c, i == 0)}</td>" for c in row) + "</tr>"
        for i, row in enumerate(rows)
    )
    return f'<table class="MsoTableGrid" border="1" cellpadding="4"><tbody>{body}</tbody></table>'


def nest(inner: str, levels: int, rng: random.Random) -> str:
    for _ in range(levels):
        name = rng.choice(("wrap", "inner", "col-main", "box", "row", "container-fluid"))
        inner = f'<div class="{name}">{inner}</div>'
    return inner


def row_class(ctx, number: int) -> str:
    return f' class="row-{number}"' if ctx.features.per_item_class else ""


def vn_weekday(date: str) -> str:
    import datetime as dt

    return WEEKDAYS[dt.date.fromisoformat(date).weekday()]


def dmy(date: str, pad: bool = True) -> str:
    y, m, d = date.split("-")
    return f"{d}/{m}/{y}" if pad else f"{int(d)}/{int(m)}/{y}"


def ampm(time: str) -> str:
    h, m = (int(x) for x in time.split(":"))
    return f"{h % 12 or 12}:{m:02d} {'SA' if h < 12 else 'CH'}"


# ---------------------------------------------------------------------------- page shell


def shell(title: str, site_name: str, main: str, sidebar: str, extra_head: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{esc(title)} - {esc(site_name)}</title>{extra_head}</head><body>"
        f'<div id="header"><div class="banner">{esc(site_name.upper())}</div>'
        '<div class="today">Thứ hai, 30/11/2026</div>'
        '<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu'
        '</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></div>'
        f'<div id="page"><div id="main">{main}</div><div id="right">{sidebar}</div></div>'
        f'<div id="footer"><p>{esc(site_name.upper())}</p><p>Chịu trách nhiệm chính: Chủ tịch '
        "UBND xã</p><p>Điện thoại: 0221.3861.234 - Email: ubnd@example.gov.vn</p>"
        "<p>Đang truy cập: 17 - Hôm nay: 342 - Tất cả: 1.204.558</p></div></body></html>"
    )


@dataclass
class Context:
    """What a renderer needs besides the story: the site, its features, its randomness."""

    site: Site
    name: str
    features: Features
    rng: random.Random
    base: str  # scheme://host
    platform: str = ""

    def href(self, url: str, from_url: str) -> str:
        """``url`` written the way this variant writes links, as seen from ``from_url``."""
        from urllib.parse import urlsplit

        kind = self.features.links
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if kind == "root":
            return path
        if kind == "protocol":
            return f"//{parts.netloc}{path}"
        if kind == "https":
            return f"https://{parts.netloc}{path}"
        if kind in ("relative", "dotdot"):
            here = urlsplit(from_url).path.split("/")[:-1]
            there = parts.path.split("/")
            common = 0
            while common < min(len(here), len(there) - 1) and here[common] == there[common]:
                common += 1
            ups = len(here) - common
            rel = "../" * ups + "/".join(there[common:])
            return rel + (f"?{parts.query}" if parts.query else "")
        return url


def sidebar_html(ctx: Context, heading: str, urls: list[tuple[str, str, str]], from_url: str):
    items = "".join(
        f'<li><a href="{ctx.href(u, from_url)}">{esc(t)}</a><span class="time">{d}</span></li>'
        for u, t, d in urls
    )
    return f'<div class="block-news"><h3 class="block-title">{heading}</h3><ul>{items}</ul></div>'


# ---------------------------------------------------------------------------- platforms


class Platform:
    """A portal platform: URL shapes, listing markup and article markup."""

    name = ""
    family_spiders: tuple[str, ...] = ()  # spiders written for this platform, best first

    def article_url(self, ctx: Context, story: Story, number: int) -> str:
        raise NotImplementedError

    def listing_url(self, ctx: Context, page: int) -> str:
        raise NotImplementedError

    def listing(self, ctx: Context, entries, page: int, pages: int, url: str) -> str:
        raise NotImplementedError

    def article(self, ctx: Context, story: Story, url: str, related, number: int) -> str:
        raise NotImplementedError

    # whether the article's date element / the listing show the time of day; "attribute":
    # only in a machine-readable attribute (<time datetime>)
    article_time: bool | str = True
    listing_time: bool | str = False

    # the sidebar: a dated news list under this heading when the variant has one, else a
    # widget of the platform with nothing to date (visitor counters, links)
    sidebar_heading = "Tin mới nhất"
    quiet_sidebar = ""

    def sidebar(self, ctx: Context, url: str) -> str:
        if ctx.features.sidebar:
            return sidebar_html(ctx, self.sidebar_heading, ctx.site.sidebar_links, url)
        return self.quiet_sidebar

    def time_shown(self, f: Features) -> bool | str:
        """Whether a page a crawl may date the article from shows its time of publication:
        True, "attribute" (only in markup attributes), or False."""
        if f.date_in_article and self.article_time:
            return self.article_time
        return self.listing_time

    # pager -------------------------------------------------------------------

    def pager(self, ctx: Context, page: int, pages: int, url: str) -> str:
        kind = ctx.features.pager
        if kind == "platform":
            kind = self.default_pager
        links = []
        for number in range(1, pages + 1):
            target = ctx.href(self.listing_url(ctx, number), url)
            if number == page:
                links.append(f'<span class="current">{number}</span>')
            elif kind in ("numbers", "rel-next"):
                rel = ' rel="next"' if number == page + 1 and kind == "rel-next" else ""
                links.append(f'<a href="{target}"{rel}>{number}</a>')
        following = ctx.href(self.listing_url(ctx, page + 1), url) if page < pages else None
        if kind == "raquo":
            links = [f'<span class="current">{page}</span>']
            if following:
                links.append(f'<a href="{following}" title="Trang sau">»</a>')
        elif kind == "trang-sau" and following:
            links.append(f'<a href="{following}">Trang sau</a>')
        elif kind == "xem-tiep":
            links = [f'<a href="{following}" class="more">Xem tiếp</a>'] if following else []
        return f'<div class="{self.pager_class(ctx)}">{" ".join(links)}</div>'

    default_pager = "numbers"

    def pager_class(self, ctx: Context) -> str:
        return "pagination"


class TanDan(Platform):
    """Tân Dân SharePoint portals: theme 2016 (Hưng Yên's sample) and the 2020 theme
    (``tandan-title-view`` …) seen on Điện Biên and Thanh Hóa portals."""

    name = "tandan"
    family_spiders = ("tandan", "hungyen")
    default_pager = "numbers"
    listing_time = True

    def time_shown(self, f):
        return True  # the 2020 themes' date element, and every theme's listing, show it

    def category(self, ctx):
        return "Tin-moi-nhat" if ctx.features.theme == "2016" else "Tin-tuc-su-kien"

    def pages_dir(self, ctx):
        # some portals (Hà Tĩnh communes) link their pages with a lower-case "pages"
        return "pages" if ctx.features.theme == "2020-lower" else "Pages"

    def article_url(self, ctx, story, number):
        y, m, d = (int(x) for x in story.date.split("-"))
        name = f"{slug(story.title, 44)}-{9100 + number}.aspx"
        return f"{ctx.base}/portal/{self.pages_dir(ctx)}/{y}-{m}-{d}/{name}"

    def listing_url(self, ctx, page):
        url = f"{ctx.base}/portal/{self.pages_dir(ctx)}/{self.category(ctx)}.aspx"
        return url if page == 1 else f"{url}?PageIndex={page}"

    def pager_class(self, ctx):
        if ctx.features.renamed:
            return "tandan-paging"
        return "tandan-pager" if ctx.features.theme == "2016" else "paging-news"

    def listing(self, ctx, entries, page, pages, url):
        new = ctx.features.theme != "2016"
        items = []
        for story, href, number in entries:
            date = f"({dmy(story.date)} {ampm(story.time)})"
            item_class = f" news-item-{number}" if ctx.features.per_item_class else ""
            if new:
                items.append(
                    f'<div class="item-news{item_class}"><a class="title-news" href="{href}">'
                    f'{esc(story.title)}</a><span class="date-news">{date}</span>'
                    f'<p class="summary-news">{esc(story.paragraphs[0][:120])}…</p></div>'
                )
            else:
                items.append(
                    f'<div class="channel-news-item{item_class}"><label class="channel-news-title">'
                    f'<a href="{href}">{esc(story.title)}</a></label> '
                    f'<span class="channel-news-date">{date}</span>'
                    f'<div class="channel-news-summary">{esc(story.paragraphs[0][:120])}…</div></div>'
                )
        heading = "Tin tức - Sự kiện" if new else "Tin mới nhất"
        main = (
            f'<p class="tandan-p-channel-title">{heading}</p>'
            + nest("".join(items), ctx.features.wrappers, ctx.rng)
            + self.pager(ctx, page, pages, url)
        )
        return shell(heading, ctx.name, main, self.sidebar(ctx, url))

    quiet_sidebar = '<div class="tandan-online">12 người đang online</div>'

    def article(self, ctx, story, url, related, number):
        f = ctx.features
        new = f.theme != "2016"
        title_class = "tandan-title-view" if new else "tandan-p-article-news-title"
        date_class = "tandan-date-view" if new else "tandan-span-date-publish"
        content_class = "tandan-content-view" if new else "ms-rtestate-field"
        if f.renamed:
            title_class, date_class = "td-article-title", "td-article-date"
            content_class = "td-article-content"
        date_text = (
            f"{dmy(story.date)} {story.time}"
            if new
            else f"Đăng ngày {story.date[8:]} - {story.date[5:7]} - {story.date[:4]}"
        )
        date = f'<span class="{date_class}">{date_text}</span>' if f.date_in_article else ""
        views = view_counter(f.views, story.views)
        views = f'<span class="tandan-view-count">{views}</span>' if views else ""
        content = self.decorated_body(ctx, story, url, related)
        title_tag = "h1" if new else "p"
        article = (
            f'<div class="tandan-div-article-news"><{title_tag} class="{title_class}">'
            f"{esc(story.title)}</{title_tag}>"
            f'<div class="tandan-div-date-view">{date} {views}</div>'
            + (font_bar() if f.font_bar else "")
            + f'<div class="{content_class}">{content["inside"]}</div>{content["after"]}</div>'
            + '<div class="tandan-comment"><h4>Ý kiến bạn đọc</h4><textarea></textarea></div>'
        )
        return shell(
            story.title, ctx.name, nest(article, f.wrappers, ctx.rng), self.sidebar(ctx, url)
        )

    def decorated_body(self, ctx, story, url, related) -> dict[str, str]:
        return decorate(ctx, story, url, related, platform_byline="right-style")


def decorate(ctx: Context, story: Story, url: str, related, platform_byline: str) -> dict[str, str]:
    """The body with the variant's blocks: inside the content container and after it."""
    f = ctx.features
    rng = ctx.rng
    inside = [body_html(story, rng, ctx.base)]
    after = []
    byline = platform_byline if f.byline == "platform" else f.byline
    if story.author and byline:
        markup, in_content = byline_html(byline, story.author)
        (inside if in_content else after).append(markup)
        target = inside if in_content else after
        if f.byline_then == "attachment":
            target.append(attachment_block(ctx, story.key))
        elif f.byline_then == "share":
            target.append(share_bar(rng))
        elif f.byline_then == "related":
            target.append(related_block(related))
    if f.attachment and f.byline_then != "attachment":
        inside.append(attachment_block(ctx, story.key))
    if f.share_bar:
        (inside if f.share_bar == "inside" else after).append(share_bar(rng))
    if f.related and f.byline_then != "related":
        (inside if f.related == "inside" else after).append(related_block(related))
    return {"inside": "\n".join(inside), "after": "\n".join(after)}


class NinhBinh(Platform):
    """Ninh Bình district portals (the bundled yenmo sample's platform)."""

    name = "ninhbinh"
    family_spiders = ("ninhbinh",)
    default_pager = "rel-next"
    article_time = False

    def article_url(self, ctx, story, number):
        return f"{ctx.base}/tin-tuc-su-kien/{slug(story.title).lower()}-{4800 + number}.html"

    def listing_url(self, ctx, page):
        url = f"{ctx.base}/tin-tuc-su-kien.html"
        if page > 1 and ctx.features.listing_shape == "page-html":
            return f"{ctx.base}/tin-tuc-su-kien/page-{page}.html"
        return url if page == 1 else f"{url}?page={page}"

    def pager(self, ctx, page, pages, url):
        if ctx.features.pager != "platform":
            return super().pager(ctx, page, pages, url)
        items = []
        for number in range(1, pages + 1):
            target = ctx.href(self.listing_url(ctx, number), url)
            if number == page:
                items.append(f'<li class="active"><span>{number}</span></li>')
            else:
                rel = ' rel="next"' if number == page + 1 else ""
                items.append(f'<li><a href="{target}"{rel}>{number}</a></li>')
        return f'<ul class="pagination">{"".join(items)}</ul>'

    def listing(self, ctx, entries, page, pages, url):
        container = "list-items" if ctx.features.renamed else "itemContainer"
        items = "".join(
            f'<div class="item{f" item-{n}" if ctx.features.per_item_class else ""}">'
            f'<h2><a href="{href}">{esc(s.title)}</a></h2><p class="date">{dmy(s.date)}</p>'
            f"<p>{esc(s.paragraphs[0][:140])}…</p></div>"
            for s, href, n in entries
        )
        main = (
            '<h2 class="cat-title">Tin tức - Sự kiện</h2>'
            f'<div id="{container}">{nest(items, ctx.features.wrappers, ctx.rng)}</div>'
            + self.pager(ctx, page, pages, url)
        )
        return shell("Tin tức - Sự kiện", ctx.name, main, self.sidebar(ctx, url))

    def sidebar(self, ctx, url):
        widgets = '<div class="thongke">Thống kê truy cập Lượt truy cập: 88.120 Trực tuyến: 9</div>'
        if ctx.features.sidebar:
            widgets = sidebar_html(ctx, "Tin xem nhiều", ctx.site.sidebar_links, url) + widgets
        return widgets

    def article(self, ctx, story, url, related, number):
        f = ctx.features
        title_class, date_class, content_class = "art-title", "publish-date mb20", "art-cont"
        if f.renamed:
            title_class, date_class, content_class = "detail-title", "detail-meta", "detail-body"
        spans = []
        if f.date_in_article:
            spans.append(f"<span>{vn_weekday(story.date)}, {dmy(story.date)}</span>")
        if f.views:
            spans.append(view_counter(f.views if f.views != "label" else "suffix", story.views))
        if f.admin_account:
            spans.append("<span>Người đăng: admin</span>")
        content = decorate(ctx, story, url, related, platform_byline="right-style")
        article = (
            f'<div class="article"><h1 class="{title_class}">{esc(story.title)}</h1>'
            f'<div class="{date_class}">{" ".join(spans)}</div>'
            + (font_bar() if f.font_bar else "")
            + f'<div class="{content_class}">{content["inside"]}</div>{content["after"]}'
            '<ul class="rating"><li>Đánh giá cho bài viết</li><li>0 điểm ( 0 đánh giá )</li></ul>'
            "</div>"
        )
        head = f'<meta property="og:title" content="{esc(story.title)}">'
        return shell(
            story.title, ctx.name, nest(article, f.wrappers, ctx.rng), self.sidebar(ctx, url), head
        )


class HaiDuong(Platform):
    """Hải Dương commune portals (the bundled quangthanh sample's platform)."""

    name = "haiduong"
    family_spiders = ("haiduong",)
    default_pager = "numbers"

    def article_url(self, ctx, story, number):
        return (
            f"{ctx.base}/Trang/ChiTietTinTuc.aspx?nid={1300 + number}"
            f"&title={slug(story.title).lower()}.html"
        )

    def listing_url(self, ctx, page):
        url = f"{ctx.base}/Trang/TinTuc.aspx?cid=2"
        return url if page == 1 else f"{url}&p={page}"

    def pager_class(self, ctx):
        return "paging"

    def listing(self, ctx, entries, page, pages, url):
        table_class = "news-list" if ctx.features.renamed else "list-news"
        rows = "".join(
            f"<tr{row_class(ctx, n)}><td>"
            f'<a class="title" href="{href}">{esc(s.title)}</a> '
            f'<span class="date">({dmy(s.date)})</span><p>{esc(s.paragraphs[0][:120])}…</p>'
            "</td></tr>"
            for s, href, n in entries
        )
        main = (
            '<div class="category-name">CHÍNH TRỊ-KINH TẾ</div>'
            + nest(f'<table class="{table_class}">{rows}</table>', ctx.features.wrappers, ctx.rng)
            + self.pager(ctx, page, pages, url)
        )
        return shell("Chính trị - Kinh tế", ctx.name, main, self.sidebar(ctx, url))

    def sidebar(self, ctx, url):
        tthc = (
            '<div class="tthc"><h3>Kết quả giải quyết TTHC</h3><p>Đã giải quyết: 1.046</p>'
            "<p>Đúng hạn: 1.031</p><p>Quá hạn: 15</p><p>Cập nhật lúc 07:00 30/11/2026</p></div>"
        )
        if ctx.features.sidebar:
            return sidebar_html(ctx, "Tin mới nhất", ctx.site.sidebar_links, url) + tthc
        return tthc

    def article(self, ctx, story, url, related, number):
        f = ctx.features
        title_class, date_class, content_class = "news-title", "news-date", "news-content"
        if f.renamed:
            title_class, date_class, content_class = "tin-tieude", "tin-ngay", "tin-noidung"
        date = (
            f'<div class="{date_class}">{dmy(story.date)} {story.time}:00</div>'
            if f.date_in_article
            else ""
        )
        views = view_counter(f.views, story.views) if f.views else ""
        content = decorate(ctx, story, url, related, platform_byline="haiduong")
        article = (
            f'<div class="news-detail"><h2 class="{title_class}">{esc(story.title)}</h2>{date}'
            f"{views}"
            + (font_bar() if f.font_bar else "")
            + f'<div class="news-summary">{esc(story.title)}</div>'
            f'<div class="{content_class}">{content["inside"]}</div>{content["after"]}</div>'
        )
        return shell(
            story.title, ctx.name, nest(article, f.wrappers, ctx.rng), self.sidebar(ctx, url)
        )


class NukeViet(Platform):
    """NukeViet 4's news module (public templates: detail.tpl, viewcat_page.tpl)."""

    name = "nukeviet"
    family_spiders = ("nukeviet",)
    default_pager = "nukeviet"
    listing_time = True

    def article_url(self, ctx, story, number):
        return f"{ctx.base}/news/tin-tuc-su-kien/{slug(story.title).lower()}-{120 + number}.html"

    def listing_url(self, ctx, page):
        url = f"{ctx.base}/news/tin-tuc-su-kien"
        return url + "/" if page == 1 else f"{url}/page-{page}"

    def pager(self, ctx, page, pages, url):
        if ctx.features.pager not in ("platform", "nukeviet"):
            return super().pager(ctx, page, pages, url)
        items = []
        for number in range(1, pages + 1):
            target = ctx.href(self.listing_url(ctx, number), url)
            if number == page:
                items.append(f'<li class="active"><a href="#">{number}</a></li>')
            else:
                rel = "next" if number > page else "prev"
                items.append(f'<li><a rel="{rel}" href="{target}">{number}</a></li>')
        if page < pages:
            target = ctx.href(self.listing_url(ctx, page + 1), url)
            items.append(f'<li><a rel="next" href="{target}">&raquo;</a></li>')
        return f'<div class="text-center"><ul class="pagination">{"".join(items)}</ul></div>'

    def listing(self, ctx, entries, page, pages, url):
        items = "".join(
            f'<div class="news_column{f" news-{n}" if ctx.features.per_item_class else ""}">'
            f'<div class="panel panel-default"><div class="panel-body"><h3><a href="{href}" '
            f'title="{esc(s.title)}">{esc(s.title)}</a></h3><div class="text-muted"><ul '
            f'class="list-unstyled list-inline"><li><em class="fa fa-clock-o">&nbsp;</em> '
            f'{dmy(s.date)} {s.time}:00</li><li><em class="fa fa-eye">&nbsp;</em> Đã xem: '
            f"{s.views}</li></ul></div>{esc(s.paragraphs[0][:140])}…</div></div></div>"
            for s, href, n in entries
        )
        main = nest(items, ctx.features.wrappers, ctx.rng) + self.pager(ctx, page, pages, url)
        return shell("Tin tức - Sự kiện", ctx.name, main, self.sidebar(ctx, url))

    quiet_sidebar = '<div class="panel">Thống kê truy cập: Đang truy cập 12</div>'

    def article(self, ctx, story, url, related, number):
        f = ctx.features
        content = decorate(ctx, story, url, related, platform_byline="nukeviet")
        date = (
            f'<span class="h5">{vn_weekday(story.date)} - {dmy(story.date)} {story.time}</span>'
            if f.date_in_article
            else ""
        )
        views = view_counter(f.views, story.views) if f.views else ""
        tools = (
            '<ul class="list-inline text-right"><li><a class="dimgray" title="Giới thiệu bài viết '
            'cho bạn bè" href="javascript:void(0);"><em class="fa fa-envelope fa-lg">&nbsp;</em>'
            '</a></li><li><a class="dimgray" rel="nofollow" title="In ra" href="javascript: '
            'void(0)"><em class="fa fa-print fa-lg">&nbsp;</em></a></li></ul>'
        )
        title_class = "detail-title" if f.renamed else "title margin-bottom-lg"
        article = (
            f'<div class="news_column panel panel-default" itemscope '
            f'itemtype="http://schema.org/NewsArticle"><div class="panel-body">'
            f'<h1 class="{title_class}" itemprop="headline">{esc(story.title)}</h1>'
            f'<div class="row margin-bottom-lg"><div class="col-md-12">{date} {views}</div>'
            f'<div class="col-md-12">{tools}</div></div>'
            + (font_bar() if f.font_bar else "")
            + f'<div id="news-bodyhtml" class="bodytext margin-bottom-lg">{content["inside"]}</div>'
            f"{content['after']}</div></div>"
            '<div class="news_column panel panel-default"><div class="panel-body"><div class="h5">'
            '<em class="fa fa-tags">&nbsp;</em><strong>Từ khóa: </strong><a href="/news/tag/xa">'
            "<em>xã</em></a></div></div></div>"
        )
        return shell(
            story.title, ctx.name, nest(article, f.wrappers, ctx.rng), self.sidebar(ctx, url)
        )


class WordPress(Platform):
    """WordPress commune sites: post_class() items (post-<ID>), /page/N/ pagers."""

    name = "wordpress"
    family_spiders = ()
    default_pager = "wordpress"
    listing_time = "attribute"

    def article_url(self, ctx, story, number):
        y, m, d = story.date.split("-")
        return f"{ctx.base}/{y}/{m}/{d}/{slug(story.title).lower()}/"

    def listing_url(self, ctx, page):
        url = f"{ctx.base}/category/tin-tuc/"
        return url if page == 1 else f"{url}page/{page}/"

    def pager(self, ctx, page, pages, url):
        if ctx.features.pager != "platform":
            return super().pager(ctx, page, pages, url)
        items = []
        for number in range(1, pages + 1):
            target = ctx.href(self.listing_url(ctx, number), url)
            if number == page:
                items.append(
                    f'<span aria-current="page" class="page-numbers current">{number}</span>'
                )
            else:
                items.append(f'<a class="page-numbers" href="{target}">{number}</a>')
        if page < pages:
            target = ctx.href(self.listing_url(ctx, page + 1), url)
            items.append(f'<a class="next page-numbers" href="{target}">Trang sau »</a>')
        return (
            '<nav class="navigation pagination" aria-label="Phân trang bài viết">'
            f'<div class="nav-links">{"".join(items)}</div></nav>'
        )

    def listing(self, ctx, entries, page, pages, url):
        items = "".join(
            f'<article id="post-{2000 + n}" class="post-{2000 + n} post type-post status-publish '
            f'format-standard hentry category-tin-tuc"><header class="entry-header">'
            f'<h2 class="entry-title"><a href="{href}" rel="bookmark">{esc(s.title)}</a></h2>'
            f'<div class="entry-meta"><span class="posted-on"><time class="entry-date published" '
            f'datetime="{s.date}T{s.time}:00+07:00">{dmy(s.date)}</time></span></div></header>'
            f'<div class="entry-summary"><p>{esc(s.paragraphs[0][:150])}…</p></div></article>'
            for s, href, n in entries
        )
        main = (
            '<header class="page-header"><h1 class="page-title">Chuyên mục: Tin tức</h1></header>'
            + nest(items, ctx.features.wrappers, ctx.rng)
            + self.pager(ctx, page, pages, url)
        )
        return shell("Tin tức", ctx.name, main, self.sidebar(ctx, url))

    def sidebar(self, ctx, url):
        recent = sidebar_html(ctx, "Bài viết mới", ctx.site.sidebar_links[:3], url)
        if ctx.features.sidebar:
            return sidebar_html(ctx, "Tin mới nhất", ctx.site.sidebar_links, url)
        return recent

    def article(self, ctx, story, url, related, number):
        f = ctx.features
        content = decorate(ctx, story, url, related, platform_byline="right-style")
        meta = []
        if f.date_in_article:
            meta.append(
                f'<span class="posted-on"><time class="entry-date published" '
                f'datetime="{story.date}T{story.time}:00+07:00">{dmy(story.date)}</time></span>'
            )
        if f.admin_account:
            meta.append(
                '<span class="byline">Đăng bởi <span class="author vcard"><a class="url fn n" '
                'href="/author/admin/">admin</a></span></span>'
            )
        if f.views:
            meta.append(view_counter(f.views, story.views))
        number = 2000 + number
        article = (
            f'<article id="post-{number}" class="post-{number} post type-post status-publish '
            f'format-standard hentry category-tin-tuc"><header class="entry-header">'
            f'<h1 class="entry-title">{esc(story.title)}</h1><div class="entry-meta">'
            f"{' '.join(meta)}</div></header>"
            + (font_bar() if f.font_bar else "")
            + f'<div class="entry-content">{content["inside"]}</div>{content["after"]}</article>'
        )
        head = (
            f'<meta property="article:published_time" content="{story.date}T{story.time}:00+07:00">'
            if f.date_in_article
            else ""
        )
        return shell(
            story.title, ctx.name, nest(article, f.wrappers, ctx.rng), self.sidebar(ctx, url), head
        )


class AspNetList(Platform):
    """ASP.NET WebForms news lists: a GridView whose pager posts the form back
    (``javascript:__doPostBack('ctl00$…','Page$2')``)."""

    name = "aspnet"
    family_spiders = ()
    default_pager = "postback"
    target = "ctl00$ContentPlaceHolder1$gvTinTuc"

    def article_url(self, ctx, story, number):
        return f"{ctx.base}/TinTuc/ChiTiet.aspx?ItemID={560 + number}"

    def listing_url(self, ctx, page):
        # page 1 has its own URL; later pages exist only as answers to a POST of that URL
        url = f"{ctx.base}/TinTuc/DanhSach.aspx"
        return url if page == 1 else f"{url}#postback-Page${page}"

    def listing(self, ctx, entries, page, pages, url):
        rows = "".join(
            f'<tr class="{"row" if i % 2 else "alt-row"}"><td><a id="ctl00_ContentPlaceHolder1_gv'
            f'TinTuc_ctl0{i + 2}_hlTieuDe" href="{href}">{esc(s.title)}</a>'
            f'<span class="ngay">({dmy(s.date)})</span></td></tr>'
            for i, (s, href, n) in enumerate(entries)
        )
        pager = []
        for number in range(1, pages + 1):
            if number == page:
                pager.append(f"<td><span>{number}</span></td>")
            else:
                pager.append(
                    f"<td><a href=\"javascript:__doPostBack('{self.target}','Page${number}')\">"
                    f"{number}</a></td>"
                )
        grid = (
            f'<table class="grid" cellspacing="0" rules="all" border="1" id="ctl00_ContentPlaceHol'
            f'der1_gvTinTuc" style="width:100%;border-collapse:collapse;">{rows}'
            f'<tr class="pager"><td><table><tr>{"".join(pager)}</tr></table></td></tr></table>'
        )
        state = viewstate(f"{ctx.site.host}/{page}")
        form = (
            '<form method="post" action="./DanhSach.aspx" id="aspnetForm">'
            '<div class="aspNetHidden">'
            '<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="">'
            '<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="">'
            f'<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{state}">'
            '<input type="hidden" name="__VIEWSTATEGENERATOR" value="9A1C4B7E">'
            f'<input type="hidden" name="__EVENTVALIDATION" value="{viewstate(state)[:40]}">'
            "</div>"
            "<script>function __doPostBack(t, a) { var f = document.forms['aspnetForm'];"
            " f.__EVENTTARGET.value = t; f.__EVENTARGUMENT.value = a; f.submit(); }</script>"
            '<div class="search"><input name="ctl00$txtTuKhoa" type="text" value="">'
            '<input type="submit" name="ctl00$btnTimKiem" value="Tìm kiếm"></div>'
            f'<h2 class="tieude-chuyenmuc">Tin hoạt động</h2>{nest(grid, ctx.features.wrappers, ctx.rng)}'
            "</form>"
        )
        return shell("Tin hoạt động", ctx.name, form, self.sidebar(ctx, url))

    def sidebar(self, ctx, url):
        if ctx.features.sidebar:
            return sidebar_html(ctx, "Tin mới nhất", ctx.site.sidebar_links, url)
        return '<div class="lienket">Liên kết website</div>'

    def article(self, ctx, story, url, related, number):
        f = ctx.features
        content = decorate(ctx, story, url, related, platform_byline="text-right")
        shown = f"Ngày đăng: {dmy(story.date)} {story.time}"
        if f.theme == "ampm":  # as huyendienbien.gov.vn prints it
            h, m = (int(x) for x in story.time.split(":"))
            clock = f"{h % 12 or 12:02d}:{m:02d}:00 {'AM' if h < 12 else 'PM'}"
            shown = f"Thời gian đăng: {dmy(story.date)} {clock}"
        date = (
            f'<span id="ctl00_ContentPlaceHolder1_lblNgayDang" class="ngaydang">{shown}</span>'
            if f.date_in_article
            else ""
        )
        views = view_counter(f.views, story.views) if f.views else ""
        article = (
            f'<div class="chitiet"><h1 id="ctl00_ContentPlaceHolder1_lblTieuDe" class="tieude">'
            f'{esc(story.title)}</h1><div class="thongtin">{date} {views}</div>'
            + (font_bar() if f.font_bar else "")
            + f'<div id="ctl00_ContentPlaceHolder1_divNoiDung" class="noidung">{content["inside"]}'
            f"</div>{content['after']}</div>"
        )
        return shell(
            story.title, ctx.name, nest(article, f.wrappers, ctx.rng), self.sidebar(ctx, url)
        )


PLATFORMS: dict[str, Platform] = {
    p.name: p for p in (TanDan(), NinhBinh(), HaiDuong(), NukeViet(), WordPress(), AspNetList())
}
