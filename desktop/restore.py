"""Restoring the profile from a rotating backup, and choosing a backup to restore.

The dialog lists the profile's backups newest first (time and size) and restores the chosen
one with db.backup.restore on the write worker: the damaged or missing file is moved aside,
never deleted. Under the list it says what restoring the chosen backup costs: the changes
made after that backup's time, and where the current file is kept. It is shown at start-up when the profile cannot be opened, after the
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
        REASON_CORRUPT: tr("资料库文件已损坏，无法打开。可以从下面的自动备份中恢复。"),
        REASON_CHECK: tr("资料库完整性检查发现问题。建议从下面的自动备份中恢复。"),
        REASON_ASKED: tr("选择要恢复的备份。"),
    }
    text = texts.get(reason, texts[REASON_ASKED])
    return text + ("\n" + tr("技术信息：") + detail if detail else "")


def taken_text(chosen: backup.BackupFile) -> str:
    return chosen.taken_at.strftime("%Y-%m-%d %H:%M:%S")


def consequence_text(reason: str, chosen: backup.BackupFile | None, db_path) -> str:
    """What restoring `chosen` costs and where the current file goes (db.backup._move_aside
    renames it to <file>.damaged-<time of the restore> in the profile's folder)."""
    if chosen is None:
        return ""
    lost = tr("恢复后，资料库回到这份备份的时间（{time}）：此后所做的修改都会丢失。").format(time=taken_text(chosen))
    if reason == REASON_MISSING:
        return lost
    kept = (tr("损坏的文件不会删除，将改名保留为：") if reason in (REASON_CORRUPT, REASON_CHECK)
            else tr("当前的资料库文件不会删除，将改名保留为："))
    aside = str(db_path.parent / f"{db_path.name}.damaged-") + tr("（恢复时的日期时间）")
    return f"{lost}\n{kept}\n{aside}"


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
        self.reason = reason
        self.moved_to = None
        self.explanation = QLabel(reason_text(reason, detail))
        self.explanation.setWordWrap(True)
        self.consequence = QLabel()
        self.consequence.setObjectName("restoreConsequence")
        self.consequence.setWordWrap(True)
        self.consequence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path, to copy
        self.consequence.setStyleSheet("font-weight: bold")
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
        self.table.itemSelectionChanged.connect(self._show_consequence)
        self._show_consequence()

    def _backup_table(self) -> QTableWidget:
        table = QTableWidget(len(self.backups), 3)
        table.setHorizontalHeaderLabels([tr("备份时间"), tr("大小"), tr("文件")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        for row, item in enumerate(self.backups):
            cells = (taken_text(item), size_text(item.size), item.path.name)
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
            layout.addWidget(self.consequence)
        else:
            self.table.hide()
            self.restore_button.setEnabled(False)
            self.message.setText(tr("没有可用的备份。"))
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        if not self.backups:
            layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(640, 440 if self.backups else 200)

    def _show_consequence(self) -> None:
        self.consequence.setText(consequence_text(self.reason, self.selected_backup(), self.ctx.profile.db_path))

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
