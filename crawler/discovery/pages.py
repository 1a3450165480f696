"""What a portal's home page says about the portal: its news listings, the portals it links
to, the unit it belongs to and whether it is an archive. Plain functions over HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urldefrag, urlsplit

from lxml.html import HtmlElement

from crawler.dates import VN_TZ, ParsedDate
from crawler.parsing.base import absolute_url, same_site
from crawler.parsing.html import clean_inline, parse_html, text_of
from crawler.text.vietnamese import fold

# ================================================================== news listings

# Menu labels of news listings, folded, with how surely each names the main news list.
_LISTING_LABELS = (
    (3.0, re.compile(r"^tin (?:tuc )?moi(?: nhat| cap nhat)?$")),
    (3.0, re.compile(r"^tin tuc\s*[-–:/,&]?\s*su kien$")),
    (2.5, re.compile(r"^tin tuc(?: chung| tong hop)?$")),
    (2.0, re.compile(r"^tin (?:hoat dong|dia phuong|trong (?:xa|phuong|huyen|tinh))\b")),
    (1.5, re.compile(r"^(?:thoi su|hoat dong (?:cua )?(?:lanh dao|chinh quyen|dia phuong))\b")),
)
# URL words of news listings ("tin-tuc", "TinTuc.aspx", "/news/", "Tin-moi-nhat").
_LISTING_URL = re.compile(r"tin-?tuc|tin-moi|tinmoi|/news\b|/tin\b|su-kien|category", re.I)
_MAX_LISTINGS = 5


@dataclass(frozen=True)
class LinkedPage:
    url: str
    label: str
    score: float


def news_listings(page: str | HtmlElement, url: str) -> list[LinkedPage]:
    """The portal's news listings linked from ``page``, surest first: "Tin mới nhất",
    "Tin tức - Sự kiện", "Tin tức", and the categories of the news menu."""
    root = parse_html(page) if isinstance(page, str) else page
    found: dict[str, LinkedPage] = {}

    def add(anchor: HtmlElement, score: float) -> None:
        href = absolute_url(anchor.get("href"), url)
        if not href or not same_site(href, url) or href.startswith("javascript"):
            return
        href = urldefrag(href)[0]
        if _LISTING_URL.search(urlsplit(href).path + urlsplit(href).query):
            score += 0.5
        label = text_of(anchor) or clean_inline(anchor.get("title"))
        if href not in found or found[href].score < score:
            found[href] = LinkedPage(href, label, score)

    for anchor in root.iter("a"):
        label = fold(text_of(anchor) or clean_inline(anchor.get("title")))
        label = re.sub(r"\s+", " ", label).strip(" .:»>")
        score = next((s for s, pattern in _LISTING_LABELS if pattern.search(label)), 0.0)
        if not score:
            continue
        add(anchor, score)
        # The categories under a news menu item ("Tin tức" > "Chính trị", "Kinh tế"…).
        item = _menu_item(anchor)
        if item is not None:
            for sub in item.iter("a"):
                if sub is not anchor:
                    add(sub, 1.0)
    ranked = sorted(found.values(), key=lambda link: -link.score)
    return ranked[:_MAX_LISTINGS]


def _menu_item(anchor: HtmlElement) -> HtmlElement | None:
    """The ``<li>`` of a menu that the anchor heads, when it holds a sub-menu."""
    parent = anchor.getparent()
    while parent is not None and parent.tag not in ("li", "body"):
        parent = parent.getparent()
    if parent is None or parent.tag != "li":
        return None
    return parent if any(child.tag in ("ul", "ol", "div") for child in parent) else None


# ================================================================== linked portals

# Headings of the blocks that list other portals: "Liên kết website", "Các xã, phường",
# "Cổng thành phần", "Đơn vị trực thuộc", "Website các huyện".
_PORTAL_BLOCK = re.compile(
    r"lien ket|website|trang (?:thanh phan|tin)|cong thanh phan|cac (?:xa|phuong|huyen|don vi)"
    r"|don vi truc thuoc|xa,? phuong|dia phuong"
)


@dataclass(frozen=True)
class PortalLink:
    url: str
    host: str
    label: str
    why: str


def portal_links(
    page: str | HtmlElement, url: str, domains: tuple[str, ...] = ("gov.vn",)
) -> list[PortalLink]:
    """Other portals that ``page`` links to: any host under this portal's own domain (its
    communes, districts), and hosts under ``domains`` listed in a link block or drop-down
    ("Liên kết website", "Các xã, phường"). A national site's banner elsewhere is not a
    portal of this unit and is left out."""
    root = parse_html(page) if isinstance(page, str) else page
    own = portal_host(url)
    found: dict[str, PortalLink] = {}
    candidates = [(a, a.get("href")) for a in root.iter("a")]
    candidates += [(o, o.get("value")) for o in root.iter("option")]
    for element, href in candidates:
        target = absolute_url((href or "").strip(), url)
        if not target or urlsplit(target).scheme not in ("http", "https"):
            continue
        host = portal_host(target)
        if not host or host == own or host in found or not _under(host, domains):
            continue
        label = text_of(element) or clean_inline(element.get("title"))
        if host.endswith("." + own):
            why = f"a unit under {own}"
        elif element.tag == "option" or _in_portal_block(element):
            why = "listed in a block of linked portals"
        else:
            continue
        found[host] = PortalLink(target, host, label, why)
    return list(found.values())


def portal_host(url: str) -> str:
    """The host a portal is known by: lower case, without "www."."""
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def _under(host: str, domains: tuple[str, ...]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def _in_portal_block(element: HtmlElement, levels: int = 3) -> bool:
    """Whether the class/id of an enclosing block, or the heading that opens it, names a list
    of portals ("Liên kết website", "Các xã, phường"): only the block's first child counts as
    its heading, so a page-wide heading does not claim every link below it."""
    node = element.getparent()
    for _ in range(levels):
        if node is None or node.tag in ("body", "html"):
            return False
        names = " ".join(filter(None, (node.get("class"), node.get("id"))))
        if _PORTAL_BLOCK.search(fold(names).replace("-", " ").replace("_", " ")):
            return True
        heading = next(iter(node), None)
        if (
            heading is not None
            and heading.tag in _HEADING_TAGS
            and element not in heading.iter()
            and _PORTAL_BLOCK.search(fold(text_of(heading))[:60])
        ):
            return True
        node = node.getparent()
    return False


_HEADING_TAGS = frozenset("h2 h3 h4 h5 h6 label span strong b p div legend caption".split())


# ================================================================== the unit a portal serves

# Unit words of 2025, most specific first, and the registry level each belongs to.
_UNITS = (
    ("thị trấn", "xã"),
    ("phường", "xã"),
    ("xã", "xã"),
    ("đặc khu", "xã"),
    ("thị xã", "huyện"),
    ("quận", "huyện"),
    ("huyện", "huyện"),
    ("thành phố", "tỉnh"),
    ("tỉnh", "tỉnh"),
)
_UNIT = re.compile(
    r"\b(" + "|".join(word for word, _ in _UNITS) + r")\s+"
    r"((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ0-9][\wÀ-ỹ'-]*)(?:\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ0-9][\wÀ-ỹ'-]*){0,3})",
)
_LEVEL_OF = dict(_UNITS)


@dataclass(frozen=True)
class Unit:
    kind: str  # "xã", "phường", "huyện", "tỉnh", …
    name: str  # "Quang Thành"
    level: str  # the registry level: tỉnh | huyện | xã

    @property
    def full_name(self) -> str:
        return f"{self.kind} {self.name}"


def units_named(text: str) -> list[Unit]:
    """The administrative units a portal's title names, in order: "Cổng thông tin điện tử xã
    Quang Thành, thị xã Kinh Môn" -> [xã Quang Thành, thị xã Kinh Môn]."""
    text = clean_inline(text)
    units: list[Unit] = []
    for match in _UNIT.finditer(text):
        word = match.group(1).lower()
        if match.start() > 0 and text[match.start() - 1].isalpha():
            continue
        units.append(Unit(word, match.group(2).strip(), _LEVEL_OF[word]))
    return units


