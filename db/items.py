"""Drafting: create, save (with history), discard and submit items.

Every function takes the acting user and checks what that user may do here, in the data
layer; the desktop only hides what would be refused anyway.
"""
from __future__ import annotations

import json
from itertools import takewhile

from db import audit, clock, content, guides, metadata, search, settings
from db.database import database
from db.errors import InvalidState, NotFound, PermissionDenied
from db.models import Attachment, Column, Item, Revision, Section, User, Version
from db.richtext import clean_html, to_text
from db.workflow import rows

DRAFTING_ROLES = ("drafter", "section_head")
EDITABLE_FIELDS = ("title", "body_html", "publisher", "doc_no", "topic", "written_on",
                   "validity", "disclosure", "secrecy", "summary")
EDITABLE_STATES = ("draft", "returned", "in_review", "approved", "published")
# What a change to the working copy may touch (written back by mark_changed).
CHANGED_FIELDS = EDITABLE_FIELDS + ("body_text", "guide_json", "related", "state", "updated_by", "updated_at",
                                    "changed_at", "edit_count")

# Plain SQL on the drafting path: peewee's query builder costs more than these take to run.
OPEN_TO_SQL = ('SELECT NOT EXISTS (SELECT 1 FROM "column_section" WHERE "column_id" = ?) '
               'OR EXISTS (SELECT 1 FROM "column_section" WHERE "column_id" = ? AND "section_id" = ?)')
ITEM_AT_HAND_SQL = (f'SELECT {rows.columns(Item, "i")}, {rows.columns(Column, "c")}, {rows.columns(Section, "s")} '
                    'FROM "item" i JOIN "column" c ON c."id" = i."column_id" '
                    'JOIN "section" s ON s."id" = i."section_id" WHERE i."id" = ?')
SECTION_AND_ORG_SQL = (f'SELECT {rows.columns(Section)}, (SELECT "value" FROM "setting" WHERE "key" = \'org_name\') '
                       'FROM "section" WHERE "id" = ?')
ATTACHMENTS_WHERE = '"item_id" = ? AND "removed_at" IS NULL ORDER BY "added_at", "filename"'
LAST_REVISION_WHERE = '"item_id" = ? ORDER BY "id" DESC'


def column_open_to(column: Column, section_id: str) -> bool:
    """Sections listed on a column may publish into it; a column listing none is open to all."""
    return bool(database.execute_sql(OPEN_TO_SQL, (column.id, column.id, section_id)).fetchone()[0])


def require_drafter_of(user: User, column: Column, section_id: str) -> None:
    require_section_drafter(user, section_id)
    if not column.accepts_items or not column.active:
        raise PermissionDenied(f"栏目“{column.name}”不接收信息", f"The column {column.name} takes no items")
    if not column_open_to(column, section_id):
        raise PermissionDenied(f"栏目“{column.name}”不属于本科室，不能向其提交信息",
                               f"The column {column.name} belongs to another section")


def require_section_drafter(user: User, section_id: str) -> None:
    """The user drafts for this section (whatever the column)."""
    if user.role not in DRAFTING_ROLES or not user.active:
        raise PermissionDenied("只有科室信息员或科室负责人可以起草信息",
                               "Only drafters and section heads draft items")
    if user.section_id != section_id:
        raise PermissionDenied("只能为本科室起草和提交信息", "You can only draft for your own section")


def may_move(item: Item) -> bool:
    """A draft that was never submitted may change its column; anything submitted keeps it."""
    return item.state == "draft" and not item.latest_version_no


def move_draft(user: User, item: Item, column: Column) -> Item:
    """Put a never-submitted draft of the user's section into another column the user may
    draft in: how a drafter rescues a draft whose column stopped taking items. Only into a
    column of the same kind: a guide's structure or a policy's bundle has no place elsewhere.
    The move is saved like an explicit save (history entry, audit event)."""
    require_section_drafter(user, item.section_id)
    require_drafter_of(user, column, item.section_id)
    with database.atomic():
        item = get_item(item.id)
        if not may_move(item):
            raise InvalidState("只有从未提交过的草稿可以移到其他栏目",
                               "Only a draft that was never submitted can move to another column")
        if item.column.kind != column.kind:
            raise InvalidState("只能移到同一类型的栏目", "A draft can move only to a column of the same kind")
        if item.column_id == column.id:
            return item
        before = item.column.code
        item.column = column
        rows.update(item, "column")
        mark_changed(user, item)
        keep_revision(user, item, autosave=False)
        audit.record(user, "item_moved", "item", item.id, {"from": before, "to": column.code})
    return item


def get_item(item_id: str) -> Item:
    item = item_at_hand(item_id)
    if item is None:
        raise NotFound("找不到该信息，可能已被删除", "The item no longer exists")
    return item


