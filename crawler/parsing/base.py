"""Parsing of listing and article pages for one portal platform ("family").

A family is described by class attributes: CSS selectors tried in order of preference, from
the markup that family's portals share to looser fallbacks. The logic that turns those
anchors into fields, and the fallbacks used when a live portal differs from the samples
(extra wrappers, missing fields, other pagers), lives here once for every family.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import ClassVar
from urllib.parse import parse_qsl, urldefrag, urljoin, urlsplit, urlunsplit

from lxml.html import HtmlElement

from crawler.dates import ParsedDate, find_dates, parse_iso_date, parse_vn_date
from crawler.parsing.articleparts import (
    AUTHOR_PREFIX,
    DATE_LABEL,
    byline_after,
    byline_of,
    clean_author,
    count_from,
    date_in_meta,
    drop_furniture,
    machine_date,
    mark_view_icons,
    meta_text,
    take_byline,
    view_count_in,
)
from crawler.parsing.html import (
    deep_nesting_problem,
    first_text,
    is_hidden,
    meta_content,
    paragraphs_of,
    parse_html,
    select,
    text_of,
)
from crawler.text.urls import canonical_url

__all__ = ["AUTHOR_PREFIX", "DATE_LABEL", "byline_of", "count_from", "view_count_in"]


@dataclass(frozen=True)
class ListingEntry:
    """An article as a listing page announces it."""

    url: str
    title: str
    published: ParsedDate | None = None


@dataclass(frozen=True)
class Postback:
    """An ASP.NET WebForms pager link (``javascript:__doPostBack('ctl00$…','Page$2')``):
    the next page is the answer to the page's own form posted with these two fields."""

    target: str
    argument: str


@dataclass(frozen=True)
class NextPage:
    """Where a pager leads: a URL, a postback, or a link nobody can follow (``problem``)."""

    url: str | None = None
    postback: Postback | None = None
    problem: str | None = None
    fallback: bool = False  # found by the generic pager detection, not the family's selectors


@dataclass(frozen=True)
class Listing:
    """One listing page: its articles, the next page if any, and the category it shows.

    ``next_postback`` is set instead of ``next_url`` for WebForms pagers; ``pager_problem``
    names a pager link that cannot be followed (a script link); ``fallbacks`` the fields
    found by the generic detection because the family's selectors found nothing.
    """

    entries: list[ListingEntry]
    next_url: str | None
    category: str = ""
    next_postback: Postback | None = None
    pager_problem: str | None = None
    fallbacks: tuple[str, ...] = ()


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
    # The element holding the title and the body: where the article's own links are.
    region: HtmlElement | None = field(default=None, repr=False, compare=False)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


