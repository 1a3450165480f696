"""Extraction from portals of unknown platform, without per-site selectors.

Listing pages: the article links are the links of the richest group of repeated item blocks
(same markup path, same host, headline-length anchor text, article-shaped URLs) outside the
navigation, menus, footers and sidebars; the next page comes from the pager helpers shared
with the family parsers.

Article pages: the title is the heading (h1/h2/…/"title" class) that best matches the
listing's anchor text, og:title or <title>; the body is the densest block of prose after the
title; the date and view count are read between the title and the body (never in the
header, a widget or a sidebar); the author is the byline that ends the body.

A host's template (lines that recur on many of its pages, digits masked) is learned during
the crawl by ``HostTemplates`` and passed to ``parse_article`` as ``is_template``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from itertools import chain
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from crawler.dates import ParsedDate, find_dates, parse_vn_date
from crawler.parsing.articleparts import (
    byline_after,
    clean_author,
    drop_furniture,
    following,
    is_cms_account,
    machine_date,
    mark_view_icons,
    take_byline,
)
from crawler.parsing.base import (
    AUTHOR_PREFIX,
    DATE_LABEL,
    Listing,
    ListingEntry,
    ParsedArticle,
    article_link,
    byline_of,
    common_ancestor,
    date_near,
    hidden_or_skipped,
    next_page,
    pager_containers,
    repeats_title,
    view_count_in,
)
from crawler.parsing.html import (
    deep_nesting_problem,
    meta_content,
    paragraphs_of,
    parse_html,
    text_of,
)
from crawler.text.boilerplate import TemplateLearner, classify_line, mask_digits, strip_boilerplate
from crawler.text.spam import SpamFinding, remove_injected

LineTest = Callable[[str], bool]

# Markup conventions (tags, and words in class/id) of page furniture on any platform.
FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside"})
_FURNITURE_NAME = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|mainmenu|topmenu|footer|header|sidebar|aside"
    r"|banner|breadcrumbs?|top-?bar|bottom)(?:$|[\s_-])",
    re.IGNORECASE,
)
_ITEM_PART_NAME = re.compile(r"(?:^|(?<=[\s_-]))(?:header|footer)(?=$|[\s_-])", re.IGNORECASE)
_BODY_FURNITURE_TAGS = frozenset({"nav", "footer", "aside"})
_BODY_FURNITURE_NAME = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|sidebar|aside|banner|breadcrumbs?)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_TITLE_CLASS = re.compile(r"title|tieu-?de|heading|headline", re.IGNORECASE)
_CATEGORY_CLASS = re.compile(r"title|heading|cat|chuyen-?muc|tieu-?de", re.IGNORECASE)
_HEADINGS = ("h1", "h2", "h3", "h4")
_TEXT_BLOCKS = frozenset("p div td li blockquote pre dd section article".split())
_BLOCK_CHILDREN = frozenset(
    "p div td li blockquote pre dd section article table ul ol tr h1 h2 h3 h4 h5 h6".split()
)
# URL shapes of articles: a numeric id, a date, a slug of several words.
_URL_ID = re.compile(r"(?<![a-z])\d{3,}", re.IGNORECASE)
_URL_DATE = re.compile(
    r"(?:19|20)\d{2}[-/_]\d{1,2}[-/_]\d{1,2}|\d{1,2}[-/_]\d{1,2}[-/_](?:19|20)\d{2}"
)
_URL_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+){2,}", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
# A line made only of a date, a time, a weekday, a counter and their labels.
_META_PARTS = re.compile(
    r"0\s*[/.-]\s*0\s*[/.-]\s*0|0\s*(?::|h|giờ)\s*0(?::0)?(?:\s*(?:sa|ch|am|pm))?"
    r"|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|0)|chủ\s+nhật|đăng\s+ngày|ngày\s+đăng|ngày|cập\s+nhật"
    r"|đăng\s+lúc|lúc|vào|lượt\s+(?:xem|đọc)|đã\s+xem|lần\s+xem|views?|xem|đăng|ngày\s+xuất\s+bản"
    r"|[0.,]+"
)
# A poster's name on a meta line ("… Người đăng: admin", "… Đăng bởi Minh Anh").
_POSTER_LABEL = re.compile(
    r"(?:người\s+đăng|(?:đăng|gửi|viết)\s+bởi|người\s+viết|tác\s+giả)\s*:?", re.IGNORECASE
)
_POSTER_MAX_WORDS = 5
# Headings of the lists beside the main one: newest, related, most read, other news.
_SIDEBAR_HEADING = re.compile(
    r"\b(?:tin|bài(?:\s+viết)?)\s+(?:mới(?:\s+nhất|\s+cập\s+nhật)?|liên\s+quan|xem\s+nhiều"
    r"(?:\s+nhất)?|đọc\s+nhiều(?:\s+nhất)?|khác|nổi\s+bật|cùng\s+chuyên\s+mục|tiêu\s+điểm"
    r"|hot|đã\s+đưa)\b|\bcác\s+tin\s+khác\b|\bxem\s+nhiều\s+nhất\b",
    re.IGNORECASE,
)
_SIDEBAR_WEIGHT = 0.1
_PAGER_WEIGHT = 1.5
_HEADING_BONUS = 3
_MIN_ANCHOR_WORDS = 3
_MIN_BLOCK_WORDS = 5
_MAX_LINK_DENSITY = 0.5
_MIN_TITLE_MATCH = 0.5
# A title in markup that does not say so must repeat the anchor's words almost all.
_PLAIN_TITLE_MATCH = 0.8
_PLAIN_TITLE_TAGS = ("p", "div", "span", "strong", "b", "td", "font", "h5", "h6")
_LEAD_MIN_WORDS = 10


# ====================================================================== listing pages


@dataclass(frozen=True)
class GenericListing(Listing):
    """A listing with the markup path of its items, to prefer on the host's other pages."""

    item_path: tuple[str, ...] | None = None


