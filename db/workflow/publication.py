"""What the sync layer reports back from the central database.

Locally an approved item waits in state `approved` (queued for sync). When the central
database has published (or, for a withdrawal, removed) exactly that version, the sync
layer calls one of these functions; they are idempotent, so a repeated report is
harmless. Times come from the central database (pass them), else from db.clock.
"""
from __future__ import annotations

from db import audit, clock
from db.database import database
from db.errors import DomainError, NotFound
from db.models import Decision, Item, Version
from db.workflow import rows, states, working_copy


def mark_published(item_id: str, version_no: int, content_hash: str, published_at: str | None = None) -> Item:
    """The central database published this version: it is now the live one."""
    with database.atomic():
        item, version = _reported(item_id, version_no, content_hash)
        if version.purpose == "withdraw":
            return _withdrawn(item, version, published_at)
        if version.state == states.V_PUBLISHED:
            return item
        _replace_live(item, version)
        version.state = states.version_next(version.state, states.PUBLISHED_EVENT)
        rows.update(version, "state")
        item.published_version_no, item.published_at = version.number, published_at or clock.now()
        if version.purpose == "abolish":
            item.validity = "废止"
        if item.latest_version_no == version.number:
            item.state = states.item_next(item.state, states.PUBLISHED_EVENT)
        rows.update(item, "published_version_no", "published_at", "validity", "state")
        _confirm_decisions(version)
        audit.record(None, "published", "item", item.id,
                     {"version": version.number, "hash": version.content_hash, "purpose": version.purpose,
                      "published_at": item.published_at})
    return item


def mark_withdrawn(item_id: str, version_no: int, content_hash: str, withdrawn_at: str | None = None) -> Item:
    """The central database took the item off the website after an approved 撤稿 request."""
    with database.atomic():
        item, version = _reported(item_id, version_no, content_hash)
        return _withdrawn(item, version, withdrawn_at)


def _withdrawn(item: Item, version: Version, at: str | None) -> Item:
    if version.state == states.V_WITHDRAWN:
        return item
    version.state = states.version_next(version.state, states.WITHDRAWN_EVENT)
    version.save(only=[Version.state])
    live = _live_version(item)
    if live is not None:
        live.state = states.version_next(live.state, states.WITHDRAWN_EVENT)
        live.save(only=[Version.state])
    working_copy.take_out_of_review(None, item)     # nothing more goes out for a withdrawn item
    item.state = states.WITHDRAWN
    item.save(only=[Item.state])
    _confirm_decisions(version)
    audit.record(None, "withdrawn", "item", item.id,
                 {"version": version.number, "hash": version.content_hash, "at": at or clock.now()})
    return item


def set_decision_status(decision_id: str, status: str, why: str = "") -> Decision:
    """The central database's verdict on a decision: authoritative, superseded or stale."""
    if status not in (states.D_AUTHORITATIVE, states.D_SUPERSEDED, states.D_STALE):
        raise DomainError(f"未知的审批状态：{status}", f"Unknown decision status: {status}")
    with database.atomic():
        decision = Decision.get_or_none(Decision.id == decision_id)
        if decision is None:
            raise NotFound("找不到该审批意见", "The decision does not exist")
        if decision.status != status:
            decision.status = status
            decision.save(only=[Decision.status])
            audit.record(None, "decision_status", "decision", decision.id, {"status": status, "why": why})
    return decision


def _reported(item_id: str, version_no: int, content_hash: str) -> tuple[Item, Version]:
    item = rows.first(Item, 'SELECT * FROM "item" WHERE "id" = ?', item_id)
    version = item and rows.first(Version, 'SELECT * FROM "version" WHERE "item_id" = ? AND "number" = ?',
                                  item_id, version_no)
    if version is None:
        raise NotFound("同步报告的版本在本地不存在", "The version the sync reported does not exist locally")
    if version.content_hash != content_hash:
        raise DomainError("同步报告的内容与本地版本不一致，未更新", "The reported content differs from the local version; nothing changed")
    return item, version


def _live_version(item: Item) -> Version | None:
    if item.published_version_no is None:
        return None
    live = Version.get_or_none((Version.item == item) & (Version.number == item.published_version_no))
    return live if live is not None and live.state == states.V_PUBLISHED else None


def _replace_live(item: Item, version: Version) -> None:
    live = _live_version(item)
    if live is not None and live.id != version.id:
        live.state = states.version_next(live.state, states.REPLACED)
        live.save(only=[Version.state])


def _confirm_decisions(version: Version) -> None:
    (Decision.update(status=states.D_AUTHORITATIVE)
     .where((Decision.version == version) & (Decision.status == states.D_RECORDED)).execute())