# A date element's text: a date and maybe a time, in brackets or not ("(12/10/2024 8:51 SA)").
_DATE_ONLY = re.compile(
    r"[(\[]?\s*\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}(?:\s*-?\s*\d{1,2}[:h]\d{2}"
    r"(?::\d{2})?(?:\s*(?:SA|CH|AM|PM))?)?\s*[)\]]?",
    re.IGNORECASE,
)
NEXT_WORDS = {
    "»", "›", ">", ">>", "»»", "sau", "tiếp", "trang sau", "tiếp theo", "trang tiếp",
    "trang tiếp theo", "xem tiếp", "next", "sau »", "tiếp »", "trang sau »", "xem tiếp »",
    "next »", "next ›", "tiếp ›", "sau ›", "tiếp >", "sau >", "trang kế", "kế tiếp",
}  # fmt: skip
_CURRENT_CLASSES = {"current", "currentpage", "active", "selected", "curpage", "cur"}


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
      family, aliases  the platform's family id and the older names it is also known by
    """

    family: ClassVar[str]
    aliases: ClassVar[tuple[str, ...]] = ()
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
        links, redesigned = self._listing_anchors(root, url)
        entries: list[ListingEntry] = []
        seen: set[str] = set()
        for anchor in links:
            href = article_link(anchor.get("href"), url)
            if not href or href in seen:
                continue
            seen.add(href)
            title = text_of(anchor) or (anchor.get("title") or "").strip()
            entries.append(ListingEntry(href, title, date_near(anchor, links)))
        following = self._next_page(root, url)
        return Listing(
            entries=entries,
            next_url=following.url,
            category=first_text(root, self.listing_category),
            next_postback=following.postback,
            pager_problem=following.problem,
            fallbacks=(("listing",) if redesigned else ())
            + (("pager",) if following.fallback else ()),
        )

    def _listing_anchors(self, root: HtmlElement, url: str) -> tuple[list[HtmlElement], bool]:
        """The item links the family's selectors find; else (a redesign, counted as a
        fallback) the page's main list found by structure, not sidebars, keeping the links
        of the family's article shape when some are; else any link of that shape."""
        for selector in self.listing_links:
            found = [a for a in select(root, selector) if a.get("href")]
            if found:
                return found, False
        from crawler.parsing.generic import article_anchors  # generic builds on this module

        def shaped(anchor: HtmlElement) -> bool:
            return bool(self.article_url.search(absolute_url(anchor.get("href"), url) or ""))

        main_list, _ = article_anchors(root, url)
        found = [a for a in main_list if shaped(a)] or main_list
        return found or [a for a in root.iter("a") if shaped(a)], True

    def _next_page(self, root: HtmlElement, url: str) -> NextPage:
        """The family's pager containers first; when they find nothing, the generic
        detection (any pager-shaped block, page numbers in URLs) as a counted fallback."""
        containers = [el for selector in self.pager for el in select(root, selector)]
        if containers:
            return next_page(root, url, containers)
        found = next_page(root, url)
        if found.url or found.postback:
            return NextPage(found.url, found.postback, found.problem, fallback=True)
        return found

    # ----------------------------------------------------------------- articles

    def parse_article(self, root: HtmlElement, url: str) -> ParsedArticle:
        """Fields of the article page parsed as ``root`` (a tree this call may change)."""
        mark_view_icons(root)
        article = ParsedArticle(url=url)
        title_element = self._first_with_text(root, self.title)
        article.title = text_of(title_element) or meta_content(root, "og:title", "twitter:title")
        if not article.title:
            article.problems.append(f"no title (looked for {', '.join(self.title)}, og:title)")
        bodies = self._body_elements(root)
        container = common_ancestor(title_element, bodies[0]) if bodies else title_element
        article.region = container
        before, after = meta_text(container, title_element, bodies)
        article.published = self._published(root, container, before, after)
        article.view_count = self._view_count(root, before, after)
        article.category = first_text(root, self.category)
        for body in bodies:
            for noise in [n for selector in self.body_noise for n in select(body, selector)]:
                noise.drop_tree()
            drop_furniture(body)
        article.author = clean_author(first_text(root, self.author))
        if article.author is None and bodies:
            article.author = take_byline(bodies[-1]) or byline_after(container, bodies)
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
        self, root: HtmlElement, container: HtmlElement | None, before: str, after: str
    ) -> ParsedDate | None:
        """The family's date element, then machine dates (meta tags, ``<time datetime>``),
        then a date printed between title and content; never the title, the content or a
        related list."""
        for selector in self.published:
            for element in select(root, selector):
                parsed = parse_vn_date(text_of(element))
                if parsed:
                    return parsed
        return machine_date(root, container) or date_in_meta(before, after)

    def _view_count(self, root: HtmlElement, before: str, after: str) -> int | None:
        for selector in self.view_count:
            for element in select(root, selector):
                text = text_of(element)
                count = view_count_in(text)
                if count is None and re.fullmatch(r"[\d.,\s]+", text):
                    count = count_from(text)
                if count is not None:
                    return count
        return view_count_in(before) if view_count_in(before) is not None else view_count_in(after)


def repeats_title(lead: str, title: str) -> bool:
    """A summary that only repeats the title (maybe with an ellipsis) adds nothing."""
    if not title:
        return False
    key = _title_key_cached(title)
    # A line under half the key's length cannot reduce to it: a key only drops characters
    # but for lower case, which at most doubles a letter (U+0130 is the one it lengthens).
    return 2 * len(lead) >= len(key) and _title_key(lead) == key


