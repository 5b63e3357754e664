"""Writing publication rows: through the central database's own gate.

On MariaDB/MySQL and PostgreSQL the engine never writes pub_* itself: it calls the
definer-rights routine, which re-checks the approval and copies the approved version's
stored content. On SQLite the engine writes the row and the guard triggers re-check it.
"""
from __future__ import annotations

import json

from db.central.connect import dialect
from db.central.models import DirColumn, DirSection, DirUser, PubAttachment, PubItem, WfItem


class Publisher:
    def __init__(self, db):
        self.kind = dialect(db)

    def publish(self, txn, decision, version) -> None:
        if self.kind == "mysql":
            txn.db.execute_sql("CALL gk_publish(%s)", (decision.id,))
        elif self.kind == "postgresql":
            txn.db.execute_sql("SELECT gk_publish(%s)", (decision.id,))
        else:
            _sqlite_publish(txn, decision, version)

    def withdraw(self, txn, decision) -> None:
        if self.kind == "mysql":
            txn.db.execute_sql("CALL gk_withdraw(%s)", (decision.id,))
        elif self.kind == "postgresql":
            txn.db.execute_sql("SELECT gk_withdraw(%s)", (decision.id,))
        else:
            PubAttachment.delete().where(PubAttachment.item_id == decision.item_id).execute()
            PubItem.delete().where(PubItem.item_id == decision.item_id).execute()


def publication_row(txn, decision, version) -> dict:
    content = json.loads(version.content)
    meta = content.get("meta", {})
    item = WfItem.get_by_id(decision.item_id)
    column = DirColumn.get_or_none(DirColumn.id == item.column_id)
    section = DirSection.get_or_none(DirSection.id == item.section_id)
    approver = DirUser.get_or_none(DirUser.id == (decision.on_behalf_of_id or decision.decider_id))
    return {
        "item_id": decision.item_id, "version_no": version.number, "content_hash": version.content_hash,
        "index_no": meta.get("index_no", ""), "title": content.get("title", ""), "body_html": content.get("body_html", ""),
        "column_code": column.code if column else "", "column_name": column.name if column else "",
        "section_code": section.code if section else "", "publisher": meta.get("publisher", ""),
        "doc_no": meta.get("doc_no", ""), "topic": meta.get("topic", ""), "written_on": meta.get("written_on", ""),
        "validity": meta.get("validity", ""), "disclosure": meta.get("disclosure", ""),
        "summary": meta.get("summary", ""), "content": version.content,
        "approved_by": approver.display_name if approver else "", "decision_id": decision.id,
        "published_at": txn.now, "go_live_at": meta.get("go_live_at"), "expires_at": meta.get("expires_at"),
    }


def _sqlite_publish(txn, decision, version) -> None:
    row = publication_row(txn, decision, version)
    PubItem.delete().where(PubItem.item_id == decision.item_id).execute()
    PubItem.insert(**row).execute()
    PubAttachment.delete().where(PubAttachment.item_id == decision.item_id).execute()
    seen = set()
    for attachment in json.loads(version.content).get("attachments", []):
        key = (attachment["sha256"], attachment["filename"])
        if key not in seen:
            seen.add(key)
            PubAttachment.insert(item_id=decision.item_id, sha256=attachment["sha256"],
                                 filename=attachment["filename"], size=attachment["size"]).execute()