def parse_listing(page: str, url: str, prefer: tuple[str, ...] | None = None) -> GenericListing:
    """Article links, next page and category of a listing page of an unknown platform.

    ``prefer`` is the item path chosen on an earlier listing page of the host: a short last
    page must not lose its list to a longer sidebar of the same template.
    """
    root = parse_html(page)
    remove_injected(root, page_host=urlsplit(url).hostname or "")
    anchors, item_path = article_anchors(root, url, prefer)
    entries: list[ListingEntry] = []
    seen: set[str] = set()
    for anchor in anchors:
        href = article_link(anchor.get("href"), url)
        if href in seen:
            continue
        seen.add(href)
        title = _anchor_text(anchor)
        entries.append(ListingEntry(href, title, date_near(anchor, anchors)))
    following = next_page(root, url)
    return GenericListing(
        entries=entries,
        next_url=following.url,
        category=listing_category(anchors),
        next_postback=following.postback,
        pager_problem=following.problem,
        item_path=item_path,
    )


def article_anchors(
    root: HtmlElement, url: str, prefer: tuple[str, ...] | None = None
) -> tuple[list[HtmlElement], tuple[str, ...] | None]:
    """The links of the listing's main list, in page order.

    Links are grouped by their markup path (tags and classes up to <body>; the classes of
    repeated siblings are left out, since items may each carry their own ``post-<ID>``,
    ``odd``/``even`` class); the group with the most headline-like items, weighted by the
    text each item block adds (a summary outweighs a sidebar's bare date) and by
    article-shaped URLs, is the list. A group under a sidebar heading ("Tin mới nhất",
    "Tin liên quan", "Tin xem nhiều", "Tin khác") counts for little, a group sharing its
    container with the page's pager for more: a sidebar is not the main list however long
    it is. Other groups inside the list's container join it (a featured first item with
    its own markup). Returns the anchors and the list's path.
    """
    page_key = article_link(url, url)
    repeated = _repeated_siblings(root)
    groups: dict[tuple, list[HtmlElement]] = {}
    for anchor in root.iter("a"):
        href = article_link(anchor.get("href"), url)
        if not href or href == page_key:
            continue
        if len(_anchor_text(anchor).split()) < _MIN_ANCHOR_WORDS:
            continue
        if hidden_or_skipped(anchor) or _listing_furniture(anchor):
            continue
        groups.setdefault(_markup_path(anchor, repeated), []).append(anchor)
    if not groups:
        return [], None
    pagers = pager_containers(root)
    own_title = " ".join(
        text_of(el).lower() for el in [root.find(".//title"), root.find(".//h1")] if el is not None
    )
    scores = {path: _group_score(group, pagers, own_title) for path, group in groups.items()}
    paths = sorted(groups, key=lambda path: (_same_list(path, prefer), scores[path]))
    scored = [groups[path] for path in reversed(paths)]
    best = scored[0]
    container = _common_ancestor_of(best)
    chosen = list(best)
    order = {id(el): i for i, el in enumerate(root.iter())}
    first = min(order[id(a)] for a in best)
    for path, group in zip(reversed(paths[:-1]), scored[1:], strict=True):
        if not all(article_url_shape(a.get("href") or "") for a in group):
            continue
        inside = all(container in a.iterancestors() for a in group)
        before = len(group) < len(best) and all(order[id(a)] < first for a in group)
        if inside or (before and _lead_item(path, paths[-1], group, container)):
            chosen.extend(group)
    return sorted(chosen, key=lambda a: order[id(a)]), paths[-1]


