"""Start-up: first-run set-up of a new profile, restore of a missing or damaged one, upkeep."""
from __future__ import annotations

from pathlib import Path

import pytest

from db import backup, database as dbmod, items
from db.models import Column, Item, Topic, User
from desktop import app as appmod, backups
from desktop.backups import Upkeep
from desktop.context import AppContext, Changes
from desktop.first_run import FirstRunDialog
from desktop.operations import OpRunner, ReadRunner
from desktop.restore import RestoreDialog
from tests.helpers import column, user
from tests.ui.shell_helpers import IGNORE_OFFSCREEN, when_shown

pytestmark = IGNORE_OFFSCREEN


@pytest.fixture
def new_ctx(tmp_path, qapp, ui_settings):
    context = AppContext(profile=dbmod.Profile(tmp_path / "office"), settings=ui_settings, language="zh_CN")
    context.runner, context.reader = OpRunner(), ReadRunner()
    yield context
    appmod.shutdown(context)
    dbmod.close()


def test_first_run_creates_the_administrator_and_installs_reference_data(qtbot, new_ctx):
    assert appmod.open_or_restore(new_ctx), "a profile that never existed is created, not restored"

    def fill(dialog: FirstRunDialog):
        dialog.username.setText("wangli")
        dialog.display_name.setText("王丽")
        dialog.password.setText("guanli2024")
        dialog.again.setText("guanli2024")
        dialog.create()
    when_shown(qtbot, FirstRunDialog, fill)
    admin = appmod.log_in(new_ctx)
    assert (admin.username, admin.role) == ("wangli", "admin")
    assert Column.select().where(Column.name == "招投标信息").exists()
    assert Topic.select().count() > 10
    assert not User.select().where(User.role != "admin").exists(), "no demo users in a real profile"


def test_first_run_password_mismatch_is_caught(qtbot, new_ctx):
    appmod.open_or_restore(new_ctx)
    dialog = FirstRunDialog(new_ctx)
    qtbot.addWidget(dialog)
    dialog.password.setText("guanli2024")
    dialog.again.setText("guanli2025")
    dialog.create()
    assert dialog.message.text() == "两次输入的密码不一致"


def damage(profile: dbmod.Profile) -> None:
    dbmod.close()
    with open(profile.db_path, "r+b") as file:
        file.seek(0)
        file.write(b"\x00garbage" * 4096)


def test_damaged_profile_is_restored_from_the_newest_backup(qtbot, ctx):
    items.create_item(user("liuyang"), column("gzdt"), {"title": "备份前的草稿"})
    backup.backup_now(ctx.profile)
    items.create_item(user("liuyang"), column("gzdt"), {"title": "最新备份里的草稿"})
    newest = backup.backup_now(ctx.profile)
    damage(ctx.profile)
    shown = {}

    def restore(dialog: RestoreDialog):
        shown["reason"] = dialog.explanation.text()
        shown["rows"] = [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())]
        shown["size"] = dialog.table.item(0, 1).text()
        dialog.restore_selected()
    when_shown(qtbot, RestoreDialog, restore)
    assert appmod.open_or_restore(ctx)
    assert "已损坏" in shown["reason"]
    assert shown["rows"][0] == newest.path.name, "newest first, preselected"
    assert shown["size"].endswith("KB") or shown["size"].endswith("MB")
    assert Item.select().where(Item.title == "最新备份里的草稿").exists()
    assert list(ctx.profile.root.glob("profile.sqlite.damaged-*")), "the damaged file is kept aside"


def test_missing_profile_offers_restore_and_cancel_quits(qtbot, ctx):
    backup.backup_now(ctx.profile)
    dbmod.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(ctx.profile.db_path) + suffix).unlink(missing_ok=True)
    seen = {}

    def cancel(dialog: RestoreDialog):
        seen["text"] = dialog.explanation.text()
        dialog.reject()
    when_shown(qtbot, RestoreDialog, cancel)
    assert not appmod.open_or_restore(ctx)
    assert "找不到资料库文件" in seen["text"]
    assert not ctx.profile.db_path.exists(), "nothing was created in place of the missing file"


def test_upkeep_checks_then_backs_up_and_takes_one_more_at_exit(qtbot, ctx):
    upkeep = Upkeep(ctx.profile, ctx.hub)
    with qtbot.waitSignal(upkeep.backed_up, timeout=10000) as taken:
        upkeep.start()
    assert taken.args[0].path.exists()
    upkeep.start().result()                       # the newest backup is fresh: no second one
    assert len(backup.list_backups(ctx.profile)) == 1
    ctx.notify(Changes(items=True))
    upkeep.finish()
    assert len(backup.list_backups(ctx.profile)) == 2


