"""A Hải Dương commune portal on 127.0.0.1 whose pages misbehave on purpose.

The portal has the haiduong family's markup (listing ``/Trang/TinTuc.aspx?cid=2`` then
``&p=N``, articles ``/Trang/ChiTietTinTuc.aspx?nid=N&title=slug.html``) and answers for any
host name, so a crawl reaches it with ``-a url=SERVER_URL/Trang/TinTuc.aspx?cid=2`` or as an
HTTP proxy. Each article can be given a Fault; every request is recorded with its time.
Only loopback, every wait bounded.
"""

from __future__ import annotations

import html
import socket
import struct
import threading
import time
import unicodedata
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

LISTING_PATH = "/Trang/TinTuc.aspx?cid=2"

# How a page misbehaves:
#   status         answer with ``status`` (500, 503…)
#   timeout        say nothing for ``FaultServer.hang_seconds``, then hang up
#   reset          reset the connection (TCP RST) without answering
#   truncate       promise more bytes in Content-Length than are sent
#   redirect_loop  302 to a second URL that 302s back
#   huge           a 50 MB page, streamed
#   cp1258         the page in windows-1258 bytes, header charset ``charset`` (None: no charset)
#   error_page     "Không tìm thấy trang" with status 200
#   broken_markup  the article inside unclosed tags, stray </div> and nested forms
KINDS = (
    "status",
    "timeout",
    "reset",
    "truncate",
    "redirect_loop",
    "huge",
    "cp1258",
    "error_page",
    "broken_markup",
)
HUGE_SIZE = 50 * 1024 * 1024
_TONES = "\u0300\u0301\u0303\u0309\u0323"


@dataclass
class Fault:
    kind: str
    times: int | None = None  # misbehave for the first N requests only, then serve the page
    status: int = 503
    charset: str | None = "utf-8"
    retry_after: str | None = None  # Retry-After header of a ``status`` answer

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault {self.kind!r}")


@dataclass
class Article:
    """An article; ``title``/``paragraphs``/``author`` are HTML snippets (escape plain text)."""

    nid: int
    title: str
    paragraphs: list[str]
    date: str = "22/06/2023 12:00:00"
    author: str = "Thu Xuân"
    slug: str = "tin-bai"

    @property
    def path(self) -> str:
        return f"/Trang/ChiTietTinTuc.aspx?nid={self.nid}&title={self.slug}.html"


_SENTENCES = [
    "UBND xã tổ chức hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội năm nay.",
    "Dự hội nghị có lãnh đạo các phòng, ban, ngành và đại diện các thôn trên địa bàn.",
    "Tổng thu ngân sách trên địa bàn ước đạt 35,4 tỷ đồng, bằng 106% dự toán giao.",
    "Hội nghị đã thống nhất các giải pháp trọng tâm, phấn đấu hoàn thành các chỉ tiêu đề ra.",
    "Dịp này, xã đã khen thưởng 6 tập thể và 14 cá nhân có thành tích xuất sắc.",
    "Công tác cải cách hành chính được đẩy mạnh, người dân hài lòng với thủ tục một cửa.",
]


def generated_articles(count: int, first_nid: int = 1) -> list[Article]:
    """``count`` distinct articles with real Vietnamese sentences, newest (highest nid) first."""
    articles = []
    for index in range(count):
        nid = first_nid + index
        paragraphs = [
            f"Bản tin số {nid}: {_SENTENCES[(nid + k) % len(_SENTENCES)]}" for k in range(3)
        ]
        day = 1 + nid % 28
        articles.append(
            Article(
                nid=nid,
                title=f"Hoạt động của xã trong tuần, bản tin số {nid}",
                paragraphs=[html.escape(p) for p in paragraphs],
                date=f"{day:02d}/05/2024 08:00:00",
                slug=f"ban-tin-so-{nid}",
            )
        )
    return list(reversed(articles))


def encode_cp1258(text: str) -> bytes:
    """windows-1258 as Word and FrontPage wrote it: base letters plus combining tones."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            tone = "".join(mark for mark in decomposed if mark in _TONES)
            base = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in _TONES))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def _page(content: str, meta_charset: bool = True) -> str:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />'
    return f"""<!DOCTYPE html>
<html><head>{meta if meta_charset else ""}
<title>XÃ QUANG THÀNH - THỊ XÃ KINH MÔN</title></head>
<body><form method="post" action="./ChiTietTinTuc.aspx" id="form1">
<div id="wrapper"><div id="menu"><ul><li><a href="/Trang/Default.aspx">TRANG CHỦ</a></li>
<li><a href="{html.escape(LISTING_PATH)}">CHÍNH TRỊ-KINH TẾ</a></li></ul></div>
<div id="content-left">
<div class="category-name">CHÍNH TRỊ-KINH TẾ</div>
{content}
</div>
<div id="footer"><p class="footer-title">TRANG THÔNG TIN ĐIỆN TỬ XÃ QUANG THÀNH</p>
<div class="counter">Đang truy cập: 1<br/>Hôm nay: 4<br/>Tất cả: 12,943</div></div>
</div></form></body></html>"""


def article_html(article: Article, meta_charset: bool = True) -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in article.paragraphs)
    return _page(
        f"""<div class="news-detail"><h2 class="news-title">{article.title}</h2>
<div class="news-date">{article.date}</div>
<div class="news-content">
{paragraphs}
</div>
<p class="author" style="text-align:right"><b>{article.author}</b></p></div>""",
        meta_charset,
    )


def broken_article_html(article: Article) -> str:
    """The same article as a careless CMS template emits it."""
    paragraphs = "\n".join(f"<p>{p}" for p in article.paragraphs)  # never closed
    return _page(
        f"""<form class="search"><input name="q"><form class="inner"><input name="x"></form>