_ITEM_STEPS = 3  # anchor, heading, heading box: the markup of one list item's title
_LEAD_LEVELS = 3


def _lead_item(
    path: tuple[str, ...], best: tuple[str, ...], group: list[HtmlElement], container: HtmlElement
) -> bool:
    """A featured first item (fewer, and before the list) in a box of its own (Joomla's
    ``items-leading`` above ``items-row``): its title has the list items' markup, no
    sidebar heading is printed above it, and it sits beside the list's container, two
    levels up at most (not in another column of the page)."""
    if len(path) < _ITEM_STEPS or path[:_ITEM_STEPS] != best[:_ITEM_STEPS]:
        return False
    shared = _common_ancestor_of([*group, container])
    above = [container, *list(container.iterancestors())[:_LEAD_LEVELS]]
    if shared not in above or shared.tag in ("body", "html"):
        return False
    return not _SIDEBAR_HEADING.search(_heading_before(group[0], _common_ancestor_of(group)))


def _same_list(path: tuple[str, ...], prefer: tuple[str, ...] | None) -> bool:
    """``path`` is the host's list seen on an earlier page. On a last page of one item, that
    item has no repeated sibling and shows the class the earlier pages left out (``li`` vs
    ``li.clearfix``): a step whose class was left out matches any class of the same tag."""
    if prefer is None or len(path) != len(prefer):
        return False
    return all(
        step == wanted or (wanted.endswith(".") and step.split(".", 1)[0] == wanted[:-1])
        for step, wanted in zip(path, prefer, strict=True)
    )


def article_url_shape(href: str) -> int:
    """How much a URL looks like an article's: 0–3 for an id, a date and a slug."""
    parts = urlsplit(href)
    target = parts.path + "?" + parts.query
    return sum(bool(p.search(target)) for p in (_URL_ID, _URL_DATE, _URL_SLUG))


def listing_category(anchors: list[HtmlElement]) -> str:
    """The heading printed above the list ("Tin tức - Sự kiện"), if any."""
    if not anchors:
        return ""
    container = _common_ancestor_of(anchors)
    first = anchors[0]
    for scope in [container, *list(container.iterancestors())[:2]]:
        heading = ""
        for element in scope.iter():
            if element is first:
                break
            if not isinstance(element.tag, str) or next(element.iter("a"), None) is not None:
                continue
            if element.tag in _HEADINGS or _CATEGORY_CLASS.search(element.get("class") or ""):
                text = text_of(element)
                if 0 < len(text.split()) <= 8:
                    heading = text
        if heading:
            return heading
    return ""


def _group_score(group: list[HtmlElement], pagers: list[HtmlElement], own_title: str) -> float:
    """Headline words, item text and URL shape of the group's items, weighted down under
    a sidebar heading (unless the page itself is that list) and up beside the pager."""
    links = {a.get("href"): a for a in group}
    score = 0.0
    for anchor in links.values():
        words = min(len(_anchor_text(anchor).split()), 15)
        block = _item_block(anchor, group)
        extra = (
            len(text_of(block).split()) - len(text_of(anchor).split()) if block is not None else 0
        )
        score += words + min(max(extra, 0), 40) + 2 * article_url_shape(anchor.get("href"))
        score += _HEADING_BONUS * _in_heading(anchor)  # a title, not a "read more" prompt
    container = _common_ancestor_of(group)
    heading = _heading_before(group[0], container)
    if _SIDEBAR_HEADING.search(heading) and heading.lower() not in own_title:
        score *= _SIDEBAR_WEIGHT
    elif any(_shares_container(container, pager) for pager in pagers):
        score *= _PAGER_WEIGHT
    return score


