"""What the database at hand holds, so that metadata and dashboards use the columns that exist.

Other parts of the project add columns and tables over time (``indicators.indicator`` and
``plan_value``, the ``attachments`` table); the explorer reads an older database as well.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

# The year a figure is about: the one its sentence names, else its article's.
FIGURE_YEAR = "coalesce(i.year, CAST(substr(i.published_at, 1, 4) AS INTEGER))"


@dataclass(frozen=True)
class Schema:
    name: str  # Datasette's name for the database: the file name without .db
    columns: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Schema:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = [
                row[0]
                for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                )
            ]
            columns = {
                table: frozenset(
                    row[0]
                    for row in connection.execute("SELECT name FROM pragma_table_info(?)", (table,))
                )
                for table in tables
            }
        finally:
            connection.close()
        return cls(Path(path).stem, columns)

    def has(self, table: str, column: str | None = None) -> bool:
        present = self.columns.get(table)
        return present is not None and (column is None or column in present)

    def indicator_key(self, alias: str = "i") -> str:
        """SQL for an indicator's catalogue key, or its name where the key is missing."""
        if self.has("indicators", "indicator"):
            return f"coalesce(nullif({alias}.indicator, ''), {alias}.name)"
        return f"{alias}.name"

    def indicator_keys_query(self) -> str:
        """The distinct indicator keys (or names), for the dashboards' indicator filter."""
        if self.has("indicators", "indicator"):
            return (
                "SELECT DISTINCT coalesce(nullif(indicator, ''), name) FROM indicators ORDER BY 1"
            )
        return "SELECT DISTINCT name FROM indicators ORDER BY 1"

    def most_reported_query(self) -> str:
        """The indicator reported for the most years and kinds (targets beside actuals)."""
        order = (
            " FROM indicators i WHERE NOT i.change GROUP BY 1 ORDER BY count(DISTINCT i.kind "
            "|| coalesce(i.year, substr(i.published_at, 1, 4))) DESC, count(*) DESC, 1 LIMIT 1"
        )
        if self.has("indicators", "indicator"):
            return "SELECT coalesce(nullif(i.indicator, ''), i.name)" + order
        return "SELECT i.name" + order

    def province_match(self, alias: str = "p") -> str:
        """SQL true when the portal is in :province, former or July-2025."""
        if self.has("portals", "province_2025"):
            return f"(:province IN ({alias}.province, {alias}.province_2025))"
        return f"{alias}.province = :province"
