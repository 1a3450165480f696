"""Parts of an article page every parser reads the same way, whatever the platform: bylines,
view counters, the publication date's sources, and the furniture (share bars, attachment
lines, related-news boxes) that sits inside or right after the content.

Live portals put these in many places: a byline before an attachment line or a share bar,
"Tin, ảnh: …" as the last paragraph, "Tác giả: …" after the content, a counter as "Lượt
xem: 24", "271 lượt xem" or an eye icon and a number. The rules here look for the shape,
not for one portal's markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml.html import HtmlElement

from crawler.dates import ParsedDate, find_dates, parse_iso_date, parse_vn_date
from crawler.parsing.html import (
    BLOCK_TAGS,
    SKIPPED_TAGS,
    AttributeOwners,
    clean_inline,
    is_hidden,
    style_of,
    text_of,
)
from crawler.text.boilerplate import classify_line

# ----------------------------------------------------------------------------- counters

_COUNT = r"(\d{1,3}(?:[.,]\d{3})+|\d+)(?![\d/:])"
# "Lượt xem: 24", "Đã xem: 24", "Số lần xem 5", "Views: 8", "👁 271", an eye icon before any
# short label ("👁 Lượt truy cập: 318", Joomla's hits) are read before
# "271 lượt xem", whose number must stand alone (not the end of "2020-2025" in a title).
_VIEW_COUNT_LABELLED = re.compile(
    rf"(?:(?:số\s+)?(?:lượt|lần)\s+(?:xem|đọc)|đã\s+xem|views?"
    rf"|[👁👀](?:(?:\s*[^\W\d]+){{1,3}}\s*:)?)\s*:?\s*{_COUNT}",
    re.IGNORECASE,
)
_VIEW_COUNT_TRAILING = re.compile(
    r"(?<![\w/–-])(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:(?:lượt|lần)\s+(?:xem|đọc)|views?\b)",
    re.IGNORECASE,
)
# Icons that stand for "views" in front of a number (Font Awesome, Bootstrap Icons, themes).
_EYE_ICON = re.compile(
    r"(?:^|[\s_-])(?:fa-eye|bi-eye|icon-eye|glyphicon-eye-open|ti-eye|eye)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
EYE = "👁"


def count_from(text: str) -> int | None:
    """An integer written with thousands separators ("1.234", "12,943"), or None."""
    digits = re.sub(r"[.,\s]", "", text or "")
    return int(digits) if digits.isdigit() else None


def view_count_in(text: str) -> int | None:
    """The number of a view counter in ``text``: "Lượt xem: 24", "271 lượt xem", "👁 271"."""
    match = _VIEW_COUNT_LABELLED.search(text or "") or _VIEW_COUNT_TRAILING.search(text or "")
    return count_from(match[1]) if match else None


def mark_view_icons(root: HtmlElement) -> None:
    """Write an eye icon (``<i class="fa fa-eye">``, an ``<svg>``, an ``<img alt>``) as the
    character 👁, so that "icon + 271" reads as a counter in text like "👁 271"."""
    for element in list(root.iter("i", "em", "span", "svg", "img")):
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        label = f"{element.get('alt') or ''} {element.get('title') or ''}".lower()
        if not (_EYE_ICON.search(names) or "lượt xem" in label or label.strip() == "views"):
            continue
        if element.tag != "img" and text_of(element):
            continue
        marker = element.makeelement("span", {})
        marker.text = f"{EYE} "
        marker.tail = element.tail
        parent = element.getparent()
        if parent is not None:
            parent.replace(element, marker)


# ----------------------------------------------------------------------------- bylines

AUTHOR_PREFIX = re.compile(
    r"^\(?\s*(?:(?:tác\s+giả|người\s+viết|nguồn(?:\s+tin)?|thực\s+hiện|phóng\s+viên"
    r"|(?:tin|bài)(?:\s*(?:,|và|/|-|&)?\s*ảnh)?|ảnh|pv|ctv)\s*:"
    r"|(?:viết|đăng)\s+bởi\s*:?|người\s+đăng\s*:?)\s*",
    re.IGNORECASE,
)
# What follows a name on a meta line: a counter, a date, a separator ("admin 63 lượt xem",
# "Minh Anh | 12/03/2024").
_NAME_END = re.compile(
    r"\s+(?=\d|\||lượt\s+(?:xem|đọc)|ngày\s|cập\s+nhật|đăng\s+(?:ngày|lúc)|👁)", re.IGNORECASE
)
_SOURCE_PREFIX = re.compile(r"^\(?\s*nguồn", re.IGNORECASE)
# Accounts of the CMS, printed where an author should be: not a person's name.
_CMS_ACCOUNT = re.compile(
    r"(?:super\s*)?admin\w*|administrator|quan\s*_?tri\w*|quản\s+trị(?:\s+viên|\s+hệ\s+thống)?"
    r"|webmaster|root|editor|user\d*|system|hệ\s+thống|guest",
    re.IGNORECASE,
)
_AUTHOR_MAX_WORDS = 8
_DIGIT = re.compile(r"\d")
_LABELLED_MAX_WORDS = 14
# Share of capitalised words in a name ("Ban Tư pháp xã", "Cổng Thông tin điện tử Chính phủ").
_NAME_CAPITALS = 0.5
# How many text blocks from the end of the content a byline may stand.
_BYLINE_REACH = 6
_RIGHT_CLASSES = frozenset(
    "text-right pull-right text-end float-right float-end align-right alignright right "
    "author tacgia tac-gia news-author byline signature".split()
)
# Lines that may follow a byline at the end of the content.
_SKIPPED_AFTER_BYLINE = frozenset(
    "share_print attachment font_size tags rating url empty no_text view_counter date "
    "comment_form related_heading".split()
)
_AFTER_BLOCKS = frozenset({"p", "div", "span", "h5", "h6"})
_LISTS = frozenset({"table", "tbody", "thead", "tfoot", "tr", "ul", "ol", "dl"})
_EMPHASIS_TAGS = ("strong", "b", "em", "i", "span", "font", "u")


def is_cms_account(name: str) -> bool:
    return _CMS_ACCOUNT.fullmatch(name.strip(" .()")) is not None


def clean_author(text: str | None) -> str | None:
    """The name of a byline: no "Tác giả:"/"Tin, ảnh:" label, no brackets, not a CMS account."""
    if not text:
        return None
    name = AUTHOR_PREFIX.sub("", text.strip()).strip()
    if name.startswith("(") and name.endswith(")"):
        name = name[1:-1].strip()
    elif text.strip().startswith("(") and name.endswith(")"):
        name = name[:-1].strip()
    name = _NAME_END.split(name, 1)[0].strip(" -–—")
    if not name or is_cms_account(name) or len(name.split()) > _LABELLED_MAX_WORDS:
        return None
    return name


def _right_aligned(block: HtmlElement, stop: HtmlElement | None) -> bool:
    for element in [block, *block.iterancestors()]:
        if element is stop:
            return False
        style = style_of(element)
        classes = set((element.get("class") or "").lower().split())
        if (
            "text-align:right" in style
            or "float:right" in style
            or (element.get("align") or "").lower() == "right"
            or not classes.isdisjoint(_RIGHT_CLASSES)
        ):
            return True
        if element.tag not in _EMPHASIS_TAGS and element is not block:
            return False
    return False


def byline_of(
    block: HtmlElement,
    alone: bool = False,
    stop: HtmlElement | None = None,
    text: str | None = None,
) -> str | None:
    """The text of ``block`` when it reads as a byline: short, capitalised, not a sentence,
    right-aligned (style, ``align`` or class) or wholly bold/italic (a bold line ``alone``
    in its body is a heading). ``stop`` is the content element, where alignment stops;
    ``text`` the block's text when the caller has read it already."""
    text = text_of(block) if text is None else text
    words = text.split()
    if not words or "text-align:center" in style_of(block) or len(words) > _AUTHOR_MAX_WORDS:
        return None  # before looking at the children: a block may have thousands
    emphasised = (
        "".join(t.strip() for t in block.xpath("./text()")) == ""
        and all(child.tag in _EMPHASIS_TAGS or child.tag == "br" for child in block)
        and len(block)
    )
    if text.endswith((".", ":", ";", ",")) or not text[:1].isupper() or _DIGIT.search(text):
        return None
    if classify_line(text):
        return None  # "File đính kèm", "Chia sẻ" in bold are furniture, not names
    if _right_aligned(block, stop) or (emphasised and not alone):
        return text
    return None


