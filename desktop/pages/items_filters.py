"""The item list's filter bar: search box, column (tree-aware), state, section, dates, my items.

Emits `changed` with an ItemFilter: at once for the choosers, ~250 ms after the last
keystroke for the search box. The filters are remembered per user on each workstation
(QSettings, in the user's own group), so the next user does not inherit them.
The two date edits of the range are made when a date field is first chosen: the first
QDateEdit of a process costs ~12 ms, which a start without a date filter need not pay.
"""
from __future__ import annotations

import json

from PyQt6.QtCore import QCoreApplication, QDate, QTimer, pyqtSignal
from PyQt6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from desktop.context import user_key
from desktop.pages.items_model import STATE_NAMES
from desktop.pages.items_query import STATES, ColumnNode, ItemFilter

SEARCH_DELAY_MS = 250
SETTINGS_KEY = "items/filters"       # under the user's group (desktop.context.user_key)
DRAFTING_ROLES = ("drafter", "section_head")
INDENT = "\u3000"   # an ideographic space per tree level


def tr(text: str) -> str:
    return QCoreApplication.translate("ItemsPage", text)


def combo_select(combo: QComboBox, value) -> None:
    at = combo.findData(value)
    combo.setCurrentIndex(at if at >= 0 else 0)


class FilterBar(QWidget):
    changed = pyqtSignal(object)   # ItemFilter

    def __init__(self, user, parent=None):
        super().__init__(parent)
        self.user = user
        self.nodes: dict[str, ColumnNode] = {}
        self._quiet = False
        self._make_widgets()
        self._lay_out()
        self._show_dates()
        self._connect()

    def _make_widgets(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("itemSearch")
        self.search.setPlaceholderText(tr("搜索标题、正文、文号、索引号（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.column = QComboBox()
        self.state = QComboBox()
        self.state.addItem(tr("全部状态"), "")
        for state in STATES:
            self.state.addItem(tr(STATE_NAMES[state]), state)
        self.section = QComboBox()
        self.date_field = QComboBox()
        for label, value in ((tr("不限日期"), ""), (tr("更新日期"), "updated"), (tr("成文日期"), "written")):
            self.date_field.addItem(label, value)
        today = QDate.currentDate()
        self.date_box = QWidget()                      # holds the range once it is made
        self._dates: tuple[QDateEdit, QDateEdit] | None = None
        self._range = (today.addMonths(-12), today)    # the range until its edits exist
        self.mine = QCheckBox(tr("只看我的"))
        self.mine.setVisible(self.user.role in DRAFTING_ROLES)
        self.clear_button = QPushButton(tr("清除筛选"))
        for combo, chars in ((self.column, 7), (self.section, 6), (self.state, 4)):
            # Shrink to a few characters on small screens instead of widening the window.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
        self.total = QLabel()
        self.total.setObjectName("itemTotal")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)

    @staticmethod
    def _date_edit(day: QDate) -> QDateEdit:
        edit = QDateEdit(day)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    @property
    def date_from(self) -> QDateEdit:
        return self._date_edits()[0]

    @property
    def date_to(self) -> QDateEdit:
        return self._date_edits()[1]

    def _date_edits(self) -> tuple[QDateEdit, QDateEdit]:
        if self._dates is None:
            self._dates = (self._date_edit(self._range[0]), self._date_edit(self._range[1]))
            layout = QHBoxLayout(self.date_box)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(self._dates[0])
            layout.addWidget(QLabel(tr("至")))
            layout.addWidget(self._dates[1])
            for edit in self._dates:
                edit.dateChanged.connect(self._emit)
        return self._dates

    def date_range(self) -> tuple[str, str]:
        """The chosen range as YYYY-MM-DD texts (whether or not it is shown)."""
        days = [edit.date() for edit in self._dates] if self._dates else self._range
        return days[0].toString("yyyy-MM-dd"), days[1].toString("yyyy-MM-dd")

    def _lay_out(self) -> None:
        self.top_row = top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.total)
        top.addWidget(self.clear_button)
        bottom = QHBoxLayout()
        for label, widget in ((tr("栏目"), self.column), (tr("状态"), self.state), (tr("科室"), self.section)):
            bottom.addWidget(QLabel(label))
            bottom.addWidget(widget)
        bottom.addSpacing(8)
        bottom.addWidget(self.date_field)
        bottom.addWidget(self.date_box)
        bottom.addWidget(self.mine)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self.search.returnPressed.connect(self._emit_now)
        self.timer.timeout.connect(self._emit)
        for combo in (self.column, self.state, self.section):
            combo.currentIndexChanged.connect(self._emit)
        self.date_field.currentIndexChanged.connect(self._date_field_changed)
        self.mine.toggled.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)

    # --- directory ------------------------------------------------------------------------
    def set_directory(self, nodes: list[ColumnNode], section_names: list[tuple[str, str]]) -> None:
        """Fill the column and section choosers, keeping what was chosen."""
        self._quiet = True
        chosen_column, chosen_section = self.column.currentData(), self.section.currentData()
        self.nodes = {node.id: node for node in nodes}
        self.column.clear()
        self.column.addItem(tr("全部栏目"), "")
        for node in nodes:
            self.column.addItem(INDENT * node.depth + node.name, node.id)
        self.section.clear()
        self.section.addItem(tr("全部科室"), "")
        for section_id, name in section_names:
            self.section.addItem(name, section_id)
        combo_select(self.column, chosen_column or "")
        combo_select(self.section, chosen_section or "")
        self._quiet = False

    # --- the filter -------------------------------------------------------------------------
    def current(self) -> ItemFilter:
        column_id = self.column.currentData() or ""
        node = self.nodes.get(column_id)
        date_field = self.date_field.currentData() or ""
        date_from, date_to = self.date_range() if date_field else ("", "")
        drafting = self.user.role in DRAFTING_ROLES
        return ItemFilter(
            column_ids=node.descendants if node else (),
            state=self.state.currentData() or "",
            section_id=self.section.currentData() or "",
            date_field=date_field,
            date_from=date_from,
            date_to=date_to,
            created_by_id=self.user.id if drafting and self.mine.isChecked() else "",
            text=self.search.text().strip(),
            pinned_section_id=(self.user.section_id or "") if drafting else "",
        )

    def _show_dates(self) -> None:
        """The date range appears only once a date field is chosen (narrower window otherwise)."""
        dated = bool(self.date_field.currentData())
        if dated:
            self._date_edits()
        self.date_box.setVisible(dated)

    def _date_field_changed(self) -> None:
        self._show_dates()
        self._emit()

    def _emit_now(self) -> None:
        self.timer.stop()
        self._emit()

    def _emit(self) -> None:
        if not self._quiet:
            self.changed.emit(self.current())

    def clear(self) -> None:
        self._quiet = True
        self.search.clear()
        self.timer.stop()
        for combo in (self.column, self.state, self.section, self.date_field):
            combo.setCurrentIndex(0)
        self.mine.setChecked(False)
        self._quiet = False
        self._emit()

    # --- remembering ------------------------------------------------------------------------
    def save(self, settings) -> None:
        date_from, date_to = self.date_range()
        state = {"column": self.column.currentData() or "", "state": self.state.currentData() or "",
                 "section": self.section.currentData() or "", "date_field": self.date_field.currentData() or "",
                 "date_from": date_from, "date_to": date_to,
                 "mine": self.mine.isChecked(), "text": self.search.text()}
        settings.setValue(user_key(self.user, SETTINGS_KEY), json.dumps(state, ensure_ascii=False))
        settings.remove(SETTINGS_KEY)      # the workstation-wide key of earlier versions

    def restore(self, settings) -> None:
        try:
            state = json.loads(settings.value(user_key(self.user, SETTINGS_KEY), "") or "{}")
        except (TypeError, ValueError):
            state = {}
        self._quiet = True
        combo_select(self.column, state.get("column", ""))
        combo_select(self.state, state.get("state", ""))
        combo_select(self.section, state.get("section", ""))
        combo_select(self.date_field, state.get("date_field", ""))
        days = [QDate.fromString(state.get(key, ""), "yyyy-MM-dd") for key in ("date_from", "date_to")]
        shown = [edit.date() for edit in self._dates] if self._dates else self._range
        self._range = tuple(day if day.isValid() else was for day, was in zip(days, shown))
        if self._dates is not None:
            for edit, day in zip(self._dates, self._range):
                edit.setDate(day)
        self._show_dates()
        self.mine.setChecked(bool(state.get("mine")))
        self.search.setText(state.get("text", ""))
        self.timer.stop()
        self._quiet = False
