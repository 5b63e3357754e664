"""Append-only audit trail, hash-chained so an edited or deleted event is detectable.

Each event's hash covers its own fields and the previous event's hash. `record` must be
called inside the transaction that makes the change it describes. Its time comes from
db.clock, which the sync layer points at the central database's clock while connected.

The newest event's id and hash are also kept as the chain's head (a setting written in
the same transaction), so removing events from the end is detected too, not only
edits and removals in the middle.
"""
from __future__ import annotations

import hashlib
import json
import threading
from contextlib import contextmanager
from dataclasses import dataclass

from db import clock, settings
from db.content import canonical_json
from db.database import database
from db.models import AuditEvent
from db.workflow import rows

GENESIS = "0" * 64
HEAD_KEY = "audit.head"


# Written as plain SQL: every change records an event, so this is the hottest write path.
LAST_HASH_SQL = 'SELECT "hash" FROM "audit_event" ORDER BY "id" DESC LIMIT 1'
INSERT_SQL = ('INSERT INTO "audit_event" ("at", "actor_id", "actor_name", "on_behalf_of", "action", '
              '"object_type", "object_id", "detail", "prev_hash", "hash") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
HEAD_SQL = rows.PUT_SETTING_SQL
_local = threading.local()       # the chain head while appending() (per thread: per connection)


def record(actor, action: str, object_type: str = "", object_id: str = "",
           detail: dict | None = None, on_behalf_of=None) -> AuditEvent:
    """Append one event. `actor`/`on_behalf_of` are User rows or None (system)."""
    batch = getattr(_local, "batch", None)
    if batch and batch[0]:
        prev_hash = batch[1]
    else:
        last = database.execute_sql(LAST_HASH_SQL).fetchone()
        prev_hash = last[0] if last else GENESIS
    fields = (clock.now(), actor.id if actor else "", actor.display_name if actor else "",
              on_behalf_of.id if on_behalf_of else "", action, object_type, object_id or "",
              canonical_json(detail or {}))
    digest = _digest([prev_hash, *fields])
    event_id = database.execute_sql(INSERT_SQL, (*fields, prev_hash, digest)).lastrowid
    if batch is None:
        _write_head(event_id, digest)
    else:
        batch[:] = [event_id, digest]
    return rows.build(AuditEvent, (event_id, *fields, prev_hash, digest))


@contextmanager
def appending():
    """Several events in a row, inside one transaction that writes nothing else to the trail
    by other means (e.g. a bulk approval): each event's predecessor is the one appended just
    before, so it is not read back, and the head is written once, at the end. An exception
    leaves the head alone (and should roll the transaction back)."""
    if getattr(_local, "batch", None) is not None:
        yield                                     # already inside one: the outer one writes the head
        return
    _local.batch = batch = [0, ""]
    try:
        yield
    finally:
        _local.batch = None
    if batch[0]:
        _write_head(*batch)


def _write_head(event_id: int, digest: str) -> None:
    database.execute_sql(HEAD_SQL, (HEAD_KEY, json.dumps({"id": event_id, "hash": digest})))


def event_hash(event: AuditEvent) -> str:
    return _digest([event.prev_hash, event.at, event.actor_id, event.actor_name, event.on_behalf_of,
                    event.action, event.object_type, event.object_id, event.detail])


def _digest(fields: list) -> str:
    return hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    event_id: int
    reason: str           # English
    message: str = ""     # Chinese, for people


def verify_chain() -> list[ChainBreak]:
    """Every place where the chain does not hold; empty when intact."""
    breaks: list[ChainBreak] = []
    expected_prev, last = GENESIS, None
    for event in AuditEvent.select().order_by(AuditEvent.id).iterator():
        if event.prev_hash != expected_prev:
            breaks.append(ChainBreak(
                event.id, "previous hash does not match: an event before it was changed or removed",
                f"第 {event.id} 条记录的前序哈希不符：它之前的记录被修改或删除"))
        if event_hash(event) != event.hash:
            breaks.append(ChainBreak(event.id, "event content does not match its hash: it was edited",
                                     f"第 {event.id} 条记录的内容与其哈希不符：该记录被修改"))
        expected_prev, last = event.hash, event
    head_break = _head_break(last)
    return breaks + ([head_break] if head_break else [])


def _head_break(last: AuditEvent | None) -> ChainBreak | None:
    head = settings.get(HEAD_KEY)
    if not head:
        return None
    if last is None or last.id != head["id"] or last.hash != head["hash"]:
        seen = last.id if last else 0
        return ChainBreak(seen + 1, f"the chain ends at event {seen} but its head is event {head['id']}: "
                                    "events at the end were removed or replaced",
                          f"审计记录止于第 {seen} 条，但链头记载为第 {head['id']} 条：末尾的记录被删除或替换")
    return None


def first_break() -> ChainBreak | None:
    breaks = verify_chain()
    return min(breaks, key=lambda b: b.event_id) if breaks else None


def events_of(object_id: str) -> list[AuditEvent]:
    return list(AuditEvent.select().where(AuditEvent.object_id == object_id).order_by(AuditEvent.id))
