"""The rich-text body: formatting from the toolbar and keys, clean pastes, stable HTML."""
from __future__ import annotations

import pytest
from PyQt6.QtCore import QMimeData, Qt, QUrl
from PyQt6.QtTest import QTest
from PyQt6.QtWidgets import QApplication

from desktop.editor.body import RichTextEditor
from tests.ui.editor_helpers import type_chinese

CTRL = Qt.KeyboardModifier.ControlModifier
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")   # offscreen platform

AS_STORED = [
    "<p>第一段</p><p>第二段</p>",
    "<h1>一级标题</h1><h2>二级<em>标题</em></h2><h3>三级标题</h3><h4>四级标题</h4><p>正文</p>",
    "<p>正文<strong>加粗</strong><em>倾斜</em><u>下划线</u></p>",
    "<ul><li>一</li><li>二</li></ul><ol><li>甲</li><li>乙</li></ol>",
    '<p style="text-align:center">居中</p><p style="text-align:right">右对齐</p>'
    '<p style="text-align:justify">两端对齐</p>',
    '<p>详见<a href="https://www.gov.cn/">中国政府网</a></p>',
    '<table><tr><td>事项</td><td colspan="2">时限</td></tr></table>',
    "<p>第一行<br>第二行</p>",
]


@pytest.fixture
def body(qtbot):
    widget = RichTextEditor()
    qtbot.addWidget(widget)
    widget.show()
    widget.edit.setFocus()
    return widget


@pytest.mark.parametrize("stored", AS_STORED)
def test_an_untouched_body_comes_back_exactly_as_stored(body, stored):
    body.setValue(stored)
    assert body.value() == stored


def test_other_html_settles_after_one_pass(body):
    body.setValue("<h2><strong>全粗标题</strong></h2><ul>\n<li>一</li></ul><blockquote>引文</blockquote>")
    once = body.value()
    assert once == "<h2>全粗标题</h2><ul><li>一</li></ul><p>引文</p>"
    body.setValue(once)
    assert body.value() == once


def test_an_empty_body_is_empty(body):
    assert body.value() == ""
    type_chinese(body.edit, "字")
    body.edit.selectAll()
    QTest.keyClick(body.edit, Qt.Key.Key_Delete)
    assert body.value() == ""


def test_keys_and_toolbar_format_the_text(qtbot, body):
    type_chinese(body.edit, "关于调整办公时间的通知")
    body.heading.setCurrentIndex(2)
    body.heading.activated.emit(2)                      # what choosing "二级标题" from the list does
    QTest.keyClick(body.edit, Qt.Key.Key_Return)
    body.set_heading(0)
    type_chinese(body.edit, "各科室：")
    QTest.keyClick(body.edit, Qt.Key.Key_Return)
    body.actions_by_name["list_number"].trigger()
    type_chinese(body.edit, "上午")
    QTest.keyClick(body.edit, Qt.Key.Key_Return)
    type_chinese(body.edit, "下午")
    QTest.keyClick(body.edit, Qt.Key.Key_Return)
    QTest.keyClick(body.edit, Qt.Key.Key_Return)        # an empty item ends the list
    QTest.keyClick(body.edit, Qt.Key.Key_I, CTRL)
    type_chinese(body.edit, "特此通知")
    QTest.keyClick(body.edit, Qt.Key.Key_I, CTRL)
    QTest.keyClick(body.edit, Qt.Key.Key_U, CTRL)
    type_chinese(body.edit, "。")
    body.actions_by_name["align_right"].trigger()
    assert body.value() == ("<h2>关于调整办公时间的通知</h2><p>各科室：</p><ol><li>上午</li><li>下午</li></ol>"
                            '<p style="text-align:right"><em>特此通知</em><u>。</u></p>')
    assert body.actions_by_name["align_right"].isChecked() and body.actions_by_name["underline"].isChecked()


def test_bullets_toggle_off_again(body):
    type_chinese(body.edit, "一项")
    body.actions_by_name["list_bullet"].trigger()
    assert body.value() == "<ul><li>一项</li></ul>"
    body.actions_by_name["list_bullet"].trigger()
    assert body.value() == "<p>一项</p>"


def test_pasted_office_html_loses_fonts_colours_and_scripts(body):
    mime = QMimeData()
    mime.setHtml('<html><head><style>p{color:red}</style></head><body>'
                 '<p class="MsoNormal"><span style="font-family:宋体;color:#ff0000;font-size:22pt">'
                 '<b>加粗</b>普通</span><script>alert(1)</script><o:p></o:p></p></body></html>')
    QApplication.clipboard().setMimeData(mime)
    body.edit.paste()
    assert body.value() == "<p><strong>加粗</strong>普通</p>"


def test_dropping_files_on_the_body_hands_them_over_instead_of_inserting_text(qtbot, body, tmp_path):
    path = tmp_path / "附件.txt"
    path.write_text("内容", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    with qtbot.waitSignal(body.edit.filesDropped) as dropped:
        body.edit.insertFromMimeData(mime)
    assert dropped.args == [[str(path)]] and body.value() == ""
