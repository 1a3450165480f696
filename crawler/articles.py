"""One path from a downloaded article page to the item the pipelines store.

Every family spider, the generic spider and ``scrapy reparse`` go through ``page_item``:
decode once (``read_page``), parse once into one lxml tree, recognise an error page, scan the
whole page for injected spam and read its attachment links from that tree, extract the
fields (the family's selectors, then the generic extractor for the fields they missed), and
build the item, or a failure item saying which field is missing and why.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from lxml.html import HtmlElement

from crawler.dates import ParsedDate, refine_with
from crawler.items import ArticleItem, PageFailureItem
from crawler.parsing.base import ParsedArticle, absolute_url
from crawler.parsing.errors import error_page_reason
from crawler.parsing.html import DEEP_NESTING, parse_html, text_of
from crawler.text.normalize import DecodedPage, decode_html
from crawler.text.spam import SpamFinding, find_injected

logger = logging.getLogger(__name__)

# Parses a page's tree (which it may change) for the article at a URL.
Parser = Callable[[HtmlElement, str], ParsedArticle]

# Item fields the generic extractor fills when a family's selectors miss them.
FALLBACK_FIELDS = ("title", "published_at", "body", "author", "view_count")
# Without these an article is not usable: missing title or body fails the page.
REQUIRED_FIELDS = ("title", "body")
# A field nothing finds is recorded as a failure of the page when it is one of these;
# many portals print no author or view counter at all, so their absence is not a fault.
RECORDED_WHEN_MISSING = ("title", "published_at", "body")


@dataclass
class ArticlePage:
    """An article page decoded and parsed once; the tree is shared by every step."""

    url: str
    decoded: DecodedPage
    root: HtmlElement
    # What the `pages` table keeps: the bytes as served, how they were decoded, the answer.
    raw: dict = field(repr=False)
    # Read from the tree before anything changes it: injected spam on the whole page, and
    # the attachment links with their ancestors (to tell the article's from a sidebar's).
    spam: list[SpamFinding] = field(default_factory=list, repr=False)
    links: list[tuple[Attachment, list[HtmlElement]]] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        return self.decoded.text


def read_page(
    url: str,
    html: bytes,
    declared_encoding: str | None = None,
    status: int | None = None,
    content_type: str | None = None,
    decoded: DecodedPage | None = None,
) -> ArticlePage:
    """The page decoded (unless ``decoded`` already is) and parsed into its one tree."""
    decoded = decoded or decode_html(html, declared_encoding)
    raw = {
        "html": html,
        "encoding": decoded.encoding,
        "status": status,
        "content_type": content_type,
    }
    root = parse_html(decoded.text)
    spam = find_injected(root, urlsplit(url).hostname or "")
    return ArticlePage(url, decoded, root, raw, spam, article_links(root, url))


@dataclass(frozen=True)
class Source:
    """What is known of an article page besides the page: its portal and its listing."""

    portal: str
    family: str
    category: str | None = None
    listing_url: str | None = None
    listing_published: ParsedDate | None = None
    listing_title: str = ""


# ---------------------------------------------------------------------- attachments

ATTACHMENT_TYPES = ("pdf", "doc", "docx", "xls", "xlsx", "zip")
_FILE_EXTENSION = re.compile(rf"\.({'|'.join(ATTACHMENT_TYPES)})(?=$|[?&#;/])", re.IGNORECASE)
_ATTACHMENT_LABEL = re.compile(
    r"tải\s+về|tải\s+xuống|file\s+đính\s+kèm|tệp\s+đính\s+kèm|tập\s+tin\s+đính\s+kèm"
    r"|văn\s+bản\s+đính\s+kèm|tài\s+liệu\s+đính\s+kèm|download",
    re.IGNORECASE,
)
# The same words for lower-cased text: searching a lowered page is six times faster than
# an IGNORECASE search and finds the same, but where dotless or dotted I ("ı", "İ") could
# stand for an "i": such a page is searched as it is.
_ATTACHMENT_LABEL_LOWERED = re.compile(_ATTACHMENT_LABEL.pattern)


def says_attachment(text: str) -> bool:
    """Whether ``text`` holds an attachment label ("Tải về", "File đính kèm"…)."""
    if "ı" in text or "İ" in text:
        return _ATTACHMENT_LABEL.search(text) is not None
    return _ATTACHMENT_LABEL_LOWERED.search(text.lower()) is not None


# Link texts that say "download" rather than what the file is.
_GENERIC_LINK_TEXT = re.compile(
    r"^(?:tải\s+về|tải\s+xuống|tải|download|xem|xem\s+file|tại\s+đây|file\s+đính\s+kèm"
    r"|tệp\s+đính\s+kèm|đính\s+kèm|chi\s+tiết)?\s*[:.]?$",
    re.IGNORECASE,
)
_LABEL_PREFIX = re.compile(
    r"^(?:(?:file|tệp|tập\s+tin|văn\s+bản|tài\s+liệu)\s+đính\s+kèm|đính\s+kèm)\s*[:：-]?\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Attachment:
    """A file an article links to (a report, a decision, a spreadsheet)."""

    url: str
    label: str
    file_type: str | None

    def to_dict(self) -> dict:
        return {"file_url": self.url, "label": self.label, "file_type": self.file_type}


def file_type_of(url: str) -> str | None:
    """The attachment type a URL names in its path or query (``?file=bao-cao.pdf``)."""
    parts = urlsplit(url)
    found = _FILE_EXTENSION.search(unquote(parts.path)) or _FILE_EXTENSION.search(
        unquote(parts.query)
    )
    return found[1].lower() if found else None


def attachment_links(root: HtmlElement, page_url: str) -> list[tuple[HtmlElement, Attachment]]:
    """Every link of the page to a file of an attachment type, or labelled as an attachment
    ("Tải về", "File đính kèm: …"), with its element, in page order, once per file URL."""
    found: list[tuple[HtmlElement, Attachment]] = []
    seen: set[str] = set()
    # Most pages say "Tải về" nowhere: then only hrefs naming a file type need a look.
    labelled_page = says_attachment(root.text_content())
    for anchor in root.iter("a"):
        href = anchor.get("href")
        if not href or not (labelled_page or _FILE_EXTENSION.search(href)):
            continue
        url = absolute_url(href, page_url)
        if not url or url in seen or not url.startswith(("http://", "https://")):
            continue
        file_type = file_type_of(url)
        text = text_of(anchor) or (anchor.get("title") or "").strip()
        if file_type is None and not _labelled(anchor, text):
            continue
        seen.add(url)
        found.append((anchor, Attachment(url, _label(anchor, text, url), file_type)))
    return found


def _labelled(anchor: HtmlElement, text: str) -> bool:
    """A link that says it is an attachment, or a short link on a line that says so."""
    if _ATTACHMENT_LABEL.search(text):
        return True
    return len(text.split()) <= 4 and _ATTACHMENT_LABEL.search(_block_text(anchor)) is not None


def _block_text(anchor: HtmlElement) -> str:
    """Text of the line (paragraph, list item, cell) the link sits on."""
    for ancestor in list(anchor.iterancestors())[:3]:
        if ancestor.tag in ("p", "li", "td", "div", "span", "dd"):
            text = text_of(ancestor)
            return text if len(text) <= 300 else ""
    return ""


def _label(anchor: HtmlElement, text: str, url: str) -> str:
    """What the file is: the link text, else the text of its line, else its file name."""
    if text and not _GENERIC_LINK_TEXT.match(text):
        return _LABEL_PREFIX.sub("", text) or text
    line = _block_text(anchor)
    if text:
        line = line.replace(text, " ")
    line = " ".join(_LABEL_PREFIX.sub("", line.strip(" :-|")).split()).strip(" :-|")
    if line:
        return line
    return unquote(urlsplit(url).path.rsplit("/", 1)[-1]) or url


# ---------------------------------------------------------------------- field fallback


class FieldFallback:
    """Fills the fields a family's selectors missed with the generic extractor, counting
    each field filled (stat ``fallback/<field>`` and ``fallback/<field>/<portal>``).

    Title, date and body are always looked for. Author and view count, which many portals
    never print, are looked for while the generic extractor still finds them on the portal:
    after ``probe_pages`` pages of a portal where it found neither, only the first three
    fields make it run (a portal's pages share one template).
    """

    def __init__(self, parse: Callable[[HtmlElement, str, str], ParsedArticle], probe=3):
        self.parse = parse
        self.probe_pages = probe
        self.tries: Counter[tuple[str, str]] = Counter()
        self.hits: Counter[tuple[str, str]] = Counter()

    def wanted(self, portal: str, missing: list[str]) -> list[str]:
        return [
            name
            for name in missing
            if name in RECORDED_WHEN_MISSING
            or self.hits[portal, name]
            or self.tries[portal, name] < self.probe_pages
        ]

    def fill(
        self, article: ParsedArticle, page: ArticlePage, source: Source, stats
    ) -> ParsedArticle:
        """``article`` with its missing fields taken from the generic extractor, or as it is."""
        wanted = self.wanted(source.portal, missing_fields(article))
        if not wanted:
            return article
        # The family's parse changed the shared tree: the generic extractor gets its own.
        root = parse_html(page.text)
        links = article_links(root, page.url)
        generic = self.parse(root, page.url, source.listing_title, fields=wanted)
        for name in wanted:
            self.tries[source.portal, name] += 1
            if not field_value(generic, name):
                continue
            self.hits[source.portal, name] += 1
            set_field(article, name, generic)
            stats.inc_value(f"fallback/{name}")
            stats.inc_value(f"fallback/{name}/{source.portal}")
            logger.debug("article %s: %s found by the generic extractor", page.url, name)
        if "body" in wanted and article.paragraphs is generic.paragraphs:
            # The article's links are now those of the generic extractor's tree.
            article.region, page.links = generic.region, links
            article.problems = [p for p in article.problems if not p.startswith("no body")]
        return article


def field_value(article: ParsedArticle, name: str):
    return {
        "title": article.title,
        "published_at": article.published,
        "body": article.paragraphs,
        "author": article.author,
        "view_count": article.view_count,
    }[name]


def set_field(article: ParsedArticle, name: str, source: ParsedArticle) -> None:
    attribute = {"published_at": "published", "body": "paragraphs"}.get(name, name)
    setattr(article, attribute, getattr(source, attribute))
    if name == "title":
        article.problems = [p for p in article.problems if not p.startswith("no title")]
    elif name == "published_at":
        article.problems = [p for p in article.problems if not p.startswith("no date")]


def missing_fields(article: ParsedArticle) -> list[str]:
    return [
        name
        for name in FALLBACK_FIELDS
        if field_value(article, name) is None or field_value(article, name) in ("", [])
    ]


# ---------------------------------------------------------------------- the one path


def page_item(
    page: ArticlePage,
    parse: Parser,
    source: Source,
    stats,
    fallback: FieldFallback | None = None,
) -> ArticleItem | PageFailureItem:
    """The item of an article page, or the failure item that says why there is none."""
    portal = source.portal
    not_found = error_page_reason(page.text, page.root)
    if not_found:
        logger.error("article %s (portal %s): %s", page.url, portal, not_found)
        stats.inc_value("articles/error_page")
        return failure_item(page, portal, not_found, stats)
    article = parse(page.root, page.url)
    if fallback is not None:
        article = fallback.fill(article, page, source, stats)
    missing = [name for name in RECORDED_WHEN_MISSING if not field_value(article, name)]
    if any(name in REQUIRED_FIELDS for name in missing):
        reason = "; ".join(article.problems) or "nothing to parse"
        logger.error("article %s (portal %s): %s", page.url, portal, reason)
        stats.inc_value("articles/unparsable")
        stats.inc_value(f"articles/unparsable/{portal}")
        required = [name for name in missing if name in REQUIRED_FIELDS]
        return failure_item(page, portal, f"unparsable: {reason}", stats, ", ".join(required))
    if article.published is None and source.listing_published is not None:
        stats.inc_value("articles/date_from_listing")
    stats.inc_value(f"articles/parsed/{portal}")
    for problem in article.problems:
        if problem.startswith(DEEP_NESTING):  # kept whole, but worth a look
            stats.inc_value("pages/deep_nesting")
            logger.warning("article %s (portal %s): %s", page.url, portal, problem)
    published = refine_with(article.published, source.listing_published)
    item = ArticleItem(
        url=article.url,
        portal=portal,
        family=source.family,
        title=article.title,
        published_at=published.isoformat() if published else None,
        author=article.author,
        view_count=article.view_count,
        category=article.category or source.category or None,
        body=article.body,
        listing_url=source.listing_url,
        listing_published_at=(
            source.listing_published.isoformat() if source.listing_published else None
        ),
        spam=page.spam,
        attachments=[
            a.to_dict() for a, ancestors in page.links if in_article(article.region, ancestors)
        ],
        missing=[] if published else [("published_at", date_problem(article))],
        **page.raw,
    )
    if item["attachments"]:
        stats.inc_value("attachments/found", len(item["attachments"]))
    return item


def article_links(root: HtmlElement, url: str) -> list[tuple[Attachment, list[HtmlElement]]]:
    """The page's attachment links with their ancestors, read before parsing changes the
    tree (a byline or an attachment line may be removed from it)."""
    return [
        (attachment, list(anchor.iterancestors()))
        for anchor, attachment in attachment_links(root, url)
    ]


def in_article(region: HtmlElement | None, ancestors: list[HtmlElement]) -> bool:
    """Whether a link whose ancestors before parsing were ``ancestors`` is the article's:
    inside its region, or in a block following the region in the same parent (attachment
    boxes printed under the article)."""
    if region is None:
        return False
    # The elements themselves are kept (not their id()): lxml makes a new Python object for
    # a node nobody holds, so an id would not survive.
    following = set(region.itersiblings())
    return any(element is region or element in following for element in ancestors)


def date_problem(article: ParsedArticle) -> str:
    return next((p for p in article.problems if "date" in p), "no date found")


def failure_item(
    page: ArticlePage, portal: str, reason: str, stats, missing_field: str | None = None
) -> PageFailureItem:
    stats.inc_value(f"failures/article/{portal}")
    return PageFailureItem(
        url=page.url,
        portal=portal,
        stage="article",
        reason=reason,
        field=missing_field or None,
        **page.raw,
    )
