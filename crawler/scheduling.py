"""Scheduled crawls on scrapyd: which jobs to post, posting them, and the crontab that does it.

scrapyd runs jobs but has no periodic scheduler, so cron runs ``scrapy schedule`` (the
project command in crawler/commands/schedule.py), which posts one job per portal family, or
per portal, to scrapyd's ``schedule.json``. Everything here is plain functions, so the
command stays a thin layer over them.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shlex
import sys
import uuid
from dataclasses import dataclass, field
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit
from urllib.request import Request, urlopen

from scrapy.commands import ScrapyCommand
from scrapy.utils.conf import get_config

from crawler.db import masked_url, without_credentials
from crawler.registry import SCHEDULES, Registry

# Crontab times of the schedule groups: off the full hour, at night for the big groups.
CRON_TIMES = {"hourly": "7 * * * *", "daily": "30 1 * * *", "weekly": "30 2 * * 1"}


class SchedulingError(RuntimeError):
    """A job cannot be planned or posted; the message says why and what to do."""


@dataclass(frozen=True)
class Job:
    spider: str
    portal: str | None = None  # None: every registry portal of the family

    def __str__(self) -> str:
        return f"{self.spider} -a portal={self.portal}" if self.portal else self.spider


def plan_jobs(
    registry: Registry,
    portals: list[str] = (),
    families: list[str] = (),
    schedule: str | None = None,
    per_portal: bool = False,
) -> list[Job]:
    """The jobs for a selection of registry portals.

    A family whose portals are all selected gets one job (its spider crawls them all);
    otherwise, or with ``per_portal``, each selected portal gets its own job.
    """
    if portals:
        if families or schedule:
            raise SchedulingError("give --portal, or --family/--schedule, not both")
        return [Job(p.family, p.id) for p in map(registry.get, dict.fromkeys(portals))]
    known = list(dict.fromkeys(p.family for p in registry.portals))
    for family in families:
        if family not in known:
            raise SchedulingError(
                f"unknown family {family!r}; families in {registry.source}: {', '.join(known)}"
            )
    if schedule is not None and schedule not in SCHEDULES:
        raise SchedulingError(f"unknown schedule {schedule!r}; one of {', '.join(SCHEDULES)}")
    jobs = []
    for family in known:
        if families and family not in families:
            continue
        members = registry.of_family(family)
        chosen = [p for p in members if schedule is None or p.schedule == schedule]
        if per_portal or len(chosen) < len(members):
            jobs += [Job(family, p.id) for p in chosen]
        elif chosen:
            jobs.append(Job(family))
    return jobs


def scrapyd_urls(given: list[str] | str) -> list[str]:
    """The scrapyd nodes: ``--url`` given once per node, or one value (``SCRAPYD_URL``) listing
    several separated by commas or spaces; in order, once each."""
    values = [given] if isinstance(given, str) else list(given)
    urls = [url.rstrip("/") for value in values for url in re.split(r"[,\s]+", value) if url]
    return list(dict.fromkeys(urls))


def job_id(job: Job) -> str:
    """A scrapyd job id that names what the job crawls (``SPIDER.PORTAL.RANDOM``, PORTAL
    ``all`` for a whole family): scrapyd lists running jobs without their arguments, so this
    is how a later `scrapy schedule` on any node knows which portals are being crawled."""
    return f"{job.spider}.{job.portal or 'all'}.{uuid.uuid4().hex[:12]}"


def call_scrapyd(
    request: Request, url: str, username: str = "", password: str = "", timeout: float = 30
) -> dict:
    """A scrapyd API call; its JSON answer, or a SchedulingError that says what went wrong."""
    if username or password:
        token = base64.b64encode(f"{username}:{password}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urlopen(request, timeout=timeout) as response:
            return json.loads(response.read().decode("utf-8"))
    except HTTPError as error:
        if error.code == 401:
            raise SchedulingError(
                f"scrapyd at {masked_url(url)} refused the credentials (HTTP 401): "
                "set SCRAPYD_USERNAME and SCRAPYD_PASSWORD to its username and password"
            ) from None
        raise SchedulingError(
            f"scrapyd at {masked_url(url)} answered HTTP {error.code} {error.reason}"
        ) from None
    except (URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise SchedulingError(
            f"scrapyd at {masked_url(url)} is unreachable ({reason}): is it running? "
            "(--url or SCRAPYD_URL)"
        ) from None
    except ValueError:
        raise SchedulingError(
            f"scrapyd at {masked_url(url)} did not answer with JSON: is it scrapyd?"
        ) from None


def post_job(
    url: str,
    project: str,
    job: Job,
    settings: list[str] = (),
    username: str = "",
    password: str = "",
    timeout: float = 30,
) -> str:
    """Schedule ``job`` on the scrapyd at ``url``; its job id (see job_id)."""
    fields = [("project", project), ("spider", job.spider), ("jobid", job_id(job))]
    fields += [("portal", job.portal)] if job.portal else []
    fields += [("setting", setting) for setting in settings]
    request = Request(f"{url.rstrip('/')}/schedule.json", data=urlencode(fields).encode())
    answer = call_scrapyd(request, url, username, password, timeout)
    if not isinstance(answer, dict) or answer.get("status") != "ok" or "jobid" not in answer:
        message = answer.get("message", answer) if isinstance(answer, dict) else answer
        hint = " (deploy it first: scrapyd-deploy)" if "not found" in str(message) else ""
        raise SchedulingError(f"scrapyd at {masked_url(url)} refused job {job}: {message}{hint}")
    return answer["jobid"]


@dataclass
class Node:
    """A scrapyd node: its URL and what it is busy with (``(spider, portal or None)`` of its
    pending and running jobs; None: the whole family)."""

    url: str
    load: int = 0
    busy: set[tuple[str, str | None]] = field(default_factory=set)


def node_state(
    url: str, project: str, username: str = "", password: str = "", timeout: float = 30
) -> Node:
    """The pending and running jobs of ``project`` on the scrapyd at ``url``."""
    request = Request(f"{url}/listjobs.json?{urlencode({'project': project})}")
    answer = call_scrapyd(request, url, username, password, timeout)
    if answer.get("status") != "ok":
        message = answer.get("message", answer)
        hint = " (deploy it first: scrapy deploy)" if "not found" in str(message) else ""
        raise SchedulingError(f"scrapyd at {url} cannot list jobs: {message}{hint}")
    node = Node(url)
    for state in ("pending", "running"):
        for listed in answer.get(state, []):
            node.load += 1
            node.busy.add(_crawled_by(listed))
    return node


def _crawled_by(listed: dict) -> tuple[str, str | None]:
    """What a listed job crawls: from our job id, else a pending job's ``portal`` argument,
    else (a job posted by hand, running) its whole family, to be safe."""
    spider = listed.get("spider", "")
    parts = str(listed.get("id", "")).split(".")
    if len(parts) >= 3 and parts[0] == spider:
        portal = ".".join(parts[1:-1])
        return spider, None if portal == "all" else portal
    return spider, (listed.get("args") or {}).get("portal")


def overlaps(job: Job, busy: set[tuple[str, str | None]]) -> bool:
    """Would ``job`` crawl a portal that a pending or running job already crawls?"""
    return any(
        spider == job.spider and (portal is None or job.portal is None or portal == job.portal)
        for spider, portal in busy
    )


def spread_jobs(jobs: list[Job], nodes: list[Node]) -> list[tuple[Job, Node | None]]:
    """Each job with the node to post it to: the node with the fewest pending and running
    jobs (the first given on a tie); None for a job whose portal is already pending or
    running on any node (never the same portal twice at once). Updates the nodes' state."""
    placed = []
    for job in jobs:
        if any(overlaps(job, node.busy) for node in nodes):
            placed.append((job, None))
            continue
        node = min(nodes, key=lambda node: node.load)
        node.load += 1
        node.busy.add((job.spider, job.portal))
        placed.append((job, node))
    return placed


