"""Columns (栏目): the tree, each column's kind, whether it takes items, its review stages and
which sections may publish into it (none listed: open to every section)."""
from __future__ import annotations

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PyQt6.QtWidgets import (
    QCheckBox, QComboBox, QLineEdit, QMessageBox, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from db.models import Column, ColumnSection, Section
from desktop.admin.common import ID_ROLE, FormDialog, button_row, checked_ids, checklist
from desktop.pages.items_query import column_tree

KINDS = {
    "article": QT_TRANSLATE_NOOP("Admin", "普通信息"),
    "guide": QT_TRANSLATE_NOOP("Admin", "办事指南"),
    "policy": QT_TRANSLATE_NOOP("Admin", "政策文件"),
    "interpretation": QT_TRANSLATE_NOOP("Admin", "政策解读"),
}
STAGES = {
    "section_head,leader": QT_TRANSLATE_NOOP("Admin", "科室负责人初审，分管领导审批"),
    "leader": QT_TRANSLATE_NOOP("Admin", "分管领导审批"),
}
INDENT = "\u3000"


def tr(text: str) -> str:
    return QCoreApplication.translate("Admin", text)


def stage_label(stages: str) -> str:
    return tr(STAGES[stages]) if stages in STAGES else stages


def save_column_from(admin, column_id: str | None, values: dict, section_ids: list[str],
                     strand_drafts: bool = False):
    from db import directory
    column = Column.get_by_id(column_id) if column_id else Column()
    for name, value in values.items():
        setattr(column, name, value)
    sections = list(Section.select().where(Section.id.in_(section_ids))) if section_ids else []
    return directory.save_column(admin, column, sections, strand_drafts)


def publishing_sections() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for link in ColumnSection.select(ColumnSection, Section).join(Section).order_by(Section.sort_order):
        names.setdefault(link.column_id, []).append(link.section.name)
    return names


class ColumnDialog(FormDialog):
    def __init__(self, ctx, column: Column | None = None, parent_id: str | None = None, parent=None):
        super().__init__(ctx, tr("编辑栏目") if column else tr("新建栏目"), parent)
        self.column = column
        self.code = QLineEdit(column.code if column else "")
        self.name = QLineEdit(column.name if column else "")
        self.parent_combo = QComboBox()
        self.parent_combo.addItem(tr("（顶级栏目）"), "")
        for node in column_tree():
            self.parent_combo.addItem(INDENT * node.depth + node.name, node.id)
        self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData((column.parent_id if column else parent_id) or "")))
        self.kind = self._combo({k: tr(v) for k, v in KINDS.items()}, column.kind if column else "article")
        self.stages = self._combo({k: tr(v) for k, v in STAGES.items()},
                                  column.review_stages if column else "section_head,leader")
        self.accepts = QCheckBox(tr("接收信息（不勾选则只作为上级栏目）"))
        self.accepts.setChecked(column.accepts_items if column else True)
        self.active = QCheckBox(tr("启用"))
        self.active.setChecked(column.active if column else True)
        current = {link.section_id for link in ColumnSection.select().where(ColumnSection.column == column)} \
            if column else set()
        sections = [(s.id, s.name) for s in Section.select().order_by(Section.sort_order)]
        self.sections = checklist(sections, current)
        self.strand_drafts = False     # set once the admin agreed to leave drafts unsubmittable
        self._add_rows()

    @staticmethod
    def _combo(options: dict[str, str], chosen: str) -> QComboBox:
        combo = QComboBox()
        for value, label in options.items():
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        return combo

    def _add_rows(self) -> None:
        self.add_row(tr("栏目代码"), self.code, "code")
        self.add_row(tr("栏目名称"), self.name, "name")
        self.add_row(tr("上级栏目"), self.parent_combo, "parent")
        self.add_row(tr("类型"), self.kind, "kind")
        self.add_row(tr("审核环节"), self.stages, "review_stages")
        self.form.addRow("", self.accepts)
        self.form.addRow("", self.active)
        self.form.addRow(tr("可发布的科室\n（都不勾选表示所有科室）"), self.sections)

    def save_fn(self):
        values = {"code": self.code.text(), "name": self.name.text(), "parent": self.parent_combo.currentData() or None,
                  "kind": self.kind.currentData(), "review_stages": self.stages.currentData(),
                  "accepts_items": self.accepts.isChecked(), "active": self.active.isChecked()}
        admin, column_id, section_ids = self.ctx.user, self.column.id if self.column else None, checked_ids(self.sections)
        strand = self.strand_drafts
        return lambda: save_column_from(admin, column_id, values, section_ids, strand)

    def _refused(self, error: BaseException) -> None:
        from db.directory import DraftsWouldStrand
        if not isinstance(error, DraftsWouldStrand):
            super()._refused(error)
            return
        self.buttons.setEnabled(True)
        if self.ask_to_strand(error):
            self.strand_drafts = True
            self.save()

    def ask_to_strand(self, error) -> bool:
        """The drafts the change leaves behind, counted; saving goes ahead only on Yes."""
        box = QMessageBox(QMessageBox.Icon.Warning, tr("栏目中还有草稿"),
                          tr("栏目“{name}”中有 {n} 条尚未提交的草稿。").format(name=self.name.text().strip(), n=error.count),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setInformativeText(tr("保存后，这些草稿将不能再提交审核；起草人可以在编辑窗口中把从未提交过的草稿移到"
                                  "其他栏目，被退回的则无法移动。仍要保存吗？"))
        box.button(QMessageBox.StandardButton.Yes).setText(tr("仍然保存"))
        box.button(QMessageBox.StandardButton.No).setText(tr("不保存"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.exec()
        return box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)


class ColumnsTab(QWidget):
    HEADERS = (QT_TRANSLATE_NOOP("Admin", "栏目名称"), QT_TRANSLATE_NOOP("Admin", "代码"),
               QT_TRANSLATE_NOOP("Admin", "类型"), QT_TRANSLATE_NOOP("Admin", "接收信息"),
               QT_TRANSLATE_NOOP("Admin", "审核环节"), QT_TRANSLATE_NOOP("Admin", "可发布的科室"))

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr(h) for h in self.HEADERS])
        self.tree.setStyleSheet("QTreeWidget::item { padding: 3px 0; }")
        self.tree.itemDoubleClicked.connect(self.edit_column)
        buttons = []
        for text, slot in ((tr("新建栏目……"), self.new_column), (tr("新建下级栏目……"), self.new_child),
                           (tr("编辑……"), self.edit_column)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.append(button)
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(*buttons))
        layout.addWidget(self.tree)
        self.reload()

    def reload(self) -> None:
        chosen = self.selected_column_id()
        self.tree.clear()
        columns = {c.id: c for c in Column.select()}
        sections = publishing_sections()
        parents: list[QTreeWidgetItem] = []
        for node in column_tree():
            column = columns[node.id]
            del parents[node.depth:]
            cells = [column.name, column.code, tr(KINDS.get(column.kind, column.kind)),
                     tr("是") if column.accepts_items else tr("否"), stage_label(column.review_stages),
                     "、".join(sections.get(column.id, [])) or tr("所有科室")]
            item = QTreeWidgetItem(cells)
            item.setData(0, ID_ROLE, column.id)
            (parents[-1].addChild(item) if parents else self.tree.addTopLevelItem(item))
            parents.append(item)
            if column.id == chosen:
                self.tree.setCurrentItem(item)
        self.tree.expandAll()
        for number in range(len(self.HEADERS) - 1):
            self.tree.resizeColumnToContents(number)
            self.tree.setColumnWidth(number, self.tree.columnWidth(number) + 16)

    def selected_column_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item else None

    def new_column(self) -> None:
        ColumnDialog(self.ctx, None, None, self).exec()

    def new_child(self) -> None:
        ColumnDialog(self.ctx, None, self.selected_column_id(), self).exec()

    def edit_column(self, *_args) -> None:
        column_id = self.selected_column_id()
        if column_id:
            ColumnDialog(self.ctx, Column.get_by_id(column_id), None, self).exec()
