"""After a pulled page: working copies and review tasks follow the mirrored rows.

A working copy with edits made here and not yet submitted is never overwritten; only the
shared facts (version numbers, publication) move under it. Review tasks follow the
mirrored decisions: one open task at the next undecided stage of the latest version.
"""
from __future__ import annotations

import json

from peewee import IntegrityError

from db import content, search
from db.database import database
from db.models import Attachment, Decision, Item, ReviewTask, Version
from db.richtext import to_text
from db.sync.conflicts import record_pull_conflict
from db.workdays import deadline_from
from db.workflow import states
from db.workflow.routing import plan_of

META = ("publisher", "doc_no", "topic", "written_on", "validity", "disclosure", "secrecy", "summary")


def latest_version(item: Item) -> Version | None:
    return Version.select().where(Version.item == item).order_by(Version.number.desc()).first()


def locally_edited(item: Item) -> bool:
    """A working copy with edits made here since the last version was frozen."""
    if item.state not in ("draft", "returned"):
        return False
    latest = latest_version(item)
    return latest is None or not same_as_version(item, latest)


def same_as_version(item: Item, version: Version) -> bool:
    """The working copy holds exactly the version's content, give or take the 索引号 (the
    version keeps the provisional number it was frozen with, the item the central one)."""
    current = content.content_hash(content.item_content(item, Attachment.current_of(item)))
    if current == version.content_hash:
        return True
    data = json.loads(version.content)
    return current == content.content_hash({**data, "meta": {**data.get("meta", {}), "index_no": item.index_no or ""}})


def refresh_working_copy(item: Item) -> None:
    """Make the working copy the latest version's content, unless edits made here would be lost.
    The 索引号 is the item's own (the central one), not the frozen content's."""
    latest = latest_version(item)
    if latest is None or same_as_version(item, latest) or item.state in ("draft", "returned"):
        return      # nothing to do, or edits made here that must not be lost
    data = json.loads(latest.content)
    old_text = search.searchable_text(item.title, item.summary, item.doc_no, item.index_no or "", item.body_text)
    item.title, item.body_html = data.get("title", ""), data.get("body_html", "")
    item.body_text = to_text(item.body_html)
    meta = data.get("meta", {})
    for name in META:
        setattr(item, name, meta.get(name, ""))
    if not item.index_no and meta.get("index_no"):
        item.index_no = meta["index_no"]
    item.guide_json = json.dumps(data["guide"], ensure_ascii=False) if data.get("guide") is not None else None
    related = data.get("related") or None
    item.related = related if related and Item.select().where(Item.id == related).exists() else None
    save_with_index_no(item)
    _mirror_attachments(item, data.get("attachments", []), latest.created_by_id)
    search.reindex_item(item.id, search.searchable_text(item.title, item.summary, item.doc_no, item.index_no or "",
                                                        item.body_text), old_text)


LATEST_SQL = 'SELECT "content", "created_by_id" FROM "version" WHERE "item_id" = ? ORDER BY "number" DESC LIMIT 1'
FILL_SQL = ('UPDATE "item" SET "title" = ?, "body_html" = ?, "body_text" = ?, "publisher" = ?, "doc_no" = ?,'
            ' "topic" = ?, "written_on" = ?, "validity" = ?, "disclosure" = ?, "secrecy" = ?, "summary" = ?,'
            ' "guide_json" = ?, "related_id" = ? WHERE "id" = ?')


