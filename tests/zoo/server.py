"""The zoo's loopback server: every variant's pages, by host, as a plain server and as an
HTTP proxy (like crawler.mirror), answering the POSTs of ASP.NET postback pagers.

A POST of a postback list is answered like WebForms does: a ``__VIEWSTATE`` the server did
not issue is a 500 ("Validation of viewstate MAC failed"); a submit button posted with the
form wins over ``__EVENTTARGET`` (the search button then answers with an empty search page);
otherwise ``__EVENTARGUMENT`` ``Page$N`` gives page N.
"""

from __future__ import annotations

import datetime
import io
import ssl
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

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
    scheme = "http"  # "https" inside a CONNECT tunnel

    def target(self) -> str:
        parts = urlsplit(self.path)
        host = parts.hostname or self.headers.get("Host", "").split(":")[0]
        return f"{self.scheme}://{host}{parts.path}" + (f"?{parts.query}" if parts.query else "")

    def do_GET(self):  # noqa: N802 (http.server's naming)
        url = self.target()
        self.server.log("GET", url)
        if urlsplit(url).path == "/robots.txt":
            return self.reply(200, ROBOTS, "text/plain; charset=utf-8")
        # the query's escapes decoded, as PHP or ASP.NET decode them: "op=tin-tuc%2Fbai-1"
        # is "op=tin-tuc/bai-1" to a NukeViet server
        page = self.server.pages.get(page_key(url)) or self.server.decoded.get(
            unquote(page_key(url))
        )
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

    def do_CONNECT(self):  # noqa: N802
        """An https:// page asked through the proxy: open the tunnel, speak TLS with a
        self-signed certificate (Scrapy does not verify certificates), serve the same pages."""
        self.server.log("CONNECT", self.path)
        self.send_response(200, "Connection established")
        self.end_headers()
        tls = self.server.tls_context().wrap_socket(self.connection, server_side=True)
        self.connection = tls
        self.scheme = "https"
        self.rfile = tls.makefile("rb")
        self.wfile = SocketWriter(tls)

    def reply(self, code: int, body: bytes, content_type: str = "text/html; charset=utf-8"):
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class SocketWriter(io.BufferedIOBase):
    """What http.server writes replies to, over the TLS socket of a tunnel."""

    def __init__(self, sock):
        self.sock = sock

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.sock.sendall(data)
        return len(data)


def self_signed_context(hosts: list[str]) -> ssl.SSLContext:
    """A TLS server context with a throw-away certificate for the zoo's host names."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "zoo.invalid")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(h) for h in hosts]), False)
        .sign(key, hashes.SHA256())
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with tempfile.NamedTemporaryFile("wb", suffix=".pem") as pem:
        pem.write(certificate.public_bytes(serialization.Encoding.PEM))
        pem.write(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        pem.flush()
        context.load_cert_chain(pem.name)
    return context


class ZooServer(ThreadingHTTPServer):
    """All sites of a zoo on 127.0.0.1 (an ephemeral port unless one is given)."""

    daemon_threads = True

    def __init__(self, sites: dict[str, Site], port: int = 0):
        self.pages = {}
        self.hosts = sorted(sites)
        self.postbacks: dict[str, list] = {}
        for site in sites.values():
            for page in site.pages.values():
                if page.postback:
                    self.postbacks.setdefault(page_key(page.url), []).append(page)
                self.pages[stored_key(page.url)] = page
        self.decoded = {unquote(key): page for key, page in self.pages.items()}
        self.requests: list[tuple] = []
        self.lock = threading.Lock()
        self._tls: ssl.SSLContext | None = None
        super().__init__(("127.0.0.1", port), ZooHandler)

    def log(self, *request) -> None:
        with self.lock:
            self.requests.append(request)

    def tls_context(self) -> ssl.SSLContext:
        with self.lock:
            if self._tls is None:
                self._tls = self_signed_context(self.hosts)
            return self._tls

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> ZooServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
