"""Start Datasette on the crawl database: read-only, on 127.0.0.1 unless asked otherwise.

Datasette opens a database file that may change with ``?mode=ro`` (it never writes to it), and
SQLite's WAL lets it read while a crawl writes. The one write is an upgrade of an older database
that has no search index yet: the index is built once, as any crawl would build it.
"""

from __future__ import annotations

import ipaddress
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

from crawler.db import SEARCH_TABLE, create_schema, make_engine
from crawler.explorer.metadata import build_metadata

PLUGINS = Path(__file__).with_name("plugins")
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001
# Set to the hash printed by `datasette hash-password` to share the explorer with a team.
PASSWORD_HASH_VARIABLE = "EXPLORER_PASSWORD_HASH"
TEAM_USER = "team"


class ExplorerError(ValueError):
    """The explorer cannot start as asked; the message says why."""


def database_file(database_url: str) -> Path:
    """The SQLite file of DATABASE_URL; the explorer reads SQLite files only."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        raise ExplorerError(
            f"DATABASE_URL {url.render_as_string(hide_password=True)!r} is not a SQLite file: "
            "copy the analyst tables to one (scrapy export --sqlite FILE) and explore it "
            "with `scrapy explore --db FILE`"
        )
    path = Path(url.database)
    if not path.is_file():
        raise ExplorerError(f"{path} does not exist: crawl first (make demo, scrapy crawl …)")
    return path


def ensure_search_index(path: Path) -> bool:
    """Build the search index of a database written before it existed; True if it was built."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        present = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE name = ?", (SEARCH_TABLE,)
        ).fetchone()
    finally:
        connection.close()
    if present:
        return False
    if not os.access(path, os.W_OK):
        print(
            f"warning: {path} is read-only and has no search index: search is off", file=sys.stderr
        )
        return False
    print(f"building the search index of {path} (once, for a database from an older version)")
    engine = make_engine(f"sqlite:///{path}")
    try:
        create_schema(engine)
    finally:
        engine.dispose()
    return True


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def team_access(metadata: dict, password_hash: str) -> dict:
    """Metadata that lets in only the `team` user of datasette-auth-passwords."""
    return metadata | {
        "allow": {"id": TEAM_USER},
        "plugins": metadata["plugins"]
        | {"datasette-auth-passwords": {f"{TEAM_USER}_password_hash": password_hash}},
    }


def datasette_command(
    path: Path, metadata_file: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT
) -> list[str]:
    return [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        str(path),
        "--metadata",
        str(metadata_file),
        "--plugins-dir",
        str(PLUGINS),
        "--host",
        host,
        "--port",
        str(port),
        "--setting",
        "sql_time_limit_ms",
        "5000",
        "--setting",
        "facet_time_limit_ms",
        "1000",
    ]


def serve(path: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> int:
    """Run Datasette in the foreground until it is stopped; its exit code."""
    password_hash = os.environ.get(PASSWORD_HASH_VARIABLE, "")
    if not is_loopback(host) and not password_hash:
        raise ExplorerError(
            f"--host {host} lets other machines in: set {PASSWORD_HASH_VARIABLE} to the output "
            "of `.venv/bin/datasette hash-password` first (users log in as 'team' at /-/login)"
        )
    ensure_search_index(path)
    metadata = build_metadata(path)
    if password_hash:
        metadata = team_access(metadata, password_hash)
    with tempfile.TemporaryDirectory(prefix="explorer-") as folder:
        metadata_file = Path(folder) / "metadata.json"
        metadata_file.write_text(json.dumps(metadata, ensure_ascii=False), encoding="utf-8")
        shown = "localhost" if is_loopback(host) else host
        where = f"http://{shown}:{port}/" if port else "the address below"
        print(f"explorer: {where} (dashboards: /-/dashboards), Ctrl-C to stop", flush=True)
        try:
            return subprocess.call(datasette_command(path, metadata_file, host, port))
        except KeyboardInterrupt:
            return 0
