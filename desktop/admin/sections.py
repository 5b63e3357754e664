"""Sections (科室) and their supervising leaders (分管领导)."""
from __future__ import annotations

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PyQt6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from db.models import Section, SectionLeader, User
from desktop.admin.common import FormDialog, button_row, checked_ids, checklist, fill_table, make_table, selected_id


def tr(text: str) -> str:
    return QCoreApplication.translate("Admin", text)


def leader_names_by_section() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for link in SectionLeader.select(SectionLeader, User).join(User).order_by(User.username):
        names.setdefault(link.section_id, []).append(link.leader.display_name)
    return names


def save_section_and_leaders(admin, section_id: str | None, code: str, name: str, leader_ids: list[str]):
    from db import directory
    section = directory.save_section(admin, Section.get_by_id(section_id) if section_id else None, code, name)
    leaders = list(User.select().where(User.id.in_(leader_ids))) if leader_ids else []
    directory.set_section_leaders(admin, section, leaders)
    return section


class SectionDialog(FormDialog):
    def __init__(self, ctx, section: Section | None = None, parent=None):
        super().__init__(ctx, tr("编辑科室") if section else tr("新建科室"), parent)
        self.section = section
        self.code = QLineEdit(section.code if section else "")
        self.name = QLineEdit(section.name if section else "")
        current = {link.leader_id for link in SectionLeader.select().where(SectionLeader.section == section)} \
            if section else set()
        leaders = [(u.id, u.display_name) for u in User.active_with_role("leader").order_by(User.username)]
        self.leaders = checklist(leaders, current)
        self.add_row(tr("科室代码"), self.code, "code")
        self.add_row(tr("科室名称"), self.name, "name")
        self.add_row(tr("分管领导"), self.leaders, "leaders")

    def save_fn(self):
        admin, section_id = self.ctx.user, self.section.id if self.section else None
        code, name, leader_ids = self.code.text(), self.name.text(), checked_ids(self.leaders)
        return lambda: save_section_and_leaders(admin, section_id, code, name, leader_ids)


class SectionsTab(QWidget):
    HEADERS = (QT_TRANSLATE_NOOP("Admin", "科室代码"), QT_TRANSLATE_NOOP("Admin", "科室名称"),
               QT_TRANSLATE_NOOP("Admin", "分管领导"))

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.table = make_table([tr(h) for h in self.HEADERS])
        self.table.doubleClicked.connect(self.edit_section)
        new, edit = QPushButton(tr("新建科室……")), QPushButton(tr("编辑……"))
        new.clicked.connect(lambda: SectionDialog(self.ctx, None, self).exec())
        edit.clicked.connect(self.edit_section)
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(new, edit))
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        leaders = leader_names_by_section()
        sections = Section.select().order_by(Section.sort_order, Section.name)
        fill_table(self.table, [(s.id, [s.code, s.name, "、".join(leaders.get(s.id, []))]) for s in sections])

    def edit_section(self, *_args) -> None:
        section_id = selected_id(self.table)
        if section_id:
            SectionDialog(self.ctx, Section.get_by_id(section_id), self).exec()
