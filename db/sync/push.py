"""Push: pending outbox ops, in order, a batch per short central transaction.

Each transaction first looks up every op of the batch in applied_ops (one SELECT … IN): an
op seen before (its COMMIT went through but the answer was lost, or the client died before
marking it) gets its stored result back and has no second effect. The others are decided
in memory against the rows of their items, read once and row-locked (db.sync.ledger), and
written with multi-row statements; the batch's change-log entries take one range of the
counter and its results go into applied_ops in one INSERT, all before COMMIT. A rule that
says no is a stored "conflict" result, so the other ops go on. If the database itself
refuses something (the publication gate, a constraint), the transaction is rolled back as a
whole and the batch is pushed again one op per transaction, so the refused op is stored as
rejected and the rest take effect. Only after COMMIT is the local outbox marked, in a
separate local transaction. A connection failure stops the push and leaves every unmarked
op pending for the next try.
"""
from __future__ import annotations

import json
from collections import namedtuple
from dataclasses import dataclass, field
from typing import Callable

from peewee import DatabaseError, InterfaceError, OperationalError

from db import clock
from db.central import roles
from db.central.connect import writing
from db.central.routines import REFUSAL
from db.database import database
from db.sync import blobs, central_apply, central_sql, outgoing
from db.sync.changelog import central_now, write_changes
from db.sync.conflicts import record_op_conflict
from db.sync.directory_apply import apply_directory
from db.sync.errors import Cancelled, CentralUnreachable
from db.sync.ledger import Ledger
from db.sync.publisher import Publisher

BATCH_SIZE = 200
MYSQL_SIGNAL = 1644     # SIGNAL SQLSTATE '45000' from a gate or guard: a rule, not the network
GUARD = "wf_decision_guard"     # how the decision guard's refusal begins (db.central.routines_v2)
PendingOp = namedtuple("PendingOp", "seq op_id kind payload created_by")
PENDING_SQL = ('SELECT "seq", "op_id", "kind", "payload", "created_by" FROM "outbox_op"'
               ' WHERE "state" = \'pending\' ORDER BY "seq"')
MARK_SQL = ('UPDATE "outbox_op" SET "state" = ?, "result" = ?, "applied_at" = ?, "attempts" = "attempts" + 1,'
            ' "last_error" = \'\' WHERE "seq" = ?')
NOT_ALLOWED = ("本工作站的网站数据库账户无权同步此审批意见（分管领导环节须用分管领导的账户，科室负责人环节须用科室负责人或分管领导的账户），"
               "此项暂缓；请在审批人的工作站同步，或请管理员为本工作站设置相应账户")


@dataclass
class Hooks:
    """Fault-injection points for tests; production runs with the no-op defaults."""
    before_commit: Callable[[list], None] | None = None
    after_commit: Callable[[list], None] | None = None
    pull_before_local_commit: Callable[[int], None] | None = None


@dataclass
class PushReport:
    applied: int = 0
    retried: int = 0
    conflicts: int = 0
    held_back: int = 0
    published: list = field(default_factory=list)
    transactions: int = 0


def driver_errno(exc: BaseException) -> int | None:
    for candidate in (exc, exc.__cause__, exc.__context__, *(getattr(exc, "args", ()) or ())):
        args = getattr(candidate, "args", None)
        if isinstance(candidate, BaseException) and args and isinstance(args[0], int):
            return args[0]
    return None


def is_transient(exc: BaseException) -> bool:
    """Network, timeouts, locks, deadlocks: try again later. Rule violations are not transient."""
    if isinstance(exc, (ConnectionError, TimeoutError, OSError)) and not isinstance(exc, DatabaseError):
        return True
    if isinstance(exc, (OperationalError, InterfaceError)):
        return driver_errno(exc) != MYSQL_SIGNAL and not is_refusal(exc)
    return False


def is_refusal(exc: BaseException) -> bool:
    """The publication gate or the decision guard said no (their messages name them)."""
    return REFUSAL in str(exc) or GUARD in str(exc)


def pending_ops() -> list[PendingOp]:
    return [PendingOp(*row) for row in database.execute_sql(PENDING_SQL)]


