"""The zoo's catalogue: which portal of which platform shows which perturbations, and the
gold a perfect crawl of it stores. ``build_zoo()`` renders every page (deterministic: each
variant's randomness is seeded by its name)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .platforms import PLATFORMS, Context, Features, Page, Site, dmy, viewstate
from .texts import HELDOUT_STORIES, SIDEBAR_TITLES, STORIES, Story

STORY = {s.key: s for s in STORIES + HELDOUT_STORIES}


@dataclass(frozen=True)
class Variant:
    name: str
    platform: str
    host: str
    site_name: str
    features: Features
    what: str  # one line: what the variant tests

    @property
    def family_spiders(self) -> tuple[str, ...]:
        return platform_named(self.platform).family_spiders


def platform_named(name: str):
    """A platform of the zoo, or of its held-out part (tests/zoo/heldout.py)."""
    if name in PLATFORMS:
        return PLATFORMS[name]
    from .heldout import HELDOUT_PLATFORMS

    return HELDOUT_PLATFORMS[name]


def F(**kwargs) -> Features:  # noqa: N802 (reads like a constructor in the table below)
    return Features(**kwargs)


VARIANTS: tuple[Variant, ...] = (
    # --- Tân Dân SharePoint ----------------------------------------------------------
    Variant(
        "tandan-2016-hungyen",
        "tandan",
        "tienlu.hungyen.gov.vn",
        "Cổng thông tin điện tử huyện Tiên Lữ",
        F(
            theme="2016",
            font_bar=True,
            share_bar="inside",
            stories=("hoi-nong-dan", "tiem-chung", "thuy-loi", "giao-quan"),
        ),
        "2016 theme as the bundled sample, plus a share bar inside the text and a title holding dates",
    ),
    Variant(
        "tandan-2020-dienbien",
        "tandan",
        "tuangiao.dienbien.gov.vn",
        "Cổng thông tin điện tử huyện Tuần Giáo",
        F(
            theme="2020",
            sidebar=True,
            related="after",
            attachment=True,
            views="eye",
            stories=("nong-thon-moi", "chuyen-doi-so", "giao-quan", "mot-cua"),
        ),
        "2020 theme (tandan-title-view…, title-news/date-news), longer dated sidebar, attachment, 👁 counter",
    ),
    Variant(
        "tandan-2020-thanhhoa-redesign",
        "tandan",
        "hoanghoa.thanhhoa.gov.vn",
        "Cổng thông tin điện tử huyện Hoằng Hóa",
        F(
            theme="2020",
            renamed=True,
            wrappers=2,
            date_in_article=False,
            pager="raquo",
            byline="tin-anh",
            byline_then="attachment",
            views=None,
            stories=("phong-chay", "thu-ngan-sach", "tiem-chung", "hoi-nong-dan"),
        ),
        "renamed classes, extra wrappers, date only on the listing, '»' pager, 'Tin, ảnh:' then a file",
    ),
    Variant(
        "tandan-2016-https-sidebar",
        "tandan",
        "vanlam.hungyen.gov.vn",
        "Cổng thông tin điện tử huyện Văn Lâm",
        F(
            theme="2016",
            links="https",
            sidebar=True,
            byline="tac-gia-after",
            byline_then="share",
            views=None,
            stories=("thu-ngan-sach", "tiem-chung", "nong-thon-moi", "chuyen-doi-so"),
        ),
        "https links, a dated 'Tin mới nhất' sidebar longer than the list, 'Tác giả:' then share bar",
    ),
    Variant(
        "tandan-2020-hatinh-commune",
        "tandan",
        "xathachha.hatinh.gov.vn",
        "Trang thông tin điện tử xã Thạch Hà",
        F(
            theme="2020-lower",
            per_item_class=True,
            byline="text-right",
            byline_then="related",
            attachment=True,
            font_bar=True,
            links="root",
            stories=("mot-cua", "tiem-chung", "thuy-loi", "giao-quan"),
        ),
        "commune site: /portal/pages/ in lower case, per-item classes, class text-right byline then 'Tin liên quan'",
    ),
    # --- Ninh Bình ---------------------------------------------------------------------
    Variant(
        "ninhbinh-share-after-byline",
        "ninhbinh",
        "hoalu.ninhbinh.gov.vn",
        "Trang thông tin điện tử huyện Hoa Lư",
        F(
            wrappers=1,
            byline="align",
            byline_then="share",
            views="suffix",
            font_bar=True,
            stories=("nong-thon-moi", "hoi-nong-dan", "chuyen-doi-so", "phong-chay"),
        ),
        "align=right byline then a share bar, font-size bar, wrapper, list pages at page-N.html",
    ),
    Variant(
        "ninhbinh-redesign",
        "ninhbinh",
        "giavien.ninhbinh.gov.vn",
        "Trang thông tin điện tử huyện Gia Viễn",
        F(
            renamed=True,
            related="inside",
            views=None,
            pager="trang-sau",
            links="dotdot",
            byline="text-right",
            admin_account=True,
            sidebar=True,
            stories=("thuy-loi", "giao-quan", "phong-chay", "thu-ngan-sach"),
        ),
        "renamed classes, 'Tin liên quan' inside the text, 'Trang sau', ../ links, text-right byline, "
        "'Người đăng: admin', a longer 'Tin xem nhiều' sidebar",
    ),
    # --- Hải Dương ---------------------------------------------------------------------
    Variant(
        "haiduong-table-attachment",
        "haiduong",
        "anluong.thanhha.haiduong.gov.vn",
        "Trang thông tin điện tử xã An Lương",
        F(
            attachment=True,
            links="relative",
            stories=("mot-cua", "thu-ngan-sach", "tiem-chung", "nong-thon-moi"),
        ),
        "article tables ('Số hồ sơ tiếp nhận', 'Quá hạn'), attachment line, relative links",
    ),
    Variant(
        "haiduong-redesign",
        "haiduong",
        "lekhe.thanhha.haiduong.gov.vn",
        "Trang thông tin điện tử xã Lê Khê",
        F(
            renamed=True,
            date_in_article=False,
            byline="tac-gia-after",
            byline_then="related",
            pager="xem-tiep",
            sidebar=True,
            stories=("hoi-nong-dan", "chuyen-doi-so", "phong-chay", "thuy-loi"),
        ),
        "renamed classes, date only on the listing, 'Tác giả:' after the text then 'Tin liên quan', 'Xem tiếp'",
    ),
    # --- NukeViet ----------------------------------------------------------------------
    Variant(
        "nukeviet-news",
        "nukeviet",
        "thcs-yenlac.vinhphuc.edu.vn",
        "Trường THCS Yên Lạc",
        F(
            views="dathem",
            attachment=True,
            stories=("tiem-chung", "nong-thon-moi", "giao-quan", "mot-cua"),
        ),
        "NukeViet 4 news module as its templates render it: /page-N pager, 'Đã xem', 'Tác giả:'",
    ),
    Variant(
        "nukeviet-sidebar",
        "nukeviet",
        "xadonghung.thaibinh.gov.vn",
        "Cổng thông tin điện tử xã Đông Hưng",
        F(
            sidebar=True,
            per_item_class=True,
            links="protocol",
            share_bar="after",
            byline="nguon-tin",
            stories=("thu-ngan-sach", "thuy-loi", "hoi-nong-dan", "chuyen-doi-so"),
        ),
        "longer 'Tin mới nhất' sidebar, per-item classes, //host links, 'Nguồn tin:', share bar",
    ),
    # --- WordPress-like commune sites --------------------------------------------------
    Variant(
        "wordpress-commune",
        "wordpress",
        "xatanphu.example.vn",
        "Trang thông tin xã Tân Phú",
        F(
            admin_account=True,
            byline="text-right",
            views="eye",
            per_page=3,
            stories=("hoi-nong-dan", "mot-cua", "nong-thon-moi", "tiem-chung", "chuyen-doi-so"),
        ),
        "post-<ID> item classes, /page/N/ pager, 'Đăng bởi admin', 👁 counter, 5 articles",
    ),
    Variant(
        "wordpress-listing-dates",
        "wordpress",
        "xaphuclong.example.vn",
        "Trang thông tin xã Phúc Long",
        F(
            date_in_article=False,
            links="root",
            related="after",
            byline="tin-anh",
            byline_then="share",
            stories=("giao-quan", "thuy-loi", "phong-chay", "hoi-nong-dan"),
        ),
        "date only on the listing, root-relative links, 'Tin, ảnh:' then share bar, 'Tin liên quan'",
    ),
    # --- ASP.NET WebForms lists ----------------------------------------------------------
    Variant(
        "aspnet-postback",
        "aspnet",
        "xaquangminh.example.gov.vn",
        "Cổng thông tin điện tử xã Quang Minh",
        F(
            byline_then="share",
            stories=("nong-thon-moi", "phong-chay", "chuyen-doi-so", "tiem-chung"),
        ),
        "GridView pager __doPostBack('ctl00$…','Page$2') with __VIEWSTATE and a search button in the form",
    ),
    Variant(
        "aspnet-sidebar-table",
        "aspnet",
        "xathanhson.example.gov.vn",
        "Cổng thông tin điện tử xã Thanh Sơn",
        F(
            theme="ampm",
            sidebar=True,
            byline="tin-anh",
            views="eye",
            font_bar=True,
            stories=("mot-cua", "hoi-nong-dan", "thu-ngan-sach", "giao-quan"),
        ),
        "postback pager, longer dated sidebar, TTHC-like table, 👁 counter, '10:02:18 AM' dates",
    ),
)


def sidebar_stories() -> list[Story]:
    return [
        Story(
            key=f"khac-{index}",
            title=title,
            published=f"2026-11-{27 - index:02d} 0{7 + index % 3}:00",
            views=40 + index,
            author=None,
            paragraphs=(f"{title}: bài viết khác của trang, chỉ dùng cho khối tin bên lề.",),
        )
        for index, title in enumerate(SIDEBAR_TITLES)
    ]


@dataclass
class Zoo:
    variants: tuple[Variant, ...]
    sites: dict[str, Site] = field(default_factory=dict)  # by host


def build_site(variant: Variant) -> Site:
    platform = platform_named(variant.platform)
    f = variant.features
    scheme = "https" if f.links == "https" else "http"
    rng = random.Random(variant.name)
    site = Site(host=variant.host, listing="")
    ctx = Context(site, variant.site_name, f, rng, f"{scheme}://{variant.host}", variant.platform)
    stories = [STORY[key] for key in f.stories]
    others = sidebar_stories()
    article_urls = {s.key: platform.article_url(ctx, s, n) for n, s in enumerate(stories, 1)}
    other_urls = {s.key: platform.article_url(ctx, s, 50 + n) for n, s in enumerate(others)}
    site.sidebar_links = [(other_urls[s.key], s.title, dmy(s.date)) for s in others]
    related = [(other_urls[s.key], s.title, dmy(s.date)) for s in others[2:5]]
    # article pages
    for number, story in enumerate(stories, 1):
        url = article_urls[story.key]
        links = [(ctx.href(u, url), t, d) for u, t, d in related]
        site.add(Page(url, platform.article(ctx, story, url, links, number)))
        site.articles.append(gold(variant, platform, story, url))
    for number, story in enumerate(others):
        plain = Context(
            site,
            variant.site_name,
            Features(theme=f.theme, renamed=f.renamed, views=None, byline=None, stories=()),
            rng,
            ctx.base,
            variant.platform,
        )
        url = other_urls[story.key]
        site.add(Page(url, platform.article(plain, story, url, [], 50 + number)))
    # listing pages
    pages = -(-len(stories) // f.per_page)
    for page in range(1, pages + 1):
        url = platform.listing_url(ctx, page)
        chunk = stories[(page - 1) * f.per_page : page * f.per_page]
        entries = [
            (s, ctx.href(article_urls[s.key], url), (page - 1) * f.per_page + i + 1)
            for i, s in enumerate(chunk)
        ]
        site.add(Page(url, platform.listing(ctx, entries, page, pages, url)))
    site.listing = platform.listing_url(ctx, 1)
    if variant.platform == "aspnet":
        wire_postbacks(site, platform, ctx, pages)
    return site


def wire_postbacks(site: Site, platform, ctx: Context, pages: int) -> None:
    """Later pages of a postback list answer a POST of the first page's URL."""
    keys = {f"Page${n}": platform.listing_url(ctx, n) for n in range(1, pages + 1)}
    for n in range(1, pages + 1):
        page = site.pages[keys[f"Page${n}"]]
        page.postback = (platform.target, viewstate(f"{site.host}/{n}"), keys)


