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

A host *name* is resolved too (in a thread, once per host per crawl): a name that resolves
to such an address (DNS rebinding, a registry host pointed at 169.254.169.254) is refused
unless it is in ``PRIVATE_HOSTS_ALLOWED``, counted (``offsite/private_address_refused``)
and logged with the address. The address checked is put in Scrapy's DNS cache, so the
connection goes to it, not to a second answer of the name's DNS server. Behind a proxy
(``http_proxy`` or ``meta["proxy"]``) the proxy resolves names, not the crawler: the check
is then the proxy's.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from urllib.parse import urlsplit
from urllib.request import getproxies, proxy_bypass

from scrapy.exceptions import IgnoreRequest
from scrapy.resolver import dnscache
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

logger = logging.getLogger(__name__)

_DEFAULT_PORTS = {"http": 80, "https": 443}


class OffsiteRequest(IgnoreRequest):
    """A request for a host that is not the portal's; the message names the target."""


def bare_host(host: str | None) -> str:
    host = (host or "").lower().rstrip(".")
    return host.removeprefix("www.")


def private_address(address: str) -> str | None:
    """What kind of non-public address ``address`` is, or None for a public one."""
    ip = ipaddress.ip_address(address)
    for kind in ("loopback", "link_local", "private", "reserved", "multicast", "unspecified"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    return None


def resolve(host: str) -> list[str]:
    """The IPv4 addresses of a host name, as Scrapy's default resolver connects to them."""
    return socket.gethostbyname_ex(host)[2]


class PortalHostsMiddleware:
    """Downloader middleware: refuse requests off the hosts of the crawl's portals, and
    to names that resolve to private addresses."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.hosts: set[str] | None = None
        self.ports: set[tuple[str, int]] = set()
        settings = getattr(crawler, "settings", None)
        self.allowed_private = {
            bare_host(host)
            for host in (settings.getlist("PRIVATE_HOSTS_ALLOWED") if settings else [])
        }
        self.proxies = getproxies() if settings and settings.getbool("HTTPPROXY_ENABLED") else {}
        self.resolved: dict[str, str | None] = {}  # host -> why refused (None: public)

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

    async def process_request(self, request, spider=None):
        if self.on_portal(request.url):
            refused = await self.private_name(request)
            if refused:
                self.stats.inc_value("offsite/refused")
                self.stats.inc_value("offsite/private_address_refused")
                logger.warning("refused: %s (portal %s)", refused, request.meta.get("portal"))
                raise OffsiteRequest(refused)
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

    async def private_name(self, request) -> str | None:
        """Why the request's host name must not be reached (it resolves to a private
        address), or None. Names are resolved once per crawl, off the reactor thread."""
        parts = urlsplit(request.url)
        host = (parts.hostname or "").rstrip(".")
        if (
            not host
            or parts.scheme not in _DEFAULT_PORTS
            or bare_host(host) in self.allowed_private
        ):
            return None
        try:
            ipaddress.ip_address(host)
            return None  # an address: on_portal allowed it as the portal's own
        except ValueError:
            pass
        if request.meta.get("proxy") or (parts.scheme in self.proxies and not proxy_bypass(host)):
            return None  # the proxy resolves the name and connects, not the crawler
        if host not in self.resolved:
            try:
                addresses = await maybe_deferred_to_future(deferToThread(resolve, host))
            except OSError:
                addresses = []  # unknown name: the download fails and says so
            kinds = [(address, private_address(address)) for address in addresses]
            private = [f"{address} ({kind})" for address, kind in kinds if kind]
            self.resolved[host] = (
                f"{host} resolves to {', '.join(private)}, not a public address"
                if private
                else None
            )
            if addresses and not private and dnscache.limit:
                dnscache[host] = addresses[0]  # the connection goes to the address checked
        return self.resolved[host]
