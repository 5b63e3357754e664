"""Push: pending outbox ops, in order, a small batch per short central transaction.

Inside the central transaction every op first looks up applied_ops: an op seen before
(its COMMIT went through but the answer was lost, or the client died before marking it)
gets its stored result back and has no second effect. Each op runs in a savepoint, so an
op a rule refuses becomes a recorded conflict and the others go on. Only after COMMIT is
the local outbox marked, in a separate local transaction. A connection failure stops the
push and leaves every unmarked op pending for the next try.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable

from peewee import DatabaseError, InterfaceError, OperationalError

from db import clock
from db.central.connect import writing
from db.central.models import AppliedOp
from db.database import database
from db.models import OutboxOp
from db.sync import blobs, central_apply, outgoing
from db.sync.changelog import central_now, write_changes
from db.sync.conflicts import record_op_conflict
from db.sync.errors import CentralUnreachable
from db.sync.publisher import Publisher

BATCH_SIZE = 100
MYSQL_SIGNAL = 1644     # SIGNAL SQLSTATE '45000' from gk_publish: a rule, not the network


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
        return driver_errno(exc) != MYSQL_SIGNAL
    return False


def apply_one(txn, kind: str, snap: dict | None, publisher: Publisher) -> dict:
    if snap is None:
        return {"status": central_apply.APPLIED, "note": "the rows this op named no longer exist locally"}
    if kind in outgoing.SUBMIT_KINDS:
        return central_apply.apply_submit(txn, snap)
    if kind in outgoing.DECISION_KINDS:
        return central_apply.apply_decision(txn, snap, publisher)
    if kind in outgoing.STALE_KINDS:
        return central_apply.apply_stale(txn, snap)
    if kind in outgoing.DIRECTORY_READERS:
        return central_apply.apply_directory(txn, kind, snap["row"])
    return {"status": central_apply.APPLIED, "note": f"no central effect for {kind}"}


def push(central, profile, hooks: Hooks, progress: Callable[[str, int, int], None],
         cancelled: Callable[[], bool], batch_size: int = BATCH_SIZE) -> PushReport:
    report = PushReport()
    publisher = Publisher(central)
    ops = list(OutboxOp.select().where(OutboxOp.state == "pending").order_by(OutboxOp.seq))
    blocked: set[str] = set()
    done = 0
    for start in range(0, len(ops), batch_size):
        if cancelled():
            from db.sync.errors import Cancelled
            raise Cancelled()
        batch = _ready(central, profile, ops[start:start + batch_size], blocked, report)
        if batch:
            results = _push_batch(central, batch, publisher, hooks)
            _mark_local(batch, results, report)
        done += len(ops[start:start + batch_size])
        progress("push", done, len(ops))
    return report


def _ready(central, profile, batch: list, blocked: set, report: PushReport) -> list:
    """Ops whose attachments are in place centrally; an item held back holds its later ops too."""
    ready = []
    for op in batch:
        item_id = outgoing.item_ids_of(op.kind, op.payload)
        problem = None if item_id in blocked else blobs.push_for_op(central, profile, op)
        if item_id in blocked or problem:
            blocked.add(item_id)
            report.held_back += 1
            if problem:
                _note_error(op, problem)
            continue
        ready.append(op)
    return ready


def _note_error(op: OutboxOp, message: str) -> None:
    with database.atomic():
        OutboxOp.update(last_error=message, attempts=OutboxOp.attempts + 1).where(OutboxOp.seq == op.seq).execute()


def _push_batch(central, batch: list, publisher: Publisher, hooks: Hooks) -> dict:
    snapshots = [(op, outgoing.snapshot(op.kind, op.payload)) for op in batch]
    try:
        with writing(central):
            txn = central_apply.Txn(central, central_now(central))
            results = {op.op_id: _apply_guarded(txn, op, snap, publisher) for op, snap in snapshots}
            write_changes(central, txn.changes, txn.now)
            if hooks.before_commit:
                hooks.before_commit(batch)
        if hooks.after_commit:
            hooks.after_commit(batch)
    except Exception as exc:
        if is_transient(exc):
            raise CentralUnreachable.because(_plain(exc)) from exc
        raise
    return results


def _apply_guarded(txn, op: OutboxOp, snap, publisher: Publisher) -> dict:
    stored = AppliedOp.get_or_none(AppliedOp.op_id == op.op_id)
    if stored is not None:
        return {**json.loads(stored.result), "retried": True}
    mark = len(txn.changes)
    try:
        with txn.db.atomic():    # a savepoint: a refused op leaves no trace but its result
            result = apply_one(txn, op.kind, snap, publisher)
    except DatabaseError as exc:
        if is_transient(exc):
            raise
        del txn.changes[mark:]
        result = central_apply.conflict("rejected", f"网站数据库拒绝了此操作：{_plain(exc)}",
                                        f"The site database refused this operation: {_plain(exc)}")
    AppliedOp.insert(op_id=op.op_id, kind=op.kind, result=json.dumps(result, ensure_ascii=False),
                     applied_at=txn.now).execute()
    return result


def _plain(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


def _mark_local(batch: list, results: dict, report: PushReport) -> None:
    now = clock.now()
    with database.atomic():
        for op in batch:
            result = results[op.op_id]
            report.retried += 1 if result.get("retried") else 0
            if result["status"] == central_apply.CONFLICT:
                report.conflicts += 1
                record_op_conflict(op, result)
                state = "conflict"
            else:
                report.applied += 1
                state = "applied"
            if result.get("published"):
                report.published.append(json.loads(op.payload).get("item_id", ""))
            (OutboxOp.update(state=state, result=json.dumps(result, ensure_ascii=False), applied_at=now,
                             attempts=OutboxOp.attempts + 1, last_error="")
             .where(OutboxOp.seq == op.seq).execute())