def item_at_hand(item_id: str) -> Item | None:
    """The item row as it is now, its column and section already loaded (one statement:
    `item.column` and `item.section` would each query again)."""
    row = database.execute_sql(ITEM_AT_HAND_SQL, (item_id,)).fetchone()
    if row is None:
        return None
    split, end = rows.width(Item), rows.width(Item) + rows.width(Column)
    item = rows.build(Item, row[:split])
    item.__rel__["column"], item.__rel__["section"] = rows.build(Column, row[split:end]), rows.build(Section, row[end:])
    return item


def current_attachments(item: Item) -> list[Attachment]:
    """The working copy's attachments, in the order content.item_content lists them from."""
    return rows.many(Attachment, ATTACHMENTS_WHERE, item.id)


def create_item(user: User, column: Column, fields: dict | None = None, autosave: bool = False) -> Item:
    """A new draft; with `autosave` its first history entry counts as an autosave, not a save."""
    require_drafter_of(user, column, user.section_id)
    with database.atomic(), audit.appending():
        row = database.execute_sql(SECTION_AND_ORG_SQL, (user.section_id,)).fetchone()
        org_name = json.loads(row[-1]) if row[-1] is not None else settings.DEFAULTS.get("org_name")
        item = Item(section=rows.build(Section, row[:-1]), column=column, created_by=user, updated_by=user,
                    publisher=org_name or "",
                    guide_json=json.dumps(guides.empty_guide(), ensure_ascii=False) if column.kind == "guide" else None)
        if fields and "related_id" not in fields:
            # One INSERT of the finished row instead of an INSERT and an UPDATE: the same
            # row, index entry, history and audit events as creating and then saving.
            _apply_fields(item, fields)
            _stamp_change(user, item)
        rows.insert(item)
        search.index_new_item(item.id, _search_text(item))
        audit.record(user, "item_created", "item", item.id, {"column": column.code})
        if fields and "related_id" in fields:
            _apply_and_keep(user, item, fields, autosave=autosave)
        elif fields:
            _keep(user, item, autosave, new=True)
    return item


def save_item(user: User, item: Item, fields: dict, autosave: bool = False) -> Item:
    """Store the working copy. Drafts may be incomplete; submission checks completeness."""
    require_drafter_of(user, item.column, item.section_id)
    with database.atomic():
        item = begin_change(user, item)
        _apply_and_keep(user, item, fields, autosave)
    return item


def begin_change(user: User, item: Item) -> Item:
    """The fresh row, made ready for a change to its working copy (call inside a transaction).

    Changing an item under review takes that version out of review (its pending decisions
    become stale); changing a published item starts a working copy while the published
    version stays live.
    """
    from db.workflow import working_copy   # the state machine lives in db.workflow
    item = item_at_hand(item.id)
    if item is None:
        raise NotFound("找不到该信息，可能已被删除", "The item no longer exists")
    working_copy.begin_edit(user, item)
    return item


def _apply_and_keep(user: User, item: Item, fields: dict, autosave: bool) -> None:
    old_text = _search_text(item)
    _apply_fields(item, fields)
    if "related_id" in fields:
        from db.workflow import bundles   # keeps the policy ⇄ interpretation link two-way
        bundles.relink(user, item, fields["related_id"])
    mark_changed(user, item)
    search.reindex_item(item.id, _search_text(item), old_text)
    _keep(user, item, autosave)


def _keep(user: User, item: Item, autosave: bool, new: bool = False) -> None:
    keep_revision(user, item, autosave, new=new)
    if not autosave:
        audit.record(user, "item_saved", "item", item.id, {"edit": item.edit_count})


def mark_changed(user: User, item: Item) -> None:
    """Stamp a change of the working copy and write its fields back."""
    _stamp_change(user, item)
    rows.update(item, *CHANGED_FIELDS)


def _stamp_change(user: User, item: Item) -> None:
    now = clock.now()
    item.updated_by, item.updated_at, item.changed_at = user, now, now
    item.edit_count += 1


def _apply_fields(item: Item, fields: dict) -> None:
    for name in EDITABLE_FIELDS:
        if name in fields:
            setattr(item, name, str(fields[name] or "").strip() if name != "body_html" else fields[name] or "")
    if "body_html" in fields:
        item.body_html = clean_html(item.body_html)
        item.body_text = to_text(item.body_html)
    if "guide" in fields and fields["guide"] is not None:
        item.guide_json = json.dumps(guides.normalise(fields["guide"]), ensure_ascii=False)


def keep_revision(user: User, item: Item, autosave: bool, new: bool = False) -> None:
    """History of saves. Consecutive autosaves by one user collapse into one row; explicit
    saves add one. Another user's autosave never overwrites a row: who saved is what makes
    an author of the next version (db.workflow.authorship).
    `new`: the item was created in this transaction (no history, no attachments yet)."""
    attachments = [] if new else current_attachments(item)
    snapshot = content.canonical_json(content.item_content(item, attachments))
    last = None if new else rows.one(Revision, LAST_REVISION_WHERE, item.id)
    if last is not None and last.autosave and last.saved_by_id == user.id:
        last.content, last.saved_at, last.saved_by, last.autosave = snapshot, clock.now(), user, autosave
        rows.update(last, "content", "saved_at", "saved_by", "autosave")
    else:
        rows.insert(Revision(item=item, saved_by=user, content=snapshot, autosave=autosave))


