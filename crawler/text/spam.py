"""Detection and removal of injected spam (hidden gambling links) in portal pages.

Compromised portals carry blocks such as
`<div style="display:none"><a href="https://139.99.113.80/">W88</a></div>` that search
engines see and readers do not. They must never reach the article text, and a portal that
carries them is worth flagging.

Hidden elements are everywhere on portals (drop-down menus, tabs, ASP.NET view state), so a
hidden block is reported only when it links off-site or to a bare IP address, or carries a
gambling word. Gambling brand names are spam anywhere; generic Vietnamese gambling words
("cá cược", "lô đề") also appear in police news, so in visible text they count only inside a
link or next to a URL or a brand name.
"""

import ipaddress
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from lxml import etree, html

from crawler.parsing.html import AttributeOwners, text_nodes

GAMBLING_BRANDS = (
    "w88", "fun88", "188bet", "m88", "kubet", "ku casino", "jun88", "789bet", "8xbet", "fb88",
    "v9bet", "hi88", "new88", "f8bet", "shbet", "okvip", "12bet", "dafabet", "bk8", "vn88",
    "five88", "11bet", "1xbet", "bet365", "sv388", "go88", "sunwin", "hitclub", "rikvip",
    "win79", "debet", "kingfun", "typhu88", "33win", "mb66", "ok365", "nhà cái uy tín",
)  # fmt: skip
GAMBLING_WORDS = (
    "nhà cái", "cá cược", "casino", "lô đề", "soi cầu", "tài xỉu", "nổ hũ", "bắn cá",
    "xóc đĩa", "đánh bài", "game bài", "slot", "cá độ", "baccarat", "poker", "đá gà",
    "cược bóng đá", "xổ số trực tuyến", "tỷ lệ kèo", "kèo nhà cái",
)  # fmt: skip


