"""The item list's table model: lazy, so a 130,000-item profile shows at once.

`reload(filter)` asks the read worker for the first page (pinned returned items first) and
swaps it in when it arrives; scrolling to the end fetches the next page (canFetchMore /
fetchMore) with keyset paging. Only the rows the user has scrolled past are held.
"""
from __future__ import annotations

import datetime as dt

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, pyqtSignal
from PyQt6.QtGui import QBrush, QColor

from desktop.operations import Query
from desktop.pages import items_query
from desktop.pages.items_query import ItemFilter, ItemRow

MAX_RELOAD = 5000          # rows a refresh reloads at most (more come back by scrolling)
ID_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
PINNED_BACKGROUND = QColor("#fff4e5")
STATE_NAMES = {
    "draft": QT_TRANSLATE_NOOP("ItemsPage", "草稿"),
    "returned": QT_TRANSLATE_NOOP("ItemsPage", "已退回"),
    "in_review": QT_TRANSLATE_NOOP("ItemsPage", "审核中"),
    "approved": QT_TRANSLATE_NOOP("ItemsPage", "已批准"),
    "published": QT_TRANSLATE_NOOP("ItemsPage", "已发布"),
    "withdrawn": QT_TRANSLATE_NOOP("ItemsPage", "已撤稿"),
}
COLUMNS = ("title", "column", "section", "state", "index_no", "written_on", "updated_at")
HEADERS = (QT_TRANSLATE_NOOP("ItemsPage", "标题"), QT_TRANSLATE_NOOP("ItemsPage", "栏目"),
           QT_TRANSLATE_NOOP("ItemsPage", "科室"), QT_TRANSLATE_NOOP("ItemsPage", "状态"),
           QT_TRANSLATE_NOOP("ItemsPage", "索引号"), QT_TRANSLATE_NOOP("ItemsPage", "成文日期"),
           QT_TRANSLATE_NOOP("ItemsPage", "更新时间"))


def tr(text: str) -> str:
    return QCoreApplication.translate("ItemsPage", text)


def state_label(state: str) -> str:
    return tr(STATE_NAMES[state]) if state in STATE_NAMES else state


def local_time(stamp: str) -> str:
    """'2024-05-01T08:30:00Z' (UTC) as local 'YYYY-MM-DD HH:MM'. (fromisoformat, not
    strptime: a painted screen converts hundreds, and strptime's first call costs ms.)"""
    try:
        moment = dt.datetime.fromisoformat(stamp) if stamp.endswith("Z") else None
    except ValueError:
        moment = None
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else stamp


class ItemTableModel(QAbstractTableModel):
    loaded = pyqtSignal()     # a reload's first page is in

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[ItemRow] = []
        self.filter = ItemFilter()
        self.exhausted = True
        self.column_names: dict[str, str] = {}
        self.section_names: dict[str, str] = {}

    # --- loading -------------------------------------------------------------------------
    def set_names(self, column_names: dict[str, str], section_names: dict[str, str]) -> None:
        self.column_names, self.section_names = column_names, section_names
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))

    def reload(self, flt: ItemFilter | None = None, rows: int = 0) -> None:
        """Load the first page for `flt` (default: the current filter) in the background;
        at least `rows` rows, so a refresh keeps what the user had scrolled to."""
        flt = self.filter if flt is None else flt
        limit = min(max(items_query.PAGE_SIZE, rows), MAX_RELOAD)
        (Query(self, self.ctx, lambda: items_query.first_page(flt, limit), key=f"items.page.{id(self)}")
         .success(lambda rows: self._replace(flt, rows, limit)).run_in_background())

    def _replace(self, flt: ItemFilter, rows: list[ItemRow], limit: int) -> None:
        self.beginResetModel()
        self.filter, self.rows = flt, rows
        self.exhausted = sum(1 for row in rows if not row.pinned) < limit
        self.endResetModel()
        self.loaded.emit()

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self.exhausted:
            return
        last = next((row for row in reversed(self.rows) if not row.pinned), None)
        more = items_query.next_page(self.filter, last)
        self.exhausted = len(more) < items_query.PAGE_SIZE
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    # --- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section]) if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, COLUMNS[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row)
        if role == Qt.ItemDataRole.BackgroundRole and row.pinned:
            return QBrush(PINNED_BACKGROUND)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        return None

    def display(self, row: ItemRow, column: str) -> str:
        if column == "title":
            title = row.title or tr("（无标题）")
            return f"{title}\n{tr('退回原因：')}{row.return_reason}" if row.pinned else title
        if column == "column":
            return self.column_names.get(row.column_id, "")
        if column == "section":
            return self.section_names.get(row.section_id, "")
        if column == "state":
            return state_label(row.state)
        if column == "updated_at":
            return local_time(row.updated_at)
        return getattr(row, column)

    def tooltip(self, row: ItemRow) -> str:
        if row.state == "returned" and row.return_reason:
            return f"{row.title}\n{tr('退回原因：')}{row.return_reason}"
        return row.title

    def item_id(self, row: int) -> str | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def row_of(self, item_id: str) -> int:
        return next((n for n, row in enumerate(self.rows) if row.id == item_id), -1)

    def pinned_count(self) -> int:
        return sum(1 for row in self.rows if row.pinned)