_NOT_WORD = re.compile(r"[\W_]+")


def _title_key(text: str) -> str:
    return _NOT_WORD.sub(" ", text.lower()).strip()


# A page's every line is compared with its one title: the title's key is computed once.
_title_key_cached = lru_cache(maxsize=64)(_title_key)


@lru_cache(maxsize=8192)  # a listing names each article two or three times (image, title)
def absolute_url(href: str | None, base: str) -> str | None:
    if not href:
        return None
    href = href.strip()
    if href.lower().startswith(("javascript:", "mailto:", "tel:", "#", "data:")):
        return None
    return urldefrag(urljoin(base, href))[0]


@lru_cache(maxsize=8192)
def article_link(href: str | None, page_url: str) -> str | None:
    """The identity of a listed article: its canonical URL (crawler.text.urls), or None for
    a link off the portal. Absolute, relative (``../``) and protocol-relative links are
    resolved against the page; a link to the portal's host by the other scheme (http/https)
    takes the page's, so one article has one URL whichever way the listing spells it."""
    target = absolute_url(href, page_url)
    if not target or not same_site(target, page_url):
        return None
    page_scheme = urlsplit(page_url).scheme
    parts = urlsplit(target)
    if parts.scheme in ("http", "https") and parts.scheme != page_scheme:
        if (parts.hostname or "") == (urlsplit(page_url).hostname or ""):
            target = urlunsplit((page_scheme, *parts[1:]))
    elif parts.scheme not in ("http", "https"):
        return None
    return canonical_url(target)


def date_near(anchor: HtmlElement, links: list[HtmlElement]) -> ParsedDate | None:
    """The date printed in the listing item around ``anchor`` (not a neighbour's)."""
    others = {
        id(link) for link in links if link is not anchor and link.get("href") != anchor.get("href")
    }
    element = anchor
    for _ in range(4):
        parent = element.getparent()
        if parent is None or any(id(a) in others for a in parent.iter("a")):
            break
        element = parent
        # A machine-readable <time datetime="2020-10-13T08:30:00+07:00"> carries the time
        # of day its printed text ("13/10/2020") leaves out.
        for stamp in element.xpath(".//time[@datetime]/@datetime"):
            machine = parse_iso_date(stamp)
            if machine:
                return machine
        # A date element of its own ("<span>31/10/2023 - 09:00</span>") is read alone: in
        # the item's joined text the summary's first word may read as part of the time
        # ("09:00 Chiều 30/10…" is not 21:00).
        own = _own_date_element(element)
        # Link texts are titles (this item's image link repeats it), and titles carry dates
        # ("(14/10/1930-14/10/2020)"); a date element inside the link ("<em>(12/10/2024)</em>")
        # still counts.
        dates = find_dates(text_outside(element, set(element.iter("a"))))
        if own is not None and not (dates and _adds_time(dates[0], own)):
            return own
        if dates:
            return dates[0]
    href = anchor.get("href")
    for link in [a for a in element.iter("a") if a.get("href") == href] or [anchor]:
        inside = date_inside_link(link)
        if inside:
            return inside
    return None


def _adds_time(joined: ParsedDate, own: ParsedDate) -> bool:
    """The item's text gives the time of day its date element leaves out
    ("Ngày đăng: <span>12/10/2024</span> 08:30")."""
    return joined.has_time and not own.has_time and joined.value.date() == own.value.date()


def _own_date_element(item: HtmlElement) -> ParsedDate | None:
    """The date of an element of ``item`` (outside its links) whose whole text is a date."""
    for element in item.iterdescendants():
        if not isinstance(element.tag, str) or element.tag == "a":
            continue
        if next(element.iterancestors("a"), None) is not None:
            continue
        text = text_of(element)
        if text and _DATE_ONLY.fullmatch(text):
            return parse_vn_date(text)
    return None


def date_inside_link(anchor: HtmlElement) -> ParsedDate | None:
    """The date of an element of its own inside the link ("Title <em>(12/10/2024)</em>")."""
    for child in anchor.iterdescendants():
        text = text_of(child)
        if text and _DATE_ONLY.fullmatch(text):
            return parse_vn_date(text)
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


