"""The editor's 配套信息 panel: links a 政策文件 with its 政策解读 (db.workflow.bundles).

Registered in desktop.editor.panels for columns of kind "policy" and "interpretation".
It shows the partner the working copy is linked to, lets the drafter choose another
from their section's items of the paired kind or remove the link, and says the rule:
a policy document goes to review, is approved and goes live only with its
interpretation. `values()` gives {"related_id": …}; db.items.save_item keeps the link
two-way when the draft is saved.
"""
from __future__ import annotations

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, pyqtSignal
from PyQt6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QVBoxLayout, QWidget,
)

from db.models import Column, Item
from db.workflow import bundles
from desktop.editor.banner import state_name

HEADINGS = {"policy": QT_TRANSLATE_NOOP("BundlePanel", "配套的政策解读"),
            "interpretation": QT_TRANSLATE_NOOP("BundlePanel", "所解读的政策文件")}


def tr(text: str) -> str:
    return QCoreApplication.translate("BundlePanel", text)


def book_title(title: str) -> str:
    """A title in 《》, unless it starts with one already (《…》政策解读)."""
    return title if title.startswith("《") else f"《{title}》"


class Panel(QWidget):
    changed = pyqtSignal()

    def __init__(self, ctx, editor):
        super().__init__()
        self.ctx, self.editor = ctx, editor
        self.partner_id = ""
        self.read_only = False
        self.heading = QLabel()
        self.partner = QLabel()
        self.partner.setWordWrap(True)
        self.partner.setObjectName("bundle_partner")
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.choose_button = QPushButton(tr("选择…"))
        self.choose_button.clicked.connect(self.choose)
        self.unlink_button = QPushButton(tr("解除关联"))
        self.unlink_button.clicked.connect(self.unlink)
        buttons = QHBoxLayout()
        buttons.addWidget(self.partner, 1)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.unlink_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        layout.addWidget(self.rule)

    # the editor's panel protocol ---------------------------------------------------------------
    def load(self, item) -> None:
        self.partner_id = item.related_id or ""
        self._show()

    def values(self) -> dict:
        return {"related_id": self.partner_id}

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._show()

    # choosing ------------------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        column = Column.get_or_none(Column.id == self.editor.session.column_id)
        return column.kind if column is not None else ""

    def choose(self) -> None:
        candidates = bundles.partner_candidates(self.ctx.user, self.kind, self.editor.item_id)
        dialog = PartnerChooser(self, HEADINGS.get(self.kind, ""), candidates, self.partner_id)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen and dialog.chosen != self.partner_id:
            self._set(dialog.chosen)

    def unlink(self) -> None:
        self._set("")

    def _set(self, partner_id: str) -> None:
        self.partner_id = partner_id
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        kind = self.kind
        self.heading.setText(tr(HEADINGS.get(kind, "")))
        partner = Item.get_or_none(Item.id == self.partner_id) if self.partner_id else None
        if partner is None:
            self.partner.setText(tr("尚未关联"))
        else:
            self.partner.setText(tr("{title}（{state}）").format(title=book_title(partner.title),
                                                                 state=state_name(partner.state)))
        if kind == "policy":
            self.rule.setText(tr("政策文件须与政策解读同步起草、同步审签、同步发布：提交时一并送审，"
                                 "批准后一同发布。"))
        else:
            self.rule.setText(tr("政策解读随所解读的政策文件一并送审、一同发布。"))
        self.choose_button.setEnabled(not self.read_only)
        self.unlink_button.setEnabled(not self.read_only and partner is not None)


class PartnerChooser(QDialog):
    """A list of the items that could be the partner, narrowed by what the user types."""

    def __init__(self, parent, heading: str, candidates: list, current: str):
        super().__init__(parent)
        self.setWindowTitle(tr("选择{what}").format(what=tr(heading)))
        self.chosen = ""
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("输入标题中的文字筛选"))
        self.filter.textChanged.connect(self._narrow)
        self.list = QListWidget()
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        for candidate in candidates:
            row = QListWidgetItem(self._label(candidate))
            row.setData(Qt.ItemDataRole.UserRole, candidate.id)
            self.list.addItem(row)
            if candidate.id == current:
                self.list.setCurrentItem(row)
        self.empty = QLabel(tr("本科室没有可以关联的信息，请先起草。"))
        self.empty.setVisible(not candidates)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("关联"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(560, 420)

    @staticmethod
    def _label(candidate) -> str:
        label = f"{candidate.title}　{candidate.column} · {state_name(candidate.state)}"
        if candidate.partner_title:
            label += tr("（现与{title}关联）").format(title=book_title(candidate.partner_title))
        return label

    def _narrow(self, text: str) -> None:
        for index in range(self.list.count()):
            row = self.list.item(index)
            row.setHidden(bool(text) and text not in row.text())

    def accept(self) -> None:
        row = self.list.currentItem()
        self.chosen = row.data(Qt.ItemDataRole.UserRole) if row is not None and not row.isHidden() else ""
        super().accept()