def labelled_byline(text: str) -> bool:
    """ "Tin, ảnh: Minh Anh", "Tác giả: …", "Nguồn tin: …" as a line of its own; not a
    caption "Ảnh: Đồng chí Bí thư phát biểu tại hội nghị" (a name is mostly capitalised)."""
    label = AUTHOR_PREFIX.match(text)
    if not label or len(text.split()) > _LABELLED_MAX_WORDS:
        return False
    rest = text[label.end() :]
    words = [w for w in rest.split() if w[:1].isalpha()]
    if words and is_cms_account(rest):
        return True  # a signature line, to remove, though no author
    return bool(words) and sum(w[:1].isupper() for w in words) / len(words) >= _NAME_CAPITALS


def text_blocks(scope: HtmlElement, last: int | None = None) -> list[tuple[HtmlElement, str]]:
    """The innermost blocks holding text, with their text, in reading order (hidden ones
    left out); only the ``last`` ones when given, found from the end of ``scope`` without
    walking the rest (a byline is looked for in the last few blocks of thousands)."""
    blocks: list[tuple[HtmlElement, str]] = []

    def walk(element: HtmlElement) -> bool:
        """Visit ``element``'s subtree; True when it is or holds a block (or enough are
        found: its ancestors are then no innermost blocks either)."""
        if last is not None and len(blocks) >= last:
            return True
        holds_block = False
        # A large subtree without a block tag holds no block: lxml says so without a Python
        # step per element (a paragraph of 20,000 <br> was walked element by element).
        children = element if len(element) <= _SMALL or _has_block_under(element) else ()
        for child in children if last is None else reversed(children):
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIPPED_TAGS or is_hidden(child):
                continue
            if len(child) or tag in _LISTS or (last is not None and len(blocks) >= last):
                holds_block = walk(child) or holds_block
            elif tag in BLOCK_TAGS:  # a leaf block, the common case, read without a call
                text = clean_inline(child.text)
                if text:
                    blocks.append((child, text))
                holds_block = True
        block = element.tag in BLOCK_TAGS
        if block and not holds_block and element is not scope and element.tag not in _LISTS:
            text = text_of(element)
            if text and (last is None or len(blocks) < last):
                blocks.append((element, text))
        return block or holds_block

    walk(scope)
    return blocks if last is None else blocks[::-1]


