"""Small editors of the guide panel: a table of rows (设定依据, 办理材料, 办理流程) with add,
remove and reorder, and a spin box of working days where 0 reads 即办."""
from __future__ import annotations

from dataclasses import dataclass

from PyQt6.QtCore import QCoreApplication, Qt, pyqtSignal
from PyQt6.QtGui import QKeySequence, QShortcut, QValidator
from PyQt6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QPushButton, QSpinBox, QStyledItemDelegate,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("GuidePanel", text)


# Typing, F2, a double click or a click on the selected cell edits; moving does not.
EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.EditKeyPressed
                 | QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.SelectedClicked)


@dataclass(frozen=True)
class RowField:
    key: str
    header: str                       # Chinese, translated in context "GuidePanel"
    kind: str = "text"                # "text", "count" (a number ≥ 1) or "choice"
    choices: tuple[str, ...] = ()
    stretch: bool = True


class _CellEditors(QStyledItemDelegate):
    """A spin box for counts and a combo box for choices; plain text otherwise."""

    def __init__(self, fields: list[RowField], parent=None):
        super().__init__(parent)
        self.fields = fields

    def createEditor(self, parent, option, index):
        field = self.fields[index.column()]
        if field.kind == "count":
            editor = QSpinBox(parent)
            editor.setRange(1, 99)
            return editor
        if field.kind == "choice":
            editor = QComboBox(parent)
            editor.addItems(("",) + field.choices)
            return editor
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QSpinBox):
            editor.setValue(int(value or 1))
        elif isinstance(editor, QComboBox):
            editor.setCurrentText(str(value or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QSpinBox):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class RowsEditor(QWidget):
    """Rows of a few fields each; the row numbers are the list's order."""
    changed = pyqtSignal()

    def __init__(self, fields: list[RowField], add_text: str, parent=None):
        super().__init__(parent)
        self.fields = fields
        self.table = QTableWidget(0, len(fields))
        self.table.setHorizontalHeaderLabels([tr(f.header) for f in fields])
        self.table.setItemDelegate(_CellEditors(fields, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(EDIT_TRIGGERS)
        self.table.setWordWrap(True)
        self.table.setMinimumHeight(120)
        header = self.table.horizontalHeader()
        for column, field in enumerate(fields):
            mode = QHeaderView.ResizeMode.Stretch if field.stretch else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)
        self.add_button = QPushButton(add_text)
        self.remove_button = QPushButton(tr("删除"))
        self.up_button = QPushButton(tr("上移"))
        self.down_button = QPushButton(tr("下移"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(1))
        self.table.itemChanged.connect(lambda _item: self._changed())
        for keys, slot in (("Ctrl+Up", lambda: self.move_row(-1)), ("Ctrl+Down", lambda: self.move_row(1))):
            QShortcut(QKeySequence(keys), self.table, slot, context=Qt.ShortcutContext.WidgetShortcut)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._quiet = False

    def _changed(self) -> None:
        if not self._quiet:
            self.table.resizeRowsToContents()
            self.changed.emit()

    def rows(self) -> list[dict]:
        out = []
        for row in range(self.table.rowCount()):
            values = {}
            for column, field in enumerate(self.fields):
                item = self.table.item(row, column)
                value = item.data(Qt.ItemDataRole.EditRole) if item else None
                values[field.key] = int(value or 1) if field.kind == "count" else str(value or "")
            out.append(values)
        return out

    def set_rows(self, rows: list[dict]) -> None:
        self._quiet = True
        try:
            self.table.setRowCount(0)
            for values in rows:
                self._append(values)
            self.table.resizeRowsToContents()
        finally:
            self._quiet = False

    def _append(self, values: dict) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, field in enumerate(self.fields):
            item = QTableWidgetItem()
            default = 1 if field.kind == "count" else ""
            item.setData(Qt.ItemDataRole.EditRole, values.get(field.key, default))
            self.table.setItem(row, column, item)
        return row

    def add_row(self) -> None:
        self._quiet = True
        row = self._append({})
        self._quiet = False
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))
        self._changed()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._changed()

    def move_row(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        rows = self.rows()
        rows.insert(target, rows.pop(row))
        self.set_rows(rows)
        self.table.setCurrentCell(target, max(0, self.table.currentColumn()))
        self._changed()

    def set_read_only(self, read_only: bool) -> None:
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only else EDIT_TRIGGERS)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(not read_only)


ON_THE_SPOT = "即办"


class DaysBox(QSpinBox):
    """Working days: blank until given, 0 shows 即办 (settled on the spot)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRange(-1, 3650)
        self.setSpecialValueText(tr("未填写"))
        self.setValue(-1)
        self.setToolTip(tr("工作日数；0 表示即办"))

    def days(self) -> int | None:
        return None if self.value() < 0 else self.value()

    def set_days(self, days: int | None) -> None:
        self.setValue(-1 if days is None else int(days))

    def textFromValue(self, value: int) -> str:
        return tr(ON_THE_SPOT) if value == 0 else str(value)

    def valueFromText(self, text: str) -> int:
        text = text.strip()
        if text in (ON_THE_SPOT, tr(ON_THE_SPOT)):
            return 0
        return int(text) if text.isdigit() else -1

    def validate(self, text: str, position: int):
        stripped = text.strip()
        if stripped.isdigit() or stripped in ("", self.specialValueText()):
            return QValidator.State.Acceptable, text, position
        for word in (ON_THE_SPOT, tr(ON_THE_SPOT)):
            if word.startswith(stripped):
                return (QValidator.State.Acceptable if stripped == word else QValidator.State.Intermediate,
                        text, position)
        return QValidator.State.Invalid, text, position
