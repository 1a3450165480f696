"""Markup helpers shared by every portal parser: text of elements, paragraphs of a body."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from lxml import etree
from lxml import html as lxml_html
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from crawler.text.normalize import strip_controls

# Elements that start and end a paragraph of running text.
BLOCK_TAGS = frozenset(
    "address article aside blockquote center dd div dl dt figcaption figure footer h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr ul".split()
)
# Elements whose content is never article text.
SKIPPED_TAGS = frozenset(
    "script style noscript template iframe object embed svg canvas button input select option "
    "textarea head map audio video".split()
)
_CELL_TAGS = frozenset({"td", "th"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Classes that hide an element in the CSS frameworks portals use (Bootstrap 3–5, NukeViet's
# schema.org spans "hidden hide d-none").
_HIDDEN_CLASSES = frozenset({"hidden", "hide", "d-none", "sr-only", "visually-hidden", "invisible"})
_HIDDEN_HINT = re.compile(r"hid|none|sr-only|invisible")
# A table row is a row of data, read as one line, unless it lays out the page: a cell that
# holds a nested table, a heading, many blocks or a long text is page layout.
_LAYOUT_CELL_BLOCKS = 8
_LAYOUT_CELL_WORDS = 150


def clean_inline(text: str | None) -> str:
    """One line of text: NFC, no invisible characters, single spaces."""
    if not text:
        return ""
    # Control characters (ESC, BEL, NUL…) and invisible format characters go; tabs and line
    # breaks are spaces (str.split() below).
    text = unicodedata.normalize("NFC", text)
    if not text.isprintable():  # most one-line texts are: no call for them
        text = strip_controls(text)
    # str.split() splits on every Unicode space (U+00A0, U+2000..U+200A, U+3000...).
    return " ".join(text.split())


# libxml2 silently drops everything nested deeper than this unless told `huge_tree`
# (which raises its limit to 2048 levels).
LIBXML_DEFAULT_DEPTH = 256
# Down to this depth a page keeps its markup (the sample portals nest 10 levels); deeper
# content (only broken or hostile templates nest this far) becomes plain paragraphs, so no
# walk over the tree recurses too deep and no per-ancestor scan grows with the depth.
FLATTEN_DEPTH = 64
_AT_FLATTEN_DEPTH = etree.XPath("/*" * FLATTEN_DEPTH)
_FLATTENED = "data-crawler-flattened-depth"
_PARSER = lxml_html.HTMLParser(huge_tree=True)
# Plain HtmlElements, chosen in C: lxml.html's default lookup calls Python for every element
# proxy (to give form fields their own classes, which no parser here uses), a fifth of the
# time of a page of many small elements.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement,
        comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction,
        entity=lxml_html.HtmlEntity,
    )
)
DEEP_NESTING = "deep nesting"


def parse_html(text: str) -> HtmlElement:
    """Parse a page; an empty or non-HTML answer gives an empty document, not an error.

    `huge_tree` keeps the text of pages nested deeper than libxml2's default limit (broken
    templates that never close a <div>); `deep_nesting_problem` tells whether a page was one."""
    if not text or not text.strip():
        return lxml_html.fromstring("<html><body></body></html>")
    try:
        root = lxml_html.document_fromstring(text, parser=_PARSER)
    except (ValueError, lxml_html.etree.ParserError):
        # Pages that declare an encoding in an XML prolog cannot be parsed from str.
        root = lxml_html.document_fromstring(text.encode("utf-8"), parser=_PARSER)
    for element in _AT_FLATTEN_DEPTH(root.getroottree()):
        _flatten(element)
    return root


def _flatten(element: HtmlElement) -> None:
    """Replace the subtree under ``element`` by one <p> per paragraph of its visible text,
    walked without recursion; the depth it reached is kept in an attribute for the flag."""
    if len(element) == 0:
        return
    paragraphs: list[str] = []
    buffer: list[str] = [element.text or ""]
    depth = deepest = FLATTEN_DEPTH
    walker = etree.iterwalk(element, events=("start", "end"))
    next(walker)  # the element itself
    for event, node in walker:
        if node is element:
            break
        tag = node.tag if isinstance(node.tag, str) else None
        if event == "start":
            depth += 1
            deepest = max(deepest, depth)
            if tag is None or tag in SKIPPED_TAGS or is_hidden(node):
                walker.skip_subtree()
                continue
            if tag in BLOCK_TAGS or tag == "br":
                paragraphs.append("".join(buffer))
                buffer.clear()
            buffer.append(node.text or "")
        else:
            depth -= 1
            if tag in BLOCK_TAGS:
                paragraphs.append("".join(buffer))
                buffer.clear()
            buffer.append(node.tail or "")
    paragraphs.append("".join(buffer))
    for child in list(element):
        element.remove(child)
    element.text = None
    for paragraph in paragraphs:
        if paragraph.strip():
            etree.SubElement(element, "p").text = paragraph
    element.set(_FLATTENED, str(deepest))


def nesting_depth(root: HtmlElement) -> int:
    """How deep the page's markup went, counting what `parse_html` flattened."""
    flattened = [int(value) for value in root.xpath(f"//@{_FLATTENED}")]
    depth = deepest = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return max([deepest, *flattened])


