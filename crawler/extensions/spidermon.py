"""Spidermon 1.27 adapted to Scrapy 2.19: its reports go through ``spider.logger``.

Spidermon's runner writes with ``Spider.log()``, which Scrapy 2.19 deprecates (one warning
per crawl). This subclass only swaps the runner; monitors, actions and settings are
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


class _LoggerRunner(SpiderMonitorRunner):
    def create_result(self):
        return _LoggerResult(self.spider)


class Spidermon(_Spidermon):
    def _run_suites(self, spider, suites):
        data = self._generate_data_for_spider(spider)
        for suite in suites:
            _LoggerRunner(spider=spider).run(suite, **data)
