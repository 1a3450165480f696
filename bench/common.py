"""What every benchmark shares: generated mirrors, crawl subprocesses, results and the machine."""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench.generate_mirror import FAMILIES, generate
from crawler.mirror import MirrorServer
from crawler.registry import load_registry

PROJECT = Path(__file__).resolve().parents[1]
OUT = PROJECT / "bench" / "out"
# Both crawls of a comparison run with these: no politeness delays (the mirror is local),
# AutoThrottle off, the same concurrency, robots.txt obeyed, quiet logs.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 8
CRAWL_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": "False",
    "DOWNLOAD_DELAY": "0",
    "CONCURRENT_REQUESTS": str(CONCURRENT_REQUESTS),
    "CONCURRENT_REQUESTS_PER_DOMAIN": str(CONCURRENT_REQUESTS_PER_DOMAIN),
    "ROBOTSTXT_OBEY": "True",
    "LOG_LEVEL": "WARNING",
    "STATS_CLASS": "bench.crawl_stats.FileStatsCollector",
}
CRAWL_TIMEOUT = 3600


@dataclass
class Result:
    """One benchmark's line of the summary table."""

    name: str
    measured: str
    baseline: str
    ratio: float
    aim: str = "—"
    met: bool | None = None
    notes: list[str] = field(default_factory=list)


def median(values) -> float:
    return statistics.median(list(values))


def mirror(
    articles: int,
    families: tuple[str, ...] = FAMILIES,
    portals_per_family: int = 2,
    full_template: bool = False,
) -> Path:
    """A generated mirror in bench/out, reused while the generator and parameters are the same."""
    generator = (PROJECT / "bench" / "generate_mirror.py").read_bytes()
    parameters = (articles, families, portals_per_family) + ((True,) if full_template else ())
    key = hashlib.sha1(generator + repr(parameters).encode())
    full = "full-" if full_template else ""
    root = OUT / f"mirror-{full}{'-'.join(families)}-{articles}"
    stamp = root / ".generated"
    if not stamp.is_file() or stamp.read_text() != key.hexdigest():
        print(f"  generating {articles} articles into {root.relative_to(PROJECT)}", flush=True)
        generate(root, articles, families, portals_per_family, full_template=full_template)
        stamp.write_text(key.hexdigest())
    return root


@contextmanager
def served(root: Path) -> Iterator[MirrorServer]:
    server = MirrorServer(root, conditional=False).start()
    try:
        yield server
    finally:
        server.stop()


def listings(root: Path, family: str) -> list[str]:
    return [
        url for p in load_registry(root / "portals.toml").of_family(family) for url in p.listings
    ]


def scratch_dir() -> Path:
    """A folder for one benchmark's databases and stats files, removed when the run ends."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix="run-", dir=OUT))
    atexit.register(shutil.rmtree, path, True)
    return path


def _run_crawl(command: list[str], proxy: str, stats_file: Path, env: dict | None = None) -> dict:
    environment = {**os.environ, "http_proxy": proxy, **(env or {})}
    environment.pop("https_proxy", None)
    environment["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(PROJECT), environment.get("PYTHONPATH")])
    )
    settings = {**CRAWL_SETTINGS, "BENCH_STATS_FILE": str(stats_file)}
    for name, value in settings.items():
        command += ["-s", f"{name}={value}"]
    result = subprocess.run(
        command, cwd=PROJECT, env=environment, capture_output=True, text=True, timeout=CRAWL_TIMEOUT
    )
    if result.returncode != 0 or not stats_file.is_file():
        raise RuntimeError(f"crawl {' '.join(command[:6])} failed:\n{result.stderr[-3000:]}")
    return json.loads(stats_file.read_text())


def full_crawl(family: str, root: Path, proxy: str, work: Path) -> dict:
    """`scrapy crawl FAMILY` with the project's settings and pipelines over the mirror's portals."""
    database = work / f"{family}.db"
    database.unlink(missing_ok=True)
    env = {"DATABASE_URL": f"sqlite:///{database}", "PORTAL_REGISTRY": str(root / "portals.toml")}
    command = [sys.executable, "-m", "scrapy", "crawl", family]
    return _run_crawl(command, proxy, work / f"{family}-full.json", env)


def bare_crawl(family: str, root: Path, proxy: str, work: Path) -> dict:
    """The bare spider (bench.bare_crawl) over the same listings, outside the project."""
    command = [sys.executable, "-m", "bench.bare_crawl", family, *listings(root, family)]
    return _run_crawl(command, proxy, work / f"{family}-bare.json")


def machine() -> dict[str, str]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "unknown"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    import scrapy
    import sqlalchemy

    return {
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "RAM": memory,
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "SQLite": sqlite3.sqlite_version,
        "Scrapy": scrapy.__version__,
        "SQLAlchemy": sqlalchemy.__version__,
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }
