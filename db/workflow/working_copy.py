"""Editing: what a change to an item's working copy does to what is in flight.

Editing a version under review takes it out of review: its open stage and the decisions
already recorded on it become stale, and other workstations learn it through a
`version.stale` operation. Editing a published item starts a working copy while the
live version stays. An approval already released for sync still goes out: the leader
approved exactly that content, and the edit becomes the next version.
"""
from __future__ import annotations

from db import audit, clock, outbox
from db.models import Decision, Item, ReviewTask, User, Version
from db.workflow import catalogue, states


def begin_edit(user: User, item: Item) -> None:
    """Move a fresh item row into its editing state (call inside the saving transaction)."""
    new_state = states.item_next(item.state, states.EDIT)
    if item.state in (states.IN_REVIEW, states.APPROVED):
        take_out_of_review(user, item)
    item.state = new_state


def take_out_of_review(user: User | None, item: Item) -> list[Version]:
    pending = list(Version.select().where((Version.item == item)
                                          & Version.state.in_(states.PENDING_VERSION_STATES)))
    for version in pending:
        version.state = states.version_next(version.state, states.EDIT)
        version.save(only=[Version.state])
        (ReviewTask.update(state=states.T_STALE, closed_at=clock.now())
         .where((ReviewTask.version == version) & (ReviewTask.state == states.T_OPEN)).execute())
        (Decision.update(status=states.D_STALE)
         .where((Decision.version == version) & (Decision.status == states.D_RECORDED)).execute())
        audit.record(user, "review_withdrawn_by_edit", "item", item.id,
                     {"version": version.number, "hash": version.content_hash})
        outbox.enqueue(catalogue.VERSION_STALE, catalogue.stale_payload(version), user)
    return pending
