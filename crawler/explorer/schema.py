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
                    row[1] for row in connection.execute(f"PRAGMA table_info([{table}])")
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

    def province_match(self, alias: str = "p") -> str:
        """SQL true when the portal is in :province, former or July-2025."""
        if self.has("portals", "province_2025"):
            return f"(:province IN ({alias}.province, {alias}.province_2025))"
        return f"{alias}.province = :province"
