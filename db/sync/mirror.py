"""Applying central change-log entries to the local tables (called inside the pull's transaction).

Other workstations' submissions and decisions become ordinary local rows, so they appear
in queues and lists. A working copy with edits made here and not yet submitted is never
overwritten: only the shared facts (version numbers, publication) move under it.
Tombstones for rows this profile never had are no-ops.
"""
from __future__ import annotations

import json

from peewee import IntegrityError

from db import content, search
from db.models import (
    Attachment, Column, ColumnSection, Decision, Item, ReviewTask, Section, SectionLeader, User, Version,
)
from db.richtext import to_text
from db.sync.conflicts import record_pull_conflict
from db.workdays import deadline_from

META = ("index_no", "publisher", "doc_no", "topic", "written_on", "validity", "disclosure", "secrecy", "summary")


class Mirror:
    def __init__(self):
        self.touched_items: set[str] = set()
        self.wanted_blobs: set[str] = set()

    def apply(self, entity: str, entity_id: str, op: str, payload: dict) -> None:
        handler = getattr(self, f"_{entity}", None)
        if handler is not None:
            handler(entity_id, op, payload)

    # ------------------------------------------------------------ directory
    def _section(self, entity_id, op, row):
        _upsert(Section, entity_id, {k: row[k] for k in ("code", "name", "sort_order", "active")})
        SectionLeader.delete().where(SectionLeader.section == entity_id).execute()
        for leader in row.get("leaders", []):
            if User.select().where(User.id == leader).exists():
                SectionLeader.insert(section=entity_id, leader=leader).on_conflict_ignore().execute()

    def _user(self, entity_id, op, row):
        section = row.get("section_id") if Section.select().where(Section.id == row.get("section_id")).exists() else None
        _upsert(User, entity_id, {"username": row["username"], "display_name": row["display_name"],
                                  "role": row["role"], "section": section, "password_hash": row["password_hash"],
                                  "active": bool(row["active"])})

    def _column(self, entity_id, op, row):
        parent = row.get("parent_id") if Column.select().where(Column.id == row.get("parent_id")).exists() else None
        _upsert(Column, entity_id, {"code": row["code"], "name": row["name"], "parent": parent, "kind": row["kind"],
                                    "accepts_items": bool(row["accepts_items"]), "review_stages": row["review_stages"],
                                    "sort_order": row["sort_order"], "active": bool(row["active"])})
        ColumnSection.delete().where(ColumnSection.column == entity_id).execute()
        for section in row.get("sections", []):
            if Section.select().where(Section.id == section).exists():
                ColumnSection.insert(column=entity_id, section=section).on_conflict_ignore().execute()

    # ------------------------------------------------------------ workflow
    def _item(self, entity_id, op, row):
        item = Item.get_or_none(Item.id == entity_id)
        if item is None:
            item = self._new_item(row)
            if item is None:
                return
        keep_local = locally_edited(item)
        item.latest_version_no = max(row["latest_version_no"], item.latest_version_no if keep_local else 0)
        item.published_version_no, item.published_at = row["published_version_no"], row["published_at"]
        if not keep_local or row["state"] == "withdrawn":
            item.state, item.return_reason = row["state"], row["return_reason"]
        item.save()
        self.touched_items.add(entity_id)

    def _new_item(self, row) -> Item | None:
        needed = ((Section, row["section_id"]), (Column, row["column_id"]), (User, row["created_by"]))
        if not all(model.select().where(model.id == key).exists() for model, key in needed):
            record_pull_conflict("directory", row["id"], "收到的信息引用了本机没有的科室、栏目或用户，暂未显示",
                                 "A pulled item names a section, column or user this profile lacks", row)
            return None
        item = Item.create(id=row["id"], section=row["section_id"], column=row["column_id"],
                           created_by=row["created_by"], created_at=row["created_at"], state=row["state"])
        search.reindex_item(item.id, "", None)
        return item

    def _version(self, entity_id, op, row):
        if not Item.select().where(Item.id == row["item_id"]).exists():
            return
        clash = Version.get_or_none((Version.item == row["item_id"]) & (Version.number == row["number"])
                                    & (Version.id != entity_id))
        if clash is not None:
            _drop_local_loser(clash)
        fields = {k: row[k] for k in ("number", "purpose", "content", "content_hash", "title", "state", "created_at")}
        _upsert(Version, entity_id, {**fields, "item": row["item_id"], "created_by": row["created_by"]})
        self.wanted_blobs.update(a["sha256"] for a in json.loads(row["content"]).get("attachments", []))
        self.touched_items.add(row["item_id"])

    def _decision(self, entity_id, op, row):
        if not Version.select().where(Version.id == row["version_id"]).exists():
            return
        fields = {k: row[k] for k in ("version_no", "content_hash", "stage", "outcome", "comment", "decided_at", "status")}
        _upsert(Decision, entity_id, {**fields, "item": row["item_id"], "version": row["version_id"],
                                      "decider": row["decider_id"], "on_behalf_of": row["on_behalf_of_id"]})
        self.touched_items.add(row["item_id"])

    def _publication(self, entity_id, op, row):
        if Item.select().where(Item.id == entity_id).exists():
            self.touched_items.add(entity_id)

    # ------------------------------------------------------------ after a page
    def settle(self) -> None:
        for item_id in self.touched_items:
            item = Item.get_or_none(Item.id == item_id)
            if item is not None:
                refresh_working_copy(item)
                rebuild_tasks(item)


