"""Applying one op to the central database, inside the caller's short transaction.

Each function returns a result dict (stored in applied_ops, so a retried op gets the same
answer) and appends the rows it changed to `txn.changes` for the change log. A rule that
says no is a result with status "conflict", never an exception: one bad item must not
block the rest of the outbox. Decisions are ordered by commit, never by client clocks.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from peewee import Database
from playhouse.shortcuts import model_to_dict

from db.central.connect import dialect
from db.central.models import (
    DirColumn, DirColumnSection, DirSection, DirSectionLeader, DirUser, PubAttachment, PubItem, WfDecision,
    WfItem, WfVersion,
)
from db.content import content_hash

APPLIED, CONFLICT = "applied", "conflict"


@dataclass
class Txn:
    db: Database
    now: str
    changes: list = field(default_factory=list)   # (entity, entity_id, op, payload dict)

    def changed(self, entity: str, entity_id: str, payload: dict, op: str = "upsert") -> None:
        self.changes.append((entity, entity_id, op, payload))

    def changed_row(self, entity: str, row) -> None:
        data = model_to_dict(row, recurse=False)
        self.changed(entity, str(row.get_id() if not isinstance(row.get_id(), tuple) else "/".join(row.get_id())), data)


def conflict(kind: str, message: str, english: str, theirs: dict | None = None, **extra) -> dict:
    return {"status": CONFLICT, "kind": kind, "message": message, "english": english,
            "theirs": theirs or {}, **extra}


def _locked_item(txn: Txn, item_id: str) -> WfItem | None:
    query = WfItem.select().where(WfItem.id == item_id)
    if dialect(txn.db) != "sqlite":
        query = query.for_update()
    return query.first()


# ---------------------------------------------------------------- submissions

def apply_submit(txn: Txn, snap: dict) -> dict:
    item_data, version_data = snap["item"], snap["version"]
    item = _locked_item(txn, item_data["id"]) or _new_item(txn, item_data)
    if WfVersion.get_or_none(WfVersion.id == version_data["id"]) is not None:
        return {"status": APPLIED, "note": "version already known"}
    if item.state == "withdrawn":
        return conflict("withdrawn", "该信息已在网站数据库中撤稿，此次修改未提交", "The item was withdrawn centrally; this edit was not submitted",
                        {"state": item.state})
    taken = WfVersion.get_or_none((WfVersion.item_id == item.id) & (WfVersion.number == version_data["number"]))
    if taken is not None or version_data["number"] <= item.latest_version_no:
        return conflict("race", f"其他工作站已先提交了第{item.latest_version_no}版，此版本未提交",
                        f"Another workstation submitted version {item.latest_version_no} first; this one was not submitted",
                        {"latest_version_no": item.latest_version_no})
    if content_hash(json.loads(version_data["content"])) != version_data["content_hash"]:
        return conflict("rejected", "版本内容与其校验值不符，未提交", "The version content does not match its hash")
    for old in WfVersion.select().where((WfVersion.item_id == item.id) & (WfVersion.state.in_(("in_review", "held")))):
        old.state = "stale"
        old.save()
        txn.changed_row("version", old)
    version = WfVersion.create(state="in_review", **version_data)
    item.latest_version_no, item.state, item.return_reason, item.updated_at = version.number, "in_review", "", txn.now
    if item_data.get("index_no"):
        item.index_no = item_data["index_no"]
    item.save()
    txn.changed_row("item", item)
    txn.changed_row("version", version)
    return {"status": APPLIED, "version": version.number}


def _new_item(txn: Txn, data: dict) -> WfItem:
    return WfItem.create(id=data["id"], section_id=data["section_id"], column_id=data["column_id"],
                         state="in_review", index_no=data.get("index_no"), created_by=data["created_by"],
                         created_at=data["created_at"], latest_version_no=0, return_reason="", updated_at=txn.now)


# ---------------------------------------------------------------- decisions

PENDING = ("in_review", "held")


def apply_stale(txn: Txn, snap: dict) -> dict:
    """An edit took a version out of review on its workstation: nobody may approve it any more."""
    version = WfVersion.get_or_none(WfVersion.id == snap["version_id"])
    item = _locked_item(txn, snap["item_id"])
    if version is None or item is None or version.state not in PENDING:
        return {"status": APPLIED, "note": "nothing pending to take out of review"}
    version.state = "stale"
    version.save()
    txn.changed_row("version", version)
    if item.latest_version_no == version.number and item.state in ("in_review", "approved"):
        item.state, item.updated_at = "draft", txn.now
        item.save()
        txn.changed_row("item", item)
    return {"status": APPLIED}


def decision_status(item: WfItem, version: WfVersion, data: dict) -> tuple[str, str]:
    """(status, conflict kind) of a decision arriving now; the first to commit stands."""
    if version.number < item.latest_version_no or version.state == "stale":
        return "stale", "stale"
    if item.state == "withdrawn":
        return "stale", "withdrawn"
    standing = _standing(version, data["stage"])
    if standing is not None:
        return "superseded", "superseded" if standing.outcome == data["outcome"] else "race"
    if version.state not in PENDING or data["stage"] > 1 and not _approved_below(version, data["stage"]):
        return "superseded", "race"
    return "authoritative", ""


def _standing(version: WfVersion, stage: int) -> WfDecision | None:
    return (WfDecision.select().where((WfDecision.version_id == version.id) & (WfDecision.stage == stage)
                                      & (WfDecision.status == "authoritative")).first())


def _approved_below(version: WfVersion, stage: int) -> bool:
    standing = _standing(version, stage - 1)
    return standing is not None and standing.outcome == "approve"


def apply_decision(txn: Txn, snap: dict, publisher) -> dict:
    data = snap["decision"]
    item = _locked_item(txn, data["item_id"])
    version = WfVersion.get_or_none(WfVersion.id == data["version_id"])
    if item is None or version is None:
        return conflict("rejected", "所审核的版本尚未到达网站数据库，审批意见未能生效",
                        "The version decided on has not reached the site database")
    if version.content_hash != data["content_hash"] or version.number != data["version_no"]:
        return conflict("rejected", "审批意见与版本内容不符（校验值不同），未生效",
                        "The decision does not match the version's content hash")
    if WfDecision.get_or_none(WfDecision.id == data["id"]) is not None:
        return {"status": APPLIED, "note": "decision already recorded"}
    status, kind = decision_status(item, version, data)
    decision = WfDecision.create(recorded_at=txn.now, status=status, **data)
    txn.changed_row("decision", decision)
    if status != "authoritative":
        return _decision_conflict(kind, item, version, data)
    published = _take_effect(txn, item, version, decision, snap, publisher)
    return {"status": APPLIED, "decision_status": status, "published": published}


def _decision_conflict(kind: str, item: WfItem, version: WfVersion, data: dict) -> dict:
    standing = _standing(version, data["stage"])
    theirs = {"item_state": item.state, "latest_version_no": item.latest_version_no,
              "version_state": version.state}
    if standing is not None:
        theirs.update({"decision_id": standing.id, "decider_id": standing.decider_id, "outcome": standing.outcome,
                       "decided_at": standing.decided_at, "comment": standing.comment})
    messages = {
        "stale": (f"您审批的是第{version.number}版，但该版本已失效（已有更新的第{item.latest_version_no}版或已被修改），此意见未生效，未发布任何内容",
                  f"You decided on version {version.number}, which is no longer under review (latest: "
                  f"{item.latest_version_no}); the decision is stale and nothing was published"),
        "withdrawn": ("该信息已撤稿，此审批意见未生效", "The item was withdrawn; the decision did not take effect"),
        "superseded": ("另一位领导已先对同一版本作出相同决定，您的意见记为“已被取代”",
                       "Another leader made the same decision on this version first; yours is recorded as superseded"),
        "race": ("另一位审核人已先对同一版本作出不同决定（先提交者生效），您的意见未生效",
                 "Another reviewer decided differently on this version first (the first commit wins); yours did not take effect"),
    }
    zh, en = messages[kind]
    return conflict(kind, zh, en, theirs, decision_status="stale" if kind in ("stale", "withdrawn") else "superseded")


def _take_effect(txn: Txn, item: WfItem, version: WfVersion, decision: WfDecision, snap: dict, publisher) -> bool:
    if decision.outcome == "return":
        version.state, item.state, item.return_reason = "returned", "returned", decision.comment
    elif decision.is_final and snap.get("held_for"):
        version.state, item.state = "held", "approved"    # waits for its policy/interpretation partner
    elif decision.is_final:
        _go_out(txn, item, version, decision, publisher)
        for partner_version_id in snap.get("release", []):
            if partner_version_id != version.id:
                _release_partner(txn, partner_version_id, publisher)
    item.updated_at = txn.now
    version.save()
    item.save()
    txn.changed_row("version", version)
    txn.changed_row("item", item)
    return decision.outcome == "approve" and bool(decision.is_final) and not snap.get("held_for")


def _go_out(txn: Txn, item: WfItem, version: WfVersion, decision: WfDecision, publisher) -> None:
    """Publish (or, for a 撤稿 request, take down) exactly the approved version."""
    if version.purpose == "withdraw":
        publisher.withdraw(txn, decision)
        _retire_live(txn, item, version, "withdrawn")
        version.state, item.state, item.published_version_no, item.published_at = "withdrawn", "withdrawn", None, None
        txn.changed("publication", item.id, {"item_id": item.id, "version_no": version.number,
                                              "content_hash": version.content_hash}, op="delete")
        return
    publisher.publish(txn, decision, version)
    _retire_live(txn, item, version, "replaced")
    version.state, item.state = "published", "published"
    item.published_version_no, item.published_at = version.number, txn.now
    txn.changed("publication", item.id, {"item_id": item.id, "version_no": version.number,
                                          "content_hash": version.content_hash, "published_at": txn.now})


def _release_partner(txn: Txn, version_id: str, publisher) -> None:
    version = WfVersion.get_or_none(WfVersion.id == version_id)
    if version is None or version.state != "held":
        return
    item = _locked_item(txn, version.item_id)
    approval = (WfDecision.select().where((WfDecision.version_id == version.id) & (WfDecision.outcome == "approve")
                                          & (WfDecision.is_final == 1) & (WfDecision.status == "authoritative")).first())
    if approval is None:
        return
    _go_out(txn, item, version, approval, publisher)
    item.updated_at = txn.now
    version.save()
    item.save()
    txn.changed_row("version", version)
    txn.changed_row("item", item)


def _retire_live(txn: Txn, item: WfItem, version: WfVersion, new_state: str) -> None:
    for old in WfVersion.select().where((WfVersion.item_id == item.id) & (WfVersion.state == "published")
                                        & (WfVersion.id != version.id)):
        old.state = new_state
        old.save()
        txn.changed_row("version", old)


# ---------------------------------------------------------------- directory

def apply_directory(txn: Txn, kind: str, row: dict) -> dict:
    row = dict(row)
    if kind == "directory.section":
        leaders = row.pop("leaders", [])
        _upsert(DirSection, row, txn)
        DirSectionLeader.delete().where(DirSectionLeader.section_id == row["id"]).execute()
        for leader in leaders:
            DirSectionLeader.insert(section_id=row["id"], leader_id=leader).execute()
        txn.changed("section", row["id"], {**row, "leaders": leaders})
    elif kind == "directory.column":
        sections = row.pop("sections", [])
        _upsert(DirColumn, row, txn)
        DirColumnSection.delete().where(DirColumnSection.column_id == row["id"]).execute()
        for section in sections:
            DirColumnSection.insert(column_id=row["id"], section_id=section).execute()
        txn.changed("column", row["id"], {**row, "sections": sections})
    else:
        _upsert(DirUser, row, txn)
        txn.changed("user", row["id"], row)
    return {"status": APPLIED}


def _upsert(model, row: dict, txn: Txn) -> None:
    values = {**row, "updated_at": txn.now}
    if model.select().where(model.id == row["id"]).exists():
        model.update(**values).where(model.id == row["id"]).execute()
    else:
        model.insert(**values).execute()


def seed_directory(txn: Txn, snapshot: dict) -> int:
    """Insert directory rows the central database lacks; rows it has are left as they are."""
    added = 0
    for kind, rows in (("directory.section", snapshot["sections"]), ("directory.user", snapshot["users"]),
                       ("directory.column", snapshot["columns"])):
        model = {"directory.section": DirSection, "directory.user": DirUser, "directory.column": DirColumn}[kind]
        for row in rows:
            if not model.select().where(model.id == row["id"]).exists():
                apply_directory(txn, kind, row)
                added += 1
    return added


PUBLICATION_MODELS = (PubItem, PubAttachment)
