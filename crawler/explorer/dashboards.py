"""The dashboards (datasette-dashboards configuration): one function per dashboard.

Every chart takes the province (former or July-2025) and portal filters, and the charts about
figures and articles the indicator filter too. A filter left empty drops its ``[[ … ]]`` clause
(each clause stays on one line and names one parameter: that is how the plugin reads them).
Vega-lite specs ask for SVG so that each mark is an element (the browser tests count them).
"""

from __future__ import annotations

from crawler.explorer.schema import FIGURE_YEAR, Schema

SVG = {"usermeta": {"embedOptions": {"renderer": "svg", "actions": False}}}
# TTHC: the portal widgets' share of administrative-procedure files settled late.
TTHC_LATE = "tỷ lệ hồ sơ TTHC trễ hạn"
LEGEND = {"orient": "bottom", "columns": 2, "labelLimit": 320}


def dashboards(schema: Schema, default_indicator: str | None) -> dict:
    return {
        "chi-tieu": indicators_dashboard(schema, default_indicator),
        "tthc": tthc_dashboard(schema),
        "bai-viet": articles_dashboard(schema),
        "thu-thap": crawl_health_dashboard(schema),
        "noi-dung-la": spam_dashboard(schema),
    }


def _portal_filters(schema: Schema, alias: str = "p") -> str:
    return f"\n[[ AND {schema.province_match(alias)} ]]\n[[ AND {alias}.name = :portal ]]"


def _filters(schema: Schema, indicators_query: str | None, default: str | None = None) -> dict:
    provinces = "SELECT DISTINCT province FROM portals WHERE province <> ''"
    if schema.has("portals", "province_2025"):
        provinces += " UNION SELECT province_2025 FROM portals WHERE province_2025 IS NOT NULL"
    filters = {
        "province": {
            "name": "Tỉnh · Province",
            "type": "select",
            "db": schema.name,
            "query": provinces + " ORDER BY 1",
        },
        "portal": {
            "name": "Cổng · Portal",
            "type": "select",
            "db": schema.name,
            "query": (
                "SELECT name FROM portals p WHERE TRUE "
                f"[[ AND {schema.province_match('p')} ]] ORDER BY name"
            ),
        },
    }
    if indicators_query:
        filters["indicator"] = {
            "name": "Chỉ tiêu · Indicator",
            "type": "select",
            "db": schema.name,
            "query": indicators_query,
        }
        if default:
            filters["indicator"]["default"] = default
    return filters


def _chart(schema: Schema, title: str, query: str, library: str, display: dict | None) -> dict:
    chart = {"title": title, "db": schema.name, "query": query.strip(), "library": library}
    if display is not None:
        chart["display"] = {**display, **SVG} if library == "vega-lite" else display
    return chart


def _short_name(alias: str = "p") -> str:
    """SQL for a portal's name without the boilerplate every name starts with (chart labels)."""
    name = f"{alias}.name"
    for boilerplate in ("Cổng thông tin điện tử ", "Trang thông tin điện tử ", "Cổng TTĐT "):
        name = f"replace({name}, '{boilerplate}', '')"
    return name


def _when(column: str) -> str:
    """SQL for an ISO timestamp as '2024-02-01 08:00' (Vietnam's time, as stored)."""
    return f"substr(replace({column}, 'T', ' '), 1, 16)"


def _number(column: str) -> str:
    """SQL for a figure with thousands separators when it is whole: 84,000,000."""
    return (
        f"CASE WHEN {column} = CAST({column} AS INTEGER) "
        f"THEN printf('%,d', CAST({column} AS INTEGER)) ELSE {column} END"
    )


def _article_link(schema: Schema, alias: str = "a") -> str:
    """SQL for an HTML link to the article's row in the explorer (table charts render HTML)."""
    return (
        f"'<a href=\"/{schema.name}/articles/' || {alias}.id || '\">' "
        f"|| replace(replace({alias}.title, '<', '&lt;'), '>', '&gt;') || '</a>'"
    )


