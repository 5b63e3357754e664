"""Logging in and changing one's own password.

Both check passwords with scrypt, which takes a noticeable moment on purpose, so they run
on the write worker (a login also records failures and lockouts) and never on the UI thread.
"""
from __future__ import annotations

from PyQt6.QtCore import QCoreApplication, Qt
from PyQt6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
)

from desktop.operations import Op, error_text


def tr(text: str) -> str:
    return QCoreApplication.translate("LoginDialog", text)


def message_label() -> QLabel:
    """A red, wrapping label for refusals shown inside a dialog."""
    label = QLabel()
    label.setObjectName("dialogMessage")
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    return label


def password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class LoginDialog(QDialog):
    """Accepted once db.auth.login returned a user; `self.user` is that user."""

    def __init__(self, ctx, username: str = "", parent=None):
        super().__init__(parent)
        self.ctx, self.user = ctx, None
        self.setWindowTitle(tr("登录 — 政务公开审签工作站"))
        self.username = QLineEdit(username)
        self.password = password_field()
        self.message = message_label()
        self.message.setObjectName("loginMessage")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.login_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setText(tr("登录"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        (self.password if username else self.username).setFocus()

    def _lay_out(self) -> None:
        title = QLabel(tr("政务公开审签工作站"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 18pt; font-weight: bold; margin: 12px")
        profile = QLabel(tr("资料库：") + self.ctx.profile.name)
        profile.setAlignment(Qt.AlignmentFlag.AlignCenter)
        profile.setStyleSheet("color: #666")
        form = QFormLayout()
        form.addRow(tr("用户名"), self.username)
        form.addRow(tr("密码"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(profile)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def try_login(self) -> None:
        from db import auth
        if not self.login_button.isEnabled():
            return
        username, password = self.username.text(), self.password.text()
        if not username.strip():
            self.message.setText(tr("请输入用户名"))
            self.username.setFocus()
            return
        self._busy(True)
        self.message.setText(tr("正在登录……"))
        (Op(self, self.ctx, lambda: auth.login(username, password))
         .success(self._logged_in).failure(self._refused).run_in_background())

    def _busy(self, busy: bool) -> None:
        for widget in (self.username, self.password, self.login_button):
            widget.setEnabled(not busy)

    def _logged_in(self, user) -> None:
        self.user = user
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._busy(False)
        self.message.setText(error_text(self.ctx, error))
        self.password.selectAll()
        self.password.setFocus()


class ChangePasswordDialog(QDialog):
    """'修改密码' from the user menu: the current password, then the new one twice."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("修改密码"))
        self.old, self.new, self.again = password_field(), password_field(), password_field()
        self.message = message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("当前密码"), self.old)
        form.addRow(tr("新密码"), self.new)
        form.addRow(tr("再次输入新密码"), self.again)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(360)

    def change(self) -> None:
        from db import directory
        if self.new.text() != self.again.text():
            self.message.setText(tr("两次输入的新密码不一致"))
            self.again.setFocus()
            return
        user, old, new = self.ctx.user, self.old.text(), self.new.text()
        self.buttons.setEnabled(False)
        (Op(self, self.ctx, lambda: directory.change_own_password(user, old, new))
         .success(lambda _: self.accept()).failure(self._refused).run_in_background())

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(error_text(self.ctx, error))
