"""Users: create, edit role/section/active, reset a password, lift a lockout."""
from __future__ import annotations

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PyQt6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from db import auth, clock
from db.directory import SECTIONLESS_ROLES, username_problem
from db.models import ROLES, Section, User
from desktop.admin.common import FormDialog, button_row, fill_table, make_table, selected_id
from desktop.context import Changes
from desktop.login import password_field
from desktop.operations import Op


def tr(text: str) -> str:
    return QCoreApplication.translate("Admin", text)


def user_status(user: User) -> str:
    if not user.active:
        return tr("已停用")
    if user.locked_until and clock.parse(user.locked_until) > clock.now_dt():
        return tr("已锁定")
    return tr("正常")


def section_choices() -> list[tuple[str, str]]:
    return [(s.id, s.name) for s in Section.select().order_by(Section.sort_order, Section.name)]


class UserDialog(FormDialog):
    """New user (with a first password) or an existing user's name, role, section and state."""

    def __init__(self, ctx, user: User | None = None, parent=None):
        super().__init__(ctx, tr("编辑用户") if user else tr("新建用户"), parent)
        self.user = user
        self.username = QLineEdit(user.username if user else "")
        self.username.setReadOnly(user is not None)
        self.display_name = QLineEdit(user.display_name if user else "")
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(auth.role_label(role, ctx.language), role)
        self.section = QComboBox()
        self.section.addItem(tr("（不属于科室）"), "")
        for section_id, name in section_choices():
            self.section.addItem(name, section_id)
        if user is None:
            self.username.setPlaceholderText(tr("英文字母、数字和 . _ -，如 zhangsan"))
        self.add_row(tr("用户名"), self.username, "username")
        self.add_row(tr("姓名"), self.display_name, "display_name")
        self.add_row(tr("角色"), self.role, "role")
        self.add_row(tr("所属科室"), self.section, "section")
        if user is None:
            self.password, self.again = password_field(), password_field()
            self.add_row(tr("初始密码（至少8位）"), self.password, "password")
            self.form.addRow(tr("再次输入密码"), self.again)
            self.role.setCurrentIndex(self.role.findData("drafter"))
            self.username.textEdited.connect(self._check_username)
        else:
            self.active = QCheckBox(tr("启用"))
            self.active.setChecked(user.active)
            self.form.addRow("", self.active)
            self.role.setCurrentIndex(self.role.findData(user.role))
            self.section.setCurrentIndex(max(0, self.section.findData(user.section_id or "")))
        self.role.currentIndexChanged.connect(self._role_chosen)
        self._role_chosen()

    def _check_username(self, text: str) -> None:
        """The name's form while it is typed (whether it is taken is told on saving)."""
        problem = username_problem(text.strip()) if text.strip() else None
        self.show_field_message("username", (problem[1] if self.ctx.english() else problem[0]) if problem else "")

    def _role_chosen(self, *_args) -> None:
        """Leaders, the front desk and administrators belong to no section: none is offered."""
        sectionless = self.role.currentData() in SECTIONLESS_ROLES
        if sectionless:
            self.section.setCurrentIndex(0)
        self.section.setEnabled(not sectionless)

    def save_fn(self):
        from db import directory
        admin, name, role = self.ctx.user, self.display_name.text(), self.role.currentData()
        section_id = self.section.currentData()

        def section():
            return Section.get_by_id(section_id) if section_id else None
        if self.user is None:
            if self.password.text() != self.again.text():
                raise ValueError(tr("两次输入的密码不一致"))
            username, password = self.username.text(), self.password.text()
            return lambda: directory.create_user(admin, username, name, role, section(), password)
        user_id, active = self.user.id, self.active.isChecked()
        return lambda: directory.update_user(admin, User.get_by_id(user_id), name, role, section(), active)


class PasswordResetDialog(FormDialog):
    def __init__(self, ctx, user: User, parent=None):
        super().__init__(ctx, tr("重置密码：") + user.display_name, parent)
        self.user = user
        self.password, self.again = password_field(), password_field()
        self.add_row(tr("新密码（至少8位）"), self.password, "password")
        self.form.addRow(tr("再次输入新密码"), self.again)

    def save_fn(self):
        from db import directory
        if self.password.text() != self.again.text():
            raise ValueError(tr("两次输入的密码不一致"))
        admin, user_id, password = self.ctx.user, self.user.id, self.password.text()
        return lambda: directory.reset_password(admin, User.get_by_id(user_id), password)


class UsersTab(QWidget):
    HEADERS = (QT_TRANSLATE_NOOP("Admin", "用户名"), QT_TRANSLATE_NOOP("Admin", "姓名"),
               QT_TRANSLATE_NOOP("Admin", "角色"), QT_TRANSLATE_NOOP("Admin", "所属科室"),
               QT_TRANSLATE_NOOP("Admin", "状态"))

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.table = make_table([tr(h) for h in self.HEADERS])
        self.table.doubleClicked.connect(self.edit_user)
        buttons = []
        for text, slot in ((tr("新建用户……"), self.new_user), (tr("编辑……"), self.edit_user),
                           (tr("重置密码……"), self.reset_password), (tr("解除锁定"), self.unlock)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.append(button)
        self.notice = QLabel()
        self.notice.setObjectName("adminNotice")
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(*buttons))
        layout.addWidget(self.table)
        layout.addWidget(self.notice)
        self.reload()

    def reload(self) -> None:
        users = sorted(User.select(), key=lambda u: (ROLES.index(u.role) if u.role in ROLES else 99, u.username))
        names = dict(section_choices())
        fill_table(self.table, [(u.id, [u.username, u.display_name, auth.role_label(u.role, self.ctx.language),
                                        names.get(u.section_id, ""), user_status(u)]) for u in users])

    def selected_user(self) -> User | None:
        user_id = selected_id(self.table)
        return User.get_or_none(User.id == user_id) if user_id else None

    def new_user(self) -> None:
        UserDialog(self.ctx, None, self).exec()

    def edit_user(self, *_args) -> None:
        user = self.selected_user()
        if user is not None:
            UserDialog(self.ctx, user, self).exec()

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is not None and PasswordResetDialog(self.ctx, user, self).exec():
            self.notice.setText(tr("已为 {name} 设置新密码，账户锁定也已解除。").format(name=user.display_name))

    def unlock(self) -> None:
        from db import directory
        user = self.selected_user()
        if user is None:
            return
        admin = self.ctx.user
        (Op(self, self.ctx, lambda: directory.unlock_user(admin, user), Changes(directory=True))
         .success(lambda _: self.notice.setText(tr("{name} 的账户已解除锁定。").format(name=user.display_name)))
         .run_in_background())
