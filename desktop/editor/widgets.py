"""Small input widgets the editor form promotes in Designer: a topic tree picker and a
date edit that can be left empty.

Both speak the editor's value protocol (see desktop.editor.fields): value() and
setValue() in plain text, a valueChanged(str) signal and setReadOnly(bool).
"""
from __future__ import annotations

from PyQt6.QtCore import QCoreApplication, QDate, QEvent, QPoint, Qt, pyqtSignal
from PyQt6.QtWidgets import QDateEdit, QFrame, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout

CODE_ROLE = Qt.ItemDataRole.UserRole
# A choice that cannot be changed looks like a read-only text field (grey, no arrow) with
# dark text, not like a disabled button whose grey text is hard to read. Set only while
# read only: a style sheet would change how the editable widget is drawn too.
READ_ONLY_CHOICE = ("{cls} {{ color: palette(text); background: palette(window);"
                    " border: 1px solid palette(mid); border-radius: 2px; padding: 2px 6px; }}"
                    " {cls}::drop-down {{ width: 0px; border: none; }}")
PICKER_STYLE = "TopicPicker { text-align: left; padding: 3px 8px }"


def tr(text: str) -> str:
    return QCoreApplication.translate("EditorWidgets", text)


class TopicPicker(QPushButton):
    """主题分类: a button that opens the topic tree; only leaves can be chosen."""
    valueChanged = pyqtSignal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._code = ""
        self._names: dict[str, str] = {}      # code → "parent › leaf"
        self.popup = TopicPopup(self)
        self.popup.chosen.connect(self._choose)
        self.clicked.connect(self.open_popup)
        self.setStyleSheet(PICKER_STYLE)
        self._show()

    def set_topics(self, rows: list[tuple[str, str, str | None]]) -> None:
        """(code, name, parent code) rows in display order."""
        names = {code: name for code, name, _ in rows}
        self._names = {code: f"{names[parent]} › {name}" if parent in names else name
                       for code, name, parent in rows}
        self.popup.fill(rows)
        self._show()

    def value(self) -> str:
        return self._code

    def setValue(self, code: str) -> None:
        self._code = code or ""
        self._show()

    def setReadOnly(self, read_only: bool) -> None:
        self.setEnabled(not read_only)
        self.setStyleSheet(READ_ONLY_CHOICE.format(cls="TopicPicker") + " TopicPicker { text-align: left }"
                           if read_only else PICKER_STYLE)

    def open_popup(self) -> None:
        self.popup.open_below(self, self._code)

    def _choose(self, code: str) -> None:
        if code != self._code:
            self.setValue(code)
            self.valueChanged.emit(code)

    def _show(self) -> None:
        if not self._code:
            self.setText(tr("请选择主题分类…"))
        else:
            self.setText(self._names.get(self._code, self._code))
        self.setToolTip(self.text())


class TopicPopup(QFrame):
    """The drop-down tree of a TopicPicker. Branches are headings, not choices."""
    chosen = pyqtSignal(str)

    def __init__(self, parent):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.tree)

    def fill(self, rows: list[tuple[str, str, str | None]]) -> None:
        self.tree.clear()
        made: dict[str, QTreeWidgetItem] = {}
        parents = {parent for _, _, parent in rows if parent}
        for code, name, parent in rows:
            holder = made.get(parent) if parent else None
            node = QTreeWidgetItem(holder) if holder else QTreeWidgetItem(self.tree)
            node.setText(0, name)
            node.setData(0, CODE_ROLE, code)
            if code in parents:
                node.setFlags(Qt.ItemFlag.ItemIsEnabled)          # a heading: not selectable
                font = node.font(0)
                font.setBold(True)
                node.setFont(0, font)
            made[code] = node
        self.tree.expandAll()

    def item_for(self, code: str) -> QTreeWidgetItem | None:
        for node in self._all_items():
            if node.data(0, CODE_ROLE) == code:
                return node
        return None

    def _all_items(self):
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            node = stack.pop(0)
            yield node
            stack[:0] = [node.child(i) for i in range(node.childCount())]

    def open_below(self, anchor, code: str) -> None:
        width = max(anchor.width(), 280)
        self.resize(width, 360)
        self.move(anchor.mapToGlobal(QPoint(0, anchor.height())))
        current = self.item_for(code)
        if current is not None:
            self.tree.setCurrentItem(current)
            self.tree.scrollToItem(current)
        self.show()
        self.tree.setFocus()

    def _activated(self, node: QTreeWidgetItem, _column: int = 0) -> None:
        if node.flags() & Qt.ItemFlag.ItemIsSelectable:
            self.hide()
            self.chosen.emit(node.data(0, CODE_ROLE))

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


class OptionalDateEdit(QDateEdit):
    """A date with a calendar pop-up that can also be unset (shows "未填写").

    Qt's date edit has no empty state, so the day before its minimum stands for "unset";
    the pop-up then opens on the current month instead of that far-away day.
    """
    valueChanged = pyqtSignal(str)
    UNSET = QDate(1949, 9, 30)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(self.UNSET)
        self.setSpecialValueText(tr("未填写"))
        self.setDate(self.UNSET)
        self.calendarWidget().installEventFilter(self)
        self.dateChanged.connect(lambda _date: self.valueChanged.emit(self.value()))

    def value(self) -> str:
        if self.date() == self.UNSET:
            return ""
        return self.date().toString(Qt.DateFormat.ISODate)

    def setValue(self, text: str) -> None:
        day = QDate.fromString(text or "", Qt.DateFormat.ISODate)
        self.setDate(day if day.isValid() and day > self.UNSET else self.UNSET)

    def clear_value(self) -> None:
        self.setDate(self.UNSET)

    def setReadOnly(self, read_only: bool) -> None:
        """Read only, it drops its calendar arrow too, like the other read-only fields."""
        super().setReadOnly(read_only)
        self.setCalendarPopup(not read_only)
        self.setButtonSymbols(QDateEdit.ButtonSymbols.NoButtons if read_only
                              else QDateEdit.ButtonSymbols.UpDownArrows)

    def keyPressEvent(self, event) -> None:
        """Typing a digit into the empty date starts from today, year first."""
        if not self.value() and event.text().isdigit():
            self.setDate(QDate.currentDate())
            self.setSelectedSection(QDateEdit.Section.YearSection)
        super().keyPressEvent(event)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show and not self.value():
            today = QDate.currentDate()
            watched.setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)
