"""Local accounts: memory-hard hashes, lockout, first-run admin, role checks in db/."""
from __future__ import annotations

import pytest

from db import auth, directory
from db.errors import DomainError, LoginFailed, PermissionDenied, ValidationFailed
from db.models import AuditEvent, Section, User
from tests.conftest import DEMO_PASSWORD
from tests.helpers import user


def test_hash_is_scrypt_and_salted():
    first, second = auth.hash_password("correct horse"), auth.hash_password("correct horse")
    assert first.startswith("scrypt$16384$8$1$") and first != second
    assert auth.verify_password("correct horse", first)
    assert not auth.verify_password("wrong horse", first)


def test_login_and_audit(profile):
    assert auth.login("liuyang", DEMO_PASSWORD).username == "liuyang"
    assert AuditEvent.select().where(AuditEvent.action == "login").count() == 1


def test_lockout_after_five_failures_even_with_the_right_password_afterwards(profile):
    for _attempt in range(4):
        with pytest.raises(LoginFailed, match="^用户名或密码不正确$"):
            auth.login("liuyang", "wrong-password")
    with pytest.raises(LoginFailed, match="锁定"):
        auth.login("liuyang", "wrong-password")
    with pytest.raises(LoginFailed, match="锁定"):
        auth.login("liuyang", DEMO_PASSWORD)
    assert user("liuyang").locked_until is not None


def test_unknown_user_gets_the_same_message(profile):
    with pytest.raises(LoginFailed, match="^用户名或密码不正确$"):
        auth.login("nobody", "whatever")


def refusal(username: str, password: str) -> tuple[str, str]:
    with pytest.raises(LoginFailed) as refused:
        auth.login(username, password)
    return str(refused.value), refused.value.english


def test_a_wrong_password_does_not_tell_that_the_account_exists(profile):
    """Until the lockout, a real account's refusals read exactly like an unknown name's."""
    for _attempt in range(4):
        assert refusal("liuyang", "wrong-password") == refusal("no-such-user", "wrong-password")
    assert "锁定" in refusal("liuyang", "wrong-password")[0]


def test_login_ignores_the_case_of_the_name(profile):
    assert auth.login("LiuYang", DEMO_PASSWORD).username == "liuyang"
    assert auth.login("  ADMIN ", DEMO_PASSWORD).username == "admin"


@pytest.mark.parametrize("name", ["zhang san", "张三", "li/si", "wang@office", "a" * 33, ""])
def test_user_names_are_ascii_letters_digits_and_dot_underscore_hyphen(profile, name):
    office = Section.get(Section.code == "office")
    with pytest.raises(ValidationFailed) as refused:
        directory.create_user(user("admin"), name, "新人", "drafter", office, "password123")
    assert "username" in refused.value.problems
    assert not User.select().where(User.display_name == "新人").exists()


def test_user_name_rule_message_is_plain_chinese(profile):
    office = Section.get(Section.code == "office")
    with pytest.raises(ValidationFailed) as refused:
        directory.create_user(user("admin"), "zhang san", "张三", "drafter", office, "password123")
    assert refused.value.problems["username"][0] == "用户名只能由英文字母、数字和 . _ - 组成，不能有空格或汉字"


def test_user_names_are_unique_without_regard_to_case(profile):
    office = Section.get(Section.code == "office")
    with pytest.raises(ValidationFailed, match="只差大小写"):
        directory.create_user(user("admin"), "LiuYang", "刘洋二", "drafter", office, "password123")
    created = directory.create_user(user("admin"), "li.yang-2_b", "李洋", "drafter", office, "password123")
    assert created.username == "li.yang-2_b"


@pytest.mark.parametrize("role", ["leader", "front_desk", "admin"])
def test_roles_that_work_across_sections_get_no_section(profile, role):
    office = Section.get(Section.code == "office")
    with pytest.raises(ValidationFailed) as refused:
        directory.create_user(user("admin"), "newleader", "新领导", role, office, "password123")
    assert refused.value.problems["section"][0].startswith("分管领导、导引台/窗口和管理员不属于科室")
    with pytest.raises(ValidationFailed):
        directory.update_user(user("admin"), user("wangjianguo"), "王建国", "leader", office, True)
    assert user("wangjianguo").section_id is None
    assert directory.create_user(user("admin"), "newleader", "新领导", role, None, "password123").section_id is None


def test_first_admin_only_once(tmp_path):
    from db import database as dbmod
    dbmod.open_profile(dbmod.Profile(tmp_path / "fresh"), create=True)
    assert auth.needs_first_admin()
    directory.create_first_admin("root", "管理员", "a-long-password")
    assert not auth.needs_first_admin()
    with pytest.raises(DomainError):
        directory.create_first_admin("root2", "管理员二", "a-long-password")
    dbmod.close()


def test_only_admins_manage_users(profile):
    office = Section.get(Section.code == "office")
    with pytest.raises(PermissionDenied):
        directory.create_user(user("liuyang"), "newbie", "新人", "drafter", office, "password123")
    created = directory.create_user(user("admin"), "newbie", "新人", "drafter", office, "password123")
    assert User.get_by_id(created.id).role == "drafter"


def test_short_passwords_refused(profile):
    office = Section.get(Section.code == "office")
    with pytest.raises(DomainError, match="至少需要8个字符"):
        directory.create_user(user("admin"), "short", "短", "drafter", office, "1234")