def push(central, profile, hooks: Hooks, progress: Callable[[str, int, int], None],
         cancelled: Callable[[], bool], batch_size: int = BATCH_SIZE) -> PushReport:
    report = PushReport()
    publisher = Publisher(central)
    ops = pending_ops()
    account = roles.account_kind(central) if ops else "owner"
    blocked: set[str] = set()
    for start in range(0, len(ops), batch_size):
        if cancelled():
            raise Cancelled()
        chunk = ops[start:start + batch_size]
        payloads = {op.op_id: outgoing.peek(op) for op in chunk}
        snaps = outgoing.snapshots(chunk, payloads)
        batch = _ready(central, profile, chunk, payloads, snaps, blocked, report, account)
        if batch:
            results = _push_batch(central, batch, publisher, hooks, report)
            _mark_local(batch, results, report)
        progress("push", start + len(chunk), len(ops))
    return report


# ---------------------------------------------------------------- before the central transaction

def _ready(central, profile, chunk, payloads, snaps, blocked: set, report: PushReport, account: str) -> list:
    """(op, snapshot) pairs that may go now. Attachments go first; an item held back (a file
    missing or too big, a decision this account may not push) holds its later ops too."""
    ready = []
    for op in chunk:
        items = outgoing.item_ids_of(op.kind, payloads[op.op_id])
        snap = snaps[op.op_id]
        problem = None if blocked.intersection(items) else _problem(central, profile, op, snap, account)
        if blocked.intersection(items) or problem:
            blocked.update(items)
            report.held_back += 1
            if problem:
                _note_error(op, problem)
            continue
        ready.append((op, snap))
    return ready


def _problem(central, profile, op, snap, account: str) -> str | None:
    if snap is None:
        return None
    if op.kind in outgoing.SUBMIT_KINDS and '"attachments":[]' not in snap["content"]:
        return blobs.push_files(central, profile, json.loads(snap["content"]).get("attachments", []))
    if op.kind in outgoing.DECISION_KINDS and not may_decide(account, bool(snap["decision"]["is_final"])):
        return NOT_ALLOWED
    return None


def may_decide(account: str, final: bool) -> bool:
    """Whether the connected database account may record a decision at this stage (as the
    central wf_decision guard will judge it)."""
    return account in ("owner", "leader") or account == "section_head" and not final


def _note_error(op, message: str) -> None:
    with database.atomic():
        database.execute_sql('UPDATE "outbox_op" SET "last_error" = ?, "attempts" = "attempts" + 1 WHERE "seq" = ?',
                             (message, op.seq))


# ---------------------------------------------------------------- the central transactions

def _push_batch(central, batch: list, publisher: Publisher, hooks: Hooks, report: PushReport) -> dict:
    try:
        return _transaction(central, batch, publisher, hooks, report)
    except DatabaseError as exc:
        if is_transient(exc):
            raise CentralUnreachable.because(_plain(exc)) from exc
        if len(batch) == 1:
            return _refused(central, batch[0][0], exc)
        return _one_by_one(central, batch, publisher, hooks, report)
    except Exception as exc:
        if is_transient(exc):
            raise CentralUnreachable.because(_plain(exc)) from exc
        raise


def _one_by_one(central, batch: list, publisher: Publisher, hooks: Hooks, report: PushReport) -> dict:
    """The database refused something in the batch: each op in its own transaction, so only
    the refused op is stored as refused."""
    results = {}
    for pair in batch:
        try:
            results.update(_transaction(central, [pair], publisher, hooks, report))
        except DatabaseError as exc:
            if is_transient(exc):
                raise CentralUnreachable.because(_plain(exc)) from exc
            results.update(_refused(central, pair[0], exc))
    return results