def _upsert(model, key, values: dict) -> None:
    if model.select().where(model._meta.primary_key == key).exists():
        model.update(**values).where(model._meta.primary_key == key).execute()
    else:
        model.insert(**{model._meta.primary_key.name: key, **values}).execute()


def _drop_local_loser(version: Version) -> None:
    """A local version the central database refused (another took its number): the conflict row keeps it."""
    Decision.delete().where(Decision.version == version).execute()
    ReviewTask.delete().where(ReviewTask.version == version).execute()
    version.delete_instance()


def latest_version(item: Item) -> Version | None:
    return Version.select().where(Version.item == item).order_by(Version.number.desc()).first()


def locally_edited(item: Item) -> bool:
    """A working copy with edits made here since the last version was frozen."""
    if item.state not in ("draft", "returned"):
        return False
    latest = latest_version(item)
    if latest is None:
        return True
    current = content.item_content(item, Attachment.current_of(item))
    return content.content_hash(current) != latest.content_hash


def refresh_working_copy(item: Item) -> None:
    """Make the working copy the latest version's content, unless edits made here would be lost."""
    latest = latest_version(item)
    if latest is None or locally_edited(item):
        return
    data = json.loads(latest.content)
    if content.content_hash(content.item_content(item, Attachment.current_of(item))) == latest.content_hash:
        return
    old_text = search.searchable_text(item.title, item.summary, item.doc_no, item.index_no or "", item.body_text)
    item.title, item.body_html = data.get("title", ""), data.get("body_html", "")
    item.body_text = to_text(item.body_html)
    meta = data.get("meta", {})
    for name in META:
        value = meta.get(name, "")
        setattr(item, name, value if name != "index_no" else (value or None))
    item.guide_json = json.dumps(data["guide"], ensure_ascii=False) if data.get("guide") is not None else None
    related = data.get("related") or None
    item.related = related if related and Item.select().where(Item.id == related).exists() else None
    _save_with_index_no(item)
    _mirror_attachments(item, data.get("attachments", []), latest.created_by_id)
    search.reindex_item(item.id, search.searchable_text(item.title, item.summary, item.doc_no, item.index_no or "",
                                                        item.body_text), old_text)


def _save_with_index_no(item: Item) -> None:
    try:
        with Item._meta.database.atomic():
            item.save()
    except IntegrityError:
        taken = item.index_no
        item.index_no = None
        item.save()
        record_pull_conflict("directory", item.id, f"索引号“{taken}”在本机已被另一条信息使用",
                             f"The index number {taken} is already used by another item here", {"index_no": taken})


def _mirror_attachments(item: Item, wanted: list[dict], added_by: str) -> None:
    current = {(a.sha256, a.filename): a for a in Attachment.current_of(item)}
    keys = {(a["sha256"], a["filename"]) for a in wanted}
    for key, attachment in current.items():
        if key not in keys:
            attachment.removed_at = item.updated_at
            attachment.save()
    for a in wanted:
        if (a["sha256"], a["filename"]) not in current:
            Attachment.create(item=item, sha256=a["sha256"], filename=a["filename"], size=a["size"], added_by=added_by)


def rebuild_tasks(item: Item) -> None:
    """Review tasks follow the mirrored decisions: one open task at the next undecided stage."""
    latest = latest_version(item)
    open_tasks = list(ReviewTask.select().where((ReviewTask.item == item) & (ReviewTask.state == "open")))
    wanted = _next_stage(item, latest)
    for task in open_tasks:
        if wanted is None or task.version_id != latest.id or task.stage != wanted[0]:
            task.state = "stale" if latest is None or task.version_id != latest.id else "done"
            task.save()
    if wanted is not None and not any(t.version_id == latest.id and t.stage == wanted[0] and t.state == "open"
                                      for t in open_tasks):
        ReviewTask.create(item=item, version=latest, stage=wanted[0], stage_role=wanted[1], section=item.section_id,
                          due_on=deadline_from(item.changed_at).isoformat())


def _next_stage(item: Item, latest: Version | None) -> tuple[int, str] | None:
    if latest is None or item.state != "in_review" or latest.state != "in_review":
        return None
    roles = item.column.stage_roles() or ["leader"]
    approved = {d.stage for d in Decision.select().where((Decision.version == latest) & (Decision.outcome == "approve")
                                                          & (Decision.status.in_(("recorded", "authoritative"))))}
    stage = 1
    while stage in approved:
        stage += 1
    return (stage, roles[stage - 1]) if stage <= len(roles) else None
