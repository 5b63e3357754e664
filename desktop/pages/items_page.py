"""The item list page: filters, the lazy table, totals, new item, open and discard.

Drafters see their section's returned items pinned on top with the return reason on a
second line. Double-click or Enter opens the editor; the context menu also offers
discarding a never-submitted draft (db.items.discard_draft decides whether that is allowed).
"""
from __future__ import annotations

from PyQt6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt
from PyQt6.QtWidgets import (
    QAbstractItemView, QHeaderView, QMenu, QMessageBox, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)

from desktop.context import Changes
from desktop.operations import Op, Query
from desktop.pages import items_query
from desktop.pages.items_filters import DRAFTING_ROLES, FilterBar
from desktop.pages.items_model import COLUMNS, STATE_NAMES, ItemTableModel
from desktop.pages.items_new import NewItemDialog, open_editor

# Texts as wide as the widest usual value of each column beside the title (which takes the rest).
SAMPLE_TEXTS = {"column": "审批备案情况", "section": "公共资源交易管理科", "index_no": "XYSXZFWZX/2026-00000",
                "written_on": "2026-12-31", "updated_at": "2026-12-31 23:59"}


def tr(text: str) -> str:
    return QCoreApplication.translate("ItemsPage", text)


class Page(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._tall_rows = 0
        self._place: tuple[str | None, int] = (None, 0)    # selection and scroll kept by refresh()
        self.filters = FilterBar(ctx.user)
        self.model = ItemTableModel(ctx, self)
        self.table = self._make_table()
        self.new_button = QPushButton(tr("新建信息"))
        self.new_button.setToolTip(tr("新建信息（Ctrl+N）"))
        self.new_button.setVisible(self.can_draft())
        self.new_button.clicked.connect(self.new_item)
        self._lay_out()
        self.load_directory()
        self.filters.restore(ctx.settings)
        self.filters.changed.connect(self.apply_filter)
        self.model.loaded.connect(self._after_load)
        ctx.hub.changed.connect(self.on_changes)
        self.apply_filter(self.filters.current())

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("itemTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        table.activated.connect(self.open_index)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for number, name in enumerate(COLUMNS[1:], start=1):
            header.resizeSection(number, self._column_width(table, number, name))
        return table

    def _column_width(self, table: QTableView, number: int, name: str) -> int:
        samples = [STATE_NAMES[s] for s in STATE_NAMES] if name == "state" else [SAMPLE_TEXTS[name]]
        texts = [tr(text) for text in samples] + [self.model.headerData(number, Qt.Orientation.Horizontal)]
        return max(table.fontMetrics().horizontalAdvance(text) for text in texts) + 20

    def _lay_out(self) -> None:
        self.filters.top_row.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.table)

    def can_draft(self) -> bool:
        return self.ctx.user.role in DRAFTING_ROLES

    # --- loading ----------------------------------------------------------------------------
    def load_directory(self) -> None:
        nodes = items_query.column_tree()
        section_names = items_query.names_of("section")
        self.model.set_names({node.id: node.name for node in nodes}, section_names)
        from db.models import Section
        ordered = [(s.id, s.name) for s in Section.select(Section.id, Section.name).order_by(Section.sort_order)]
        self.filters.set_directory(nodes, ordered)

    def apply_filter(self, flt: items_query.ItemFilter, keep_place: bool = False) -> None:
        self.filters.save(self.ctx.settings)
        if keep_place:
            self._place = (self.current_item_id(), self.table.verticalScrollBar().value())
        self.model.reload(flt, rows=self.model.rowCount() if keep_place else 0)
        self.filters.total.setText(tr("正在统计……"))
        (Query(self, self.ctx, lambda: items_query.count(flt), key=f"items.count.{id(self)}")
         .success(self._show_total).run_in_background())

    def _show_total(self, total: int) -> None:
        self.filters.total.setText(tr("共 {n} 条").format(n=f"{total:,}"))

    def refresh(self) -> None:
        """Read the list again, keeping the selected item and the scroll position."""
        self.apply_filter(self.filters.current(), keep_place=True)

    def on_changes(self, changes: Changes) -> None:
        if changes.directory:
            self.load_directory()
        if changes.items or changes.directory:
            self.refresh()

    def _after_load(self) -> None:
        # Row heights outlive a model reset: give back the default to rows that were pinned.
        header = self.table.verticalHeader()
        for row in range(min(self._tall_rows, self.model.rowCount())):
            header.resizeSection(row, header.defaultSectionSize())
        self._tall_rows = self.model.pinned_count()
        for row in range(self._tall_rows):
            self.table.setRowHeight(row, 2 * self.table.fontMetrics().height() + 12)
        chosen, scrolled = self._place
        self._place = (None, 0)
        row = self.model.row_of(chosen) if chosen else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.verticalScrollBar().setValue(scrolled)
        elif self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    # --- actions ------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def current_item_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.item_id(index.row()) if index.isValid() else None

    def open_index(self, index: QModelIndex) -> None:
        item_id = self.model.item_id(index.row())
        if item_id:
            open_editor(self.ctx, self.window(), item_id=item_id)

    def open_current(self) -> None:
        if self.table.currentIndex().isValid():
            self.open_index(self.table.currentIndex())

    def new_item(self) -> None:
        if not self.can_draft():
            return
        dialog = NewItemDialog(self.ctx, self)
        if dialog.exec() == NewItemDialog.DialogCode.Accepted:
            open_editor(self.ctx, self.window(), item_id=None, column_id=dialog.chosen_column_id())

    def _context_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if not index.isValid():
            return
        row = self.model.rows[index.row()]
        menu = QMenu(self)
        menu.addAction(tr("打开"), lambda: self.open_index(index))
        if self.can_discard(row):
            menu.addAction(tr("删除草稿……"), lambda: self.discard(row))
        menu.exec(self.table.viewport().mapToGlobal(point))

    def can_discard(self, row: items_query.ItemRow) -> bool:
        """Shown for never-submitted drafts of the user's section; db.items has the last word."""
        user = self.ctx.user
        return (self.can_draft() and row.section_id == user.section_id
                and row.state in ("draft", "returned") and not row.latest_version_no)

    def discard(self, row: items_query.ItemRow) -> None:
        from db import items
        title = row.title or tr("（无标题）")
        answer = QMessageBox.question(self, tr("删除草稿"), tr("删除草稿“{title}”？删除后不能恢复。").format(title=title))
        if answer != QMessageBox.StandardButton.Yes:
            return
        user, item_id = self.ctx.user, row.id
        Op(self, self.ctx, lambda: items.discard_draft(user, items.get_item(item_id)), Changes(items=True)).run_in_background()
