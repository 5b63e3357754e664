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
from db.central.models import ChangeLog, SyncCounter
from db.content import canonical_json


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
    """Append `changes` [(entity, id, op, payload)] to the log; returns the last seq (0 if none)."""
    if not changes:
        return 0
    SyncCounter.update(seq=SyncCounter.seq + len(changes)).where(SyncCounter.id == 1).execute()
    last = SyncCounter.select(SyncCounter.seq).where(SyncCounter.id == 1).scalar()
    first = last - len(changes) + 1
    rows = [{"seq": first + n, "entity": entity, "entity_id": entity_id, "op": op,
             "payload": canonical_json(payload), "at": now}
            for n, (entity, entity_id, op, payload) in enumerate(changes)]
    for start in range(0, len(rows), 200):
        ChangeLog.insert_many(rows[start:start + 200]).execute()
    return last


def latest_seq(db: Database) -> int:
    return SyncCounter.select(SyncCounter.seq).where(SyncCounter.id == 1).scalar() or 0