def _trie(words, after_first: str = "") -> str:
    """Alternatives of ``words`` with shared prefixes factored out ("w88|win79" becomes
    "w(?:88|in79)"): the regex engine then rejects most positions on their first letter.
    ``after_first`` follows each first letter."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        first = node is tree
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + (after_first if first else "")
            + pattern(child)
            for char, child in sorted(node.items())
            if char
        ]  # fmt: skip
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else f"(?:{'|'.join(branches)})"
        return body + ("?" if "" in node else "")

    return pattern(tree)


def _keyword_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    r"""Whole-word keywords, spaces matching any run of whitespace, for LOWER-CASED text
    (several times faster on a whole page than an IGNORECASE alternation).

    No word character may precede a keyword: that is checked after its first letter
    (``(?<!\w.)``, every keyword starts with a word character) rather than before it, so
    the pattern starts with the first letters and the engine skips every other position."""
    keywords = _trie((word.lower() for word in words), after_first=r"(?<!\w.)")
    return re.compile(rf"{keywords}(?!\w)")


_BRAND = _keyword_pattern(GAMBLING_BRANDS)
_GENERIC = _keyword_pattern(GAMBLING_WORDS)
# Either kind, for "is there any keyword on this page": one pass over the text, not two.
_ANY_KEYWORD = _keyword_pattern(GAMBLING_BRANDS + GAMBLING_WORDS)
# A scheme starts where no scheme character precedes it and is at most 32 characters long:
# without both, a long word is re-scanned from each of its letters (quadratic time).
_URL_IN_TEXT = re.compile(
    r"(?<![a-z0-9+.-])(?:[a-z][a-z0-9+.-]{0,31}://|www\.)[^\s<>\"']+", re.IGNORECASE
)
# Nothing of [\w./] before the address, checked after its first digit so that the pattern
# starts with a digit and the regex engine skips every position that holds none.
_BARE_IPV4_URL = re.compile(r"\d(?<![\w./]\d)\d{0,2}\.(?:\d{1,3}\.){2}\d{1,3}(?::\d+)?/[^\s<>\"']*")

_HIDDEN_STYLES = [
    re.compile(r"display:none"),
    re.compile(r"visibility:hidden"),
    re.compile(r"opacity:0(?:\.0+)?(?:;|!|$)"),
    re.compile(r"font-size:0(?:\.0+)?(?:px|pt|em|rem|%)?(?:;|!|$)"),
]
_SPACES = re.compile(r"\s+")
_POSITIONED = re.compile(r"position:(?:absolute|fixed)")
_FAR_NEGATIVE = re.compile(r"(?:left|top|right|bottom|margin-left|margin-top|text-indent):-(\d+)")
_ZERO_BOX = re.compile(r"(?:height|width|max-height):0(?:px)?(?:;|!|$)")
_OVERFLOW_HIDDEN = re.compile(r"overflow:hidden")
# Off-screen positioning further than any screen is wide.
FAR_OFFSET_PX = 500
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "head", "title", "meta", "link"}
EXCERPT_CHARS = 120


@dataclass
class SpamFinding:
    """One piece of injected spam. `element` is the node `remove_injected` drops."""

    kind: str
    text: str
    href: str | None = None
    element: html.HtmlElement | None = field(default=None, repr=False, compare=False)
    keyword: str | None = None  # the gambling word or brand found, when one was

    @property
    def evidence(self) -> str:
        """What `portal_flags.evidence` shows: the keyword found, then the link or excerpt."""
        shown = self.href or self.text
        return f"{self.keyword!r} in {shown}" if self.keyword else shown


def _excerpt(text: str) -> str:
    # Only the start is kept: normalising all of a 1 MB line per finding is quadratic.
    text = " ".join(unicodedata.normalize("NFC", text.lstrip()[: EXCERPT_CHARS * 4]).split())
    return text[:EXCERPT_CHARS]


def is_hidden(element: html.HtmlElement) -> bool:
    """True when inline style or the `hidden` attribute keeps the element off screen."""
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    if not style:  # most elements: no style to read
        return False
    style = _SPACES.sub("", style).lower()
    if any(pattern.search(style) for pattern in _HIDDEN_STYLES):
        return True
    if _POSITIONED.search(style) and any(
        int(offset) >= FAR_OFFSET_PX for offset in _FAR_NEGATIVE.findall(style)
    ):
        return True
    return bool(_ZERO_BOX.search(style) and _OVERFLOW_HIDDEN.search(style))


def _host_of(url: str) -> str | None:
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.lower() if host else None


def is_ip_host(host: str | None) -> bool:
    # An IPv4 address starts with a digit and an IPv6 one holds ":" (no parse needed for
    # the names of ordinary links).
    if not host or not (host[0].isdigit() or ":" in host):
        return False
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


@lru_cache(maxsize=4096)
def _links_to_ip(href: str) -> bool:
    """Whether a link points at a bare IP address; cached, since a portal's menus and footers
    repeat the same links on every page."""
    return is_ip_host(_host_of(href))


def _same_site(host: str, page_host: str) -> bool:
    host, page_host = host.removeprefix("www."), page_host.lower().removeprefix("www.")
    return host == page_host or host.endswith("." + page_host) or page_host.endswith("." + host)


def _own_text(element: html.HtmlElement) -> str:
    """Text directly inside the element (its text and its children's tails) plus the link
    title, which is where injected anchors often put the brand."""
    parts = [element.text or "", element.get("title", "")]
    parts.extend(child.tail or "" for child in element)
    return " ".join(parts)


def _links(element: html.HtmlElement) -> list[html.HtmlElement]:
    return [node for node in element.iter() if isinstance(node.tag, str) and node.get("href")]


def _hidden_block_findings(block: html.HtmlElement, page_host: str) -> list[SpamFinding]:
    text = block.text_content()
    findings = []
    for link in _links(block):
        href = link.get("href").strip()
        host = _host_of(href)
        if host and not is_ip_host(host) and not _same_site(host, page_host):
            findings.append(
                SpamFinding("offsite_hidden_link", _excerpt(link.text_content()), href, block)
            )
    suspicious_links = [f.href for f in findings] + [
        link.get("href").strip() for link in _links(block) if _links_to_ip(link.get("href"))
    ]
    lowered = text.lower()
    gambling = _BRAND.search(lowered) or _GENERIC.search(lowered)
    if suspicious_links or gambling:
        href = suspicious_links[0] if suspicious_links else None
        keyword = " ".join(gambling.group().split()) if gambling else None
        findings.insert(0, SpamFinding("hidden_block", _excerpt(text), href, block, keyword))
    return findings


# The page's title attributes as plain strings (its texts: text_nodes).
_TITLES = etree.XPath("//@title", smart_strings=False)
# Elements that can report on a page without keywords, in document order.
_MAYBE_REPORTING = AttributeOwners("//@*[name()='style' or name()='hidden' or name()='href']")


def find_injected(root: html.HtmlElement, page_host: str) -> list[SpamFinding]:
    """Hidden spam blocks, gambling keywords and links to bare IP addresses in a page."""
    findings: list[SpamFinding] = []
    # Keywords are looked for element by element only on a page that has one somewhere
    # (in its text or a link title); otherwise only hidden elements and links can report.
    page_words = " ".join([*text_nodes(root), *_TITLES(root)]).lower()
    keywords = _ANY_KEYWORD.search(page_words) is not None
    elements = root.iter() if keywords else _MAYBE_REPORTING(root)
    for element in elements:
        if not isinstance(element.tag, str) or element.tag in _SKIPPED_TAGS:
            continue
        if is_hidden(element) and (element.text_content().strip() or _links(element)):
            findings.extend(_hidden_block_findings(element, page_host))
        href = (element.get("href") or "").strip()
        if href and _links_to_ip(href):
            findings.append(SpamFinding("ip_link", _excerpt(element.text_content()), href, element))
        if not keywords:
            continue
        own = _own_text(element)
        lowered = own.lower()
        if not _ANY_KEYWORD.search(lowered):  # one search rules out both kinds on most
            continue
        match = _BRAND.search(lowered) or (
            _GENERIC.search(lowered) if href or _URL_IN_TEXT.search(own) else None
        )
        if match:
            keyword = " ".join(match.group().split())
            findings.append(
                SpamFinding("gambling_keyword", _excerpt(own), href or None, element, keyword)
            )
    return findings


def _has_removed_ancestor(element: html.HtmlElement, removed: set[int]) -> bool:
    parent = element.getparent()
    while parent is not None:
        if id(parent) in removed:
            return True
        parent = parent.getparent()
    return False


def remove_injected(
    root: html.HtmlElement, findings: list[SpamFinding] | None = None, page_host: str = ""
) -> int:
    """Drop the elements behind `findings` (found afresh when None) from the tree, keeping
    the text that follows them; returns how many subtrees were removed."""
    if findings is None:
        findings = find_injected(root, page_host)
    elements = {id(f.element): f.element for f in findings if f.element is not None}
    removed = set(elements)
    targets = [
        element
        for element in elements.values()
        if element is not root and not _has_removed_ancestor(element, removed)
    ]
    for element in targets:
        element.drop_tree()
    return len(targets)


def text_may_hold_spam(text: str) -> bool:
    """Whether `scan_text_for_spam` can find anything in any line of ``text``: every finding
    needs a URL, a bare-IP link or a brand in its line, and a match in a line is a match in
    the whole text. One pass over an article instead of a scan of each of its lines."""
    text = unicodedata.normalize("NFC", text)
    lowered = text.lower()
    # A URL holds "://" or "www." (any case): most articles need no scan for one.
    url = ("://" in text or "www." in lowered) and _URL_IN_TEXT.search(text)
    return bool(url or _BARE_IPV4_URL.search(text) or _BRAND.search(lowered))


def scan_text_for_spam(text: str) -> list[SpamFinding]:
    """Gambling brands, and generic gambling words next to a URL or a brand, in plain text,
    and URLs pointing at bare IP addresses."""
    findings = []
    for line in unicodedata.normalize("NFC", text).splitlines():
        urls = _URL_IN_TEXT.findall(line) + _BARE_IPV4_URL.findall(line)
        excerpt = _excerpt(line) if urls else ""  # once per line, not once per URL
        for url in urls:
            candidate = url if "://" in url else "http://" + url
            if is_ip_host(_host_of(candidate)):
                findings.append(SpamFinding("ip_link", excerpt, url))
        lowered = line.lower()
        brand = _BRAND.search(lowered)
        generic = _GENERIC.search(lowered) if (urls or brand) else None
        if brand or generic:
            keyword = " ".join((brand or generic).group().split())
            findings.append(SpamFinding("gambling_keyword", _excerpt(line), keyword=keyword))
    return findings
