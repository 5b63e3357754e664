"""Organisations (发布机构): the full names items choose their publisher from."""
from __future__ import annotations

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PyQt6.QtWidgets import QCheckBox, QLineEdit, QPushButton, QVBoxLayout, QWidget

from db.models import Organisation
from desktop.admin.common import FormDialog, button_row, fill_table, make_table, selected_id


def tr(text: str) -> str:
    return QCoreApplication.translate("Admin", text)


class OrganisationDialog(FormDialog):
    def __init__(self, ctx, organisation: Organisation | None = None, parent=None):
        super().__init__(ctx, tr("编辑发布机构") if organisation else tr("新建发布机构"), parent)
        self.organisation = organisation
        self.name = QLineEdit(organisation.name if organisation else "")
        self.org_code = QLineEdit(organisation.org_code if organisation else "")
        self.active = QCheckBox(tr("启用"))
        self.active.setChecked(organisation.active if organisation else True)
        self.add_row(tr("机构全称"), self.name, "name")
        self.form.addRow(tr("机构代码"), self.org_code)
        self.form.addRow("", self.active)

    def save_fn(self):
        from db import directory
        admin, name, code, active = self.ctx.user, self.name.text(), self.org_code.text(), self.active.isChecked()
        org_id = self.organisation.id if self.organisation else None
        return lambda: directory.save_organisation(admin, Organisation.get_by_id(org_id) if org_id else None,
                                                   name, code, active)


class OrganisationsTab(QWidget):
    HEADERS = (QT_TRANSLATE_NOOP("Admin", "机构全称"), QT_TRANSLATE_NOOP("Admin", "机构代码"),
               QT_TRANSLATE_NOOP("Admin", "状态"))

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.table = make_table([tr(h) for h in self.HEADERS])
        self.table.doubleClicked.connect(self.edit_organisation)
        new, edit = QPushButton(tr("新建发布机构……")), QPushButton(tr("编辑……"))
        new.clicked.connect(lambda: OrganisationDialog(self.ctx, None, self).exec())
        edit.clicked.connect(self.edit_organisation)
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(new, edit))
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        rows = Organisation.select().order_by(Organisation.sort_order, Organisation.name)
        fill_table(self.table, [(o.id, [o.name, o.org_code, tr("启用") if o.active else tr("已停用")]) for o in rows])

    def edit_organisation(self, *_args) -> None:
        org_id = selected_id(self.table)
        if org_id:
            OrganisationDialog(self.ctx, Organisation.get_by_id(org_id), self).exec()
