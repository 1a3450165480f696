"""Make article text trustworthy: normalised Unicode, no portal furniture, no injected spam."""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter

from crawler.items import ArticleItem
from crawler.parsing.html import clean_inline
from crawler.text.boilerplate import strip_boilerplate
from crawler.text.markup import strip_markup
from crawler.text.normalize import diacritics_quality, normalize_text
from crawler.text.spam import scan_text_for_spam, text_may_hold_spam

logger = logging.getLogger(__name__)


class ArticlePipeline:
    """Base for pipelines that only touch articles and count what they do in the stats."""

    def __init__(self, crawler):
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        if isinstance(item, ArticleItem):
            self.process_article(ItemAdapter(item))
        return item

    def process_article(self, article: ItemAdapter) -> None:
        raise NotImplementedError


class NormalizationPipeline(ArticlePipeline):
    """NFC, one kind of space, no invisible or control characters, no markup; and a
    ``text_quality`` verdict, so text that lost its diacritics at the source is flagged."""

    def process_article(self, article):
        for field in ("title", "author", "category"):
            if article.get(field):
                article[field] = clean_inline(strip_markup(article[field])) or None
        article["body"] = normalize_text(strip_markup(article.get("body") or ""))
        quality = diacritics_quality(f"{article.get('title') or ''}\n{article['body']}")
        article["text_quality"] = quality.label
        if quality.label != "ok":
            self.stats.inc_value(f"text_quality/{quality.label}")
            logger.warning(
                "article %s: text quality %s (%.0f%% of words, e.g. %s)",
                article.get("url"),
                quality.label,
                quality.score * 100,
                ", ".join(quality.evidence[:3]),
            )


class BoilerplatePipeline(ArticlePipeline):
    """Removes counters, widgets, footers, related-news lists and a summary repeating the
    title from the body, even inside the content container; a removed view counter still
    fills ``view_count``."""

    def process_article(self, article):
        result = strip_boilerplate((article.get("body") or "").split("\n\n"), article.get("title"))
        for paragraph, reason in result.removed:
            self.stats.inc_value(f"boilerplate/{reason}")
            logger.debug("article %s: removed %s line %r", article.get("url"), reason, paragraph)
        if article.get("view_count") is None and result.view_count is not None:
            article["view_count"] = result.view_count
        article["body"] = "\n\n".join(result.kept)


class SpamPipeline(ArticlePipeline):
    """Keeps content injected into compromised portals out of the body: adds the gambling
    keywords and bare-IP links of the body text to the findings of the whole page (hidden
    blocks, found on the page's tree by crawler.articles), which storage records in
    ``portal_flags``."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.warned_portals: set[str] = set()

    def process_article(self, article):
        findings = list(article.get("spam") or [])
        body = article.get("body") or ""
        if text_may_hold_spam(body):  # most articles hold nothing to look at line by line
            kept = []
            for paragraph in body.split("\n\n"):
                in_text = scan_text_for_spam(paragraph)
                if in_text:
                    findings.extend(in_text)
                    self.stats.inc_value("spam/paragraphs_removed")
                else:
                    kept.append(paragraph)
            body = "\n\n".join(kept)
        article["body"] = body
        article["spam"] = findings
        if findings:
            self.stats.inc_value("spam/pages_with_findings")
            portal = article.get("portal")
            # Once per portal at WARNING (a compromised template repeats on every page).
            level = logging.DEBUG if portal in self.warned_portals else logging.WARNING
            self.warned_portals.add(portal)
            logger.log(
                level,
                "portal %s: injected content on %s: %s (recorded in portal_flags)",
                portal,
                article.get("url"),
                "; ".join(f"{f.kind} {f.href or f.text!r}" for f in findings[:3]),
            )
