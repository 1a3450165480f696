"""Per-portal numbers of a crawl, read from the crawl stats.

The spiders and pipelines count by portal under ``<name>/<portal id>`` stat keys; this module
is the one place that knows those keys, so the run records, the progress lines, the summary
table and the health monitors all report the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from crawler.health import articles_seen, unparsable_ratio

# Stat prefixes whose keys end in a portal id (failures are counted per stage).
PORTAL_STAT_PREFIXES = (
    "responses/",
    "listing_pages/",
    "articles/parsed/",
    "articles/new/",
    "articles/updated/",
    "articles/unparsable/",
    "articles/dropped/",
    "articles/known/",
)
FAILURE_STAGES = ("listing", "article", "page")


@dataclass(frozen=True)
class PortalCounts:
    portal: str
    pages: int  # responses received
    listing_pages: int
    articles_parsed: int
    articles_new: int
    articles_updated: int
    articles_unparsable: int
    articles_dropped: int
    articles_known: int  # listed articles already stored, not fetched again (incremental)
    failures: int  # pages of any stage that could not be used (unparsable ones included)

    @property
    def articles(self) -> int:
        """Articles stored by this crawl (new or updated)."""
        return self.articles_new + self.articles_updated

    @property
    def articles_seen(self) -> int:
        """Articles the portal's listings still show: stored now, or stored before."""
        return articles_seen(self.articles_new, self.articles_updated, self.articles_known)

    @property
    def article_pages(self) -> int:
        """Article pages that were downloaded and handed to the parser."""
        return self.articles_parsed + self.articles_unparsable

    @property
    def unparsable_ratio(self) -> float:
        return unparsable_ratio(self.articles_unparsable, self.article_pages)


def portal_counts(stats: dict, portal: str) -> PortalCounts:
    def count(prefix: str) -> int:
        return int(stats.get(f"{prefix}{portal}", 0))

    return PortalCounts(
        portal=portal,
        pages=count("responses/"),
        listing_pages=count("listing_pages/"),
        articles_parsed=count("articles/parsed/"),
        articles_new=count("articles/new/"),
        articles_updated=count("articles/updated/"),
        articles_unparsable=count("articles/unparsable/"),
        articles_dropped=count("articles/dropped/"),
        articles_known=count("articles/known/"),
        failures=sum(count(f"failures/{stage}/") for stage in FAILURE_STAGES),
    )


def fallback_counts(stats: dict, portal: str) -> dict[str, int]:
    """``{field: articles}`` whose field the generic extractor found for the portal where
    its family's selectors did not (``fallback/<field>/<portal>``, by crawler.articles)."""
    suffix = f"/{portal}"
    return {
        key[len("fallback/") : -len(suffix)]: int(value)
        for key, value in stats.items()
        if key.startswith("fallback/") and key.endswith(suffix) and key.count("/") == 2
    }


def crawled_portals(spider, stats: dict) -> list[str]:
    """The portals a crawl was started for, then any other portal the stats mention."""
    portals = [portal.id for portal in getattr(spider, "portals", [])]
    prefixes = PORTAL_STAT_PREFIXES + tuple(f"failures/{stage}/" for stage in FAILURE_STAGES)
    for key in stats:
        for prefix in prefixes:
            if key.startswith(prefix) and key[len(prefix) :] not in portals:
                portals.append(key[len(prefix) :])
    return portals


def format_table(header: tuple[str, ...], rows: list[tuple]) -> str:
    """A plain-text table with left-aligned text and right-aligned numbers."""
    cells = [tuple(str(value) for value in row) for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    numeric = [all(isinstance(row[i], int) for row in rows) and rows for i in range(len(header))]
    lines = []
    for row in cells:
        lines.append(
            "  ".join(
                value.rjust(width) if numeric[i] else value.ljust(width)
                for i, (value, width) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
