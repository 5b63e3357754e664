"""The editor's attachment list: add (dialog or drag and drop), open, remove.

Hashing and copying a file happen on the write worker while a busy bar shows; a file the
data layer refuses (too large, unreadable) is reported here and the others are kept.
"""
from __future__ import annotations

import threading
from pathlib import Path

from PyQt6.QtCore import QCoreApplication, QUrl, pyqtSignal
from PyQt6.QtGui import QDesktopServices
from PyQt6.QtWidgets import (
    QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QProgressBar, QPushButton,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from db.attachments import human_size, max_bytes
from db.models import Attachment, User
from desktop.editor.banner import local_time
from desktop.editor.body import local_files

ID_ROLE = 256   # Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("AttachmentsPanel", text)


class AttachmentsPanel(QWidget):
    count_changed = pyqtSignal(int)

    def __init__(self, ctx, session, parent=None):
        super().__init__(parent)
        self.ctx, self.session = ctx, session
        self.read_only = False
        self.adding = False
        self.list = QTreeWidget(self)
        self.list.setObjectName("attachmentList")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([tr("文件名"), tr("大小"), tr("添加时间"), tr("添加人")])
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.itemDoubleClicked.connect(lambda *_: self.open_selected())
        self.list.itemSelectionChanged.connect(self._enable)
        self.add_button = QPushButton(tr("添加附件…"), self)
        self.open_button = QPushButton(tr("打开"), self)
        self.remove_button = QPushButton(tr("移除"), self)
        self.cancel_button = QPushButton(tr("取消添加"), self)
        self.cancel_button.setToolTip(tr("不再添加剩下的文件；已添加的保留"))
        self.cancel_button.clicked.connect(self.cancel_adding)
        self._cancel: threading.Event | None = None
        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(10)
        self.busy_label = QLabel(self)
        self.error = QLabel(self)
        self.error.setObjectName("attachmentError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e")
        hint = QLabel(tr("可将文件拖放到编辑窗口中添加；单个附件不超过 {limit}。").format(limit=human_size(max_bytes())), self)
        hint.setStyleSheet("color: #666")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.busy, 1)
        busy_row.addWidget(self.cancel_button)
        layout.addLayout(busy_row)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        self.setAcceptDrops(True)
        self._set_busy(False)
        session.failed.connect(lambda _error: self._set_busy(False))

    # showing ---------------------------------------------------------------------------
    def reload(self) -> None:
        self.list.clear()
        rows = []
        if self.session.item_id:
            rows = list(Attachment.current_of(self.session.item_id).join(User, on=(Attachment.added_by == User.id))
                        .select(Attachment, User.display_name.alias("adder")).objects())
        for row in rows:
            node = QTreeWidgetItem([row.filename, human_size(row.size), local_time(row.added_at), row.adder])
            node.setData(0, ID_ROLE, row.id)
            node.setToolTip(0, row.filename)
            self.list.addTopLevelItem(node)
        self.count_changed.emit(len(rows))
        self._enable()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._enable()

    def _enable(self) -> None:
        busy = self.adding
        chosen = self.list.currentItem() is not None
        self.add_button.setEnabled(not self.read_only and not busy)
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and not self.read_only and not busy)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.adding = busy
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.busy_label.setText(text)
        self._enable()

    def selected_id(self) -> str | None:
        node = self.list.currentItem()
        return node.data(0, ID_ROLE) if node else None

    # actions -----------------------------------------------------------------------------
    def choose_files(self) -> None:
        start = self.ctx.settings.value("editor/attachment_dir", "")
        paths, _filter = QFileDialog.getOpenFileNames(self, tr("添加附件"), start)
        if paths:
            self.ctx.settings.setValue("editor/attachment_dir", str(Path(paths[0]).parent))
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        if self.read_only or not paths:
            return
        self.error.clear()
        self._set_busy(True, tr("正在添加 {n} 个文件…").format(n=len(paths)))
        self._cancel = threading.Event()
        self.session.add_files(paths, self._added, self._cancel)

    def cancel_adding(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.busy_label.setText(tr("正在取消…"))

    def _added(self, outcome) -> None:
        self._set_busy(False)
        self._cancel = None
        lines = [e.localised(self.ctx.language) for e in outcome.errors]
        if outcome.skipped:
            lines.append(tr("已取消，未添加：{names}").format(names="、".join(outcome.skipped)))
        self.error.setText("\n".join(lines))
        self.reload()

    def open_selected(self) -> None:
        attachment_id = self.selected_id()
        if attachment_id:
            self.session.readable_copy(attachment_id, self._open_copy)

    def _open_copy(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.error.setText(tr("没有能打开此文件的程序：{path}").format(path=path))

    def remove_selected(self) -> None:
        node = self.list.currentItem()
        if node is None or self.read_only:
            return
        answer = QMessageBox.question(self, tr("移除附件"),
                                      tr("确定从此信息中移除附件“{name}”吗？").format(name=node.text(0)))
        if answer == QMessageBox.StandardButton.Yes:
            self.session.remove_attachment(node.data(0, ID_ROLE), lambda _result: self.reload())

    # drag and drop -------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if local_files(event.mimeData()) and not self.read_only:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.add_files(files)
