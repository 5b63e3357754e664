"""Applying a page of central change-log entries to the local tables (inside the pull's transaction).

Other workstations' submissions and decisions become ordinary local rows, so they appear
in queues and lists. The local rows a page names are read in one statement per table and
entries that change nothing are passed over, so pulling back what this workstation just
pushed costs little. Publication goes through the workflow's own functions
(db.workflow.publication: mark_published, mark_withdrawn, set_decision_status), so the
state machine's rules hold and the local audit trail records 'published', 'withdrawn' and
decision verdicts. A working copy with edits made here and not yet submitted is never
overwritten. Tombstones for rows this profile never had are no-ops.

A page is applied by kind, in this order: directory, items, versions, publications,
decisions, relayed ops. Within a kind, entries keep commit order.
"""
from __future__ import annotations

import json

from db import search
from db.database import database
from db.errors import InvalidState
from db.models import Column, ColumnSection, Decision, Item, ReviewTask, Section, SectionLeader, User, Version
from db.sync import index_numbers, rekey, relay, settle
from db.sync.central_sql import select_in
from db.sync.conflicts import record_pull_conflict
from db.workflow import publication, rows, states

AFTER_PUBLICATION = ("published", "replaced", "withdrawn")
CLASH_SQL = 'SELECT "id" FROM "version" WHERE "item_id" = ? AND "number" = ? AND "id" <> ?'
KINDS = ("section", "user", "column", "item", "version", "publication", "decision")


def local_rows(sql: str, keys) -> dict:
    keys = sorted(set(keys))
    found = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        for row in database.execute_sql(sql.format(marks=", ".join("?" * len(chunk))), chunk):
            found[row[0]] = row
    return found


