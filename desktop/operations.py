"""Operations: the only way the GUI changes data.

An operation runs a plain function (calling db/ services) on the single write worker and
reports back on the main thread through a queued signal, so widgets are touched only on
the main thread and SQLite writes never contend with each other. Call sites read like
`Op(self, ctx, lambda: items.submit(user, item), Changes(items=True)).success(done).run_in_background()`.
"""
from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from PyQt6.QtCore import QObject, pyqtSignal
from PyQt6.QtWidgets import QMessageBox, QWidget

from db.database import database
from db.errors import DomainError


class OpRunner(QObject):
    """Owns the write worker; lives on the main thread so its signal lands there."""
    finished = pyqtSignal(object, object)   # (Op, Future)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-write")
        self.finished.connect(self._deliver)
        self.running = 0

    def submit(self, op: "Op") -> None:
        self.running += 1
        future = self.executor.submit(_call_in_worker, op.fn)
        future.add_done_callback(lambda f: self.finished.emit(op, f))

    def _deliver(self, op: "Op", future: Future) -> None:
        self.running -= 1
        op.deliver(future)

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True)


def _call_in_worker(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    finally:
        if not database.is_closed():
            database.close()   # this thread's connection; the next op opens its own


class Op:
    def __init__(self, parent: QWidget | None, ctx, fn: Callable[[], Any], changes=None):
        self.parent, self.ctx, self.fn, self.changes = parent, ctx, fn, changes
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None

    def success(self, callback: Callable[[Any], None]) -> "Op":
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> "Op":
        self._on_failure = callback
        return self

    def run_in_background(self) -> None:
        self.ctx.runner.submit(self)

    def deliver(self, future: Future) -> None:
        error = future.exception()
        if error is None:
            if self.changes is not None:
                self.ctx.notify(self.changes)
            if self._on_success:
                self._on_success(future.result())
        elif self._on_failure:
            self._on_failure(error)
        else:
            show_error(self.parent, self.ctx, error)


def show_error(parent: QWidget | None, ctx, error: BaseException) -> None:
    if isinstance(error, DomainError):
        text = error.localised(ctx.language)
    else:
        text = f"{type(error).__name__}: {error}"
    QMessageBox.warning(parent, "Gongkai Desk", text)
