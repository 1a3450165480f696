"""Spidermon 1.27 adapted to Scrapy 2.19: its reports go through ``spider.logger``.

Spidermon's runner writes with ``Spider.log()``, which Scrapy 2.19 deprecates (one warning
per crawl), and prints each failed check as a unittest traceback. This subclass swaps the
runner so that a failed check is one readable ERROR line; monitors, actions and settings are
Spidermon's own.
"""

from __future__ import annotations

import logging

from spidermon.contrib.scrapy.extensions import Spidermon as _Spidermon
from spidermon.contrib.scrapy.runners import (
    LOG_MESSAGE_HEADER,
    SpiderMonitorResult,
    SpiderMonitorRunner,
)


class _LoggerResult(SpiderMonitorResult):
    def log(self, msg, level=logging.DEBUG):
        self.spider.logger.log(level, "[%s] %s", LOG_MESSAGE_HEADER, msg)

    def write_errors(self):
        """One ERROR line per failed check (its assertion message); the traceback at DEBUG."""
        for status in self.step.error_statuses:
            for item in self.step.items_for_status(status):
                lines = [line for line in str(item.error).strip().splitlines() if line.strip()]
                reason = lines[-1].removeprefix("AssertionError: ") if lines else status
                self.log_error(f"{item.status}: {item.item.name}: {reason}")
                self.log(str(item.error))


class _LoggerRunner(SpiderMonitorRunner):
    def create_result(self):
        return _LoggerResult(self.spider)


class Spidermon(_Spidermon):
    def _run_suites(self, spider, suites):
        data = self._generate_data_for_spider(spider)
        for suite in suites:
            _LoggerRunner(spider=spider).run(suite, **data)
