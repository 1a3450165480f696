"""A stats collector that also writes the crawl's stats to a JSON file when the spider closes.

The benchmarks run crawls with LOG_LEVEL=WARNING, so the stats dump is not in the log; they
pass ``-s STATS_CLASS=bench.crawl_stats.FileStatsCollector -s BENCH_STATS_FILE=PATH``. Besides
Scrapy's stats the file holds the process's peak RSS and the size of the duplicate filter,
which the memory benchmark needs to explain growth.
"""

from __future__ import annotations

import json
import resource
from pathlib import Path

from scrapy.statscollectors import MemoryStatsCollector


class FileStatsCollector(MemoryStatsCollector):
    def _persist_stats(self, stats: dict) -> None:
        super()._persist_stats(stats)
        path = self._crawler.settings.get("BENCH_STATS_FILE")
        if not path:
            return
        record = {key: value for key, value in stats.items() if not hasattr(value, "isoformat")}
        usage = resource.getrusage(resource.RUSAGE_SELF)
        record["bench/peak_rss_bytes"] = usage.ru_maxrss * 1024
        record["bench/cpu_seconds"] = usage.ru_utime + usage.ru_stime
        # The duplicate filter keeps one fingerprint per request it let through, by design.
        record["bench/dupefilter_fingerprints"] = stats.get("scheduler/enqueued")
        Path(path).write_text(json.dumps(record, default=str), encoding="utf-8")
