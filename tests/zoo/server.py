"""The zoo's loopback server: every variant's pages, by host, as a plain server and as an
HTTP proxy (like crawler.mirror), answering the POSTs of ASP.NET postback pagers.

A POST of a postback list is answered like WebForms does: a ``__VIEWSTATE`` the server did
not issue is a 500 ("Validation of viewstate MAC failed"); a submit button posted with the
form wins over ``__EVENTTARGET`` (the search button then answers with an empty search page);
otherwise ``__EVENTARGUMENT`` ``Page$N`` gives page N.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from .platforms import Site

ROBOTS = b"User-agent: *\nDisallow: /admin/\n"
NOT_FOUND = "<html><body><h1>404 - Không tìm thấy trang</h1></body></html>".encode()
VIEWSTATE_ERROR = (
    b"<html><body><h1>Server Error in '/' Application.</h1>"
    b"<p>Validation of viewstate MAC failed.</p></body></html>"
)
EMPTY_SEARCH = (
    "<html><body><form method='post'><p>Vui lòng nhập từ khóa tìm kiếm.</p></form></body></html>"
).encode()


def page_key(url: str) -> str:
    """Pages are found by host, path and query, whatever the scheme or port."""
    parts = urlsplit(url)
    return f"{(parts.hostname or '').lower()}{parts.path or '/'}" + (
        f"?{parts.query}" if parts.query else ""
    )


def stored_key(url: str) -> str:
    """A page's key in the server; later pages of a postback list keep their fragment, so
    that no GET reaches them."""
    fragment = urlsplit(url).fragment
    return page_key(url) + (f"#{fragment}" if fragment else "")


class ZooHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: ZooServer

    def target(self) -> str:
        parts = urlsplit(self.path)
        host = parts.hostname or self.headers.get("Host", "").split(":")[0]
        return f"http://{host}{parts.path}" + (f"?{parts.query}" if parts.query else "")

    def do_GET(self):  # noqa: N802 (http.server's naming)
        url = self.target()
        self.server.log("GET", url)
        if urlsplit(url).path == "/robots.txt":
            return self.reply(200, ROBOTS, "text/plain; charset=utf-8")
        page = self.server.pages.get(page_key(url))
        if page is None:
            return self.reply(404, NOT_FOUND)
        self.reply(200, page.html.encode())

    def do_POST(self):  # noqa: N802
        url = self.target()
        length = int(self.headers.get("Content-Length") or 0)
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode(), True).items()}
        self.server.log("POST", url, form.get("__EVENTARGUMENT"))
        lists = [p for p in self.server.postbacks.get(page_key(url), [])]
        if not lists:
            return self.reply(405, b"<html><body>Method not allowed</body></html>")
        issued = {p.postback[1]: p for p in lists}
        if form.get("__VIEWSTATE") not in issued:
            return self.reply(500, VIEWSTATE_ERROR)
        if any(name.endswith("$btnTimKiem") for name in form):
            return self.reply(200, EMPTY_SEARCH)
        current = issued[form["__VIEWSTATE"]]
        target, _, keys = current.postback
        argument = form.get("__EVENTARGUMENT", "")
        if form.get("__EVENTTARGET") == target and argument in keys:
            return self.reply(200, self.server.pages[stored_key(keys[argument])].html.encode())
        self.reply(200, current.html.encode())

    def reply(self, code: int, body: bytes, content_type: str = "text/html; charset=utf-8"):
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class ZooServer(ThreadingHTTPServer):
    """All sites of a zoo on 127.0.0.1 (an ephemeral port unless one is given)."""

    daemon_threads = True

    def __init__(self, sites: dict[str, Site], port: int = 0):
        self.pages = {}
        self.postbacks: dict[str, list] = {}
        for site in sites.values():
            for page in site.pages.values():
                if page.postback:
                    self.postbacks.setdefault(page_key(page.url), []).append(page)
                self.pages[stored_key(page.url)] = page
        self.requests: list[tuple] = []
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", port), ZooHandler)

    def log(self, *request) -> None:
        with self.lock:
            self.requests.append(request)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> ZooServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
