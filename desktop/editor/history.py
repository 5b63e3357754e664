"""历史: every save of the item (autosaves collapsed), with a preview and a way back."""
from __future__ import annotations

import html
from typing import Callable

from PyQt6.QtCore import QCoreApplication, Qt
from PyQt6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QSplitter, QTextBrowser,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from db import content
from db.items import fields_from_content
from db.models import Revision, User
from desktop.editor import fields as field_map
from desktop.editor.banner import local_time

ID_ROLE = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("HistoryPanel", text)


def preview_html(saved: dict) -> str:
    """A revision as a small page: title, catalogue fields, body."""
    values = fields_from_content(saved)
    values["index_no"] = (saved.get("meta") or {}).get("index_no", "")
    rows = "".join(f"<tr><td style='color:#555; padding-right:12px'>{html.escape(label)}</td>"
                   f"<td>{html.escape(text or '—')}</td></tr>" for label, text in field_map.display_rows(values))
    files = "、".join(html.escape(a["filename"]) for a in saved.get("attachments") or [])
    attached = f"<p style='color:#555'>{html.escape(tr('附件：'))}{files}</p>" if files else ""
    return (f"<h2>{html.escape(saved.get('title') or tr('（无标题）'))}</h2><table>{rows}</table>"
            f"{attached}<hr>{saved.get('body_html') or ''}")


class HistoryPanel(QWidget):
    def __init__(self, ctx, session, restore: Callable[[dict], None], parent=None):
        super().__init__(parent)
        self.ctx, self.session, self.restore = ctx, session, restore
        self.read_only = False
        self.list = QTreeWidget(self)
        self.list.setObjectName("historyList")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([tr("保存时间"), tr("保存人"), tr("方式")])
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("historyPreview")
        self.restore_button = QPushButton(tr("恢复到编辑器"), self)
        self.restore_button.setToolTip(tr("用这次保存的内容替换编辑器中的标题、正文和目录要素"))
        self.restore_button.clicked.connect(self.restore_selected)
        note = QLabel(tr("连续的自动保存合并为一条；附件的增删各算一次保存。"), self)
        note.setStyleSheet("color: #666")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        splitter.setSizes([160, 300])
        buttons = QHBoxLayout()
        buttons.addWidget(note, 1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._enable()

    def reload(self) -> None:
        self.list.clear()
        if self.session.item_id:
            rows = (Revision.select(Revision.id, Revision.saved_at, Revision.autosave, User.display_name)
                    .join(User, on=(Revision.saved_by == User.id))
                    .where(Revision.item == self.session.item_id).order_by(Revision.id.desc()).tuples())
            for revision_id, saved_at, autosave, who in rows:
                kind = tr("自动保存") if autosave else tr("保存")
                node = QTreeWidgetItem([local_time(saved_at, seconds=True), who, kind])
                node.setData(0, ID_ROLE, revision_id)
                self.list.addTopLevelItem(node)
        self.preview.clear()
        self._enable()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._enable()

    def _enable(self) -> None:
        self.restore_button.setEnabled(self.list.currentItem() is not None and not self.read_only)

    def _selected_content(self) -> dict | None:
        node = self.list.currentItem()
        revision = Revision.get_or_none(Revision.id == node.data(0, ID_ROLE)) if node else None
        return content.loads(revision.content) if revision else None

    def _show_selected(self) -> None:
        saved = self._selected_content()
        self.preview.setHtml(preview_html(saved) if saved else "")
        self._enable()

    def restore_selected(self) -> None:
        saved = self._selected_content()
        if saved is None or self.read_only:
            return
        when = self.list.currentItem().text(0)
        answer = QMessageBox.question(self, tr("恢复历史内容"),
                                      tr("用 {when} 保存的内容替换编辑器中的当前内容吗？\n替换后仍可再恢复其他历史。").format(when=when))
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(saved)
