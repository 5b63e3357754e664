"""Helpers for the editor tests: typing Chinese, waiting for writes, answering dialogs."""
from __future__ import annotations

from PyQt6 import sip
from PyQt6.QtCore import QTimer
from PyQt6.QtGui import QInputMethodEvent
from PyQt6.QtWidgets import QApplication, QMessageBox

from db.models import Column


def type_chinese(widget, text: str) -> None:
    """Enter text the way an input method commits it (QTest.keyClicks is ASCII-only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def settle(qtbot, editor, timeout: int = 5000) -> None:
    """Wait until the editor's writes have finished on the worker."""
    qtbot.waitUntil(lambda: editor.session.in_flight == 0, timeout=timeout)


def answer_next_box(button: QMessageBox.StandardButton) -> list[str]:
    """Click `button` in the next message box that opens; returns the texts it showed."""
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        box.button(button).click()
    QTimer.singleShot(0, click)
    return seen


def column_id(code: str) -> str:
    return Column.get(Column.code == code).id


def gone(window) -> bool:
    """The window was closed (and perhaps already deleted)."""
    return sip.isdeleted(window) or not window.isVisible()
