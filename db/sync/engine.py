"""One sync: handshake, push, pull, attachments. No Qt; the connections are parameters.

The local profile is the process's bound `db.database.database` (open the profile first);
the central database is whatever peewee Database the caller passes, so tests and the
headless command drive exactly the code the desktop worker runs.
"""
from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass, field
from typing import Callable

from peewee import Database, DatabaseError

from db import audit, clock
from db.central.connect import writing
from db.central.models import CENTRAL_MODELS
from db.database import Profile, database
from db.models import OutboxOp
from db.sync import blobs, handshake, outgoing, state
from db.sync.changelog import central_now, write_changes
from db.sync.directory_apply import seed_directory
from db.sync.ledger import Ledger
from db.sync.errors import CentralUnreachable, SyncStopped
from db.sync.pull import PAGE_SIZE, pull
from db.sync.push import BATCH_SIZE, Hooks, is_transient, push

MISSING_BLOBS = "missing_blobs"


@dataclass
class SyncReport:
    pushed: int = 0
    retried: int = 0
    conflicts: int = 0
    held_back: int = 0
    pulled: int = 0
    changed_items: set = field(default_factory=set)
    published: list = field(default_factory=list)
    missing_blobs: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        parts = [f"上传 {self.pushed} 项", f"下载 {self.pulled} 项"]
        if self.retried:
            parts.append(f"{self.retried} 项为重试（未重复生效）")
        if self.conflicts:
            parts.append(f"{self.conflicts} 项冲突待处理")
        if self.held_back:
            parts.append(f"{self.held_back} 项暂缓（附件问题）")
        if self.missing_blobs:
            parts.append(f"{self.missing_blobs} 个附件文件暂缺")
        return "，".join(parts)


def _nothing(*_args) -> None:
    return None


class SyncEngine:
    def __init__(self, profile: Profile, central: Database, hooks: Hooks | None = None,
                 progress: Callable[[str, int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 batch_size: int = BATCH_SIZE, page_size: int = PAGE_SIZE):
        self.profile, self.central = profile, central
        self.hooks = hooks or Hooks()
        self.progress = progress or _nothing
        self.cancelled = cancelled or (lambda: False)
        self.batch_size, self.page_size = batch_size, page_size

    def run(self) -> SyncReport:
        """One full sync; raises a SyncStopped subclass (with a plain message) when it can't finish."""
        started = time.perf_counter()
        try:
            report = self._run()
        except SyncStopped as stop:
            remember_error(stop)
            raise
        except DatabaseError as exc:
            if not is_transient(exc):
                raise
            stop = CentralUnreachable.because(str(exc).splitlines()[0][:120] if str(exc) else "")
            remember_error(stop)
            raise stop from exc
        report.seconds = time.perf_counter() - started
        return report

    def _run(self) -> SyncReport:
        report = SyncReport()
        with self.central.bind_ctx(CENTRAL_MODELS):
            greeting = handshake.check(self.central)
            _use_central_clock(self.central)
            self.progress("push", 0, 0)
            pushed = push(self.central, self.profile, self.hooks, self.progress, self.cancelled, self.batch_size)
            pulled = pull(self.central, self.hooks, self.progress, self.cancelled, self.page_size)
            missing = self._fetch_blobs(pulled.wanted_blobs)
        report.pushed, report.retried, report.conflicts = pushed.applied, pushed.retried, pushed.conflicts
        report.held_back, report.published = pushed.held_back, pushed.published
        report.pulled, report.changed_items, report.missing_blobs = pulled.entries, pulled.items, len(missing)
        _finish(greeting, report, missing)
        return report

    def _fetch_blobs(self, wanted: set[str]) -> set[str]:
        wanted = wanted | set(json.loads(state.get(MISSING_BLOBS, "[]")))
        return blobs.fetch_missing(self.central, self.profile, wanted) if wanted else set()


def _use_central_clock(central: Database) -> None:
    """Decisions are stamped with the central database's time while it can be reached."""
    local = dt.datetime.now(dt.timezone.utc)
    remote = clock.parse(central_now(central))
    offset = remote - local
    clock.set_source(lambda: dt.datetime.now(dt.timezone.utc) + offset)


def _finish(greeting, report: SyncReport, missing: set[str]) -> None:
    with database.atomic():
        handshake.pin(greeting)
        state.put(state.LAST_SUCCESS, clock.now())
        state.put(state.LAST_ERROR, "")
        state.put(state.LAST_ERROR_EN, "")
        if missing or state.get(MISSING_BLOBS):
            state.put(MISSING_BLOBS, json.dumps(sorted(missing)))
        if report.pushed or report.pulled or report.conflicts:
            audit.record(None, "synced", "sync", greeting.instance_id,
                         {"pushed": report.pushed, "pulled": report.pulled, "conflicts": report.conflicts,
                          "published": len(report.published)})


def remember_error(stop: SyncStopped) -> None:
    try:
        with database.atomic():
            state.put(state.LAST_ERROR, str(stop))
            state.put(state.LAST_ERROR_EN, stop.english)
    except DatabaseError:
        pass   # the local profile itself is unwell; the caller still gets the error


def pending_count() -> int:
    return OutboxOp.select().where(OutboxOp.state == "pending").count()


def seed_central_directory(central: Database) -> int:
    """Copy this profile's directory into a central database that lacks it (site-init --profile)."""
    with central.bind_ctx(CENTRAL_MODELS):
        handshake.read_meta(central)
        with writing(central):
            ledger = Ledger(central, central_now(central))
            added = seed_directory(ledger, outgoing.directory_snapshot())
            write_changes(central, ledger.entries, ledger.now)
    return added
