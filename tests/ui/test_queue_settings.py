"""代审与日历: a leader names a deputy for a week; an admin marks a holiday and the deadline moves."""
from __future__ import annotations

from PyQt6.QtCore import QDate, Qt

from db import workdays
from db.models import Item, ReviewTask
from db.workflow import calendar
from db.workflow.models import Delegation
from desktop.review.settings_page import Page
from tests.helpers import user
from tests.ui.shell_helpers import IGNORE_OFFSCREEN
from tests.workflow.conftest import submitted

pytestmark = IGNORE_OFFSCREEN


def open_page(qtbot, ctx, username: str) -> Page:
    ctx.user = user(username)
    page = Page(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def test_a_leader_names_a_deputy_for_a_week(qtbot, ctx, profile):
    page = open_page(qtbot, ctx, "wangjianguo")
    tab = page.delegations
    tab.deputy.setCurrentIndex(tab.deputy.findText("李美华", Qt.MatchFlag.MatchContains))
    tab.note.setText("赴省里参加培训")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=5000)
    assert [tab.table.item(0, c).text() for c in (0, 1, 4)] == ["王建国", "李美华", "生效中"]
    row = Delegation.get()
    assert (row.principal.username, row.deputy.username, row.note) == ("wangjianguo", "limeihua", "赴省里参加培训")
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.revoke_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.table.item(0, 4).text() == "已撤销", timeout=5000)


def test_an_admin_marks_a_holiday_and_open_deadlines_move(qtbot, ctx, profile):
    item, _ = submitted()
    Item.update(changed_at="2026-11-02T02:00:00Z").where(Item.id == item.id).execute()
    calendar.refresh_deadlines()
    page = open_page(qtbot, ctx, "admin")
    tab = page.calendar
    tab.calendar.setSelectedDate(QDate(2026, 11, 10))
    tab.note.setText("测试假日")
    qtbot.mouseClick(tab.holiday_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1 条待审信息的期限随之调整" in tab.message.text(), timeout=5000)
    assert workdays.overrides() == {"2026-11-10": False}
    assert ReviewTask.get(ReviewTask.item == item).due_on == "2026-12-01"
    assert "测试假日" in tab.listing.item(0).text() and "测试假日" in tab.day_info.text()


def test_a_section_head_sees_the_calendar_but_cannot_change_it(qtbot, ctx, profile):
    page = open_page(qtbot, ctx, "chenjing")
    assert not page.calendar.holiday_button.isVisible()
