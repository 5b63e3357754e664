"""The central rows one push transaction works on, read once and changed in memory.

A batch of ops names a set of items. The ledger reads those items (row-locked on the
servers, in id order so two pushes never wait on each other in a circle), their versions
(without content) and their decisions in three statements; the rules
(db.sync.central_apply) then decide each op against these rows in memory, and `flush`
writes what changed with multi-row statements and hands the approved publications to the
gate. Because the gate checks the rows as stored, a publication is flushed before any later
op of the same batch touches that item again (a "segment" ends there).

Change-log entries are made at flush time from the rows' final state: one per row changed
in the segment (items, then versions, then decisions, so a page boundary never shows a
version before its item), then publications, directory and relayed ops in op order.
"""
from __future__ import annotations

from collections import defaultdict

from peewee import Database

from db.central.connect import dialect
from db.sync import central_sql, index_numbers

ITEM_COLUMNS = ("id", "section_id", "column_id", "state", "index_no", "created_by", "created_at",
                "latest_version_no", "published_version_no", "published_at", "return_reason", "updated_at")
VERSION_COLUMNS = ("id", "item_id", "number", "purpose", "content_hash", "title", "state", "created_by",
                   "created_at")
DECISION_COLUMNS = ("id", "item_id", "version_id", "version_no", "content_hash", "stage", "is_final", "outcome",
                    "comment", "decider_id", "on_behalf_of_id", "decided_at", "recorded_at", "status")
ROW_ORDER = {"item": 0, "version": 1, "decision": 2}