def is_next_label(label: str) -> bool:
    """ "»", "Trang sau", "Xem tiếp ›", "Next"…: a pager arrow, whatever its spacing."""
    return " ".join(label.lower().split()) in NEXT_WORDS


# Labels that name the next page even alone on a page (not "Xem tiếp", which is also
# every summary's "read more").
_LONE_NEXT = {"»", ">>", "»»", "››", "next", "next »", "trang sau", "trang sau »", "trang tiếp",
              "trang tiếp theo", "trang kế"}  # fmt: skip


def _lone_arrow(anchor: HtmlElement) -> bool:
    label = " ".join(text_of(anchor).lower().split())
    named = label in _LONE_NEXT or (not label and is_next_label(image_label(anchor)))
    return named and bool(pager_link(anchor)) and not hidden_or_skipped(anchor)


def image_label(anchor: HtmlElement) -> str:
    """What an image-only link says: its title or aria-label, else its image's alt/title
    (SharePoint's list pager is ``<a><img alt="Next"></a>``)."""
    for value in (anchor.get("title"), anchor.get("aria-label")):
        if value and value.strip():
            return value
    image = next(anchor.iter("img"), None)
    if image is None:
        return ""
    return image.get("alt") or image.get("title") or ""


def pager_link(anchor: HtmlElement) -> str | None:
    """What a pager link points to: its href, or the postback of a ``href="#"`` link whose
    ``onclick`` posts the form."""
    href = (anchor.get("href") or "").strip()
    if (not href or href == "#") and "postback" in (anchor.get("onclick") or "").lower():
        return "javascript:" + anchor.get("onclick")
    return href or None


def after_current(pager: HtmlElement) -> HtmlElement | None:
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
        if element.tag == "a" and pager_link(element):
            label = text_of(element)
            if label.isdigit() or is_next_label(label):
                return element
    return None


def arrow_link(pager: HtmlElement) -> HtmlElement | None:
    for anchor in pager.iter("a"):
        if is_next_label(text_of(anchor) or image_label(anchor)) and pager_link(anchor):
            return anchor
    return None


_POSTBACK = re.compile(
    r"""(?:__doPostBack|WebForm_PostBackOptions)\(\s*['"]([^'"]*)['"]\s*,\s*['"]([^'"]*)['"]""",
    re.IGNORECASE,
)
_SCRIPT_NOTHING = re.compile(r"\s*(?:void\s*\(\s*0?\s*\)|return\s+false|false|null)?\s*;?\s*")
# Where a listing URL keeps its page number: ?page=N, ?PageIndex=N, ?p=N, /page/N/,
# /trang/N, page-N.html, trang-N.html, -pN.html.
_PAGE_PARAMS = frozenset(
    "page pageindex p pg paged trang pagenum pagenumber currentpage page_no pageno".split()
)
_PAGE_IN_PATH = re.compile(
    r"(?:/(?:page|trang)/(\d+)/?$|[/_-](?:page|trang)[-_]?(\d+)(?=\.\w+$|/?$)|-p(\d+)(?=\.\w+$))",
    re.IGNORECASE,
)


def classify_pager_link(href: str | None, url: str) -> NextPage | None:
    """A pager link as a URL on the same portal, a postback, or an unfollowable script."""
    if not href:
        return None
    if href.lower().startswith("javascript:"):
        if _SCRIPT_NOTHING.fullmatch(href[len("javascript:") :]):
            return None  # a disabled arrow ("javascript:void(0)") on the last page
        postback = _POSTBACK.search(href)
        if postback:
            return NextPage(postback=Postback(postback[1], postback[2]))
        return NextPage(problem=f"pager link {href[:120]!r} is a script that cannot be followed")
    target = absolute_url(href, url)
    if not target or target == urldefrag(url)[0]:
        return None
    if not same_site(target, url):
        return NextPage(problem=f"pager link {target[:200]} leaves the portal")
    return NextPage(url=target)


