"""How syncs run from the desktop: Cancel in the progress dialog, the automatic timer, and
what the status bar says afterwards (real worker thread, real SQLite central)."""
from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from PyQt6.QtCore import QTimer
from PyQt6.QtWidgets import QPushButton

from db import clock
from db.models import OutboxOp
from db.sync.errors import Cancelled
from db.sync.push import BATCH_SIZE, Hooks
from db.workflow import calendar
from desktop.sync import credentials
from tests.sync.desktop_helpers import make_ctx, run_sync, status_widget
from tests.sync.helpers import central_rows, draft_and_submit, user

HOLIDAYS = 5 * BATCH_SIZE          # five push transactions' worth of calendar ops


def leader_desk(qtbot, desks, client, tmp_path, url: str | None):
    ctx = make_ctx(client, tmp_path, "zhangweidong")
    widget = status_widget(qtbot, ctx, url)
    desks.append((widget, ctx))
    return ctx, widget


def mark_holidays(count: int) -> None:
    """The leader marks `count` days off: one outbox op each."""
    first = dt.date(2031, 1, 1)
    calendar.set_days(user("zhangweidong"), [(first + dt.timedelta(days=n), False, "测试假日") for n in range(count)])


def pending() -> int:
    return OutboxOp.select().where(OutboxOp.state == "pending").count()


class Heartbeat:
    """Ticks on the main thread; the longest gap between ticks is how long the window froze."""

    def __init__(self, every_ms: int = 20):
        self.last, self.longest = time.monotonic(), 0.0
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(every_ms)

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest, self.last = max(self.longest, now - self.last), now

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


def cancel_button(dialog) -> QPushButton:
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == "取消")


def test_cancel_stops_between_transactions_without_freezing_the_window(qtbot, sqlite_central, make_client,
                                                                        tmp_path, desks):
    client = make_client("leader").use()
    mark_holidays(HOLIDAYS)
    ctx, widget = leader_desk(qtbot, desks, client, tmp_path, sqlite_central.url)
    committed = []
    widget.controller.hooks = Hooks(before_commit=lambda ops: time.sleep(0.4),     # a slow line to the server
                                    after_commit=lambda ops: committed.append(len(ops)))
    heartbeat = Heartbeat()
    with qtbot.waitSignal(widget.controller.finished, timeout=60_000) as finished:
        widget.action.trigger()
        qtbot.waitUntil(lambda: widget.progress_dialog is not None and bool(committed), timeout=20_000)
        dialog = widget.progress_dialog
        assert dialog.isVisible() and "正在上传本地更改" in dialog.labelText()
        cancel_button(dialog).click()
        assert dialog.labelText().startswith("正在取消")
    froze = heartbeat.stop()
    _report, error = finished.args
    assert isinstance(error, Cancelled)
    assert froze < 0.5, f"the window stopped processing events for {froze:.2f} s"
    done = sum(committed)
    assert 0 < done < HOLIDAYS and done % BATCH_SIZE == 0, "stopped between whole transactions"
    assert pending() == HOLIDAYS - done, "what was not pushed is still pending"
    applied = central_rows(sqlite_central.db, "SELECT COUNT(*) FROM applied_ops")[0][0]
    relayed = central_rows(sqlite_central.db, "SELECT COUNT(*) FROM change_log WHERE entity = 'calendar.day'")[0][0]
    assert applied == relayed == done, "each pushed op took full effect centrally, the others none"
    assert widget.progress_dialog is None
    assert "同步失败" not in widget.label.text(), "a cancel is no failure"
    assert f"待同步：{HOLIDAYS - done} 项" in widget.label.text()
    assert widget.error.text() == "同步已取消，已完成的部分已保存"
    report, error = run_sync(qtbot, widget, timeout=60_000)          # the next sync finishes the rest
    assert error is None and pending() == 0
    assert not widget.error.text()


def test_the_timer_syncs_by_itself_at_the_interval_set(qtbot, sqlite_central, make_client, tmp_path, desks):
    client = make_client("drafter").use()
    draft_and_submit("定时同步测试")
    ctx = make_ctx(client, tmp_path, "maxiaoyan")
    ctx.settings.setValue(credentials.INTERVAL_KEY, "0.02")           # 1.2 seconds
    widget = status_widget(qtbot, ctx, sqlite_central.url)
    desks.append((widget, ctx))
    with qtbot.waitSignal(widget.controller.finished, timeout=10_000) as finished:
        pass                                                          # nobody presses anything
    report, error = finished.args
    assert error is None and report.pushed == 1
    assert pending() == 0 and "待同步：0 项" in widget.label.text()