def _search_text(item: Item) -> str:
    return search.searchable_text(item.title, item.summary, item.doc_no, item.index_no or "", item.body_text)


def discard_draft(user: User, item: Item) -> None:
    """Delete a draft that was never submitted. Anything ever submitted is kept for good."""
    require_drafter_of(user, item.column, item.section_id)
    with database.atomic():
        item = Item.get_by_id(item.id)
        if item.latest_version_no or item.state not in ("draft", "returned"):
            raise InvalidState("已提交过审核的信息不能删除", "Items that were ever submitted cannot be deleted")
        search.remove_item(item.id, _search_text(item))
        Item.update(related=None).where(Item.related == item).execute()
        item.delete_instance(recursive=True)
        audit.record(user, "item_discarded", "item", item.id, {"title": item.title})


def draftable_columns(user: User) -> list[Column]:
    """The columns this user may create items in, in tree order (parents before children)."""
    if user.role not in DRAFTING_ROLES or not user.active or not user.section_id:
        return []
    rows = list(Column.select().where(Column.active).order_by(Column.sort_order, Column.name))
    open_to = {c.id for c in rows if c.accepts_items and column_open_to(c, user.section_id)}
    children: dict[str | None, list[Column]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row)
    ordered: list[Column] = []

    def walk(parent_id: str | None) -> None:
        for row in children.get(parent_id, []):
            if row.id in open_to:
                ordered.append(row)
            walk(row.id)
    walk(None)
    return ordered


def fields_from_content(frozen: dict) -> dict:
    """The editable fields of a saved content dict (a revision or version), for save_item."""
    meta = frozen.get("meta") or {}
    fields = {name: meta.get(name, "") for name in EDITABLE_FIELDS if name in meta}
    fields["title"] = frozen.get("title", "")
    fields["body_html"] = frozen.get("body_html", "")
    if frozen.get("guide") is not None:
        fields["guide"] = frozen["guide"]
    return fields


def has_unsaved_autosave(item: Item) -> bool:
    """True when the newest history entry is an autosave: changes not yet saved on purpose."""
    last = Revision.select(Revision.autosave).where(Revision.item == item).order_by(Revision.id.desc()).first()
    return bool(last and last.autosave)


def revert_to_last_save(user: User, item: Item) -> Item | None:
    """Throw away autosaved changes made since the last explicit save.

    The working copy gets that save's content back and the autosave entries go; a new item
    that was only ever autosaved is deleted like any unsubmitted draft. Returns the item,
    or None when it was deleted. Attachments are explicit saves of their own, so they stay.
    """
    require_drafter_of(user, item.column, item.section_id)
    with database.atomic():
        item = Item.get_by_id(item.id)
        history = list(Revision.select().where(Revision.item == item).order_by(Revision.id.desc()))
        trailing = [r.id for r in takewhile(lambda r: r.autosave, history)]
        if not trailing:
            return item
        kept = next((r for r in history if not r.autosave), None)
        if kept is None:
            discard_draft(user, item)
            return None
        if item.state not in ("draft", "returned"):
            raise InvalidState("此信息当前不能还原", "This item cannot be reverted now")
        old_text = _search_text(item)
        _apply_fields(item, fields_from_content(content.loads(kept.content)))
        mark_changed(user, item)
        search.reindex_item(item.id, _search_text(item), old_text)
        Revision.delete().where(Revision.id.in_(trailing)).execute()
        audit.record(user, "item_reverted", "item", item.id, {"to_revision": kept.id})
    return item


def submission_fields(item: Item, attachments: list[Attachment] | None = None) -> dict:
    """The fields submission judges; `attachments` are the current ones when already at hand."""
    fields = {name: getattr(item, name) for name in EDITABLE_FIELDS}
    fields["body_text"] = item.body_text
    fields["has_attachments"] = bool(attachments) if attachments is not None else Attachment.current_of(item).exists()
    return fields


def submission_problems(item: Item, attachments: list[Attachment] | None = None) -> dict[str, tuple[str, str]]:
    problems = metadata.submission_problems(submission_fields(item, attachments), item.column.kind)
    if item.column.kind == "guide":
        for problem in guides.validate(json.loads(item.guide_json or "{}")):
            problems.setdefault(f"guide.{problem.element}", (problem.message, problem.english))
    return problems


def submit(user: User, item: Item, note: str = "") -> Version:
    """Freeze the working copy as a new immutable version and put it into the review queue.

    The review workflow (stages, bundles, outbox) lives in db.workflow.submission."""
    from db.workflow import submission
    return submission.submit(user, item, note)
