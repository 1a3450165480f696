"""Indicators found in article text, handed to storage with their article."""

import re

from crawler.indicators import extract_indicators
from crawler.pipelines.clean import ArticlePipeline

# Every figure, year and table value the extractor reads holds a digit: a body without one
# (a notice, a photo caption) is not run through it.
_DIGIT = re.compile(r"\d")


class IndicatorPipeline(ArticlePipeline):
    """Extracts the article's figures (crawler.indicators); copies of an article published
    elsewhere (``duplicate_of`` set) get none, so a figure is never counted twice."""

    def process_article(self, article):
        if article.get("duplicate_of"):
            article["indicators"] = []
            self.stats.inc_value("indicators/skipped_copies")
            return
        body = article.get("body") or ""
        article["indicators"] = extract_indicators(body) if _DIGIT.search(body) else []
        self.stats.inc_value("indicators/found", len(article["indicators"]))