class Ledger:
    def __init__(self, db: Database, now: str):
        self.db, self.kind, self.now = db, dialect(db), now
        self.items: dict[str, dict] = {}
        self.versions: dict[str, dict] = {}
        self.decisions: dict[str, dict] = {}
        self.item_versions: dict[str, list[str]] = defaultdict(list)
        self.version_decisions: dict[str, list[str]] = defaultdict(list)
        self.contents: dict[str, str] = {}       # content of versions new in this transaction
        self.changes: list = []                  # change-log entries of flushed segments
        self.index_requests: dict[str, index_numbers.Request] = {}
        self._begin_segment()

    def _begin_segment(self) -> None:
        self.new: dict[str, list[str]] = {"item": [], "version": [], "decision": []}
        self.dirty_items: set[str] = set()
        self.version_states: dict[str, str] = {}
        self.rows_logged: dict[tuple[str, str], int] = {}
        self.entries: list = []                  # publications, directory, relayed ops
        self.publish: list[dict] = []
        self.withdraw: list[dict] = []
        self.gated: set[str] = set()

    # ------------------------------------------------------------------ reading
    def load(self, item_ids) -> None:
        """Read (and on the servers lock) the named items with their versions and decisions."""
        item_ids = sorted(set(item_ids) - set(self.items))
        if not item_ids:
            return
        lock = "" if self.kind == "sqlite" else " ORDER BY id FOR UPDATE"
        for row in central_sql.select_in(self.db, f"SELECT {', '.join(ITEM_COLUMNS)} FROM wf_item"
                                                  f" WHERE id IN ({{marks}}){lock}", item_ids):
            self.items[row[0]] = dict(zip(ITEM_COLUMNS, row))
        found = [i for i in item_ids if i in self.items]
        for row in central_sql.select_in(self.db, f"SELECT {', '.join(VERSION_COLUMNS)} FROM wf_version"
                                                  " WHERE item_id IN ({marks})", found):
            self._remember_version(dict(zip(VERSION_COLUMNS, row)))
        for row in central_sql.select_in(self.db, f"SELECT {', '.join(DECISION_COLUMNS)} FROM wf_decision"
                                                  " WHERE item_id IN ({marks})", found):
            self._remember_decision(dict(zip(DECISION_COLUMNS, row)))

    def _remember_version(self, row: dict) -> None:
        self.versions[row["id"]] = row
        self.item_versions[row["item_id"]].append(row["id"])

    def _remember_decision(self, row: dict) -> None:
        self.decisions[row["id"]] = row
        self.version_decisions[row["version_id"]].append(row["id"])

    def item(self, item_id: str) -> dict | None:
        return self.items.get(item_id)

    def versions_of(self, item_id: str) -> list[dict]:
        return [self.versions[v] for v in self.item_versions.get(item_id, ())]

    def version_numbered(self, item_id: str, number: int) -> dict | None:
        return next((v for v in self.versions_of(item_id) if v["number"] == number), None)

    def decisions_on(self, version_id: str) -> list[dict]:
        return [self.decisions[d] for d in self.version_decisions.get(version_id, ())]

    def standing(self, version_id: str, stage: int) -> dict | None:
        """The authoritative decision at this stage of this version, if any (first commit wins)."""
        return next((d for d in self.decisions_on(version_id)
                     if d["stage"] == stage and d["status"] == "authoritative"), None)

    # ------------------------------------------------------------------ changing
    def add_item(self, row: dict) -> dict:
        self.items[row["id"]] = row
        self.new["item"].append(row["id"])
        self._log_row("item", row["id"])
        return row

    def touch_item(self, item: dict) -> None:
        item["updated_at"] = self.now
        if item["id"] not in self.new["item"]:
            self.dirty_items.add(item["id"])
        self._log_row("item", item["id"])

    def add_version(self, row: dict, content: str) -> dict:
        self._remember_version(row)
        self.contents[row["id"]] = content
        self.new["version"].append(row["id"])
        self._log_row("version", row["id"])
        return row

    def set_version_state(self, version: dict, state: str) -> None:
        version["state"] = state
        if version["id"] not in self.new["version"]:
            self.version_states[version["id"]] = state
        self._log_row("version", version["id"])

    def add_decision(self, row: dict) -> dict:
        self._remember_decision(row)
        self.new["decision"].append(row["id"])
        self._log_row("decision", row["id"])
        return row

    def entry(self, entity: str, entity_id: str, payload: dict, op: str = "upsert") -> None:
        self.entries.append((entity, entity_id, op, payload))

    def gate(self, decision: dict, withdraw: bool) -> None:
        (self.withdraw if withdraw else self.publish).append(decision)
        self.gated.add(decision["item_id"])

    def must_flush_before(self, item_ids) -> bool:
        return bool(self.gated.intersection(item_ids))

    def _log_row(self, entity: str, row_id: str) -> None:
        self.rows_logged.setdefault((entity, row_id), len(self.rows_logged))

    # ------------------------------------------------------------------ writing
    def flush(self, publisher) -> None:
        """Write the segment's rows, run the gate, and turn the segment into change-log entries."""
        index_numbers.allocate(self)
        self._write_rows()
        publisher.publish_many(self, self.publish)
        publisher.withdraw_many(self, self.withdraw)
        self.changes.extend(self._segment_changes())
        self._begin_segment()

    def _write_rows(self) -> None:
        db = self.db
        central_sql.insert_rows(db, "wf_item", ITEM_COLUMNS, [_values(self.items[i], ITEM_COLUMNS)
                                                               for i in self.new["item"]])
        central_sql.update_rows(db, "wf_item", ITEM_COLUMNS, [_values(self.items[i], ITEM_COLUMNS)
                                                               for i in sorted(self.dirty_items)])
        central_sql.insert_rows(db, "wf_version", VERSION_COLUMNS + ("content",),
                                [(*_values(self.versions[v], VERSION_COLUMNS), self.contents[v])
                                 for v in self.new["version"]])
        central_sql.set_column(db, "wf_version", "state", self.version_states)
        central_sql.insert_rows(db, "wf_decision", DECISION_COLUMNS, [_values(self.decisions[d], DECISION_COLUMNS)
                                                                      for d in self.new["decision"]])

    def _segment_changes(self) -> list:
        tables = {"item": self.items, "version": self.versions, "decision": self.decisions}
        rows = sorted(self.rows_logged.items(), key=lambda pair: (ROW_ORDER[pair[0][0]], pair[1]))
        return [(entity, row_id, "upsert", dict(tables[entity][row_id])) for (entity, row_id), _n in rows] + \
            self.entries


def _values(row: dict, columns) -> tuple:
    return tuple(row[name] for name in columns)
