"""The fault server's commune portal with its navigation varied on purpose.

- ``link_style``: how the listing spells article links (the same article each time):
  plain, reordered parameters, percent-encoded, tracking parameters and a fragment,
  relative ``../``, protocol-relative, absolute with an upper-case host; "mixed+N" gives
  each article another of these (shifted by N);
- ``pager``: "get" (``&p=N`` links) or "postback" (ASP.NET ``__doPostBack`` links answered
  by posting the page's form with ``__VIEWSTATE``), optionally cyclic (the last page's "»"
  leads back to page 1);
- hostile set-ups: ``pager_href`` replaces the pager's target, ``redirects`` sends article
  ``nid`` to any URL, and every request's host is recorded (``hosts``), so a test sees
  whether the crawler asked for anything off the portal when the server is its proxy;
  ``foreign_links`` are listed on page 1 as if they were the portal's articles.
"""

from __future__ import annotations

import html
from urllib.parse import parse_qs, urlsplit

from faultserver import LISTING_PATH, FaultHandler, FaultServer, _page

LINK_STYLES = (
    "plain",
    "reordered",
    "encoded",
    "tracking",
    "relative",
    "protocol_relative",
    "upper_host",
)
VIEWSTATE = "/wEPDwUKLTg2NjQ2NzQ5MmRk" * 4


class VariantHandler(FaultHandler):
    server: VariantServer

    def do_GET(self):  # noqa: N802 (http.server's naming)
        parts = urlsplit(self.path)
        self.server.hosts.append(parts.hostname or self.headers.get("Host", "").split(":")[0])
        nid = parse_qs(parts.query).get("nid", [""])[0]
        if parts.path.endswith("ChiTietTinTuc.aspx") and nid.isdigit():
            location = self.server.redirects.get(int(nid))
            if location:
                self.server.record(parts.path + "?" + parts.query)
                self.send_response(302)
                self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                return self.end_headers()
        if self.server.portal_host and parts.hostname not in (None, self.server.portal_host):
            # Content another host would serve: stored as the portal's, it would be a leak.
            self.server.record(self.path)
            return self.reply(200, _page("<h2 class='news-title'>Dữ liệu máy khác</h2>").encode())
        super().do_GET()

    def do_POST(self):  # noqa: N802 (http.server's naming)
        parts = urlsplit(self.path)
        self.server.hosts.append(parts.hostname or self.headers.get("Host", "").split(":")[0])
        length = int(self.headers.get("Content-Length") or 0)
        form = parse_qs(self.rfile.read(length).decode("utf-8"))
        self.server.record("POST " + parts.path + "?" + parts.query)
        self.server.posts.append(form)
        argument = form.get("__EVENTARGUMENT", [""])[0]
        if form.get("__VIEWSTATE") != [VIEWSTATE] or not argument.startswith("Page$"):
            return self.reply(400, b"bad postback")
        self.listing(int(argument.removeprefix("Page$")))

    def listing(self, page: int):
        server = self.server
        articles = list(server.articles.values())
        size = server.page_size
        shown = articles[(page - 1) * size : page * size]
        items = "\n".join(
            f'<tr><td class="news-item"><a class="title" href="{html.escape(server.link(a))}">'
            f'{a.title}</a> <span class="date">({a.date[:10]})</span></td></tr>'
            for a in shown
        )
        if page == 1:
            items += "".join(
                f'<tr><td class="news-item"><a class="title" href="{html.escape(href)}">{title}'
                "</a></td></tr>"
                for href, title in server.foreign_links
            )
        pager = f'<span class="current">{page}</span>'
        if page * size < len(articles):
            pager += f' <a href="{html.escape(server.pager_link(page + 1))}">{page + 1}</a>'
        elif server.cyclic:
            pager += f' <a href="{html.escape(server.pager_link(1))}">»</a>'
        state = f'<input type="hidden" name="__VIEWSTATE" value="{VIEWSTATE}"/>'
        state += '<input type="hidden" name="__EVENTTARGET" value=""/>'
        state += '<input type="hidden" name="__EVENTARGUMENT" value=""/>'
        content = (
            f'{state}<table class="list-news">{items}</table><div class="paging">{pager}</div>'
        )
        page_html = _page(content).replace(
            'action="./ChiTietTinTuc.aspx"', 'action="./TinTuc.aspx?cid=2"'
        )
        self.reply(200, page_html.encode())


class VariantServer(FaultServer):
    def __init__(
        self,
        *args,
        link_style: str = "plain",
        pager: str = "get",
        cyclic: bool = False,
        pager_href: str | None = None,
        redirects: dict[int, str] | None = None,
        portal_host: str | None = None,
        foreign_links: list[tuple[str, str]] = (),
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.RequestHandlerClass = VariantHandler
        self.link_style = link_style
        self.pager = pager
        self.cyclic = cyclic
        self.pager_href = pager_href
        self.redirects = redirects or {}
        self.portal_host = portal_host
        self.foreign_links = list(foreign_links)
        self.hosts: list[str] = []
        self.posts: list[dict] = []

    def link(self, article) -> str:
        path, query = article.path.split("?")
        nid, title = query.split("&")
        style = self.link_style
        if style.startswith("mixed+"):  # each article in another style, shifted by N
            shift = int(style.removeprefix("mixed+"))
            style = LINK_STYLES[1 + (article.nid + shift) % (len(LINK_STYLES) - 1)]
        if style == "reordered":
            return f"{path}?{title}&{nid}"
        if style == "encoded":
            return f"{path.replace('ChiTiet', 'Chi%54iet')}?{nid}&{title.replace('.', '%2E')}"
        if style == "tracking":
            return f"{article.path}&utm_source=zalo&fbclid=AbC#top"
        if style == "relative":
            return f"../Trang/{path.rsplit('/', 1)[1]}?{query}"
        host = self.portal_host or f"127.0.0.1:{self.server_address[1]}"
        if style == "protocol_relative":
            return f"//{host}{article.path}"
        if style == "upper_host":
            return f"http://{host.upper()}{article.path}"
        return article.path

    def pager_link(self, page: int) -> str:
        if self.pager_href:
            return self.pager_href.format(page=page)
        if self.pager == "postback":
            return f"javascript:__doPostBack('ctl00$main$pager','Page${page}')"
        return f"{LISTING_PATH}&p={page}"

    def listing_at(self, host: str) -> str:
        return f"http://{host}{LISTING_PATH}"
