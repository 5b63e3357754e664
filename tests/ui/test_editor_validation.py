"""Inline checks in the editor: each message under its field, as the drafter types or leaves."""
from __future__ import annotations

import datetime as dt

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtTest import QTest
from PyQt6.QtWidgets import QApplication

from db import items, settings
from db.models import Attachment, Item, Version
from tests.helpers import column
from tests.ui.editor_helpers import column_id, settle, type_chinese
from tests.ui.test_editor import CTRL, new_editor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def editor(qtbot, open_item_editor, log_in):
    log_in("liuyang")
    return new_editor(qtbot, open_item_editor)


def shown(label) -> str:
    return label.text() if label.isVisibleTo(label.window()) else ""


def test_a_bad_doc_number_is_explained_when_the_field_is_left(qtbot, editor):
    ui = editor.ui
    ui.doc_no_edit.setFocus()
    type_chinese(ui.doc_no_edit, "信政服[2017]12号")
    assert shown(ui.doc_no_error) == "", "no scolding while the drafter is still typing"
    qtbot.keyClick(ui.doc_no_edit, Qt.Key.Key_Tab)
    assert shown(ui.doc_no_error) == "文号年份须用六角括号〔〕，应为“信政服〔2017〕12号”"
    ui.doc_no_edit.setFocus()
    ui.doc_no_edit.selectAll()
    type_chinese(ui.doc_no_edit, "信政服〔2017〕12号")
    assert shown(ui.doc_no_error) == "", "once shown, the message goes as soon as the number is right"


def test_a_summary_of_101_characters_is_refused_at_once(editor):
    ui = editor.ui
    type_chinese(ui.summary_edit, "字" * 100)
    assert ui.summary_counter.text() == "100/100" and shown(ui.summary_error) == ""
    type_chinese(ui.summary_edit, "多")
    assert ui.summary_counter.text() == "101/100"
    assert shown(ui.summary_error) == "内容概述不能超过100字（现有101字）"


def test_a_future_date_written_is_refused(editor):
    ui = editor.ui
    ui.written_on_edit.setFocus()
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    QTest.keyClicks(ui.written_on_edit, tomorrow.strftime("%Y%m%d"))
    assert ui.written_on_edit.value() == tomorrow.isoformat()
    assert shown(ui.written_on_error) == "成文日期不能晚于今天"
    ui.written_on_clear.click()
    assert ui.written_on_edit.value() == "" and ui.written_on_edit.text() == "未填写"
    assert shown(ui.written_on_error) == ""


def test_topic_branches_cannot_be_chosen(qtbot, editor):
    picker = editor.ui.topic_picker
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton)
    tree = picker.popup.tree
    qtbot.waitUntil(tree.isVisible)
    branch = tree.findItems("综合政务", Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(branch).center())
    assert picker.value() == "" and tree.isVisible(), "a branch is a heading; the list stays open"
    qtbot.keyClick(tree, Qt.Key.Key_Escape)
    assert not tree.isVisible() and picker.text() == "请选择主题分类…"


def test_submit_shows_every_problem_inline_and_focuses_the_first(qtbot, editor):
    ui = editor.ui
    type_chinese(ui.title_edit, "只有标题的信息")
    type_chinese(ui.summary_edit, "字" * 101)
    qtbot.keyClick(ui.title_edit, Qt.Key.Key_Return, CTRL)
    settle(qtbot, editor)
    assert shown(ui.body_html_error) == "正文和附件不能都为空"
    assert shown(ui.topic_error) == "请填写主题分类"
    assert shown(ui.written_on_error) == "请填写成文日期"
    assert shown(ui.summary_error) == "内容概述不能超过100字（现有101字）"
    assert shown(ui.title_error) == shown(ui.publisher_error) == ""
    assert editor.message_banner.heading.text() == "还不能提交审核：4 处填写需要修改"
    assert QApplication.focusWidget() is ui.body_editor.edit and ui.tabs.currentIndex() == 0
    assert not Version.select().exists()
    assert Item.get_by_id(editor.session.item_id).title == "只有标题的信息", "the draft itself was kept"


def test_classified_items_are_stopped_at_submission(qtbot, log_in, open_item_editor):
    drafter = log_in("liuyang")
    item = items.create_item(drafter, column("gzdt"), {
        "title": "涉密测试", "body_html": "<p>正文</p>", "topic": "0101", "written_on": "2017-03-15",
        "summary": "概述", "secrecy": "涉密"})
    editor = open_item_editor(item_id=item.id)
    editor.submit()
    settle(qtbot, editor)
    assert shown(editor.ui.secrecy_error) == "涉密信息不得上网公开"
    assert QApplication.focusWidget() is editor.ui.secrecy_combo


