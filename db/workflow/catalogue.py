"""The outbox operations the workflow writes: kinds and payloads.

docs/workflow.md documents each one for the sync layer. Payloads are plain JSON; ids
are the client-generated UUID hex strings of the rows they describe; times are UTC
ISO-8601 strings from db.clock.
"""
from __future__ import annotations

import json

VERSION_SUBMIT = "version.submit"        # a version (publish / withdraw / abolish) enters review
VERSION_STALE = "version.stale"          # an edit took a version out of review
DECISION_RECORD = "decision.record"      # approve or return at one stage; may release versions
DELEGATION_SET = "delegation.set"
DELEGATION_REVOKE = "delegation.revoke"
CALENDAR_DAY = "calendar.day"            # a holiday or make-up working day set or cleared

KINDS = (VERSION_SUBMIT, VERSION_STALE, DECISION_RECORD, DELEGATION_SET, DELEGATION_REVOKE, CALENDAR_DAY)


def version_ref(version) -> dict:
    """How one version is named everywhere: the triple a decision is bound to."""
    return {"item_id": version.item_id, "version_id": version.id, "version_no": version.number,
            "hash": version.content_hash, "purpose": version.purpose}


def submit_payload(item, version, stages: list[str], due_on: str, frozen: dict | None = None,
                   skipped: list[str] | None = None) -> dict:
    """`frozen`: the version's content dict when at hand (it is what `version.content` holds).
    `stages`: the plan frozen with the version; `skipped`: stage roles it waived."""
    return {
        "item_id": item.id, "version_id": version.id, "number": version.number,
        "hash": version.content_hash, "purpose": version.purpose, "note": version.note,
        "content": frozen if frozen is not None else json.loads(version.content),
        "submitted_by": version.created_by_id, "submitted_at": version.created_at,
        "item": {"section_id": item.section_id, "column_id": item.column_id,
                 "created_by": item.created_by_id, "created_at": item.created_at,
                 "changed_at": item.changed_at, "index_no": item.index_no or "",
                 "related_id": item.related_id or ""},
        "stages": stages, "skipped": skipped or [], "due_on": due_on,
    }


def stale_payload(version) -> dict:
    return {**version_ref(version), "state": version.state}


def decision_payload(decision, stage_role: str, final: bool, released: list, held_for: str) -> dict:
    return {
        "decision_id": decision.id, "item_id": decision.item_id, "version_id": decision.version_id,
        "version_no": decision.version_no, "hash": decision.content_hash,
        "outcome": decision.outcome, "stage": decision.stage, "stage_role": stage_role,
        "final": final, "comment": decision.comment,
        "decider": decision.decider_id, "on_behalf_of": decision.on_behalf_of_id or "",
        "decided_at": decision.decided_at,
        "release": [version_ref(v) for v in released], "held_for": held_for,
    }


def delegation_payload(row) -> dict:
    return {"id": row.id, "principal": row.principal_id, "deputy": row.deputy_id,
            "starts_on": row.starts_on, "ends_on": row.ends_on, "note": row.note}
