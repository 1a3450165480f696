"""Serve a saved portal mirror on 127.0.0.1, as a plain server and as an HTTP proxy.

A request for ``http://HOST/PATH?QUERY`` (proxy form, or any form with a Host header) is
answered with the file ``ROOT/HOST/PATH@QUERY``; a missing file is a 404 with the portals'
own "Không tìm thấy trang" page. Crawls use it with ``http_proxy=http://127.0.0.1:PORT``
so that they see the portals' real host names. Used by the tests and by ``make demo``.

    python -m crawler.mirror ROOT [PORT]
"""

from __future__ import annotations

import argparse
import email.utils
import hashlib
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

NOT_FOUND = "<html><body><h1>404 - Không tìm thấy trang</h1></body></html>".encode()


def mirror_path(root: Path, url: str) -> Path:
    """Where the mirror keeps the page of ``url``."""
    parts = urlsplit(url)
    path = unquote(parts.path).lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"  # a folder URL ("/news/tin-tuc/") is its index page
    name = path + (("@" + unquote(parts.query)) if parts.query else "")
    return root / (parts.hostname or "").lower() / name


class MirrorHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: MirrorServer

    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.server.requests.append(self.path)
        parts = urlsplit(self.path)
        host = parts.hostname or self.headers.get("Host", "").split(":")[0]
        url = f"http://{host}{parts.path}" + (f"?{parts.query}" if parts.query else "")
        file = mirror_path(self.server.root, url).resolve()
        if self.server.root not in file.parents or not file.is_file():
            return self.reply(404, NOT_FOUND)
        body = file.read_bytes()
        content_type = (
            "text/plain; charset=utf-8"
            if file.name == "robots.txt"
            else ("text/html; charset=utf-8")
        )
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        modified = email.utils.formatdate(file.stat().st_mtime, usegmt=True)
        if self.headers.get("If-None-Match") == etag:
            return self.reply(304, b"", content_type, etag, modified)
        self.reply(200, body, content_type, etag, modified)

    def reply(self, code, body, content_type="text/html; charset=utf-8", etag=None, modified=None):
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if etag and self.server.conditional:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class MirrorServer(ThreadingHTTPServer):
    """The mirror as a server object; ``start()`` runs it in a daemon thread."""

    daemon_threads = True

    def __init__(self, root: str | Path, port: int = 0, conditional: bool = True):
        self.root = Path(root).resolve()
        self.conditional = conditional
        self.requests: list[str] = []
        super().__init__(("127.0.0.1", port), MirrorHandler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> MirrorServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", help="mirror folder, one sub-folder per host")
    parser.add_argument("port", nargs="?", type=int, default=8089)
    args = parser.parse_args(argv)
    if not Path(args.root).is_dir():
        print(f"error: mirror folder {args.root} does not exist", file=sys.stderr)
        return 2
    server = MirrorServer(args.root, args.port)
    print(f"serving {server.root} on {server.url} (use http_proxy={server.url})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
