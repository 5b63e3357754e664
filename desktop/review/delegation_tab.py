"""Delegations (代审): a reviewer names a deputy for a date range; an admin may do it for them."""
from __future__ import annotations

import datetime as dt

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PyQt6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from db import auth, clock
from db.models import User
from db.workflow import delegation
from desktop.context import Changes
from desktop.operations import Op, error_text

HEADERS = (QT_TRANSLATE_NOOP("DelegationPage", "委托人"), QT_TRANSLATE_NOOP("DelegationPage", "代审人"),
           QT_TRANSLATE_NOOP("DelegationPage", "开始"), QT_TRANSLATE_NOOP("DelegationPage", "结束"),
           QT_TRANSLATE_NOOP("DelegationPage", "状态"), QT_TRANSLATE_NOOP("DelegationPage", "说明"))


def tr(text: str) -> str:
    return QCoreApplication.translate("DelegationPage", text)


def status_of(row, today: str) -> str:
    if row.revoked_at:
        return tr("已撤销")
    if row.ends_on < today:
        return tr("已结束")
    if row.starts_on > today:
        return tr("未开始")
    return tr("生效中")


class DelegationTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list = []
        self.intro = QLabel(tr("出差、休假时，可委托另一位科室负责人或分管领导在指定日期内代为审批。"
                               "代审人的审批意见记为“代审人 代 委托人”，委托人本人仍可审批。"))
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.principal = QComboBox()
        self.deputy = QComboBox()
        today = QDate.currentDate()
        self.starts, self.ends = QDateEdit(today), QDateEdit(today.addDays(6))
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("如：赴省里参加培训"))
        self.add_button = QPushButton(tr("添加代审"))
        self.revoke_button = QPushButton(tr("撤销所选"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._lay_out()
        self._fill_people()
        self.add_button.clicked.connect(self.add)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.principal.currentIndexChanged.connect(lambda _i: self._fill_deputies())
        self.reload()

    def _lay_out(self) -> None:
        form = QFormLayout()
        if self.ctx.user.role == "admin":
            form.addRow(tr("委托人"), self.principal)
        form.addRow(tr("代审人"), self.deputy)
        dates = QHBoxLayout()
        dates.addWidget(self.starts)
        dates.addWidget(QLabel(tr("至")))
        dates.addWidget(self.ends)
        dates.addStretch(1)
        form.addRow(tr("日期"), dates)
        form.addRow(tr("说明"), self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def _fill_people(self) -> None:
        user = self.ctx.user
        principals = [user] if user.role != "admin" else list(
            User.select().where(User.role.in_(delegation.REVIEW_ROLES) & User.active).order_by(User.role.desc()))
        for person in principals:
            self.principal.addItem(self._name(person), person.id)
        self._fill_deputies()

    def _fill_deputies(self) -> None:
        self.deputy.clear()
        principal = User.get_or_none(User.id == self.principal.currentData())
        if principal is None:
            return
        for person in delegation.possible_deputies(principal):
            self.deputy.addItem(self._name(person), person.id)

    def _name(self, person: User) -> str:
        section = f" · {person.section.name}" if person.section_id else ""
        return f"{person.display_name}（{auth.role_label(person.role, self.ctx.language)}{section}）"

    def reload(self) -> None:
        self.rows = delegation.listed_for(self.ctx.user)
        today = clock.local_today().isoformat()
        self.table.setRowCount(len(self.rows))
        for n, row in enumerate(self.rows):
            values = (row.principal.display_name, row.deputy.display_name, row.starts_on, row.ends_on,
                      status_of(row, today), row.note)
            for column, value in enumerate(values):
                self.table.setItem(n, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def add(self) -> None:
        actor = self.ctx.user
        principal = User.get_by_id(self.principal.currentData())
        deputy = User.get_or_none(User.id == self.deputy.currentData())
        if deputy is None:
            return
        starts = dt.date.fromisoformat(self.starts.date().toString("yyyy-MM-dd"))
        ends = dt.date.fromisoformat(self.ends.date().toString("yyyy-MM-dd"))
        note = self.note.text()
        (Op(self, self.ctx, lambda: delegation.delegate(actor, principal, deputy, starts, ends, note),
            Changes(queue=True)).success(lambda _row: self._done(tr("已添加代审。")))
         .failure(self._failed).run_in_background())

    def revoke_selected(self) -> None:
        selected = self.table.currentRow()
        if not 0 <= selected < len(self.rows):
            return
        actor, delegation_id = self.ctx.user, self.rows[selected].id
        (Op(self, self.ctx, lambda: delegation.revoke(actor, delegation_id), Changes(queue=True))
         .success(lambda _row: self._done(tr("已撤销所选代审。"))).failure(self._failed).run_in_background())

    def _done(self, text: str) -> None:
        self.message.setStyleSheet("color: #0f5223")
        self.message.setText(text)
        self.note.clear()
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet("color: #b3261e")
        self.message.setText(error_text(self.ctx, error))
