"""Pieces the admin screens share: a form dialog that saves through an Op, a table helper."""
from __future__ import annotations

from PyQt6.QtCore import QCoreApplication, Qt
from PyQt6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from db.errors import ValidationFailed
from desktop.context import Changes
from desktop.login import message_label
from desktop.operations import Op, error_text

ID_ROLE = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("Admin", text)


class FormDialog(QDialog):
    """A form whose OK runs `save_fn()` on the write worker. A refusal shows under the field
    it concerns (rows added with `add_row(..., key=)`), anything else under the form."""

    def __init__(self, ctx, title: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.field_messages: dict[str, QLabel] = {}
        self.message = message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def add_row(self, label: str, widget: QWidget, key: str = "") -> None:
        """A form row; with `key` (the field's name in db problems) it has a message line."""
        if not key:
            self.form.addRow(label, widget)
            return
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        note = message_label()
        note.setObjectName(f"{key}Message")
        note.hide()
        column.addWidget(note)
        self.form.addRow(label, holder)
        self.field_messages[key] = note

    def show_field_message(self, key: str, text: str) -> None:
        note = self.field_messages[key]
        note.setText(text)
        note.setVisible(bool(text))

    def show_problems(self, problems: dict[str, tuple[str, str]]) -> None:
        """Each problem under its field; those of no field under the form."""
        english = self.ctx.english()
        rest = []
        for key in self.field_messages:
            self.show_field_message(key, "")
        for key, (zh, en) in problems.items():
            text = en if english else zh
            if key in self.field_messages:
                self.show_field_message(key, text)
            else:
                rest.append(text)
        self.message.setText("\n".join(rest))

    def save_fn(self):
        """The db.directory call to make, as a no-argument function (built on the main thread)."""
        raise NotImplementedError

    def save(self) -> None:
        try:
            fn = self.save_fn()
        except ValueError as problem:        # input the dialog itself can tell is wrong
            self.message.setText(str(problem))
            return
        self.buttons.setEnabled(False)
        (Op(self, self.ctx, fn, Changes(directory=True))
         .success(lambda _: self.accept()).failure(self._refused).run_in_background())

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationFailed):
            self.show_problems(error.problems)
        else:
            self.message.setText(error_text(self.ctx, error))


def make_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, rows: list[tuple[str, list[str]]]) -> None:
    """rows: (row id, cell texts); the id is kept on the first cell; selection is kept by id."""
    chosen = selected_id(table)
    table.setRowCount(len(rows))
    for number, (row_id, cells) in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column == 0:
                item.setData(ID_ROLE, row_id)
            table.setItem(number, column, item)
    table.resizeColumnsToContents()
    for column in range(table.columnCount() - 1):
        table.setColumnWidth(column, table.columnWidth(column) + 16)
    ids = [row_id for row_id, _ in rows]
    if rows:
        table.selectRow(ids.index(chosen) if chosen in ids else 0)


def selected_id(table: QTableWidget) -> str | None:
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    item = table.item(rows[0].row(), 0)
    return item.data(ID_ROLE) if item else None


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def checklist(options: list[tuple[str, str]], checked: set[str]) -> QListWidget:
    """A list of checkable (id, label) options."""
    widget = QListWidget()
    for option_id, label in options:
        item = QListWidgetItem(label, widget)
        item.setData(ID_ROLE, option_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if option_id in checked else Qt.CheckState.Unchecked)
    return widget


def checked_ids(widget: QListWidget) -> list[str]:
    return [widget.item(n).data(ID_ROLE) for n in range(widget.count())
            if widget.item(n).checkState() == Qt.CheckState.Checked]
