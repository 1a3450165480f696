"""scrapy deploy [--url URL ...]: the project's egg, built once, installed on every scrapyd node."""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from shutil import which
from urllib.request import Request

from scrapy.utils.conf import closest_scrapy_cfg

from crawler.scheduling import SchedulingError, ScrapydCommand, call_scrapyd


class Command(ScrapydCommand):
    def syntax(self):
        return "[--url URL ...] [--version VERSION]"

    def short_desc(self):
        return "Build the project egg once and deploy it to every scrapyd node"

    def add_options(self, parser):
        super().add_options(parser)
        parser.add_argument("--version", help="version name (default: the current time)")

    def run(self, args, opts):
        if self.unsafe_credentials():
            return
        try:
            urls = self.required_node_urls(opts)
            project = self.project_name()
            version = opts.version or str(int(time.time()))
            credentials = self.credentials()
            for url in urls:  # every node reachable and taking our password, before building
                call_scrapyd(Request(f"{url}/daemonstatus.json"), url, *credentials)
            with tempfile.TemporaryDirectory() as folder:
                egg = Path(folder) / f"{project}-{version}.egg"
                self.build_egg(egg)
                for url in urls:
                    spiders = deploy_egg(url, project, version, egg.read_bytes(), credentials)
                    print(f"{url}\tproject {project} version {version}: {spiders} spiders")
        except SchedulingError as error:
            print(f"error: {error}", file=sys.stderr)
            self.exitcode = 1

    @staticmethod
    def build_egg(egg: Path) -> None:
        """scrapyd-client's egg, the one scrapyd-deploy uploads (setup.py, portals.toml)."""
        program = Path(sys.executable).with_name("scrapyd-deploy")
        program = str(program) if program.exists() else which("scrapyd-deploy")
        if not program:
            raise SchedulingError("scrapyd-deploy not found: pip install -r requirements-dev.txt")
        built = subprocess.run(
            [program, "--build-egg", str(egg)],
            cwd=os.path.dirname(os.path.abspath(closest_scrapy_cfg())),
            capture_output=True,
            text=True,
        )
        if built.returncode != 0 or not egg.exists():
            raise SchedulingError(f"building the egg failed: {built.stderr.strip()[-2000:]}")


def deploy_egg(
    url: str, project: str, version: str, egg: bytes, credentials: tuple[str, str]
) -> int:
    """Upload an egg to scrapyd's addversion.json; the number of spiders it reports."""
    boundary = "----vn-crawler-deploy"
    parts = []
    for name, value in (("project", project), ("version", version)):
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            .encode()
        )
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="egg"; filename="{project}.egg"'
        "\r\nContent-Type: application/octet-stream\r\n\r\n".encode() + egg + b"\r\n"
    )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    request = Request(f"{url}/addversion.json", data=body)
    request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
    answer = call_scrapyd(request, url, *credentials, timeout=120)
    if answer.get("status") != "ok":
        raise SchedulingError(f"scrapyd at {url} refused the egg: {answer.get('message', answer)}")
    return int(answer.get("spiders", 0))