def test_upkeep_reports_a_damaged_page(qtbot, ctx):
    for n in range(40):
        items.create_item(user("liuyang"), column("gzdt"), {"title": f"第{n}条", "body_html": "<p>" + "正文" * 400 + "</p>"})
    dbmod.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    size = ctx.profile.db_path.stat().st_size
    with open(ctx.profile.db_path, "r+b") as file:       # scribble over pages in the middle
        file.seek(size // 2)
        file.write(b"\xff" * 8192)
    upkeep = Upkeep(ctx.profile, ctx.hub)
    with qtbot.waitSignal(upkeep.problems_found, timeout=10000) as found:
        upkeep.start()
    assert found.args[0]
    upkeep.finish(final_backup=False)
    assert backup.list_backups(ctx.profile) == [], "a damaged file is not backed up"


def test_a_whole_session_log_in_log_out_and_quit(qtbot, ctx, qapp):
    """desktop.app.run_sessions: login dialog → main window → log out → login dialog → cancel."""
    from PyQt6.QtCore import QTimer
    from PyQt6.QtWidgets import QApplication
    from desktop.login import LoginDialog
    from desktop.main_window import MainWindow
    from tests.conftest import DEMO_PASSWORD
    dbmod.close()
    seen = []

    def log_in(dialog):
        dialog.password.setText(DEMO_PASSWORD)
        dialog.try_login()

    def log_out(window):
        seen.append(window.windowTitle())
        window.request_restart("logout")
    steps = [(LoginDialog, log_in), (MainWindow, log_out), (LoginDialog, lambda dialog: dialog.reject())]
    handled = []        # kept alive, so a new dialog never reuses a handled one's id

    def poll():
        if not steps:
            return
        kind, action = steps[0]
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible() and not any(w is widget for w in handled):
                handled.append(widget)
                steps.pop(0)
                action(widget)
                return
    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(20)
    assert appmod.run_sessions(qapp, ctx, "liuyang") == 0
    timer.stop()
    assert not steps, "every step happened"
    assert "刘洋" in seen[0]


def test_switching_language_reopens_the_window_in_english_without_logging_in_again(qtbot, ctx, qapp, monkeypatch):
    from PyQt6.QtCore import QLocale, QTimer
    from PyQt6.QtWidgets import QApplication, QMessageBox
    from desktop import i18n
    from desktop.login import LoginDialog
    from desktop.main_window import MainWindow
    from tests.conftest import DEMO_PASSWORD
    dbmod.close()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qapp._translators = []
    titles, handled = [], []

    def poll():
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible() or any(w is widget for w in handled):
                continue
            if isinstance(widget, LoginDialog):
                handled.append(widget)
                widget.password.setText(DEMO_PASSWORD)
                widget.try_login()
            elif isinstance(widget, MainWindow):
                handled.append(widget)
                titles.append(widget.menu("file").title())
                if len(titles) == 1:
                    widget.choose_language("en")
                else:
                    widget.close()
    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(20)
    try:
        assert appmod.run_sessions(qapp, ctx, "liuyang") == 0
    finally:
        timer.stop()
        i18n.uninstall(qapp, qapp._translators)
        QLocale.setDefault(QLocale("zh_CN"))
    assert titles == ["文件(&F)", "&File"]
    assert sum(isinstance(w, LoginDialog) for w in handled) == 1, "no second login"
    assert i18n.saved_language(ctx.settings) == "en"


def test_upkeep_checkpoints_the_wal_a_moment_after_changes(qtbot, ctx, monkeypatch):
    """The write worker's commits leave pages in the WAL; the upkeep thread copies them
    back into the file on its own connection, so the writer seldom has to."""
    monkeypatch.setattr(backups, "CHECKPOINT_AFTER_MS", 50)
    dbmod.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    for n in range(5):
        items.create_item(user("liuyang"), column("gzdt"), {"title": f"第{n}条", "body_html": "<p>" + "正文" * 400 + "</p>"})
    upkeep = Upkeep(ctx.profile, ctx.hub)
    copied = []
    monkeypatch.setattr(backups, "passive_checkpoint", lambda path: copied.append(dbmod.passive_checkpoint(path)))
    ctx.notify(Changes(items=True))
    qtbot.waitUntil(lambda: bool(copied), timeout=5000)
    in_wal, done = copied[0]
    assert in_wal > 0 and done == in_wal, "every page the WAL held is back in the file"
    upkeep.finish(final_backup=False)
