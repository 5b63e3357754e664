"""说明例外理由: the reason a blocking finding may go through, recorded by db.checks.service."""
from __future__ import annotations

from typing import Callable

from PyQt6.QtCore import QCoreApplication
from PyQt6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from db.checks.findings import Finding
from desktop.checks.common import message_of, place_of
from desktop.context import Changes
from desktop.operations import Op, error_text


def tr(text: str) -> str:
    return QCoreApplication.translate("Checks", text)


class OverrideDialog(QDialog):
    """Asks for the reason; OK records it on the write worker. `record(reason)` is the
    db call to make (e.g. service.override for this user, item and finding)."""

    def __init__(self, ctx, finding: Finding, record: Callable[[str], object], parent=None):
        super().__init__(parent)
        self.ctx, self.record = ctx, record
        self.setWindowTitle(tr("说明例外理由"))
        english = ctx.english()
        about = QLabel(tr("{place}：{message}").format(place=place_of(finding, english),
                                                      message=message_of(finding, english)))
        about.setWordWrap(True)
        hint = QLabel(tr("确需公开此内容时，请写明理由。理由会记入审计日志，审核人可以看到。"))
        hint.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(tr("例如：该号码是中心对外公布的值班电话"))
        self.reason.setTabChangesFocus(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("记录理由"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (about, hint, self.reason, self.message, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(460)

    def save(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.message.setText(tr("请填写例外理由"))
            self.reason.setFocus()
            return
        self.buttons.setEnabled(False)
        (Op(self, self.ctx, lambda: self.record(reason), Changes(items=True, queue=True))
         .success(lambda _row: self.accept()).failure(self._refused).run_in_background())

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(error_text(self.ctx, error))