def page_number(url: str) -> tuple[str, int]:
    """The URL without its page number, and that number (1 when the URL has none)."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    for index, (name, value) in enumerate(query):
        if name.lower() in _PAGE_PARAMS and value.isdigit():
            rest = query[:index] + query[index + 1 :]
            return _page_key(parts.path, rest), int(value)
    found = _PAGE_IN_PATH.search(parts.path)
    if found:
        number = next(group for group in found.groups() if group)
        return _page_key(parts.path[: found.start()], query), int(number)
    return _page_key(parts.path, query), 1


def _page_key(path: str, query: list[tuple[str, str]]) -> str:
    path = re.sub(r"(?:/index)?\.\w+$", "", path).rstrip("/")
    return path + "?" + "&".join(f"{k}={v}" for k, v in sorted(query))


def numbered_next(root: HtmlElement, url: str) -> str | None:
    """A link to the same listing with the page number one higher, wherever the URL keeps
    the number (see ``page_number``)."""
    key, number = page_number(url)
    for anchor in root.iter("a"):
        target = absolute_url(anchor.get("href"), url)
        if not target or not same_site(target, url):
            continue
        other_key, other_number = page_number(target)
        if other_number == number + 1 and other_key == key:
            return target
    return None


def pager_containers(root: HtmlElement) -> list[HtmlElement]:
    """Elements holding at least two page numbers or arrows (links or the current page)."""
    items = [
        el
        for el in root.iter("a", "span", "strong", "b", "li", "em")
        if _is_page_item(el) and not hidden_or_skipped(el)
    ]
    # How many items each element holds, counted in one pass (a page of thousands of page
    # links was counted item by item for each of them: 76 s per MB).
    holding: Counter[HtmlElement] = Counter()
    for item in items:
        holding.update(item.iterancestors())
    found: dict[HtmlElement, None] = {}
    for item in items:
        for ancestor in islice(item.iterancestors(), 4):
            if holding[ancestor] >= 2:
                found.setdefault(ancestor)
                break
    return list(found)


def _is_page_item(element: HtmlElement) -> bool:
    label = text_of(element)
    if element.tag == "a":
        return bool(pager_link(element)) and (
            (label.isdigit() and len(label) <= 4) or is_next_label(label)
        )
    return is_current_marker(element) and label.isdigit() and len(label) <= 4


def hidden_or_skipped(element: HtmlElement) -> bool:
    """Hidden by style or attribute, or inside a script/template: never shown to readers."""
    return any(
        is_hidden(el) or el.tag in ("script", "noscript", "template")
        for el in [element, *element.iterancestors()]
    )


def next_page(root: HtmlElement, url: str, containers: list[HtmlElement] | None = None) -> NextPage:
    """The listing's next page: rel=next, the link after the current page number, an arrow
    ("»", "Trang sau", "Xem tiếp"), or a link to the same URL with the page number + 1.
    ``containers`` are the pager blocks (default: any block of page numbers). A script link
    that is the only way on is returned as the problem."""
    pagers = pager_containers(root) if containers is None else containers
    links = [after_current(p) for p in pagers] + [arrow_link(p) for p in pagers]
    candidates = [classify_pager_link(rel_next(root), url)]
    candidates += [classify_pager_link(pager_link(a), url) for a in links if a is not None]
    candidates.append(classify_pager_link(numbered_next(root, url), url))
    lone = next((a for a in root.iter("a") if _lone_arrow(a)), None)
    if lone is not None:
        candidates.append(classify_pager_link(pager_link(lone), url))
    problem = None
    for candidate in candidates:
        if candidate is None:
            continue
        if candidate.url or candidate.postback:
            return candidate
        problem = problem or candidate.problem
    return NextPage(problem=problem)


def common_ancestor(a: HtmlElement | None, b: HtmlElement | None) -> HtmlElement | None:
    if a is None or b is None:
        return a if b is None else b
    ancestors_of_a = [a, *a.iterancestors()]
    for candidate in [b, *b.iterancestors()]:
        if candidate in ancestors_of_a:
            return candidate
    return None


def text_outside(container: HtmlElement, excluded: set[HtmlElement]) -> str:
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
