"""The review queue, driven through real widgets: a leader logs in, looks at the comparison,
returns one item with a reason and bulk-approves three; the drafter then sees why."""
from __future__ import annotations

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtGui import QAction

from db import items
from db.models import Decision, Item
from desktop.login import LoginDialog
from desktop.main_window import MainWindow
from desktop.pages import items_page
from desktop.review.panel import DIFF
from tests.conftest import DEMO_PASSWORD
from tests.helpers import user
from tests.ui.shell_helpers import IGNORE_OFFSCREEN, settle
from tests.workflow.conftest import approve, publish_through_review, submitted

pytestmark = IGNORE_OFFSCREEN

TENDER = "<p>本工程进行公开招标，招标人为市政工程管理处，欢迎符合条件的投标人参加投标。</p>"


@pytest.fixture
def leader_queue(profile):
    """Five items waiting for 张卫东 (one-stage tender columns): a changed published notice,
    three clean results notices and one the leader will send back."""
    live = publish_through_review("maxiaoyan", "ztb_jsgc", title="市政道路改造工程施工招标公告", body_html=TENDER)
    items.save_item(user("maxiaoyan"), live, {"body_html": TENDER.replace("欢迎", "投标截止时间延至12月20日，欢迎")})
    items.submit(user("maxiaoyan"), Item.get_by_id(live.id), "延长投标截止时间")
    clean = [submitted("maxiaoyan", "ztb_zfcg", title=f"办公设备采购项目{n}号包中标结果公告")[0] for n in (1, 2, 3)]
    doomed, _ = submitted("maxiaoyan", "ztb_zfcg", title="档案整理服务采购意向公开")
    return live, clean, doomed


