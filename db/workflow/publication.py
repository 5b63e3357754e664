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
        if item.latest_version_no == version.number and item.state == states.APPROVED:
            # (a working copy edited since, e.g. on the drafter's workstation, stays a draft)
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
    item.state = states.follow_item(item.state, states.WITHDRAWN)   # from whatever the working copy is in
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


def mark_published_many(reports: list[tuple[str, int, str, str | None]]) -> list[str]:
    """mark_published for many (item id, version number, hash, published at) at once, in
    order: the same rules and the same audit events, with the rows read and written a
    statement per table (a sync pulls back thousands at a time). Returns the items marked."""
    marked: list[str] = []
    if not reports:
        return marked
    with database.atomic():
        batch = _Batch({r[0] for r in reports})
        for item_id, version_no, content_hash, published_at in reports:
            version = batch.versions.get((item_id, version_no))
            if item_id not in batch.items or version is None:
                raise NotFound("同步报告的版本在本地不存在", "The version the sync reported does not exist locally")
            if version.content_hash != content_hash:
                raise DomainError("同步报告的内容与本地版本不一致，未更新",
                                  "The reported content differs from the local version; nothing changed")
            if version.purpose == "withdraw":
                batch.write()
                mark_withdrawn(item_id, version_no, content_hash, published_at)
                batch = _Batch({r[0] for r in reports})
            elif version.state != states.V_PUBLISHED:
                item = batch.items[item_id]
                batch.publish(item, version, published_at)
                marked.append(item_id)
                audit.record(None, "published", "item", item_id,
                             {"version": version.number, "hash": version.content_hash, "purpose": version.purpose,
                              "published_at": item.published_at})
        batch.write()
    return marked


class _Batch:
    """The rows mark_published_many changes, read once and written once."""

    def __init__(self, item_ids: set[str]):
        self.items = {i.id: i for i in Item.select(Item.id, Item.state, Item.latest_version_no,
                                                   Item.published_version_no, Item.published_at, Item.validity)
                      .where(Item.id.in_(sorted(item_ids)))}
        self.versions = {(v.item_id, v.number): v for v in Version.select(
            Version.id, Version.item, Version.number, Version.purpose, Version.state, Version.content_hash)
            .where(Version.item.in_(list(self.items)))}
        self.new_states: dict[str, str] = {}
        self.changed_items: dict[str, Item] = {}
        self.confirmed: list[str] = []

    def publish(self, item: Item, version: Version, published_at: str | None) -> None:
        live = self.versions.get((item.id, item.published_version_no))
        if live is not None and live.state == states.V_PUBLISHED and live.id != version.id:
            live.state = self.new_states[live.id] = states.version_next(live.state, states.REPLACED)
        version.state = self.new_states[version.id] = states.version_next(version.state, states.PUBLISHED_EVENT)
        item.published_version_no, item.published_at = version.number, published_at or clock.now()
        if version.purpose == "abolish":
            item.validity = "废止"
        if item.latest_version_no == version.number and item.state == states.APPROVED:
            item.state = states.item_next(item.state, states.PUBLISHED_EVENT)
        self.changed_items[item.id] = item
        self.confirmed.append(version.id)

    def write(self) -> None:
        for state in set(self.new_states.values()):
            (Version.update(state=state)
             .where(Version.id.in_([v for v, s in self.new_states.items() if s == state])).execute())
        database.cursor().executemany(
            'UPDATE "item" SET "published_version_no" = ?, "published_at" = ?, "validity" = ?, "state" = ?'
            ' WHERE "id" = ?',
            [(i.published_version_no, i.published_at, i.validity, i.state, i.id) for i in self.changed_items.values()])
        (Decision.update(status=states.D_AUTHORITATIVE)
         .where(Decision.version.in_(self.confirmed) & (Decision.status == states.D_RECORDED)).execute())
        self.new_states, self.changed_items, self.confirmed = {}, {}, []
