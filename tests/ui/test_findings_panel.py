"""The editor's 发布前检查 panel, driven the way a drafter uses it."""
from __future__ import annotations

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtTest import QTest

from db import attachments, items
from db.models import AuditEvent, Version
from desktop.checks.highlight import our_selections
from desktop.checks.override_dialog import OverrideDialog
from desktop.editor import open_editor
from tests.checks.checks_helpers import make_id
from tests.helpers import column
from tests.ui.editor_helpers import column_id, settle, type_chinese

MOBILE, MASKED = "13812341234", "138****1234"
COMPLETE = {
    "title": "关于调整窗口办公时间的通知", "publisher": "信阳市行政服务中心", "topic": "0101",
    "written_on": "2017-03-15", "summary": "调整窗口办公时间。",
}


@pytest.fixture
def drafter(log_in):
    return log_in("liuyang")


def editor_for(qtbot, ctx, item_id=None):
    editor = open_editor(ctx, None, item_id=item_id, column_id=None if item_id else column_id("gzdt"))
    qtbot.addWidget(editor)
    panel = editor.panels["checks"]
    qtbot.waitUntil(lambda: panel.data is not None, timeout=5000)
    return editor, panel


def cards(panel, rule: str):
    return [card for card in panel.list.cards if card.finding.rule == rule]


def test_a_typed_mobile_is_highlighted_listed_and_masked_with_one_click(qtbot, ctx, drafter):
    editor, panel = editor_for(qtbot, ctx)
    body = editor.ui.body_editor.edit
    body.setFocus()
    type_chinese(body, "请联系张三，电话")
    QTest.keyClicks(body, MOBILE)
    assert cards(panel, "mobile") == [], "nothing is checked while the drafter is still typing"
    with qtbot.waitSignal(panel.checked, timeout=3000):
        type_chinese(body, "。")
    start = body.toPlainText().index(MOBILE)
    assert our_selections(body) == [(start, start + len(MOBILE))]
    assert body.document().availableUndoSteps() > 0 and MOBILE in body.toPlainText(), \
        "highlighting does not touch the text"
    [card] = cards(panel, "mobile")
    assert card.head.text().count("阻断") == 1 and "手机号码属于个人信息" in card.message.text()
    [mask, _why] = card.buttons
    assert mask.text() == "应用脱敏"

    qtbot.mouseClick(mask, Qt.MouseButton.LeftButton)
    assert body.toPlainText() == f"请联系张三，电话{MASKED}。"
    assert cards(panel, "mobile") == [] and our_selections(body) == []
    assert panel.summary.text() == "未发现问题"
    body.undo()                                        # the mask was an ordinary edit
    assert MOBILE in body.toPlainText()


def test_mask_all_fixes_body_title_and_summary_in_one_go(qtbot, ctx, drafter):
    number = make_id()
    item = items.create_item(drafter, column("gzdt"), {
        **COMPLETE, "title": f"张三{MOBILE}的通知",
        "body_html": f"<p>身份证{number}，手机{MOBILE}</p><p>机密★1年</p>"})
    editor, panel = editor_for(qtbot, ctx, item.id)
    assert {c.finding.field for c in cards(panel, "mobile")} == {"title", "body"}
    qtbot.mouseClick(panel.mask_all, Qt.MouseButton.LeftButton)
    assert editor.ui.title_edit.text() == f"张三{MASKED}的通知"
    assert editor.ui.body_editor.edit.toPlainText().startswith("身份证4115**********")
    assert [c.finding.rule for c in panel.list.cards] == ["secrecy_mark"], "a 密级 marking is no mask's business"


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")   # offscreen dialogs
def test_a_reason_lets_a_blocking_finding_through_and_the_item_submits(qtbot, ctx, drafter):
    item = items.create_item(drafter, column("gzdt"), {**COMPLETE, "body_html": f"<p>值班电话{MOBILE}</p>"})
    editor, panel = editor_for(qtbot, ctx, item.id)
    [card] = cards(panel, "mobile")
    qtbot.mouseClick(card.buttons[1], Qt.MouseButton.LeftButton)
    dialog = panel.findChild(OverrideDialog)
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "请填写例外理由" and dialog.isVisible()
    dialog.reason.setPlainText("中心对外公布的值班手机")
    dialog.save()
    qtbot.waitUntil(lambda: cards(panel, "mobile")[0].row.override is not None, timeout=5000)
    assert "已说明理由：中心对外公布的值班手机（刘洋）" in cards(panel, "mobile")[0].advice.text()
    assert AuditEvent.select().where(AuditEvent.action == "check_override").count() == 1
    editor.submit()
    settle(qtbot, editor)
    assert Version.select().where(Version.item == item.id).count() == 1


def test_submission_refused_for_findings_says_why(qtbot, ctx, drafter):
    item = items.create_item(drafter, column("gzdt"), {**COMPLETE, "body_html": f"<p>电话{MOBILE}</p>"})
    editor, panel = editor_for(qtbot, ctx, item.id)
    editor.submit()
    settle(qtbot, editor)
    assert not Version.select().exists()
    assert "正文：手机号码属于个人信息" in editor.message_banner.text.text()
    assert cards(panel, "mobile")[0].row.unresolved


def test_attachment_findings_come_from_the_worker_with_file_and_place(qtbot, ctx, drafter, tmp_path):
    item = items.create_item(drafter, column("gzdt"), COMPLETE)
    roster = tmp_path / "报名名单.txt"
    roster.write_text(f"序号 姓名 身份证号\n1 张三 {make_id()}\n", encoding="utf-8")
    attachments.add_attachment(ctx.profile, drafter, item, roster)
    editor, panel = editor_for(qtbot, ctx, item.id)
    [card] = cards(panel, "id_number")
    assert (card.finding.source, card.finding.location) == ("报名名单.txt", "第2行")
    assert "第2行" in card.head.text() and len(card.buttons) == 1, "no in-place fix for a file: only a reason"
