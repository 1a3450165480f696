"""Space out retries: a portal that answered 503 or timed out gets time to recover.

Scrapy's RetryMiddleware re-schedules a failed request at once. This downloader middleware
holds every retry (``retry_times`` in its meta) back before it is downloaded, for
``RETRY_BACKOFF_BASE * 2 ** (retry - 1)`` seconds capped at ``RETRY_BACKOFF_MAX``, scaled by
a random factor between 0.5 and 1 so that many failed requests do not come back together.
A held request occupies no download slot: other pages go on meanwhile.
"""

from __future__ import annotations

import asyncio
import logging
import random

from scrapy.exceptions import NotConfigured

logger = logging.getLogger(__name__)


def backoff_delay(retry: int, base: float, cap: float, jitter: float) -> float:
    """Seconds to wait before retry number ``retry`` (1 for the first); ``jitter`` in [0, 1]."""
    return min(cap, base * 2 ** (retry - 1)) * (0.5 + 0.5 * jitter)


class RetryBackoffMiddleware:
    def __init__(self, crawler, base: float, cap: float):
        self.stats = crawler.stats
        self.base = base
        self.cap = cap

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
        if not settings.getbool("RETRY_ENABLED") or base <= 0:
            raise NotConfigured
        return cls(crawler, base, cap)

    async def process_request(self, request):
        retry = request.meta.get("retry_times", 0)
        if retry < 1 or request.meta.get("retry_backoff_done") == retry:
            return None
        delay = backoff_delay(retry, self.base, self.cap, random.random())
        logger.debug("retry %d of %s held back %.2f s", retry, request.url, delay)
        self.stats.inc_value("retry/backoff_count")
        self.stats.inc_value("retry/backoff_seconds", round(delay, 3))
        request.meta["retry_backoff_done"] = retry
        await asyncio.sleep(delay)
        return None
