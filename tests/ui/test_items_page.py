"""The item list: filters, search (two-character words), pinned returned items, new/open/discard."""
from __future__ import annotations

import pytest
from PyQt6.QtCore import QDate, Qt

from db.models import Item
from desktop.pages.items_model import ItemTableModel
from desktop.pages.items_page import Page
from desktop.pages import items_query
from tests.helpers import column
from tests.ui.shell_helpers import IGNORE_OFFSCREEN, draft, returned, settle, titles

pytestmark = IGNORE_OFFSCREEN


@pytest.fixture
def some_items(profile):
    draft("liuyang", "gzdt", "中心召开政务公开工作会议", "会议部署了本年度政务公开重点工作。")
    draft("liuyang", "tzgg", "关于窗口调整办公时间的通知", "自下月起窗口办公时间调整。")
    draft("maxiaoyan", "ztb_jsgc", "市政道路改造工程招标公告", "本工程进行公开招标，欢迎投标。")
    draft("maxiaoyan", "ztb_zfcg", "办公设备采购项目中标结果公告", "采购项目已完成评审。")


@pytest.fixture
def page(qtbot, ctx, log_in, some_items):
    def open_as(username):
        log_in(username)
        widget = Page(ctx)
        qtbot.addWidget(widget)
        widget.show()
        settle(qtbot, widget)
        return widget
    return open_as


def choose(combo, text):
    at = combo.findText(text, Qt.MatchFlag.MatchContains)
    assert at >= 0, f"{text} not offered"
    combo.setCurrentIndex(at)


def test_lists_everything_newest_first_with_a_total(page):
    shown = page("liuyang")
    assert len(titles(shown)) == 4
    assert shown.filters.total.text() == "共 4 条"
    assert titles(shown)[0] == "办公设备采购项目中标结果公告"


def test_search_finds_two_character_words(qtbot, page):
    shown = page("liuyang")
    shown.filters.search.insert("招标")   # Chinese arrives from the input method, not key by key
    settle(qtbot, shown)
    assert titles(shown) == ["市政道路改造工程招标公告"]
    shown.filters.search.clear()
    shown.filters.search.insert("公开")   # Chinese arrives from the input method, not key by key
    settle(qtbot, shown)
    assert set(titles(shown)) == {"中心召开政务公开工作会议", "市政道路改造工程招标公告"}
    assert shown.filters.total.text() == "共 2 条"


def test_parent_column_includes_its_children(qtbot, page):
    shown = page("liuyang")
    choose(shown.filters.column, "招投标信息")
    settle(qtbot, shown)
    assert set(titles(shown)) == {"市政道路改造工程招标公告", "办公设备采购项目中标结果公告"}
    choose(shown.filters.column, "政府采购")
    settle(qtbot, shown)
    assert titles(shown) == ["办公设备采购项目中标结果公告"]


def test_state_section_and_my_items(qtbot, page):
    shown = page("liuyang")
    choose(shown.filters.section, "办公室")
    settle(qtbot, shown)
    assert len(titles(shown)) == 2
    choose(shown.filters.section, "全部科室")
    shown.filters.mine.setChecked(True)
    settle(qtbot, shown)
    assert set(titles(shown)) == {"中心召开政务公开工作会议", "关于窗口调整办公时间的通知"}
    choose(shown.filters.state, "审核中")
    settle(qtbot, shown)
    assert titles(shown) == [] and shown.filters.total.text() == "共 0 条"


def test_date_range_on_the_date_written(qtbot, page):
    Item.update(written_on="2019-05-04").where(Item.title == "关于窗口调整办公时间的通知").execute()
    shown = page("liuyang")
    choose(shown.filters.date_field, "成文日期")
    shown.filters.date_from.setDate(QDate(2019, 1, 1))
    shown.filters.date_to.setDate(QDate(2019, 12, 31))
    settle(qtbot, shown)
    assert titles(shown) == ["关于窗口调整办公时间的通知"]


def test_filters_are_remembered(qtbot, ctx, page):
    shown = page("liuyang")
    choose(shown.filters.column, "工作动态")
    shown.filters.search.insert("会议")   # Chinese arrives from the input method, not key by key
    settle(qtbot, shown)
    again = Page(ctx)
    qtbot.addWidget(again)
    settle(qtbot, again)
    assert again.filters.search.text() == "会议"
    assert again.filters.column.currentText().strip() == "工作动态"
    assert titles(again) == ["中心召开政务公开工作会议"]


def test_filters_are_remembered_per_user_not_per_workstation(qtbot, ctx, page):
    """刘洋's search, 状态=草稿 and 只看我的 once greeted the admin who logged in after her."""
    hers = page("liuyang")
    hers.filters.search.insert("会议")
    choose(hers.filters.state, "草稿")
    hers.filters.mine.setChecked(True)
    settle(qtbot, hers)
    assert titles(hers) == ["中心召开政务公开工作会议"]

    admins = page("admin")
    assert admins.filters.search.text() == "" and admins.filters.state.currentData() == ""
    assert not admins.filters.mine.isChecked()
    assert len(titles(admins)) == 4
    choose(admins.filters.column, "招投标信息")
    settle(qtbot, admins)

    again = page("LiuYang")          # the name as typed at login; the same user
    assert again.filters.search.text() == "会议" and again.filters.state.currentData() == "draft"
    assert again.filters.mine.isChecked() and again.filters.column.currentData() == ""
    assert titles(again) == ["中心召开政务公开工作会议"]
    assert page("admin").filters.column.currentText().strip() == "招投标信息"


