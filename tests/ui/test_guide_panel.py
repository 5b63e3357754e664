"""The 办事指南 panel of the item editor: every element, rows added and reordered, the rules
of db.guides shown as the drafter types, saving, submission problems and the card preview."""
from __future__ import annotations

import copy
import json

import pytest
from PyQt6.QtCore import Qt

from db.models import Item
from tests.cards.card_helpers import demo_entries
from tests.cards.guide_fixtures import draft_guide
from tests.ui.editor_helpers import settle, type_chinese
from tests.ui.shell_helpers import IGNORE_OFFSCREEN

pytestmark = IGNORE_OFFSCREEN
GUIDE = demo_entries()[0]["guide"]          # 有限责任公司设立登记


@pytest.fixture
def editor(qtbot, log_in, open_item_editor):
    log_in("sunqiang")
    item = draft_guide(GUIDE)
    window = open_item_editor(item_id=item.id)
    window.ui.tabs.setCurrentWidget(window.panels["guide"])
    return window


def shown(panel, key: str) -> str:
    label = panel.messages[key]
    return label.text() if label.isVisibleTo(panel) else ""


def test_only_guide_columns_get_the_panel_and_it_shows_every_element(editor, qtbot, open_item_editor):
    panel = editor.panels["guide"]
    tab = editor.ui.tabs.tabText(editor.ui.tabs.indexOf(panel))
    assert tab == "办事指南"
    assert panel.lines["name"].text() == GUIDE["name"]
    assert panel.basis.rows()[1]["doc_no"] == "国务院令第746号"
    assert [m["name"] for m in panel.materials.rows()] == [m["name"] for m in GUIDE["materials"]]
    assert panel.materials.rows()[2] == {"name": GUIDE["materials"][2]["name"], "copies": 1, "form": "复印件",
                                         "remarks": "核验原件"}
    assert [r["step"] for r in panel.steps.rows()] == GUIDE["steps"]
    assert (panel.legal.days(), panel.promised.days()) == (3, 1)
    assert panel.values()["guide"]["conditions"] == GUIDE["conditions"]
    from tests.helpers import column
    article = open_item_editor(column_id=column("tzgg").id)
    assert "guide" not in article.panels


def test_promised_beyond_statutory_and_blank_fee_are_refused_inline(editor, qtbot):
    panel = editor.panels["guide"]
    assert shown(panel, "promised_limit_days") == ""
    panel.legal.setValue(5)
    panel.promised.setValue(8)
    assert shown(panel, "promised_limit_days") == "承诺时限（8个工作日）不能超过法定时限（5个工作日）"
    panel.promised.setValue(0)
    assert shown(panel, "promised_limit_days") == "" and panel.promised.text() == "即办"
    panel.lines["fee"].clear()
    assert "收费标准不能为空" in shown(panel, "fee")
    qtbot.mouseClick(panel.no_fee, Qt.MouseButton.LeftButton)
    assert panel.lines["fee"].text() == "不收费" and shown(panel, "fee") == ""


def test_rows_are_added_edited_and_reordered_and_saved(editor, qtbot):
    panel = editor.panels["guide"]
    qtbot.mouseClick(panel.materials.add_button, Qt.MouseButton.LeftButton)
    table = panel.materials.table
    row = table.rowCount() - 1
    table.item(row, 0).setText("委托书")
    table.item(row, 2).setText("原件")
    panel.steps.table.setCurrentCell(3, 0)
    qtbot.mouseClick(panel.steps.up_button, Qt.MouseButton.LeftButton)
    type_chinese(panel.lines["result"], "（电子证照）")
    editor.save()
    settle(qtbot, editor)
    saved = json.loads(Item.get_by_id(editor.item_id).guide_json)
    assert saved["materials"][-1] == {"name": "委托书", "copies": 1, "form": "原件", "remarks": ""}
    assert saved["steps"][2:] == [GUIDE["steps"][3], GUIDE["steps"][2]]
    assert saved["result"].endswith("（电子证照）")


def test_a_refused_submission_shows_the_guides_problems_beside_the_elements(editor, qtbot):
    panel = editor.panels["guide"]
    panel.legal.setValue(2)
    panel.promised.setValue(5)
    panel.touched.clear()
    panel.check()
    assert shown(panel, "promised_limit_days") == ""
    editor.submit()
    qtbot.waitUntil(lambda: shown(panel, "promised_limit_days") != "", timeout=5000)
    assert Item.get_by_id(editor.item_id).state == "draft"


def test_read_only_when_the_item_is_in_review(qtbot, log_in, open_item_editor):
    log_in("sunqiang")
    from db.cards import demo_step
    item = draft_guide(copy.deepcopy(GUIDE))
    demo_step.submit_if_needed(item)
    window = open_item_editor(item_id=item.id)
    panel = window.panels["guide"]
    assert panel.lines["name"].isReadOnly() and not panel.materials.add_button.isEnabled()


def test_the_card_preview_renders_the_working_copy(editor, qtbot):
    panel = editor.panels["guide"]
    panel.lines["name"].setText("有限责任公司设立登记（试行）")
    qtbot.mouseClick(panel.preview_button, Qt.MouseButton.LeftButton)
    dialog = panel.preview_dialog
    qtbot.waitUntil(lambda: dialog.preview.page_count() > 0, timeout=10000)
    assert "有限责任公司设立登记（试行）" in dialog.windowTitle()
    dialog.close()