def test_the_timer_starts_no_second_sync_while_one_runs(qtbot, sqlite_central, make_client, tmp_path, desks):
    client = make_client("leader").use()
    mark_holidays(2 * BATCH_SIZE)
    ctx, widget = leader_desk(qtbot, desks, client, tmp_path, sqlite_central.url)
    ctx.settings.setValue(credentials.INTERVAL_KEY, "0.005")          # raised to the shortest, 3 s
    widget.controller.apply_interval()
    assert widget.controller.timer.interval() == 3_000
    widget.controller.hooks = Hooks(before_commit=lambda ops: time.sleep(2.5))
    starts = []
    widget.controller.started.connect(lambda: starts.append(time.monotonic()))
    ticks = []
    widget.controller.timer.timeout.connect(lambda: ticks.append(widget.controller.running()))
    report, error = run_sync(qtbot, widget, timeout=60_000)
    assert error is None and report.pushed == 2 * BATCH_SIZE
    assert True in ticks, "the timer came round while the sync ran"
    assert len(starts) == 1, "and started nothing then"


def test_without_connection_settings_the_timer_stays_quiet(qtbot, make_client, tmp_path, desks):
    client = make_client("drafter").use()
    draft_and_submit("单机工作")
    ctx = make_ctx(client, tmp_path, "maxiaoyan")
    ctx.settings.setValue(credentials.INTERVAL_KEY, "0.05")
    widget = status_widget(qtbot, ctx, None)
    desks.append((widget, ctx))
    outcomes = []
    widget.controller.started.connect(lambda: outcomes.append("started"))
    widget.controller.finished.connect(lambda report, error: outcomes.append(error))
    qtbot.wait(7_000)                                                 # two intervals
    assert outcomes == [] and not widget.controller.running()
    assert not widget.error.text(), "working alone is no error"
    with qtbot.waitSignal(widget.controller.finished, timeout=5_000):
        widget.action.trigger()                                       # F9 says why nothing happens
    assert widget.error.text().startswith("尚未设置网站数据库连接")
    assert pending() == 1


def test_an_unreadable_interval_setting_falls_back_to_five_minutes(qtbot, make_client, tmp_path, desks):
    client = make_client("drafter").use()
    ctx = make_ctx(client, tmp_path, "maxiaoyan")
    ctx.settings.setValue(credentials.INTERVAL_KEY, "每五分钟")
    widget = status_widget(qtbot, ctx, None)
    desks.append((widget, ctx))
    assert widget.controller.timer.interval() == 5 * 60_000


def test_status_bar_shows_the_time_of_the_last_sync_and_plain_errors(qtbot, sqlite_central, make_client,
                                                                     tmp_path, desks):
    client = make_client("drafter").use()
    draft_and_submit("状态栏时间")
    draft_and_submit("状态栏时间二")
    ctx = make_ctx(client, tmp_path, "maxiaoyan")
    widget = status_widget(qtbot, ctx, sqlite_central.url)
    desks.append((widget, ctx))
    before = clock.now_dt().astimezone().strftime("%H:%M")
    _report, error = run_sync(qtbot, widget)
    after = clock.now_dt().astimezone().strftime("%H:%M")
    assert error is None
    shown = re.search(r"上次同步：(\d\d:\d\d)", widget.label.text())
    assert shown and shown.group(1) in (before, after), widget.label.text()
    draft_and_submit("断网后写的")
    credentials.save_url(ctx.settings, credentials.parse_url("mysql://clerk@127.0.0.1:9/gongkai"))
    credentials.store_password(credentials.saved_url(ctx.settings), "x")
    _report, error = run_sync(qtbot, widget)
    text, problem = widget.label.text(), widget.error.toolTip()
    assert f"上次同步：{shown.group(1)}" in text and "待同步：1 项" in text and "同步失败" in text
    assert problem.startswith("无法连接网站数据库（网络中断或服务器未运行）")
    assert widget.error.text() == "无法连接网站数据库", "its head, uncut"
    assert not re.search(r"[A-Za-z]{3,}", problem), f"no driver or exception words: {problem}"
