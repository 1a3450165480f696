"""Body extraction of the generic parser against trafilatura on the sample portal mirrors.

Each family is read as if its selectors were unknown: the generic parser follows the
family's listing pages from the mirror files, learns the host's template from those listings
and the article pages, then extracts every gold article; trafilatura.extract reads the same
pages. Prints one markdown table per family: articles, body word F1 (mean, min) against
gold.jsonl, and boilerplate lines left in the output.

    python -m bench.generic_vs_trafilatura [MIRROR_ROOT]
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import trafilatura

from crawler.mirror import mirror_path
from crawler.parsing import generic
from crawler.parsing.html import paragraphs_of, parse_html
from crawler.text.boilerplate import classify_line, mask_digits

DEFAULT_ROOT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "portals"
_WORD = re.compile(r"\w+")
MAX_LISTING_PAGES = 50


def words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(unicodedata.normalize("NFC", text or "").lower()))


def word_f1(extracted: str, gold: str) -> float:
    got, want = words(extracted), words(gold)
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def page_lines(html: str) -> list[str]:
    return paragraphs_of(parse_html(html).find("body"))


def template_lines(pages: list[str]) -> set[str]:
    """Masked lines found on at least half of a host's pages: the site's furniture."""
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({mask_digits(line) for line in page_lines(page)})
    return {line for line, n in counts.items() if n >= max(2, len(pages) / 2)}


def boilerplate_left(text: str, gold_body: list[str], template: set[str]) -> list[str]:
    """Output lines that are not gold body text and that are counters, widgets, footers…
    (crawler.text.boilerplate rules) or the host's template lines."""
    gold = {" ".join(p.split()) for p in gold_body}
    left = []
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        if not line or line in gold:
            continue
        if classify_line(line) or mask_digits(line) in template:
            left.append(line)
    return left


def read(root: Path, url: str) -> str | None:
    path = mirror_path(root, url)
    return path.read_text(encoding="utf-8") if path.is_file() else None


def crawl_listing(root: Path, listing_url: str) -> tuple[list[str], dict[str, str]]:
    """Listing pages followed through the pager, and the anchor text of every article."""
    pages, titles, url, item_path = [], {}, listing_url, None
    while url and len(pages) < MAX_LISTING_PAGES:
        page = read(root, url)
        if page is None:
            break
        pages.append(page)
        listing = generic.parse_listing(page, url, item_path)
        item_path = item_path or listing.item_path
        for entry in listing.entries:
            titles.setdefault(entry.url, entry.title)
        url = listing.next_url
    return pages, titles


def measure(root: Path) -> dict[str, dict[str, list]]:
    lines = [json.loads(line) for line in (root / "gold.jsonl").read_text().splitlines()]
    gold = [g for g in lines if "body" in g]
    results: dict[str, dict[str, list]] = {}
    for listing in (g for g in lines if "listing" in g):
        host = listing["host"]
        listing_pages, titles = crawl_listing(root, listing["listing"])
        articles = [g for g in gold if g["host"] == host]
        pages = {g["url"]: read(root, g["url"]) for g in articles}
        templates = generic.HostTemplates()
        for page in listing_pages:
            templates.observe(host, parse_html(page), listing=True)
        for page in pages.values():
            templates.observe(host, parse_html(page), listing=False)
        furniture = template_lines(listing_pages + list(pages.values()))
        family = results.setdefault(listing["family"], {"generic": [], "trafilatura": []})
        for g in articles:
            page = pages[g["url"]]
            parsed = generic.parse_article(
                parse_html(page), g["url"], titles.get(g["url"], ""), templates.for_host(host)
            )
            ours = parsed.body
            theirs = trafilatura.extract(page, url=g["url"]) or ""
            for name, text in (("generic", ours), ("trafilatura", theirs)):
                left = boilerplate_left(text, g["body"], furniture)
                family[name].append((g["url"], word_f1(text, "\n".join(g["body"])), left))
        family.setdefault("found", []).append(
            (len(set(titles) & {g["url"] for g in articles}), len(articles))
        )
    return results


def report(results: dict[str, dict[str, list]]) -> str:
    out = []
    for family, by_extractor in results.items():
        found = sum(f for f, _ in by_extractor["found"])
        total = sum(t for _, t in by_extractor["found"])
        out.append(f"### {family} ({found}/{total} gold articles found on the listings)\n")
        out.append("| extractor | articles | body F1 mean | body F1 min | boilerplate lines left |")
        out.append("|---|---:|---:|---:|---:|")
        for name in ("generic", "trafilatura"):
            rows = by_extractor[name]
            scores = [f1 for _, f1, _ in rows]
            left = sum(len(lines) for _, _, lines in rows)
            out.append(
                f"| {name} | {len(rows)} | {sum(scores) / len(scores):.3f} | "
                f"{min(scores):.3f} | {left} |"
            )
        out.append("")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else DEFAULT_ROOT
    results = measure(root)
    print(report(results))
    if "-v" in argv:
        for family in results.values():
            for name in ("generic", "trafilatura"):
                for url, f1, left in family[name]:
                    if f1 < 0.95 or left:
                        print(f"{name} {f1:.3f} {urlsplit(url).path[-50:]} left={left}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
