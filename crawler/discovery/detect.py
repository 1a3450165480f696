"""Which platform a portal runs, read from one of its pages, with the evidence for it.

Two kinds of evidence are weighed:
- platform markers: ``<meta name="generator">``, asset paths and script variables that a
  platform writes on every page (NukeViet's ``nv_`` variables and ``/themes/``, WordPress's
  ``/wp-content/``, SharePoint's ``_spPageContextInfo`` and ``/_layouts/``, Tân Dân's
  ``tandan-`` classes, ASP.NET WebForms' ``__VIEWSTATE``…);
- the markup of each family the crawler has (``crawler.parsing.families.FAMILIES``): how many
  of its listing, title and body selectors find something, and how many links have the
  shape of its article URLs. A family is chosen on its markup, not on markers alone, so a
  platform whose pages our selectors cannot read is crawled by the generic extractor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from crawler.parsing.base import PortalMarkup
from crawler.parsing.html import meta_content, parse_html, select

GENERIC = "generic"

# Platform name -> patterns of its markers in the page source (each a piece of evidence).
PLATFORM_MARKERS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "tandan": (
        ("Tân Dân class names (tandan-…)", re.compile(r"class=[\"'][^\"']*\btandan-", re.I)),
    ),
    "sharepoint": (
        ("SharePoint page context (_spPageContextInfo)", re.compile(r"_spPageContextInfo")),
        ("SharePoint layouts path (/_layouts/)", re.compile(r"/_layouts/", re.I)),
        ("SharePoint rich-text field (ms-rtestate-field)", re.compile(r"ms-rtestate-field")),
    ),
    "nukeviet": (
        (
            "NukeViet script variables (nv_base_siteurl…)",
            re.compile(r"\bnv_(?:base_siteurl|lang_data|assets_dir|siteroot)\b"),
        ),
        (
            "NukeViet URL shape (index.php?…nv=)",
            re.compile(r"index\.php\?(?:[^\"'>]*&(?:amp;)?)?nv=", re.I),
        ),
        (
            "NukeViet theme path (/themes/…/js/nv…)",
            re.compile(r"/themes/[\w-]+/(?:js|css)/nv", re.I),
        ),
    ),
    "wordpress": (
        ("WordPress assets (/wp-content/)", re.compile(r"/wp-content/", re.I)),
        ("WordPress scripts (/wp-includes/)", re.compile(r"/wp-includes/", re.I)),
        ("WordPress API link (wp-json)", re.compile(r"/wp-json/", re.I)),
    ),
    "joomla": (
        ("Joomla component URL (/components/com_…)", re.compile(r"/components/com_\w+", re.I)),
        ("Joomla option parameter (option=com_…)", re.compile(r"option=com_\w+", re.I)),
        ("Joomla media path (/media/jui/)", re.compile(r"/media/jui/", re.I)),
    ),
    "drupal": (
        ("Drupal files path (/sites/default/files/)", re.compile(r"/sites/default/files/", re.I)),
        (
            "Drupal settings (drupal-settings-json)",
            re.compile(r"drupal-settings-json|Drupal\.settings"),
        ),
    ),
    "aspnet-webforms": (
        ("ASP.NET view state (__VIEWSTATE)", re.compile(r"__VIEWSTATE")),
        ("ASP.NET postback (__doPostBack)", re.compile(r"__doPostBack")),
    ),
}
# Generators named in <meta name="generator"> and the platform each means.
_GENERATORS = (
    ("nukeviet", re.compile(r"nukeviet", re.I)),
    ("wordpress", re.compile(r"wordpress", re.I)),
    ("joomla", re.compile(r"joomla", re.I)),
    ("drupal", re.compile(r"drupal", re.I)),
    ("sharepoint", re.compile(r"sharepoint", re.I)),
)
# The platform each family's portals run, where the family is named after a province.
FAMILY_PLATFORMS = {"haiduong": "aspnet-webforms"}
# Markup evidence a family needs before it is chosen: selector hits plus article-shaped links
# (a listing page shows its list selector and its article links; an article page its title,
# date and body selectors).
_MIN_FAMILY_SCORE = 2
_MIN_ARTICLE_LINKS = 3


@dataclass(frozen=True)
class Detection:
    """What a page says about its portal: the platform, the family to crawl it with, why."""

    family: str
    platforms: tuple[str, ...]
    evidence: tuple[str, ...] = field(default=())

    @property
    def platform(self) -> str:
        return self.platforms[0] if self.platforms else "unknown"

    def explain(self) -> str:
        why = "; ".join(self.evidence) or "no platform marker and no family markup found"
        return f"platform {self.platform}, crawled as {self.family}: {why}"


def detect_platform(
    page: str, url: str, families: dict[str, PortalMarkup] | None = None
) -> Detection:
    """The platform and crawl family of the portal that served ``page`` at ``url``."""
    if families is None:
        from crawler.parsing.families import FAMILIES

        families = FAMILIES
    root = parse_html(page)
    platforms: list[str] = []
    evidence: list[str] = []
    generator = meta_content(root, "generator")
    for platform, pattern in _GENERATORS:
        if generator and pattern.search(generator):
            platforms.append(platform)
            evidence.append(f'<meta name="generator" content="{generator[:60]}">')
    for platform, markers in PLATFORM_MARKERS.items():
        found = [label for label, pattern in markers if pattern.search(page)]
        if found:
            if platform not in platforms:
                platforms.append(platform)
            evidence.extend(found)
    family, family_evidence = _best_family(root, url, families, platforms)
    evidence.extend(family_evidence)
    return Detection(family, tuple(platforms), tuple(evidence))


def _best_family(
    root: HtmlElement, url: str, families: dict[str, PortalMarkup], platforms: list[str]
) -> tuple[str, list[str]]:
    scored: list[tuple[float, str, list[str]]] = []
    links = [a.get("href") or "" for a in root.iter("a")]
    # A markup registered under several names (a platform id and the spider names of old)
    # is scored once, under its platform's family name.
    markups = {getattr(markup, "family", name): markup for name, markup in families.items()}
    for name, markup in markups.items():
        score, found = _markup_score(root, links, markup)
        # A platform marker that names the family's platform tips a close call its way.
        if FAMILY_PLATFORMS.get(name, name) in platforms:
            score += 1
            found.append(f"{name} platform marker")
        scored.append((score, name, found))
    if not scored:
        return GENERIC, []
    score, name, found = max(scored, key=lambda entry: entry[0])
    if score < _MIN_FAMILY_SCORE:
        return GENERIC, [f"no family's markup fits (best: {name}, score {score:g})"]
    return name, [f"{name} markup: " + ", ".join(found)]


def _markup_score(
    root: HtmlElement, links: list[str], markup: PortalMarkup
) -> tuple[float, list[str]]:
    """How much of a family's own markup the page carries (listing or article page)."""
    found: list[str] = []
    for group in ("listing_links", "title", "published", "body"):
        selectors = [s for s in getattr(markup, group, ()) if _specific(s)]
        hit = next((s for s in selectors if select(root, s)), None)
        if hit:
            found.append(f"{group} {hit!r}")
    article_links = sum(1 for href in links if markup.article_url.search(href))
    score = float(len(found))
    if article_links >= _MIN_ARTICLE_LINKS:
        score += 1
        found.append(f"{article_links} links shaped like its articles")
    return score, found


def _specific(selector: str) -> bool:
    """Selectors that name the platform's own classes or ids, not bare tags like ``h1``."""
    return "." in selector or "#" in selector
