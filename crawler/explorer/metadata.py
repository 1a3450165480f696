"""Datasette metadata for the crawl database: titles and descriptions in Vietnamese and English,
units, default sorts, facets, full-text search, canned queries and the dashboards.

Built for the database at hand (its name and columns), as a dict that ``serve`` writes to JSON.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from crawler.db import SEARCH_TABLE
from crawler.explorer.dashboards import dashboards
from crawler.explorer.schema import FIGURE_YEAR, Schema

TITLE = "Tin tức và số liệu cổng thông tin địa phương · Vietnamese local-government portals"
DESCRIPTION = (
    "Bài viết, số liệu kinh tế – xã hội và tình trạng thu thập từ cổng thông tin tỉnh, huyện, xã. "
    "Articles, socio-economic figures and crawl health from province, district and commune "
    'portals. Tìm kiếm có dấu hay không dấu đều được ("ho ngheo" tìm ra "hộ nghèo").'
)

# (Vietnamese · English) titles and descriptions; units in brackets where a column has one.
TABLES: dict[str, dict] = {
    "portals": {
        "title": "Cổng thông tin · Portals",
        "description": "Các cổng được thu thập, cấp hành chính và tỉnh (trước và sau 1/7/2025). "
        "The portals crawled, their level and province (former and July-2025 units).",
        "sort": "id",
        "facets": ["province", "level", "family", "province_2025"],
        "label_column": "name",
        "columns": {
            "id": "Mã cổng · Portal id (dùng với -a portal=ID)",
            "host": "Tên miền · Host name",
            "family": "Nền tảng · Platform family (markup)",
            "name": "Tên cổng · Portal name",
            "level": "Cấp · Level: tỉnh (province), huyện (district), xã (commune)",
            "province": "Tỉnh khi lập cổng · Province when the portal was set up (former unit)",
            "province_2025": "Tỉnh/thành từ 1/7/2025 · Province since 1 July 2025 (34 units)",
            "province_code_2025": "Mã tỉnh chính thức 2025 · Official province code, 2025",
            "commune_2025": "Xã/phường từ 1/7/2025 · Commune or ward since 1 July 2025",
            "commune_code_2025": "Mã xã chính thức 2025 · Official commune code, 2025",
            "listings": "Trang danh sách tin · News listing pages (JSON)",
            "first_seen": "Lần đầu · First seen (giờ Việt Nam)",
            "last_crawled": "Lần thu thập cuối · Last crawled (giờ Việt Nam)",
        },
    },
    "articles": {
        "title": "Bài viết · Articles",
        "description": "Mỗi bài một dòng, theo URL chuẩn; bản sao trỏ tới bản gốc. "
        "One row per article by canonical URL; copies point to their original. Search: "
        "có dấu hay không dấu · with or without diacritics.",
        "sort_desc": "published_at",
        "facets": ["portal", "category", "text_quality"],
        "fts_table": SEARCH_TABLE,
        "fts_pk": "id",
        "searchmode": "escaped",
        "columns": {
            "url": "Địa chỉ gốc · Original URL",
            "portal": "Cổng · Portal",
            "title": "Tiêu đề · Title",
            "published_at": "Ngày đăng · Published (ISO 8601, giờ Việt Nam)",
            "author": "Tác giả · Author",
            "view_count": "Lượt xem · Views [lượt]",
            "category": "Chuyên mục · Category",
            "body": "Nội dung · Body text",
            "content_hash": "Băm nội dung · Content hash (exact duplicates)",
            "duplicate_of": "Bản gốc · Original of this copy (URL)",
            "text_quality": "Chất lượng chữ · Text quality (e.g. mojibake repaired)",
            "listing_url": "Trang danh sách · Listing page the link was read on",
            "listing_published_at": "Ngày trên danh sách · Date shown on the listing",
            "first_seen": "Lần đầu thấy · First seen",
            "last_seen": "Lần cuối thấy · Last seen",
        },
    },
    "indicators": {
        "title": "Số liệu trong bài · Figures found in articles",
        "description": "Mỗi số liệu một dòng, với câu chứa nó và bài nguồn. "
        "One figure per row, with its sentence and source article. kind: actual (thực hiện) "
        "or target (kế hoạch, chỉ tiêu).",
        "sort_desc": "published_at",
        "facets": ["portal", "kind", "year", "unit", "indicator", "name"],
        "columns": {
            "article_url": "Bài nguồn · Source article",
            "portal": "Cổng · Portal",
            "indicator": "Mã chỉ tiêu · Indicator catalogue key",
            "name": "Tên chỉ tiêu · Indicator name as written",
            "value": "Giá trị · Value [đơn vị ở cột unit · unit in column unit]",
            "value_max": "Giá trị trên · Upper value of a range",
            "plan_value": "Kế hoạch · Planned value the actual is compared with",
            "unit": "Đơn vị · Unit (%, VND, người, ha…)",
            "kind": "Loại · actual (thực hiện) | target (kế hoạch)",
            "year": "Năm · Year the figure is about",
            "change": "Là mức thay đổi · Is a change, not a level (1/0)",
            "period": "Kỳ · Period (e.g. 6 tháng đầu năm)",
            "qualifier": "Dấu · Qualifier (trên, dưới…)",
            "total": "Tổng · Total the figure is a part of",
            "sentence": "Câu · Sentence the figure was read from",
            "published_at": "Ngày đăng bài · Article published",
            "extracted_at": "Ngày trích · Extracted",
        },
    },
    "portal_indicators": {
        "title": "Số liệu cổng tự công bố · Portal widget figures (TTHC)",
        "description": "Số liệu giải quyết thủ tục hành chính trên cổng, theo thời điểm. "
        "Administrative-procedure (TTHC) figures shown by portals, one row per snapshot.",
        "sort_desc": "crawled_at",
        "facets": ["portal", "name", "unit"],
        "columns": {
            "portal": "Cổng · Portal",
            "name": "Chỉ tiêu · Figure",
            "value": "Giá trị · Value [đơn vị ở cột unit]",
            "unit": "Đơn vị · Unit (%, hồ sơ)",
            "as_of": "Số liệu tính đến · As of",
            "crawled_at": "Thu thập lúc · Crawled at",
            "source_url": "Trang nguồn · Source page",
        },
    },
    "portal_flags": {
        "title": "Nội dung lạ · Injected content (spam flags)",
        "description": "Liên kết cờ bạc, khối ẩn, liên kết IP chèn vào cổng. "
        "Spam links, hidden blocks and IP links injected into portals.",
        "sort_desc": "last_seen",
        "facets": ["portal", "kind"],
        "columns": {
            "portal": "Cổng · Portal",
            "kind": "Loại · Kind",
            "evidence": "Bằng chứng · Evidence (link or text)",
            "example_url": "Trang ví dụ · Example page",
            "first_seen": "Thấy lần đầu · First seen",
            "last_seen": "Thấy lần cuối · Last seen",
            "pages": "Số trang · Pages [trang]",
        },
    },
    "crawl_runs": {
        "title": "Các lần thu thập · Crawl runs",
        "description": "Mỗi cổng trong mỗi lần chạy: số trang, số bài, kiểm tra không đạt. "
        "One portal in one run: pages, articles and failed health checks.",
        "sort_desc": "finished_at",
        "facets": ["portal", "spider", "finish_reason"],
        "columns": {
            "portal": "Cổng · Portal",
            "started_at": "Bắt đầu · Started",
            "finished_at": "Kết thúc · Finished",
            "finish_reason": "Lý do dừng · Finish reason",
            "pages": "Trang tải về · Responses [trang]",
            "articles_new": "Bài mới · New articles [bài]",
            "articles_updated": "Bài cập nhật · Updated articles [bài]",
            "errors": "Lỗi · Errors",
            "failed_checks": "Kiểm tra không đạt · Failed checks (empty: all passed)",
        },
    },
    "failures": {
        "title": "Lỗi · Failures",
        "description": "Trang hay mục không dùng được, với lý do. Pages or items that could not "
        "be used, with the reason.",
        "sort_desc": "at",
        "facets": ["portal", "stage", "status"],
        "columns": {
            "url": "Địa chỉ · URL",
            "portal": "Cổng · Portal",
            "stage": "Bước · Stage (listing, article, pipeline)",
            "reason": "Lý do · Reason",
            "status": "Mã HTTP · HTTP status",
            "at": "Lúc · At",
        },
    },
    "attachments": {
        "title": "Tệp đính kèm · Attachments",
        "description": "Tệp đính kèm của bài viết (PDF, Word, Excel). Files attached to articles.",
        "facets": ["portal", "file_type"],
        "columns": {
            "article_url": "Bài viết · Article",
            "file_url": "Tệp · File URL",
            "label": "Nhãn · Label",
            "file_type": "Loại tệp · File type",
            "portal": "Cổng · Portal",
            "path": "Đã lưu tại · Saved at (when downloaded)",
            "first_seen": "Lần đầu thấy · First seen",
        },
    },
    "pages": {
        "title": "Trang gốc · Raw pages",
        "description": "Trang tải về nguyên trạng, để trích lại không cần thu thập lại. "
        "Pages as served, so extraction can be re-run offline.",
        "sort_desc": "fetched_at",
        "facets": ["portal", "kind", "status"],
    },
}


def canned_queries(schema: Schema) -> dict:
    key = schema.indicator_key("i")
    link = f"'/{schema.name}/articles/' || a.id"
    year = FIGURE_YEAR
    return {
        "ho-ngheo": {
            "title": "Tỷ lệ hộ nghèo từ năm 2020 · Poverty rate since 2020",
            "description": "Mọi số liệu về tỷ lệ hộ nghèo từ năm 2020, với câu và bài nguồn. "
            "Every figure about the poverty rate since 2020, with its sentence and article.",
            "sql": f"""SELECT {year} AS year,
  p.name AS portal, p.province, i.value, i.unit, i.kind, i.sentence, a.title,
  {link} AS article, a.url AS original_url
