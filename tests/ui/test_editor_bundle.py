"""The editor's 配套信息 panel: a drafter links a policy with its interpretation and submits both."""
from __future__ import annotations

import pytest
from PyQt6.QtCore import Qt, QTimer
from PyQt6.QtWidgets import QApplication

from db.models import Item
from desktop.editor.bundle_panel import PartnerChooser
from tests.ui.editor_helpers import settle
from tests.ui.test_editor import activate
from tests.workflow.conftest import draft

CTRL = Qt.KeyboardModifier.ControlModifier
POLICY = {"title": "信阳市行政审批中介服务管理办法", "topic": "0802", "doc_no": "信政服〔2017〕3号"}
READING = {"title": "《信阳市行政审批中介服务管理办法》政策解读", "topic": "0802", "doc_no": ""}
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def choose_in_next_chooser(title: str, seen: list) -> None:
    """When the chooser opens, note what it lists, pick the row starting with `title`, press 关联."""
    chooser = QApplication.activeModalWidget()
    if not isinstance(chooser, PartnerChooser):
        QTimer.singleShot(20, lambda: choose_in_next_chooser(title, seen))
        return
    rows = [chooser.list.item(i) for i in range(chooser.list.count())]
    seen.extend(row.text() for row in rows)
    chooser.list.setCurrentItem(next(row for row in rows if row.text().startswith(title)))
    chooser.accept()


def rules_shown(editor) -> list[str]:
    return [f.rule for f in editor.panels["checks"].findings]


def test_a_drafter_links_the_interpretation_and_both_go_to_review(qtbot, log_in, open_item_editor):
    log_in("gaopeng")
    policy = draft("gaopeng", "zcfg", **POLICY)
    reading = draft("gaopeng", "zcjd", **READING)
    editor = open_item_editor(item_id=policy.id)
    panel = editor.panels["bundle"]
    assert panel.heading.text() == "配套的政策解读" and panel.partner.text() == "尚未关联"
    qtbot.waitUntil(lambda: "policy_interpretation" in rules_shown(editor), timeout=5000)
    assert not panel.unlink_button.isEnabled()

    seen: list[str] = []
    QTimer.singleShot(0, lambda: choose_in_next_chooser(READING["title"], seen))
    qtbot.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)
    assert any(text.startswith(READING["title"]) for text in seen)
    assert not any(text.startswith(POLICY["title"]) for text in seen), "only interpretations are offered"
    assert panel.partner.text() == READING["title"] + "（草稿）" and panel.unlink_button.isEnabled()
    qtbot.waitUntil(lambda: "policy_interpretation" not in rules_shown(editor), timeout=5000)

    activate(qtbot, editor)              # offscreen has no window manager to hand activation back
    qtbot.keyClick(editor.ui.title_edit, Qt.Key.Key_S, CTRL)
    settle(qtbot, editor)
    policy, reading = Item.get_by_id(policy.id), Item.get_by_id(reading.id)
    assert (policy.related_id, reading.related_id) == (reading.id, policy.id), "linked both ways"

    qtbot.keyClick(editor.ui.title_edit, Qt.Key.Key_Return, CTRL)
    settle(qtbot, editor)
    assert [Item.get_by_id(i).state for i in (policy.id, reading.id)] == ["in_review", "in_review"]


def test_removing_the_link_brings_the_rule_back_and_keeps_submission_shut(qtbot, log_in, open_item_editor):
    log_in("gaopeng")
    policy = draft("gaopeng", "zcfg", **POLICY)
    reading = draft("gaopeng", "zcjd", **READING, related_id=policy.id)
    editor = open_item_editor(item_id=reading.id)
    panel = editor.panels["bundle"]
    assert panel.heading.text() == "所解读的政策文件" and panel.partner.text() == f"《{POLICY['title']}》（草稿）"

    qtbot.mouseClick(panel.unlink_button, Qt.MouseButton.LeftButton)
    assert panel.partner.text() == "尚未关联"
    qtbot.waitUntil(lambda: "policy_interpretation" in rules_shown(editor), timeout=5000)
    qtbot.keyClick(editor.ui.title_edit, Qt.Key.Key_S, CTRL)
    settle(qtbot, editor)
    assert Item.get_by_id(policy.id).related_id is None and Item.get_by_id(reading.id).related_id is None

    policy_editor = open_item_editor(item_id=policy.id)
    qtbot.keyClick(policy_editor.ui.title_edit, Qt.Key.Key_Return, CTRL)
    settle(qtbot, policy_editor)
    assert Item.get_by_id(policy.id).state == "draft", "a policy without its interpretation stays out of review"
