"""First-run set-up of a new (non-demo) profile: create the administrator, install reference data.

Shown instead of the login dialog while the profile has no administrator. The work runs on
the write worker: reference data (organisations, sections, the column tree from the seed
report, the topic tree) is installed when the profile has none yet, the administrator is
created (db.directory.create_first_admin refuses once one exists) and logged in.
"""
from __future__ import annotations

from PyQt6.QtCore import QCoreApplication, Qt
from PyQt6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from desktop.login import message_label, password_field
from desktop.operations import Op, error_text


def tr(text: str) -> str:
    return QCoreApplication.translate("FirstRunDialog", text)


def set_up_profile(username: str, display_name: str, password: str):
    """Install missing reference data, create the first administrator and log them in."""
    from db import auth, directory, reference
    from db.models import Column, Topic
    if not Topic.select().exists():
        reference.install_topics()
    if not Column.select().exists():
        reference.install_structure()
    directory.create_first_admin(username, display_name, password)
    return auth.login(username, password)


class FirstRunDialog(QDialog):
    """Accepted once the administrator exists and is logged in; `self.user` is that user."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx, self.user = ctx, None
        self.setWindowTitle(tr("首次使用设置"))
        self.username = QLineEdit("admin")
        self.display_name = QLineEdit(tr("系统管理员"))
        self.password, self.again = password_field(), password_field()
        self.message = message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("创建管理员并登录"))
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.password.setFocus()

    def _lay_out(self) -> None:
        intro = QLabel(tr("这是资料库“{name}”第一次启动。请创建系统管理员账户；"
                          "栏目、科室、发布机构和主题分类等基础数据将同时装入，之后可在“管理”页修改。")
                       .format(name=self.ctx.profile.name))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(tr("用户名"), self.username)
        form.addRow(tr("姓名"), self.display_name)
        form.addRow(tr("密码（至少8位）"), self.password)
        form.addRow(tr("再次输入密码"), self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def create(self) -> None:
        if self.password.text() != self.again.text():
            self.message.setText(tr("两次输入的密码不一致"))
            self.again.setFocus()
            return
        username, name, password = self.username.text(), self.display_name.text(), self.password.text()
        self.ok_button.setEnabled(False)
        self.message.setText(tr("正在创建……"))
        (Op(self, self.ctx, lambda: set_up_profile(username, name, password))
         .success(self._done).failure(self._refused).run_in_background())

    def _done(self, user) -> None:
        self.user = user
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.message.setText(error_text(self.ctx, error))