def _heading_before(first: HtmlElement, container: HtmlElement) -> str:
    """The heading-like text printed just above a group: in its container before the first
    item, or the last short text block before the container."""
    scopes = [container, *list(container.iterancestors())[:2]]
    for scope in scopes:
        heading = ""
        for element in scope.iter():
            if element is first or element is container and scope is not container:
                break
            if not isinstance(element.tag, str) or element.tag in ("a", "li", "ul"):
                continue
            text = text_of(element)
            named = _TITLE_CLASS.search(f"{element.get('class') or ''} {element.get('id') or ''}")
            if (element.tag in _HEADINGS or named) and 0 < len(text.split()) <= 8:
                heading = text
        if heading:
            return heading
    return ""


def _shares_container(container: HtmlElement, pager: HtmlElement) -> bool:
    """The pager sits inside the list's container or right after it (same parent)."""
    return container in pager.iterancestors() or pager.getparent() is container.getparent()


def _item_block(anchor: HtmlElement, group: list[HtmlElement]) -> HtmlElement | None:
    """The largest element around ``anchor`` holding no link of another item."""
    others = {id(a) for a in group if a.get("href") != anchor.get("href")}
    block = None
    for ancestor in list(anchor.iterancestors())[:4]:
        if any(id(a) in others for a in ancestor.iter("a")):
            break
        block = ancestor
    return block


# "Đọc thêm: <title>" (Joomla's read-more links), "Xem chi tiết: <title>": a prompt, then
# the title.
_READ_MORE = re.compile(r"^(?:đọc\s+thêm|xem\s+thêm|xem\s+chi\s+tiết|chi\s+tiết)\s*[:»›-]\s*",
                        re.IGNORECASE)  # fmt: skip


def _anchor_text(anchor: HtmlElement) -> str:
    return _READ_MORE.sub("", text_of(anchor)) or (anchor.get("title") or "").strip()


def _in_heading(anchor: HtmlElement) -> bool:
    return any(el.tag in _HEADINGS for el in list(anchor.iterancestors())[:2])


def _markup_path(element: HtmlElement, repeated: set[HtmlElement]) -> tuple[str, ...]:
    path = []
    for el in [element, *element.iterancestors()]:
        if el.tag in ("body", "html"):
            break
        classes = "" if el in repeated else ".".join(sorted((el.get("class") or "").split()))
        path.append(f"{el.tag}.{classes}")
    return tuple(path)


def _repeated_siblings(root: HtmlElement) -> set[HtmlElement]:
    """Elements with a sibling of the same tag: the items of a list, whose classes may
    differ per item. (The set holds the elements, not their ids: lxml's element proxies
    live only while referenced, so an id could be reused by another element.)"""
    repeated: set[HtmlElement] = set()
    for parent in root.iter():
        tags = Counter(child.tag for child in parent if isinstance(child.tag, str))
        repeated.update(child for child in parent if tags.get(child.tag, 0) > 1)
    return repeated


def _common_ancestor_of(elements: list[HtmlElement]) -> HtmlElement:
    ancestor = elements[0].getparent()
    for element in elements[1:]:
        ancestor = common_ancestor(ancestor, element)
    return ancestor


def _listing_furniture(anchor: HtmlElement) -> bool:
    """Page furniture around a listed link; the ``<header>`` of an HTML5 ``<article>``
    (``header.entry-header`` holding the item's title link), or any header box holding only
    that link, is the item's, not the page's."""
    chain = [anchor, *anchor.iterancestors()]
    for position, el in enumerate(chain):
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if el.tag in FURNITURE_TAGS or _FURNITURE_NAME.search(names):
            part_of_item = (
                el.tag in ("header", "footer") or _ITEM_PART_NAME.search(names)
            ) and not _FURNITURE_NAME.search(_ITEM_PART_NAME.sub(" ", names))
            in_item = any(a.tag == "article" for a in chain[position + 1 :])
            if part_of_item and (in_item or _only_link(el, anchor)):
                continue
            return True
    return False


def _only_link(element: HtmlElement, anchor: HtmlElement) -> bool:
    """``element`` holds no link but ``anchor``'s: an item's own title box (Joomla's
    ``div.page-header`` around each ``h2`` title), not the page's header with its menu."""
    return all(a is anchor or a.get("href") == anchor.get("href") for a in element.iter("a"))