# Children walked one by one before lxml's tag-filtered search is started (it costs more
# than a few children's steps).
_SMALL = 16


def _has_block_under(element: HtmlElement) -> bool:
    return next(element.iterdescendants(*BLOCK_TAGS), None) is not None


def take_byline(body: HtmlElement) -> str | None:
    """Remove and return the byline among the last text blocks of the content.

    Furniture after it (an attachment line, a share bar, a source line) is skipped; the
    search stops at the first line of prose. A labelled author ("Tác giả:", "Tin, ảnh:")
    wins over a "Nguồn:" line; every byline line found is removed from the content.
    """
    # One block more than searched: whether the first of the content is among them.
    blocks = text_blocks(body, last=_BYLINE_REACH + 1)
    if not blocks:
        return None
    first = blocks[0][0] if len(blocks) <= _BYLINE_REACH else None
    found: list[tuple[int, str, HtmlElement]] = []
    for block, text in reversed(blocks[-_BYLINE_REACH:]):
        if next(block.iterancestors("td", "th"), None) is not None:
            break  # a table of the article, never a byline
        if labelled_byline(text):
            rank = 1 if _SOURCE_PREFIX.match(text) else 3
            found.append((rank, text, block))
            continue
        styled = byline_of(block, alone=block is first, stop=body, text=text)
        if styled:
            found.append((2, styled, block))
            continue
        if classify_line(text) in _SKIPPED_AFTER_BYLINE or _link_list(block, text):
            continue  # furniture or a related item after the byline
        break
    names = [(rank, clean_author(text), block) for rank, text, block in found]
    for _, _, block in found:
        block.drop_tree()
    names = [(rank, name) for rank, name, _ in names if name]
    return max(names, key=lambda pair: pair[0])[1] if names else None