def log_in_through_dialog(qtbot, ctx, username: str) -> None:
    dialog = LoginDialog(ctx, username)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText(DEMO_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    ctx.user = dialog.user


def open_queue(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("queue")
    qtbot.waitUntil(lambda: page.loaded_once and page.panel.row is not None, timeout=5000)
    return window, page


def confirm(qtbot, page, question: str) -> None:
    """The confirmation a bare key or a bulk approval asks for: check it, then say yes."""
    qtbot.waitUntil(lambda: page.confirm_dialog is not None and page.confirm_dialog.isVisible(), timeout=5000)
    assert page.confirm_dialog.question.text() == question
    qtbot.mouseClick(page.confirm_dialog.ok, Qt.MouseButton.LeftButton)


def row_of(page, title: str) -> int:
    return next(n for n, row in enumerate(page.model.rows) if row.title == title)


def click_row(qtbot, page, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = page.table.visualRect(page.model.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_a_leader_reviews_returns_and_bulk_approves_then_the_drafter_sees_why(qtbot, ctx, leader_queue):
    live, clean, doomed = leader_queue
    log_in_through_dialog(qtbot, ctx, "zhangweidong")
    window, page = open_queue(qtbot, ctx)
    assert sorted(row.title for row in page.model.rows) == sorted(i.title for i in [live, doomed, *clean])
    counts = window.status_widgets["queue"]
    qtbot.waitUntil(lambda: "待我审核 5" in counts.text(), timeout=5000)

    click_row(qtbot, page, row_of(page, live.title))
    qtbot.keyClick(page.table, Qt.Key.Key_D)
    assert page.panel.tabs.currentIndex() == DIFF
    compared = page.panel.diff.toHtml()
    assert "网站上的版本" in compared and "投标截止时间延至12月20日，" in compared
    assert "#d3f1d8" in compared, "the added words are highlighted"

    click_row(qtbot, page, row_of(page, doomed.title))
    qtbot.keyClick(page.table, Qt.Key.Key_R)
    dialog = page.return_dialog
    qtbot.waitUntil(dialog.text.hasFocus, timeout=5000)
    assert not dialog.ok.isEnabled(), "no return without a reason"
    dialog.text.insertPlainText("采购意向应在采购前30日公开，请补充预算金额")   # Chinese arrives through the input method
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已退回给 马晓燕" in page.panel.message.text(), timeout=5000)
    qtbot.waitUntil(lambda: len(page.model.rows) == 4, timeout=5000)

    click_row(qtbot, page, row_of(page, clean[0].title))
    for other in clean[1:]:
        click_row(qtbot, page, row_of(page, other.title), Qt.KeyboardModifier.ControlModifier)
    assert page.bulk_button.text() == "批量批准所选（3）"
    qtbot.keyClick(page.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    confirm(qtbot, page, "批准所选 3 条？")
    qtbot.waitUntil(lambda: "已批准 3 条" in page.panel.message.text(), timeout=5000)
    qtbot.waitUntil(lambda: [row.title for row in page.model.rows] == [live.title], timeout=5000)
    assert {Item.get_by_id(i.id).state for i in clean} == {"approved"}
    qtbot.waitUntil(lambda: "待我审核 1" in counts.text() and "已批准待同步 3" in counts.text(), timeout=5000)

    log_out(qtbot, window)
    log_in_through_dialog(qtbot, ctx, "maxiaoyan")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    drafts = window.stack.currentWidget()
    assert isinstance(drafts, items_page.Page), "a drafter's window opens on the item list"
    settle(qtbot, drafts)
    first = drafts.model.rows[0]
    assert first.title == doomed.title and first.pinned
    assert "采购意向应在采购前30日公开，请补充预算金额" in drafts.model.data(drafts.model.index(0, 0))
    qtbot.waitUntil(lambda: "queue" in window.status_widgets, timeout=5000)
    counts = window.status_widgets["queue"]
    qtbot.waitUntil(lambda: "已退回 1" in counts.text(), timeout=5000)
    assert "待我审核" not in counts.text()
    for expected in ("草稿 0", "审核中 1", "已批准待同步 3", "已发布 0", "已撤稿 0"):
        assert expected in counts.text()


def log_out(qtbot, window) -> None:
    """注销 from the 用户 menu, as the leader would."""
    action = next(a for a in window.findChildren(QAction) if a.text() == "注销")
    action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert window.restart_request == ("logout", "")


def test_approving_at_the_first_stage_says_where_it_went_and_selects_the_next(qtbot, ctx, profile):
    first, _ = submitted(title="第一条工作动态")
    second, _ = submitted(title="第二条工作动态")
    ctx.user = user("chenjing")
    _window, page = open_queue(qtbot, ctx)
    click_row(qtbot, page, row_of(page, first.title))
    qtbot.keyClick(page.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "《第一条工作动态》已转到下一环节：分管领导" in page.panel.message.text(), timeout=5000)
    qtbot.waitUntil(lambda: page.panel.row is not None and page.panel.row.title == second.title, timeout=5000)


def test_a_stale_version_is_refused_with_a_clear_message(qtbot, ctx, profile):
    item, version = submitted(title="将被改动的通知")
    ctx.user = user("chenjing")
    _window, page = open_queue(qtbot, ctx)
    items.save_item(user("liuyang"), item, {"title": "改动后的通知"})     # meanwhile, on the drafter's side
    qtbot.keyClick(page.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "已失效" in page.panel.message.text(), timeout=5000)
    assert Item.get_by_id(item.id).state == "draft"
    qtbot.waitUntil(lambda: page.model.rows == [], timeout=5000)


def test_approve_with_a_comment(qtbot, ctx, profile):
    item, version = submitted(title="需要附意见的通知")
    approve("chenjing", version)
    ctx.user = user("wangjianguo")
    _window, page = open_queue(qtbot, ctx)
    qtbot.keyClick(page.table, Qt.Key.Key_C)
    qtbot.waitUntil(page.comment_dialog.text.hasFocus, timeout=5000)
    page.comment_dialog.text.insertPlainText("同意，请于周五前发布")
    qtbot.keyClick(page.comment_dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "已批准并等待同步" in page.panel.message.text(), timeout=5000)
    final = Item.get_by_id(item.id).decisions.where(Decision.stage == 2).get()
    assert (final.decider.username, final.comment) == ("wangjianguo", "同意，请于周五前发布")


def test_blocking_findings_show_in_the_queue_and_bulk_approval_lists_what_it_skipped(qtbot, ctx, profile):
    from db.checks import lists
    from desktop.review.panel import CHECKS
    clean, _ = submitted(title="第一条工作动态")
    flagged, _ = submitted(title="关于报名表收取的通知", body_html="<p>请于周五前将报名表交至办公室。</p>")
    lists.save_sensitive(user("admin"), "报名表", "blocking")       # the word list changed after submission
    ctx.user = user("chenjing")
    _window, page = open_queue(qtbot, ctx)
    click_row(qtbot, page, row_of(page, flagged.title))
    qtbot.waitUntil(lambda: page.panel.tabs.tabText(CHECKS).startswith("⚠"), timeout=10000)
    assert "报名表" in page.panel.checks.summary.text() + "".join(
        f.finding.message + f.finding.excerpt for f in page.panel.checks.rows)
    click_row(qtbot, page, row_of(page, clean.title), Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    confirm(qtbot, page, "批准所选 2 条？")
    qtbot.waitUntil(lambda: page.report is not None and page.report.isVisible(), timeout=5000)
    assert page.report.skipped.count() == 1 and flagged.title in page.report.skipped.item(0).text()
    assert "已批准 1 条，跳过 1 条" in page.panel.message.text()
    assert Item.get_by_id(flagged.id).state == "in_review" and Item.get_by_id(clean.id).state == "in_review"