def test_returned_items_are_pinned_with_their_reason(qtbot, page):
    returned("liuyang", "gzdt", "被退回的工作动态", "chenjing", "请补充会议时间和地点")
    shown = page("liuyang")
    first = shown.model.rows[0]
    assert first.title == "被退回的工作动态" and first.pinned
    cell = shown.model.index(0, 0)
    assert "请补充会议时间和地点" in shown.model.data(cell)            # second line of the title cell
    assert "请补充会议时间和地点" in shown.model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert shown.table.rowHeight(0) > shown.table.rowHeight(1), "the reason has room for its line"
    assert [r.title for r in shown.model.rows].count("被退回的工作动态") == 1


def test_a_leader_sees_returned_items_in_date_order_not_pinned(qtbot, page):
    returned("liuyang", "gzdt", "被退回的工作动态", "chenjing", "请补充会议时间和地点")
    shown = page("wangjianguo")
    assert not any(row.pinned for row in shown.model.rows)


def test_model_passes_qtmodeltester(qtmodeltester, ctx, log_in, some_items):
    log_in("liuyang")
    model = ItemTableModel(ctx)
    model._replace(items_query.ItemFilter(), items_query.first_page(items_query.ItemFilter(), 2), 2)
    qtmodeltester.check(model)


def test_fetch_more_pages_through_everything(ctx, log_in, some_items):
    for n in range(7):
        draft("liuyang", "gzdt", f"第{n}条补充动态")
    model = ItemTableModel(ctx)
    model._replace(items_query.ItemFilter(), items_query.first_page(items_query.ItemFilter(), 3), 3)
    while model.canFetchMore():
        before = model.rowCount()
        model.fetchMore()
        assert model.rowCount() > before or not model.canFetchMore()
    assert model.rowCount() == 11 == len({row.id for row in model.rows})


def test_new_item_offers_only_columns_the_drafter_may_use(qtbot, ctx, page):
    from desktop.pages.items_new import NewItemDialog
    shown = page("maxiaoyan")
    dialog = NewItemDialog(ctx, shown)
    qtbot.addWidget(dialog)
    allowed = {column(code).id for code in ("ztb_jsgc", "ztb_zfcg", "tzgg", "gzdt")}
    assert allowed <= dialog.allowed
    assert column("jgsz").id not in dialog.allowed          # 机构设置 belongs to 办公室
    assert column("ztb").id not in dialog.allowed           # a parent column takes no items


def test_discarding_a_draft_after_confirmation(qtbot, page):
    from PyQt6.QtWidgets import QMessageBox
    from tests.ui.shell_helpers import when_shown
    shown = page("liuyang")
    row = next(r for r in shown.model.rows if r.title == "关于窗口调整办公时间的通知")
    assert shown.can_discard(row)
    other = next(r for r in shown.model.rows if r.title == "市政道路改造工程招标公告")
    assert not shown.can_discard(other), "another section's draft"
    asked = []

    def confirm(box):
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()
    when_shown(qtbot, QMessageBox, confirm)
    shown.discard(row)
    qtbot.waitUntil(lambda: "关于窗口调整办公时间的通知" not in titles(shown) and
                    shown.filters.total.text() == "共 3 条", timeout=5000)
    assert "删除后不能恢复" in asked[0]
    assert not Item.select().where(Item.title == "关于窗口调整办公时间的通知").exists()


def test_enter_opens_the_item_in_the_editor(qtbot, page):
    from desktop.editor import open_editors
    shown = page("liuyang")
    row = titles(shown).index("关于窗口调整办公时间的通知")
    shown.table.setFocus()
    shown.table.setCurrentIndex(shown.model.index(row, 0))
    qtbot.keyClick(shown.table, Qt.Key.Key_Return)
    editors = open_editors(shown.ctx)
    assert [e.session.item_id for e in editors] == [shown.model.rows[row].id]
    for editor in editors:
        editor.close()


def test_new_item_asks_for_the_column_then_opens_the_editor(qtbot, page):
    from desktop.editor import open_editors
    from desktop.pages.items_new import NewItemDialog
    from tests.ui.shell_helpers import when_shown
    shown = page("liuyang")

    def choose_tzgg(dialog):
        for item in dialog.tree.findItems("通知公告", Qt.MatchFlag.MatchRecursive):
            dialog.tree.setCurrentItem(item)
        dialog.accept_if_chosen()
    when_shown(qtbot, NewItemDialog, choose_tzgg)
    shown.new_item()
    editors = open_editors(shown.ctx)
    assert len(editors) == 1 and editors[0].session.item_id is None
    assert editors[0].session.column_id == column("tzgg").id
    for editor in editors:
        editor.close()


def test_a_change_elsewhere_refreshes_the_list_in_place(qtbot, page):
    from desktop.context import Changes
    for n in range(230):
        draft("liuyang", "gzdt", f"第{n:03d}条补充动态")
    shown = page("liuyang")
    shown.model.fetchMore()                       # the user scrolled past the first page …
    target = shown.model.rows[220]
    shown.table.selectRow(220)
    shown.table.scrollTo(shown.model.index(220, 0))
    scrolled = shown.table.verticalScrollBar().value()
    draft("sunqiang", "gzdt", "别的科室刚保存的动态")
    shown.ctx.notify(Changes(items=True))         # … when an editor saved something
    qtbot.waitUntil(lambda: "别的科室刚保存的动态" in titles(shown) and shown.filters.total.text() == "共 235 条",
                    timeout=5000)
    assert shown.current_item_id() == target.id
    assert abs(shown.table.verticalScrollBar().value() - scrolled) <= shown.table.rowHeight(0)