def indicators_dashboard(schema: Schema, default_indicator: str | None) -> dict:
    key = schema.indicator_key("i")
    where = f"[[ AND {key} = :indicator ]]{_portal_filters(schema)}"
    year = FIGURE_YEAR
    plan = ""
    if schema.has("indicators", "plan_value"):
        plan = f"""
UNION ALL
SELECT {year} AS year, {_short_name()} AS portal, 'plan' AS kind, i.plan_value AS value,
       i.unit AS unit
FROM indicators i JOIN portals p ON p.id = i.portal
WHERE i.plan_value IS NOT NULL AND NOT i.change {where}"""
    return {
        "title": "Chỉ tiêu theo thời gian · Indicators over time",
        "description": (
            "Số liệu tìm thấy trong bài viết, theo năm và theo cổng; chỉ tiêu kế hoạch bên cạnh "
            "số thực hiện. Figures found in articles by year and portal, targets beside actuals."
        ),
        "filters": _filters(
            schema,
            schema.indicator_keys_query(),
            default_indicator,
        ),
        "layout": [["over-time", "targets-actuals"], ["figures", "figures"]],
        "charts": {
            "over-time": _chart(
                schema,
                "Số thực hiện theo năm · Actual figures by year",
                f"""
SELECT {year} AS year, {_short_name()} AS portal, i.unit AS unit, avg(i.value) AS value,
       count(*) AS figures
FROM indicators i JOIN portals p ON p.id = i.portal
WHERE i.kind = 'actual' AND NOT i.change AND {year} IS NOT NULL {where}
GROUP BY 1, 2, 3 ORDER BY 1, 2
""",
                "vega-lite",
                {
                    "mark": {"type": "line", "point": True, "tooltip": True},
                    "encoding": {
                        "x": {"field": "year", "type": "ordinal", "title": "Năm · Year"},
                        "y": {"field": "value", "type": "quantitative", "title": "Giá trị"},
                        "color": {
                            "field": "portal",
                            "type": "nominal",
                            "title": "Cổng",
                            "legend": LEGEND,
                        },
                        "detail": {"field": "unit"},
                        "tooltip": [
                            {"field": "portal"},
                            {"field": "year"},
                            {"field": "value", "format": ",.2f"},
                            {"field": "unit"},
                            {"field": "figures"},
                        ],
                    },
                },
            ),
            "targets-actuals": _chart(
                schema,
                "Kế hoạch và thực hiện · Targets beside actuals",
                f"""
SELECT year, portal, kind, avg(value) AS value, unit FROM (
SELECT {year} AS year, {_short_name()} AS portal, i.kind AS kind, i.value AS value, i.unit AS unit
FROM indicators i JOIN portals p ON p.id = i.portal
WHERE NOT i.change {where}{plan}
) WHERE year IS NOT NULL GROUP BY year, portal, kind, unit ORDER BY year
""",
                "vega-lite",
                {
                    "mark": {"type": "point", "filled": True, "size": 90, "tooltip": True},
                    "encoding": {
                        "x": {"field": "year", "type": "ordinal", "title": "Năm · Year"},
                        "y": {"field": "value", "type": "quantitative", "title": "Giá trị"},
                        "color": {
                            "field": "kind",
                            "type": "nominal",
                            "title": "Loại · Kind",
                            "legend": LEGEND,
                        },
                        "shape": {"field": "kind", "type": "nominal"},
                        "detail": {"field": "portal"},
                        "tooltip": [
                            {"field": "portal"},
                            {"field": "kind"},
                            {"field": "year"},
                            {"field": "value", "format": ",.2f"},
                            {"field": "unit"},
                        ],
                    },
                },
            ),
            "figures": _chart(
                schema,
                "Số liệu và nguồn · Figures and their sources",
                f"""
SELECT {year} AS "Năm", {_number("i.value")} AS "Giá trị", i.unit AS "Đơn vị",
       i.kind AS "Loại", {_short_name()} AS "Cổng", {_article_link(schema)} AS "Bài viết"
FROM indicators i JOIN portals p ON p.id = i.portal JOIN articles a ON a.url = i.article_url
WHERE TRUE {where}
ORDER BY i.published_at DESC LIMIT 20
""",
                "table",
                None,
            ),
        },
    }