def byline_after(container: HtmlElement | None, bodies: list[HtmlElement]) -> str | None:
    """A byline printed right after the content ("Tác giả: …", else "Nguồn tin: …", each in
    its own block), before any prose of the page. The byline blocks are removed."""
    if container is None or not bodies:
        return None
    last = bodies[-1]
    if not any(ancestor is container for ancestor in last.iterancestors()):
        return None
    found: list[tuple[int, str, HtmlElement]] = []
    # The bodies come in page order: no node after the last one is in any of them.
    for element in following(last, container):
        if element.tag not in _AFTER_BLOCKS:
            continue
        if any(child.tag in BLOCK_TAGS for child in element.iterdescendants()):
            continue
        text = text_of(element)
        if not text:
            continue
        if labelled_byline(text):
            name = clean_author(text)
            if name:
                found.append((1 if _SOURCE_PREFIX.match(text) else 3, name, element))
            continue
        if classify_line(text) or _link_words(element) / len(text.split()) >= _LINK_SHARE:
            continue  # furniture, an attachment or a list of links
        break
    for _, _, element in found:
        element.drop_tree()
    return max(found, key=lambda item: item[0])[1] if found else None


def following(element: HtmlElement, scope: HtmlElement) -> Iterator[HtmlElement]:
    """The nodes of ``scope`` after ``element``'s subtree, in document order: the following
    siblings of ``element`` and of each ancestor below ``scope``, with their subtrees
    (not a walk over the nodes before it and inside it)."""
    while element is not scope and element is not None:
        for sibling in element.itersiblings():
            yield from sibling.iter()
        element = element.getparent()


# ----------------------------------------------------------------------------- furniture

# Class or id words of share bars, tools, related boxes, attachments and tags in a content.
_FURNITURE_NAME = re.compile(
    r"(?:^|[\s_-])(?:share\w*|sharing|social|addthis|sharethis|print|tools|toolbar|font-?size"
    r"|rating|related\w*|relate|other-?news|tin-?lien-?quan|tin-?khac|attach(?:ment|ments|file)?"
    r"|download|dinh-?kem|file-?attach|tags|keywords?|comments?|binh-?luan)(?:$|[\s_-])",
    re.IGNORECASE,
)
_LINK_SHARE = 0.5
# Descendants with a class or an id, in document order (not by a Python step per element
# of the content).
_NAMED = AttributeOwners("descendant::*/@*[name()='class' or name()='id']")
_FURNITURE_LINES = frozenset({"share_print", "attachment", "font_size", "tags", "rating"})


def _link_words(element: HtmlElement) -> int:
    return sum(len(text_of(a).split()) for a in element.iter("a"))


def _link_list(element: HtmlElement, text: str | None = None) -> bool:
    """A list of links (a related-news list), or nothing visible (``text``: the element's
    text when the caller has read it already)."""
    words = len((text_of(element) if text is None else text).split())
    return words == 0 or _link_words(element) / words >= _LINK_SHARE


def drop_furniture(body: HtmlElement) -> None:
    """Remove share/print/font-size bars, attachment lines, tags and related-news boxes from
    the content element, wherever in it they sit."""
    for element in _NAMED(body):
        if element.getparent() is None:
            continue
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if names.strip() and _FURNITURE_NAME.search(names) and not _holds_prose(element):
            element.drop_tree()
    # A block's text is read before any is dropped: blocks do not nest, so dropping one
    # leaves the others' text as it was (a related box's list is then out of the body).
    # Only a related box takes other blocks with it: until one is dropped, all are in place.
    boxes_dropped = False
    for block, text in text_blocks(body):
        if boxes_dropped and (block.getparent() is None or not _inside(block, body)):
            continue
        reason = classify_line(text)
        if reason != "related_heading" and reason not in _FURNITURE_LINES:
            continue
        if next(block.iterancestors("td", "th"), None) is not None:
            continue  # a cell of the article's table ("86%" is a figure, not a font size)
        if reason == "related_heading":
            _drop_related_box(block, body)
            boxes_dropped = True
        else:
            block.drop_tree()


def _inside(element: HtmlElement, scope: HtmlElement) -> bool:
    return any(ancestor is scope for ancestor in element.iterancestors())


def _holds_prose(element: HtmlElement) -> bool:
    """A furniture-named element that still holds real text (a theme naming the whole
    content "news-tools-content"): keep it."""
    words = len(text_of(element).split())
    return words > 60 and _link_words(element) / words < _LINK_SHARE


def _drop_related_box(heading: HtmlElement, body: HtmlElement) -> None:
    """Remove a "Tin liên quan" heading and the link list that follows it."""
    box = heading
    while True:
        parent = box.getparent()
        if parent is None or parent is body:
            break
        others = [child for child in parent if child is not box]
        if (parent.text or "").strip() or not all(_link_list(child) for child in others):
            break
        box = parent
    following = []
    for sibling in box.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if next(sibling.iter("a"), None) is None or not _link_list(sibling):
            break  # (the cheap test first: a heading of the text is followed by prose)
        following.append(sibling)
    if not following and not any(True for _ in box.iter("a")):
        return  # a heading with no list after it: maybe the article's own words
    for element in [box, *following]:
        element.drop_tree()


