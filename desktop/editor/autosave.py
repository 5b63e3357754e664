"""When to autosave: shortly after the typing stops, and regularly while it goes on.

A pure debounce would never save during a long burst of typing, so a second timer,
started by the first change of a burst and not restarted, caps the wait.
"""
from __future__ import annotations

from PyQt6.QtCore import QObject, QTimer, pyqtSignal

QUIET_MS = 2000      # save this long after the last change
MAX_WAIT_MS = 5000   # ...but never later than this after the first unsaved change


class AutosaveTimer(QObject):
    due = pyqtSignal()

    def __init__(self, parent=None, quiet_ms: int = QUIET_MS, max_wait_ms: int = MAX_WAIT_MS):
        super().__init__(parent)
        self.quiet = self._timer(quiet_ms)
        self.max_wait = self._timer(max_wait_ms)

    def _timer(self, interval: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(self._fire)
        return timer

    def poke(self) -> None:
        """A change happened."""
        self.quiet.start()
        if not self.max_wait.isActive():
            self.max_wait.start()

    def stop(self) -> None:
        self.quiet.stop()
        self.max_wait.stop()

    def pending(self) -> bool:
        return self.quiet.isActive() or self.max_wait.isActive()

    def _fire(self) -> None:
        self.stop()
        self.due.emit()
