"""Editing one card template: which elements print, in what order, under which headings."""
from __future__ import annotations

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, pyqtSignal
from PyQt6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from db.cards import rules

# What each element prints, for the administrator choosing them.
DESCRIPTIONS = {
    "basis": QT_TRANSLATE_NOOP("CardTemplates", "法律法规名称、制定机关、文号和条款，多项时编号"),
    "conditions": QT_TRANSLATE_NOOP("CardTemplates", "申请条件，每条一行"),
    "materials": QT_TRANSLATE_NOOP("CardTemplates", "材料名称、原件或复印件、份数、备注，编号"),
    "steps": QT_TRANSLATE_NOOP("CardTemplates", "办理步骤，编号；步骤都很短时排成一行"),
    "time_limits": QT_TRANSLATE_NOOP("CardTemplates", "法定时限和承诺时限（0 为即办）"),
    "fee": QT_TRANSLATE_NOOP("CardTemplates", "收费标准，有依据时附后"),
    "place_and_hours": QT_TRANSLATE_NOOP("CardTemplates", "办理地点、窗口和办理时间"),
    "phones": QT_TRANSLATE_NOOP("CardTemplates", "咨询电话和监督投诉电话"),
    "result": QT_TRANSLATE_NOOP("CardTemplates", "办理结果"),
    "location": QT_TRANSLATE_NOOP("CardTemplates", "只印办理地点"),
    "window": QT_TRANSLATE_NOOP("CardTemplates", "只印办理窗口"),
    "hours": QT_TRANSLATE_NOOP("CardTemplates", "只印办理时间"),
    "phone": QT_TRANSLATE_NOOP("CardTemplates", "只印咨询电话"),
    "complaint_phone": QT_TRANSLATE_NOOP("CardTemplates", "只印监督投诉电话"),
    "legal_limit_days": QT_TRANSLATE_NOOP("CardTemplates", "只印法定时限"),
    "promised_limit_days": QT_TRANSLATE_NOOP("CardTemplates", "只印承诺时限"),
}
KEY_ROLE = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("CardTemplates", text)


class ElementsEditor(QWidget):
    """Every element in a list: ticked ones print, top to bottom, under their heading."""
    changed = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("印在卡片上"), tr("标题"), tr("内容")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 170)
        self.up_button, self.down_button = QPushButton(tr("上移")), QPushButton(tr("下移"))
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.table.itemChanged.connect(lambda _item: self._changed())
        buttons = QHBoxLayout()
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._quiet = False

    def _changed(self) -> None:
        if not self._quiet:
            self.changed.emit()

    def set_elements(self, elements: rules.Elements) -> None:
        """The template's elements first, ticked, in its order; the others after, unticked."""
        chosen = dict(elements)
        rest = [(key, heading) for key, heading in rules.ELEMENT_HEADINGS.items() if key not in chosen]
        self._fill([(key, heading, True) for key, heading in elements] + [(k, h, False) for k, h in rest])

    def _fill(self, rows: list[tuple[str, str, bool]]) -> None:
        self._quiet = True
        try:
            self.table.setRowCount(len(rows))
            for number, (key, heading, ticked) in enumerate(rows):
                tick = QTableWidgetItem()
                tick.setData(KEY_ROLE, key)
                tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                tick.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                title = QTableWidgetItem(heading)
                about = QTableWidgetItem(tr(DESCRIPTIONS.get(key, "")))
                about.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                for column, item in enumerate((tick, title, about)):
                    self.table.setItem(number, column, item)
        finally:
            self._quiet = False

    def rows(self) -> list[tuple[str, str, bool]]:
        return [(self.table.item(n, 0).data(KEY_ROLE), self.table.item(n, 1).text(),
                 self.table.item(n, 0).checkState() == Qt.CheckState.Checked) for n in range(self.table.rowCount())]

    def elements(self) -> rules.Elements:
        return tuple((key, heading.strip()) for key, heading, ticked in self.rows() if ticked)

    def set_ticked(self, key: str, ticked: bool) -> None:
        for number, (row_key, _heading, _ticked) in enumerate(self.rows()):
            if row_key == key:
                self.table.item(number, 0).setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def set_heading(self, key: str, heading: str) -> None:
        for number, (row_key, _heading, _ticked) in enumerate(self.rows()):
            if row_key == key:
                self.table.item(number, 1).setText(heading)

    def move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        rows = self.rows()
        rows.insert(target, rows.pop(row))
        self._fill(rows)
        self.table.selectRow(target)
        self._changed()

    def set_read_only(self, read_only: bool) -> None:
        self.table.setEnabled(not read_only)
        self.up_button.setEnabled(not read_only)
        self.down_button.setEnabled(not read_only)
