"""代审与日历: who deputises for whom, and the working-day calendar deadlines count on."""
from __future__ import annotations

from PyQt6.QtCore import QCoreApplication
from PyQt6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from db.workflow.calendar import CALENDAR_ROLES


def tr(text: str) -> str:
    return QCoreApplication.translate("ReviewSettings", text)


class Page(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        from desktop.review.calendar_tab import CalendarTab
        from desktop.review.delegation_tab import DelegationTab
        self.tabs = QTabWidget()
        self.delegations = DelegationTab(ctx, self)
        self.tabs.addTab(self.delegations, tr("代审"))
        self.calendar = CalendarTab(ctx, self, editable=ctx.user.role in CALENDAR_ROLES)
        self.tabs.addTab(self.calendar, tr("工作日历"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        self.delegations.reload()
        self.calendar.reload()
