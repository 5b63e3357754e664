"""What the editor says and allows for items returned, in review, published or not yours; history."""
from __future__ import annotations

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QMessageBox

from db import clock, items
from db.models import Item, Version
from tests.helpers import column, user
from tests.ui.editor_helpers import answer_next_box, settle, type_chinese
from tests.ui.test_editor import activate

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

COMPLETE = {
    "title": "关于调整窗口办公时间的通知", "body_html": "<p>自下月起调整窗口办公时间。</p>",
    "publisher": "信阳市行政服务中心", "topic": "0101", "written_on": "2017-03-15",
    "summary": "调整窗口办公时间。",
}


@pytest.fixture
def drafter(log_in):
    return log_in("liuyang")


def submitted(drafter) -> Item:
    item = items.create_item(drafter, column("gzdt"), COMPLETE)
    items.submit(drafter, item)
    return Item.get_by_id(item.id)


def test_a_returned_item_shows_who_returned_it_and_why_at_the_top(qtbot, drafter, open_item_editor):
    item = submitted(drafter)
    Item.update(state="returned", return_reason="请补充调整后的具体时间段", returned_by=user("wangjianguo"),
                returned_at=clock.now()).where(Item.id == item.id).execute()
    editor = open_item_editor(item_id=item.id)
    banner = editor.state_banner
    assert banner.isVisibleTo(editor) and editor.ui.banner_layout.indexOf(banner) == 0
    assert banner.heading.text().startswith("已被退回 · 王建国 · ")
    assert banner.text.text() == "退回理由：请补充调整后的具体时间段"
    assert not editor.ui.title_edit.isReadOnly() and editor.ui.submit_button.isEnabled()
    assert editor.ui.state_label.text() == "已退回 · 第1版"


def test_an_item_in_review_is_read_only_until_the_drafter_chooses_to_change_it(qtbot, drafter, open_item_editor):
    item = submitted(drafter)
    editor = open_item_editor(item_id=item.id)
    banner = editor.state_banner
    assert banner.heading.text() == "第1版正在审核中"
    assert banner.text.text() == "修改将撤回审核中的版本，改完后需重新提交审核。"
    assert editor.ui.title_edit.isReadOnly() and not editor.ui.publisher_combo.isEnabled()
    assert editor.ui.body_editor.edit.isReadOnly() and not editor.attachments.add_button.isEnabled()
    assert editor.ui.state_label.text() == "审核中 · 第1版"

    qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    assert not editor.ui.title_edit.isReadOnly() and banner.button.isHidden()
    type_chinese(editor.ui.title_edit, "（更正）")
    editor.session.autosave_now()
    settle(qtbot, editor)
    assert Item.get_by_id(item.id).state == "draft"
    assert Version.get(Version.item == item.id).state == "stale", "the version in review was withdrawn"
    assert editor.state_banner.isHidden() and editor.ui.state_label.text() == "草稿"


def test_a_published_item_says_the_live_version_stays(qtbot, drafter, open_item_editor):
    item = submitted(drafter)
    Item.update(state="published", published_version_no=1, published_at=clock.now()).where(Item.id == item.id).execute()
    editor = open_item_editor(item_id=item.id)
    assert editor.state_banner.heading.text() == "已发布（第1版）"
    assert editor.state_banner.text.text() == "发布中的版本保持不变，修改后需重新审核。"
    editor.unlock()
    type_chinese(editor.ui.summary_edit, "（补充）")
    editor.session.autosave_now()
    settle(qtbot, editor)
    assert editor.state_banner.heading.text() == "这是已发布信息的修改稿"
    assert "发布中的第1版保持不变" in editor.state_banner.text.text()