def portal_title(root: HtmlElement) -> str:
    """The portal's own name: ``<title>`` or the header's first heading, site-wide part only."""
    title = text_of(root.find(".//title"))
    for part in re.split(r"\s+[|»–-]\s+", title):
        if units_named(part):
            return part
    heading = next(
        (text_of(h) for h in root.iter("h1", "h2", "strong") if units_named(text_of(h))), ""
    )
    return heading or title


# ================================================================== archives

_ARCHIVE_WORDS = re.compile(
    r"trang (?:luu tru|thong tin luu tru)|cong (?:thong tin )?luu tru|da (?:ngung|dung) hoat dong"
    r"|ngung (?:hoat dong|cap nhat)|khong con cap nhat|chuyen sang (?:dia chi|trang|cong)"
)


def archive_reason(
    page_text: str, newest: ParsedDate | None, max_age: timedelta, now: datetime | None = None
) -> str | None:
    """Why a portal looks like an archive: it says so, or its newest article is too old."""
    match = _ARCHIVE_WORDS.search(fold(page_text))
    if match:
        return f"the page says {match.group(0)!r}"
    now = now or datetime.now(VN_TZ)
    if newest is not None and now - newest.value > max_age:
        return f"newest article {newest.value.date().isoformat()}, over {max_age.days} days old"
    return None
