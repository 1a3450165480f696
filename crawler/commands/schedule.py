"""scrapy schedule [--url URL ...] [--portal ID | --family NAME | --schedule GROUP] [--per-portal]
[--crontab]: jobs spread over one or several scrapyd nodes."""

import os
import sys
from pathlib import Path
from shutil import which

from scrapy.utils.conf import closest_scrapy_cfg

from crawler.commands import stdout_closed
from crawler.registry import SCHEDULES, RegistryError, load_registry
from crawler.scheduling import (
    SchedulingError,
    ScrapydCommand,
    crontab_lines,
    node_state,
    plan_jobs,
    post_job,
    spread_jobs,
)


class Command(ScrapydCommand):
    def syntax(self):
        return "[--url URL] [--portal ID ...] [--family NAME ...] [--schedule GROUP] [--crontab]"

    def short_desc(self):
        return "Post crawl jobs to scrapyd (one per family, or per portal), or print a crontab"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument(
            "--portal", action="append", default=[], metavar="ID", help="a registry portal"
        )
        parser.add_argument(
            "--family", action="append", default=[], metavar="NAME", help="a portal family"
        )
        parser.add_argument(
            "--schedule", choices=SCHEDULES, help="only portals with this registry schedule"
        )
        parser.add_argument(
            "--per-portal", action="store_true", help="one job per portal instead of per family"
        )
        parser.add_argument(
            "--crontab", action="store_true", help="print crontab lines for the registry schedules"
        )

    def run(self, args, opts):
        if self.unsafe_credentials():
            return
        try:
            registry = load_registry(self.settings.get("PORTAL_REGISTRY") or None)
            if opts.crontab:
                print("\n".join(self.crontab(registry, opts)), flush=True)
                return
            urls = self.required_node_urls(opts)
            jobs = plan_jobs(registry, opts.portal, opts.family, opts.schedule, opts.per_portal)
            if not jobs:
                print("nothing to schedule: no registry portal matches", file=sys.stderr)
            credentials = self.credentials()
            nodes = self.nodes(urls, credentials)
            for job, node in spread_jobs(jobs, nodes):
                if node is None:
                    print(f"skipped: {job}: already pending or running", file=sys.stderr)
                    continue
                job_id = post_job(node.url, self.project_name(), job, opts.set, *credentials)
                where = f"\t{node.url}" if len(urls) > 1 else ""
                print(f"{job_id}\t{job}{where}", flush=True)
        except BrokenPipeError:  # `scrapy schedule --crontab | head`
            self.exitcode = stdout_closed()
        except (RegistryError, SchedulingError) as error:
            print(f"error: {error}", file=sys.stderr)
            self.exitcode = 2 if isinstance(error, RegistryError) else 1

    def nodes(self, urls: list[str], credentials: tuple[str, str]) -> list:
        """The reachable nodes with their jobs; a node that fails is left out with a warning
        when there are others (its pending portals cannot be checked: the warning says so)."""
        nodes, errors = [], []
        for url in urls:
            try:
                nodes.append(node_state(url, self.project_name(), *credentials))
            except SchedulingError as error:
                errors.append(error)
        if not nodes:
            raise errors[0]
        for error in errors:
            print(f"warning: {error}; jobs go to the other nodes", file=sys.stderr)
        return nodes

    def crontab(self, registry, opts) -> list[str]:
        project_dir = os.path.dirname(os.path.abspath(closest_scrapy_cfg()))
        scrapy = Path(sys.executable).with_name("scrapy")
        return crontab_lines(
            registry,
            project_dir,
            str(scrapy) if scrapy.exists() else (which("scrapy") or "scrapy"),
            os.path.join(project_dir, "logs", "schedule.log"),
            ",".join(self.node_urls(opts)),
            self.credentials()[0],
        )
