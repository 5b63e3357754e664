"""Starting the workstation: application object, language, profile, login, main window."""
from __future__ import annotations

import sys

from PyQt6.QtCore import QSettings
from PyQt6.QtWidgets import QApplication, QDialog, QMessageBox

from db import demo
from db.database import ProfileCorrupt, ProfileMissing, open_profile, profile_named
from desktop import i18n
from desktop.context import AppContext
from desktop.operations import OpRunner

ORGANISATION, APPLICATION = "GongkaiDesk", "GongkaiDesk"


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    return app


def build_context(profile, language: str | None = None) -> AppContext:
    settings = QSettings(ORGANISATION, APPLICATION)
    language = language or settings.value("language", "zh_CN")
    ctx = AppContext(profile=profile, settings=settings, language=language)
    ctx.runner = OpRunner()
    return ctx


def run_app(args) -> int:
    app = make_application(sys.argv[:1])
    profile = profile_named(args.profile)
    if args.profile == "demo" and demo.ensure(profile):
        print("已创建演示资料库。" + "\n" + demo.describe_credentials())
    try:
        open_profile(profile)
    except (ProfileCorrupt, ProfileMissing) as error:
        QMessageBox.critical(None, "Gongkai Desk", str(error) + "\n\n请运行：python main.py backup --list / --restore N")
        return 1
    ctx = build_context(profile, args.language)
    app._translators = i18n.install(app, ctx.language)
    from desktop.login import LoginDialog
    login = LoginDialog(ctx, args.user or "")
    if login.exec() != QDialog.DialogCode.Accepted:
        return 0
    ctx.user = login.user
    from desktop.main_window import MainWindow
    window = MainWindow(ctx)
    window.show()
    status = app.exec()
    ctx.runner.shutdown()
    return status