def tthc_dashboard(schema: Schema) -> dict:
    where = f"[[ AND pi.name = :indicator ]]{_portal_filters(schema)}"
    at = "coalesce(pi.as_of, pi.crawled_at)"
    return {
        "title": "Thủ tục hành chính · Administrative procedures (TTHC)",
        "description": (
            "Số liệu giải quyết hồ sơ TTHC mà cổng xã tự công bố, theo thời điểm. "
            "The administrative-procedure figures communes publish on their portals, over time."
        ),
        "filters": _filters(
            schema,
            "SELECT DISTINCT name FROM portal_indicators ORDER BY 1",
            TTHC_LATE,
        ),
        "layout": [["late-rate", "latest"]],
        "charts": {
            "late-rate": _chart(
                schema,
                "Tỷ lệ trễ hạn theo thời gian · Late rate per commune over time",
                f"""
SELECT substr({at}, 1, 10) AS day, {_short_name()} AS portal, avg(pi.value) AS value,
       pi.unit AS unit
FROM portal_indicators pi JOIN portals p ON p.id = pi.portal
WHERE TRUE {where}
GROUP BY 1, 2, 4 ORDER BY 1
""",
                "vega-lite",
                {
                    "mark": {"type": "line", "point": True, "tooltip": True},
                    "encoding": {
                        "x": {"field": "day", "type": "temporal", "title": "Ngày · Date"},
                        "y": {"field": "value", "type": "quantitative", "title": "Giá trị"},
                        "color": {
                            "field": "portal",
                            "type": "nominal",
                            "title": "Cổng",
                            "legend": LEGEND,
                        },
                        "tooltip": [
                            {"field": "portal"},
                            {"field": "day"},
                            {"field": "value"},
                            {"field": "unit"},
                        ],
                    },
                },
            ),
            "latest": _chart(
                schema,
                "Số liệu mới nhất · Latest figures",
                f"""
SELECT {_short_name()} AS "Cổng", pi.name AS "Chỉ tiêu", {_number("pi.value")} AS "Giá trị",
       pi.unit AS "Đơn vị", {_when(f"max({at})")} AS "Thời điểm"
FROM portal_indicators pi JOIN portals p ON p.id = pi.portal
WHERE TRUE{_portal_filters(schema)}
GROUP BY pi.portal, pi.name ORDER BY 1, 2
""",
                "table",
                None,
            ),
        },
    }


def articles_dashboard(schema: Schema) -> dict:
    key = schema.indicator_key("i")
    where = (
        "[[ AND EXISTS (SELECT 1 FROM indicators i WHERE i.article_url = a.url "
        f"AND {key} = :indicator) ]]{_portal_filters(schema)}"
    )
    return {
        "title": "Bài viết theo tháng · Articles per month",
        "description": (
            "Số bài viết mỗi cổng đăng mỗi tháng (bản gốc, không tính bản sao). "
            "Articles each portal published per month (originals, not copies)."
        ),
        "filters": _filters(schema, schema.indicator_keys_query()),
        "layout": [["per-month", "per-month", "total"]],
        "charts": {
            "per-month": _chart(
                schema,
                "Bài viết mỗi tháng · Articles per month",
                f"""
SELECT substr(a.published_at, 1, 7) AS month, {_short_name()} AS portal, count(*) AS articles
FROM articles a JOIN portals p ON p.id = a.portal
WHERE a.published_at IS NOT NULL AND a.duplicate_of IS NULL {where}
GROUP BY 1, 2 ORDER BY 1, 2
""",
                "vega-lite",
                {
                    "mark": {"type": "bar", "tooltip": True},
                    "encoding": {
                        "x": {
                            "field": "month",
                            "type": "temporal",
                            "timeUnit": "yearmonth",
                            "title": "Tháng · Month",
                        },
                        "y": {
                            "field": "articles",
                            "type": "quantitative",
                            "title": "Bài viết · Articles",
                            "axis": {"tickMinStep": 1, "format": "d"},
                        },
                        "color": {
                            "field": "portal",
                            "type": "nominal",
                            "title": "Cổng",
                            "legend": LEGEND,
                        },
                        "tooltip": [{"field": "portal"}, {"field": "month"}, {"field": "articles"}],
                    },
                },
            ),
            "total": _chart(
                schema,
                "Tổng số bài · Articles in all",
                f"""
SELECT count(*) AS articles FROM articles a JOIN portals p ON p.id = a.portal
WHERE a.duplicate_of IS NULL {where}
""",
                "metric",
                {"field": "articles"},
            ),
        },
    }