</div></div><span><div class="news-detail"><table><tr><td>
<h2 class="news-title">{article.title}</h2>
<div class="news-date">{article.date}</div></td></tr>
<div class="news-content"><font face="Arial">
{paragraphs}
</span></div></div>
<p class="author" style="text-align:right"><b>{article.author}</b>
</td></table>"""
    )


ERROR_PAGE = _page(
    '<div class="error"><h2 class="news-title">Không tìm thấy trang</h2>'
    "<p>Trang bạn yêu cầu không tồn tại hoặc đã bị xóa.</p>"
    '<p><a href="/Trang/Default.aspx">Về trang chủ</a></p></div>'
)
NOT_FOUND = "<html><body><h1>404 - Không tìm thấy trang</h1></body></html>".encode()


class FaultHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FaultServer

    def do_GET(self):  # noqa: N802 (http.server's naming)
        parts = urlsplit(self.path)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        self.server.record(target)
        if self.server.delay:
            time.sleep(self.server.delay)
        query = parse_qs(parts.query)
        if parts.path == "/Trang/TinTuc.aspx" and query.get("cid") == ["2"]:
            return self.listing(int(query.get("p", ["1"])[0]))
        if parts.path == "/Trang/ChiTietTinTuc.aspx" and query.get("nid", [""])[0].isdigit():
            article = self.server.articles.get(int(query["nid"][0]))
            if article is not None:
                return self.article(article, looped="loop" in query)
        self.reply(404, NOT_FOUND)

    def listing(self, page: int):
        articles = list(self.server.articles.values())
        size = self.server.page_size
        shown = articles[(page - 1) * size : page * size]
        items = "\n".join(
            f'<tr><td class="news-item"><a class="title" href="{html.escape(a.path)}">'
            f'{a.title}</a> <span class="date">({a.date[:10]})</span></td></tr>'
            for a in shown
        )
        pager = f'<span class="current">{page}</span>'
        if page * size < len(articles):
            pager += f' <a href="{html.escape(LISTING_PATH)}&amp;p={page + 1}">{page + 1}</a>'
        content = f'<table class="list-news">{items}</table><div class="paging">{pager}</div>'
        self.reply(200, _page(content).encode())

    def article(self, article: Article, looped: bool):
        fault = self.server.faults.get(article.nid)
        served = self.server.count(article.nid)
        if fault is None or (fault.times is not None and served > fault.times):
            return self.reply(200, article_html(article).encode())
        if fault.kind == "status":
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            return self.reply(fault.status, _page("<h2>Lỗi máy chủ</h2>").encode(), headers=headers)
        if fault.kind == "timeout":
            time.sleep(self.server.hang_seconds)
            return self.hang_up()
        if fault.kind == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return self.hang_up(reset=True)
        if fault.kind == "truncate":
            body = article_html(article).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body) + 4096))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            return self.hang_up()
        if fault.kind == "redirect_loop":
            location = article.path if looped else article.path + "&loop=1"
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            return self.end_headers()
        if fault.kind == "huge":
            return self.stream_huge()
        if fault.kind == "cp1258":
            body = encode_cp1258(article_html(article, meta_charset=False))
            charset = f"; charset={fault.charset}" if fault.charset else ""
            return self.reply(200, body, f"text/html{charset}")
        if fault.kind == "error_page":
            return self.reply(200, ERROR_PAGE.encode())
        return self.reply(200, broken_article_html(article).encode())

    def stream_huge(self):
        chunk = ("<p>" + "Nội dung rất dài. " * 200 + "</p>\n").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(HUGE_SIZE))
        self.end_headers()
        sent = 0
        try:
            while sent < HUGE_SIZE:
                piece = chunk[: HUGE_SIZE - sent]
                self.wfile.write(piece)
                sent += len(piece)
        except OSError:
            pass  # the client refused the page, as it should
        self.server.huge_bytes_sent.append(sent)
        self.close_connection = True

    def hang_up(self, reset: bool = False):
        """Close the connection: with a FIN, or with a RST when SO_LINGER is 0 (``reset``)."""
        self.close_connection = True
        try:
            self.wfile.flush()
            if not reset:
                self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.connection.close()

    def reply(
        self,
        code: int,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ):
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class FaultServer(ThreadingHTTPServer):
    """The portal as a server object; ``start()`` runs it in a daemon thread."""

    daemon_threads = True

    def __init__(
        self,
        articles: list[Article],
        faults: dict[int, Fault] | None = None,
        page_size: int = 10,
        delay: float = 0.0,
        hang_seconds: float = 3.0,
    ):
        self.articles = {a.nid: a for a in articles}
        self.faults = faults or {}
        self.page_size = page_size
        self.delay = delay
        self.hang_seconds = hang_seconds
        self.hits: list[tuple[float, str]] = []
        self.huge_bytes_sent: list[int] = []
        self._served: dict[int, int] = {}
        self._lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), FaultHandler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    @property
    def listing_url(self) -> str:
        return self.url + LISTING_PATH

    def record(self, target: str) -> None:
        with self._lock:
            self.hits.append((time.monotonic(), target))

    def count(self, nid: int) -> int:
        """How many requests for article ``nid`` have come, this one included."""
        with self._lock:
            self._served[nid] = self._served.get(nid, 0) + 1
            return self._served[nid]

    def times_of(self, nid: int) -> list[float]:
        """When article ``nid`` was requested (redirect hops excluded)."""
        marker = f"nid={nid}&"
        return [t for t, target in self.hits if marker in target and "loop=1" not in target]

    def article_requests(self) -> list[str]:
        return [target for _, target in self.hits if "ChiTietTinTuc" in target]

    def handle_error(self, request, client_address):
        pass  # connections the faults break on purpose

    def start(self) -> FaultServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
