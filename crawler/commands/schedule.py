"""scrapy schedule [--url URL ...] [--portal ID | --family NAME | --schedule GROUP] [--per-portal]
[--crontab]: jobs spread over one or several scrapyd nodes."""

import os
import sys
from pathlib import Path
from shutil import which

from scrapy.commands import ScrapyCommand
from scrapy.utils.conf import closest_scrapy_cfg, get_config

from crawler.commands import stdout_closed
from crawler.registry import SCHEDULES, RegistryError, load_registry
from crawler.scheduling import (
    SchedulingError,
    credentials_problem,
    crontab_lines,
    node_state,
    plan_jobs,
    post_job,
    scrapyd_urls,
    spread_jobs,
)


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self):
        return "[--url URL] [--portal ID ...] [--family NAME ...] [--schedule GROUP] [--crontab]"

    def short_desc(self):
        return "Post crawl jobs to scrapyd (one per family, or per portal), or print a crontab"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument(
            "--url",
            action="append",
            default=[],
            help="a scrapyd node's URL; once per node (default: $SCRAPYD_URL, which may list "
            "several separated by commas)",
        )
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
        unsafe = credentials_problem(
            os.environ.get("SCRAPYD_USERNAME", ""), os.environ.get("SCRAPYD_PASSWORD", "")
        )
        if unsafe:
            print(f"error: {unsafe}", file=sys.stderr)
            self.exitcode = 2
            return
        try:
            registry = load_registry(self.settings.get("PORTAL_REGISTRY") or None)
            if opts.crontab:
                print("\n".join(self.crontab(registry, opts)), flush=True)
                return
            urls = scrapyd_urls(opts.url or os.environ.get("SCRAPYD_URL", ""))
            if not urls:
                raise SchedulingError("no scrapyd URL: give --url URL or set SCRAPYD_URL")
            jobs = plan_jobs(registry, opts.portal, opts.family, opts.schedule, opts.per_portal)
            if not jobs:
                print("nothing to schedule: no registry portal matches", file=sys.stderr)
            credentials = (
                os.environ.get("SCRAPYD_USERNAME", ""),
                os.environ.get("SCRAPYD_PASSWORD", ""),
            )
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

    def project_name(self) -> str:
        """The scrapyd project: scrapy.cfg's [deploy] project, as scrapyd-deploy uses it."""
        return get_config().get("deploy", "project", fallback=self.settings.get("BOT_NAME"))

    def crontab(self, registry, opts) -> list[str]:
        project_dir = os.path.dirname(os.path.abspath(closest_scrapy_cfg()))
        scrapy = Path(sys.executable).with_name("scrapy")
        return crontab_lines(
            registry,
            project_dir,
            str(scrapy) if scrapy.exists() else (which("scrapy") or "scrapy"),
            os.path.join(project_dir, "logs", "schedule.log"),
            ",".join(scrapyd_urls(opts.url or os.environ.get("SCRAPYD_URL", ""))),
            os.environ.get("SCRAPYD_USERNAME", ""),
        )
