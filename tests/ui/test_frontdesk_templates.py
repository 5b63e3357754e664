"""The 卡片模板 tab of the 管理 page: tick, reorder and rename elements with a live preview,
the renderer's rules shown as the admin edits, saved through the write worker, and each
layout's template chosen."""
from __future__ import annotations

from PyQt6.QtCore import Qt

from db.cards import templates
from db.models import AuditEvent
from desktop.cards.templates_tab import CardTemplatesTab
from tests.cards.guide_fixtures import guides_profile as profile  # noqa: F401
from tests.cards.guide_fixtures import guides_template  # noqa: F401
from tests.ui.shell_helpers import IGNORE_OFFSCREEN

pytestmark = IGNORE_OFFSCREEN


def open_tab(qtbot, ctx, log_in) -> CardTemplatesTab:
    log_in("admin")
    tab = CardTemplatesTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    qtbot.waitUntil(lambda: tab.preview.page_count() > 0, timeout=10000)
    return tab


def test_a_new_template_with_the_preview_following_each_change(qtbot, ctx, log_in):
    tab = open_tab(qtbot, ctx, log_in)
    assert tab.list.count() == 1 and tab.elements.elements() == templates.for_layout("a6").elements
    qtbot.mouseClick(tab.copy_button, Qt.MouseButton.LeftButton)
    tab.name.setText("窗口台卡版")
    tab.elements.set_ticked("basis", False)
    tab.elements.set_heading("materials", "要带的材料")
    tab.elements.table.selectRow(7)                      # 咨询及监督投诉电话 to the top
    for _ in range(7):
        tab.elements.move(-1)
    first_load = tab.preview.document.pageCount()
    qtbot.waitUntil(lambda: not tab.timer.isActive(), timeout=5000)
    assert first_load >= 1
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.list.count() == 2, timeout=5000)
    saved = templates.by_name("窗口台卡版")
    assert saved.elements[0] == ("phones", "咨询及监督投诉电话")
    assert ("materials", "要带的材料") in saved.elements and "basis" not in dict(saved.elements)
    assert AuditEvent.select().where(AuditEvent.action == "card_template_saved").count() == 1

    combo = tab.layout_combos["placard"]
    combo.setCurrentIndex(combo.findData(saved.id))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: templates.for_layout("placard").name == "窗口台卡版", timeout=5000)
    assert templates.for_layout("a6").name == "八公开（默认）"


def test_what_would_not_print_is_said_at_once_and_cannot_be_saved(qtbot, ctx, log_in):
    tab = open_tab(qtbot, ctx, log_in)
    tab.elements.set_heading("fee", "  ")
    assert "缺少标题：收费标准及依据" in tab.problem.text() and not tab.save_button.isEnabled()
    qtbot.waitUntil(lambda: "模板有误" in tab.preview.message.text(), timeout=5000)
    tab.elements.set_heading("fee", "收费")
    for key, _heading in templates.for_layout("a6").elements:
        tab.elements.set_ticked(key, False)
    assert "没有任何要素" in tab.problem.text() and not tab.save_button.isEnabled()
    tab.elements.set_ticked("fee", True)
    assert tab.save_button.isEnabled() and tab.problem.isHidden()
