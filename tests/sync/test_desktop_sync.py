"""The desktop side of sync, driven with real widgets offscreen: status bar, F9, conflicts, settings."""
from __future__ import annotations

import logging

import pytest

from db.central import roles
from db.models import OutboxOp
from db.sync import conflicts, state
from db.sync.models import SyncConflict
from desktop.sync import credentials
from desktop.sync.conflicts_dialog import ConflictsDialog
from desktop.sync.settings_dialog import SyncSettingsDialog
from desktop.sync.status import StatusWidget
from tests.sync.desktop_helpers import make_ctx, run_sync, stop_ctx
from tests.sync.helpers import approve, draft_and_submit

SECRET = "Zq-9xP-secret-4471"


def test_status_bar_shows_pending_then_last_sync(qtbot, sqlite_central, make_client, tmp_path, desks):
    client = make_client("drafter").use()
    draft_and_submit("状态栏测试")
    ctx = make_ctx(client, tmp_path, "maxiaoyan")
    credentials.save_url(ctx.settings, credentials.parse_url(sqlite_central.url))
    widget = StatusWidget(ctx, None)
    desks.append((widget, ctx))
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: "从未" in widget.label.text() and "待同步：1 项" in widget.label.text())   # read off the UI thread
    report, error = run_sync(qtbot, widget)
    assert error is None and report.pushed == 1
    assert "待同步：0 项" in widget.label.text() and "从未" not in widget.label.text()
    assert widget.progress_dialog is None, "a quick sync never flashes a progress dialog"


def test_unreachable_database_is_reported_in_plain_words(qtbot, make_client, tmp_path, desks):
    client = make_client("drafter").use()
    draft_and_submit("断网时的工作")
    ctx = make_ctx(client, tmp_path, "maxiaoyan")
    credentials.save_url(ctx.settings, credentials.parse_url("mysql://nobody@127.0.0.1:9/gongkai"))
    credentials.store_password(credentials.saved_url(ctx.settings), "x")
    widget = StatusWidget(ctx, None)
    desks.append((widget, ctx))
    qtbot.addWidget(widget)
    _report, error = run_sync(qtbot, widget)
    assert "无法连接网站数据库" in str(error) and "本地工作已保存" in str(error)
    assert widget.error.text() == "无法连接网站数据库"
    assert "无法连接网站数据库" in widget.error.toolTip()
    assert OutboxOp.select().where(OutboxOp.state == "pending").count() == 1


def test_conflict_screen_shows_both_sides_and_settles(qtbot, sqlite_central, make_client, tmp_path):
    drafter = make_client("drafter").use()
    v1 = draft_and_submit("冲突界面测试")
    drafter.sync(sqlite_central.db)
    leader = make_client("leader")
    leader.sync(sqlite_central.db)
    drafter.use()
    from tests.sync.helpers import edit, submit
    from db.models import Item
    edit(v1.item_id, "冲突界面测试（改）")
    submit(Item.get_by_id(v1.item_id))
    drafter.sync(sqlite_central.db)
    leader.use()
    approve(v1.item_id)
    leader.sync(sqlite_central.db)
    ctx = make_ctx(leader, tmp_path, "zhangweidong")
    try:
        dialog = ConflictsDialog(ctx)
        qtbot.addWidget(dialog)
        assert dialog.list.count() == 1
        assert "失效" in dialog.message.text()
        assert "批准" in dialog.mine.toPlainText() and "最新版本" in dialog.theirs.toPlainText()
        assert not dialog.keep.isEnabled(), "a decision can't be re-sent; the leader reviews v2 instead"
        with qtbot.waitSignal(ctx.hub.changed, timeout=10_000):
            dialog.dismiss.click()
        qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=10_000)
        assert SyncConflict.get().resolution == "dismiss"
        assert conflicts.open_count(ctx.user) == 0
    finally:
        stop_ctx(ctx)


