"""The item list's queries: filters, pages, the pinned returned items and the total.

Plain SQL over the profile database (no Qt), shaped so a 130,000-item profile answers a
page in milliseconds:

* Browsing pages walk an index newest first (`updated_at DESC, rowid DESC`; by the date
  written instead while filtering on it) and continue from the last row shown (keyset
  paging), so page 300 costs what page 1 costs.
* Searching walks the bigram full-text index (db.search) newest-indexed first and pages by
  its rowid; filters are applied to the rows it yields. An item keeps its index rowid for
  life, so "newest indexed" means "newest created".
* The total is a separate count, run off the UI thread by the caller.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from db.database import database

PAGE_SIZE = 200
STATES = ("draft", "returned", "in_review", "approved", "published", "withdrawn")
DATE_FIELDS = ("updated", "written")
ROW_COLUMNS = ("i.rowid", "i.id", "i.title", "i.column_id", "i.section_id", "i.state", "i.index_no",
               "i.written_on", "i.updated_at", "i.return_reason", "i.latest_version_no", "i.created_by_id")


@dataclass(frozen=True, slots=True)
class ItemRow:
    key: int                 # the paging key: item rowid (browsing) or index rowid (searching)
    id: str
    title: str
    column_id: str
    section_id: str
    state: str
    index_no: str
    written_on: str
    updated_at: str
    return_reason: str
    latest_version_no: int
    created_by_id: str
    pinned: bool = False


@dataclass(frozen=True)
class ItemFilter:
    column_ids: tuple[str, ...] = ()    # a chosen column with all its descendants; () = any
    state: str = ""
    section_id: str = ""
    date_field: str = ""                # "", "updated" or "written"
    date_from: str = ""                 # YYYY-MM-DD, local calendar days, inclusive
    date_to: str = ""
    created_by_id: str = ""             # "my items"
    text: str = ""                      # what the user typed in the search box
    pinned_section_id: str = ""         # a drafter's section: its returned items go on top

    def match(self) -> str | None:
        if not self.text.strip():
            return None
        from db import search        # its patterns compile when first searching, not at start-up
        return search.match_expression(self.text)

    def order_column(self) -> str:
        """Newest first by update, or by the date written while filtering on it."""
        return "written_on" if self.date_field == "written" else "updated_at"

    def pins(self) -> bool:
        return bool(self.pinned_section_id) and self.state in ("", "returned")


@dataclass
class Conditions:
    sql: list[str] = field(default_factory=list)
    params: list = field(default_factory=list)

    def add(self, sql: str, *params) -> None:
        self.sql.append(sql)
        self.params.extend(params)

    def where(self) -> str:
        return " AND ".join(self.sql) if self.sql else "1"


def utc_bound(day: str, days_later: int = 0) -> str:
    """Local midnight of `day` (+ days) as the UTC text `updated_at` is stored in."""
    local = dt.datetime.combine(dt.date.fromisoformat(day) + dt.timedelta(days=days_later), dt.time())
    return local.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def conditions(flt: ItemFilter) -> Conditions:
    cond = Conditions()
    if flt.column_ids:
        cond.add(f"i.column_id IN ({','.join('?' * len(flt.column_ids))})", *flt.column_ids)
    if flt.state:
        cond.add("i.state = ?", flt.state)
    if flt.section_id:
        cond.add("i.section_id = ?", flt.section_id)
    if flt.created_by_id:
        cond.add("i.created_by_id = ?", flt.created_by_id)
    _add_dates(cond, flt)
    return cond


def _add_dates(cond: Conditions, flt: ItemFilter) -> None:
    if flt.date_field == "updated":
        if flt.date_from:
            cond.add("i.updated_at >= ?", utc_bound(flt.date_from))
        if flt.date_to:
            cond.add("i.updated_at < ?", utc_bound(flt.date_to, 1))
    elif flt.date_field == "written":
        if flt.date_from:
            cond.add("i.written_on >= ?", flt.date_from)
        if flt.date_to:
            cond.add("i.written_on <= ? AND i.written_on != ''", flt.date_to)


def _not_pinned(cond: Conditions, flt: ItemFilter) -> None:
    if flt.pins():
        cond.add("NOT (i.state = 'returned' AND i.section_id = ?)", flt.pinned_section_id)


def _rows(sql: str, params: list, pinned: bool = False) -> list[ItemRow]:
    cursor = database.execute_sql(sql, params)
    return [ItemRow(*(value if value is not None else "" for value in row), pinned=pinned) for row in cursor]


def first_page(flt: ItemFilter, limit: int = PAGE_SIZE) -> list[ItemRow]:
    """The pinned returned items (for drafters), then the first page of the rest."""
    return pinned_rows(flt) + next_page(flt, None, limit)


def next_page(flt: ItemFilter, after: ItemRow | None, limit: int = PAGE_SIZE) -> list[ItemRow]:
    """Up to `limit` rows following `after` (None: from the start)."""
    cond = conditions(flt)
    _not_pinned(cond, flt)
    expression = flt.match()
    if expression:
        return _search_page(cond, expression, after, limit)
    order = flt.order_column()
    if after is not None:
        # Keyset paging: rows strictly after (order value, rowid) in descending order.
        value = getattr(after, order)
        cond.add(f"i.{order} <= ? AND NOT (i.{order} = ? AND i.rowid >= ?)", value, value, after.key)
    sql = (f"SELECT {', '.join(ROW_COLUMNS)} FROM item i WHERE {cond.where()} "
           f"ORDER BY i.{order} DESC, i.rowid DESC LIMIT ?")
    return _rows(sql, cond.params + [limit])


def _search_page(cond: Conditions, expression: str, after: ItemRow | None, limit: int) -> list[ItemRow]:
    columns = ", ".join(("f.rowid",) + ROW_COLUMNS[1:])
    bound = "AND f.rowid < ? " if after is not None else ""
    sql = (f"SELECT {columns} FROM item_fts f JOIN item_fts_key k ON k.id = f.rowid "
           f"JOIN item i ON i.id = k.item_id WHERE f.text MATCH ? {bound}AND {cond.where()} "
           "ORDER BY f.rowid DESC LIMIT ?")
    params = [expression] + ([after.key] if after is not None else []) + cond.params + [limit]
    return _rows(sql, params)


def pinned_rows(flt: ItemFilter) -> list[ItemRow]:
    """A drafter's section's returned items, most recently returned first."""
    if not flt.pins():
        return []
    cond = conditions(flt)
    cond.add("i.state = 'returned' AND i.section_id = ?", flt.pinned_section_id)
    # Returned items are few, a section's or a user's are many: walk the state index.
    sql = (f"SELECT {', '.join(ROW_COLUMNS)} FROM item i INDEXED BY item_state_updated_at WHERE {cond.where()} "
           "ORDER BY i.returned_at DESC, i.rowid DESC")
    rows = _rows(sql, cond.params, pinned=True)
    expression = flt.match()
    if rows and expression:
        found = _ids_matching([row.id for row in rows], expression)
        rows = [row for row in rows if row.id in found]
    return rows


def _ids_matching(ids: list[str], expression: str) -> set[str]:
    """Which of a few items match a search (checked one by one in the index)."""
    sql = (f"SELECT k.item_id FROM item_fts_key k JOIN item_fts f ON f.rowid = k.id "
           f"WHERE k.item_id IN ({','.join('?' * len(ids))}) AND f.text MATCH ?")
    return {row[0] for row in database.execute_sql(sql, ids + [expression])}


def count(flt: ItemFilter) -> int:
    """How many items match (pinned ones included)."""
    cond = conditions(flt)
    expression = flt.match()
    if not expression:
        sql = f"SELECT count(*) FROM item i WHERE {cond.where()}"
        return database.execute_sql(sql, cond.params).fetchone()[0]
    if not cond.sql:
        return database.execute_sql("SELECT count(*) FROM item_fts WHERE text MATCH ?", (expression,)).fetchone()[0]
    sql = (f"SELECT count(*) FROM item_fts f JOIN item_fts_key k ON k.id = f.rowid "
           f"JOIN item i ON i.id = k.item_id WHERE f.text MATCH ? AND {cond.where()}")
    return database.execute_sql(sql, [expression] + cond.params).fetchone()[0]


@dataclass(frozen=True)
class ColumnNode:
    id: str
    name: str
    depth: int
    descendants: tuple[str, ...]     # its own id and every column below it


def column_tree() -> list[ColumnNode]:
    """Every column in tree order (parents before children, by sort order)."""
    rows = database.execute_sql('SELECT id, name, parent_id FROM "column" ORDER BY sort_order, name').fetchall()
    children: dict[str | None, list[tuple[str, str]]] = {}
    for column_id, name, parent_id in rows:
        children.setdefault(parent_id, []).append((column_id, name))
    nodes: list[ColumnNode] = []

    def walk(parent_id: str | None, depth: int) -> list[str]:
        below: list[str] = []
        for column_id, name in children.get(parent_id, []):
            at = len(nodes)
            nodes.append(ColumnNode(column_id, name, depth, ()))
            mine = [column_id] + walk(column_id, depth + 1)
            nodes[at] = ColumnNode(column_id, name, depth, tuple(mine))
            below.extend(mine)
        return below
    walk(None, 0)
    return nodes


def names_of(table: str) -> dict[str, str]:
    """id → name of every row of a small directory table ("column" or "section")."""
    return dict(database.execute_sql(f'SELECT id, name FROM "{table}"').fetchall())
