"""The approval slip (审批单) as plain data: what forms/slips prints, nothing of how.

It replaces the paper sign-off sheet, so it names the exact content approved (version
number and content hash), every decision on the item, with deputies shown "B 代 A" and a
stage waived at submission shown as such, and the reasons recorded for check findings
that were let through (who, when, why).
"""
from __future__ import annotations

import datetime as dt

from db import clock, settings
from db.database import database
from db.models import Item, Topic, Version
from db.workflow import queue, routing, states

OUTCOME_NAMES = {"approve": "同意", "return": "退回", queue.SKIPPED: "免"}
PURPOSE_NAMES = {"publish": "发布", "withdraw": "撤稿", "abolish": "废止"}
STATUS_NOTES = {states.D_STALE: "（内容已修改，此意见失效）", states.D_SUPERSEDED: "（已被他人意见取代）"}


def slip_data(item_id: str, version_no: int | None = None) -> dict:
    item = Item.get_by_id(item_id)
    number = version_no or item.latest_version_no
    version = Version.get((Version.item == item) & (Version.number == number))
    topic = Topic.get_or_none(Topic.code == item.topic)
    return {
        "org_name": settings.get("org_name") or "",
        "title": version.title,
        "index_no": item.index_no or "",
        "column": item.column.name,
        "section": item.section.name,
        "topic": topic.name if topic else "",
        "doc_no": item.doc_no,
        "drafter": version.created_by.display_name,
        "submitted_at": local_time(version.created_at),
        "purpose": PURPOSE_NAMES.get(version.purpose, version.purpose),
        "note": version.note,
        "version_no": version.number,
        "content_hash": version.content_hash,
        "hash_short": version.content_hash[:12],
        "state": states.STATE_NAMES.get(item.state, (item.state,))[0],
        "decisions": [_decision_row(d) for d in queue.history_of(item.id)],
        "overrides": overrides_of(version),
        "printed_at": local_time(clock.now()),
    }


def _decision_row(view: queue.DecisionView) -> dict:
    return {
        "version_no": view.version_no,
        "stage": view.stage,
        "stage_name": routing.STAGE_NAMES.get(view.stage_role, (view.stage_role,))[0],
        "signed_as": view.signed_as or "—",
        "decided_at": local_time(view.decided_at),
        "outcome": OUTCOME_NAMES.get(view.outcome, view.outcome),
        "comment": view.comment,
        "status_note": STATUS_NOTES.get(view.status, ""),
    }


# Reasons given for letting blocking findings through (db.checks' overrides) that held when
# the version was submitted — on the working copy it was frozen from, or on the version
# itself afterwards. The finding's text is not stored (it may be personal data), its
# message is.
OVERRIDES_SQL = ('SELECT o."finding_key", o."message", o."reason", u."display_name", o."created_at" '
                 'FROM "finding_override" o JOIN "user" u ON u."id" = o."created_by_id" '
                 'WHERE o."item_id" = ? AND (o."version_id" = ? OR (o."version_id" IS NULL AND o."created_at" <= ?)) '
                 'ORDER BY o."created_at"')


def overrides_of(version: Version) -> list[dict]:
    """Who let which finding through, when and why; the newest reason per finding stands."""
    newest: dict[str, dict] = {}
    for key, message, reason, name, at in database.execute_sql(
            OVERRIDES_SQL, (version.item_id, version.id, version.created_at)).fetchall():
        newest[key] = {"finding": message, "reason": reason, "by": name, "at": local_time(at)}
    return list(newest.values())


def local_time(stamp: str) -> str:
    """UTC ISO text as the local "YYYY-MM-DD HH:MM" people read on paper."""
    when = clock.parse(stamp).astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


def slip_file_name(data: dict) -> str:
    safe = "".join(c for c in data["title"][:30] if c not in '\\/:*?"<>|')
    return f"审批单-{safe}-第{data['version_no']}版-{dt.date.today():%Y%m%d}.pdf"