def gold(variant: Variant, platform, story: Story, url: str) -> dict:
    f = variant.features
    signed = bool(story.author and f.byline)
    return {
        "variant": variant.name,
        "url": url,
        "title": story.title,
        "date": story.date,
        "time": story.time if platform.time_shown(f) else None,
        # a time shown only in an attribute may be read or not: midnight is accepted too
        "time_optional": platform.time_shown(f) == "attribute",
        "author": story.author if signed else None,
        "views": story.views if f.views else None,
        "body": story.body_lines(),
    }


PAGERS = ("platform", "numbers", "rel-next", "raquo", "trang-sau", "xem-tiep")
THEMES = {"tandan": ("2016", "2020", "2020-lower")}


def random_variants(count: int, seed: int, platforms=None) -> tuple[Variant, ...]:
    """``count`` variants drawing every perturbation at random (seeded): combinations nobody
    chose by hand, for checking a fix on portals it was not tuned on. ``platforms``: the
    names to draw from (default: the zoo's own platforms)."""
    rng = random.Random(seed)
    variants = []
    for index in range(count):
        platform = rng.choice(sorted(platforms or PLATFORMS))
        byline = rng.choice(
            ("platform", "right-style", "align", "text-right", "tin-anh", "tac-gia-after",
             "nguon-tin", None)
        )  # fmt: skip
        features = Features(
            theme=rng.choice(THEMES.get(platform, ("default",))),
            wrappers=rng.randint(0, 3),
            renamed=rng.random() < 0.4,
            share_bar=rng.choice((None, "inside", "after")),
            font_bar=rng.random() < 0.3,
            attachment=rng.random() < 0.4,
            related=rng.choice((None, "inside", "after")),
            views=rng.choice(("label", "eye", "suffix", "dathem", None)),
            byline=byline,
            byline_then=rng.choice((None, "attachment", "share", "related")) if byline else None,
            admin_account=rng.random() < 0.3,
            date_in_article=rng.random() < 0.7,
            pager="platform" if platform == "aspnet" else rng.choice(PAGERS),
            sidebar=rng.random() < 0.5,
            per_item_class=rng.random() < 0.4,
            links=rng.choice(("absolute", "root", "relative", "dotdot", "protocol", "https")),
            stories=tuple(rng.sample([s.key for s in STORIES], 4)),
        )
        name = f"random-{seed}-{index}"
        host = f"xa{seed}n{index}.{platform}.example.vn"
        variants.append(Variant(name, platform, host, f"Trang thông tin xã Ngẫu Nhiên {index}",
                                features, f"random draw {index} of seed {seed}"))  # fmt: skip
    return tuple(variants)


def build_zoo(names: list[str] | None = None, extra: tuple[Variant, ...] = ()) -> Zoo:
    chosen = tuple(v for v in VARIANTS if not names or v.name in names) + extra
    zoo = Zoo(chosen)
    for variant in chosen:
        zoo.sites[variant.host] = build_site(variant)
    return zoo
