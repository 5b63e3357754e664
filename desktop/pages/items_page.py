"""The item list: every item the user may see, newest first, with a search box."""
from __future__ import annotations

from PyQt6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PyQt6.QtWidgets import QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from db import search
from db.database import database
from db.models import Column, Item, Section

STATE_NAMES = {"draft": "草稿", "returned": "已退回", "in_review": "审核中", "approved": "已批准",
               "published": "已发布", "withdrawn": "已撤稿"}
HEADERS = ("标题", "栏目", "科室", "状态", "索引号", "更新时间")
PAGE_SIZE = 200


def tr(text: str) -> str:
    return QCoreApplication.translate("ItemsPage", text)


class ItemTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple] = []
        self.query_text = ""

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        value = row[index.column() + 1]
        if index.column() == 3:
            return tr(STATE_NAMES.get(value, value))
        if index.column() == 5:
            return value.replace("T", " ")[:16]
        return value

    def reload(self, text: str = "") -> None:
        self.beginResetModel()
        self.rows = fetch_rows(text)
        self.endResetModel()


def fetch_rows(text: str) -> list[tuple]:
    query = (Item.select(Item.id, Item.title, Column.name, Section.name, Item.state, Item.index_no, Item.updated_at)
             .join(Column).switch(Item).join(Section))
    expression = search.match_expression(text) if text.strip() else None
    if expression:
        ids = [r[0] for r in database.execute_sql(search.matching_keys_sql() + " LIMIT ?", (expression, PAGE_SIZE))]
        query = query.where(Item.id.in_(ids))
    rows = query.order_by(Item.updated_at.desc()).limit(PAGE_SIZE).tuples()
    return [tuple(v if v is not None else "" for v in row) for row in rows]


class Page(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("搜索标题、正文、文号……"))
        self.search.setClearButtonEnabled(True)
        self.model = ItemTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.search.textChanged.connect(self.model.reload)
        self.model.reload()
