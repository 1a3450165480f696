"""Space out retries: a portal that answered 503 or timed out gets time to recover.

Scrapy's RetryMiddleware re-schedules a failed request at once. This downloader middleware
holds every retry (``retry_times`` in its meta) back before it is downloaded, for
``RETRY_BACKOFF_BASE * 2 ** (retry - 1)`` seconds capped at ``RETRY_BACKOFF_MAX``, scaled by
a random factor between 0.5 and 1 so that many failed requests do not come back together.
A held request occupies no download slot: other pages go on meanwhile.

A 503 or 429 that says how long to wait (``Retry-After: 120`` or an HTTP date) is waited for
at least that long, up to ``RETRY_AFTER_MAX`` seconds: a portal that asks for a pause gets it.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from email.utils import parsedate_to_datetime

from scrapy.exceptions import NotConfigured

logger = logging.getLogger(__name__)


def backoff_delay(retry: int, base: float, cap: float, jitter: float) -> float:
    """Seconds to wait before retry number ``retry`` (1 for the first); ``jitter`` in [0, 1]."""
    return min(cap, base * 2 ** (retry - 1)) * (0.5 + 0.5 * jitter)


def retry_after_seconds(value: str | bytes | None, now: float | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (delay-seconds or an HTTP date), or None
    when there is no header or it cannot be read."""
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class RetryBackoffMiddleware:
    def __init__(self, crawler, base: float, cap: float, retry_after_cap: float = 300.0):
        self.stats = crawler.stats
        self.base = base
        self.cap = cap
        self.retry_after_cap = retry_after_cap

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
        if not settings.getbool("RETRY_ENABLED") or base <= 0:
            raise NotConfigured
        return cls(crawler, base, cap, settings.getfloat("RETRY_AFTER_MAX", 300.0))

    async def process_request(self, request):
        retry = request.meta.get("retry_times", 0)
        if retry < 1 or request.meta.get("retry_backoff_done") == retry:
            return None
        delay = backoff_delay(retry, self.base, self.cap, random.random())
        asked = request.meta.get("retry_after")
        if asked is not None:
            if asked > self.retry_after_cap:
                logger.warning(
                    "%s asked to retry after %.0f s; waiting RETRY_AFTER_MAX = %.0f s",
                    request.url,
                    asked,
                    self.retry_after_cap,
                )
            delay = max(delay, min(asked, self.retry_after_cap))
            self.stats.inc_value("retry/retry_after_honoured")
        logger.debug("retry %d of %s held back %.2f s", retry, request.url, delay)
        self.stats.inc_value("retry/backoff_count")
        self.stats.inc_value("retry/backoff_seconds", round(delay, 3))
        request.meta["retry_backoff_done"] = retry
        await asyncio.sleep(delay)
        return None

    def process_response(self, request, response):
        """Remember what the server asked for; the retry Scrapy makes copies this meta."""
        asked = retry_after_seconds(response.headers.get("Retry-After"))
        if asked is None:
            request.meta.pop("retry_after", None)
        else:
            request.meta["retry_after"] = asked
        return response
