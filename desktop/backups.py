"""Upkeep of the open profile: the full integrity check and the rotating backups.

Both run on one background thread of their own (never the UI thread, never the write
worker), one job at a time, so a backup never overlaps another or the check. They start a
few seconds after the window (`start_later`), so reading the whole file does not compete
with the window's first queries for the disk and the processors. Order at start-up: the
full `PRAGMA quick_check` first (a backup of a damaged file would be worthless), then a
backup when the newest one is older than an hour. After that a backup every 30 minutes
when something changed, and one at exit.

The same thread also checkpoints the WAL passively a few seconds after changes
(db.database.passive_checkpoint), so the write worker seldom pays for copying pages back
into the file itself (see the PRAGMAS in db.database).
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from concurrent.futures import Future, ThreadPoolExecutor

from PyQt6.QtCore import QObject, QTimer, pyqtSignal

from db.database import integrity_problems, passive_checkpoint

INTERVAL_MS = 30 * 60 * 1000
CHECKPOINT_AFTER_MS = 5000
START_AFTER_MS = 3000
STALE_AFTER = dt.timedelta(hours=1)


class Upkeep(QObject):
    problems_found = pyqtSignal(list)    # [message, …] from the integrity check
    backed_up = pyqtSignal(object)       # db.backup.BackupFile
    backup_failed = pyqtSignal(str)

    def __init__(self, profile, hub, parent=None):
        super().__init__(parent)
        self.profile = profile
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="upkeep")
        self.changed_since_backup = False
        self.queued_backup: Future | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.backup_if_changed)
        self.start_timer = QTimer(self)
        self.start_timer.setSingleShot(True)
        self.start_timer.timeout.connect(self.start)
        self.checkpoint_timer = QTimer(self)
        self.checkpoint_timer.setSingleShot(True)
        self.checkpoint_timer.setInterval(CHECKPOINT_AFTER_MS)
        self.checkpoint_timer.timeout.connect(self.checkpoint_soon)
        hub.changed.connect(self._note_change)

    def start_later(self, delay_ms: int = START_AFTER_MS) -> None:
        """start() once the window has settled (finish() before then cancels it)."""
        self.start_timer.start(delay_ms)

    def start(self) -> Future:
        """Check the whole file, then back it up if the newest backup is stale."""
        self.timer.start()
        return self.executor.submit(self._check_then_backup)

    def _note_change(self, _changes) -> None:
        self.changed_since_backup = True
        if not self.checkpoint_timer.isActive():
            self.checkpoint_timer.start()

    def checkpoint_soon(self) -> Future:
        return self.executor.submit(self._checkpoint)

    def _checkpoint(self) -> None:
        try:
            passive_checkpoint(self.profile.db_path)
        except sqlite3.Error:   # busy or closing: the next change, or SQLite's own cap, does it
            pass

    def _check_then_backup(self) -> None:
        from db import backup     # on this thread: the window's start needs none of it
        problems = integrity_problems(self.profile.db_path)
        if problems:
            self.problems_found.emit(problems)
            return
        age = backup.newest_backup_age(self.profile)
        if age is None or age > STALE_AFTER:
            self._take_backup()

    def backup_if_changed(self) -> None:
        if self.changed_since_backup:
            self.backup_soon()

    def backup_soon(self) -> Future:
        """Queue a backup unless one is already waiting to run."""
        if self.queued_backup is None or self.queued_backup.done():
            self.changed_since_backup = False
            self.queued_backup = self.executor.submit(self._take_backup)
        return self.queued_backup

    def _take_backup(self) -> None:
        from db import backup
        try:
            taken = backup.backup_now(self.profile)
        except Exception as error:   # a failed backup must never take the app down
            self.backup_failed.emit(str(error))
            return
        self.backed_up.emit(taken)

    def finish(self, final_backup: bool = True) -> None:
        """At exit: stop the timer, take the last backup if anything changed, wait for the thread."""
        self.start_timer.stop()
        self.timer.stop()
        self.checkpoint_timer.stop()
        if final_backup and self.changed_since_backup:
            self.backup_soon()
        self.executor.shutdown(wait=True)
