"""Operations and queries: how the GUI reaches the database without blocking or racing.

* `Op` — the only way the GUI changes data. It runs a plain function (calling db/ services)
  on the single write worker and reports back on the main thread through a queued signal,
  so widgets are touched only on the main thread and SQLite writes never contend.
  `Op(self, ctx, lambda: items.submit(user, item), Changes(items=True)).success(done).run_in_background()`
* `Query` — a read that may take a moment (counts, searches on a big profile). It runs on
  the read worker; a newer query with the same `key` makes an older one's answer stale, so
  typing fast never shows results of an earlier keystroke.
"""
from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from PyQt6 import sip
from PyQt6.QtCore import QCoreApplication, QObject, Qt, pyqtSignal
from PyQt6.QtWidgets import QMessageBox, QWidget

from db.database import database
from db.errors import DomainError


def tr(text: str) -> str:
    return QCoreApplication.translate("Operations", text)


class _Worker(QObject):
    """One background thread; results come back through a signal that lands on the main thread."""
    finished = pyqtSignal(object, object)   # (task, Future)

    def __init__(self, name: str, close_after_each: bool, parent=None):
        super().__init__(parent)
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self.close_after_each = close_after_each
        # Queued even when the task is done before submit() returns (the future then runs its
        # callback on this thread): results always arrive from the event loop, never inside submit().
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.running = 0
        self._closed = False

    def submit(self, task) -> None:
        if self._closed:
            return
        self.running += 1
        future = self.executor.submit(self._call, task.fn)
        future.add_done_callback(lambda f: self.finished.emit(task, f))

    def _call(self, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        finally:
            if self.close_after_each:
                _close_thread_connection()

    def _deliver(self, task, future: Future) -> None:
        self.running -= 1
        task.deliver(future)

    def call_and_wait(self, fn: Callable[[], Any]) -> Any:
        """Run `fn` on this worker and block until it is done (start-up and shut-down only)."""
        return self.executor.submit(self._call, fn).result()

    def shutdown(self) -> None:
        """Finish queued work, close this thread's database connection, stop the thread."""
        if self._closed:
            return
        self._closed = True
        self.executor.submit(_close_thread_connection)
        self.executor.shutdown(wait=True)


def _close_thread_connection() -> None:
    if not database.is_closed():
        database.close()   # this thread's connection only (peewee keeps one per thread)


class OpRunner(_Worker):
    """The single write worker. Each op gets a fresh connection so a restore can swap files."""

    def __init__(self, parent=None):
        super().__init__("db-write", close_after_each=True, parent=parent)


class ReadRunner(_Worker):
    """The read worker. It keeps its connection (and its page cache) between queries."""

    def __init__(self, parent=None):
        super().__init__("db-read", close_after_each=False, parent=parent)
        self.latest: dict[str, int] = {}
        self._serial = 0

    def stamp(self, key: str | None) -> int:
        self._serial += 1
        if key:
            self.latest[key] = self._serial
        return self._serial

    def is_current(self, key: str | None, serial: int) -> bool:
        return not key or self.latest.get(key) == serial


class _Task:
    def __init__(self, parent: QObject | None, ctx, fn: Callable[[], Any]):
        self.parent, self.ctx, self.fn = parent, ctx, fn
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None

    def success(self, callback: Callable[[Any], None]):
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]):
        self._on_failure = callback
        return self

    def parent_gone(self) -> bool:
        """The widget that asked was closed and deleted meanwhile: nobody to tell."""
        return self.parent is not None and sip.isdeleted(self.parent)

    def _report(self, future: Future) -> None:
        if self.parent_gone():
            return
        error = future.exception()
        if error is None:
            self._succeeded(future.result())
        elif self._on_failure:
            self._on_failure(error)
        else:
            show_error(self.parent, self.ctx, error)

    def _succeeded(self, result: Any) -> None:
        if self._on_success:
            self._on_success(result)


class Op(_Task):
    """A change to the data, run on the write worker; `changes` is announced when it succeeds."""

    def __init__(self, parent: QWidget | None, ctx, fn: Callable[[], Any], changes=None):
        super().__init__(parent, ctx, fn)
        self.changes = changes

    def run_in_background(self) -> None:
        self.ctx.runner.submit(self)

    def deliver(self, future: Future) -> None:
        if self.changes is not None and future.exception() is None:
            self.ctx.notify(self.changes)     # announced even when the asking widget is gone
        self._report(future)


class Query(_Task):
    """A read on the read worker. Only the newest query per `key` reports back."""

    def __init__(self, parent: QWidget | None, ctx, fn: Callable[[], Any], key: str | None = None):
        super().__init__(parent, ctx, fn)
        self.key = key
        self.serial = 0

    def run_in_background(self) -> None:
        self.serial = self.ctx.reader.stamp(self.key)
        self.ctx.reader.submit(self)

    def deliver(self, future: Future) -> None:
        if self.ctx.reader.is_current(self.key, self.serial):
            self._report(future)


def error_text(ctx, error: BaseException) -> str:
    if isinstance(error, DomainError):
        return error.localised(ctx.language)
    return tr("出现意外错误：") + f"{type(error).__name__}: {error}"


def show_error(parent: QWidget | None, ctx, error: BaseException) -> None:
    QMessageBox.warning(parent, tr("政务公开审签工作站"), error_text(ctx, error))