def test_someone_who_may_not_draft_here_only_reads(qtbot, log_in, open_item_editor):
    item = items.create_item(user("maxiaoyan"), column("ztb_jsgc"), COMPLETE)
    log_in("liuyang")
    editor = open_item_editor(item_id=item.id)
    assert editor.state_banner.heading.text() == "只读"
    assert editor.ui.title_edit.isReadOnly() and not editor.ui.save_button.isEnabled()
    assert editor.state_banner.button.isHidden(), "nothing to unlock"
    editor.save()
    assert editor.session.in_flight == 0, "a read-only editor writes nothing"


def test_history_lists_saves_and_restores_an_earlier_one(qtbot, drafter, open_item_editor):
    item = items.create_item(drafter, column("gzdt"), dict(COMPLETE, title="第一稿"))
    items.save_item(drafter, item, {"title": "第二稿", "doc_no": "信政服〔2017〕3号"})
    items.save_item(drafter, item, {"title": "第三稿（自动保存）"}, autosave=True)
    editor = open_item_editor(item_id=item.id)
    activate(qtbot, editor)
    editor.ui.tabs.setCurrentWidget(editor.history)
    rows = editor.history.list
    assert [rows.topLevelItem(i).text(2) for i in range(rows.topLevelItemCount())] == ["自动保存", "保存", "保存"]
    assert {rows.topLevelItem(i).text(1) for i in range(rows.topLevelItemCount())} == {"刘洋"}
    rows.setCurrentItem(rows.topLevelItem(2))
    assert "第一稿" in editor.history.preview.toPlainText()
    answer_next_box(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(editor.history.restore_button, Qt.MouseButton.LeftButton)
    assert editor.ui.title_edit.text() == "第一稿" and editor.ui.doc_no_edit.text() == ""
    assert editor.ui.tabs.currentIndex() == 0
    editor.session.autosave_now()
    settle(qtbot, editor)
    assert Item.get_by_id(item.id).title == "第一稿"


def test_a_new_item_for_someone_without_columns_says_so(qtbot, log_in, open_item_editor):
    log_in("wangjianguo")                                   # a leader drafts nothing
    editor = open_item_editor()
    assert editor.ui.column_combo.count() == 0 and editor.ui.title_edit.isReadOnly()
    assert editor.message_banner.heading.text() == "您没有可以起草信息的栏目"
    assert not editor.ui.submit_button.isEnabled()


def field_widgets(editor):
    from desktop.editor import fields as field_map
    return {spec.name: getattr(field_map.widget_of(editor.ui, spec), "edit", field_map.widget_of(editor.ui, spec))
            for spec in field_map.FIELD_MAP}


def background(widget):
    """The colour a user sees inside the field, right of any text (it is drawn, not asked for)."""
    image = widget.grab().toImage()
    return image.pixelColor(image.width() - 6, min(image.height() // 2, 10)).name()


def darkest(widget) -> int:
    image = widget.grab().toImage()
    return min(image.pixelColor(x, y).lightness() for x in range(0, image.width(), 2)
               for y in range(image.height()))


def test_a_read_only_item_looks_read_only_in_every_field(qtbot, drafter, open_item_editor):
    """Title, 文号, dates, summary and body once stayed white while the combos were greyed out."""
    item = submitted(drafter)
    editor = open_item_editor(item_id=item.id)
    editor.resize(1180, 760)
    qtbot.waitExposed(editor)
    grey = editor.palette().color(editor.backgroundRole()).name()
    shown = {name: background(widget) for name, widget in field_widgets(editor).items()}
    assert shown == {name: grey for name in shown}
    ink = darkest(editor.ui.title_edit)
    for combo in (editor.ui.validity_combo, editor.ui.publisher_combo, editor.ui.topic_picker):
        assert darkest(combo) <= ink + 40, "values stay as dark as typed text, not greyed out"

    qtbot.mouseClick(editor.state_banner.button, Qt.MouseButton.LeftButton)      # 修改: editable again
    for name in ("title", "doc_no", "summary", "body_html"):
        assert background(field_widgets(editor)[name]) != grey, f"{name} is white again"