FROM indicators i JOIN portals p ON p.id = i.portal JOIN articles a ON a.url = i.article_url
WHERE {key} LIKE '%hộ nghèo%' AND i.unit = '%'
  AND {year} >= 2020
ORDER BY year, portal""",
        },
        "chi-tieu": {
            "title": "Một chỉ tiêu theo năm · One indicator by year",
            "description": "Số liệu của một chỉ tiêu (mã hoặc tên, có thể gõ một phần) từ một "
            "năm trở đi. One indicator (key or name, part of it will do) from a year on.",
            "sql": f"""SELECT {year} AS year,
  p.name AS portal, {key} AS indicator, i.value, i.unit, i.kind, i.sentence,
  {link} AS article
FROM indicators i JOIN portals p ON p.id = i.portal JOIN articles a ON a.url = i.article_url
WHERE {key} LIKE '%' || :indicator || '%'
  AND {year} >= CAST(:since AS INTEGER)
ORDER BY year, portal""",
        },
        "so-lieu-cua-bai": {
            "title": "Số liệu của một bài · The figures of one article",
            "description": "Số liệu, tệp đính kèm và địa chỉ gốc của một bài (dán URL). "
            "Figures, attachments and original URL of one article (paste its URL).",
            "sql": _article_sources(schema, key),
        },
        "tthc-tre-han": {
            "title": "TTHC trễ hạn mới nhất · Latest late-file rate per commune",
            "description": "Tỷ lệ hồ sơ TTHC trễ hạn mới nhất của mỗi cổng. "
            "The latest share of administrative files settled late, per portal.",
            "sql": """SELECT p.name AS portal, p.province, pi.value, pi.unit,
  max(coalesce(pi.as_of, pi.crawled_at)) AS as_of, pi.source_url