def deep_nesting_problem(root: HtmlElement) -> str | None:
    """The note a parsed page gets when it was nested deeper than libxml2's default limit."""
    depth = nesting_depth(root) if root.xpath(f"boolean(//@{_FLATTENED})") else 0
    if depth <= LIBXML_DEFAULT_DEPTH:
        return None
    return f"{DEEP_NESTING}: markup nested {depth} levels deep (text kept with huge_tree)"


def is_hidden(element: HtmlElement) -> bool:
    """Hidden by inline style or attribute: what a reader never sees is not article text."""
    if not element.keys():  # most elements have no attribute: one call instead of four
        return False
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    classes = element.get("class")
    if classes and _HIDDEN_HINT.search(classes) and not _HIDDEN_CLASSES.isdisjoint(classes.split()):
        return True
    style = element.get("style")
    return style is not None and _HIDDEN_STYLE.search(style) is not None


def text_of(element: HtmlElement | None) -> str:
    """Visible text of an element on one line."""
    if element is None:
        return ""
    return clean_inline(" ".join(_visible_strings(element)))


class AttributeOwners:
    """The elements holding the attributes an XPath selects, in document order, each once.

    Found through the attribute axis: an element test with several attribute predicates
    costs 0.5 µs per element (11 ms for a paragraph of 20,000 <br>), this 0.02 µs. Not with
    a last step "/..": libxml2 checks each parent it finds against every one found before
    (3 s for 40,000 classed elements, quadratic), so the parents are taken here."""

    def __init__(self, attributes: str):
        self._select = etree.XPath(attributes)

    def __call__(self, element: HtmlElement) -> list[HtmlElement]:
        return list(dict.fromkeys(found.getparent() for found in self._select(element)))


# Descendants with an attribute is_hidden may find hiding them (a class with one of
# _HIDDEN_HINT's words).
_MAYBE_HIDDEN = AttributeOwners(
    "descendant::*/@*[name()='hidden' or name()='aria-hidden' or name()='style'"
    " or name()='class' and (contains(., 'hid') or contains(., 'none')"
    " or contains(., 'sr-only') or contains(., 'invisible'))]"
)
# The texts and tails under an element, in document order, as plain strings: what
# itertext() yields, at a fifth of its cost on large subtrees (no Python object per step).
text_nodes = etree.XPath("descendant::text()", smart_strings=False)


def _visible_strings(element: HtmlElement) -> Iterable[str]:
    """The texts and tails under ``element`` a reader sees, in order; a walk without
    recursion, so nested markup costs its size, not its size times its depth. A subtree
    where nothing is hidden is read by lxml itself (a page of 20,000 lines was read once
    per line in Python, several times per page)."""
    if not isinstance(element.tag, str) or element.tag in SKIPPED_TAGS or is_hidden(element):
        return ()
    if not len(element):  # no children: its text (the tail is not its own)
        return (element.text or "",)
    if _nothing_hidden_under(element):
        return text_nodes(element)  # empty pieces are spaces, which clean_inline collapses
    return _walk_visible(element)


# Descendants checked one by one before lxml is asked: starting its tag-filtered iteration
# and its XPath costs more than visiting a list item's few nodes in Python.
_SMALL_SUBTREE = 16


def _nothing_hidden_under(element: HtmlElement) -> bool:
    """No descendant of ``element`` is skipped or hidden."""
    for count, node in enumerate(element.iterdescendants()):
        if count == _SMALL_SUBTREE:
            return next(element.iter(*SKIPPED_TAGS), None) is None and not any(
                map(is_hidden, _MAYBE_HIDDEN(element))
            )
        if isinstance(node.tag, str) and (node.tag in SKIPPED_TAGS or is_hidden(node)):
            return False
    return True


