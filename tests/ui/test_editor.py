"""The item editor, driven like a drafter would: fill everything, attach, save, reopen, submit."""
from __future__ import annotations

import json

import pytest
from PyQt6.QtCore import QMimeData, QPointF, Qt, QUrl
from PyQt6.QtGui import QDragEnterEvent, QDropEvent
from PyQt6.QtTest import QTest
from PyQt6.QtWidgets import QApplication

from db.models import Attachment, Item, ReviewTask, Revision, Version
from tests.ui.editor_helpers import column_id, settle, type_chinese

CTRL = Qt.KeyboardModifier.ControlModifier
# The offscreen platform says it cannot raise windows or grab the keyboard; that is no fault.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def drop_files(widget, paths) -> None:
    """Drag files over a widget and drop them, the way a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = widget.rect().center()
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, QDragEnterEvent(centre, *args))
    QApplication.sendEvent(widget, QDropEvent(QPointF(centre), *args))


def choose_topic(qtbot, editor, name: str) -> None:
    """Open the topic picker and click the topic called `name`."""
    picker = editor.ui.topic_picker
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton)
    tree = picker.popup.tree
    qtbot.waitUntil(tree.isVisible)
    node = tree.findItems(name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)[0]
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(node).center())
    qtbot.waitUntil(lambda: not tree.isVisible())
    activate(qtbot, editor)   # offscreen has no window manager to hand activation back


def activate(qtbot, window) -> None:
    qtbot.wait(10)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def press_down(qtbot, combo, times: int = 1) -> None:
    combo.setFocus()
    for _ in range(times):
        qtbot.keyClick(combo, Qt.Key.Key_Down)


@pytest.fixture
def drafter(log_in):
    return log_in("liuyang")


def new_editor(qtbot, opener, code="gzdt"):
    editor = opener(column_id=column_id(code))
    activate(qtbot, editor)
    return editor


def test_draft_every_field_attach_save_reopen_edit_and_submit(qtbot, ctx, open_item_editor, drafter, tmp_path):
    editor = new_editor(qtbot, open_item_editor)
    ui = editor.ui
    type_chinese(ui.title_edit, "市行政服务中心召开政务公开工作推进会")
    ui.body_editor.setFocus()
    type_chinese(ui.body_editor.edit, "中心召开推进会，")
    qtbot.keyClick(ui.body_editor.edit, Qt.Key.Key_B, CTRL)
    type_chinese(ui.body_editor.edit, "部署全年重点工作")
    press_down(qtbot, ui.publisher_combo)                       # → 信阳市公共资源交易中心
    type_chinese(ui.doc_no_edit, "信政服〔2017〕12号")
    choose_topic(qtbot, editor, "政务公开")
    ui.written_on_edit.setFocus()
    QTest.keyClicks(ui.written_on_edit, "20170315")
    press_down(qtbot, ui.validity_combo)                        # → 失效
    press_down(qtbot, ui.disclosure_combo)                      # → 依申请公开
    press_down(qtbot, ui.secrecy_combo)
    qtbot.keyClick(ui.secrecy_combo, Qt.Key.Key_Up)             # 涉密 and back: 非涉密
    type_chinese(ui.summary_edit, "中心召开政务公开工作推进会，部署全年重点工作。")
    attached = tmp_path / "会议通知.txt"
    attached.write_bytes("请各科室负责人准时参会。".encode("utf-8"))
    drop_files(editor, [attached])
    settle(qtbot, editor)
    qtbot.keyClick(ui.title_edit, Qt.Key.Key_S, CTRL)
    settle(qtbot, editor)

    item = Item.get_by_id(editor.session.item_id)
    assert (item.title, item.publisher, item.doc_no, item.topic, item.written_on) == (
        "市行政服务中心召开政务公开工作推进会", "信阳市公共资源交易中心", "信政服〔2017〕12号", "0101", "2017-03-15")
    assert (item.validity, item.disclosure, item.secrecy) == ("失效", "依申请公开", "非涉密")
    assert item.summary == "中心召开政务公开工作推进会，部署全年重点工作。"
    assert item.body_html == "<p>中心召开推进会，<strong>部署全年重点工作</strong></p>"
    assert [a.filename for a in Attachment.current_of(item)] == ["会议通知.txt"]
    assert not Revision.select().where(Revision.item == item).order_by(Revision.id.desc()).first().autosave
    assert ui.save_status_label.text().startswith("已保存")

    qtbot.keyClick(ui.title_edit, Qt.Key.Key_W, CTRL)
    qtbot.waitUntil(lambda: not editor.isVisible())

    again = open_item_editor(item_id=item.id)
    ui = again.ui
    assert ui.title_edit.text() == "市行政服务中心召开政务公开工作推进会"
    assert ui.body_editor.value() == item.body_html
    assert ui.publisher_combo.currentText() == "信阳市公共资源交易中心"
    assert ui.doc_no_edit.text() == "信政服〔2017〕12号"
    assert ui.topic_picker.value() == "0101" and ui.topic_picker.text() == "综合政务 › 政务公开"
    assert ui.written_on_edit.value() == "2017-03-15"
    assert (ui.validity_combo.currentText(), ui.disclosure_combo.currentText(),
            ui.secrecy_combo.currentText()) == ("失效", "依申请公开", "非涉密")
    assert ui.summary_edit.toPlainText() == item.summary and ui.summary_counter.text() == "23/100"
    assert again.attachments.list.topLevelItem(0).text(0) == "会议通知.txt"
    assert ui.tabs.tabText(ui.tabs.indexOf(again.attachments)) == "附件（1）"
    assert ui.index_no_edit.text() == "" and ui.index_no_edit.placeholderText() == "提交时自动生成"
    assert ui.index_no_edit.isReadOnly() and ui.column_combo.isEnabled(), "a never-submitted draft may still move"

    activate(qtbot, again)
    ui.title_edit.end(False)
    type_chinese(ui.title_edit, "（第二次）")
    qtbot.keyClick(ui.title_edit, Qt.Key.Key_Return, CTRL)
    settle(qtbot, again)

    version = Version.get(Version.item == item.id)
    frozen = json.loads(version.content)
    assert (version.number, frozen["title"]) == (1, "市行政服务中心召开政务公开工作推进会（第二次）")
    assert frozen["attachments"][0]["filename"] == "会议通知.txt"
    assert ReviewTask.get(ReviewTask.version == version).state == "open"
    assert ui.state_label.text() == "审核中 · 第1版"
    assert again.state_banner.isVisibleTo(again) and "修改将撤回审核中的版本" in again.state_banner.text.text()
    assert ui.index_no_edit.text() == Item.get_by_id(item.id).index_no != ""
    assert ui.title_edit.isReadOnly() and not ui.submit_button.isEnabled()


def test_a_second_open_of_the_same_item_raises_its_window(qtbot, ctx, open_item_editor, drafter):
    editor = new_editor(qtbot, open_item_editor)
    type_chinese(editor.ui.title_edit, "只开一个窗口")
    editor.save()
    settle(qtbot, editor)
    assert open_item_editor(item_id=editor.session.item_id) is editor


def test_columns_offered_are_those_the_drafter_may_draft_in(qtbot, ctx, open_item_editor, drafter):
    editor = new_editor(qtbot, open_item_editor)
    offered = [editor.ui.column_combo.itemText(i) for i in range(editor.ui.column_combo.count())]
    assert "工作动态" in offered and "信息公开 › 机构设置" in offered
    assert not any("建设工程" in name or name == "招投标信息" for name in offered)


def test_tab_order_follows_the_form(qtbot, ctx, open_item_editor, drafter):
    editor = new_editor(qtbot, open_item_editor)
    editor.ui.title_edit.setFocus()
    seen = []
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    ui = editor.ui
    assert seen == [ui.column_combo, ui.body_editor.edit, ui.publisher_combo, ui.doc_no_edit,
                    ui.topic_picker, ui.written_on_edit]


def test_escape_closes_an_unchanged_editor(qtbot, ctx, open_item_editor, drafter):
    editor = new_editor(qtbot, open_item_editor)
    qtbot.keyClick(editor.ui.title_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert Item.select().count() == 0
