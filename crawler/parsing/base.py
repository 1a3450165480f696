"""Parsing of listing and article pages for one portal platform ("family").

A family is described by class attributes: CSS selectors tried in order of preference, from
the markup that family's portals share to looser fallbacks. The logic that turns those
anchors into fields, and the fallbacks used when a live portal differs from the samples
(extra wrappers, missing fields, other pagers), lives here once for every family.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml.html import HtmlElement

from crawler.dates import ParsedDate, find_dates, parse_iso_date, parse_vn_date
from crawler.parsing.html import (
    deep_nesting_problem,
    first_text,
    meta_content,
    paragraphs_of,
    parse_html,
    select,
    style_of,
    text_of,
)


@dataclass(frozen=True)
class ListingEntry:
    """An article as a listing page announces it."""

    url: str
    title: str
    published: ParsedDate | None = None


@dataclass(frozen=True)
class Listing:
    """One listing page: its articles, the next page if any, and the category it shows."""

    entries: list[ListingEntry]
    next_url: str | None
    category: str = ""


@dataclass
class ParsedArticle:
    """Fields of one article page; ``problems`` says what could not be found and why."""

    url: str
    title: str = ""
    published: ParsedDate | None = None
    author: str | None = None
    view_count: int | None = None
    category: str = ""
    paragraphs: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


NEXT_WORDS = {"»", "›", ">", ">>", "sau", "tiếp", "trang sau", "tiếp theo", "next"}
_CURRENT_CLASSES = {"current", "currentpage", "active", "selected", "curpage", "cur"}
# "Lượt xem: 24" is read before "271 lượt xem", whose number must stand alone (not the end
# of "2020-2025" in a title that happens to precede the counter).
_VIEW_COUNT_LABELLED = re.compile(r"lượt\s+(?:xem|đọc)\s*:?\s*(\d[\d.,]*)", re.IGNORECASE)
_VIEW_COUNT_TRAILING = re.compile(
    r"(?<![\w/–-])(\d{1,3}(?:[.,]\d{3})+|\d+)\s*lượt\s+(?:xem|đọc)", re.IGNORECASE
)
DATE_LABEL = re.compile(
    r"(?:đăng\s+ngày|ngày\s+đăng|ngày\s+xuất\s+bản|ngày\s+cập\s+nhật|cập\s+nhật\s+ngày|"
    r"thời\s+gian\s+đăng|ngày\s+ban\s+hành)\s*:?",
    re.IGNORECASE,
)
AUTHOR_PREFIX = re.compile(
    r"^(?:tác\s+giả|người\s+viết|bài(?:\s+và\s+ảnh)?|tin(?:\s*,?\s*ảnh)?|ảnh|phóng\s+viên)"
    r"\s*:\s*",
    re.IGNORECASE,
)
_AUTHOR_MAX_WORDS = 8


def count_from(text: str) -> int | None:
    """An integer written with thousands separators ("1.234", "12,943"), or None."""
    digits = re.sub(r"[.,\s]", "", text or "")
    return int(digits) if digits.isdigit() else None


def view_count_in(text: str) -> int | None:
    """The number of a "Lượt xem: 24" / "271 lượt xem" counter in ``text``."""
    match = _VIEW_COUNT_LABELLED.search(text or "") or _VIEW_COUNT_TRAILING.search(text or "")
    return count_from(match[1]) if match else None


def same_site(url: str, page_url: str) -> bool:
    def host(value: str) -> str:
        name = (urlsplit(value).hostname or "").lower()
        return name[4:] if name.startswith("www.") else name

    return host(url) == host(page_url)


class PortalMarkup:
    """How one portal platform lays out its news; subclasses set the selectors.

    Attributes (tuples of CSS selectors, tried in order):
      article_url      regex an article URL of the platform matches (link fallback)
      listing_links    the ``<a>`` of each item on a listing page
      listing_category the heading naming the listing's category
      pager            containers of the page-number links
      title, published, view_count, body, lead, author, category
                       fields on an article page
      body_noise       widgets that sit inside the body container (counters, rating, font size)
    """

    family: ClassVar[str]
    article_url: ClassVar[re.Pattern[str]]
    listing_links: ClassVar[tuple[str, ...]] = ()
    listing_category: ClassVar[tuple[str, ...]] = ()
    pager: ClassVar[tuple[str, ...]] = (".pagination", ".pager", ".paging")
    title: ClassVar[tuple[str, ...]] = ("h1",)
    published: ClassVar[tuple[str, ...]] = ()
    view_count: ClassVar[tuple[str, ...]] = ()
    body: ClassVar[tuple[str, ...]] = ()
    lead: ClassVar[tuple[str, ...]] = ()
    author: ClassVar[tuple[str, ...]] = ()
    category: ClassVar[tuple[str, ...]] = ()
    body_noise: ClassVar[tuple[str, ...]] = ()

    # ----------------------------------------------------------------- listings

    def parse_listing(self, page: str, url: str) -> Listing:
        root = parse_html(page)
        links = self._listing_anchors(root)
        entries: list[ListingEntry] = []
        seen: set[str] = set()
        for anchor in links:
            href = absolute_url(anchor.get("href"), url)
            if not href or href in seen or not same_site(href, url):
                continue
            seen.add(href)
            title = text_of(anchor) or (anchor.get("title") or "").strip()
            entries.append(ListingEntry(href, title, date_near(anchor, links)))
        return Listing(
            entries=entries,
            next_url=self._next_page(root, url),
            category=first_text(root, self.listing_category),
        )

    def _listing_anchors(self, root: HtmlElement) -> list[HtmlElement]:
        for selector in self.listing_links:
            found = [a for a in select(root, selector) if a.get("href")]
            if found:
                return found
        # Unknown variant of the listing markup: any link shaped like an article URL.
        return [a for a in root.iter("a") if self.article_url.search(a.get("href") or "")]

    def _next_page(self, root: HtmlElement, url: str) -> str | None:
        containers = [el for selector in self.pager for el in select(root, selector)]
        candidates = [rel_next(root)] + [after_current(c) for c in containers]
        candidates += [arrow_link(c) for c in containers]
        for href in candidates:
            target = absolute_url(href, url)
            if target and target != urldefrag(url)[0]:
                return target
        return None

    # ----------------------------------------------------------------- articles

    def parse_article(self, page: str, url: str) -> ParsedArticle:
        root = parse_html(page)
        article = ParsedArticle(url=url)
        title_element = self._first_with_text(root, self.title)
        article.title = text_of(title_element) or meta_content(root, "og:title", "twitter:title")
        if not article.title:
            article.problems.append(f"no title (looked for {', '.join(self.title)}, og:title)")
        bodies = self._body_elements(root)
        container = common_ancestor(title_element, bodies[0]) if bodies else title_element
        article.published = self._published(root, container, bodies)
        article.view_count = self._view_count(root, container, bodies)
        article.category = first_text(root, self.category)
        for body in bodies:
            for noise in [n for selector in self.body_noise for n in select(body, selector)]:
                noise.drop_tree()
        article.author = first_text(root, self.author) or None
        if article.author is None and bodies:
            article.author = take_trailing_author(bodies[-1])
        if article.author:
            article.author = AUTHOR_PREFIX.sub("", article.author).strip() or None
        paragraphs = [p for body in bodies for p in paragraphs_of(body)]
        lead = first_text(root, self.lead)
        if lead and not repeats_title(lead, article.title) and lead not in paragraphs:
            paragraphs.insert(0, lead)
        article.paragraphs = paragraphs
        if not bodies:
            article.problems.append(f"no body (looked for {', '.join(self.body)})")
        elif not paragraphs:
            article.problems.append("empty body")
        if article.published is None:
            article.problems.append(f"no date (looked for {', '.join(self.published)})")
        if deep := deep_nesting_problem(root):
            article.problems.append(deep)
        return article

    @staticmethod
    def _first_with_text(root: HtmlElement, selectors: tuple[str, ...]) -> HtmlElement | None:
        for selector in selectors:
            for element in select(root, selector):
                if text_of(element):
                    return element
        return None

    def _body_elements(self, root: HtmlElement) -> list[HtmlElement]:
        """All matches of the first body selector that matches, outermost only."""
        for selector in self.body:
            found = select(root, selector)
            outer = [el for el in found if not any(o in el.iterancestors() for o in found)]
            if outer:
                return outer
        return []

    def _published(
        self, root: HtmlElement, container: HtmlElement | None, bodies: list[HtmlElement]
    ) -> ParsedDate | None:
        for selector in self.published:
            for element in select(root, selector):
                parsed = parse_vn_date(text_of(element))
                if parsed:
                    return parsed
        machine = parse_iso_date(
            meta_content(root, "article:published_time", "datePublished", "pubdate")
        )
        if machine:
            return machine
        if container is None:
            return None
        # A labelled date ("Ngày đăng: …") near the title, never one inside the body text.
        outside = text_outside(container, bodies)
        labelled = DATE_LABEL.search(outside)
        if labelled:
            return parse_vn_date(outside[labelled.end() :])
        dates = find_dates(outside)
        return dates[0] if dates else None

    def _view_count(
        self, root: HtmlElement, container: HtmlElement | None, bodies: list[HtmlElement]
    ) -> int | None:
        for selector in self.view_count:
            for element in select(root, selector):
                text = text_of(element)
                count = view_count_in(text)
                if count is None and re.fullmatch(r"[\d.,\s]+", text):
                    count = count_from(text)
                if count is not None:
                    return count
        if container is None:
            return None
        return view_count_in(text_outside(container, bodies))


def repeats_title(lead: str, title: str) -> bool:
    """A summary that only repeats the title (maybe with an ellipsis) adds nothing."""

    def key(text: str) -> str:
        return re.sub(r"[\W_]+", " ", text.lower()).strip()

    return bool(title) and key(lead) == key(title)


def absolute_url(href: str | None, base: str) -> str | None:
    if not href:
        return None
    href = href.strip()
    if href.lower().startswith(("javascript:", "mailto:", "tel:", "#")):
        return None
    return urldefrag(urljoin(base, href))[0]


def date_near(anchor: HtmlElement, links: list[HtmlElement]) -> ParsedDate | None:
    """The date printed in the listing item around ``anchor`` (not a neighbour's)."""
    others = {
        id(link) for link in links if link is not anchor and link.get("href") != anchor.get("href")
    }
    element = anchor
    for _ in range(4):
        parent = element.getparent()
        if parent is None or any(id(a) in others for a in parent.iter("a")):
            return None
        element = parent
        # The link's own text is a title, and titles carry dates ("(14/10/1930-14/10/2020)").
        dates = find_dates(text_outside(element, [anchor]))
        if dates:
            return dates[0]
    return None


def rel_next(root: HtmlElement) -> str | None:
    found = root.xpath('//a[@rel="next"]/@href | //link[@rel="next"]/@href')
    return found[0] if found else None


def is_current_marker(element: HtmlElement) -> bool:
    classes = {c.lower() for c in (element.get("class") or "").split()}
    if classes & _CURRENT_CLASSES:
        return True
    return (
        element.tag in ("span", "strong", "b", "em")
        and text_of(element).isdigit()
        and next(element.iterancestors("a"), None) is None
        and next(element.iter("a"), None) is None
    )


def after_current(pager: HtmlElement) -> str | None:
    """The first page link after the pager's current-page marker."""
    marker = None
    for element in pager.iter():
        if not isinstance(element.tag, str):
            continue
        if marker is None:
            if element is not pager and is_current_marker(element):
                marker = element
            continue
        if marker in element.iterancestors():
            continue
        if element.tag == "a" and element.get("href"):
            label = text_of(element).lower()
            if label.isdigit() or label in NEXT_WORDS:
                return element.get("href")
    return None


def arrow_link(pager: HtmlElement) -> str | None:
    for anchor in pager.iter("a"):
        if text_of(anchor).lower() in NEXT_WORDS and anchor.get("href"):
            return anchor.get("href")
    return None


def common_ancestor(a: HtmlElement | None, b: HtmlElement | None) -> HtmlElement | None:
    if a is None or b is None:
        return a if b is None else b
    ancestors_of_a = [a, *a.iterancestors()]
    for candidate in [b, *b.iterancestors()]:
        if candidate in ancestors_of_a:
            return candidate
    return None


def text_outside(container: HtmlElement, excluded: list[HtmlElement]) -> str:
    """Visible text of ``container`` without the text of the ``excluded`` subtrees."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if node in excluded:
            return
        if isinstance(node.tag, str):
            if node.text:
                parts.append(node.text)
            for child in node:
                walk(child)
                if child.tail:
                    parts.append(child.tail)

    walk(container)
    return " ".join(" ".join(parts).split())


def take_trailing_author(body: HtmlElement) -> str | None:
    """Remove and return a byline written as the last, right-aligned or bold, short paragraph.

    Captions are centred and stay in the body; a long or sentence-like line is prose.
    """
    blocks = [
        el for el in body.iter("p", "div") if text_of(el) and not len(el.xpath(".//p|.//div"))
    ]
    if not blocks:
        return None
    text = byline_of(blocks[-1], alone=blocks[-1] is blocks[0])
    if text:
        blocks[-1].drop_tree()
    return text


def byline_of(block: HtmlElement, alone: bool = False) -> str | None:
    """The text of ``block`` when it reads as a byline: short, capitalised, not a sentence,
    right-aligned or wholly bold/italic (a bold line ``alone`` in its body is a heading)."""
    text = text_of(block)
    right_aligned = "text-align:right" in style_of(block) or (block.get("align") or "") == "right"
    emphasised = "".join(t.strip() for t in block.xpath("./text()")) == "" and all(
        child.tag in ("strong", "b", "em", "i", "span") for child in block
    )
    words = text.split()
    if not words or "text-align:center" in style_of(block) or len(words) > _AUTHOR_MAX_WORDS:
        return None
    if text.endswith((".", ":", ";")) or not text[:1].isupper():
        return None
    if right_aligned or (emphasised and not alone):
        return text
    return None
