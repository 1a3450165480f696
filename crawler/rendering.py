"""JavaScript rendering of listing pages for portals marked ``render_js = true`` in the registry.

Some portals (newer Ninh Bình sites) fill their article list by a script after the page has
loaded, so the HTML as served has no links. Their listing pages are fetched through
scrapy-playwright in Chromium. The playwright download handlers are switched on only for a
crawl that includes such a portal: they start a browser driver, which plain crawls do not need.
Chromium is the system one (Debian package ``chromium``), found on PATH or named by the
environment variable ``CHROMIUM_PATH``.
"""

from __future__ import annotations

import os
import shutil
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # settings.py imports this module: keep it light
    from scrapy.settings import Settings

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
PLAYWRIGHT_HANDLERS = {
    "http": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
    "https": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
}
# A listing is complete once its scripts have stopped fetching (no request for 500 ms).
LISTING_META = {"playwright": True, "playwright_page_goto_kwargs": {"wait_until": "networkidle"}}


def chromium_executable() -> str | None:
    """The Chromium to render with: $CHROMIUM_PATH if set, else the first one on PATH."""
    configured = os.environ.get("CHROMIUM_PATH", "").strip()
    if configured:
        return shutil.which(configured)
    return next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)


def launch_options() -> dict:
    """PLAYWRIGHT_LAUNCH_OPTIONS for the system Chromium (no executable if none is found)."""
    options: dict = {"headless": True, "args": list(CHROMIUM_ARGS)}
    executable = chromium_executable()
    if executable:
        options["executable_path"] = executable
    return options


def missing_chromium_message() -> str:
    configured = os.environ.get("CHROMIUM_PATH", "").strip()
    where = (
        f"CHROMIUM_PATH={configured!r} is not an executable"
        if configured
        else (f"none of {', '.join(CHROMIUM_NAMES)} is on PATH")
    )
    return (
        f"needs JavaScript rendering but Chromium was not found ({where}); "
        "install it with: apt-get install chromium (or set CHROMIUM_PATH)"
    )


def enable_rendering(settings: Settings) -> str | None:
    """Switch the crawl's downloads to scrapy-playwright; the reason if Chromium is missing.

    Called before the crawl starts (from a spider's from_crawler), while settings can change.
    """
    options = settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS")
    executable = options.get("executable_path")
    if not executable or not shutil.which(executable):
        return missing_chromium_message()
    settings.set("DOWNLOAD_HANDLERS", PLAYWRIGHT_HANDLERS, priority="spider")
    return None
