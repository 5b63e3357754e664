"""Card work off the UI thread: previews and print jobs on a thread of their own.

Rendering a guide's cards takes tens of milliseconds and a batch of a section's guides a
second or more; spooling pages into a printer as long again. Neither may freeze the
window, nor hold up the database workers (the front desk keeps typing while a batch
prints), so they run on the "cards" thread. A job reads the profile itself (peewee opens
a connection for the thread, closed after each job, as the write worker does) and
reports back on the main thread through a queued signal.

`CardJob(parent, ctx, fn, key)` mirrors desktop.operations.Query: `fn(job)` runs on the
thread; only the newest job per `key` reports (moving through the list never shows an
older guide's preview). A long job calls `job.report(done, total)`, which returns False
once someone pressed Cancel; `JobProgress` shows the progress after 600 ms, read on a
timer on the main thread, as Anki does.
"""
from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from PyQt6 import sip
from PyQt6.QtCore import QCoreApplication, QObject, QTimer, pyqtSignal
from PyQt6.QtWidgets import QProgressDialog, QWidget

from db.database import database
from desktop.operations import show_error

SHOW_AFTER_MS = 600


def tr(text: str) -> str:
    return QCoreApplication.translate("CardJobs", text)


class CardRunner(QObject):
    """The cards thread (one per application context)."""
    finished = pyqtSignal(object, object)      # (job, Future)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cards")
        self.latest: dict[str, int] = {}
        self._serial = 0
        self.finished.connect(self._deliver)

    def submit(self, job: "CardJob") -> None:
        self._serial += 1
        job.serial = self._serial
        if job.key:
            self.latest[job.key] = job.serial
        future = self.executor.submit(self._call, job)
        future.add_done_callback(lambda f: self.finished.emit(job, f))

    @staticmethod
    def _call(job: "CardJob") -> Any:
        try:
            return job.fn(job)
        finally:
            if not database.is_closed():
                database.close()             # this thread's connection only

    def _deliver(self, job: "CardJob", future: Future) -> None:
        if not job.key or self.latest.get(job.key) == job.serial:
            job.deliver(future)
        job.done = True


def runner_of(ctx) -> CardRunner:
    runner = vars(ctx).get("card_runner")
    if runner is None:
        runner = vars(ctx)["card_runner"] = CardRunner()
    return runner


class CardJob:
    """`fn(job)` on the cards thread; success/failure callbacks on the main thread."""

    def __init__(self, parent: QWidget | None, ctx, fn: Callable[["CardJob"], Any], key: str | None = None):
        self.parent, self.ctx, self.fn, self.key = parent, ctx, fn, key
        self.serial = 0
        self.done = False
        self.progress = (0, 0)
        self._cancel = threading.Event()
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None

    def success(self, callback: Callable[[Any], None]) -> "CardJob":
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> "CardJob":
        self._on_failure = callback
        return self

    def run_in_background(self) -> "CardJob":
        runner_of(self.ctx).submit(self)
        return self

    # called on the cards thread ---------------------------------------------------------------
    def report(self, done: int, total: int) -> bool:
        """Progress so far; False once the job was cancelled (the caller then stops)."""
        self.progress = (done, total)
        return not self._cancel.is_set()

    # called on the main thread ----------------------------------------------------------------
    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def deliver(self, future: Future) -> None:
        if self.parent is not None and sip.isdeleted(self.parent):
            return
        error = future.exception()
        if error is None:
            if self._on_success:
                self._on_success(future.result())
        elif self._on_failure:
            self._on_failure(error)
        else:
            show_error(self.parent, self.ctx, error)


class JobProgress(QObject):
    """A progress dialog with Cancel for a long job: it appears only when the job takes
    longer than SHOW_AFTER_MS, and reads the job's progress on a timer."""

    def __init__(self, parent: QWidget, job: CardJob, label: str, show_after_ms: int = SHOW_AFTER_MS):
        super().__init__(parent)
        self.job = job
        self.dialog = QProgressDialog(label, tr("取消"), 0, 0, parent)
        self.dialog.setWindowTitle(tr("打印办事须知卡"))
        self.dialog.setMinimumDuration(2 ** 30)      # shown by _poll, not by Qt's own timer
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._cancel)
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._poll)
        self.timer.start()
        self.waited = 0
        self.show_after = show_after_ms

    def _poll(self) -> None:
        if self.job.done:
            self.close()
            return
        self.waited += self.timer.interval()
        done, total = self.job.progress
        if total:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)
            self.dialog.setLabelText(tr("正在打印：第 {done} / {total} 页").format(done=done, total=total))
        if self.waited >= self.show_after and not self.dialog.isVisible() and not self.job.cancelled:
            self.dialog.show()

    def _cancel(self) -> None:
        self.job.cancel()
        self.dialog.setLabelText(tr("正在取消……"))

    def close(self) -> None:
        self.timer.stop()
        self.dialog.canceled.disconnect(self._cancel)
        self.dialog.hide()
        self.dialog.deleteLater()
        self.deleteLater()
