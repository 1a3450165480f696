"""The portal registry: which portals exist, their platform family and where their news is.

The registry is data (``crawler/portals.toml`` or the file named by ``PORTAL_REGISTRY``), so
adding a portal of a known family is one table, no code. Every problem in the file is
reported with the file name, the portal and the field, because the people who edit it are
analysts, not programmers.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.spiderloader import get_spider_loader

from crawler.units import UnitError, Units2025

# Read through importlib.resources so that it is found inside a scrapyd egg (a zip file) too.
DEFAULT_REGISTRY: Traversable = files("crawler").joinpath("portals.toml")
LEVELS = ("tỉnh", "huyện", "xã")
SCHEDULES = ("hourly", "daily", "weekly")
# Ids and hosts end up in file names, stats keys, scrapyd arguments and crontab lines: only
# characters that mean nothing to a shell, cron or a log line.
PORTAL_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
HOST_NAME = re.compile(
    r"(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*"
)


class RegistryError(ValueError):
    """The registry file cannot be used as it is; the message says where and why."""


@dataclass(frozen=True)
class Portal:
    id: str
    host: str
    family: str
    name: str
    level: str
    province: str
    listings: tuple[str, ...]
    schedule: str = "daily"
    render_js: bool = False
    # Official code of the commune or ward the unit belongs to since July 2025 (crawler.units).
    commune_2025: int | None = None

    @classmethod
    def unregistered(cls, listing_url: str, family: str) -> Portal:
        """A portal known only by a listing URL given on the command line."""
        host = host_of(listing_url)
        return cls(host, host, family, host, "", "", (listing_url,))


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


@dataclass(frozen=True)
class Registry:
    portals: tuple[Portal, ...]
    source: str

    def get(self, key: str) -> Portal:
        """A portal by id or host name."""
        for portal in self.portals:
            if key in (portal.id, portal.host):
                return portal
        known = ", ".join(p.id for p in self.portals)
        raise RegistryError(f"unknown portal {key!r} in {self.source}; known portals: {known}")

    def by_host(self, host: str) -> Portal | None:
        host = host.lower().removeprefix("www.")
        return next((p for p in self.portals if p.host.removeprefix("www.") == host), None)

    def of_family(self, family: str) -> list[Portal]:
        return [p for p in self.portals if p.family == family]


def spider_families(settings) -> set[str]:
    """The family names a registry may use: what the spiders in ``spider_loader.list()``
    crawl: a family markup by its spider's name, its platform id and the platform's aliases,
    and ``generic`` (portals read without selectors)."""
    loader = get_spider_loader(settings)
    families: set[str] = set()
    for name in loader.list():
        spider = loader.load(name)
        if hasattr(spider, "families"):
            families |= spider.families()
    return families


def load_registry(path: str | Path | None = None, families: set[str] | None = None) -> Registry:
    """Read and validate a registry file; ``families`` are the platforms spiders exist for."""
    source = Path(path) if path else DEFAULT_REGISTRY
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except (FileNotFoundError, KeyError):  # KeyError: a file missing inside a zipped egg
        raise RegistryError(f"portal registry {source} does not exist") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise RegistryError(f"portal registry {source} is not valid TOML: {error}") from None
    tables = data.get("portal")
    if not isinstance(tables, list) or not tables:
        raise RegistryError(f"portal registry {source} has no [[portal]] tables")
    portals = [_portal(table, index, source, families) for index, table in enumerate(tables, 1)]
    for attribute in ("id", "host"):
        values = [getattr(p, attribute) for p in portals]
        repeated = sorted({v for v in values if values.count(v) > 1})
        if repeated:
            raise RegistryError(f"portal registry {source}: {attribute} used twice: {repeated}")
    return Registry(tuple(portals), str(source))


def _portal(table: object, index: int, source: Traversable, families: set[str] | None) -> Portal:
    where = f"portal registry {source}, portal #{index}"
    if not isinstance(table, dict):
        raise RegistryError(f"{where}: expected a table")
    where = f"{where} ({table.get('id', '?')})"

    def text(field: str, required: bool = True, default: str = "") -> str:
        value = table.get(field, default)
        if not isinstance(value, str) or (required and not value.strip()):
            raise RegistryError(f"{where}: field {field!r} must be a non-empty string")
        if not value.isprintable():
            raise RegistryError(f"{where}: field {field!r} has a line break or control character")
        return value.strip()

    unknown = set(table) - {f for f in Portal.__dataclass_fields__} - {"listings"}
    if unknown:
        raise RegistryError(f"{where}: unknown field(s) {sorted(unknown)}")
    family = text("family")
    if families is not None and family not in families:
        raise RegistryError(f"{where}: family {family!r} is not one of {sorted(families)}")
    level = text("level")
    if level not in LEVELS:
        raise RegistryError(f"{where}: level {level!r} is not one of {LEVELS}")
    schedule = text("schedule", required=False, default="daily")
    if schedule not in SCHEDULES:
        raise RegistryError(f"{where}: schedule {schedule!r} is not one of {SCHEDULES}")
    listings = table.get("listings")
    if not isinstance(listings, list) or not listings:
        raise RegistryError(f"{where}: field 'listings' must be a non-empty list of URLs")
    portal_id = text("id")
    if not PORTAL_ID.fullmatch(portal_id):
        raise RegistryError(
            f"{where}: id {portal_id!r} may hold only letters, digits, '.', '_' and '-' "
            "(at most 100, starting with a letter or digit)"
        )
    host = text("host").lower()
    if not HOST_NAME.fullmatch(host):
        raise RegistryError(f"{where}: host {host!r} is not a host name (e.g. xa.tinh.gov.vn)")
    for url in listings:
        if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
            raise RegistryError(f"{where}: listing {url!r} is not an http(s) URL")
        if not url.isprintable() or any(char.isspace() for char in url):
            raise RegistryError(f"{where}: listing {url!r} has spaces or control characters")
        if host_of(url) != host:
            raise RegistryError(f"{where}: listing {url!r} is not on host {host!r}")
    render_js = table.get("render_js", False)
    if not isinstance(render_js, bool):
        raise RegistryError(f"{where}: field 'render_js' must be true or false")
    commune_2025 = table.get("commune_2025")
    if commune_2025 is not None and (
        not isinstance(commune_2025, int) or isinstance(commune_2025, bool)
    ):
        raise RegistryError(f"{where}: field 'commune_2025' must be an official commune code")
    try:
        Units2025.of(text("province"), commune_2025)
    except UnitError as error:
        raise RegistryError(f"{where}: {error}") from None
    return Portal(
        id=portal_id,
        host=host,
        family=family,
        name=text("name"),
        level=level,
        province=text("province"),
        listings=tuple(listings),
        schedule=schedule,
        render_js=render_js,
        commune_2025=commune_2025,
    )
