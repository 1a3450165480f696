"""The portal platforms we have selectors for. A new platform is one class here."""

from __future__ import annotations

import re

from crawler.parsing.base import PortalMarkup


class TanDanSharePoint(PortalMarkup):
    """Tân Dân's SharePoint portal platform (Hưng Yên, Điện Biên, Thanh Hóa… provinces and
    their districts), in its versions:

    - the classic theme: titles ``p.tandan-p-article-news-title``, dates
      ``.tandan-span-date-publish`` ("Đăng ngày 18 - 06 - 2020"), bodies ``.ms-rtestate-field``
      in ``.tandan-p-article-main``, listings ``label.channel-news-title > a``;
    - the newer theme: ``.tandan-title-view``, ``.tandan-date-view``, ``.tandan-content-view``,
      a summary ``.tandan-p-article-news-summary`` / ``.summary-news``, listings
      ``.title-news`` with ``.date-news``, other pager containers;
    - plain content containers of other builds (``#div_content``, ``.content-detail``).

    Share bars (``.social-share``), tags (``.td-tags``) and "other articles"
    (``.tandan-div-article-other``) sit inside the article and are removed.
    """

    family = "tandan"
    aliases = ("hungyen",)
    article_url = re.compile(r"/Pages/\d{4}-\d{1,2}-\d{1,2}/[^/?#]+\.aspx$", re.IGNORECASE)
    listing_links = (
        "label.channel-news-title > a",
        ".channel-news-title a",
        ".channel-news-item a",
        "a.title-news, .title-news a",
    )
    listing_category = (
        "p.tandan-p-channel-title",
        ".tandan-p-channel-title",
        ".tandan-channel-title",
        ".title-channel",
    )
    pager = (
        ".tandan-pager",
        ".tandan-paging",
        ".paging-news",
        ".pager",
        ".paging",
        ".pagination",
    )
    title = (
        "p.tandan-p-article-news-title",
        ".tandan-p-article-news-title",
        ".tandan-title-view",
        ".tandan-div-article-news h1",
        ".tandan-div-article-news h2",
    )
    published = (
        ".tandan-span-date-publish",
        ".tandan-div-date-view",
        ".tandan-date-view",
    )
    view_count = (".tandan-view-count", ".tandan-count-view")
    body = (
        ".tandan-div-article-news .ms-rtestate-field",
        ".tandan-p-article-main",
        ".tandan-content-view",
        ".ms-rtestate-field",
        "#div_content",
        ".content-detail",
    )
    lead = (".tandan-p-article-news-summary", ".tandan-summary-view", ".summary-news")
    category = (".tandan-p-article-category", ".breadcrumb li:last-child")
    body_noise = (
        ".tandan-font-size",
        ".tandan-view-count",
        ".tandan-count-view",
        ".tandan-comment",
        ".tandan-div-article-other",
        ".social-share",
        ".td-tags",
    )


class NinhBinhDistrict(PortalMarkup):
    """Ninh Bình district portals (kimson.ninhbinh.gov.vn, yenmo.ninhbinh.gov.vn)."""

    family = "ninhbinh"
    article_url = re.compile(r"/[\w-]+/[\w-]+-\d+\.html$")
    listing_links = (
        "#itemContainer h2 > a",
        "#itemContainer h3 > a",
        "#itemContainer .item a[href$='.html']",
        ".UIListNews_Default h2 > a",
        ".UIListNews_Default a[href$='.html']",
    )
    listing_category = ("h2.cat-title", ".cat-title")
    pager = ("ul.pagination", ".pagination", ".paging")
    title = ("h1.art-title", ".art-title", ".article h1")
    published = (".publish-date.mb20 > span:first-child", ".publish-date", ".art-date")
    view_count = (".publish-date .views", ".publish-date")
    body = (".art-cont", ".article .content")
    category = (".breadcrumb li:last-child",)
    body_noise = ("ul.rating", ".rating", ".art-tools")


class HaiDuongCommune(PortalMarkup):
    """Hải Dương commune portals (quangthanh.kinhmon.haiduong.gov.vn and its siblings)."""

    family = "haiduong"
    article_url = re.compile(r"ChiTietTinTuc\.aspx\?(?:.*&)?nid=\d+", re.IGNORECASE)
    listing_links = ("table.list-news a.title", ".list-news a.title", ".news-item a.title")
    listing_category = (".category-name",)
    pager = (".paging", ".pager", ".pagination")
    title = ("h2.news-title", ".news-title", ".news-detail h1", ".news-detail h2")
    published = (".news-date",)
    body = (".news-content", ".news-detail .content")
    lead = (".news-summary",)
    author = ("p.author", ".news-author", ".author")
    category = (".category-name",)


class NukeVietNews(PortalMarkup):
    """The news module of NukeViet, the open-source CMS of many commune, school and agency
    portals (themes derived from its ``default`` theme).

    Listings (``/news/<category>/``, then ``/news/<category>/page-2``; without URL rewriting
    ``index.php?nv=news&op=<category>/page-2``) show ``.news_column`` panels whose ``h2``/
    ``h3`` hold the link, a ``.text-muted`` line with the time and "Đã xem: N"; pager
    ``ul.pagination`` (``li.active``, ``rel=next``, "»"). Articles
    (``/news/<category>/<alias>-<id>.html``): ``h1.title`` (``itemprop=headline``), the time
    in ``span.h5`` ("Thứ hai - 15/01/2024 08:30"; ``em.time`` in the mobile theme) and a
    hidden ``itemprop=datePublished``, a lead ``.hometext`` (``#hometext`` on mobile), the
    text ``#news-bodyhtml.bodytext``, then "File đính kèm",
    ``p.h5.text-right`` lines "Tác giả: …" / "Nguồn tin: …", tags, rating, share buttons and
    "Những tin mới hơn" / "Những tin cũ hơn" lists.
    """

    family = "nukeviet"
    article_url = re.compile(r"/[\w%.-]+-\d+\.html?$|[?&]op=[\w%/-]+-\d+(?:&|$)", re.IGNORECASE)
    listing_links = (
        ".news_column .panel-body h2 > a",
        ".news_column .panel-body h3 > a",
        ".news_column h2 a",
        ".news_column h3 a",
        ".news_column .list-group a",
        ".news_column h4 a",
    )
    listing_category = (
        ".news_column .alert h1",
        ".news_column .alert h3",
        ".breadcrumbs li:last-child",
    )
    pager = ("ul.pagination", ".pagination", ".generate_page")
    title = (
        ".news_column h1.title",
        "h1[itemprop=headline]",
        ".detail_title h1",
        ".news_column h1",
        "h1.title",
    )
    published = (
        ".news_column .row span.h5",
        ".news_column span.h5",
        ".news_column em.time",
        ".news-date",
        ".publtime",
    )
    view_count = (".news_column .hitstotal", ".hitstotal", ".news_column .text-muted")
    body = ("#news-bodyhtml", ".bodytext", ".news_column .bodytext")
    lead = (".news_column .hometext", ".hometext", "#hometext [itemprop=description]")
    category = (".breadcrumbs li:last-child", ".breadcrumb li:last-child")
    body_noise = (".news-download-file", ".other-news", ".detail-related", ".fb-like")


FAMILIES: dict[str, PortalMarkup] = {}
for _markup in (TanDanSharePoint(), NinhBinhDistrict(), HaiDuongCommune(), NukeVietNews()):
    for _name in (_markup.family, *_markup.aliases):
        FAMILIES[_name] = _markup
