"""A held-out set: article pages in the shape of two platforms the rules were not written for
(Joomla's com_content article view, a WordPress single post with Jetpack sharing and related
posts), written after the article rules were frozen (tests/fixtures/heldout/README.md has the
scores before and after). Read by the generic parser and the boilerplate rules, as a crawl
with ``scrapy crawl generic`` would."""

import json
from pathlib import Path

import pytest

from crawler.parsing import generic
from crawler.parsing.html import parse_html
from crawler.text.boilerplate import strip_boilerplate

HELDOUT = Path(__file__).parent / "fixtures" / "heldout"
GOLD = [json.loads(line) for line in (HELDOUT / "gold.jsonl").read_text("utf-8").splitlines()]


@pytest.mark.parametrize("gold", GOLD, ids=lambda g: g["file"])
def test_heldout_page_reads_to_gold(gold):
    page = parse_html((HELDOUT / gold["file"]).read_text("utf-8"))
    article = generic.parse_article(page, gold["url"], gold["title"])
    body = strip_boilerplate(article.paragraphs, article.title)
    published = article.published.value.date().isoformat() if article.published else None
    assert article.title == gold["title"]
    assert published == gold["published"]
    assert article.author == gold["author"]
    views = article.view_count if article.view_count is not None else body.view_count
    assert views == gold["views"]
    assert body.kept == gold["body"]
