"""Indicators found in article text, handed to storage with their article."""

from crawler.indicators import extract_indicators
from crawler.pipelines.clean import ArticlePipeline


class IndicatorPipeline(ArticlePipeline):
    """Extracts the article's figures (crawler.indicators); copies of an article published
    elsewhere (``duplicate_of`` set) get none, so a figure is never counted twice."""

    def process_article(self, article):
        if article.get("duplicate_of"):
            article["indicators"] = []
            self.stats.inc_value("indicators/skipped_copies")
            return
        article["indicators"] = extract_indicators(article.get("body") or "")
        self.stats.inc_value("indicators/found", len(article["indicators"]))
