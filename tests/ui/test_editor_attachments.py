"""Attachments in the editor: open a copy in another program, remove after asking, drop files."""
from __future__ import annotations

import threading

import pytest
from PyQt6.QtCore import QObject, Qt, QUrl, pyqtSlot
from PyQt6.QtGui import QDesktopServices
from PyQt6.QtWidgets import QMessageBox

from db import attachments, items
from db.models import Attachment
from desktop.operations import Op
from tests.helpers import column
from tests.ui.editor_helpers import answer_next_box, settle
from tests.ui.test_editor import drop_files

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


class UrlCatcher(QObject):
    """Stands in for the desktop's file opener (Qt's own hook for custom URL handlers)."""

    def __init__(self):
        super().__init__()
        self.urls: list[QUrl] = []

    @pyqtSlot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def catcher():
    opener = UrlCatcher()
    QDesktopServices.setUrlHandler("file", opener, "open")
    yield opener
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def item_with_file(ctx, log_in, tmp_path):
    drafter = log_in("liuyang")
    item = items.create_item(drafter, column("gzdt"), {"title": "带附件的信息"})
    source = tmp_path / "2017年预算表.xlsx"
    source.write_bytes(b"PK\x03\x04 budget")
    attachments.add_attachment(ctx.profile, drafter, item, source)
    return item


def test_open_hands_a_copy_under_its_own_name_to_the_desktop(qtbot, catcher, item_with_file, open_item_editor):
    editor = open_item_editor(item_id=item_with_file.id)
    panel = editor.attachments
    panel.list.setCurrentItem(panel.list.topLevelItem(0))
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(catcher.urls) == 1, timeout=3000)
    opened = catcher.urls[0].toLocalFile()
    assert opened.endswith("/2017年预算表.xlsx")
    with open(opened, "rb") as copy:
        assert copy.read() == b"PK\x03\x04 budget"


def test_remove_asks_first_and_keeps_the_file_when_told_no(qtbot, item_with_file, open_item_editor):
    editor = open_item_editor(item_id=item_with_file.id)
    panel = editor.attachments
    panel.list.setCurrentItem(panel.list.topLevelItem(0))
    asked = answer_next_box(QMessageBox.StandardButton.No)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert asked == ["确定从此信息中移除附件“2017年预算表.xlsx”吗？"]
    assert panel.list.topLevelItemCount() == 1 and editor.session.in_flight == 0

    answer_next_box(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    settle(qtbot, editor)
    assert panel.list.topLevelItemCount() == 0
    assert editor.ui.tabs.tabText(editor.ui.tabs.indexOf(panel)) == "附件"
    assert not Attachment.current_of(item_with_file).exists()
    assert Attachment.get().removed_at is not None, "versions that froze the file keep it"


def test_files_dropped_on_the_body_become_attachments(qtbot, item_with_file, open_item_editor, tmp_path):
    editor = open_item_editor(item_id=item_with_file.id)
    extra = tmp_path / "补充说明.docx"
    extra.write_bytes(b"docx")
    drop_files(editor.ui.body_editor.edit.viewport(), [extra])
    settle(qtbot, editor)
    assert editor.ui.body_editor.value() == "", "the file name was not typed into the body"
    names = sorted(a.filename for a in Attachment.current_of(item_with_file))
    assert names == ["2017年预算表.xlsx", "补充说明.docx"]
    assert editor.attachments.list.topLevelItemCount() == 2


def test_adding_a_batch_of_files_can_be_cancelled(qtbot, ctx, item_with_file, open_item_editor, tmp_path):
    editor = open_item_editor(item_id=item_with_file.id)
    panel = editor.attachments
    files = []
    for name in ("一.pdf", "二.pdf", "三.pdf"):
        files.append(tmp_path / name)
        files[-1].write_bytes(name.encode("utf-8"))
    release = threading.Event()
    Op(None, ctx, lambda: release.wait(5)).run_in_background()   # the worker is busy with something else
    panel.add_files([str(f) for f in files])
    assert panel.cancel_button.isVisibleTo(panel) and not panel.add_button.isEnabled()
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    settle(qtbot, editor)
    assert panel.error.text() == "已取消，未添加：一.pdf、二.pdf、三.pdf"
    assert [a.filename for a in Attachment.current_of(item_with_file)] == ["2017年预算表.xlsx"]
    assert not panel.cancel_button.isVisibleTo(panel) and panel.add_button.isEnabled()