class Mirror:
    def __init__(self, central):
        self.central = central
        self.touched_items: set[str] = set()      # items whose local rows changed
        self.new_versions: set[str] = set()       # items whose working copy may follow a new version
        self.fresh_items: set[str] = set()        # items new to this profile in this page
        self.kept_edits: set[str] = set()         # withdrawn elsewhere while edited here: hands off
        self._directory: dict[str, set[str]] = {}
        self.wanted_blobs: set[str] = set()
        self.relayed = 0

    def apply_page(self, rows: list) -> None:
        groups: dict[str, list] = {kind: [] for kind in KINDS}
        relayed = []
        for entity, entity_id, op, payload_text in rows:
            payload = json.loads(payload_text)
            if entity in groups:
                groups[entity].append((entity_id, op, payload))
            else:
                relayed.append(payload)
        for entity in ("section", "user", "column"):
            for entity_id, _op, payload in groups[entity]:
                getattr(self, f"_{entity}")(entity_id, payload)
        for entity_id, _op, payload in groups["section"]:      # once the users have their central ids
            _link_leaders(entity_id, payload.get("leaders", []))
        for entity_id, _op, payload in groups["column"]:
            _link_sections(entity_id, payload.get("sections", []))
        self._items(groups["item"])
        self._versions(groups["version"])
        self._publications(groups["publication"])
        self._decisions(groups["decision"])
        if relayed:
            self.relayed += relay.apply_entries(relayed)
        self._settle()

    # ------------------------------------------------------------ directory
    def _section(self, entity_id, row):
        rekey.adopt_central_id("section", entity_id, row["code"])
        _upsert(Section, entity_id, {k: row[k] for k in ("code", "name", "sort_order", "active")})

    def _user(self, entity_id, row):
        rekey.adopt_central_id("user", entity_id, row["username"])
        section = row.get("section_id") if Section.select().where(Section.id == row.get("section_id")).exists() else None
        _upsert(User, entity_id, {"username": row["username"], "display_name": row["display_name"],
                                  "role": row["role"], "section": section, "password_hash": row["password_hash"],
                                  "active": bool(row["active"])})

    def _column(self, entity_id, row):
        rekey.adopt_central_id("column", entity_id, row["code"])
        parent = row.get("parent_id") if Column.select().where(Column.id == row.get("parent_id")).exists() else None
        _upsert(Column, entity_id, {"code": row["code"], "name": row["name"], "parent": parent, "kind": row["kind"],
                                    "accepts_items": bool(row["accepts_items"]), "review_stages": row["review_stages"],
                                    "sort_order": row["sort_order"], "active": bool(row["active"])})

    # ------------------------------------------------------------ items
    def _items(self, entries: list) -> None:
        latest = {entity_id: row for entity_id, _op, row in entries}      # the last word per item
        if not latest:
            return
        known = local_rows(ITEM_FACTS_SQL, latest)
        # Numbers that move aside: still provisional here, or changing in this very page.
        movable = index_numbers.provisional_item_ids() | {
            item_id for item_id, row in latest.items()
            if item_id in known and row.get("index_no") and row["index_no"] != known[item_id][4]}
        for item_id, row in latest.items():           # items known here first: they free numbers
            if item_id in known and not _nothing_to_follow(known[item_id], row) \
                    and self._follow_item(Item.get_by_id(item_id), row, movable):
                self.touched_items.add(item_id)
        for item_id, row in latest.items():
            if item_id not in known:
                self._new_item(row, movable)

    def _new_item(self, row: dict, movable: set) -> None:
        needed = (("section", row["section_id"]), ("column", row["column_id"]), ("user", row["created_by"]))
        if not all(key in self._directory_ids(table) for table, key in needed):
            record_pull_conflict("directory", row["id"], "收到的信息引用了本机没有的科室、栏目或用户，暂未显示",
                                 "A pulled item names a section, column or user this profile lacks", row)
            return
        state = row["state"] if row["state"] not in ("published", "withdrawn") else states.APPROVED
        rows.insert(Item(id=row["id"], section=row["section_id"], column=row["column_id"], created_by=row["created_by"],
                         created_at=row["created_at"], updated_at=row["updated_at"], changed_at=row["updated_at"],
                         state=state, latest_version_no=row["latest_version_no"], return_reason=row["return_reason"],
                         index_no=self._free_number(row["id"], row.get("index_no"), movable)))
        self.fresh_items.add(row["id"])
        self.touched_items.add(row["id"])

    def _directory_ids(self, table: str) -> set[str]:
        if table not in self._directory:
            self._directory[table] = {row[0] for row in database.execute_sql(f'SELECT "id" FROM "{table}"')}
        return self._directory[table]

    @staticmethod
    def _free_number(item_id: str, number: str | None, movable: set) -> str | None:
        """The central 索引号 for an item new here, moving a provisional holder aside."""
        holder = number and database.execute_sql('SELECT "id" FROM "item" WHERE "index_no" = ?', (number,)).fetchone()
        if not holder:
            return number
        if holder[0] in movable:
            _set_index_no(Item.get_by_id(holder[0]), None)
            return number
        record_pull_conflict("directory", item_id, f"索引号“{number}”在本机已被另一条信息使用",
                             f"The index number {number} is already used by another item here", {"index_no": number})
        return None

    def _follow_item(self, item: Item, row: dict, movable: set) -> bool:
        """Shared facts follow the central row; publication moves through _publications."""
        keep_local = settle.locally_edited(item)
        before = (item.latest_version_no, item.state, item.return_reason)
        item.latest_version_no = max(row["latest_version_no"], item.latest_version_no if keep_local else 0)
        if not keep_local and row["state"] not in ("published", "withdrawn"):
            item.state = _followed(states.follow_item, item.id, item.state, row["state"])
            item.return_reason = row["return_reason"]
        changed = (item.latest_version_no, item.state, item.return_reason) != before
        if changed:
            item.save(only=[Item.latest_version_no, Item.state, Item.return_reason])
        return self._take_index_no(item, row.get("index_no"), movable) or changed

    def _take_index_no(self, item: Item, number: str | None, movable: set) -> bool:
        """The central 索引号 is final: it replaces a provisional one (the drafter is told)."""
        if not number or number == item.index_no:
            return False
        holder = Item.get_or_none((Item.index_no == number) & (Item.id != item.id))
        if holder is not None and holder.id in movable:
            _set_index_no(holder, None)          # its own number will come when its submission is pushed
        was = item.index_no
        _set_index_no(item, number)
        if was and item.index_no == number:
            record_pull_conflict("index_no", item.id, f"索引号由暂定的“{was}”改为网站数据库分配的“{number}”"
                                 "（两台工作站离线时给出了同一个号）", f"The index number {was} was provisional; "
                                 f"the site database gave {number}", {"index_no": number},
                                 for_user=item.created_by_id, title=item.title, mine={"index_no": was})
        return True

    # ------------------------------------------------------------ versions
    def _versions(self, entries: list) -> None:
        latest = {entity_id: row for entity_id, _op, row in entries}
        if not latest:
            return
        known = local_rows('SELECT "id", "state" FROM "version" WHERE "id" IN ({marks})', latest)
        fresh = [row for version_id, row in latest.items() if version_id not in known]
        present = set(local_rows('SELECT "id" FROM "item" WHERE "id" IN ({marks})', {r["item_id"] for r in fresh}))
        fresh = [row for row in fresh if row["item_id"] in present]
        contents = dict(select_in(self.central, "SELECT id, content FROM wf_version WHERE id IN ({marks})",
                                  [row["id"] for row in fresh]))
        for row in fresh:
            self._new_version(row, contents[row["id"]])
        for version_id, (_id, local_state) in known.items():
            wanted = _local_state(latest[version_id]["state"], local_state)
            wanted = _followed(states.follow_version, latest[version_id]["item_id"], local_state, wanted)
            if wanted != local_state:
                Version.update(state=wanted).where(Version.id == version_id).execute()
                self.touched_items.add(latest[version_id]["item_id"])

    def _new_version(self, row: dict, content_text: str) -> None:
        clash = database.execute_sql(CLASH_SQL, (row["item_id"], row["number"], row["id"])).fetchone()
        if clash is not None:
            _drop_local_loser(Version.get_by_id(clash[0]))
        rows.insert(Version(id=row["id"], item=row["item_id"], number=row["number"], purpose=row["purpose"],
                            content=content_text, content_hash=row["content_hash"], title=row["title"],
                            state=_local_state(row["state"], None), created_by=row["created_by"],
                            created_at=row["created_at"]))
        self.wanted_blobs.update(a["sha256"] for a in json.loads(content_text).get("attachments", []))
        self.touched_items.add(row["item_id"])
        self.new_versions.add(row["item_id"])

    # ------------------------------------------------------------ publication
    def _publications(self, entries: list) -> None:
        """Publications and withdrawals, in commit order, through db.workflow.publication."""
        if not entries:
            return
        versions = {(row[0], row[1]): row for row in database.execute_sql(
            PUBLISHED_SQL.format(marks=", ".join("?" * len({e[0] for e in entries}))), sorted({e[0] for e in entries}))}
        run: list[tuple] = []
        for item_id, op, row in entries:
            found = versions.get((item_id, row.get("version_no")))
            if found is None or found[4] != row.get("content_hash") or found[3] in AFTER_PUBLICATION:
                continue     # a tombstone of something this profile never had, or done here already
            _ready_for_publication(*found[:4], item_state=found[5], latest=found[6])
            self.touched_items.add(item_id)
            if op == "delete":
                publication.mark_published_many(run)
                run = []
                self._keep_edits_of_withdrawn(item_id)
                publication.mark_withdrawn(item_id, found[1], found[4])
            else:
                run.append((item_id, found[1], found[4], row.get("published_at")))
        publication.mark_published_many(run)

    def _keep_edits_of_withdrawn(self, item_id: str) -> None:
        """撤稿 made elsewhere while this working copy has unsubmitted edits: the edits stay
        (the item leaves review, its working copy is not replaced) and the editor is told."""
        item = Item.get_by_id(item_id)
        if not settle.locally_edited(item):
            return
        self.kept_edits.add(item_id)
        record_pull_conflict("withdrawn", item_id, "该信息已在其他工作站撤稿，您在本机尚未提交的修改保留在工作稿中，不会再发布",
                             "The item was withdrawn at another workstation; your unsubmitted edits stay in the "
                             "working copy and will not be published", {"state": "withdrawn"},
                             for_user=item.updated_by_id or item.created_by_id, title=item.title,
                             mine={"title": item.title})

    # ------------------------------------------------------------ decisions
    def _decisions(self, entries: list) -> None:
        latest = {entity_id: row for entity_id, _op, row in entries}
        if not latest:
            return
        known = local_rows('SELECT "id", "status" FROM "decision" WHERE "id" IN ({marks})', latest)
        versions = set(local_rows('SELECT "id" FROM "version" WHERE "id" IN ({marks})',
                                  {row["version_id"] for row in latest.values()}))
        for decision_id, row in latest.items():
            if decision_id in known:
                if known[decision_id][1] != row["status"]:
                    publication.set_decision_status(decision_id, row["status"], "site database")
                    self.touched_items.add(row["item_id"])
            elif row["version_id"] in versions:
                rows.insert(Decision(id=decision_id, item=row["item_id"], version=row["version_id"],
                                     version_no=row["version_no"], content_hash=row["content_hash"], stage=row["stage"],
                                     outcome=row["outcome"], comment=row["comment"], decider=row["decider_id"],
                                     on_behalf_of=row["on_behalf_of_id"], decided_at=row["decided_at"],
                                     status=row["status"]))
                self.touched_items.add(row["item_id"])

    # ------------------------------------------------------------ after a page
    def _settle(self) -> None:
        for item_id in sorted(self.fresh_items):
            settle.fill_new_item(item_id)
        for item in Item.select().where(Item.id.in_(sorted(self.new_versions - self.fresh_items - self.kept_edits))):
            settle.refresh_working_copy(item)
        for item in settle.items_needing_tasks(self.touched_items):
            settle.rebuild_tasks(item)
        self.new_versions, self.fresh_items = set(), set()


