"""The decision dialogs: return with a reason (required), approve with a comment, and the
report of a bulk approval (what was approved, what was skipped and why)."""
from __future__ import annotations

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PyQt6.QtGui import QKeySequence, QShortcut
from PyQt6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QLabel, QListWidget, QPlainTextEdit, QVBoxLayout,
)

COMMON_REASONS = (
    QT_TRANSLATE_NOOP("ReviewDialogs", "文号或成文日期有误，请核对"),
    QT_TRANSLATE_NOOP("ReviewDialogs", "内容概述不能准确反映正文，请修改"),
    QT_TRANSLATE_NOOP("ReviewDialogs", "含有个人信息，请脱敏后重新提交"),
    QT_TRANSLATE_NOOP("ReviewDialogs", "缺少附件或附件与正文不符"),
    QT_TRANSLATE_NOOP("ReviewDialogs", "主题分类或栏目选择不当"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("ReviewDialogs", text)


class TextDialog(QDialog):
    """A title line, a text box and OK/Cancel; `required` keeps OK disabled while blank."""

    def __init__(self, parent, title: str, prompt: str, ok_text: str, required: bool):
        super().__init__(parent)
        self.required = required
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(110)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.prompt)
        self.layout_.addWidget(self.text)
        self.layout_.addWidget(self.buttons)
        self.text.textChanged.connect(self._update_ok)
        self._update_ok()
        for keys in ("Ctrl+Return", "Ctrl+Enter"):        # confirm from inside the text box
            QShortcut(QKeySequence(keys), self).activated.connect(self._confirm)
        self.text.setFocus()

    def _update_ok(self) -> None:
        self.ok.setEnabled(not self.required or bool(self.value()))

    def value(self) -> str:
        return self.text.toPlainText().strip()

    def _confirm(self) -> None:
        if self.ok.isEnabled():
            self.accept()


class ReturnDialog(TextDialog):
    def __init__(self, parent, title: str, drafter: str):
        super().__init__(parent, tr("退回"), tr("退回《{title}》给 {drafter}。请写明理由，起草人会在信息列表顶部看到：")
                         .format(title=title, drafter=drafter), tr("退回"), required=True)
        self.common = QComboBox()
        self.common.addItem(tr("常用理由……"))
        for reason in COMMON_REASONS:
            self.common.addItem(tr(reason))
        self.common.activated.connect(self._use_common)
        self.layout_.insertWidget(1, self.common)

    def _use_common(self, index: int) -> None:
        if index > 0:
            self.text.setPlainText(self.common.itemText(index))
            self.common.setCurrentIndex(0)
            self.text.setFocus()


class CommentDialog(TextDialog):
    def __init__(self, parent, title: str):
        super().__init__(parent, tr("批准并附意见"), tr("批准《{title}》，并附审批意见（将印在审批单上）：").format(title=title),
                         tr("批准"), required=False)


class BulkReportDialog(QDialog):
    """After a bulk approval: how many were approved, and each skipped item with its reason."""

    def __init__(self, parent, approved: int, skipped: list[tuple[str, str]]):
        super().__init__(parent)
        self.setWindowTitle(tr("批量批准结果"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        summary = tr("已批准 {n} 条。").format(n=approved)
        if skipped:
            summary += tr("以下 {n} 条未批准，请逐条处理：").format(n=len(skipped))
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.skipped = QListWidget()
        self.skipped.setWordWrap(True)
        for title, reason in skipped:
            self.skipped.addItem(f"《{title}》\n    {reason}")
        self.skipped.setVisible(bool(skipped))
        layout.addWidget(self.skipped)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


class ConfirmDialog(QDialog):
    """Asks before an approval that was not given with the approve button's own keys:
    a bare letter is too easy to press by accident. 取消 is the default button, so an
    Enter that follows by habit does nothing; Ctrl+Enter or the 批准 button confirms."""

    def __init__(self, parent, title: str, question: str, consequence: str, ok_text: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        self.question = QLabel(question)
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-weight: bold")
        self.consequence = QLabel(consequence)
        self.consequence.setWordWrap(True)
        layout.addWidget(self.question)
        layout.addWidget(self.consequence)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        self.ok.setAutoDefault(False)
        self.ok.setDefault(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("取消"))
        cancel.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.accept)
        cancel.setFocus()


def approve_question(parent, title: str, consequence: str) -> ConfirmDialog:
    return ConfirmDialog(parent, tr("确认批准"), tr("批准《{title}》？").format(title=title), consequence, tr("批准"))


def bulk_question(parent, count: int, consequence: str) -> ConfirmDialog:
    return ConfirmDialog(parent, tr("确认批量批准"), tr("批准所选 {n} 条？").format(n=count), consequence,
                         tr("全部批准"))
