"""The main window: a page per task on the left, the page on the right, status below.

Pages are registered in PAGES with the roles that see them, so each capability adds
its page without touching the others.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from PyQt6.QtCore import QCoreApplication, QSize
from PyQt6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMainWindow, QSplitter, QStackedWidget

from db import auth


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str                 # Chinese source string, translated in context "MainWindow"
    module: str                # module defining `Page(ctx, parent)`
    roles: tuple[str, ...]


PAGES: list[PageSpec] = [
    PageSpec("items", "信息列表", "desktop.pages.items_page",
             ("drafter", "section_head", "leader", "admin")),
]


class MainWindow(QMainWindow):
    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        user = ctx.user
        self.setWindowTitle(tr("政务公开审签工作站") + f" — {user.display_name}（{auth.role_label(user.role, ctx.language)}）")
        self.navigation = QListWidget()
        self.navigation.setMaximumWidth(180)
        self.stack = QStackedWidget()
        self.pages = {}
        for spec in PAGES:
            if user.role in spec.roles:
                self._add_page(spec)
        splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        self.statusBar().addWidget(QLabel(tr("资料库：") + ctx.profile.name))
        self.resize(QSize(1200, 760))

    def _add_page(self, spec: PageSpec) -> None:
        page = importlib.import_module(spec.module).Page(self.ctx, self)
        self.pages[spec.key] = page
        self.stack.addWidget(page)
        QListWidgetItem(tr(spec.title), self.navigation)
