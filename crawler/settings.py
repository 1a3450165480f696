"""Scrapy settings of the crawler.

Every setting below can be overridden without editing this file:
- on the command line: ``scrapy crawl hungyen -s DOWNLOAD_DELAY=2``;
- by an environment variable ``CRAWLER_<NAME>`` (``CRAWLER_DOWNLOAD_DELAY=2``), whose text
  is read as the type of the default (JSON for dicts and lists, 1/0/true/false for flags);
- ``DATABASE_URL`` and ``PORTAL_REGISTRY`` also by variables of exactly those names.
"""

import json
import os

from crawler import __version__
from crawler.items import ARTICLE_FIELDS
from crawler.rendering import launch_options

BOT_NAME = "crawler"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
COMMANDS_MODULE = "crawler.commands"

# --- where data goes -------------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///data/crawler.db")
# The portal registry (TOML); empty means the one shipped in crawler/portals.toml.
PORTAL_REGISTRY = os.environ.get("PORTAL_REGISTRY", "")
# Articles are written in transactions of this many rows (and at the end of the crawl).
STORAGE_BATCH_SIZE = 50
# ... or at least this often (seconds), so that a killed crawl loses little.
STORAGE_FLUSH_INTERVAL = 10.0
# Raw pages are stored compressed (crawler/compression.py): zstd (default), zlib or none.
PAGE_COMPRESSION = "zstd"
# A portal's zstd dictionary is trained from its first this many pages (then shared).
PAGE_DICTIONARY_PAGES = 24
# Items of one response go through the pipelines one after another: every pipeline is
# synchronous CPU work, so overlapping them gains nothing, while Scrapy's default (100)
# starts 100 asyncio tasks for every response, about a tenth of a crawl's CPU time.
CONCURRENT_ITEMS = 1

# JOBDIR queues that a killed crawl left broken are set aside instead of dropping every
# request pushed to them (crawler/jobqueue.py).
SCHEDULER_DISK_QUEUE = "crawler.jobqueue.RecoveringPickleLifoDiskQueue"

# --- politeness towards small government servers ---------------------------------------
# Who we are, with a URL or e-mail address the portal's administrators can reach us at.
CONTACT_URL = "https://github.com/vn-portal-crawler/vn-portal-crawler"
USER_AGENT = f"VNPortalCrawler/{__version__} (+{CONTACT_URL})"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# Retries wait RETRY_BACKOFF_BASE * 2^(n-1) seconds (at most RETRY_BACKOFF_MAX), times a random
# factor in [0.5, 1]; crawler/retry.py. RETRY_BACKOFF_BASE=0 retries at once.
RETRY_BACKOFF_BASE = 2.0
RETRY_BACKOFF_MAX = 60.0
# A 503/429 with Retry-After is retried no sooner than it asks, but after at most this long.
RETRY_AFTER_MAX = 300.0
DOWNLOADER_MIDDLEWARES = {
    "crawler.retry.RetryBackoffMiddleware": 560,
    # Requests and redirects stay on the portal's hosts; checked before robots.txt (100).
    "crawler.middlewares.offsite.PortalHostsMiddleware": 50,
    # Conditional listing requests and the replay of a 304 (crawler/middlewares/incremental.py).
    "crawler.middlewares.incremental.NotModifiedMiddleware": 570,
}
# Host names the crawler may reach although they resolve to a private or loopback address
# (a portal on the operator's own network); every other such name is refused (offsite.py).
PRIVATE_HOSTS_ALLOWED: list[str] = []
# Incremental crawls: stored articles skipped, listing walks tracked (listing_walks table).
SPIDER_MIDDLEWARES = {"crawler.middlewares.incremental.IncrementalMiddleware": 950}
DOWNLOAD_TIMEOUT = 60
# News pages are a few hundred kB; a page over the limit is refused, not parsed.
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
# A page cut short (fewer bytes than its Content-Length) is an error, retried, never parsed.
DOWNLOAD_FAIL_ON_DATALOSS = True
# Incremental crawls: once a listing's walk reached where its last complete walk began, stop
# following the pager after this many pages in a row that list only stored articles
# (0: always walk to the end). `-a full=1` ignores it.
INCREMENTAL_STOP_AFTER_KNOWN_PAGES = 1
COOKIES_ENABLED = True
TELNETCONSOLE_ENABLED = False
# Scrapy's remote-control server runs code sent to it: no crawl of ours needs it.
REMOTE_CONTROL_ENABLED = False

# --- attachments (files linked from articles; crawler/pipelines/attachments.py) ----------
# Links are always stored in `attachments`; the files are downloaded only when this is on.
DOWNLOAD_ATTACHMENTS = False
# Where downloaded files go (FilesPipeline), as <portal>/<sha1 of the URL>.<type>.
FILES_STORE = "data/attachments"
# A larger file is refused while it downloads (and recorded as not saved).
ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024

