"""Plain SQL on the central database, a batch at a time, for all three dialects.

The push reads and writes whole batches: a SELECT … IN per table, multi-row INSERTs, and
UPDATEs sent together. Building each statement with peewee's query builder would cost
more than the server takes to run it, so these helpers send plain SQL text through the
connection's DB-API cursor. Statements are written with `?` placeholders.
"""
from __future__ import annotations

from typing import Iterable, Sequence

from peewee import Database, __exception_wrapper__

from db.central.connect import dialect

CHUNK = 500          # ids per SELECT … IN
INSERT_PAGE = 100    # rows per multi-row INSERT (beyond ~100 rows a statement barely helps)


def sql(db: Database, text: str) -> str:
    return text if dialect(db) == "sqlite" else text.replace("?", "%s")


def run(db: Database, text: str, params: Sequence = ()):
    return db.execute_sql(sql(db, text), params)


def marks(count: int) -> str:
    return ", ".join("?" * count)


def select_in(db: Database, text: str, keys: Iterable, params: Sequence = ()) -> list[tuple]:
    """Rows of `text` (with one `{marks}` slot for an IN list) for all `keys`, chunked."""
    keys = list(dict.fromkeys(keys))
    rows: list[tuple] = []
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start:start + CHUNK]
        rows.extend(run(db, text.format(marks=marks(len(chunk))), (*chunk, *params)).fetchall())
    return rows


def insert_rows(db: Database, table: str, columns: Sequence[str], rows: Sequence[Sequence]) -> None:
    """Multi-row INSERT: one statement per page of rows on the servers, executemany on SQLite."""
    if not rows:
        return
    names = ", ".join(columns)
    kind = dialect(db)
    with __exception_wrapper__:          # driver errors arrive as peewee's, as with execute_sql
        cursor = db.cursor()
        if kind == "postgresql":
            from psycopg2.extras import execute_values
            execute_values(cursor, f"INSERT INTO {table} ({names}) VALUES %s", rows, page_size=INSERT_PAGE)
            return
        text = sql(db, f"INSERT INTO {table} ({names}) VALUES ({marks(len(columns))})")
        if kind == "mysql":
            for start in range(0, len(rows), INSERT_PAGE):     # PyMySQL folds these into one INSERT
                cursor.executemany(text, rows[start:start + INSERT_PAGE])
        else:
            cursor.executemany(text, rows)


def update_rows(db: Database, table: str, columns: Sequence[str], rows: Sequence[Sequence]) -> None:
    """UPDATE rows by id: `columns` start with "id", each row gives the values in that order.

    PostgreSQL gets them a page per round trip; MariaDB one statement each (an
    INSERT … ON DUPLICATE KEY UPDATE would fold them, but with a second unique key it can
    update the wrong row); SQLite runs them in-process.
    """
    if not rows:
        return
    assignments = ", ".join(f"{name} = ?" for name in columns[1:])
    text = sql(db, f"UPDATE {table} SET {assignments} WHERE id = ?")
    values = [(*row[1:], row[0]) for row in rows]
    with __exception_wrapper__:
        cursor = db.cursor()
        if dialect(db) == "postgresql":
            from psycopg2.extras import execute_batch
            execute_batch(cursor, text, values, page_size=INSERT_PAGE)
        else:
            cursor.executemany(text, values)


def set_column(db: Database, table: str, column: str, value_by_id: dict) -> None:
    """UPDATE one column, one statement per distinct value (e.g. version states)."""
    ids_by_value: dict = {}
    for row_id, value in value_by_id.items():
        ids_by_value.setdefault(value, []).append(row_id)
    for value, ids in ids_by_value.items():
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            run(db, f"UPDATE {table} SET {column} = ? WHERE id IN ({marks(len(chunk))})", (value, *chunk))
