"""The central change log: rows numbered from one counter row inside the writing transaction.

Bumping `sync_counter` takes its row lock, so writers queue on it and commit in the order
they took numbers: a reader that has seen seq N has seen everything below N. (An
AUTO_INCREMENT or sequence can commit out of order, and a cursor would skip rows.)
The bump happens last in each transaction so the lock is held as briefly as possible.
"""
from __future__ import annotations

import datetime as dt

from peewee import Database

from db.central.connect import dialect
from db.content import canonical_json
from db.sync.central_sql import insert_rows, run

LOG_COLUMNS = ("seq", "entity", "entity_id", "op", "payload", "at")


def central_now(db: Database) -> str:
    """The central database's clock as UTC ISO-8601 text."""
    kind = dialect(db)
    if kind == "sqlite":
        return db.execute_sql("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')").fetchone()[0]
    value = db.execute_sql("SELECT UTC_TIMESTAMP()" if kind == "mysql" else "SELECT now()").fetchone()[0]
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_changes(db: Database, changes: list, now: str) -> int:
    """Append `changes` [(entity, id, op, payload)] to the log; returns the last seq (0 if none).

    One counter UPDATE reserves the whole range for the transaction."""
    if not changes:
        return 0
    last = reserve(db, len(changes))
    first = last - len(changes) + 1
    rows = [(first + n, entity, entity_id, op, canonical_json(payload), now)
            for n, (entity, entity_id, op, payload) in enumerate(changes)]
    insert_rows(db, "change_log", LOG_COLUMNS, rows)
    return last


def reserve(db: Database, count: int) -> int:
    """Take `count` numbers from the counter row (its lock is held until COMMIT); the last one."""
    if dialect(db) == "mysql":
        run(db, "UPDATE sync_counter SET seq = seq + ? WHERE id = 1", (count,))
        return run(db, "SELECT seq FROM sync_counter WHERE id = 1").fetchone()[0]
    return run(db, "UPDATE sync_counter SET seq = seq + ? WHERE id = 1 RETURNING seq", (count,)).fetchone()[0]


def latest_seq(db: Database) -> int:
    row = run(db, "SELECT seq FROM sync_counter WHERE id = 1").fetchone()
    return row[0] if row else 0