ITEM_FACTS_SQL = ('SELECT "id", "state", "latest_version_no", "return_reason", "index_no" FROM "item"'
                  ' WHERE "id" IN ({marks})')


def _nothing_to_follow(facts: tuple, row: dict) -> bool:
    """The central item row says nothing new about this item (most of a pull-back)."""
    _id, state, latest, reason, index_no = facts
    if state in ("draft", "returned") or latest != row["latest_version_no"]:
        return False            # a working copy to look at, or a new version number
    if row.get("index_no") and row["index_no"] != index_no:
        return False
    return row["state"] in ("published", "withdrawn") or (state, reason) == (row["state"], row["return_reason"])


def _followed(follow, item_id: str, local: str, decided: str) -> str:
    """The state decided centrally, through the state machine (db.workflow.states.follow_*);
    one it refuses keeps the local state and is recorded for people to look at, so one
    inconsistent row does not stop the pull."""
    try:
        return follow(local, decided)
    except InvalidState as refused:
        record_pull_conflict("state", item_id, str(refused), refused.english, {"state": decided}, mine={"state": local})
        return local


def _local_state(central: str, local: str | None) -> str:
    """A version's local state from the central one. What publication does to a version
    (published, replaced, withdrawn) happens here through mark_published / mark_withdrawn;
    until then the version waits as 'approved'."""
    if central not in AFTER_PUBLICATION:
        return central
    return local if local in AFTER_PUBLICATION else states.V_APPROVED


