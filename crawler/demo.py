"""`make demo`: crawl the bundled portal mirror into data/crawler.db, write a CSV and say how to
open the explorer.

Serves tests/fixtures/portals on 127.0.0.1, runs one real `scrapy crawl` per family through
it as an HTTP proxy (so the portals keep their real host names), exports the articles and
prints a short summary.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from crawler.db import (
    ArticleRow,
    FailureRow,
    IndicatorRow,
    PortalFlagRow,
    PortalIndicatorRow,
    make_engine,
)
from crawler.explorer.serve import DEFAULT_PORT
from crawler.mirror import MirrorServer
from crawler.parsing.families import FAMILIES
from crawler.registry import load_registry

PROJECT = Path(__file__).resolve().parents[1]
MIRROR = PROJECT / "tests" / "fixtures" / "portals"
SCRAPY = str(Path(sys.executable).with_name("scrapy"))


def main() -> int:
    database = os.environ.get("DATABASE_URL", "sqlite:///data/crawler.db")
    csv_path = os.environ.get("DEMO_CSV", "data/articles.csv")
    server = MirrorServer(MIRROR).start()
    environment = {**os.environ, "http_proxy": server.url, "DATABASE_URL": database}
    # The mirror is local: no need for the delays that protect real portals.
    fast = ["-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", "-L", "WARNING"]
    mirrored = [p for p in load_registry().portals if (MIRROR / p.host).is_dir()]
    started = time.monotonic()
    try:
        for family in FAMILIES:
            for portal in (p for p in mirrored if p.family == family):
                print(f"crawling {portal.id} ({portal.host}) with the {family} spider", flush=True)
                command = [SCRAPY, "crawl", family, "-a", f"portal={portal.id}", *fast]
                subprocess.run(command, cwd=PROJECT, env=environment, check=True)
    finally:
        server.stop()
    elapsed = time.monotonic() - started
    subprocess.run(
        [SCRAPY, "export", "articles", "-o", csv_path], cwd=PROJECT, env=environment, check=True
    )
    engine = make_engine(database)
    with engine.connect() as connection:
        per_portal = connection.execute(
            select(ArticleRow.portal, func.count()).group_by(ArticleRow.portal)
        ).all()
        failures = connection.scalar(select(func.count()).select_from(FailureRow))
        indicators = connection.scalar(select(func.count()).select_from(IndicatorRow))
        widget_figures = connection.scalar(select(func.count()).select_from(PortalIndicatorRow))
        flagged = connection.scalars(select(PortalFlagRow.portal).distinct()).all()
    print(f"\n{'portal':<28}{'articles':>9}")
    for portal, count in per_portal:
        print(f"{portal:<28}{count:>9}")
    total = sum(count for _, count in per_portal)
    print(
        f"{len(per_portal)} portals, {total} articles, {indicators} indicators, "
        f"{widget_figures} portal figures, {failures} failures, crawled in {elapsed:.1f} s"
    )
    if flagged:
        print(f"injected spam found on: {', '.join(flagged)} (see table portal_flags)")
    print(f"-> {database}, {csv_path}")
    print("indicators as CSV: scrapy export indicators -o data/indicators.csv")
    print(f"explore it in the browser: make serve (or DATABASE_URL={database} scrapy explore),")
    print(f"then open http://localhost:{DEFAULT_PORT}/-/dashboards")
    return 0


if __name__ == "__main__":
    sys.exit(main())
