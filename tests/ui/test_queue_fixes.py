"""What a QA round found in the queue, driven through real widgets: a bare key no longer
approves unasked, the title has the room and nothing scrolls sideways at 1280×800 in
either language, the splitter stays where it was put, stages nobody can decide are listed
with the reason, and the preview and the history read evenly."""
from __future__ import annotations

import datetime as dt

import pytest
from PyQt6.QtCore import Qt

from db import clock, directory
from db.models import Decision, Item
from db.workflow import delegation
from desktop.main_window import MainWindow
from desktop.pages import queue_page
from desktop.review.panel import HISTORY, PREVIEW
from desktop.review.queue_model import STAGE_COLUMN, TIME_COLUMN, TITLE_COLUMN
from tests.helpers import user
from tests.ui.shell_helpers import IGNORE_OFFSCREEN
from tests.workflow.conftest import approve, submitted

pytestmark = IGNORE_OFFSCREEN
LONG_TITLE = "关于印发信阳市行政服务中心二〇二六年度政务公开工作要点及任务分解方案的通知"


def open_page(qtbot, ctx, username: str, window_size=None):
    ctx.user = user(username)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    if window_size:
        window.resize(*window_size)
    window.show()
    page = window.show_page("queue" if username != "admin" else "review_problems")
    qtbot.waitUntil(lambda: page.loaded_once, timeout=5000)
    return window, page


def at_the_leader(title: str):
    item, version = submitted(title=title)
    approve("chenjing", version)
    return item


def test_a_bare_a_asks_first_says_it_will_be_published_and_enter_does_not_approve(qtbot, ctx, profile):
    item = at_the_leader("按A键前须确认的通知")
    _window, page = open_page(qtbot, ctx, "wangjianguo")
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: page.confirm_dialog is not None and page.confirm_dialog.isVisible(), timeout=5000)
    dialog = page.confirm_dialog
    assert dialog.question.text() == "批准《按A键前须确认的通知》？"
    assert "批准后将同步发布" in dialog.consequence.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)            # Enter by habit: the default is 取消
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert not Decision.select().where(Decision.stage == 2).exists() and Item.get_by_id(item.id).state == "in_review"

    qtbot.keyClick(page.table, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: page.confirm_dialog is not dialog and page.confirm_dialog.isVisible(), timeout=5000)
    qtbot.keyClick(page.confirm_dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "已批准并等待同步" in page.panel.message.text(), timeout=5000)
    assert Item.get_by_id(item.id).state == "approved"


def test_ctrl_enter_as_the_button_says_approves_without_asking(qtbot, ctx, profile):
    item, _ = submitted(title="Ctrl+Enter 直接批准")
    _window, page = open_page(qtbot, ctx, "chenjing")
    assert "Ctrl+Enter" in page.panel.approve_button.text()
    qtbot.keyClick(page.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "已转到下一环节" in page.panel.message.text(), timeout=5000)
    assert page.confirm_dialog is None


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_deputy_at_1280_sees_the_title_and_no_sideways_scrolling(qtbot, ctx, profile, language):
    from desktop import i18n
    translators = i18n.install(qtbot_app(), language)
    ctx.language = language
    try:
        today = clock.local_today()
        delegation.delegate(user("wangjianguo"), user("wangjianguo"), user("chenjing"), today, today)
        for n in range(3):
            approve("zhengli", submitted("gaopeng", "gzdt", title=f"{LONG_TITLE}（{n}）")[1])
        window, page = open_page(qtbot, ctx, "chenjing", (1280, 800))
        assert window.minimumSizeHint().width() <= 1280, "the window fits a 1280-pixel screen"
        assert window.width() <= 1280
        qtbot.waitUntil(lambda: len(page.model.rows) == 3, timeout=5000)
        table = page.table
        assert not table.horizontalScrollBar().isVisible()
        assert table.columnWidth(TITLE_COLUMN) >= 10 * table.char_width(), "the title keeps the room"
        visible = sum(table.columnWidth(c) for c in range(page.model.columnCount()) if not table.isColumnHidden(c))
        assert visible <= table.viewport().width(), "every column is on screen"
        index = page.model.index(0, TITLE_COLUMN)
        assert LONG_TITLE in page.model.data(index, Qt.ItemDataRole.ToolTipRole)
        stage = page.model.data(page.model.index(0, STAGE_COLUMN))
        assert stage == ("2/2 领导·代" if language == "zh_CN" else "2/2 leader (dep.)")
        assert len(page.model.data(page.model.index(0, TIME_COLUMN))) == 5, "MM-DD"
    finally:
        i18n.uninstall(qtbot_app(), translators)


def qtbot_app():
    from PyQt6.QtWidgets import QApplication
    return QApplication.instance()