def crontab_lines(
    registry: Registry,
    project_dir: str,
    scrapy: str,
    log_file: str,
    url: str = "",
    username: str = "",
) -> list[str]:
    """Crontab lines that schedule each schedule group of the registry on scrapyd.

    Each line runs ``scrapy schedule --schedule GROUP``, which reads the registry when it
    runs, so portals added later are crawled without editing the crontab.
    """
    if not username and url:
        try:
            username = urlsplit(url).username or ""
        except ValueError:
            username = ""
    lines = [
        "# Scheduled crawls of the portal registry (scrapy schedule --crontab).",
        "# cron starts commands without your login environment: give them scrapyd's address",
        "# and credentials here (the password stays in your crontab, readable only by you).",
        # Credentials written into the URL stay out of the crontab (they go below).
        f"SCRAPYD_URL={without_credentials(url)}" if url else "# SCRAPYD_URL=http://127.0.0.1:6800",
        f"SCRAPYD_USERNAME={username}" if username else "# SCRAPYD_USERNAME=...",
        "# SCRAPYD_PASSWORD=...",
    ]
    for group in SCHEDULES:
        portals = [p.id for p in registry.portals if p.schedule == group]
        if not portals:
            continue
        command = (
            f"cd {shlex.quote(project_dir)}"
            f" && mkdir -p {shlex.quote(os.path.dirname(log_file) or '.')}"
            f" && {shlex.quote(scrapy)} schedule --schedule {group}"
            f" >> {shlex.quote(log_file)} 2>&1"
        )
        lines.append(f"# {group}: {', '.join(portals)}")
        lines.append(f"{CRON_TIMES[group]} {command}")
    return lines