def fill_new_item(item_id: str) -> None:
    """An item new to this profile: its working copy is its latest version, indexed once."""
    index_no = database.execute_sql('SELECT "index_no" FROM "item" WHERE "id" = ?', (item_id,)).fetchone()[0] or ""
    latest = database.execute_sql(LATEST_SQL, (item_id,)).fetchone()
    if latest is None:
        search.index_new_item(item_id, search.searchable_text("", "", "", index_no, ""))
        return
    data = json.loads(latest[0])
    meta, body_html = data.get("meta", {}), data.get("body_html", "")
    body_text = to_text(body_html)
    related = data.get("related") or None
    if related and not database.execute_sql('SELECT 1 FROM "item" WHERE "id" = ?', (related,)).fetchone():
        related = None
    guide = json.dumps(data["guide"], ensure_ascii=False) if data.get("guide") is not None else None
    database.execute_sql(FILL_SQL, (data.get("title", ""), body_html, body_text,
                                    *(meta.get(name, "") for name in META), guide, related, item_id))
    if data.get("attachments"):
        Attachment.insert_many([{"item": item_id, "sha256": a["sha256"], "filename": a["filename"], "size": a["size"],
                                 "added_by": latest[1]} for a in data["attachments"]]).execute()
    search.index_new_item(item_id, search.searchable_text(data.get("title", ""), meta.get("summary", ""),
                                                          meta.get("doc_no", ""), index_no, body_text))


def save_with_index_no(item: Item) -> None:
    try:
        with database.atomic():
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


OPEN_TASK_ITEMS_SQL = 'SELECT DISTINCT "item_id" FROM "review_task" WHERE "state" = \'open\' AND "item_id" IN ({marks})'


IN_REVIEW_SQL = 'SELECT "id" FROM "item" WHERE "state" = \'in_review\' AND "id" IN ({marks})'


def items_needing_tasks(item_ids: set[str]) -> list[Item]:
    """Of these items, those whose review tasks may have to change: in review, or with an open task."""
    ids = sorted(item_ids)
    wanted: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        for sql in (OPEN_TASK_ITEMS_SQL, IN_REVIEW_SQL):
            wanted.update(row[0] for row in database.execute_sql(sql.format(marks=marks), chunk))
    return list(Item.select().where(Item.id.in_(sorted(wanted)))) if wanted else []


def rebuild_tasks(item: Item) -> None:
    """Review tasks follow the mirrored decisions: one open task at the next undecided stage."""
    latest = latest_version(item)
    open_tasks = list(ReviewTask.select().where((ReviewTask.item == item) & (ReviewTask.state == "open")))
    wanted = _next_stage(item, latest)
    for task in open_tasks:
        if wanted is None or task.version_id != latest.id or task.stage != wanted[0]:
            task.state = states.task_next(task.state, _closing_event(task, latest))
            task.save()
    if wanted is not None and not any(t.version_id == latest.id and t.stage == wanted[0] and t.state == "open"
                                      for t in open_tasks):
        ReviewTask.create(item=item, version=latest, stage=wanted[0], stage_role=wanted[1], section=item.section_id,
                          due_on=deadline_from(item.changed_at).isoformat())


def _closing_event(task: ReviewTask, latest: Version | None) -> str:
    """Why an open task closes after a pull: its stage was decided (mirrored decision), or
    its version is no longer the one under review (an edit or a newer version elsewhere)."""
    if latest is None or task.version_id != latest.id:
        return states.EDIT
    outcome = (Decision.select(Decision.outcome)
               .where((Decision.version == task.version_id) & (Decision.stage == task.stage)
                      & Decision.status.in_((states.D_RECORDED, states.D_AUTHORITATIVE)))
               .order_by(Decision.decided_at).scalar())
    if outcome == "approve":
        return states.APPROVE_STAGE
    return states.RETURN if outcome == "return" else states.EDIT


def _next_stage(item: Item, latest: Version | None) -> tuple[int, str] | None:
    if latest is None or item.state != "in_review" or latest.state != "in_review":
        return None
    roles = plan_of(latest, item.column)      # frozen with the version; its column's for one that came without
    approved = {d.stage for d in Decision.select().where((Decision.version == latest) & (Decision.outcome == "approve")
                                                          & (Decision.status.in_(("recorded", "authoritative"))))}
    stage = 1
    while stage in approved:
        stage += 1
    return (stage, roles[stage - 1]) if stage <= len(roles) else None
