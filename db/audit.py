"""Append-only audit trail, hash-chained so an edited or deleted event is detectable.

Each event's hash covers its own fields and the previous event's hash. `record` must be
called inside the transaction that makes the change it describes.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from db import clock
from db.content import canonical_json
from db.models import AuditEvent

GENESIS = "0" * 64


def record(actor, action: str, object_type: str = "", object_id: str = "",
           detail: dict | None = None, on_behalf_of=None) -> AuditEvent:
    """Append one event. `actor`/`on_behalf_of` are User rows or None (system)."""
    last = AuditEvent.select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1).first()
    event = AuditEvent(
        at=clock.now(),
        actor_id=actor.id if actor else "",
        actor_name=actor.display_name if actor else "",
        on_behalf_of=on_behalf_of.id if on_behalf_of else "",
        action=action, object_type=object_type, object_id=object_id or "",
        detail=canonical_json(detail or {}),
        prev_hash=last.hash if last else GENESIS,
    )
    event.hash = event_hash(event)
    event.save(force_insert=True)
    return event


def event_hash(event: AuditEvent) -> str:
    fields = [event.prev_hash, event.at, event.actor_id, event.actor_name, event.on_behalf_of,
              event.action, event.object_type, event.object_id, event.detail]
    return hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    event_id: int
    reason: str


def verify_chain() -> list[ChainBreak]:
    """Every place where the chain does not hold; empty when intact."""
    breaks: list[ChainBreak] = []
    expected_prev = GENESIS
    for event in AuditEvent.select().order_by(AuditEvent.id).iterator():
        if event.prev_hash != expected_prev:
            breaks.append(ChainBreak(event.id, "previous hash does not match: an event before it was changed or removed"))
        if event_hash(event) != event.hash:
            breaks.append(ChainBreak(event.id, "event content does not match its hash: it was edited"))
        expected_prev = event.hash
    return breaks
