"""Conflicts: recorded when the central database refuses an op, shown until a user settles them.

Choices: keep mine (send it again as a new op: a refused submission becomes the next
version number), take theirs (the central state, which the pull already brought, stands)
or dismiss. Role checks for settling live here, not in the screen.
"""
from __future__ import annotations

import json

from db import audit, clock, outbox
from db.content import canonical_json
from db.database import database
from db.errors import InvalidState, PermissionDenied
from db.ids import new_id
from db.models import Item, OutboxOp, User, Version
from db.sync import outgoing
from db.sync.models import SyncConflict

CHOICES = ("keep_mine", "take_theirs", "dismiss")


def record_op_conflict(op: OutboxOp, result: dict) -> SyncConflict:
    """Called inside the local transaction that marks the op; once per op."""
    existing = SyncConflict.get_or_none(SyncConflict.op_id == op.op_id)
    if existing is not None:
        return existing
    mine = outgoing.snapshot(op.kind, op.payload, op.op_id, op.created_by) or {}
    item_id, title, for_user = _who_and_what(op, mine)
    return SyncConflict.create(op_id=op.op_id, kind=result.get("kind", "rejected"), item_id=item_id, title=title,
                               mine=canonical_json({"kind": op.kind, **mine}),
                               theirs=canonical_json(result.get("theirs", {})),
                               message=result.get("message", ""), english=result.get("english", ""),
                               for_user=for_user)


def record_pull_conflict(kind: str, item_id: str, message: str, english: str, theirs: dict,
                         for_user: str = "", title: str = "", mine: dict | None = None) -> SyncConflict:
    """A conflict the pull met; unless the caller names them, the local item's title and
    its drafter (who last edited it) come from the item when it is here."""
    item = None if title and for_user else Item.get_or_none(Item.id == item_id)
    if item is not None:
        title = title or item.title
        for_user = for_user or item.updated_by_id or item.created_by_id
    return SyncConflict.create(kind=kind, item_id=item_id, message=message, english=english,
                               theirs=canonical_json(theirs), mine=canonical_json(mine or {}), for_user=for_user,
                               title=title)


def _who_and_what(op: OutboxOp, mine: dict) -> tuple[str, str, str]:
    if "decision" in mine:
        d = mine["decision"]
        item = Item.get_or_none(Item.id == d["item_id"])
        return d["item_id"], item.title if item else "", d["decider_id"]
    if "version" in mine:
        v = mine["version"]
        return v["item_id"], v["title"], v["created_by"]
    return "", "", op.created_by


def open_conflicts(user: User | None = None):
    query = SyncConflict.select().where(SyncConflict.resolved_at.is_null()).order_by(SyncConflict.created_at.desc())
    if user is not None and user.role != "admin":
        query = query.where((SyncConflict.for_user == user.id) | (SyncConflict.for_user == ""))
    return query


def open_count(user: User | None = None) -> int:
    return open_conflicts(user).count()


def resolve(user: User, conflict: SyncConflict, choice: str) -> SyncConflict:
    if choice not in CHOICES:
        raise ValueError(choice)
    if user.role != "admin" and conflict.for_user not in ("", user.id):
        raise PermissionDenied("只能处理与自己有关的同步冲突", "You can only settle your own sync conflicts")
    with database.atomic():
        conflict = SyncConflict.get_by_id(conflict.id)
        if conflict.resolved_at:
            raise InvalidState("该冲突已处理", "This conflict is already settled")
        if choice == "keep_mine":
            _requeue(user, conflict)
        conflict.resolved_at, conflict.resolution = clock.now(), choice
        conflict.save()
        audit.record(user, "sync_conflict_resolved", "item", conflict.item_id,
                     {"conflict": conflict.id, "kind": conflict.kind, "choice": choice})
    return conflict


def can_keep_mine(conflict: SyncConflict) -> bool:
    """Decisions are bound to the content their leader saw: re-sending one can't change its fate."""
    kind = json.loads(conflict.mine or "{}").get("kind", "")
    return kind in outgoing.SUBMIT_KINDS or kind in outgoing.DIRECTORY_READERS


def _requeue(user: User, conflict: SyncConflict) -> None:
    mine = json.loads(conflict.mine or "{}")
    kind = mine.get("kind", "")
    if kind in outgoing.SUBMIT_KINDS:
        _resubmit(user, mine)
    elif kind in outgoing.DIRECTORY_READERS:
        outbox.enqueue(kind, {"id": mine["row"]["id"]}, user)
    else:
        raise InvalidState("审批意见绑定于当时的版本，不能重发；请对最新版本重新审核",
                           "A decision is bound to the version it was made on; review the latest version again")


def _resubmit(user: User, mine: dict) -> None:
    """My refused version, frozen again as the next number after what the central database holds."""
    data = mine["version"]
    item = Item.get_or_none(Item.id == data["item_id"])
    if item is None:
        raise InvalidState("该信息已不在本资料库中", "The item is no longer in this profile")
    number = max(item.latest_version_no, Version.select().where(Version.item == item).count()) + 1
    version = Version.create(id=new_id(), item=item, number=number, purpose=data["purpose"], content=mine["content"],
                             content_hash=data["content_hash"], title=data["title"], created_by=data["created_by"],
                             state="in_review")
    item.latest_version_no, item.state = number, "in_review"
    item.save()
    outbox.enqueue("version.submit", {"item_id": item.id, "version_id": version.id, "number": number,
                                      "hash": version.content_hash}, user)
