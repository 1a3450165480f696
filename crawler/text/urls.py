"""URL canonicalisation and article identity for the portal families."""

import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Parameters that track a visit or a session and never select content. "source" is kept:
# some portals use it to pick a news category.
_TRACKING_PARAMS = re.compile(
    r"utm_\w*|fbclid|gclid|dclid|msclkid|zarsrc|zalo\w*|_ga|_gl|ref|sessionid|sid_token"
    r"|phpsessid|jsessionid|aspsessionid\w*|cfid|cftoken",
    re.IGNORECASE,
)
# ASP.NET cookieless sessions put the session in the path: /(S(kx3...))/ or /(X(1)S(kx3...))/.
_ASPNET_SESSION_SEGMENT = re.compile(r"/\((?:[A-Z]\([^()/]*\))+\)(?=/|$)")
_PATH_SESSION_PARAM = re.compile(r";(?:jsessionid|phpsessid|sessionid)=[^/?#;]*", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}


@lru_cache(maxsize=8192)  # the same links recur on every listing page of a portal
def canonical_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no default port, fragment,
    session or tracking parameters, duplicate slashes or needless escapes; the remaining
    query parameters sorted. Path case is kept (ASP.NET ignores it, other servers do not)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    path = _PATH_SESSION_PARAM.sub("", parts.path)
    path = _ASPNET_SESSION_SEGMENT.sub("", path)
    path = re.sub(r"/{2,}", "/", path) or "/"
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING_PARAMS.fullmatch(name)
    ]
    rebuilt = urlunsplit((scheme, netloc, path, urlencode(query), ""))
    return canonicalize_url(rebuilt)


# Article URL shapes of the portal families (see tests/fixtures/portals/README.md).
_SHAREPOINT_ARTICLE = re.compile(r"/Pages/\d{4}-\d{1,2}-\d{1,2}/[^/]*-([0-9A-Za-z]+)\.aspx$", re.I)
_SLUG_ID_ARTICLE = re.compile(r"^/[a-z0-9-]+/[a-z0-9-]+-(\d+)\.html$")
_NID_ARTICLE_PAGE = re.compile(r"/ChiTietTinTuc\.aspx$", re.I)


def article_key(url: str) -> str:
    """Identity of an article however it was reached.

    Listing routes lead to the same article under different slugs, date folders or
    category folders, so for the known shapes the key is the host (without "www.") plus the
    article id the CMS put in the URL:

    - Tân Dân SharePoint: /portal/Pages/2020-10-13/<Slug>-9102.aspx → "host#9102"
    - district portals:   /<category>/<slug>-4805.html             → "host#4805"
    - commune portals:    /Trang/ChiTietTinTuc.aspx?nid=1412&…       → "host#nid=1412"

    Any other URL is keyed by its canonical form."""
    canonical = canonical_url(url)
    parts = urlsplit(canonical)
    host = (parts.hostname or "").removeprefix("www.")
    match = _SHAREPOINT_ARTICLE.search(parts.path) or _SLUG_ID_ARTICLE.match(parts.path)
    if match:
        return f"{host}#{match.group(1)}"
    if _NID_ARTICLE_PAGE.search(parts.path):
        nid = dict(parse_qsl(parts.query)).get("nid", "")
        if nid.isdigit():
            return f"{host}#nid={nid}"
    return canonical
