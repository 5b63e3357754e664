"""What a local outbox op means to the central database: a self-contained snapshot.

Outbox payloads name rows by id (see docs/workflow.md and db/directory.py); just before
pushing, the engine reads those rows so the central database gets every field it needs.
Versions and decisions are immutable, so reading them late changes nothing; directory
rows are sent as they are now (an administrator's last word wins).
"""
from __future__ import annotations

import json

from db.models import Column, ColumnSection, Decision, Item, Section, SectionLeader, User, Version

SUBMIT_KINDS = ("version.submit",)
STALE_KINDS = ("version.stale",)
DECISION_KINDS = ("decision.record",)


def item_row(item: Item) -> dict:
    return {"id": item.id, "section_id": item.section_id, "column_id": item.column_id,
            "index_no": item.index_no, "created_by": item.created_by_id, "created_at": item.created_at}


def version_row(version: Version) -> dict:
    return {"id": version.id, "item_id": version.item_id, "number": version.number,
            "purpose": version.purpose, "content": version.content, "content_hash": version.content_hash,
            "title": version.title, "created_by": version.created_by_id, "created_at": version.created_at}


def decision_row(decision: Decision, final: bool | None = None) -> dict:
    if final is None:
        stages = decision.item.column.stage_roles() or ["leader"]
        final = decision.stage >= len(stages)
    return {"id": decision.id, "item_id": decision.item_id, "version_id": decision.version_id,
            "version_no": decision.version_no, "content_hash": decision.content_hash,
            "stage": decision.stage, "is_final": 1 if final else 0, "outcome": decision.outcome,
            "comment": decision.comment, "decider_id": decision.decider_id,
            "on_behalf_of_id": decision.on_behalf_of_id, "decided_at": decision.decided_at}


def section_row(section: Section) -> dict:
    leaders = [link.leader_id for link in SectionLeader.select().where(SectionLeader.section == section)]
    return {"id": section.id, "code": section.code, "name": section.name, "sort_order": section.sort_order,
            "active": int(bool(section.active)), "leaders": sorted(leaders)}


def user_row(user: User) -> dict:
    return {"id": user.id, "username": user.username, "display_name": user.display_name, "role": user.role,
            "section_id": user.section_id, "password_hash": user.password_hash, "active": int(bool(user.active))}


def column_row(column: Column) -> dict:
    sections = [link.section_id for link in ColumnSection.select().where(ColumnSection.column == column)]
    return {"id": column.id, "code": column.code, "name": column.name, "parent_id": column.parent_id,
            "kind": column.kind, "accepts_items": int(bool(column.accepts_items)),
            "review_stages": column.review_stages, "sort_order": column.sort_order,
            "active": int(bool(column.active)), "sections": sorted(sections)}


DIRECTORY_READERS = {"directory.section": (Section, section_row), "directory.user": (User, user_row),
                     "directory.column": (Column, column_row)}


def snapshot(kind: str, payload_text: str) -> dict | None:
    """The central payload of an op, or None when the rows it names no longer exist here."""
    payload = json.loads(payload_text)
    if kind in SUBMIT_KINDS:
        version = Version.get_or_none(Version.id == payload["version_id"])
        if version is None:
            return None
        return {"item": item_row(version.item), "version": version_row(version)}
    if kind in DECISION_KINDS:
        decision = Decision.get_or_none(Decision.id == (payload.get("decision_id") or payload.get("id")))
        if decision is None:
            return None
        return {"decision": decision_row(decision, payload.get("final")),
                "held_for": payload.get("held_for", ""),
                "release": [ref["version_id"] for ref in payload.get("release", [])]}
    if kind in STALE_KINDS:
        return {"version_id": payload["version_id"], "item_id": payload["item_id"]}
    if kind in DIRECTORY_READERS:
        model, reader = DIRECTORY_READERS[kind]
        row = model.get_or_none(model.id == payload["id"])
        return None if row is None else {"row": reader(row)}
    return {"payload": payload}


def directory_snapshot() -> dict:
    """The whole local directory, for seeding an empty central directory (site-init)."""
    columns = sorted(Column.select(), key=lambda c: (c.parent_id is not None, c.sort_order))
    return {"sections": [section_row(s) for s in Section.select()],
            "users": [user_row(u) for u in User.select()],
            "columns": [column_row(c) for c in columns]}


def item_ids_of(kind: str, payload_text: str) -> str:
    payload = json.loads(payload_text)
    return payload.get("item_id", "") if kind in SUBMIT_KINDS + DECISION_KINDS + STALE_KINDS else ""