# ----------------------------------------------------------------------------- dates

DATE_LABEL = re.compile(
    r"(?:đăng\s+ngày|ngày\s+đăng|ngày\s+xuất\s+bản|ngày\s+cập\s+nhật|cập\s+nhật\s+ngày|"
    r"thời\s+gian\s+đăng|ngày\s+ban\s+hành|đăng\s+lúc|ngày\s+viết)\s*:?",
    re.IGNORECASE,
)


def machine_date(root: HtmlElement, scope: HtmlElement | None) -> ParsedDate | None:
    """A date written for machines: ``article:published_time``/``datePublished`` meta tags,
    a ``itemprop="datePublished"`` element, or ``<time datetime>`` within the article."""
    for name in ("article:published_time", "datePublished", "pubdate", "publishdate"):
        for attribute in ("property", "name", "itemprop"):
            for value in root.xpath(f'//meta[@{attribute}="{name}"]/@content'):
                parsed = parse_iso_date(value) or parse_vn_date(value)
                if parsed:
                    return parsed
    for element in root.xpath('//*[@itemprop="datePublished"][not(self::meta)]'):
        value = element.get("content") or element.get("datetime") or element.text_content()
        parsed = parse_iso_date(value) or parse_vn_date(value)
        if parsed:
            return parsed
    if scope is None:
        return None
    for element in scope.iter("time"):
        if _in_link_list(element, scope):
            continue
        parsed = parse_iso_date(element.get("datetime")) or parse_vn_date(text_of(element))
        if parsed:
            return parsed
    return None


def _in_link_list(element: HtmlElement, scope: HtmlElement) -> bool:
    """Inside a link or a list item holding a link: a related article's date."""
    for ancestor in [element, *element.iterancestors()]:
        if ancestor.tag == "a" or (
            ancestor.tag == "li" and next(ancestor.iter("a"), None) is not None
        ):
            return True
        if ancestor is scope:
            return False
    return False


def meta_text(
    container: HtmlElement | None, title: HtmlElement | None, bodies: list[HtmlElement]
) -> tuple[str, str]:
    """Text of the article's own furniture: (between the title and the content, after the
    content). The title itself, the content and related lists (links, items with links)
    are left out, so a date in a title or in "Tin liên quan" is never read."""
    if container is None:
        return "", ""
    # The walk stops at the title and at each body, so it meets no node inside them: their
    # roots are enough to recognise them (sets of their every node cost a Python object
    # per node of the content).
    body_set = set(bodies)
    title_set = {title} if title is not None else set()
    before: list[str] = []
    after: list[str] = []
    seen_body = False
    started = title is None or not (
        title is container or any(a is container for a in title.iterancestors())
    )

    def walk(node: HtmlElement) -> None:
        nonlocal seen_body, started
        if not isinstance(node.tag, str) or is_hidden(node) or node.tag in ("script", "style"):
            return
        if node in title_set:
            started = True
            return
        if node in body_set:
            seen_body = True
            return
        if node.tag == "a" or (node.tag == "li" and next(node.iter("a"), None) is not None):
            return
        target = after if seen_body else before
        if node.text and started:
            target.append(node.text)
        for child in node:
            walk(child)
            if child.tail and started:
                (after if seen_body else before).append(child.tail)

    walk(container)
    # A lead or a caption that repeats the title brings the title's dates with it.
    title_text = text_of(title)
    texts = [" ".join(" ".join(part).split()) for part in (before, after)]
    if title_text:
        texts = [text.replace(title_text, " ") for text in texts]
    return texts[0], texts[1]


def date_in_meta(before: str, after: str) -> ParsedDate | None:
    """The date of the text between title and content (labelled first), or a labelled
    date after the content ("Ngày đăng: …" under the text)."""
    labelled = DATE_LABEL.search(before)
    if labelled:
        parsed = parse_vn_date(before[labelled.end() :])
        if parsed:
            return parsed
    dates = find_dates(before)
    if dates:
        return dates[0]
    labelled = DATE_LABEL.search(after)
    if labelled:
        return parse_vn_date(after[labelled.end() : labelled.end() + 60])
    return None
