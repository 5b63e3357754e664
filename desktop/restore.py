"""Restoring the profile from a rotating backup, and choosing a backup to restore.

The dialog lists the profile's backups newest first (time and size) and restores the chosen
one with db.backup.restore on the write worker: the damaged or missing file is moved aside,
never deleted. It is shown at start-up when the profile cannot be opened, after the
background integrity check found a problem, and from the File menu.
"""
from __future__ import annotations

from PyQt6.QtCore import QCoreApplication, Qt
from PyQt6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QProgressBar, QTableWidget,
    QTableWidgetItem, QVBoxLayout,
)

from db import backup
from desktop.login import message_label
from desktop.operations import Op, error_text

REASON_MISSING, REASON_CORRUPT, REASON_CHECK, REASON_ASKED = "missing", "corrupt", "check", "asked"


def tr(text: str) -> str:
    return QCoreApplication.translate("RestoreDialog", text)


def reason_text(reason: str, detail: str = "") -> str:
    texts = {
        REASON_MISSING: tr("找不到资料库文件。可以从下面的自动备份中恢复。"),
        REASON_CORRUPT: tr("资料库文件已损坏，无法打开。可以从下面的自动备份中恢复；损坏的文件会另存，不会删除。"),
        REASON_CHECK: tr("资料库完整性检查发现问题。建议从下面的自动备份中恢复；当前文件会另存，不会删除。"),
        REASON_ASKED: tr("选择要恢复的备份。当前资料库文件会另存，不会删除；备份之后所做的修改将不在恢复后的资料库中。"),
    }
    text = texts.get(reason, texts[REASON_ASKED])
    return text + ("\n" + tr("技术信息：") + detail if detail else "")


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


class RestoreDialog(QDialog):
    """Accepted after a backup was put in place of the profile database."""

    def __init__(self, ctx, reason: str = REASON_ASKED, detail: str = "", parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("从备份恢复资料库"))
        self.backups = backup.list_backups(ctx.profile)
        self.moved_to = None
        self.explanation = QLabel(reason_text(reason, detail))
        self.explanation.setWordWrap(True)
        self.table = self._backup_table()
        self.message = message_label()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText(tr("恢复所选备份"))
        if reason in (REASON_MISSING, REASON_CORRUPT):    # without a restore the app cannot start
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("退出"))
        self.buttons.accepted.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()

    def _backup_table(self) -> QTableWidget:
        table = QTableWidget(len(self.backups), 3)
        table.setHorizontalHeaderLabels([tr("备份时间"), tr("大小"), tr("文件")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        for row, item in enumerate(self.backups):
            cells = (item.taken_at.strftime("%Y-%m-%d %H:%M:%S"), size_text(item.size), item.path.name)
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
            table.item(row, 1).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.resizeColumnsToContents()
        for column in (0, 1):
            table.setColumnWidth(column, table.columnWidth(column) + 16)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        if self.backups:
            table.selectRow(0)
        table.doubleClicked.connect(self.restore_selected)
        return table

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        if self.backups:
            layout.addWidget(self.table)
        else:
            self.table.hide()
            self.restore_button.setEnabled(False)
            self.message.setText(tr("没有可用的备份。"))
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        if not self.backups:
            layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(620, 380 if self.backups else 200)

    def selected_backup(self) -> backup.BackupFile | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def restore_selected(self) -> None:
        chosen = self.selected_backup()
        if chosen is None or not self.restore_button.isEnabled():
            return
        from db.database import close
        close()   # this (main) thread's connection; the restore runs on the write worker
        profile = self.ctx.profile
        self._busy(True)
        (Op(self, self.ctx, lambda: backup.restore(profile, chosen))
         .success(self._restored).failure(self._failed).run_in_background())

    def _busy(self, busy: bool) -> None:
        self.restore_button.setEnabled(not busy)
        self.table.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.message.setText(tr("正在恢复……") if busy else "")

    def _restored(self, moved_to) -> None:
        self.moved_to = moved_to
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.message.setText(error_text(self.ctx, error))
