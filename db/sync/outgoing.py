"""What local outbox ops mean to the central database: self-contained snapshots, a batch at a time.

Outbox payloads name rows by id (see docs/workflow.md and db/directory.py); just before
pushing, the engine reads those rows, a few statements per batch, so the central database
gets every field it needs. Versions and decisions are immutable, so reading them late
changes nothing; directory rows are sent as they are now (an administrator's last word
wins). Every other kind (代审, calendar days, word lists, overrides, card templates and
any kind added later) is relayed as it is: the central database only passes it on.
"""
from __future__ import annotations

import json
import re

from db import settings
from db.database import database
from db.models import Column, ColumnSection, Section, SectionLeader, User
from db.workflow.routing import roles_in

SUBMIT_KINDS = ("version.submit",)
STALE_KINDS = ("version.stale",)
DECISION_KINDS = ("decision.record",)
WORKFLOW_KINDS = SUBMIT_KINDS + STALE_KINDS + DECISION_KINDS
CHUNK = 500

VERSIONS_SQL = (
    'SELECT v."id", v."item_id", v."number", v."purpose", v."content", v."content_hash", v."title",'
    ' v."created_by_id", v."created_at", i."section_id", i."column_id", i."index_no", i."created_by_id",'
    ' i."created_at" FROM "version" v JOIN "item" i ON i."id" = v."item_id" WHERE v."id" IN ({marks})')
DECISIONS_SQL = (
    'SELECT d."id", d."item_id", d."version_id", d."version_no", d."content_hash", d."stage", d."outcome",'
    ' d."comment", d."decider_id", d."on_behalf_of_id", d."decided_at", c."review_stages"'
    ' FROM "decision" d JOIN "item" i ON i."id" = d."item_id" JOIN "column" c ON c."id" = i."column_id"'
    ' WHERE d."id" IN ({marks})')


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


def _local_rows(text: str, keys: list[str]) -> dict[str, tuple]:
    found = {}
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start:start + CHUNK]
        for row in database.execute_sql(text.format(marks=", ".join("?" * len(chunk))), chunk):
            found[row[0]] = row
    return found


def snapshots(ops: list, payloads: dict | None = None) -> dict[str, dict | None]:
    """op_id → the op's central payload, or None when the rows it names no longer exist here.
    `payloads` (op_id → parsed payload) when the caller has parsed them already."""
    payloads = payloads or {op.op_id: json.loads(op.payload) for op in ops}
    versions = _local_rows(VERSIONS_SQL, [payloads[op.op_id]["version_id"] for op in ops if op.kind in SUBMIT_KINDS])
    decisions = _local_rows(DECISIONS_SQL, [_decision_id(payloads[op.op_id]) for op in ops
                                            if op.kind in DECISION_KINDS])
    rule = index_rule() if versions else {}
    out = {}
    for op in ops:
        payload = payloads[op.op_id]
        if op.kind in SUBMIT_KINDS:
            row = versions.get(payload["version_id"])
            out[op.op_id] = None if row is None else _submit_snapshot(row, rule)
        elif op.kind in DECISION_KINDS:
            row = decisions.get(_decision_id(payload))
            out[op.op_id] = None if row is None else _decision_snapshot(row, payload)
        elif op.kind in STALE_KINDS:
            out[op.op_id] = {"version_id": payload["version_id"], "item_id": payload["item_id"]}
        elif op.kind in DIRECTORY_READERS:
            model, reader = DIRECTORY_READERS[op.kind]
            row = model.get_or_none(model.id == payload["id"])
            out[op.op_id] = None if row is None else {"row": reader(row)}
        else:
            out[op.op_id] = {"op_id": op.op_id, "kind": op.kind, "created_by": op.created_by, "payload": payload}
    return out


def snapshot(kind: str, payload_text: str, op_id: str = "", created_by: str = "") -> dict | None:
    """One op's snapshot (for conflict records)."""
    from types import SimpleNamespace
    op = SimpleNamespace(op_id=op_id or "one", kind=kind, payload=payload_text, created_by=created_by)
    return snapshots([op])[op.op_id]


SUBMIT_IDS = re.compile(r'"(item_id|version_id)":"([0-9a-f]{32})"')


def peek(op) -> dict:
    """The parts of an op's payload the push needs. A version.submit payload carries the whole
    content; its ids are read without parsing it (in canonical JSON only the payload's own
    keys can appear unescaped as `"item_id":"…"`)."""
    if op.kind in SUBMIT_KINDS:
        found = dict(SUBMIT_IDS.findall(op.payload))
        if len(found) == 2:
            return found
    return json.loads(op.payload)


def _decision_id(payload: dict) -> str:
    return payload.get("decision_id") or payload.get("id")


def _submit_snapshot(row: tuple, rule: dict) -> dict:
    (version_id, item_id, number, purpose, content, content_hash, title, author, created_at,
     section_id, column_id, index_no, item_author, item_created_at) = row
    return {"item": {"id": item_id, "section_id": section_id, "column_id": column_id, "index_no": index_no,
                     "created_by": item_author, "created_at": item_created_at},
            "version": {"id": version_id, "item_id": item_id, "number": number, "purpose": purpose,
                        "content_hash": content_hash, "title": title, "created_by": author, "created_at": created_at},
            "content": content, "index_rule": rule}


def _decision_snapshot(row: tuple, payload: dict) -> dict:
    (decision_id, item_id, version_id, version_no, content_hash, stage, outcome, comment, decider,
     on_behalf_of, decided_at, review_stages) = row
    final = payload.get("final")
    if final is None:
        final = stage >= len(roles_in(review_stages))
    return {"decision": {"id": decision_id, "item_id": item_id, "version_id": version_id, "version_no": version_no,
                         "content_hash": content_hash, "stage": stage, "is_final": 1 if final else 0,
                         "outcome": outcome, "comment": comment, "decider_id": decider,
                         "on_behalf_of_id": on_behalf_of, "decided_at": decided_at},
            "held_for": payload.get("held_for", ""),
            "release": [(ref["item_id"], ref["version_id"]) for ref in payload.get("release", [])]}


def index_rule() -> dict:
    """How this workstation makes 索引号, so the central counter can make the next one alike."""
    return {"template": settings.get("index_no_template"), "org_code": settings.get("org_code")}


def relay_key(snap: dict) -> str:
    payload = snap["payload"]
    key = payload.get("id") or payload.get("day") or payload.get("layout") or snap["op_id"]
    return f"{payload['list']}:{key}" if "list" in payload else str(key)


def directory_snapshot() -> dict:
    """The whole local directory, for seeding an empty central directory (site-init)."""
    columns = sorted(Column.select(), key=lambda c: (c.parent_id is not None, c.sort_order))
    return {"sections": [section_row(s) for s in Section.select()],
            "users": [user_row(u) for u in User.select()],
            "columns": [column_row(c) for c in columns]}


def item_ids_of(kind: str, payload: dict) -> list[str]:
    """The items a workflow op touches centrally (its own and the partners it releases)."""
    if kind not in WORKFLOW_KINDS:
        return []
    return [payload.get("item_id", "")] + [ref["item_id"] for ref in payload.get("release", [])]
