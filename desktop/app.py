"""Starting the workstation: application, language, profile, login, main window, upkeep.

Start-up does only the cheap things before the window shows: open the profile with the
cheap check (db.database.open_profile), log in, build the window. The full integrity check
and the first backup run afterwards on a background thread (desktop.backups.Upkeep).
A profile that is missing or damaged gets the restore dialog instead of an error box; a
new profile without an administrator gets the first-run dialog instead of the login.
"""
from __future__ import annotations

import importlib
import sys

from PyQt6.QtCore import QCoreApplication, QEventLoop, QObject, QSettings, QTimer, pyqtSignal
from PyQt6.QtWidgets import QApplication, QDialog, QProgressDialog

from db.database import ProfileCorrupt, ProfileMissing, open_profile, profile_named
from desktop import i18n
from desktop.context import AppContext
from desktop.operations import OpRunner, ReadRunner

ORGANISATION, APPLICATION = "GongkaiDesk", "GongkaiDesk"
RESTART = 75   # app.exec() status meaning "close this session and open the profile again"
# Imported while the login dialog waits for the password (see preload_window).
WINDOW_MODULES = ("desktop.main_window", "desktop.backups", "desktop.pages.items_page",
                  "desktop.pages.queue_page", "desktop.sync.status", "desktop.review.status")
PRELOAD_AFTER_MS = 150      # the dialog has painted by then


def tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(tr("政务公开审签工作站"))
    return app


def build_context(profile, language: str | None = None, settings: QSettings | None = None) -> AppContext:
    settings = settings if settings is not None else QSettings(ORGANISATION, APPLICATION)
    language = language or i18n.saved_language(settings)
    ctx = AppContext(profile=profile, settings=settings, language=language)
    ctx.runner, ctx.reader = OpRunner(), ReadRunner()
    return ctx


def shutdown(ctx: AppContext) -> None:
    ctx.runner.shutdown()
    ctx.reader.shutdown()


def is_new_profile(profile) -> bool:
    """No database and no backups: a profile to create, not one to restore."""
    if profile.exists():
        return False
    from db import backup
    return not backup.list_backups(profile)


def open_or_restore(ctx: AppContext, reason: str | None = None, detail: str = "") -> bool:
    """Open the profile, offering the restore dialog while it is missing or damaged
    (desktop.restore, with the backups it lists, is imported only then)."""
    while True:
        if reason is None:
            try:
                open_profile(ctx.profile, create=is_new_profile(ctx.profile))
                return True
            except ProfileMissing:
                from desktop.restore import REASON_MISSING
                reason, detail = REASON_MISSING, ""
            except ProfileCorrupt as error:
                from desktop.restore import REASON_CORRUPT
                reason, detail = REASON_CORRUPT, str(error.__cause__ or error)   # SQLite's own words
        from desktop.restore import RestoreDialog
        if RestoreDialog(ctx, reason, detail).exec() != QDialog.DialogCode.Accepted:
            return False
        reason, detail = None, ""


def log_in(ctx: AppContext, username: str = ""):
    """The first-run dialog on a profile without an administrator, else the login dialog."""
    from db import auth
    if auth.needs_first_admin():
        from desktop.first_run import FirstRunDialog
        dialog = FirstRunDialog(ctx)
    else:
        from desktop.login import LoginDialog
        dialog = LoginDialog(ctx, username)
        QTimer.singleShot(PRELOAD_AFTER_MS, preload_window)
    return dialog.user if dialog.exec() == QDialog.DialogCode.Accepted else None


def preload_window() -> None:
    """Import the main window's modules while the user types the password, so the window
    is built from loaded modules once the password is accepted (~50–80 ms sooner)."""
    for name in WINDOW_MODULES:
        try:
            importlib.import_module(name)
        except Exception:    # noqa: BLE001 — only a head start: the window's own import reports any error
            return


def open_window(ctx: AppContext):
    """The main window plus its upkeep (integrity check, backups), started once it has settled."""
    from desktop.backups import Upkeep
    from desktop.main_window import MainWindow
    window = MainWindow(ctx)
    upkeep = Upkeep(ctx.profile, ctx.hub, window)
    window.attach_upkeep(upkeep)
    window.show()
    upkeep.start_later()
    return window, upkeep


def run_app(args) -> int:
    app = make_application(sys.argv[:1])
    settings = QSettings(ORGANISATION, APPLICATION)
    language = args.language or i18n.saved_language(settings)
    app._translators = i18n.install(app, language)
    profile = profile_named(args.profile)
    if args.profile == "demo" and not profile.root.exists() and not create_demo(app, profile):
        return 1
    ctx = build_context(profile, language, settings)
    try:
        return run_sessions(app, ctx, args.user or "")
    finally:
        shutdown(ctx)


def run_sessions(app: QApplication, ctx: AppContext, username: str) -> int:
    """Log in and run the window; again when the window asked for a restart.

    The window asks (window.restart_request) to log out, to switch the language (the user
    stays logged in), or to restore the profile from a backup ("check", "asked").
    """
    kind, detail = "start", ""
    while True:
        if kind != "language":
            reason = kind if kind in ("check", "asked") else None
            if not open_or_restore(ctx, reason, detail):
                return 0
            ctx.user = log_in(ctx, username)
            if ctx.user is None:
                return 0
        window, upkeep = open_window(ctx)
        status = app.exec()
        request = window.restart_request
        upkeep.finish(final_backup=request is None or request[0] in ("language", "logout"))
        window.deleteLater()
        if request is None:
            return status
        kind, detail = request
        username = ctx.user.username
        ctx.reader.shutdown()          # its connection may point at a file about to be replaced
        ctx.reader = ReadRunner()
        if kind == "language":
            app._translators = switch_language(app, ctx)


def switch_language(app: QApplication, ctx: AppContext):
    i18n.uninstall(app, app._translators)
    ctx.language = i18n.saved_language(ctx.settings)
    return i18n.install(app, ctx.language)


class _Finished(QObject):
    done = pyqtSignal()


def create_demo(app: QApplication, profile) -> bool:
    """Build the demo profile on a worker thread while a busy indicator shows."""
    from concurrent.futures import ThreadPoolExecutor

    from db import demo
    from db.database import close
    progress = QProgressDialog(tr("正在创建演示资料库，请稍候……"), None, 0, 0)
    progress.setWindowTitle(tr("政务公开审签工作站"))
    progress.setMinimumDuration(0)
    progress.show()
    finished, loop = _Finished(), QEventLoop()
    finished.done.connect(loop.quit)

    def build():
        try:
            return demo.build(profile)
        finally:
            close()
            finished.done.emit()
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(build)
        if not future.done():
            loop.exec()
    progress.close()
    if future.exception() is not None:
        print(f"错误：{future.exception()}", file=sys.stderr)
        return False
    print("已创建演示资料库。\n" + demo.describe_credentials())
    return True