def _walk_visible(element: HtmlElement) -> Iterable[str]:
    """_visible_strings of a subtree that hides some of its parts."""
    if element.text:
        yield element.text
    stack = [(element, iter(element))]  # an element and its children still to visit
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if stack and node.tail:  # a child's tail follows its subtree
                yield node.tail
        elif not isinstance(child.tag, str) or child.tag in SKIPPED_TAGS or is_hidden(child):
            if child.tail:
                yield child.tail
        else:
            if child.text:
                yield child.text
            stack.append((child, iter(child)))


def paragraphs_of(element: HtmlElement | None) -> list[str]:
    """Visible text of a body element as paragraphs, in reading order.

    Block elements and ``<br>`` end a paragraph; a table row of data becomes one paragraph
    with cells separated by " | " (paragraphs inside a cell joined by a space); hidden and
    non-text elements contribute nothing.
    """
    if element is None:
        return []
    paragraphs: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        if not buffer:
            return
        line = clean_inline(buffer[0] if len(buffer) == 1 else "".join(buffer))
        buffer.clear()
        if line and line != "|":
            paragraphs.append(line.strip(" |"))

    def walk(node: HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else None
        if tag is None or tag in SKIPPED_TAGS or is_hidden(node):
            pass
        elif tag == "br":
            flush()
        elif tag == "tr" and is_data_row(node):
            flush()
            cells = [_cell_text(cell) for cell in node if _is_cell(cell)]
            buffer.append(" | ".join(cell for cell in cells if cell))
            flush()
        else:
            block = tag in BLOCK_TAGS
            if block:
                flush()
            elif tag in _CELL_TAGS and "".join(buffer).strip():
                buffer.append(" | ")
            if node.text:
                buffer.append(node.text)
            for child in node:
                if child.tag == "br" and not child.keys():  # a plain line break, inline:
                    flush()  # thousands of them cost a call each
                    if child.tail:
                        buffer.append(child.tail)
                else:
                    walk(child)
            if block:
                flush()
            elif tag in _CELL_TAGS:
                buffer.append(" ")
        if node.tail and node is not element:
            buffer.append(node.tail)

    walk(element)
    flush()
    return paragraphs


def _is_cell(node: HtmlElement) -> bool:
    return node.tag in _CELL_TAGS and not is_hidden(node)


def is_data_row(row: HtmlElement) -> bool:
    """A ``<tr>`` of an article's table, not a row of a page laid out with tables."""
    for cell in row:
        if not _is_cell(cell):
            continue
        blocks = 0
        for element in cell.iterdescendants():
            tag = element.tag
            if tag in ("table", "h1", "h2", "h3", "form"):
                return False
            if tag in BLOCK_TAGS:
                blocks += 1
        if blocks > _LAYOUT_CELL_BLOCKS or _more_words(cell, _LAYOUT_CELL_WORDS):
            return False
    return True


def _more_words(element: HtmlElement, limit: int) -> bool:
    """Whether the visible text of ``element`` has more than ``limit`` words; the text of
    an element without children has not when it has no more characters than that."""
    if not len(element) and len(element.text or "") <= limit:
        return False
    return len(text_of(element).split()) > limit


def _cell_text(cell: HtmlElement) -> str:
    """A table cell's paragraphs on one line; a cell of plain text without the walk."""
    if len(cell):
        return " ".join(paragraphs_of(cell))
    line = clean_inline(cell.text)
    return line.strip(" |") if line != "|" else ""


@lru_cache(maxsize=512)
def _compiled(selector: str) -> CSSSelector:
    return CSSSelector(selector, translator="html")


def select(element: HtmlElement, selector: str) -> list[HtmlElement]:
    """``element.cssselect(selector)`` with the selector compiled once per process.

    Translating CSS to XPath costs more than running it; the families' selectors are fixed.
    """
    return _compiled(selector)(element)


def first(root: HtmlElement, selectors: Iterable[str]) -> HtmlElement | None:
    """The first element matched by the first selector that matches anything."""
    for selector in selectors:
        found = select(root, selector)
        if found:
            return found[0]
    return None


def first_text(root: HtmlElement, selectors: Iterable[str]) -> str:
    """Text of the first matching element that has any text."""
    for selector in selectors:
        for element in select(root, selector):
            text = text_of(element)
            if text:
                return text
    return ""


def meta_content(root: HtmlElement, *names: str) -> str:
    """Content of the first ``<meta property|name|itemprop=...>`` present."""
    for name in names:
        for attribute in ("property", "name", "itemprop"):
            found = root.xpath(f'//meta[@{attribute}="{name}"]/@content')
            if found and found[0].strip():
                return clean_inline(found[0])
    return ""


def style_of(element: HtmlElement) -> str:
    return (element.get("style") or "").replace(" ", "").lower()