FROM portal_indicators pi JOIN portals p ON p.id = pi.portal
WHERE pi.name LIKE '%trễ hạn%' AND pi.unit = '%'
GROUP BY pi.portal ORDER BY pi.value DESC""",
        },
        "lan-thu-thap-tot": {
            "title": "Lần thu thập tốt gần nhất · Last good crawl per portal",
            "description": "Cổng nào lâu chưa được thu thập tốt? Which portals have not had a "
            "good crawl for a while?",
            "sql": """SELECT p.name AS portal, p.province,
  max(CASE WHEN r.failed_checks = '' THEN r.finished_at END) AS last_good_crawl,
  max(r.finished_at) AS last_crawl,
  (SELECT count(*) FROM failures f WHERE f.portal = p.id) AS failures
FROM portals p LEFT JOIN crawl_runs r ON r.portal = p.id
GROUP BY p.id ORDER BY last_good_crawl""",
        },
    }


def _article_sources(schema: Schema, key: str) -> str:
    parts = [
        f"""SELECT 'chỉ tiêu · figure' AS what, {key} AS name,
  i.value || ' ' || i.unit || ' (' || i.kind || coalesce(', ' || i.year, '') || ')' AS detail,
  i.sentence AS source
FROM indicators i WHERE i.article_url = :url""",
    ]
    if schema.has("attachments"):
        parts.append(
            """SELECT 'tệp · attachment', t.label, t.file_type, t.file_url
FROM attachments t WHERE t.article_url = :url"""
        )
    parts.append(
        """SELECT 'bài gốc · original', a.title, a.published_at, a.url
FROM articles a WHERE a.url = :url"""
    )
    return "\nUNION ALL\n".join(parts)


def most_common_indicator(path: Path, schema: Schema) -> str | None:
    """The indicator reported for the most years and kinds: the dashboard's default."""
    if not schema.has("indicators"):
        return None
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = connection.execute(schema.most_reported_query()).fetchone()
    finally:
        connection.close()
    return row[0] if row else None


def build_metadata(path: Path) -> dict:
    schema = Schema.read(path)
    tables = {
        name: table
        | {
            "columns": {c: d for c, d in table.get("columns", {}).items() if schema.has(name, c)},
            "facets": [c for c in table.get("facets", []) if schema.has(name, c)],
        }
        for name, table in TABLES.items()
        if schema.has(name)
    }
    for name in schema.columns:
        if name == SEARCH_TABLE or name.startswith(f"{SEARCH_TABLE}_"):
            tables[name] = {"hidden": True}
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "databases": {
            schema.name: {
                "title": TITLE,
                "tables": tables,
                "queries": canned_queries(schema),
            }
        },
        "plugins": {
            "datasette-dashboards": dashboards(schema, most_common_indicator(path, schema)),
        },
    }
