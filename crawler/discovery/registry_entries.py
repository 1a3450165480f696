"""Registry entries (TOML) for discovered portals, to review or to append to the registry."""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from crawler.discovery.spider import FOUND, DiscoveredPortal
from crawler.registry import LEVELS, RegistryError, load_registry

_ID_UNSAFE = re.compile(r"[^a-z0-9]+")


def portal_id(host: str) -> str:
    """A registry id from the host: "quangthanh.kinhmon.haiduong.gov.vn" ->
    "quangthanh-kinhmon-haiduong"."""
    name = host.lower().removeprefix("www.").removesuffix(".gov.vn").removesuffix(".vn")
    return _ID_UNSAFE.sub("-", name).strip("-")


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def entry_toml(portal: DiscoveredPortal) -> str:
    """One ``[[portal]]`` table; what discovery could not tell is marked for review."""
    review: list[str] = []
    level = portal.level
    if level not in LEVELS:
        level = "xã"
        review.append("level guessed (the title names no unit)")
    if not portal.province_2025:
        review.append("province unknown: the title names none the 2025 map knows")
    if level == "xã" and portal.commune_2025 is None:
        review.append("commune_2025 not found (a former or renamed commune?)")
    lines = [
        "[[portal]]",
        f"# found: {portal.url}"
        + (f" (linked from {portal.linked_from})" if portal.linked_from else ""),
        f"# detected: {portal.detection}",
    ]
    lines += [f"# review: {note}" for note in review]
    lines += [
        f"id = {_quoted(portal_id(portal.host))}",
        f"host = {_quoted(portal.host)}",
        f"family = {_quoted(portal.family)}",
        f"name = {_quoted(portal.name or portal.host)}",
        f"level = {_quoted(level)}",
        f"province = {_quoted(portal.province or '?')}",
    ]
    if portal.commune_2025 is not None:
        lines.append(f"commune_2025 = {portal.commune_2025}  # {portal.commune_2025_name}")
    lines.append("listings = [" + ", ".join(_quoted(url) for url in portal.listings) + "]")
    lines.append('schedule = "daily"')
    return "\n".join(lines) + "\n"


def report_line(portal: DiscoveredPortal) -> str:
    where = f" (linked from {portal.linked_from})" if portal.linked_from else ""
    if portal.status == FOUND:
        listings = len(portal.listings)
        return f"{portal.status:<12} {portal.host}{where}: {portal.family}, {listings} listing(s)"
    return f"{portal.status:<12} {portal.host}{where}: {portal.reason}"


def new_entries(
    portals: list[DiscoveredPortal], registry_path: str | None
) -> tuple[list[DiscoveredPortal], list[str]]:
    """The found portals the registry does not know yet, and the hosts it already knows."""
    registry = load_registry(registry_path)
    fresh, known = [], []
    for portal in portals:
        if portal.status != FOUND:
            continue
        if registry.by_host(portal.host) is not None:
            known.append(portal.host)
        else:
            fresh.append(portal)
    return fresh, known


def append_entries(registry_file: Path, text: str, families: set[str]) -> None:
    """Append entries to the registry, only if the registry stays valid (checked on a copy),
    and atomically, so that a failure leaves the file as it was."""
    combined = registry_file.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text
    handle, temporary = tempfile.mkstemp(dir=registry_file.parent, suffix=".toml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(combined)
        load_registry(temporary, families)
        os.replace(temporary, registry_file)
    except RegistryError as error:
        os.unlink(temporary)
        raise RegistryError(
            f"{error} (the discovered entries were not written; edit them and add them by hand)"
        ) from None
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