# --- generic spider ----------------------------------------------------------------------
# Article pages of a host held until this many of its pages were seen, so that the host's
# template (lines repeated on many pages) is known before its first articles are parsed.
GENERIC_TEMPLATE_PAGES = 8

# --- pipelines ---------------------------------------------------------------------------
ITEM_PIPELINES = {
    "crawler.pipelines.clean.NormalizationPipeline": 100,
    "crawler.pipelines.clean.SpamPipeline": 200,
    "crawler.pipelines.clean.BoilerplatePipeline": 300,
    "crawler.pipelines.validate.ValidationPipeline": 400,
    "crawler.pipelines.dedup.DeduplicationPipeline": 500,
    "crawler.pipelines.indicators.IndicatorPipeline": 600,
    "crawler.pipelines.attachments.AttachmentFilesPipeline": 800,
    "crawler.pipelines.storage.StoragePipeline": 900,
}
# Stored originals (first seen within this many days) that new articles are compared with.
DEDUP_LOOKBACK_DAYS = 180
# Originals kept in memory for near-duplicate search; the oldest leave first. Each costs
# about 9 KB (MinHash and LSH bands), so this bounds a crawl's memory; exact duplicates are
# found in the database (content_hash) without a bound.
DEDUP_INDEX_MAX = 2000

# --- monitoring: crawl_runs, health checks, progress (README "Monitoring") -------------
EXTENSIONS = {
    # Feeds (-O) of articles only, saying why when one stays empty (crawler/extensions/feeds.py).
    "scrapy.extensions.feedexport.FeedExporter": None,
    "crawler.extensions.feeds.ArticleFeeds": 0,
    # Spidermon (logging through spider.logger, see crawler/extensions/spidermon.py) comes
    # first: its checks must have run when CrawlRuns records them at spider_closed.
    "crawler.extensions.spidermon.Spidermon": 500,
    "crawler.extensions.runs.CrawlRuns": 510,
    "crawler.extensions.progress.Progress": 520,
}
# Seconds between per-portal progress lines in the log (0 turns them off).
PROGRESS_INTERVAL = 60.0
SPIDERMON_ENABLED = True
SPIDERMON_SPIDER_CLOSE_MONITORS = ["crawler.monitors.CrawlHealthSuite"]
# A crawl must store at least this many articles.
SPIDERMON_MIN_ITEMS = 1
# Share of stored articles that must have each field.
SPIDERMON_ADD_FIELD_COVERAGE = True
SPIDERMON_FIELD_COVERAGE_RULES = {
    "ArticleItem/url": 1.0,
    "ArticleItem/title": 1.0,
    "ArticleItem/body": 1.0,
    "ArticleItem/published_at": 0.9,
}
# At most this many ERROR lines in the log of one crawl.
SPIDERMON_MAX_ERRORS = 10
# A portal fails its check when more than this share of its article pages cannot be parsed.
SPIDERMON_MAX_UNPARSABLE_RATIO = 0.5
# `scrapy health`: a portal without a good crawl for more than this many days is STALE.
HEALTH_STALE_DAYS = 7

# --- feeds (scrapy crawl hungyen -O articles.csv) ---------------------------------------
FEED_EXPORTERS = {"csv": "crawler.exporters.ExcelCsvItemExporter"}
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(ARTICLE_FIELDS)

# --- portals that build their listings by JavaScript (render_js = true) ------------------
# Rendered by scrapy-playwright in the system Chromium ($CHROMIUM_PATH or found on PATH); its
# download handlers are switched on only for crawls that include such a portal.
PLAYWRIGHT_BROWSER_TYPE = "chromium"
PLAYWRIGHT_LAUNCH_OPTIONS = launch_options()
PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT = 30_000  # milliseconds

LOG_LEVEL = "INFO"
LOG_FORMAT = "%(asctime)s [%(name)s] %(levelname)s: %(message)s"


def _typed(raw: str, default):
    """Read an environment value as the type of the setting's default."""
    if isinstance(default, bool):
        if raw.strip().lower() in ("1", "true", "yes", "on"):
            return True
        if raw.strip().lower() in ("0", "false", "no", "off", ""):
            return False
        raise ValueError(f"expected true/false, got {raw!r}")
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    if isinstance(default, (dict, list)):
        return json.loads(raw)
    return raw


def _apply_environment(namespace: dict) -> None:
    for name, default in list(namespace.items()):
        if not name.isupper() or f"CRAWLER_{name}" not in os.environ:
            continue
        raw = os.environ[f"CRAWLER_{name}"]
        try:
            namespace[name] = _typed(raw, default)
        except ValueError as error:
            raise SystemExit(f"error: environment variable CRAWLER_{name}: {error}") from None
    if "CRAWLER_CONTACT_URL" in os.environ and "CRAWLER_USER_AGENT" not in os.environ:
        namespace["USER_AGENT"] = f"VNPortalCrawler/{__version__} (+{namespace['CONTACT_URL']})"


_apply_environment(globals())
