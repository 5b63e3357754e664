"""Logging in through the dialog: the check runs on the write worker, refusals show in the dialog."""
from __future__ import annotations

from PyQt6.QtCore import Qt

from db.models import User
from desktop.login import ChangePasswordDialog, LoginDialog
from tests.conftest import DEMO_PASSWORD
from tests.ui.shell_helpers import IGNORE_OFFSCREEN

pytestmark = IGNORE_OFFSCREEN


def submit_login(qtbot, dialog, password):
    dialog.password.setText(password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_good_password_logs_in(qtbot, ctx):
    dialog = LoginDialog(ctx, "liuyang")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        submit_login(qtbot, dialog, DEMO_PASSWORD)
    assert dialog.user.username == "liuyang"


def refusal_shown(qtbot, ctx, username: str, password: str) -> str:
    dialog = LoginDialog(ctx, username)
    qtbot.addWidget(dialog)
    dialog.show()
    submit_login(qtbot, dialog, password)
    qtbot.waitUntil(lambda: dialog.password.isEnabled() and dialog.message.text() != "正在登录……", timeout=5000)
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.user is None
    return dialog.message.text()


def test_wrong_password_is_refused_with_a_message(qtbot, ctx):
    assert refusal_shown(qtbot, ctx, "liuyang", "not-the-password") == "用户名或密码不正确"


def test_an_outsider_cannot_tell_real_accounts_from_unknown_names(qtbot, ctx):
    """A real account's wrong password reads exactly like an unknown name (no "tries left")."""
    for attempt in range(3):
        real = refusal_shown(qtbot, ctx, "liuyang", f"guess-{attempt}")
        unknown = refusal_shown(qtbot, ctx, "liuyang2", f"guess-{attempt}")
        assert real == unknown == "用户名或密码不正确"


def test_the_name_is_not_case_sensitive(qtbot, ctx):
    dialog = LoginDialog(ctx, "LiuYang")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        submit_login(qtbot, dialog, DEMO_PASSWORD)
    assert dialog.user.username == "liuyang"


def test_lockout_after_five_failures_is_explained(qtbot, ctx):
    dialog = LoginDialog(ctx, "liuyang")
    qtbot.addWidget(dialog)
    dialog.show()
    for attempt in range(5):
        submit_login(qtbot, dialog, f"wrong-{attempt}")
        qtbot.waitUntil(dialog.password.isEnabled, timeout=5000)
    assert "账户已锁定" in dialog.message.text()
    submit_login(qtbot, dialog, DEMO_PASSWORD)        # even the right password is refused now
    qtbot.waitUntil(lambda: "请" in dialog.message.text() and "分钟后再试" in dialog.message.text(), timeout=5000)
    assert dialog.user is None
    assert User.get(User.username == "liuyang").locked_until


def test_change_own_password(qtbot, ctx, log_in):
    log_in("liuyang")
    dialog = ChangePasswordDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.old.setText(DEMO_PASSWORD)
    dialog.new.setText("新的密码2024")
    dialog.again.setText("新的密码2025")
    dialog.change()
    assert dialog.message.text() == "两次输入的新密码不一致"
    dialog.again.setText("新的密码2024")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.change()
    login = LoginDialog(ctx, "liuyang")
    qtbot.addWidget(login)
    login.show()
    with qtbot.waitSignal(login.accepted, timeout=5000):
        submit_login(qtbot, login, "新的密码2024")