def test_settings_dialog_keeps_the_password_out_of_files_and_logs(qtbot, server_central, make_client, tmp_path,
                                                                  desks, caplog, memory_keyring):
    caplog.set_level(logging.DEBUG)
    name = f"{server_central.name}_du"
    roles.create_account(server_central.db, server_central.name, name, SECRET, "drafter")
    server_central.accounts.append(name)
    client = make_client("drafter").use()
    draft_and_submit("密码不得泄露")
    ctx = make_ctx(client, tmp_path, "maxiaoyan")
    dialog = SyncSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.url.setText(server_central.url.replace("root@", "").replace("postgres@", ""))
    dialog.user.setText(name)
    dialog.password.setText(SECRET)
    dialog.save()
    url = credentials.saved_url(ctx.settings)
    assert memory_keyring.get_password(credentials.SERVICE, url.keyring_username()) == SECRET
    credentials.forget_session()     # as after a restart: the keyring must supply it
    widget = StatusWidget(ctx, None)
    desks.append((widget, ctx))
    qtbot.addWidget(widget)
    report, error = run_sync(qtbot, widget)
    assert error is None and report.pushed == 1, error
    ctx.settings.sync()
    for path in [tmp_path / "settings.ini", *client.profile.root.rglob("*")]:
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
    assert SECRET not in caplog.text
    assert state.get(state.LAST_ERROR) == ""


def test_without_a_keyring_the_password_is_asked_once_per_session(qtbot, make_client, tmp_path, desks):
    import keyring
    from keyring.backends import fail
    keyring.set_keyring(fail.Keyring())
    credentials.forget_session()
    client = make_client("drafter").use()
    ctx = make_ctx(client, tmp_path, "maxiaoyan")
    url = credentials.parse_url("mysql://clerk@127.0.0.1:9/gongkai")
    credentials.save_url(ctx.settings, url)
    assert credentials.password_for(url) is None
    assert credentials.store_password(url, "only-in-memory") is False
    assert credentials.password_for(url) == "only-in-memory"
    credentials.forget_session()
    assert credentials.password_for(url) is None


def test_conflict_screen_keeps_mine_as_the_next_version(qtbot, sqlite_central, make_client, tmp_path):
    from tests.sync.helpers import central_rows, edit, submit
    from db.models import Item
    first = make_client("first").use()
    item_id = draft_and_submit("同时修改的公告").item_id
    first.sync(sqlite_central.db)
    second = make_client("second")
    second.sync(sqlite_central.db)
    first.use()
    edit(item_id, "甲工作站的修改")
    submit(Item.get_by_id(item_id))
    second.use()
    edit(item_id, "乙工作站的修改")
    submit(Item.get_by_id(item_id))
    first.sync(sqlite_central.db)
    assert second.sync(sqlite_central.db).conflicts == 1        # its version 2 came second
    ctx = make_ctx(second, tmp_path, "maxiaoyan")
    try:
        dialog = ConflictsDialog(ctx)
        qtbot.addWidget(dialog)
        assert dialog.list.count() == 1 and "先提交者生效" in dialog.list.item(0).text()
        assert "其他工作站已先提交了第2版" in dialog.message.text()
        assert "乙工作站的修改" in dialog.mine.toPlainText()
        assert "甲工作站的修改" in dialog.theirs.toPlainText(), "the other side's content, not only its number"
        assert dialog.keep.isEnabled() and dialog.take.isEnabled()
        with qtbot.waitSignal(ctx.hub.changed, timeout=10_000):
            dialog.keep.click()
        qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=10_000)
        assert SyncConflict.get().resolution == "keep_mine"
        second.sync(sqlite_central.db)
        versions = central_rows(sqlite_central.db, "SELECT number, title FROM wf_version WHERE item_id = ? "
                                                   "ORDER BY number", (item_id,))
        assert versions == [(1, "同时修改的公告"), (2, "甲工作站的修改"), (3, "乙工作站的修改")]
    finally:
        stop_ctx(ctx)