PUBLISHED_SQL = ('SELECT v."item_id", v."number", v."id", v."state", v."content_hash", i."state", i."latest_version_no"'
                 ' FROM "version" v JOIN "item" i ON i."id" = v."item_id" WHERE v."item_id" IN ({marks})')


def _ready_for_publication(item_id: str, number: int, version_id: str, version_state: str, item_state: str,
                           latest: int) -> None:
    """A final approval made on another workstation (or one that won a race against a return
    made here): the local rows catch up with it. A working copy edited here stays as it is."""
    if version_state != states.V_APPROVED:
        state = states.follow_version(version_state, states.V_APPROVED)
        Version.update(state=state).where(Version.id == version_id).execute()
    if latest == number and item_state in (states.IN_REVIEW, states.RETURNED):
        item = Item.get_by_id(item_id)
        if not settle.locally_edited(item):
            item.state = states.follow_item(item.state, states.APPROVED)
            item.save(only=[Item.state])


def _set_index_no(item: Item, number: str | None) -> None:
    old_text = search.searchable_text(item.title, item.summary, item.doc_no, item.index_no or "", item.body_text)
    item.index_no = number
    settle.save_with_index_no(item)
    search.reindex_item(item.id, search.searchable_text(item.title, item.summary, item.doc_no, item.index_no or "",
                                                        item.body_text), old_text)


def _link_leaders(section_id: str, leaders: list[str]) -> None:
    SectionLeader.delete().where(SectionLeader.section == section_id).execute()
    for leader in leaders:
        if User.select().where(User.id == leader).exists():
            SectionLeader.insert(section=section_id, leader=leader).on_conflict_ignore().execute()


def _link_sections(column_id: str, sections: list[str]) -> None:
    ColumnSection.delete().where(ColumnSection.column == column_id).execute()
    for section in sections:
        if Section.select().where(Section.id == section).exists():
            ColumnSection.insert(column=column_id, section=section).on_conflict_ignore().execute()


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
