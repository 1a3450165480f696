"""A throwaway PostgreSQL cluster for the tests: Debian's postgresql 15, started in a temporary
folder as a non-root user (the `postgres` system user when the tests run as root), listening on
a loopback ephemeral port with password authentication; one fresh database per test."""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _server_programs() -> Path:
    """Debian's postgresql-NN: 15 here, the newest installed otherwise (or $PG_BIN)."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    return found[-1] if found else Path("/usr/lib/postgresql/15/bin")


PG_BIN = _server_programs()
USER, PASSWORD = "crawler", "pg-s3cret-for-tests"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    """``start()`` runs initdb and pg_ctl; ``database()`` creates an empty database and
    returns its SQLAlchemy URL (``postgresql+psycopg://…``)."""

    def __init__(self):
        missing = [name for name in ("initdb", "pg_ctl") if not (PG_BIN / name).exists()]
        if missing:
            raise RuntimeError(
                f"PostgreSQL server programs {missing} not found in {PG_BIN}: "
                "apt-get install postgresql (make test does), or set PG_BIN"
            )
        # The server refuses to run as root: use the postgres system user then.
        self.user = pwd.getpwnam("postgres") if os.getuid() == 0 else pwd.getpwuid(os.getuid())
        self.folder = Path(tempfile.mkdtemp(prefix="pgtest-"))
        os.chown(self.folder, self.user.pw_uid, self.user.pw_gid)
        self.data = self.folder / "data"
        self.port = free_port()
        self.names = itertools.count(1)

    def _run(self, *command: str) -> None:
        done = subprocess.run(
            [str(c) for c in command],
            user=self.user.pw_uid,
            group=self.user.pw_gid,
            cwd=self.folder,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{command[0]} failed: {done.stdout}{done.stderr}")

    def start(self) -> PostgresServer:
        password_file = self.folder / "pw"
        password_file.write_text(PASSWORD)
        os.chown(password_file, self.user.pw_uid, self.user.pw_gid)
        self._run(
            PG_BIN / "initdb", "-D", self.data, "-U", USER, "--pwfile", password_file,
            "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        password_file.unlink()
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            PG_BIN / "pg_ctl", "start", "-w", "-t", "60", "-D", self.data,
            "-l", self.folder / "server.log", "-o", options,
        )  # fmt: skip
        return self

    def stop(self) -> None:
        try:
            self._run(PG_BIN / "pg_ctl", "stop", "-m", "immediate", "-D", self.data)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{USER}:{PASSWORD}@127.0.0.1:{self.port}/{database}"

    def database(self) -> str:
        """A new empty database; its URL."""
        import psycopg

        name = f"test_{next(self.names)}"
        with psycopg.connect(self.url().replace("+psycopg", ""), autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return self.url(name)
