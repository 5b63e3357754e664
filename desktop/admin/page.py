"""The '管理' page: one tab per directory the administrator keeps."""
from __future__ import annotations

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PyQt6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.admin.columns import ColumnsTab
from desktop.admin.organisations import OrganisationsTab
from desktop.admin.sections import SectionsTab
from desktop.admin.users import UsersTab
from desktop.cards.templates_tab import CardTemplatesTab
from desktop.checks.wordlists_page import WordListsTab
from desktop.context import Changes

# (title, tab class); other areas may append their admin tabs (e.g. word lists, site connection).
TABS: list[tuple[str, type]] = [
    (QT_TRANSLATE_NOOP("Admin", "用户"), UsersTab),
    (QT_TRANSLATE_NOOP("Admin", "科室"), SectionsTab),
    (QT_TRANSLATE_NOOP("Admin", "栏目"), ColumnsTab),
    (QT_TRANSLATE_NOOP("Admin", "发布机构"), OrganisationsTab),
    (QT_TRANSLATE_NOOP("Admin", "词表"), WordListsTab),
    (QT_TRANSLATE_NOOP("Admin", "卡片模板"), CardTemplatesTab),
]


def tr(text: str) -> str:
    return QCoreApplication.translate("Admin", text)


class Page(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        for title, tab_class in TABS:
            self.tabs.addTab(tab_class(ctx, self), tr(title))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        ctx.hub.changed.connect(self.on_changes)

    def tab(self, tab_class: type) -> QWidget | None:
        return next((self.tabs.widget(n) for n in range(self.tabs.count())
                     if isinstance(self.tabs.widget(n), tab_class)), None)

    def refresh(self) -> None:
        for number in range(self.tabs.count()):
            reload = getattr(self.tabs.widget(number), "reload", None)
            if reload:
                reload()

    def on_changes(self, changes: Changes) -> None:
        if changes.directory:
            self.refresh()
