"""The working-day calendar: holidays (休息) and make-up working days (调休上班) that the
legal deadlines of the queue count with. Admins and leaders edit; others look."""
from __future__ import annotations

import datetime as dt

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PyQt6.QtGui import QBrush, QColor, QTextCharFormat
from PyQt6.QtWidgets import (
    QCalendarWidget, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget,
)

from db import settings
from db.workflow import calendar
from desktop.context import Changes
from desktop.operations import Op, error_text

HOLIDAY, MAKEUP = QColor("#fbdad7"), QColor("#d6e4ff")
WEEKDAYS = (QT_TRANSLATE_NOOP("CalendarPage", "星期一"), QT_TRANSLATE_NOOP("CalendarPage", "星期二"),
            QT_TRANSLATE_NOOP("CalendarPage", "星期三"), QT_TRANSLATE_NOOP("CalendarPage", "星期四"),
            QT_TRANSLATE_NOOP("CalendarPage", "星期五"), QT_TRANSLATE_NOOP("CalendarPage", "星期六"),
            QT_TRANSLATE_NOOP("CalendarPage", "星期日"))


def tr(text: str) -> str:
    return QCoreApplication.translate("CalendarPage", text)


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class CalendarTab(QWidget):
    def __init__(self, ctx, parent=None, editable: bool = True):
        super().__init__(parent)
        self.ctx, self.editable = ctx, editable
        days = settings.get("deadline_working_days") or 20
        self.intro = QLabel(tr("审核期限按工作日计算：自信息形成或变更之日起 {n} 个工作日（《政府信息公开条例》第二十六条）。"
                               "周六、周日休息；在此标出法定节假日和调休上班日，待审信息的期限会随之调整。").format(n=days))
        self.intro.setWordWrap(True)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.day_info = QLabel()
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("名称，如：国庆节"))
        self.holiday_button = QPushButton(tr("设为休息日"))
        self.makeup_button = QPushButton(tr("设为调休上班日"))
        self.clear_button = QPushButton(tr("恢复默认"))
        self.listing = QListWidget()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._lay_out()
        self.calendar.selectionChanged.connect(self._show_day)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.reload())
        self.holiday_button.clicked.connect(lambda: self.set_selected(False))
        self.makeup_button.clicked.connect(lambda: self.set_selected(True))
        self.clear_button.clicked.connect(lambda: self.set_selected(None))
        for widget in (self.note, self.holiday_button, self.makeup_button, self.clear_button):
            widget.setVisible(editable)
        self.reload()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for widget in (self.note, self.holiday_button, self.makeup_button, self.clear_button):
            buttons.addWidget(widget)
        left = QVBoxLayout()
        left.addWidget(self.calendar, 1)
        left.addWidget(self.day_info)
        left.addLayout(buttons)
        left.addWidget(self.message)
        right = QVBoxLayout()
        right.addWidget(QLabel(tr("本年度的节假日与调休：")))
        right.addWidget(self.listing, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(body, 1)

    def reload(self) -> None:
        year, month_no = self.calendar.yearShown(), self.calendar.monthShown()
        for day in calendar.month(year, month_no):
            self.calendar.setDateTextFormat(QDate(day.day.year, day.day.month, day.day.day), self._format(day.kind))
        self.listing.clear()
        for day in calendar.overrides_of_year(year):
            kind = tr("休息") if day.kind == "holiday" else tr("调休上班")
            weekday = tr(WEEKDAYS[day.day.weekday()])
            self.listing.addItem(f"{day.day:%m-%d} {weekday}  {kind}  {day.note}")
        self._show_day()

    def _format(self, kind: str) -> QTextCharFormat:
        text_format = QTextCharFormat()
        if kind == "holiday":
            text_format.setBackground(QBrush(HOLIDAY))
            text_format.setForeground(QBrush(QColor("#8c1d18")))
        elif kind == "makeup":
            text_format.setBackground(QBrush(MAKEUP))
            text_format.setForeground(QBrush(QColor("#1a3e72")))     # a working day, not weekend red
        elif kind == "weekend":
            text_format.setForeground(QBrush(QColor("#b3261e")))
        return text_format

    def _show_day(self) -> None:
        day = to_date(self.calendar.selectedDate())
        info = next((d for d in calendar.month(day.year, day.month) if d.day == day), None)
        if info is None:
            return
        kinds = {"holiday": tr("法定节假日（休息）"), "makeup": tr("调休上班日"),
                 "weekend": tr("周末（休息）"), "workday": tr("工作日")}
        note = f" · {info.note}" if info.note else ""
        weekday = tr(WEEKDAYS[day.weekday()])
        self.day_info.setText(f"{day.isoformat()} {weekday}：{kinds[info.kind]}{note}")
        self.note.setText(info.note)

    def set_selected(self, working: bool | None) -> None:
        user, day, note = self.ctx.user, to_date(self.calendar.selectedDate()), self.note.text()
        (Op(self, self.ctx, lambda: calendar.set_day(user, day, working, note), Changes(queue=True))
         .success(self._done).failure(self._failed).run_in_background())

    def _done(self, moved: int) -> None:
        self.message.setStyleSheet("color: #0f5223")
        self.message.setText(tr("已保存。{n} 条待审信息的期限随之调整。").format(n=moved))
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet("color: #b3261e")
        self.message.setText(error_text(self.ctx, error))