def crawl_health_dashboard(schema: Schema) -> dict:
    filters = _portal_filters(schema)
    good = "r.failed_checks = '' AND coalesce(r.finish_reason, 'finished') = 'finished'"
    return {
        "title": "Tình trạng thu thập · Crawl health",
        "description": (
            "Lần thu thập tốt gần nhất, số lần có kiểm tra không đạt và số lỗi theo cổng. "
            "Last good crawl, runs with failed checks and failures per portal."
        ),
        "filters": _filters(schema, None),
        "layout": [["last-good", "last-good"], ["runs", "failures"]],
        "charts": {
            "last-good": _chart(
                schema,
                "Lần thu thập tốt gần nhất · Last good crawl",
                f"""
SELECT {_short_name()} AS "Cổng", {_when("max(r.finished_at)")} AS "Lần gần nhất · Last crawl",
       {_when(f"max(CASE WHEN {good} THEN r.finished_at END)")} AS "Lần tốt gần nhất · Last good",
       count(*) AS "Số lần · Runs", sum(r.articles_new) AS "Bài mới · New articles",
       (SELECT failed_checks FROM crawl_runs x WHERE x.portal = r.portal
        ORDER BY x.finished_at DESC LIMIT 1) AS "Kiểm tra không đạt · Failed checks"
FROM crawl_runs r JOIN portals p ON p.id = r.portal
WHERE TRUE{filters}
GROUP BY r.portal ORDER BY 3
""",
                "table",
                None,
            ),
            "runs": _chart(
                schema,
                "Các lần thu thập · Crawl runs",
                f"""
SELECT {_short_name()} AS portal,
       CASE WHEN {good} THEN 'tốt · good' ELSE 'lỗi · failed' END AS outcome,
       count(*) AS runs
FROM crawl_runs r JOIN portals p ON p.id = r.portal
WHERE TRUE{filters}
GROUP BY 1, 2 ORDER BY 1, 2
""",
                "vega-lite",
                {
                    "mark": {"type": "bar", "tooltip": True},
                    "encoding": {
                        "y": {"field": "portal", "type": "nominal", "title": None},
                        "x": {"field": "runs", "type": "quantitative", "title": "Số lần · Runs"},
                        "color": {
                            "field": "outcome",
                            "type": "nominal",
                            "title": "Kết quả",
                            "scale": {
                                "domain": ["tốt · good", "lỗi · failed"],
                                "range": ["#4c78a8", "#e45756"],
                            },
                        },
                    },
                },
            ),
            "failures": _chart(
                schema,
                "Lỗi theo cổng · Failures per portal",
                f"""
SELECT {_short_name()} AS portal, f.stage AS stage, count(*) AS failures
FROM failures f JOIN portals p ON p.id = f.portal
WHERE TRUE{filters}
GROUP BY 1, 2 ORDER BY 1, 2
""",
                "vega-lite",
                {
                    "mark": {"type": "bar", "tooltip": True},
                    "encoding": {
                        "y": {"field": "portal", "type": "nominal", "title": None},
                        "x": {"field": "failures", "type": "quantitative", "title": "Lỗi"},
                        "color": {"field": "stage", "type": "nominal", "title": "Bước · Stage"},
                    },
                },
            ),
        },
    }


def spam_dashboard(schema: Schema) -> dict:
    filters = _portal_filters(schema)
    return {
        "title": "Nội dung lạ · Injected content (spam flags)",
        "description": (
            "Liên kết cờ bạc, khối ẩn và liên kết tới địa chỉ IP chèn vào trang của cổng. "
            "Gambling links, hidden blocks and links to bare IP addresses found on portals."
        ),
        "filters": _filters(schema, None),
        "layout": [["per-portal", "evidence"]],
        "charts": {
            "per-portal": _chart(
                schema,
                "Dấu hiệu theo cổng · Flags per portal",
                f"""
SELECT {_short_name()} AS portal, f.kind AS kind, sum(f.pages) AS pages
FROM portal_flags f JOIN portals p ON p.id = f.portal
WHERE TRUE{filters}
GROUP BY 1, 2 ORDER BY 1, 2
""",
                "vega-lite",
                {
                    "mark": {"type": "bar", "tooltip": True},
                    "encoding": {
                        "y": {"field": "portal", "type": "nominal", "title": None},
                        "x": {"field": "pages", "type": "quantitative", "title": "Trang · Pages"},
                        "color": {
                            "field": "kind",
                            "type": "nominal",
                            "title": "Loại · Kind",
                            "legend": LEGEND,
                        },
                    },
                },
            ),
            "evidence": _chart(
                schema,
                "Bằng chứng · Evidence",
                f"""
SELECT {_short_name()} AS "Cổng", f.kind AS "Loại",
       replace(replace(f.evidence, '<', '&lt;'), '>', '&gt;') AS "Bằng chứng",
       '<a href="' || replace(f.example_url, '"', '%22') || '">trang · page</a>' AS "Ví dụ",
       {_when("f.first_seen")} AS "Thấy lần đầu", {_when("f.last_seen")} AS "Thấy lần cuối"
FROM portal_flags f JOIN portals p ON p.id = f.portal
WHERE TRUE{filters}
ORDER BY f.last_seen DESC LIMIT 100
""",
                "table",
                None,
            ),
        },
    }
