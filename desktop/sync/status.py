"""The sync status-bar widget: last successful sync, pending operations, the last error in words.

Registered in desktop.main_window.STATUS_WIDGETS. It also owns the sync controller of the
window: the F9 action (工具 → 立即同步), the timer, the progress dialog that appears only
when a sync takes longer than ~600 ms, and the password prompt when there is no keyring.
"""
from __future__ import annotations

import re
import time

from PyQt6.QtCore import QCoreApplication, Qt, QTimer
from PyQt6.QtGui import QAction, QKeySequence
from PyQt6.QtWidgets import (
    QHBoxLayout, QInputDialog, QLabel, QLineEdit, QProgressDialog, QToolButton, QWidget,
)

from db.models import OutboxOp
from db.sync import state
from db.sync.errors import Cancelled, NotConfigured
from desktop.operations import Query
from desktop.sync import credentials
from desktop.sync.controller import SyncController

SHOW_PROGRESS_AFTER = 0.6
ERROR_STYLE, CANCELLED_STYLE = "color: #b00020", "color: #555"
PHASES = {"push": "正在上传本地更改", "pull": "正在下载其他工作站的更改", "": "正在连接网站数据库"}


def tr(text: str) -> str:
    return QCoreApplication.translate("Sync", text)


def status_text(language: str = "zh_CN") -> tuple[str, str]:
    """(text, tooltip) for the status bar, read from the profile."""
    last = state.get(state.LAST_SUCCESS)
    pending = OutboxOp.select().where(OutboxOp.state == "pending").count()
    error = state.get(state.LAST_ERROR_EN if language.startswith("en") else state.LAST_ERROR)
    when = _local_time(last) if last else tr("从未")
    text = tr("上次同步：{when}　待同步：{n} 项").format(when=when, n=pending)
    if error and not was_cancelled(error):      # a cancel is said beside it, in grey, not as a failure
        text += "　" + tr("同步失败")
    return text, error


def was_cancelled(error: str) -> bool:
    """The last sync stopped because the user pressed Cancel (no failure to report in red)."""
    cancelled = Cancelled()
    return error in (str(cancelled), cancelled.english)


def read_status(user, language: str = "zh_CN") -> tuple[str, str, int]:
    """(text, tooltip, open conflicts): everything the widget shows, read from the profile."""
    from db.sync import conflicts
    return (*status_text(language), conflicts.open_count(user))


def _local_time(stamp: str) -> str:
    from db import clock
    moment = clock.parse(stamp).astimezone()
    return moment.strftime("%H:%M") if moment.date() == clock.now_dt().astimezone().date() else moment.strftime("%m-%d %H:%M")


