"""The transactional outbox: operations other workstations must learn, queued for sync.

`enqueue` is called inside the transaction that makes the change, so the change and its
operation are committed together or not at all.
"""
from __future__ import annotations

from db.content import canonical_json
from db.ids import new_id
from db.models import OutboxOp


def enqueue(kind: str, payload: dict, actor=None) -> OutboxOp:
    return OutboxOp.create(op_id=new_id(), kind=kind, payload=canonical_json(payload),
                           created_by=actor.id if actor else "")


def pending():
    return OutboxOp.select().where(OutboxOp.state == "pending").order_by(OutboxOp.seq)


def pending_count() -> int:
    return pending().count()
