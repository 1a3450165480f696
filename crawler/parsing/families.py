"""The portal platforms we have selectors for. A new platform is one class here."""

from __future__ import annotations

import re

from crawler.parsing.base import PortalMarkup


class TanDanSharePoint(PortalMarkup):
    """Hưng Yên's Tân Dân SharePoint portals (kimdong.hungyen.gov.vn and its siblings)."""

    family = "hungyen"
    article_url = re.compile(r"/Pages/\d{4}-\d{1,2}-\d{1,2}/[^/?#]+\.aspx$", re.IGNORECASE)
    listing_links = (
        "label.channel-news-title > a",
        ".channel-news-title a",
        ".channel-news-item a",
    )
    listing_category = ("p.tandan-p-channel-title", ".tandan-p-channel-title")
    pager = (".tandan-pager", ".pager", ".paging", ".pagination")
    title = (
        "p.tandan-p-article-news-title",
        ".tandan-p-article-news-title",
        ".tandan-div-article-news h1",
        ".tandan-div-article-news h2",
    )
    published = (".tandan-span-date-publish", ".tandan-div-date-view")
    view_count = (".tandan-view-count",)
    body = (
        ".tandan-div-article-news .ms-rtestate-field",
        ".tandan-p-article-main",
        ".ms-rtestate-field",
    )
    category = (".tandan-p-article-category", ".breadcrumb li:last-child")
    body_noise = (".tandan-font-size", ".tandan-view-count", ".tandan-comment")


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


FAMILIES: dict[str, PortalMarkup] = {
    markup.family: markup() for markup in (TanDanSharePoint, NinhBinhDistrict, HaiDuongCommune)
}
