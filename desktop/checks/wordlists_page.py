"""词表: the administrator keeps the sensitive-word and confusion-pair lists the checks use.

A tab of the 管理 page (desktop.admin.page.TABS). Every change goes through db.checks.lists
on the write worker (admin only, audited, sent to the other workstations); a refusal is
shown in the dialog, which keeps what was typed.
"""
from __future__ import annotations

from PyQt6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PyQt6.QtWidgets import (
    QCheckBox, QComboBox, QLabel, QLineEdit, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from db.checks import lists
from db.checks.findings import BLOCKING, WARNING
from desktop.admin.common import FormDialog, button_row, fill_table, make_table, selected_id
from desktop.context import Changes
from desktop.operations import Op


def tr(text: str) -> str:
    return QCoreApplication.translate("Checks", text)


def severity_combo(current: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(tr("提示（不妨碍提交）"), WARNING)
    combo.addItem(tr("阻断（须修改或说明理由）"), BLOCKING)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def severity_name(severity: str) -> str:
    return tr("阻断") if severity == BLOCKING else tr("提示")


class EntryDialog(FormDialog):
    """Add or change one entry; `row` None adds."""

    def __init__(self, ctx, kind: str, row=None, parent=None):
        adding = row is None
        title = {(lists.SENSITIVE, True): tr("新增敏感词"), (lists.SENSITIVE, False): tr("编辑敏感词"),
                 (lists.CONFUSION, True): tr("新增易混淆词"), (lists.CONFUSION, False): tr("编辑易混淆词")}
        super().__init__(ctx, title[(kind, adding)], parent)
        self.kind, self.entry_id = kind, None if adding else row.id
        if kind == lists.SENSITIVE:
            self.word = QLineEdit(row.word if row else "")
            self.form.addRow(tr("敏感词"), self.word)
        else:
            self.wrong = QLineEdit(row.wrong if row else "")
            self.right = QLineEdit(row.right if row else "")
            self.form.addRow(tr("错误写法"), self.wrong)
            self.form.addRow(tr("正确写法"), self.right)
        self.severity = severity_combo(row.severity if row else WARNING)
        self.note = QLineEdit(row.note if row else "")
        self.note.setPlaceholderText(tr("例如：领导姓名；内部材料不得公开"))
        self.active = QCheckBox(tr("启用"))
        self.active.setChecked(row.active if row else True)
        self.form.addRow(tr("严重程度"), self.severity)
        self.form.addRow(tr("说明"), self.note)
        self.form.addRow("", self.active)

    def save_fn(self):
        admin, entry_id = self.ctx.user, self.entry_id
        severity, note, active = self.severity.currentData(), self.note.text(), self.active.isChecked()
        if self.kind == lists.SENSITIVE:
            word = self.word.text()
            return lambda: lists.save_sensitive(admin, word, severity, note, active, entry_id)
        wrong, right = self.wrong.text(), self.right.text()
        return lambda: lists.save_confusion(admin, wrong, right, severity, note, active, entry_id)


class ListEditor(QWidget):
    """One list: a filter, the table and its buttons."""
    HEADERS = {
        lists.SENSITIVE: (QT_TRANSLATE_NOOP("Checks", "敏感词"), QT_TRANSLATE_NOOP("Checks", "严重程度"),
                          QT_TRANSLATE_NOOP("Checks", "状态"), QT_TRANSLATE_NOOP("Checks", "说明")),
        lists.CONFUSION: (QT_TRANSLATE_NOOP("Checks", "错误写法"), QT_TRANSLATE_NOOP("Checks", "正确写法"),
                          QT_TRANSLATE_NOOP("Checks", "严重程度"), QT_TRANSLATE_NOOP("Checks", "状态"),
                          QT_TRANSLATE_NOOP("Checks", "说明")),
    }

    def __init__(self, ctx, kind: str, parent=None):
        super().__init__(parent)
        self.ctx, self.kind = ctx, kind
        self.rows = {}
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("筛选…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.show_rows)
        self.table = make_table([tr(h) for h in self.HEADERS[kind]])
        self.table.doubleClicked.connect(self.edit)
        self.add_button, self.edit_button = QPushButton(tr("新增…")), QPushButton(tr("编辑…"))
        self.toggle_button, self.remove_button = QPushButton(tr("停用/启用")), QPushButton(tr("删除…"))
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(self.edit)
        self.toggle_button.clicked.connect(self.toggle)
        self.remove_button.clicked.connect(self.remove)
        layout = QVBoxLayout(self)
        row = button_row(self.add_button, self.edit_button, self.toggle_button, self.remove_button)
        row.addWidget(self.filter)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        found = lists.sensitive_rows() if self.kind == lists.SENSITIVE else lists.confusion_rows()
        self.rows = {row.id: row for row in found}
        self.show_rows()

    def show_rows(self) -> None:
        needle = self.filter.text().strip()
        shown = [row for row in self.rows.values() if not needle or needle in self._search_text(row)]
        fill_table(self.table, [(row.id, self._cells(row)) for row in shown])

    def _search_text(self, row) -> str:
        return " ".join(self._cells(row))

    def _cells(self, row) -> list[str]:
        state = tr("启用") if row.active else tr("已停用")
        if self.kind == lists.SENSITIVE:
            return [row.word, severity_name(row.severity), state, row.note]
        return [row.wrong, row.right, severity_name(row.severity), state, row.note]

    def selected(self):
        return self.rows.get(selected_id(self.table))

    def open_dialog(self, row) -> EntryDialog:
        dialog = EntryDialog(self.ctx, self.kind, row, self)
        dialog.open()
        return dialog

    def edit(self, *_args) -> None:
        row = self.selected()
        if row is not None:
            self.open_dialog(row)

    def toggle(self) -> None:
        row = self.selected()
        if row is None:
            return
        admin, kind = self.ctx.user, self.kind
        if kind == lists.SENSITIVE:
            work = lambda: lists.save_sensitive(admin, row.word, row.severity, row.note, not row.active, row.id)  # noqa: E731
        else:
            work = lambda: lists.save_confusion(admin, row.wrong, row.right, row.severity, row.note,  # noqa: E731
                                                not row.active, row.id)
        Op(self, self.ctx, work, Changes(directory=True)).run_in_background()

    def remove(self) -> None:
        row = self.selected()
        if row is None:
            return
        name = row.word if self.kind == lists.SENSITIVE else f"{row.wrong} → {row.right}"
        answer = QMessageBox.question(self, tr("删除词条"), tr("删除“{name}”？删除后检查不再提示此项；"
                                                              "只是暂时不用时，可以停用。").format(name=name))
        if answer == QMessageBox.StandardButton.Yes:
            admin, kind, entry_id = self.ctx.user, self.kind, row.id
            Op(self, self.ctx, lambda: lists.remove_entry(admin, kind, entry_id),
               Changes(directory=True)).run_in_background()


class WordListsTab(QWidget):
    """The 词表 tab: both lists, each with its own table."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        about = QLabel(tr("发布前检查使用这两个词表。敏感词出现即提示；易混淆词给出正确写法（如领导姓名、职务）。"
                          "“阻断”项须修改或说明理由才能提交审核。修改立即生效，并同步到其他工作站。"))
        about.setWordWrap(True)
        self.sensitive = ListEditor(ctx, lists.SENSITIVE)
        self.confusion = ListEditor(ctx, lists.CONFUSION)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.sensitive, "")
        self.tabs.addTab(self.confusion, "")
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.tabs)
        self._count()
        ctx.hub.changed.connect(self._changed)

    def reload(self) -> None:
        self.sensitive.reload()
        self.confusion.reload()
        self._count()

    def _count(self) -> None:
        self.tabs.setTabText(0, tr("敏感词（{n}）").format(n=len(self.sensitive.rows)))
        self.tabs.setTabText(1, tr("易混淆词（{n}）").format(n=len(self.confusion.rows)))

    def _changed(self, changes) -> None:
        if changes.sync:           # edits arriving from other workstations (the 管理 page reloads on directory)
            self.reload()
