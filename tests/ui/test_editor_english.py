"""The editor in the English interface: fixed choices show English labels, values stay Chinese."""
from __future__ import annotations

import pytest
from PyQt6.QtCore import QLocale

from db import items
from db.models import Item
from desktop import i18n
from desktop.editor import fields as field_map
from tests.helpers import column
from tests.ui.editor_helpers import settle

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def english(qapp, ctx):
    translators = i18n.install(qapp, "en")
    ctx.language = "en"
    yield
    i18n.uninstall(qapp, translators)
    QLocale.setDefault(QLocale("zh_CN"))


def test_validity_disclosure_and_secrecy_read_in_english_and_are_stored_in_chinese(
        qtbot, english, log_in, open_item_editor):
    drafter = log_in("liuyang")
    item = items.create_item(drafter, column("gzdt"), {"title": "Expired notice", "validity": "失效"})
    editor = open_item_editor(item_id=item.id)
    ui = editor.ui
    assert (ui.validity_combo.currentText(), ui.disclosure_combo.currentText(), ui.secrecy_combo.currentText()) \
        == ("Expired", "Proactive disclosure", "Not classified")
    assert [ui.validity_combo.itemText(n) for n in range(ui.validity_combo.count())] == ["Valid", "Expired", "Repealed"]
    ui.validity_combo.setCurrentIndex(ui.validity_combo.findText("Repealed"))
    ui.secrecy_combo.setCurrentIndex(ui.secrecy_combo.findText("Classified"))
    editor.save()
    settle(qtbot, editor)
    stored = Item.get_by_id(item.id)
    assert (stored.validity, stored.secrecy) == ("废止", "涉密")
    rows = dict(field_map.display_rows(field_map.values_of(stored)))
    assert (rows["Validity"], rows["Classification"]) == ("Repealed", "Classified")
