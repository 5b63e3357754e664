"""The reviewer's read-only findings view and the administrator's 词表 tab."""
from __future__ import annotations

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QMessageBox

from db import items
from db.checks import lists, service
from db.checks.models import SensitiveWord
from desktop.admin.page import Page as AdminPage
from desktop.checks.findings_view import FindingsView
from desktop.checks.wordlists_page import WordListsTab
from tests.helpers import column, user
from tests.ui.editor_helpers import answer_next_box

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")   # offscreen dialogs

COMPLETE = {
    "title": "关于核对报名材料的通知", "publisher": "信阳市行政服务中心", "topic": "0101",
    "written_on": "2017-03-15", "summary": "核对报名材料。",
    "body_html": "<p>请于周五前将报名表交至办公室，咨询电话13812341234。</p>",
}


def leaky_version():
    """In review: its mobile let through by the drafter; then the admin lists 报名表."""
    drafter = user("liuyang")
    item = items.create_item(drafter, column("gzdt"), COMPLETE)
    [mobile] = service.findings_for_item(item)
    service.override(drafter, item, mobile, "中心对外公布的咨询电话")
    version = items.submit(drafter, item)
    lists.save_sensitive(user("admin"), "报名表", "blocking", note="示例")
    return version


def test_a_reviewer_sees_findings_and_overrides_of_a_version(qtbot, ctx, log_in):
    log_in("chenjing")
    version = leaky_version()
    view = FindingsView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000) as shown:
        view.show_version(version.id)
    assert shown.args == [1] and view.unresolved == 1
    texts = {card.finding.rule: (card.head.text(), card.message.text(), card.advice.text()) for card in view.list.cards}
    head, message, _ = texts["sensitive_word"]
    assert "阻断" in head and "正文" in head and "含敏感词“报名表”" in message
    head, _, advice = texts["mobile"]
    assert "已放行" in head and advice == "已说明理由：中心对外公布的咨询电话（刘洋）"
    assert view.summary.text() == "发布前检查：阻断 1 项 · 已说明理由 1 项"
    assert all(not card.buttons for card in view.list.cards), "the view is read-only"


def test_the_admin_adds_a_word_with_a_validation_message_first(qtbot, ctx, log_in):
    log_in("admin")
    page = AdminPage(ctx)
    qtbot.addWidget(page)
    tab = page.tab(WordListsTab)
    before = tab.sensitive.table.rowCount()
    dialog = tab.sensitive.open_dialog(None)
    dialog.word.setText("待补充")                       # already listed
    dialog.save()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=5000)
    assert "已在词表中" in dialog.message.text() and dialog.isVisible()
    dialog.word.setText("报名表")
    dialog.severity.setCurrentIndex(dialog.severity.findData("blocking"))
    dialog.save()
    qtbot.waitUntil(lambda: tab.sensitive.table.rowCount() == before + 1, timeout=5000)
    assert SensitiveWord.get(SensitiveWord.word == "报名表").severity == "blocking"
    assert tab.tabs.tabText(0) == f"敏感词（{before + 1}）"


def pair(wrong: str):
    return next((row for row in lists.confusion_rows() if row.wrong == wrong), None)


def test_the_admin_disables_and_deletes_an_entry(qtbot, ctx, log_in):
    log_in("admin")
    tab = WordListsTab(ctx)
    qtbot.addWidget(tab)
    editor = tab.confusion
    editor.filter.setText("按装")
    assert editor.table.rowCount() == 1
    editor.table.selectRow(0)
    qtbot.mouseClick(editor.toggle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pair("按装").active is False, timeout=5000)
    tab.reload()
    assert editor.table.item(0, 3).text() == "已停用"
    editor.table.selectRow(0)
    seen = answer_next_box(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pair("按装") is None, timeout=5000)
    assert "删除“按装 → 安装”" in seen[0]
