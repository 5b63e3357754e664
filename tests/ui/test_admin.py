"""The admin screens: each change goes through db.directory; a new drafter can then log in."""
from __future__ import annotations

import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QMessageBox

from db import auth
from db.models import Column, Organisation, Section, SectionLeader, User
from desktop.admin.columns import ColumnDialog
from desktop.admin.organisations import OrganisationDialog
from desktop.admin.page import Page
from desktop.admin.sections import SectionDialog
from desktop.admin.users import PasswordResetDialog, UserDialog, UsersTab
from desktop.login import LoginDialog
from tests.helpers import column, user
from tests.ui.editor_helpers import answer_next_box
from tests.ui.shell_helpers import IGNORE_OFFSCREEN, draft

pytestmark = IGNORE_OFFSCREEN


@pytest.fixture
def admin_page(qtbot, ctx, log_in):
    log_in("admin")
    page = Page(ctx)
    qtbot.addWidget(page)
    return page


def save(qtbot, dialog):
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save()


def choose(combo, text):
    combo.setCurrentIndex(combo.findText(text))


def test_admin_creates_a_drafter_who_can_then_log_in(qtbot, ctx, admin_page):
    dialog = UserDialog(ctx, None, admin_page)
    qtbot.addWidget(dialog)
    dialog.username.setText("zhangsan")
    dialog.display_name.setText("张三")
    choose(dialog.role, "科室信息员")
    choose(dialog.section, "网络科")
    dialog.password.setText("kaishi2024")
    dialog.again.setText("kaishi2024")
    save(qtbot, dialog)
    users = admin_page.tab(UsersTab)
    qtbot.waitUntil(lambda: any(users.table.item(r, 0).text() == "zhangsan" for r in range(users.table.rowCount())))
    created = User.get(User.username == "zhangsan")
    assert (created.role, created.section.name) == ("drafter", "网络科")

    ctx.user = None
    login = LoginDialog(ctx, "zhangsan")
    qtbot.addWidget(login)
    login.password.setText("kaishi2024")
    with qtbot.waitSignal(login.accepted, timeout=5000):
        login.try_login()
    assert login.user.display_name == "张三"


def test_a_refusal_from_db_shows_in_the_dialog(qtbot, ctx, admin_page):
    dialog = UserDialog(ctx, None, admin_page)
    qtbot.addWidget(dialog)
    dialog.username.setText("lisi")
    dialog.display_name.setText("李四")
    choose(dialog.role, "科室信息员")           # without a section
    dialog.password.setText("kaishi2024")
    dialog.again.setText("kaishi2024")
    dialog.save()
    qtbot.waitUntil(lambda: "必须属于一个科室" in dialog.field_messages["section"].text(), timeout=5000)
    assert dialog.field_messages["section"].isVisibleTo(dialog), "shown under the 所属科室 field"
    assert not User.select().where(User.username == "lisi").exists()


