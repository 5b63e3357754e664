"""The queue's table model: the open stages a reviewer may decide, most urgent first.

Rows are db.workflow.queue.QueueRow tuples fetched on the read worker, a page at a time:
the first page shows at once, further pages come when the view scrolls down to them
(`fetcher`, set by the page, asks for the rows after the last one). Cells are short so the
title keeps the room: the deadline as "12-04 剩4日" (red once overdue), the stage as
"2/2 领导", the submission as "11-08"; each cell's tooltip says it in full.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PyQt6.QtGui import QBrush, QColor

from db import workdays
from db.workflow.queue import QueueRow
from desktop.review import labels

ROW_ROLE = Qt.ItemDataRole.UserRole
HEADERS = (QT_TRANSLATE_NOOP("QueuePage", "期限"), QT_TRANSLATE_NOOP("QueuePage", "标题"),
           QT_TRANSLATE_NOOP("QueuePage", "科室"), QT_TRANSLATE_NOOP("QueuePage", "栏目"),
           QT_TRANSLATE_NOOP("QueuePage", "环节"), QT_TRANSLATE_NOOP("QueuePage", "起草人"),
           QT_TRANSLATE_NOOP("QueuePage", "提交时间"))
DEADLINE_COLUMN, TITLE_COLUMN, SECTION_COLUMN, COLUMN_COLUMN, STAGE_COLUMN, DRAFTER_COLUMN, TIME_COLUMN = range(7)
STAGE_SHORT = {"section_head": QT_TRANSLATE_NOOP("QueuePage", "负责人"), "leader": QT_TRANSLATE_NOOP("QueuePage", "领导")}
PROBLEM = QColor("#8c1d18")
OVERDUE, DUE_SOON = QColor("#b3261e"), QColor("#9a5b00")


def tr(text: str) -> str:
    return QCoreApplication.translate("QueuePage", text)


class QueueModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[QueueRow] = []
        self.today = dt.date.today()
        self._left: dict[str, int] = {}
        self._calendar: dict[str, bool] = {}
        self.more = False              # the last page was full: there may be rows after it
        self.fetching = False
        self.generation = 0            # changes with every reset, so a late page is dropped
        self.fetcher: Callable[[QueueRow, int], None] | None = None
        self.english = False           # which language a row's problem is shown in

    def set_rows(self, rows: list[QueueRow], calendar: dict[str, bool], today: dt.date, more: bool = False) -> None:
        self.beginResetModel()
        self.rows, self._calendar, self.today, self._left = rows, calendar, today, {}
        self.more, self.fetching = more, False
        self.generation += 1
        self.endResetModel()

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self.more and not self.fetching and self.fetcher is not None

    def fetchMore(self, parent=QModelIndex()) -> None:
        if self.canFetchMore(parent) and self.rows:
            self.fetching = True
            self.fetcher(self.rows[-1], self.generation)

    def append_rows(self, rows: list[QueueRow], more: bool, generation: int) -> None:
        """The page after the last row, unless the rows were reset since it was asked for."""
        if generation != self.generation:
            return
        self.fetching, self.more = False, more
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows = self.rows + rows
            self.endInsertRows()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, index.column())
        return None

    def _foreground(self, row: QueueRow, column: int):
        if row.problem and column == TITLE_COLUMN:
            return QBrush(PROBLEM)
        if column == DEADLINE_COLUMN:
            left = self.working_days_left(row.due_on)
            return QBrush(OVERDUE if left < 0 else DUE_SOON) if left <= 3 else None
        return None

    def text(self, row: QueueRow, column: int) -> str:
        """What a cell shows (for measuring column widths without going through indexes)."""
        return self._text(row, column)

    def _text(self, row: QueueRow, column: int) -> str:
        if column == DEADLINE_COLUMN:
            return self.deadline_text(row.due_on)
        if column == TITLE_COLUMN:
            purpose = "" if row.purpose == "publish" else f"【{labels.named(labels.PURPOSES, row.purpose)}】"
            return purpose + row.title
        if column == STAGE_COLUMN:
            text = f"{row.stage}/{row.stage_count} {tr(STAGE_SHORT.get(row.stage_role, row.stage_role))}"
            return text + tr("·代") if row.on_behalf_of else text
        if column == TIME_COLUMN:
            return labels.local_time(row.submitted_at)[5:10]
        values = {SECTION_COLUMN: row.section_name, COLUMN_COLUMN: row.column_name, DRAFTER_COLUMN: row.drafter_name}
        return values[column]

    def _tooltip(self, row: QueueRow, column: int) -> str:
        if column == DEADLINE_COLUMN:
            return self.deadline_tooltip(row.due_on)
        if column == STAGE_COLUMN:
            text = tr("第{stage}/{count}环节：{name}").format(stage=row.stage, count=row.stage_count,
                                                           name=labels.named(labels.STAGES, row.stage_role))
            return text + ("\n" + tr("代 {name} 审批").format(name=row.on_behalf_of) if row.on_behalf_of else "")
        if column == TIME_COLUMN:
            return tr("提交于 {time}").format(time=labels.local_time(row.submitted_at))
        if column in (SECTION_COLUMN, COLUMN_COLUMN, DRAFTER_COLUMN):
            return self._text(row, column)
        kind = labels.named(labels.KINDS, row.kind)
        note = f"\n{tr('说明：')}{row.note}" if row.note else ""
        problem = f"\n{self.problem_text(row)}" if row.problem else ""
        return f"{self._text(row, TITLE_COLUMN)}\n{row.column_name} · {kind}{note}{problem}"

    def problem_text(self, row: QueueRow) -> str:
        return row.problem_english if self.english else row.problem

    def deadline_text(self, due_on: str) -> str:
        left = self.working_days_left(due_on)
        if left < 0:
            return tr("{date} 超期{n}日").format(date=due_on[5:], n=-left)
        if left == 0:
            return tr("{date} 今日到期").format(date=due_on[5:])
        return tr("{date} 剩{n}日").format(date=due_on[5:], n=left)

    def deadline_tooltip(self, due_on: str) -> str:
        left = self.working_days_left(due_on)
        if left < 0:
            return tr("期限 {date}，已超期 {n} 天").format(date=due_on, n=-left)
        if left == 0:
            return tr("期限 {date}，今日到期").format(date=due_on)
        return tr("期限 {date}，还剩 {n} 个工作日").format(date=due_on, n=left)

    def working_days_left(self, due_on: str) -> int:
        """Working days from today to the deadline; negative (calendar days) once past."""
        if due_on not in self._left:
            self._left[due_on] = self._count(due_on)
        return self._left[due_on]

    def _count(self, due_on: str) -> int:
        try:
            due = dt.date.fromisoformat(due_on)
        except ValueError:
            return 0
        if due < self.today:
            return -(self.today - due).days
        days, day = 0, self.today
        while day < due:
            day += dt.timedelta(days=1)
            days += workdays.is_working_day(day, self._calendar)
        return days

    def row_at(self, row: int) -> QueueRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def index_of(self, item_id: str) -> int:
        return next((n for n, row in enumerate(self.rows) if row.item_id == item_id), -1)