def in_furniture(element: HtmlElement, tags: frozenset[str], names: re.Pattern[str]) -> bool:
    """Inside navigation, menus, header, footer or sidebar by tag or class/id words."""
    for el in [element, *element.iterancestors()]:
        if el.tag in tags:
            return True
        if names.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            return True
    return False


# ====================================================================== article pages

_TITLE_END, _BODY_START, _BODY_END = "\ue000", "\ue001", "\ue002"


def parse_article(
    root: HtmlElement,
    url: str,
    listing_title: str = "",
    is_template: LineTest | None = None,
    injected: list[SpamFinding] | None = None,
    fields: Collection[str] | None = None,
) -> ParsedArticle:
    """Fields of an article page of an unknown platform, parsed as ``root`` (a tree this
    call changes).

    ``listing_title`` is the anchor text that led here (the best guide to the title);
    ``is_template`` tells lines the host repeats on most pages (learned by HostTemplates);
    ``injected`` is what of the tree's injected spam is still to remove, when that is known
    (``[]`` once the generic spider removed it), else the tree is scanned for it.
    ``fields`` names the fields wanted (all when None): without "body", the paragraphs are
    left empty and their boilerplate pass, the dearest step, is skipped (a family's fallback
    for its author or view count needs neither).
    """
    is_template = is_template or (lambda line: False)
    remove_injected(root, injected, page_host=urlsplit(url).hostname or "")
    mark_view_icons(root)
    article = ParsedArticle(url=url)
    title_element, article.title = find_title(root, listing_title)
    if not article.title:
        article.problems.append("no title (no heading, og:title or <title> found)")
    container = body_container(root, title_element, is_template)
    if container is None:
        article.problems.append("no body (no block of prose after the title)")
        article.published = machine_date(root, None)
        return article
    region = common_ancestor(title_element, container)
    article.region = region
    drop_furniture(container)
    author = (
        take_byline(container)
        or _byline_after(container, region, is_template)
        or byline_after(region, [container])
    )
    zones = _zoned_lines(region, title_element, container)
    meta = [line for line in zones["meta"] if not _widget(line)]
    body = [line for line in zones["body"] if not is_template(line)]
    # Body lines are classified only until the first counter (none when meta has one), and
    # not at all when no line has a counter's word (one search over the joined lines).
    counters = (b for b in body if _counter(b)) if _has_counter_word(body) else ()
    article.view_count = _first_view_count(chain(meta, counters))
    article.published = _published(root, region, meta, body, article.title)
    labelled_author, body = _labelled_author(meta, body)
    article.author = clean_author(author or labelled_author)
    if fields is not None and "body" not in fields:
        return article
    lead = [
        line
        for line in meta
        if len(line.split()) >= _LEAD_MIN_WORDS
        and not (classify_line(line) or is_template(line) or is_meta_line(line))
        and not repeats_title(line, article.title)
    ]
    body = [line for line in lead + body if not is_meta_line(line)]
    stripped = strip_boilerplate(body, article.title)
    if article.view_count is None:
        article.view_count = stripped.view_count
    article.paragraphs = [p for p in stripped.kept if not repeats_title(p, article.title)]
    if not article.paragraphs:
        article.problems.append("empty body")
    if article.published is None:
        article.problems.append("no date near the title")
    if deep := deep_nesting_problem(root):
        article.problems.append(deep)
    return article


def find_title(root: HtmlElement, listing_title: str = "") -> tuple[HtmlElement | None, str]:
    """The title element and text best matching the listing anchor, og:title or <title>.

    With no good match, the first <h1>, else the first heading before the densest text.
    """
    references = [
        listing_title,
        meta_content(root, "og:title", "twitter:title"),
        text_of(root.find(".//title")),
    ]
    references = [r for r in references if r]
    bags = [word_bag(r) for r in references]
    best: tuple[float, float, int] | None = None
    best_element = None
    for position, (element, text) in enumerate(_title_candidates(root)):
        bag = word_bag(text)
        match = max((bag_similarity(bag, reference) for reference in bags), default=0.0)
        rank = (match, _title_priority(element), -position)
        if best is None or rank > best:
            best, best_element = rank, element
    if best_element is not None and best[0] >= _MIN_TITLE_MATCH:
        return best_element, text_of(best_element)
    plain = _plain_title(root, references[:2] if listing_title else references[:1])
    if plain is not None:
        return plain, text_of(plain)
    if listing_title or references[:1]:
        meta_title = meta_content(root, "og:title", "twitter:title")
        if listing_title and word_similarity(meta_title, listing_title) >= _MIN_TITLE_MATCH:
            return None, meta_title
    h1 = next((h for h in root.iter("h1") if text_of(h)), None)
    if h1 is not None:
        return h1, text_of(h1)
    container = body_container(root, None, lambda line: False)
    if container is not None:
        heading = _last_candidate_before(root, container)
        if heading is not None:
            return heading, text_of(heading)
    return None, listing_title or (references[0] if references else "")


