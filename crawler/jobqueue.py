"""A JOBDIR request queue that survives the crawl being killed.

Scrapy keeps a JOBDIR crawl's pending requests in queuelib disk queues, whose size header is
written when the file is created and again when the crawl closes. A SIGKILL between the two
can leave a file without its header: on resume queuelib raises ``struct.error`` for every
request Scrapy pushes to it, Scrapy logs the error and drops the request, and the crawl
"finishes" having stored nothing (seen: 14 of 60 articles after a kill and a resume, exit 0).
Here such a file is moved aside, counted (``jobdir/broken_queue``) and logged, and the queue
starts empty: the listings are requested again at every start (never filtered as seen) and the
incremental state in the database skips what is stored, so nothing is lost.
"""

from __future__ import annotations

import logging
import pickle
import struct
from pathlib import Path

from scrapy.squeues import PickleLifoDiskQueue

logger = logging.getLogger(__name__)

# What a disk queue cut short by a kill raises on open or on reading a record.
_BROKEN = (struct.error, EOFError, pickle.UnpicklingError, ValueError, AttributeError)


class RecoveringPickleLifoDiskQueue(PickleLifoDiskQueue):
    def __init__(self, crawler, key: str):
        self.crawler = crawler
        try:
            super().__init__(crawler, key)
        except _BROKEN as error:
            if getattr(self, "f", None) is not None:
                self.f.close()
            self._set_aside(key, error)
            super().__init__(crawler, key)

    def pop(self):
        try:
            return super().pop()
        except _BROKEN as error:
            # a record cut short: what is left of this queue cannot be read
            self._report(self.path, error, "emptied")
            self.size = 0
            self.f.seek(self.SIZE_SIZE)
            self.f.truncate()
            return None

    def _set_aside(self, key: str, error: BaseException) -> None:
        path = Path(key)
        aside = path.with_name(f"{path.name}.broken")
        path.replace(aside)
        self._report(key, error, f"moved to {aside}")

    def _report(self, key: str, error: BaseException, what: str) -> None:
        self.crawler.stats.inc_value("jobdir/broken_queue")
        logger.error(
            "JOBDIR request queue %s was left broken by an interrupted crawl (%s): %s; its "
            "requests are found again from the listings",
            key,
            error,
            what,
        )
