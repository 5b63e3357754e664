"""'New item': choose the column, among those the user may draft in, then open the editor.

Which columns a user may draft in is db.items.require_drafter_of's answer (role, own
section, the column takes items, the column is open to the section); the chooser only
asks it, so what it offers is exactly what creating would accept.
"""
from __future__ import annotations

import importlib.util

from PyQt6.QtCore import QCoreApplication, Qt
from PyQt6.QtGui import QBrush, QColor
from PyQt6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout

ID_ROLE = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("NewItemDialog", text)


def draftable_columns(user) -> set[str]:
    """Ids of the columns `user` may create items in."""
    from db.errors import DomainError
    from db.items import require_drafter_of
    from db.models import Column
    allowed = set()
    for column in Column.select().where(Column.accepts_items & Column.active):
        try:
            require_drafter_of(user, column, user.section_id)
        except DomainError:
            continue
        allowed.add(column.id)
    return allowed


def open_editor(ctx, parent, item_id: str | None = None, column_id: str | None = None):
    """Open the item editor if it is installed (desktop.editor); None when it is not."""
    if importlib.util.find_spec("desktop.editor") is None:
        return None
    from desktop.editor import open_editor as editor_open
    return editor_open(ctx, parent, item_id=item_id, column_id=column_id)


class NewItemDialog(QDialog):
    """A tree of columns; those the user may not draft in are shown greyed out."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        from desktop.pages.items_query import column_tree
        self.setWindowTitle(tr("新建信息"))
        self.allowed = allowed = draftable_columns(ctx.user)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self._fill(column_tree(), allowed)
        self.tree.itemDoubleClicked.connect(lambda *_: self.accept_if_chosen())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept_if_chosen)
        self.buttons.rejected.connect(self.reject)
        self.tree.currentItemChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("选择新信息所属的栏目（灰色栏目不属于本科室或不接收信息）：")))
        layout.addWidget(self.tree)
        layout.addWidget(self.buttons)
        self.resize(420, 460)
        self._select_first(allowed)

    def _fill(self, nodes, allowed: set[str]) -> None:
        parents: list[QTreeWidgetItem] = []
        for node in nodes:
            del parents[node.depth:]
            item = QTreeWidgetItem([node.name])
            item.setData(0, ID_ROLE, node.id)
            if node.id not in allowed:
                # Not disabled: a disabled parent would disable the columns below it too.
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                item.setForeground(0, QBrush(QColor("#999999")))
            (parents[-1].addChild(item) if parents else self.tree.addTopLevelItem(item))
            parents.append(item)
        self.tree.expandAll()

    def _select_first(self, allowed: set[str]) -> None:
        iterator = [self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount())]
        while iterator:
            item = iterator.pop(0)
            if item.data(0, ID_ROLE) in allowed:
                self.tree.setCurrentItem(item)
                break
            iterator = [item.child(n) for n in range(item.childCount())] + iterator
        self._update_ok()

    def chosen_column_id(self) -> str | None:
        item = self.tree.currentItem()
        column_id = item.data(0, ID_ROLE) if item is not None else None
        return column_id if column_id in self.allowed else None

    def _update_ok(self, *_args) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chosen_column_id() is not None)

    def accept_if_chosen(self) -> None:
        if self.chosen_column_id():
            self.accept()
