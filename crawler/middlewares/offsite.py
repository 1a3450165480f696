"""Never leave the portal: every request, pager link and redirect stays on its hosts.

A hostile or hacked portal can list links, pager pages or redirects to other hosts, to
cloud metadata addresses (169.254.169.254) or to the crawl machine's own network. This
downloader middleware runs before everything else (robots.txt included), so such a request
is never sent: it fails with ``OffsiteRequest``, which the spider records in ``failures``
("refused: redirect from … to …") and counts (``offsite/refused``). The portal's hosts are
those of the crawl's portals (the registry's ``host`` and the hosts of its listings, with
or without "www."; ``-a url=`` gives its own); a non-default port must be a listing's.
Addresses on link-local, loopback or private networks are reached only when they are the
portal's own host (the test mirror on 127.0.0.1).
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest

logger = logging.getLogger(__name__)

_DEFAULT_PORTS = {"http": 80, "https": 443}


class OffsiteRequest(IgnoreRequest):
    """A request for a host that is not the portal's; the message names the target."""


def bare_host(host: str | None) -> str:
    host = (host or "").lower().rstrip(".")
    return host.removeprefix("www.")


class PortalHostsMiddleware:
    """Downloader middleware: refuse requests off the hosts of the crawl's portals."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.hosts: set[str] | None = None
        self.ports: set[tuple[str, int]] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def portal_hosts(self) -> set[str] | None:
        """The bare host names of the crawl's portals (None: the spider names none)."""
        if self.hosts is None:
            portals = getattr(self.crawler.spider, "portals", None)
            if not portals:
                return None
            self.hosts = set()
            for portal in portals:
                self.hosts.add(bare_host(portal.host))
                for listing in portal.listings:
                    parts = urlsplit(listing)
                    self.hosts.add(bare_host(parts.hostname))
                    if parts.port is not None:
                        self.ports.add((bare_host(parts.hostname), parts.port))
        return self.hosts

    def on_portal(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme == "data":
            return True  # local, built by the spider itself
        hosts = self.portal_hosts()
        if hosts is None:
            return True
        if parts.scheme not in _DEFAULT_PORTS:
            return False
        host = bare_host(parts.hostname)
        if host not in hosts:
            return False
        port = parts.port
        return port is None or port == _DEFAULT_PORTS[parts.scheme] or (host, port) in self.ports

    def process_request(self, request, spider=None):
        if self.on_portal(request.url):
            return None
        origin = (request.meta.get("redirect_urls") or [None])[0]
        if origin:
            message = f"redirect from {origin} to {request.url}, off the portal's hosts"
            self.stats.inc_value("offsite/redirect_refused")
        else:
            message = f"{request.url} is off the portal's hosts"
        self.stats.inc_value("offsite/refused")
        logger.warning("refused: %s (portal %s)", message, request.meta.get("portal"))
        raise OffsiteRequest(message)