def test_the_splitter_between_list_and_preview_stays_where_it_was_put(qtbot, ctx, profile):
    submitted(title="分隔条位置")
    window, page = open_page(qtbot, ctx, "chenjing", (1280, 800))
    before = page.splitter.sizes()
    page.splitter.moveSplitter(before[0] + 120, 1)        # as dragging the handle does
    moved = page.splitter.sizes()
    assert moved[0] > before[0]
    window.close()
    _window, again = open_page(qtbot, ctx, "chenjing", (1280, 800))
    assert abs(again.splitter.sizes()[0] - moved[0]) <= 2


def test_a_leader_sees_what_nobody_can_decide_with_the_reason_and_cannot_decide_it(qtbot, ctx, profile):
    item, _ = submitted(title="负责人停用后无人初审的动态")
    head = user("chenjing")
    directory.update_user(user("admin"), head, head.display_name, head.role, head.section, active=False)
    _window, page = open_page(qtbot, ctx, "wangjianguo")
    qtbot.waitUntil(lambda: page.view_choice.itemText(1) == "无人可审（1）", timeout=5000)
    page.view_choice.setCurrentIndex(1)
    qtbot.waitUntil(lambda: [r.item_id for r in page.model.rows] == [item.id], timeout=5000)
    qtbot.waitUntil(lambda: page.panel.row is not None, timeout=5000)
    assert "没有在岗的科室负责人" in page.panel.banner.text() and page.panel.banner.isVisible()
    assert not page.panel.approve_button.isEnabled() and not page.bulk_button.isVisible()
    qtbot.keyClick(page.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(100)
    assert not Decision.select().exists()


def test_the_administrator_has_the_review_problems_page(qtbot, ctx, profile):
    item, version = submitted(title="分管领导未设置")
    approve("chenjing", version)
    from db.models import SectionLeader
    SectionLeader.delete().where(SectionLeader.section == item.section_id).execute()
    window, page = open_page(qtbot, ctx, "admin")
    assert window.specs[0].key != "review_problems", "the administrator's first page stays the same"
    qtbot.waitUntil(lambda: [r.item_id for r in page.model.rows] == [item.id], timeout=5000)
    assert page.view_choice.currentData() == queue_page.UNREVIEWABLE
    qtbot.waitUntil(lambda: page.panel.row is not None, timeout=5000)
    assert "没有在岗的分管领导" in page.panel.banner.text()
    counts = window.status_widgets["queue"]
    qtbot.waitUntil(lambda: "无人可审 1" in counts.text(), timeout=5000)


def test_the_preview_spaces_every_paragraph_alike_and_the_history_does_not_scroll_sideways(qtbot, ctx, profile):
    body = "".join(f"<p>第{n}段：为规范中心网站信息发布工作，根据《中华人民共和国政府信息公开条例》，结合中心实际。</p>"
                   for n in range(3))
    _item, version = submitted(title="段落间距", body_html=body)
    approve("chenjing", version)
    today = clock.local_today()
    delegation.delegate(user("wangjianguo"), user("wangjianguo"), user("limeihua"), today, today + dt.timedelta(days=1))
    _window, page = open_page(qtbot, ctx, "limeihua", (1280, 800))
    qtbot.waitUntil(lambda: page.panel.row is not None, timeout=5000)
    page.panel.tabs.setCurrentIndex(PREVIEW)
    heights, block = [], page.panel.preview.document().begin()
    while block.isValid():
        if block.text().startswith("第"):
            heights.append((block.blockFormat().lineHeight(), block.blockFormat().lineHeightType()))
        block = block.next()
    assert len(heights) == 3 and len(set(heights)) == 1, heights
    page.panel.tabs.setCurrentIndex(HISTORY)
    for width in range(300, 620, 20):
        page.splitter.setSizes([1200 - width, width])
        qtbot.wait(10)
        assert not page.panel.history.horizontalScrollBar().isVisible(), width


def test_a_head_who_edited_the_draft_is_told_why_she_cannot_approve_it(qtbot, ctx, profile):
    from db import items
    from tests.workflow.conftest import draft
    item = draft(title="负责人改过的稿件")
    items.save_item(user("chenjing"), item, {"summary": "科室负责人改写的摘要。"})
    items.submit(user("liuyang"), Item.get_by_id(item.id))
    _window, page = open_page(qtbot, ctx, "chenjing")
    assert [r.title for r in page.model.rows] == ["负责人改过的稿件"]
    qtbot.waitUntil(lambda: page.panel.row is not None, timeout=5000)
    assert "修改过此版本" in page.panel.banner.text() and page.panel.banner.isVisible()
    assert not page.panel.approve_button.isEnabled() and not page.panel.return_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not Decision.select().exists() and Item.get_by_id(item.id).state == "in_review"