def word_similarity(a: str, b: str) -> float:
    """Dice overlap of the words of two texts (case-insensitive, "..." ignored)."""
    return bag_similarity(word_bag(a), word_bag(b))


def word_bag(text: str) -> Counter[str]:
    """A text's words with their counts, built once when compared with many texts."""
    return Counter(_WORD.findall(text.lower()))


def bag_similarity(a: Counter[str], b: Counter[str]) -> float:
    total = a.total() + b.total()
    if not total:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    return 2 * sum(min(count, b[word]) for word, count in a.items() if word in b) / total


def body_container(
    root: HtmlElement, title: HtmlElement | None, is_template: LineTest
) -> HtmlElement | None:
    """The element holding the most prose after ``title``: each text block (not a link
    list, counter, widget or template line) adds its words to its parent, half to the
    grandparent."""
    elements = list(root.iter())
    order = {id(el): i for i, el in enumerate(elements)}
    start = order[id(_last_descendant(title))] if title is not None else -1
    scores: Counter[int] = Counter()
    by_id: dict[int, HtmlElement] = {}
    for block in elements:
        if block.tag not in _TEXT_BLOCKS or order[id(block)] <= start:
            continue
        if len(block) and any(
            child.tag in _BLOCK_CHILDREN and text_of(child)
            for child in block.iter()
            if child is not block
        ):
            continue
        text = text_of(block)
        words = len(text.split())
        if words < _MIN_BLOCK_WORDS or classify_line(text) or is_template(text):
            continue
        link_words = sum(len(text_of(a).split()) for a in block.iter("a"))
        if link_words / words > _MAX_LINK_DENSITY or hidden_or_skipped(block):
            continue
        if in_furniture(block, _BODY_FURNITURE_TAGS, _BODY_FURNITURE_NAME):
            continue
        parent = block.getparent()
        if parent is None:
            continue
        scores[id(parent)] += words
        by_id[id(parent)] = parent
        grandparent = parent.getparent()
        if grandparent is not None and grandparent.tag not in ("body", "html"):
            scores[id(grandparent)] += words / 2
            by_id[id(grandparent)] = grandparent
    if not scores:
        return None
    best = max(scores, key=lambda key: (scores[key], order[id(by_id[key])]))
    return by_id[best]


def is_meta_line(line: str) -> bool:
    """A short line of only a date, time, weekday and counter ("Thứ năm, 18/01/2024 120
    lượt xem", "Đăng ngày 23 - 09 - 2020"), maybe with a poster ("Gửi bởi admin vào …",
    not counted in the length): metadata, not prose."""
    if not _DIGIT.search(line):  # a date and a counter both have digits; most lines none
        return False
    plain = _without_poster(line)
    if len(plain.split()) > 12 or not (find_dates(line) or view_count_in(line) is not None):
        return False
    rest = _META_PARTS.sub(" ", mask_digits(plain))
    return not _WORD.search(rest.replace("_", ""))


def _without_poster(line: str) -> str:
    """The line without a poster label and the name after it (capitalised words or a CMS
    account), so that "Thứ hai, 26/02/2024 Người đăng: admin" reads as metadata."""
    label = _POSTER_LABEL.search(line)
    if not label:
        return line
    words = line[label.end() :].split()
    taken = 0
    while taken < min(len(words), _POSTER_MAX_WORDS) and (
        words[taken][:1].isupper() or is_cms_account(words[taken])
    ):
        taken += 1
    return f"{line[: label.start()]} {' '.join(words[taken:])}"


