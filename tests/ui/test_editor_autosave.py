"""Autosave timing, the saved indicator, and what closing does with unsaved changes."""
from __future__ import annotations

import re

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QMessageBox

from db import items
from db.models import Item, Revision
from desktop.editor.autosave import AutosaveTimer
from tests.helpers import column
from tests.ui.editor_helpers import gone, settle, type_chinese
from tests.ui.test_editor import CTRL, activate, new_editor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def drafter(log_in):
    return log_in("liuyang")


def saved_item(drafter, title="原来的标题"):
    return items.create_item(drafter, column("gzdt"), {"title": title, "body_html": "<p>原来的正文</p>"})


def answer(qtbot, editor, button: QMessageBox.StandardButton) -> str:
    """Answer the editor's unsaved-changes question with `button`; returns its text."""
    qtbot.waitUntil(lambda: editor.question is not None and editor.question.isVisible())
    box = editor.question
    text = box.text()
    box.button(button).click()
    return text


def history_of(item_id):
    return [(r.autosave, r.content) for r in Revision.select().where(Revision.item == item_id).order_by(Revision.id)]


def test_typing_is_autosaved_about_two_seconds_after_it_stops(qtbot, drafter, open_item_editor):
    editor = new_editor(qtbot, open_item_editor)
    type_chinese(editor.ui.title_edit, "自动保存的标题")
    assert editor.ui.save_status_label.text() == "有未保存的修改"
    qtbot.wait(1200)
    assert not Item.select().exists(), "not while the drafter may still be typing"
    qtbot.waitUntil(lambda: Item.select().exists(), timeout=3000)
    settle(qtbot, editor)
    assert re.fullmatch(r"已自动保存 \d\d:\d\d:\d\d", editor.ui.save_status_label.text())
    type_chinese(editor.ui.title_edit, "，再改一次")
    qtbot.waitUntil(lambda: Item.get().title == "自动保存的标题，再改一次", timeout=4000)
    assert Item.select().count() == 1, "later autosaves update the item the first one created"
    assert [autosave for autosave, _ in history_of(Item.get().id)] == [True], "autosaves collapse"


def test_steady_typing_is_still_saved_every_few_seconds(qtbot):
    timer = AutosaveTimer(quiet_ms=100, max_wait_ms=300)
    fired = []
    timer.due.connect(lambda: fired.append(1))
    for _ in range(20):              # a change every 50 ms for a second: never quiet for 100 ms
        timer.poke()
        qtbot.wait(50)
    assert len(fired) >= 2, "the cap saves during a long burst of typing"
    count = len(fired)
    qtbot.waitUntil(lambda: len(fired) == count + 1, timeout=1000)
    assert not timer.pending()


def test_closing_asks_and_cancel_keeps_the_window(qtbot, drafter, open_item_editor):
    editor = open_item_editor(item_id=saved_item(drafter).id)
    type_chinese(editor.ui.title_edit, "新增")
    editor.close()
    assert answer(qtbot, editor, QMessageBox.StandardButton.Cancel) == "“原来的标题新增”有尚未保存的修改。"
    assert editor.isVisible()


def test_closing_with_save_keeps_the_changes_as_a_draft(qtbot, drafter, open_item_editor):
    item = saved_item(drafter)
    editor = open_item_editor(item_id=item.id)
    activate(qtbot, editor)
    editor.ui.title_edit.selectAll()
    type_chinese(editor.ui.title_edit, "关闭时保存的标题")
    qtbot.keyClick(editor.ui.title_edit, Qt.Key.Key_W, CTRL)
    answer(qtbot, editor, QMessageBox.StandardButton.Save)
    qtbot.waitUntil(lambda: gone(editor))
    assert Item.get_by_id(item.id).title == "关闭时保存的标题"
    assert [autosave for autosave, _ in history_of(item.id)] == [False, False]


def test_closing_with_discard_drops_even_what_was_autosaved(qtbot, drafter, open_item_editor):
    item = saved_item(drafter)
    editor = open_item_editor(item_id=item.id)
    editor.ui.title_edit.selectAll()
    type_chinese(editor.ui.title_edit, "不要了的标题")
    editor.session.autosave_now()
    settle(qtbot, editor)
    assert Item.get_by_id(item.id).title == "不要了的标题"
    editor.close()
    answer(qtbot, editor, QMessageBox.StandardButton.Discard)
    qtbot.waitUntil(lambda: gone(editor))
    kept = Item.get_by_id(item.id)
    assert (kept.title, kept.body_html) == ("原来的标题", "<p>原来的正文</p>")
    assert [autosave for autosave, _ in history_of(item.id)] == [False]


def test_discarding_a_new_item_leaves_nothing_behind(qtbot, drafter, open_item_editor):
    editor = new_editor(qtbot, open_item_editor)
    type_chinese(editor.ui.title_edit, "试写")
    editor.session.autosave_now()
    settle(qtbot, editor)
    assert Item.select().count() == 1
    editor.close()
    answer(qtbot, editor, QMessageBox.StandardButton.Discard)
    qtbot.waitUntil(lambda: gone(editor))
    assert Item.select().count() == 0


def test_reopening_after_a_crash_says_the_autosaved_text_is_not_yet_saved(qtbot, drafter, open_item_editor):
    item = saved_item(drafter)
    items.save_item(drafter, item, {"title": "崩溃前自动保存的标题"}, autosave=True)
    editor = open_item_editor(item_id=item.id)
    assert editor.ui.title_edit.text() == "崩溃前自动保存的标题"
    assert editor.message_banner.heading.text().startswith("包含尚未保存为草稿的自动保存内容")
    editor.save()
    settle(qtbot, editor)
    assert editor.message_banner.isHidden()
    assert not editor.session.needs_save
    editor.close()
    assert editor.question is None and gone(editor)
