"""Local accounts: memory-hard hashes, lockout, first-run admin, role checks in db/."""
from __future__ import annotations

import pytest

from db import auth, directory
from db.errors import DomainError, LoginFailed, PermissionDenied
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
    for attempt in range(4):
        with pytest.raises(LoginFailed, match=f"还可尝试{4 - attempt}次"):
            auth.login("liuyang", "wrong-password")
    with pytest.raises(LoginFailed, match="锁定"):
        auth.login("liuyang", "wrong-password")
    with pytest.raises(LoginFailed, match="锁定"):
        auth.login("liuyang", DEMO_PASSWORD)
    assert user("liuyang").locked_until is not None


def test_unknown_user_gets_the_same_message(profile):
    with pytest.raises(LoginFailed, match="^用户名或密码不正确$"):
        auth.login("nobody", "whatever")


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