def test_an_oversized_attachment_is_refused_and_nothing_else_is_lost(qtbot, editor, tmp_path):
    settings.put("attachment_max_bytes", 1000)
    small, big = tmp_path / "通知.txt", tmp_path / "扫描件.pdf"
    small.write_bytes(b"x" * 200)
    big.write_bytes(b"y" * 5000)
    type_chinese(editor.ui.title_edit, "附件上限测试")
    editor.attachments.add_files([str(small), str(big)])
    assert editor.attachments.busy.isVisibleTo(editor.attachments)
    settle(qtbot, editor)
    assert not editor.attachments.busy.isVisibleTo(editor.attachments)
    assert editor.attachments.error.text() == "附件“扫描件.pdf”大小为 4.9 KB，超过上限 1000 B，未添加"
    assert [a.filename for a in Attachment.current_of(editor.session.item_id)] == ["通知.txt"]
    assert editor.ui.title_edit.text() == "附件上限测试"
    assert Item.get_by_id(editor.session.item_id).title == "附件上限测试"
    assert editor.attachments.list.topLevelItemCount() == 1


def test_columns_of_a_new_item_can_change_until_it_is_submitted(qtbot, editor):
    combo = editor.ui.column_combo
    combo.setCurrentIndex(combo.findData(column_id("tzgg")))
    type_chinese(editor.ui.title_edit, "通知")
    editor.save()
    settle(qtbot, editor)
    assert Item.get_by_id(editor.session.item_id).column.code == "tzgg"
    assert combo.isEnabled(), "a saved, never-submitted draft may still move (tests/ui/test_editor_move.py)"



def test_the_banner_counts_findings_as_the_checks_panel_does_and_names_its_first(qtbot, ctx, log_in,
                                                                                  open_item_editor, tmp_path):
    """An attachment with two findings once made "还有 2 处" beside the panel's "阻断 3 项", and
    the banner's example was not the first finding the list showed."""
    from db import attachments
    from db.checks.findings import place
    from tests.checks.checks_helpers import make_id
    drafter = log_in("liuyang")
    item = items.create_item(drafter, column("gzdt"), {
        "title": "报名结果公示", "body_html": "<p>咨询电话13812341234</p>", "publisher": "信阳市行政服务中心",
        "topic": "0101", "written_on": "2017-03-15", "summary": "报名结果。"})
    roster = tmp_path / "报名名单.txt"
    roster.write_text(f"序号 姓名 身份证号\n1 张三 {make_id(seq='123')}\n2 李四 {make_id(seq='456')}\n",
                      encoding="utf-8")
    attachments.add_attachment(ctx.profile, drafter, item, roster)
    editor = open_item_editor(item_id=item.id)
    panel = editor.panels["checks"]
    qtbot.waitUntil(lambda: panel.data is not None and bool(panel.data.attachment_findings), timeout=5000)
    editor.submit()
    settle(qtbot, editor)
    qtbot.waitUntil(lambda: not panel.busy.isVisible(), timeout=5000)
    assert not Version.select().exists()
    assert panel.summary.text().startswith("阻断 3 项")
    assert editor.message_banner.heading.text() == "还不能提交审核：3 项阻断性检查问题未处理"
    first = next(card.finding for card in panel.list.cards if card.row.unresolved)
    assert editor.message_banner.text.text() == f"阻断性检查问题见“发布前检查”，第一项：{place(first)}：{first.message}"


def test_field_problems_and_findings_are_counted_apart(qtbot, log_in, open_item_editor):
    drafter = log_in("liuyang")
    item = items.create_item(drafter, column("gzdt"), {"title": "电话13812341234", "body_html": "<p>正文</p>"})
    editor = open_item_editor(item_id=item.id)
    panel = editor.panels["checks"]
    qtbot.waitUntil(lambda: panel.data is not None, timeout=5000)
    editor.submit()
    settle(qtbot, editor)
    # The fields stop the submission first; the finding the panel lists is counted too.
    assert editor.message_banner.heading.text() == "还不能提交审核：3 处填写需要修改，1 项阻断性检查问题未处理"
    assert panel.summary.text().startswith("阻断 1 项")
    assert editor.message_banner.text.text().endswith("第一项：标题：手机号码属于个人信息，公开前须遮盖")