def _transaction(central, batch: list, publisher: Publisher, hooks: Hooks, report: PushReport) -> dict:
    ops = [op for op, _snap in batch]
    with writing(central):
        now = central_now(central)
        stored = _stored_results(central, [op.op_id for op in ops])
        fresh = [(op, snap) for op, snap in batch if op.op_id not in stored]
        ledger = Ledger(central, now)
        ledger.load(item_id for op, snap in fresh for item_id in items_of(op.kind, snap))
        results = {op_id: {**result, "retried": True} for op_id, result in stored.items()}
        for op, snap in fresh:
            results[op.op_id] = _apply(ledger, op, snap, publisher)
        ledger.flush(publisher)
        write_changes(central, ledger.changes, now)
        central_sql.insert_rows(central, "applied_ops", ("op_id", "kind", "result", "applied_at"),
                                [(op.op_id, op.kind, json.dumps(results[op.op_id], ensure_ascii=False), now)
                                 for op, _snap in fresh])
        if hooks.before_commit:
            hooks.before_commit(ops)
    report.transactions += 1
    if hooks.after_commit:
        hooks.after_commit(ops)
    return results


def items_of(kind: str, snap: dict | None) -> list[str]:
    """The central items a workflow op touches: its own, and the partners a decision releases."""
    if snap is None or kind not in outgoing.WORKFLOW_KINDS:
        return []
    if kind in outgoing.SUBMIT_KINDS:
        return [snap["item"]["id"]]
    if kind in outgoing.DECISION_KINDS:
        return [snap["decision"]["item_id"]] + [item_id for item_id, _version in snap["release"]]
    return [snap["item_id"]]


def _stored_results(central, op_ids: list[str]) -> dict[str, dict]:
    rows = central_sql.select_in(central, "SELECT op_id, result FROM applied_ops WHERE op_id IN ({marks})", op_ids)
    return {op_id: json.loads(result) for op_id, result in rows}


def _apply(ledger: Ledger, op, snap, publisher: Publisher) -> dict:
    if snap is None:
        return {"status": central_apply.APPLIED, "note": "the rows this op named no longer exist locally"}
    if ledger.must_flush_before(items_of(op.kind, snap)):
        ledger.flush(publisher)     # the gate must see this item as it was before this op
    if op.kind in outgoing.SUBMIT_KINDS:
        return central_apply.apply_submit(ledger, snap)
    if op.kind in outgoing.DECISION_KINDS:
        return central_apply.apply_decision(ledger, snap)
    if op.kind in outgoing.STALE_KINDS:
        return central_apply.apply_stale(ledger, snap)
    if op.kind in outgoing.DIRECTORY_READERS:
        ledger.flush(publisher)
        result = apply_directory(ledger, op.kind, snap["row"])
        publisher.directory_changed()
        ledger.flush(publisher)
        return result
    return central_apply.apply_relay(ledger, op.kind, outgoing.relay_key(snap), snap)


def _refused(central, op, exc: BaseException) -> dict:
    """Store that the database refused `op` (its own transaction), unless the refusal is the
    decision guard's: then the op waits (a matter of this workstation's account, not of the op)."""
    if GUARD in str(exc):
        _note_error(op, NOT_ALLOWED)
        return {}
    result = central_apply.conflict("rejected", f"网站数据库拒绝了此操作：{_plain(exc)}",
                                    f"The site database refused this operation: {_plain(exc)}")
    with writing(central):
        now = central_now(central)
        stored = _stored_results(central, [op.op_id])
        if stored:
            return {op.op_id: {**stored[op.op_id], "retried": True}}
        central_sql.insert_rows(central, "applied_ops", ("op_id", "kind", "result", "applied_at"),
                                [(op.op_id, op.kind, json.dumps(result, ensure_ascii=False), now)])
    return {op.op_id: result}


def _plain(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if not any(char.isalpha() for char in text):     # PyMySQL says "(0, '')" when the server hung up
        return "连接中断"
    return text[:200]


# ---------------------------------------------------------------- after COMMIT

def _mark_local(batch: list, results: dict, report: PushReport) -> None:
    now = clock.now()
    marks = []
    with database.atomic():
        for op, snap in batch:
            result = results.get(op.op_id)
            if result is None:
                report.held_back += 1       # refused by the decision guard: still pending
                continue
            report.retried += 1 if result.get("retried") else 0
            if result["status"] == central_apply.CONFLICT:
                report.conflicts += 1
                record_op_conflict(op, result)
                state = "conflict"
            else:
                report.applied += 1
                state = "applied"
            if result.get("published"):
                report.published.append(snap["decision"]["item_id"])
            marks.append((state, json.dumps(result, ensure_ascii=False), now, op.seq))
        database.cursor().executemany(MARK_SQL, marks)
