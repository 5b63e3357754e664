"""The main window: a page per task on the left, the page on the right, menus and status below.

Extension points, so each capability adds itself without touching the others:

* PAGES — one PageSpec per page with the roles that see it; the module defines
  `Page(ctx, parent)`. A page is built the first time it is shown. Optional page methods
  the window's actions call when that page is current: `new_item()` (Ctrl+N),
  `focus_search()` (Ctrl+F), `refresh()` (F5), `open_current()`.
* STATUS_WIDGETS — one StatusSpec per status-bar widget with the roles that see it; the
  module defines `StatusWidget(ctx, window)`, a QWidget shown at the right of the status
  bar, built as soon as the event loop runs after the window is created. It may add its
  actions to a menu: `window.menu("tools").addAction(...)` (sync: F9).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QSize, QThread, QTimer
from PyQt6.QtGui import QAction, QActionGroup, QKeySequence
from PyQt6.QtWidgets import (
    QApplication, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMenu, QMessageBox,
    QStackedWidget, QWidget,
)

from db import auth
from desktop import i18n
from desktop.context import user_key


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


ALL_ROLES = ("drafter", "section_head", "leader", "front_desk", "admin")


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str                 # Chinese source string, translated in context "MainWindow"
    module: str                # module defining `Page(ctx, parent)`
    roles: tuple[str, ...]


@dataclass(frozen=True)
class StatusSpec:
    key: str
    module: str                # module defining `StatusWidget(ctx, window)`
    roles: tuple[str, ...]


PAGES: list[PageSpec] = [
    PageSpec("queue", "审核队列", "desktop.pages.queue_page", ("section_head", "leader")),
    PageSpec("items", "信息列表", "desktop.pages.items_page",
             ("drafter", "section_head", "leader", "admin")),
    PageSpec("admin", "管理", "desktop.admin.page", ("admin",)),
    PageSpec("review_settings", "代审与日历", "desktop.review.settings_page", ("section_head", "leader", "admin")),
    PageSpec("frontdesk", "导引台", "desktop.frontdesk.page", ("front_desk", "admin")),
    PageSpec("review_problems", "审核异常", "desktop.pages.queue_page", ("admin",)),
]

STATUS_WIDGETS: list[StatusSpec] = [
    StatusSpec("sync", "desktop.sync.status", ALL_ROLES),
    StatusSpec("queue", "desktop.review.status", ("drafter", "section_head", "leader", "admin")),
]

MENUS = (
    ("file", QT_TRANSLATE_NOOP("MainWindow", "文件(&F)")),
    ("edit", QT_TRANSLATE_NOOP("MainWindow", "编辑(&E)")),
    ("view", QT_TRANSLATE_NOOP("MainWindow", "视图(&V)")),
    ("tools", QT_TRANSLATE_NOOP("MainWindow", "工具(&T)")),
    ("user", QT_TRANSLATE_NOOP("MainWindow", "用户(&U)")),
    ("help", QT_TRANSLATE_NOOP("MainWindow", "帮助(&H)")),
)
USER_GUIDE = "docs/user-guide.md"


class MainWindow(QMainWindow):
    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self.restart_request: tuple[str | None, str] | None = None
        self.upkeep = None
        user = ctx.user
        role = auth.role_label(user.role, ctx.language)
        self.setWindowTitle(tr("政务公开审签工作站") + " — " + tr("{name}（{role}）").format(name=user.display_name, role=role))
        self.specs = [spec for spec in PAGES if user.role in spec.roles]
        self.pages: dict[str, QWidget] = {}
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.stack = QStackedWidget()
        self._build_pages()
        self.menus: dict[str, QMenu] = {}
        self._build_menus()
        self._build_status_bar()
        self.resize(QSize(1200, 760))
        self._restore_layout()

    # --- pages ------------------------------------------------------------------------------
    def _build_pages(self) -> None:
        for spec in self.specs:
            QListWidgetItem(tr(spec.title), self.navigation)
            self.stack.addWidget(QWidget())          # placeholder until first shown
        self._fit_navigation()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.navigation.currentRowChanged.connect(self.show_page_at)

    def _fit_navigation(self) -> None:
        metrics = self.navigation.fontMetrics()
        widest = max((metrics.horizontalAdvance(tr(spec.title)) for spec in self.specs), default=60)
        self.navigation.setFixedWidth(max(96, widest + 40))
        self.navigation.setSpacing(2)

    def show_page_at(self, row: int) -> None:
        if not 0 <= row < len(self.specs):
            return
        spec = self.specs[row]
        if spec.key not in self.pages:
            page = importlib.import_module(spec.module).Page(self.ctx, self)
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages[spec.key] = page
        self.stack.setCurrentIndex(row)
        self._update_page_actions()

    def show_page(self, key: str) -> QWidget | None:
        for row, spec in enumerate(self.specs):
            if spec.key == key:
                self.navigation.setCurrentRow(row)
                return self.pages.get(key)
        return None

    def current_page(self) -> QWidget | None:
        row = self.navigation.currentRow()
        return self.pages.get(self.specs[row].key) if 0 <= row < len(self.specs) else None

    def _call_page(self, method: str) -> None:
        handler = getattr(self.current_page(), method, None)
        if handler is not None:
            handler()

    def _update_page_actions(self) -> None:
        page = self.current_page()
        for method, action in self.page_actions.items():
            action.setEnabled(hasattr(page, method))
        can_draft = self.ctx.user.role in ("drafter", "section_head")
        self.page_actions["new_item"].setEnabled(can_draft and hasattr(page, "new_item"))

    # --- menus -----------------------------------------------------------------------------
    def menu(self, key: str) -> QMenu:
        """A menu of the menu bar by key: file, edit, view, tools, user, help."""
        return self.menus[key]

    def _action(self, menu: str, text: str, slot, shortcut: str | None = None) -> QAction:
        """A menu action; shortcuts are given as text ("Ctrl+N"), which also spares building
        PyQt's large key enums at start-up."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.menus[menu].addAction(action)
        return action

    def _build_menus(self) -> None:
        for key, title in MENUS:
            self.menus[key] = self.menuBar().addMenu(tr(title))
        self.page_actions = {
            "new_item": self._action("file", tr("新建信息"), lambda: self._call_page("new_item"), "Ctrl+N"),
            "open_current": self._action("edit", tr("打开所选信息"), lambda: self._call_page("open_current")),
            "focus_search": self._action("edit", tr("查找"), lambda: self._call_page("focus_search"), "Ctrl+F"),
            "refresh": self._action("view", tr("刷新"), lambda: self._call_page("refresh"), "F5"),
        }
        self.menus["file"].addSeparator()
        self.backup_action = self._action("file", tr("立即备份"), self.backup_now)
        self._action("file", tr("从备份恢复……"), self.ask_restore)
        self.menus["file"].addSeparator()
        self._action("file", tr("退出"), self.close, "Ctrl+Q")
        self._build_language_menu()
        self._action("user", tr("修改密码……"), self.change_password)
        self._action("user", tr("注销"), lambda: self.request_restart("logout"))
        self._action("help", tr("使用说明"), self.show_user_guide, "F1")
        self._action("help", tr("关于"), self.show_about)
        self._update_page_actions()

    def _build_language_menu(self) -> None:
        menu = self.menus["view"].addMenu(tr("界面语言"))
        group = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == self.ctx.language)
            action.triggered.connect(lambda _checked, code=code: self.choose_language(code))
            group.addAction(action)

    # --- status bar -----------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        user = self.ctx.user
        bar = self.statusBar()
        bar.addWidget(QLabel(tr("资料库：") + self.ctx.profile.name))
        role = auth.role_label(user.role, self.ctx.language)
        if user.section_id:
            role += " · " + user.section.name
        bar.addWidget(QLabel(tr("用户：") + tr("{name}（{role}）").format(name=user.display_name, role=role)))
        self.backup_label = QLabel()
        bar.addWidget(self.backup_label)
        self.status_widgets: dict[str, QWidget] = {}
        self.status_specs = [spec for spec in STATUS_WIDGETS if user.role in spec.roles]
        # Built once the window is up: their modules (sync, queue counts) need not delay it.
        QTimer.singleShot(0, self._add_status_widgets)

    def _add_status_widgets(self) -> None:
        for spec in self.status_specs:
            if spec.key not in self.status_widgets:
                widget = importlib.import_module(spec.module).StatusWidget(self.ctx, self)
                self.status_widgets[spec.key] = widget
                self.statusBar().addPermanentWidget(widget)

    def status_widgets_ready(self) -> bool:
        return len(self.status_widgets) == len(self.status_specs)

    def attach_upkeep(self, upkeep) -> None:
        """Show the backups' outcome and offer a restore when the integrity check fails."""
        self.upkeep = upkeep
        upkeep.backed_up.connect(self.show_backup)
        upkeep.backup_failed.connect(self.show_backup_failure)
        upkeep.problems_found.connect(self.offer_restore)

    def show_backup(self, taken) -> None:
        self.backup_label.setText(tr("上次备份：") + taken.taken_at.strftime("%H:%M"))

    def show_backup_failure(self, message: str) -> None:
        self.backup_label.setText(tr("备份失败：") + message)

    # --- backups and restore -----------------------------------------------------------------------
    def backup_now(self) -> None:
        if self.upkeep is not None:
            self.backup_label.setText(tr("正在备份……"))
            self.upkeep.backup_soon()

    def offer_restore(self, problems: list[str]) -> None:
        detail = "\n".join(problems[:5])
        answer = QMessageBox.warning(
            self, tr("资料库检查"),
            tr("资料库完整性检查发现问题，继续使用可能丢失数据：") + "\n" + detail + "\n\n" + tr("现在从备份恢复吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.request_restart("check", detail)

    def ask_restore(self) -> None:
        answer = QMessageBox.question(self, tr("从备份恢复"),
                                      tr("恢复备份需要关闭所有窗口并重新登录。继续吗？"))
        if answer == QMessageBox.StandardButton.Yes:
            self.request_restart("asked")

    def request_restart(self, kind: str, detail: str = "") -> None:
        """Close this session; desktop.app then restores, logs in again or switches language."""
        from desktop.app import RESTART
        self.restart_request = (kind, detail)
        if not self.close():
            self.restart_request = None
        elif QThread.currentThread().loopLevel() > 0:
            # Only a running loop may be told to end: otherwise the next one would end at once.
            QApplication.instance().exit(RESTART)

    # --- user, language, help ---------------------------------------------------------------------
    def change_password(self) -> None:
        from desktop.login import ChangePasswordDialog
        if ChangePasswordDialog(self.ctx, self).exec():
            self.statusBar().showMessage(tr("密码已修改。"), 10000)

    def choose_language(self, code: str) -> None:
        if code == self.ctx.language:
            return
        i18n.save_language(self.ctx.settings, code)
        answer = QMessageBox.question(self, tr("界面语言"),
                                      tr("界面语言将在下次启动时改为 {name}。现在就重新打开主窗口吗？").format(
                                          name=i18n.LANGUAGES[code]))
        if answer == QMessageBox.StandardButton.Yes:
            self.request_restart("language")

    def show_user_guide(self) -> None:
        """docs/user-guide.md in a window of its own (Qt renders the Markdown; no browser needed)."""
        from pathlib import Path

        from PyQt6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout
        guide = Path(__file__).resolve().parent.parent / USER_GUIDE
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("使用说明"))
        browser = QTextBrowser()
        browser.setMarkdown(guide.read_text(encoding="utf-8") if guide.exists() else "")
        QVBoxLayout(dialog).addWidget(browser)
        dialog.resize(760, 640)
        dialog.show()
        self.guide_window = dialog

    def show_about(self) -> None:
        QMessageBox.about(self, tr("关于"), tr("政务公开审签工作站") + " (Gongkai Desk)\n\n"
                          + tr("起草、审签和发布政府信息公开内容；离线可用，经分管领导批准的内容才会发布。"))

    # --- layout memory -------------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        settings = self.ctx.settings
        geometry = settings.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value("main/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        keys = [spec.key for spec in self.specs]
        last = settings.value(user_key(self.ctx.user, "main/page"), "")
        self.navigation.setCurrentRow(keys.index(last) if last in keys else 0)

    def _save_layout(self) -> None:
        settings = self.ctx.settings
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/state", self.saveState())
        row = self.navigation.currentRow()
        if 0 <= row < len(self.specs):
            settings.setValue(user_key(self.ctx.user, "main/page"), self.specs[row].key)

    def closeEvent(self, event) -> None:
        """Close the other windows first (editors ask about unsaved work); stay if one refuses."""
        for window in QApplication.topLevelWidgets():
            if window is not self and window.isVisible() and not window.close():
                event.ignore()
                return
        self._save_layout()
        self.ctx.settings.sync()
        event.accept()
