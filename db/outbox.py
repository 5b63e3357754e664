"""The transactional outbox: operations other workstations must learn, queued for sync.

`enqueue` is called inside the transaction that makes the change, so the change and its
operation are committed together or not at all.
"""
from __future__ import annotations

from db import clock
from db.content import canonical_json
from db.database import database
from db.ids import new_id
from db.models import OutboxOp
from db.workflow import rows

# Plain SQL: every user action writes one (peewee's query builder costs more than the insert).
INSERT_SQL = ('INSERT INTO "outbox_op" ("op_id", "kind", "payload", "created_at", "created_by", "state", '
              '"attempts", "last_error", "result", "applied_at") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')


def enqueue(kind: str, payload: dict, actor=None) -> OutboxOp:
    """Queue one operation; `payload` is written once, as canonical JSON."""
    values = (new_id(), kind, canonical_json(payload), clock.now(), actor.id if actor else "", "pending", 0, "", "",
              None)
    seq = database.execute_sql(INSERT_SQL, values).lastrowid
    return rows.build(OutboxOp, (seq, *values))


def pending():
    return OutboxOp.select().where(OutboxOp.state == "pending").order_by(OutboxOp.seq)


def pending_count() -> int:
    return pending().count()