# The elements that may be a title, in document order: headings and elements with a class
# (found by XPath, not by a Python step per element of the page; one element test, since
# libxml2 merges a union's parts, or the parents of attributes, in quadratic time).
_HEADINGS_OR_CLASSED = etree.XPath(
    "descendant-or-self::*["
    + " or ".join(f"self::{tag}" for tag in _HEADINGS)
    + " or @class]"
)


def _title_candidates(root: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """Headings and title-classed elements of two to sixty words, with their text."""
    body = root.find("body")
    if body is None:
        return []
    found = []
    for element in _HEADINGS_OR_CLASSED(body):
        if element.tag in ("a", "body", "form"):
            continue
        heading = element.tag in _HEADINGS
        if not heading and not _TITLE_CLASS.search(element.get("class") or ""):
            continue
        if next(element.iterancestors("a"), None) is not None or hidden_or_skipped(element):
            continue
        if any(a.get("href") for a in element.iter("a")):
            continue
        text = text_of(element)
        if 2 <= len(text.split()) <= 60:
            found.append((element, text))
    return found


def _plain_title(root: HtmlElement, references: list[str]) -> HtmlElement | None:
    """The element outside links whose text is the listing anchor's or og:title's: a title
    in a plain ``p`` or ``span`` whose class names no title (renamed in a redesign)."""
    body = root.find("body")
    if body is None or not references:
        return None
    longest = max(len(r) for r in references)
    best: tuple[float, int] | None = None
    best_element = None
    bags = [word_bag(r) for r in references]
    for position, element in enumerate(body.iter(*_PLAIN_TITLE_TAGS)):
        if not (element.text or "").strip() or len(element.text_content()) > 2 * longest:
            continue
        if next(element.iterancestors("a"), None) is not None or hidden_or_skipped(element):
            continue
        bag = word_bag(text_of(element))
        match = max(bag_similarity(bag, reference) for reference in bags)
        if match >= _PLAIN_TITLE_MATCH and (best is None or (match, position) > best):
            best, best_element = (match, position), element
    return best_element


def _title_priority(element: HtmlElement) -> float:
    return {"h1": 3.0, "h2": 2.0, "h3": 1.0}.get(element.tag, 1.5)


def _last_candidate_before(root: HtmlElement, container: HtmlElement) -> HtmlElement | None:
    before = None
    # The elements, not their ids: lxml reuses the address of a proxy nothing holds any more.
    candidates = {element for element, _ in _title_candidates(root)}
    for element in root.iter():
        if element is container:
            break
        if element in candidates:
            before = element
    return before


def _last_descendant(element: HtmlElement) -> HtmlElement:
    last = element
    for last in element.iter():  # noqa: B007 (we want the final element)
        pass
    return last


def _zoned_lines(
    region: HtmlElement, title: HtmlElement | None, container: HtmlElement
) -> dict[str, list[str]]:
    """The region's lines split into meta (title → body), body and after-body zones.

    Marker paragraphs are inserted into the tree so that ``paragraphs_of`` keeps its reading
    order; the tree is a private parse, so changing it is harmless.
    """
    title_inside = title is not None and container in title.iterancestors()
    if title is not None:
        title.addnext(_marker(_TITLE_END))
    if not title_inside:
        start = _marker(_BODY_START)
        start.tail, container.text = container.text, None
        container.insert(0, start)
    container.append(_marker(_BODY_END))
    zones: dict[str, list[str]] = {"meta": [], "body": [], "after": []}
    zone = None if title is not None else "meta"
    for line in paragraphs_of(region):
        if line == _TITLE_END:
            zone = "body" if title_inside else "meta"
        elif line == _BODY_START:
            zone = "body"
        elif line == _BODY_END:
            zone = "after"
        elif zone is not None and zone in zones:
            zones[zone].append(line)
    if title is None:
        zones["meta"] = []
    return zones


def _marker(text: str) -> HtmlElement:
    marker = parse_html(f"<p>{text}</p>").find(".//p")
    marker.getparent().remove(marker)
    return marker


def _widget(line: str) -> bool:
    return classify_line(line) in {"tthc_widget", "site_counter", "welcome", "poll"}


# Every view-counter rule of classify_line has one of these words (or an eye).
_COUNTER_WORDS = re.compile("xem|đọc|view|👁|👀")


def _counter(line: str) -> bool:
    lowered = unicodedata.normalize("NFC", line).lower()  # as classify_line reads it
    if not _COUNTER_WORDS.search(lowered):
        return False
    return classify_line(line) == "view_counter"


def _has_counter_word(lines: list[str]) -> bool:
    return bool(_COUNTER_WORDS.search(unicodedata.normalize("NFC", "\n".join(lines)).lower()))


def _first_view_count(lines: Iterable[str]) -> int | None:
    for line in lines:
        count = view_count_in(line)
        if count is not None:
            return count
    return None


def _published(
    root: HtmlElement, region: HtmlElement | None, meta: list[str], body: list[str], title: str
) -> ParsedDate | None:
    """A date between the title and the body (labelled first), machine dates (meta tags,
    ``<time datetime>``), or a date-only line opening the body; never a date inside a line
    that repeats the title ("… (14/10/1930-14/10/2020)")."""
    meta = [line for line in meta if not _repeats_or_holds(line, title)]
    text = " | ".join(meta)
    labelled = DATE_LABEL.search(text)
    if labelled:
        parsed = parse_vn_date(text[labelled.end() :])
        if parsed:
            return parsed
    dates = find_dates(text)
    if dates:
        return dates[0]
    machine = machine_date(root, region)
    if machine:
        return machine
    for line in body[:3]:
        if is_meta_line(line):
            return parse_vn_date(line)
    return None


def _repeats_or_holds(line: str, title: str) -> bool:
    if not title:
        return False
    return (
        repeats_title(line, title)
        or word_similarity(line, title) >= 0.8
        or (title.lower() in line.lower())
    )


def _labelled_author(meta: list[str], body: list[str]) -> tuple[str | None, list[str]]:
    """An "Tác giả: …"/"Tin, ảnh: …" line between title and body, or ending the body."""
    for line in meta:
        if AUTHOR_PREFIX.match(line) and len(line.split()) <= 10:
            return line, body
    if body and AUTHOR_PREFIX.match(body[-1]) and len(body[-1].split()) <= 10:
        return body[-1], body[:-1]
    return None, body


def _byline_after(
    container: HtmlElement, region: HtmlElement | None, is_template: LineTest
) -> str | None:
    """A byline printed after the body container, before any other text of the region."""
    if region is None or region is container:
        return None
    for block in following(container, region):
        if block.tag not in ("p", "div") or block.xpath(".//p|.//div"):
            continue
        text = text_of(block)
        if not text:
            continue
        # The same reporter signs most of a small portal's news: a byline may be a
        # template line, so it is tried before template lines are skipped.
        byline = byline_of(block)
        if byline:
            block.drop_tree()
            return byline
        if not (classify_line(text) or is_template(text)):
            return None
    return None


# ====================================================================== templates


@dataclass
class HostTemplates:
    """Lines each host repeats on many of its pages (digits masked), learned from every
    listing and article page of the crawl.

    Article prose that recurs (a standard closing sentence) is kept unless a listing page
    of the host carries it too: listings show the template, not the articles' text.
    Memory is bounded by TemplateLearner's per-host cap and ``max_listing_lines``.
    """

    min_share: float = 0.5
    min_pages: int = 3
    max_listing_lines: int = 5000

    def __post_init__(self):
        self.learner = TemplateLearner(self.min_share, self.min_pages)
        self.listing_lines: dict[str, set[str]] = {}
        self.page_counts: Counter[str] = Counter()

    def observe(
        self, host: str, root: HtmlElement, listing: bool, injected: list[SpamFinding] | None = None
    ) -> None:
        """Learn from a page parsed as ``root`` (its injected blocks are removed: ``injected``
        when the page's scan found them already, else those a scan finds)."""
        remove_injected(root, injected, page_host=host)
        lines = paragraphs_of(root.find("body"))
        self.learner.add_page(host, lines)
        self.page_counts[host] += 1
        if listing:
            known = self.listing_lines.setdefault(host, set())
            for line in lines:
                if len(known) >= self.max_listing_lines:
                    break
                known.add(mask_digits(line))

    def pages(self, host: str) -> int:
        return self.page_counts[host]

    def is_template(self, host: str, line: str) -> bool:
        if not self.learner.is_template(host, line):
            return False
        return not _prose(line) or mask_digits(line) in self.listing_lines.get(host, set())

    def for_host(self, host: str) -> LineTest:
        return lambda line: self.is_template(host, line)


def _prose(line: str) -> bool:
    return len(line.split()) >= 8 and line.rstrip().endswith((".", "!", "?", "…", '"', "”"))
