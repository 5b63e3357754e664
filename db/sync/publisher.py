"""Writing publication rows: through the central database's own gate, a batch at a time.

On MariaDB/MySQL and PostgreSQL the engine never writes pub_* itself: it calls the
definer-rights routine with every approval of the segment (gk_publish_many /
gk_withdraw_many), which re-checks each one and copies the approved versions' stored
content, refusing the whole call if any approval fails. On SQLite the engine writes the
rows and the guard triggers re-check each one.
"""
from __future__ import annotations

import hashlib
import json

from peewee import IntegrityError

from db.central.connect import dialect
from db.central.routines import REFUSAL
from db.sync import central_sql

PUB_COLUMNS = ("item_id", "version_no", "content_hash", "index_no", "title", "body_html", "column_code",
               "column_name", "section_code", "publisher", "doc_no", "topic", "written_on", "validity",
               "disclosure", "summary", "content", "approved_by", "decision_id", "published_at", "go_live_at",
               "expires_at")


class Publisher:
    def __init__(self, db):
        self.kind = dialect(db)
        self._directory: dict | None = None

    def directory_changed(self) -> None:
        self._directory = None

    def publish_many(self, ledger, decisions: list[dict]) -> None:
        if not decisions:
            return
        ids = [d["id"] for d in decisions]
        if self.kind == "mysql":
            ledger.db.execute_sql("CALL gk_publish_many(%s)", (json.dumps(ids),))
        elif self.kind == "postgresql":
            ledger.db.execute_sql("SELECT gk_publish_many(%s::text[])", (ids,))
        else:
            self._sqlite_publish(ledger, decisions)

    def withdraw_many(self, ledger, decisions: list[dict]) -> None:
        if not decisions:
            return
        ids = [d["id"] for d in decisions]
        if self.kind == "mysql":
            ledger.db.execute_sql("CALL gk_withdraw_many(%s)", (json.dumps(ids),))
        elif self.kind == "postgresql":
            ledger.db.execute_sql("SELECT gk_withdraw_many(%s::text[])", (ids,))
        else:
            self._forget(ledger.db, [d["item_id"] for d in decisions])

    # ------------------------------------------------------------------ SQLite
    def _sqlite_publish(self, ledger, decisions: list[dict]) -> None:
        contents = _contents(ledger, [d["version_id"] for d in decisions])
        directory = self._directory_of(ledger.db)
        rows, attachments = [], []
        for decision in decisions:
            text = contents[decision["version_id"]]
            if hashlib.sha256(text.encode("utf-8")).hexdigest() != decision["content_hash"]:
                raise IntegrityError(REFUSAL)      # SQLite cannot hash in SQL: the engine checks it here
            parsed = json.loads(text)
            rows.append(publication_row(ledger, decision, text, parsed, directory))
            attachments.extend(_attachments(decision["item_id"], parsed))
        self._forget(ledger.db, [d["item_id"] for d in decisions])
        central_sql.insert_rows(ledger.db, "pub_item", PUB_COLUMNS, rows)
        central_sql.insert_rows(ledger.db, "pub_attachment", ("item_id", "sha256", "filename", "size"), attachments)

    @staticmethod
    def _forget(db, item_ids: list[str]) -> None:
        for table in ("pub_attachment", "pub_item"):
            central_sql.select_in(db, f"DELETE FROM {table} WHERE item_id IN ({{marks}})", item_ids)

    def _directory_of(self, db) -> dict:
        if self._directory is None:
            self._directory = {
                "column": {row[0]: row[1:] for row in central_sql.run(db, "SELECT id, code, name FROM dir_column")},
                "section": {row[0]: row[1] for row in central_sql.run(db, "SELECT id, code FROM dir_section")},
                "user": {row[0]: row[1] for row in central_sql.run(db, "SELECT id, display_name FROM dir_user")},
            }
        return self._directory


def _contents(ledger, version_ids: list[str]) -> dict[str, str]:
    found = {v: ledger.contents[v] for v in version_ids if v in ledger.contents}
    missing = [v for v in version_ids if v not in found]
    found.update(central_sql.select_in(ledger.db, "SELECT id, content FROM wf_version WHERE id IN ({marks})", missing))
    return found


def publication_row(ledger, decision: dict, content_text: str, content: dict, directory: dict) -> tuple:
    meta = content.get("meta", {})
    item = ledger.items[decision["item_id"]]
    code, name = directory["column"].get(item["column_id"], ("", ""))
    approver = directory["user"].get(decision["on_behalf_of_id"] or decision["decider_id"], "")
    return (decision["item_id"], decision["version_no"], decision["content_hash"],
            item["index_no"] or meta.get("index_no", ""), content.get("title", ""), content.get("body_html", ""),
            code, name, directory["section"].get(item["section_id"], ""), meta.get("publisher", ""),
            meta.get("doc_no", ""), meta.get("topic", ""), meta.get("written_on", ""), meta.get("validity", ""),
            meta.get("disclosure", ""), meta.get("summary", ""), content_text, approver, decision["id"],
            ledger.now, meta.get("go_live_at"), meta.get("expires_at"))


def _attachments(item_id: str, content: dict) -> list[tuple]:
    seen, rows = set(), []
    for attachment in content.get("attachments", []):
        key = (attachment["sha256"], attachment["filename"])
        if key not in seen:
            seen.add(key)
            rows.append((item_id, attachment["sha256"], attachment["filename"], attachment["size"]))
    return rows