class StatusWidget(QWidget):
    def __init__(self, ctx, window=None):
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self.setObjectName("syncStatus")
        self.label = QLabel()
        self.label.setObjectName("syncStatusText")
        self.error = QLabel()
        self.error.setObjectName("syncError")
        self.conflicts = QToolButton()
        self.conflicts.setObjectName("syncConflicts")
        self.conflicts.setAutoRaise(True)
        self.conflicts.clicked.connect(self.open_conflicts)
        self.button = QToolButton()
        self.button.setObjectName("syncNow")
        self.button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.error, self.conflicts, self.button):
            layout.addWidget(widget)
        self.controller = SyncController(ctx, self)
        self.action = QAction(tr("立即同步"), self)
        self.action.setShortcut(QKeySequence(Qt.Key.Key_F9))
        self.action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action.triggered.connect(lambda: self.sync_now())
        self.button.setDefaultAction(self.action)
        self._add_menu_actions()
        self.progress_dialog: QProgressDialog | None = None
        self.poll = QTimer(self)
        self.poll.setInterval(100)
        self.poll.timeout.connect(self._poll)
        self.controller.started.connect(self._started)
        self.controller.finished.connect(self._finished)
        self.controller.needs_password.connect(self._ask_password)
        ctx.hub.changed.connect(lambda changes: self.refresh())
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.controller.shutdown)
        self.refreshed = False
        self._first_refresh()

    def _add_menu_actions(self) -> None:
        if self.window is None or not hasattr(self.window, "menu"):
            self.addAction(self.action)
            return
        tools = self.window.menu("tools")
        tools.addAction(self.action)
        if self.ctx.user is not None and self.ctx.user.role == "admin":
            settings = tools.addAction(tr("网站数据库连接设置…"))
            settings.triggered.connect(self.open_settings)

    # --- what the bar shows -------------------------------------------------------------------
    def _first_refresh(self) -> None:
        """Read on the read worker, so the window shows before the figures are in."""
        if self.ctx.reader is None:
            self.refresh()
            return
        self.label.setText(tr("正在读取同步状态……"))
        self.error.hide()
        self.conflicts.hide()
        user, language = self.ctx.user, self.ctx.language
        (Query(self, self.ctx, lambda: read_status(user, language), key=f"sync-status.{id(self)}")
         .success(self._first_status).run_in_background())

    def _first_status(self, status: tuple[str, str, int]) -> None:
        if not self.refreshed:          # a later refresh already showed newer figures
            self._show(*status)

    def refresh(self) -> None:
        self.refreshed = True
        self._show(*read_status(self.ctx.user, self.ctx.language))

    def _show(self, text: str, error: str, count: int) -> None:
        self.label.setText(text)
        self._show_error(error)
        self.conflicts.setText(tr("冲突 {n} 项").format(n=count))
        self.conflicts.setVisible(count > 0)

    def _show_error(self, error: str) -> None:
        cancelled = was_cancelled(error)
        self.error.setStyleSheet(CANCELLED_STYLE if cancelled else ERROR_STYLE)
        self.error.setText(error if cancelled else _short(error))
        self.error.setToolTip(error)
        self.error.setVisible(bool(error))

    # --- running ------------------------------------------------------------------------------
    def sync_now(self, password: str | None = None) -> None:
        """F9: sync now; when nothing can start for want of settings, say so."""
        if not self.controller.sync_now(password):
            self.refresh()
            if credentials.saved_url(self.ctx.settings) is None:
                self._show_error(NotConfigured().localised(self.ctx.language))

    def _started(self) -> None:
        self.action.setEnabled(False)
        self.label.setText(tr("正在同步……"))
        self.poll.start()

    def _poll(self) -> None:
        if not self.controller.running():
            return
        if self.progress_dialog is None and time.monotonic() - self.controller.started_at >= SHOW_PROGRESS_AFTER:
            self.progress_dialog = self._make_progress_dialog()
        if self.progress_dialog is not None:
            progress = self.controller.progress()
            self.progress_dialog.setLabelText(tr(PHASES.get(progress.phase, PHASES[""])) +
                                              (f"（{progress.done}/{progress.total}）" if progress.total else "……"))
            self.progress_dialog.setMaximum(max(progress.total, 0))
            self.progress_dialog.setValue(min(progress.done, progress.total) if progress.total else 0)

    def _make_progress_dialog(self) -> QProgressDialog:
        dialog = QProgressDialog(tr("正在连接网站数据库……"), tr("取消"), 0, 0, self.window)
        dialog.setObjectName("syncProgress")
        dialog.setWindowTitle(tr("同步"))
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(420)
        dialog.canceled.connect(self._cancel)
        dialog.show()
        return dialog

    def _cancel(self) -> None:
        self.controller.cancel()
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(tr("正在取消：等当前一小步完成后停止……"))

    def _finished(self, report, error) -> None:
        self.poll.stop()
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self.action.setEnabled(True)
        self.refresh()
        if report is not None:
            self.label.setToolTip(report.summary())

    def _ask_password(self, url) -> None:
        password, ok = QInputDialog.getText(
            self.window, tr("网站数据库密码"),
            tr("请输入 {who} 的数据库密码（本机没有可用的系统密钥环，密码只在本次运行中保存在内存里）").format(
                who=url.keyring_username()), QLineEdit.EchoMode.Password)
        if ok and password:
            credentials.store_password(url, password)
            self.sync_now(password)

    # --- other screens ------------------------------------------------------------------------
    def open_conflicts(self) -> None:
        from desktop.sync.conflicts_dialog import ConflictsDialog
        ConflictsDialog(self.ctx, self.window).exec()
        self.refresh()

    def open_settings(self) -> None:
        from desktop.sync.settings_dialog import SyncSettingsDialog
        if SyncSettingsDialog(self.ctx, self.window).exec():
            self.controller.apply_interval()
            self.refresh()


def _short(text: str) -> str:
    """The head of a message for the crowded status bar (the tooltip has all of it):
    无法连接网站数据库, not a sentence cut in the middle."""
    first = re.split(r"，|; |（| \(", text, maxsplit=1)[0]
    limit = 36 if re.search(r"[\u4e00-\u9fff]", first) else 72      # Latin letters take half the room
    return first if len(first) <= limit else first[:limit - 1] + "…"