def credentials_problem(username: str, password: str) -> str | None:
    """Why a scrapyd set-up's credentials are unsafe, or None.

    scrapyd 1.6 turns authentication on only when both SCRAPYD_USERNAME and
    SCRAPYD_PASSWORD are set: a password alone leaves its API (which installs and runs
    code) open to anyone who reaches it."""
    if password and not username:
        return (
            "SCRAPYD_PASSWORD is set but SCRAPYD_USERNAME is not: scrapyd then serves its API "
            "without authentication; set both (here and in scrapyd's environment)"
        )
    return None


class ScrapydCommand(ScrapyCommand):
    """Base of the commands that talk to scrapyd nodes (deploy, schedule): the nodes come from
    ``--url`` given once per node or ``$SCRAPYD_URL``, the credentials from
    ``SCRAPYD_USERNAME``/``SCRAPYD_PASSWORD``, the project name from scrapy.cfg's [deploy]
    section, as scrapyd-deploy reads it."""

    requires_project = True
    requires_crawler_process = False

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument(
            "--url",
            action="append",
            default=[],
            help="a scrapyd node's URL; once per node (default: $SCRAPYD_URL, which may list "
            "several separated by commas)",
        )

    @staticmethod
    def node_urls(opts) -> list[str]:
        return scrapyd_urls(opts.url or os.environ.get("SCRAPYD_URL", ""))

    @staticmethod
    def required_node_urls(opts) -> list[str]:
        urls = ScrapydCommand.node_urls(opts)
        if not urls:
            raise SchedulingError("no scrapyd URL: give --url URL or set SCRAPYD_URL")
        return urls

    @staticmethod
    def credentials() -> tuple[str, str]:
        return os.environ.get("SCRAPYD_USERNAME", ""), os.environ.get("SCRAPYD_PASSWORD", "")

    def unsafe_credentials(self) -> bool:
        """A password without a username makes scrapyd serve without authentication: said in
        one line, exit code 2, before anything is sent."""
        unsafe = credentials_problem(*self.credentials())
        if unsafe:
            print(f"error: {unsafe}", file=sys.stderr)
            self.exitcode = 2
        return bool(unsafe)

    def project_name(self) -> str:
        return get_config().get("deploy", "project", fallback=self.settings.get("BOT_NAME"))
