"""Running syncs from the desktop: a worker thread apart from the write worker, a timer, progress.

The engine runs on its own QThread with its own SQLite connection (peewee keeps one per
thread) and its own central connection. The main thread polls the progress the worker
leaves behind (no widget is touched off the main thread); Cancel sets a flag the engine
reads between transactions, so stopping never leaves half an op behind.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PyQt6.QtCore import QCoreApplication, QObject, QThread, QTimer, pyqtSignal

from db.database import database
from db.errors import DomainError
from db.sync.errors import CentralUnreachable, NotConfigured, SyncStopped
from desktop.context import Changes
from desktop.sync import credentials

if TYPE_CHECKING:
    from db.central.connect import CentralUrl

log = logging.getLogger("gongkai.sync")


def tr(text: str) -> str:
    return QCoreApplication.translate("Sync", text)


@dataclass
class Progress:
    phase: str = ""
    done: int = 0
    total: int = 0


class SyncThread(QThread):
    outcome = pyqtSignal(object, object)     # (SyncReport | None, error | None)

    def __init__(self, profile, url: CentralUrl, password: str, parent=None, hooks=None):
        super().__init__(parent)
        self.profile, self.url, self.password, self.hooks = profile, url, password, hooks
        self.cancel_flag = threading.Event()
        self.progress = Progress()
        self._lock = threading.Lock()

    def report_progress(self, phase: str, done: int, total: int) -> None:
        with self._lock:
            self.progress = Progress(phase, done, total)

    def snapshot(self) -> Progress:
        with self._lock:
            return Progress(self.progress.phase, self.progress.done, self.progress.total)

    def run(self) -> None:
        # The engine and the drivers load here, on the sync thread, not with the window.
        from db.central.connect import open_central
        from db.sync.engine import SyncEngine, remember_error
        report, error = None, None
        central = None
        try:
            central = open_central(self.url, self.password)
            engine = SyncEngine(self.profile, central, hooks=self.hooks, progress=self.report_progress,
                                cancelled=self.cancel_flag.is_set)
            report = engine.run()
        except SyncStopped as stop:
            error = stop
        except DomainError as problem:
            error = problem
        except Exception as exc:   # noqa: BLE001 — connection failures arrive as driver exceptions
            error = _unreachable(exc)
            log.warning("sync failed: %s", type(exc).__name__)
            remember_error(error)
        finally:
            if central is not None and not central.is_closed():
                central.close()
            if not database.is_closed():
                database.close()
        self.outcome.emit(report, error)


def _unreachable(exc: Exception) -> CentralUnreachable:
    """The failure in a few plain words, in both languages (never the URL or the password)."""
    from db.central.connect import failure_reason
    return CentralUnreachable.because(*failure_reason(exc))


class SyncController(QObject):
    """Owns the timer and the current sync; tells the rest of the app through ctx.hub."""
    started = pyqtSignal()
    finished = pyqtSignal(object, object)     # (report, error)
    needs_password = pyqtSignal(object)       # CentralUrl

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.thread: SyncThread | None = None
        self.hooks = None          # db.sync.push.Hooks for the engine (tests slow or break a sync with them)
        self.started_at = 0.0
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_by_timer)
        self.apply_interval()

    def apply_interval(self) -> None:
        self.timer.start(round(credentials.interval_minutes(self.ctx.settings) * 60_000))

    def sync_by_timer(self) -> bool:
        """The timer's sync: none while one runs, and silence on a workstation with no site
        database set up (working alone is no error)."""
        if self.thread is not None or credentials.saved_url(self.ctx.settings) is None:
            return False
        return self.sync_now()

    def running(self) -> bool:
        return self.thread is not None

    def sync_now(self, password: str | None = None) -> bool:
        """Start a sync unless one runs; False when there is nothing to start."""
        if self.thread is not None:
            return False
        url = credentials.saved_url(self.ctx.settings)
        if url is None:
            self.finished.emit(None, NotConfigured())
            return False
        password = password if password is not None else credentials.password_for(url)
        if password is None:
            self.needs_password.emit(url)
            return False
        self.thread = SyncThread(self.ctx.profile, url, password, self, self.hooks)
        self.thread.outcome.connect(self._done)
        self.started_at = time.monotonic()
        self.thread.start()
        self.started.emit()
        return True

    def cancel(self) -> None:
        if self.thread is not None:
            self.thread.cancel_flag.set()

    def progress(self) -> Progress:
        return self.thread.snapshot() if self.thread is not None else Progress()

    def _done(self, report, error) -> None:
        thread, self.thread = self.thread, None
        thread.wait()
        thread.deleteLater()
        changed = bool(report and (report.changed_items or report.pushed or report.conflicts))
        self.ctx.notify(Changes(items=changed, queue=changed, sync=True))
        self.finished.emit(report, error)

    def shutdown(self) -> None:
        self.timer.stop()
        if self.thread is not None:
            self.thread.cancel_flag.set()
            self.thread.wait(10_000)