def new_user_dialog(qtbot, ctx, admin_page, username, role="科室信息员", section="网络科"):
    dialog = UserDialog(ctx, None, admin_page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText(username)
    dialog.display_name.setText("新同事")
    choose(dialog.section, section)
    choose(dialog.role, role)
    dialog.password.setText("kaishi2024")
    dialog.again.setText("kaishi2024")
    return dialog


def test_a_user_name_with_a_space_is_refused_under_the_name_field(qtbot, ctx, admin_page):
    dialog = new_user_dialog(qtbot, ctx, admin_page, "zhang san")
    dialog.save()
    note = dialog.field_messages["username"]
    qtbot.waitUntil(lambda: note.text() == "用户名只能由英文字母、数字和 . _ - 组成，不能有空格或汉字", timeout=5000)
    assert note.isVisible() and dialog.buttons.isEnabled()
    assert not User.select().where(User.display_name == "新同事").exists()


def test_the_name_form_is_checked_while_typing(qtbot, ctx, admin_page):
    dialog = new_user_dialog(qtbot, ctx, admin_page, "")
    qtbot.keyClicks(dialog.username, "li si")
    assert "不能有空格" in dialog.field_messages["username"].text()
    qtbot.keyClick(dialog.username, Qt.Key.Key_Backspace)
    qtbot.keyClick(dialog.username, Qt.Key.Key_Backspace)
    assert not dialog.field_messages["username"].isVisible()


def test_a_name_differing_only_in_case_is_refused(qtbot, ctx, admin_page):
    dialog = new_user_dialog(qtbot, ctx, admin_page, "LiuYang")
    dialog.save()
    qtbot.waitUntil(lambda: "只差大小写" in dialog.field_messages["username"].text(), timeout=5000)
    assert User.select().where(User.username ** "liuyang").count() == 1


def test_a_leader_is_offered_no_section(qtbot, ctx, admin_page):
    dialog = new_user_dialog(qtbot, ctx, admin_page, "newleader", role="分管领导", section="网络科")
    assert not dialog.section.isEnabled() and dialog.section.currentData() == ""
    choose(dialog.role, "科室负责人")
    assert dialog.section.isEnabled()
    choose(dialog.section, "网络科")
    choose(dialog.role, "导引台/窗口")
    assert dialog.section.currentData() == ""
    save(qtbot, dialog)
    assert user("newleader").section_id is None


def test_edit_role_section_and_deactivate(qtbot, ctx, admin_page):
    dialog = UserDialog(ctx, user("zhaoli"), admin_page)
    qtbot.addWidget(dialog)
    assert dialog.username.isReadOnly()
    choose(dialog.role, "科室负责人")
    choose(dialog.section, "财务科")
    dialog.active.setChecked(False)
    save(qtbot, dialog)
    changed = user("zhaoli")
    assert (changed.role, changed.section.name, changed.active) == ("section_head", "财务科", False)


def test_reset_password_and_unlock(qtbot, ctx, admin_page):
    User.update(failed_logins=5, locked_until="2999-01-01T00:00:00Z").where(User.username == "liuyang").execute()
    users = admin_page.tab(UsersTab)
    users.reload()
    row = next(r for r in range(users.table.rowCount()) if users.table.item(r, 0).text() == "liuyang")
    assert users.table.item(row, 4).text() == "已锁定"
    users.table.selectRow(row)
    users.unlock()
    qtbot.waitUntil(lambda: user("liuyang").locked_until is None, timeout=5000)
    qtbot.waitUntil(lambda: users.table.item(row, 4).text() == "正常", timeout=5000)
    assert users.notice.text() == "刘洋 的账户已解除锁定。"
    dialog = PasswordResetDialog(ctx, user("liuyang"), admin_page)
    qtbot.addWidget(dialog)
    dialog.password.setText("chongzhi2024")
    dialog.again.setText("chongzhi2024")
    save(qtbot, dialog)
    assert auth.login("liuyang", "chongzhi2024").username == "liuyang"


def test_section_with_supervising_leaders(qtbot, ctx, admin_page):
    dialog = SectionDialog(ctx, None, admin_page)
    qtbot.addWidget(dialog)
    dialog.code.setText("archive")
    dialog.name.setText("档案科")
    for n in range(dialog.leaders.count()):
        if dialog.leaders.item(n).text() == "李美华":
            dialog.leaders.item(n).setCheckState(Qt.CheckState.Checked)
    save(qtbot, dialog)
    section = Section.get(Section.code == "archive")
    assert [link.leader.username for link in SectionLeader.select().where(SectionLeader.section == section)] == ["limeihua"]


def test_column_with_one_review_stage_for_one_section(qtbot, ctx, admin_page):
    dialog = ColumnDialog(ctx, None, column("ztb").id, admin_page)
    qtbot.addWidget(dialog)
    assert dialog.parent_combo.currentText().strip() == "招投标信息"
    dialog.code.setText("ztb_jzcg")
    dialog.name.setText("集中采购")
    choose(dialog.stages, "分管领导审批")
    for n in range(dialog.sections.count()):
        if dialog.sections.item(n).text() == "公共资源交易管理科":
            dialog.sections.item(n).setCheckState(Qt.CheckState.Checked)
    save(qtbot, dialog)
    created = Column.get(Column.code == "ztb_jzcg")
    assert (created.parent.code, created.review_stages) == ("ztb", "leader")
    assert [link.section.code for link in created.section_links] == ["trading"]


def test_a_column_cannot_go_below_itself(qtbot, ctx, admin_page):
    dialog = ColumnDialog(ctx, column("ztb"), None, admin_page)
    qtbot.addWidget(dialog)
    dialog.parent_combo.setCurrentIndex(dialog.parent_combo.findData(column("ztb_jsgc").id))
    dialog.save()
    qtbot.waitUntil(lambda: "上级栏目不能是它自己" in dialog.field_messages["parent"].text(), timeout=5000)
    assert column("ztb").parent_id is None


@pytest.mark.parametrize("answer, saved", [(QMessageBox.StandardButton.No, False), (QMessageBox.StandardButton.Yes, True)])
def test_closing_a_column_with_drafts_warns_with_the_count(qtbot, ctx, admin_page, answer, saved):
    for n in range(3):
        draft("liuyang", "gzdt", f"工作动态草稿{n}")
    dialog = ColumnDialog(ctx, column("gzdt"), None, admin_page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accepts.setChecked(False)
    seen = answer_next_box(answer)
    dialog.save()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == ["栏目“工作动态”中有 3 条尚未提交的草稿。"]
    if saved:
        # the row changes on the write worker before its answer reaches the dialog
        qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=5000)
        assert not column("gzdt").accepts_items
        assert dialog.result() == dialog.DialogCode.Accepted
    else:
        qtbot.wait(100)
        assert column("gzdt").accepts_items and dialog.isVisible() and dialog.buttons.isEnabled()


def test_organisations_list(qtbot, ctx, admin_page):
    dialog = OrganisationDialog(ctx, None, admin_page)
    qtbot.addWidget(dialog)
    dialog.name.setText("信阳市政务服务和大数据管理局")
    dialog.org_code.setText("XYSZWFW")
    save(qtbot, dialog)
    assert Organisation.get(Organisation.name == "信阳市政务服务和大数据管理局").org_code == "XYSZWFW"
    again = OrganisationDialog(ctx, None, admin_page)
    qtbot.addWidget(again)
    again.name.setText("信阳市政务服务和大数据管理局")
    again.save()
    qtbot.waitUntil(lambda: "已在名录中" in again.field_messages["name"].text(), timeout=5000)


def test_a_drafter_cannot_use_the_directory_services(ctx, log_in):
    from db import directory
    from db.errors import PermissionDenied
    with pytest.raises(PermissionDenied):
        directory.create_user(log_in("liuyang"), "x", "X", "drafter", user("liuyang").section, "kaishi2024")
