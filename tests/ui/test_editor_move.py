"""Moving a never-submitted draft to another column from the editor's 栏目 box, also when
its column stopped taking items after it was written."""
from __future__ import annotations

import pytest

from db import directory, items
from db.models import Column, Item
from tests.helpers import column, user
from tests.ui.editor_helpers import settle, type_chinese
from tests.ui.shell_helpers import draft

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def drafter(log_in):
    return log_in("liuyang")


def pick(editor, code: str) -> None:
    """Choose a column in the box as a user does (the choice is 'activated')."""
    combo = editor.ui.column_combo
    index = combo.findData(column(code).id)
    assert index >= 0, f"{code} not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def offered(editor) -> set[str]:
    combo = editor.ui.column_combo
    return {Column.get_by_id(combo.itemData(n)).code for n in range(combo.count())}


def test_the_column_of_a_saved_draft_can_still_be_changed(qtbot, drafter, open_item_editor):
    editor = open_item_editor(column_id=column("gzdt").id)
    type_chinese(editor.ui.title_edit, "先放在工作动态")
    editor.session.autosave_now()
    settle(qtbot, editor)
    assert editor.item is not None and editor.ui.column_combo.isEnabled()
    assert "zcfg" not in offered(editor), "only columns of the same kind"
    pick(editor, "tzgg")
    settle(qtbot, editor)
    assert Item.get_by_id(editor.item_id).column_id == column("tzgg").id
    assert editor.message_banner.heading.text() == "已移到栏目“通知公告”"
    assert editor.ui.title_edit.text() == "先放在工作动态" and not editor.ui.title_edit.isReadOnly()


def test_a_submitted_item_keeps_its_column(qtbot, drafter, open_item_editor):
    item = draft("liuyang", "gzdt", "已提交的信息")
    items.submit(drafter, item)
    editor = open_item_editor(item_id=item.id)
    assert not editor.ui.column_combo.isEnabled()


def test_a_draft_stranded_by_the_admin_is_moved_and_then_submitted(qtbot, drafter, open_item_editor):
    item = draft("liuyang", "gzdt", "栏目关闭前写的草稿")
    gzdt = column("gzdt")
    gzdt.accepts_items = False
    directory.save_column(user("admin"), gzdt, [], strand_drafts=True)
    editor = open_item_editor(item_id=item.id)
    banner = editor.state_banner
    assert banner.heading.text() == "栏目“工作动态”已不接收此草稿"
    assert "选择本科室可以起草的其他栏目" in banner.text.text()
    assert editor.ui.title_edit.isReadOnly() and not editor.ui.submit_button.isEnabled()
    assert editor.ui.column_combo.isEnabled()
    pick(editor, "tzgg")
    settle(qtbot, editor)
    assert not editor.ui.title_edit.isReadOnly() and editor.ui.submit_button.isEnabled()
    assert banner.isHidden()
    editor.submit()
    settle(qtbot, editor)
    assert Item.get_by_id(item.id).state == "in_review"


def test_a_refused_move_puts_the_box_back(qtbot, drafter, open_item_editor):
    item = draft("liuyang", "gzdt", "草稿")
    editor = open_item_editor(item_id=item.id)
    tzgg = column("tzgg")
    Column.update(accepts_items=False).where(Column.id == tzgg.id).execute()   # closed meanwhile
    pick(editor, "tzgg")
    settle(qtbot, editor)
    assert "不接收信息" in editor.message_banner.text.text()
    assert editor.ui.column_combo.currentData() == column("gzdt").id
    assert Item.get_by_id(item.id).column_id == column("gzdt").id
