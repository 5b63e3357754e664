"""Translations: every interface string has English; the Chinese interface shows no stray English."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PyQt6.QtWidgets import (
    QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QMenu, QTableView, QTableWidget, QTabWidget,
    QTreeWidget, QWidget,
)

from desktop.main_window import MainWindow
from tests.helpers import module_at
from tests.ui.shell_helpers import IGNORE_OFFSCREEN

pytestmark = IGNORE_OFFSCREEN
ROOT = Path(__file__).resolve().parents[2]
SCANNER = ROOT / "scripts" / "i18n_extract.py"


def scanner():
    return module_at(SCANNER, "i18n_extract")


def test_the_scanner_sees_each_way_of_marking_a_string(tmp_path):
    source = tmp_path / "sample.py"
    source.write_text(
        'from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication\n'
        'def tr(text):\n    return QCoreApplication.translate("Ctx", text)\n'
        'HEADERS = (QT_TRANSLATE_NOOP("Ctx", "标题"),)\n'
        'label = tr("保存")\n'
        'other = QCoreApplication.translate("Other", "退出")\n'
        'class Dialog:\n    def title(self):\n        return self.tr("对话框")\n', encoding="utf-8")
    found = scanner().python_messages(source)
    assert found == {("Ctx", "标题"), ("Ctx", "保存"), ("Other", "退出"), ("Dialog", "对话框")}


def test_every_interface_string_has_an_english_translation():
    missing = scanner().missing_translations()
    listed = "\n".join(f"{where}: [{context}] {source}" for (context, source), where in sorted(missing.items()))
    assert not missing, f"{len(missing)} string(s) lack English (add them to resources/i18n):\n{listed}"


ASCII_WORD = re.compile(r"[A-Za-z]{2,}")
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")
ALLOWED = re.compile(r"Gongkai Desk|Ctrl\+\w+|F\d+|[A-Z]{2,}[A-Za-z0-9/_-]*|\w+\.(pdf|docx?|xlsx?|txt|sqlite)|"
                     r"[a-z0-9_]+@|KB|MB|yyyy-MM-dd|OK")


def stray_english(text: str, allowed_words: set[str]) -> bool:
    """ASCII words in a text with no Chinese, after removing what may stay Latin."""
    text = ALLOWED.sub("", text.replace("&", ""))
    if CJK.search(text):
        return False
    return any(word not in allowed_words for word in ASCII_WORD.findall(text))


def visible_texts(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle()] if widget.isWindow() else []
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget):
            continue
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        elif isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QComboBox):
            texts += [child.itemText(n) for n in range(child.count())]
        elif isinstance(child, QTabWidget):
            texts += [child.tabText(n) for n in range(child.count())]
        texts += header_texts(child)
    return [t for t in texts if t]


def header_texts(widget: QWidget) -> list[str]:
    if isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        return [header.text(n) for n in range(header.columnCount())]
    if isinstance(widget, (QTableView, QTableWidget)) and widget.model() is not None:
        model = widget.model()
        return [str(model.headerData(n, widget.horizontalHeader().orientation()) or "")
                for n in range(model.columnCount())]
    return []


def menu_texts(window: MainWindow) -> list[str]:
    texts = []
    for menu in window.menuBar().findChildren(QMenu):
        texts.append(menu.title())
        texts += [action.text() for action in menu.actions() if not action.isSeparator()]
    return texts


@pytest.mark.parametrize("username", ["admin", "liuyang", "chenjing", "wangjianguo", "qiantai"])
def test_the_chinese_interface_shows_no_stray_english(qtbot, ctx, log_in, username):
    from db.models import User
    log_in(username)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    allowed = {u.username for u in User.select()} | {"English"}     # user names and the language's own name
    texts = menu_texts(window)
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        qtbot.wait(50)
        texts += [window.navigation.item(row).text()] + visible_texts(window)
    stray = sorted({t for t in texts if stray_english(t, allowed)})
    assert not stray, f"English in the Chinese interface of {username}: {stray}"


def test_the_stray_english_check_catches_english_and_spares_the_rest():
    assert stray_english("Save draft", set())
    assert stray_english("Items", set())
    assert not stray_english("保存草稿（Ctrl+S）", set())
    assert not stray_english("liuyang", {"liuyang"})
    assert not stray_english("XYSXZFWZX/2026-00001", set())
    assert not stray_english("Gongkai Desk", set())
