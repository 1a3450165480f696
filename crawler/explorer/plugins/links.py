"""Datasette plugin (loaded with --plugins-dir): from a figure to its source and back.

- a portal id shows as the portal's name, linked to its row;
- an indicator's or attachment's ``article_url`` links to the article's row in the explorer,
  beside the original page;
- an article's ``url`` links to the original page and to the article's figures and
  attachments, with their counts.

The crawl tables have no foreign keys (SQLite cannot add them to existing tables), so the links
are made here instead of by Datasette's foreign-key labels.
"""

from __future__ import annotations

from urllib.parse import quote

from datasette import hookimpl
from markupsafe import Markup, escape

PORTAL_TABLES = {
    "articles",
    "indicators",
    "portal_indicators",
    "portal_flags",
    "crawl_runs",
    "failures",
    "pages",
    "attachments",
}
_portal_names: dict[tuple[str, str], str] = {}


async def _first(datasette, database: str, sql: str, params: tuple):
    result = await datasette.get_database(database).execute(sql, params)
    row = result.first()
    return row[0] if row else None


async def _portal_name(datasette, database: str, portal: str) -> str:
    key = (database, portal)
    if key not in _portal_names:
        name = await _first(datasette, database, "SELECT name FROM portals WHERE id = ?", (portal,))
        if name is None:
            return portal
        _portal_names[key] = name
    return _portal_names[key]


async def _article_links(datasette, database: str, url: str) -> Markup:
    db = datasette.get_database(database)
    tables = set(await db.table_names())
    figures = await _first(
        datasette, database, "SELECT count(*) FROM indicators WHERE article_url = ?", (url,)
    )
    parts = [
        f'<a href="{escape(url)}" rel="noopener">{escape(url)}</a>',
        f'<br><a href="{datasette.urls.table(database, "indicators")}?article_url='
        f'{quote(url, safe="")}">số liệu · figures ({figures})</a>',
    ]
    if "attachments" in tables:
        files = await _first(
            datasette, database, "SELECT count(*) FROM attachments WHERE article_url = ?", (url,)
        )
        parts.append(
            f' · <a href="{datasette.urls.table(database, "attachments")}?article_url='
            f'{quote(url, safe="")}">tệp · attachments ({files})</a>'
        )
    return Markup("".join(parts))


@hookimpl
def render_cell(value, column, table, database, datasette):
    if not isinstance(value, str) or not value:
        return None
    if column == "portal" and table in PORTAL_TABLES:

        async def portal_link():
            name = await _portal_name(datasette, database, value)
            href = datasette.urls.row(database, "portals", quote(value, safe=""))
            return Markup(f'<a href="{href}" title="{escape(value)}">{escape(name)}</a>')

        return portal_link
    if column == "article_url" and table in ("indicators", "attachments"):

        async def article_link():
            result = await datasette.get_database(database).execute(
                "SELECT id, title FROM articles WHERE url = ?", (value,)
            )
            found = result.first()
            original = f'<a href="{escape(value)}" rel="noopener">bài gốc · original</a>'
            if found is None:
                return Markup(original)
            article_id, title = found
            href = datasette.urls.row(database, "articles", str(article_id))
            return Markup(f'<a href="{href}">{escape(title)}</a> ({original})')

        return article_link
    if column == "url" and table == "articles":

        async def links():
            return await _article_links(datasette, database, value)

        return links
    return None
