"""Local accounts: scrypt password hashes, login with lockout, role checks."""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import os

from peewee import fn

from db import audit, clock
from db.database import database
from db.errors import LoginFailed, PermissionDenied, ValidationFailed
from db.models import ROLES, User

# scrypt with N=2**14, r=8 needs 16 MiB per guess: cheap for one login, costly for a cracker.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 14, 8, 1
MAX_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=15)
MIN_PASSWORD = 8

ROLE_NAMES = {
    "drafter": ("科室信息员", "Drafter"),
    "section_head": ("科室负责人", "Section head"),
    "leader": ("分管领导", "Supervising leader"),
    "front_desk": ("导引台/窗口", "Front desk"),
    "admin": ("管理员", "Administrator"),
}


def hash_password(password: str, n: int = SCRYPT_N) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P,
                            maxmem=64 * 1024 * 1024, dklen=32)
    return "scrypt${}${}${}${}${}".format(n, SCRYPT_R, SCRYPT_P, _b64(salt), _b64(digest))


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(password.encode("utf-8"), salt=_unb64(salt), n=int(n), r=int(r),
                               p=int(p), maxmem=64 * 1024 * 1024, dklen=len(_unb64(digest)))
    return hmac.compare_digest(candidate, _unb64(digest))


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationFailed({"password": (f"密码至少需要{MIN_PASSWORD}个字符",
                                             f"The password needs at least {MIN_PASSWORD} characters")})


def login(username: str, password: str) -> User:
    """The user whose password this is; counts failures and locks the account after five.

    Failures are committed before the error is raised, so a lockout survives the refusal.
    An unknown name and a wrong password get the same words, so the dialog does not tell an
    outsider which accounts exist; only a lockout is announced.
    """
    with database.atomic():
        user = find_user(username)
        refusal = _attempt(user, username.strip(), password)
    if refusal is not None:
        raise refusal
    return user


def find_user(username: str) -> User | None:
    """The account a typed name means: names are compared without regard to case
    (an exact match wins, for profiles that hold names differing only in case)."""
    name = username.strip()
    exact = User.get_or_none(User.username == name)
    if exact is not None or not name:
        return exact
    return User.select().where(fn.LOWER(User.username) == name.lower()).order_by(User.username).first()


WRONG_LOGIN = ("用户名或密码不正确", "Wrong user name or password")


def _attempt(user: User | None, username: str, password: str) -> LoginFailed | None:
    if user is None or not user.active:
        verify_password(password, _DUMMY_HASH)   # same cost either way: no user probing
        audit.record(None, "login_failed", "user", "", {"username": username})
        return LoginFailed(*WRONG_LOGIN)
    if _locked(user):
        return _locked_error(user)
    if not verify_password(password, user.password_hash):
        return _count_failure(user)
    user.failed_logins, user.locked_until = 0, None
    user.save(only=[User.failed_logins, User.locked_until])
    audit.record(user, "login", "user", user.id, {})
    return None


def _locked(user: User) -> bool:
    return bool(user.locked_until) and clock.parse(user.locked_until) > clock.now_dt()


def _locked_error(user: User) -> LoginFailed:
    seconds = (clock.parse(user.locked_until) - clock.now_dt()).total_seconds()
    minutes = max(1, int(seconds // 60) + 1)
    return LoginFailed(f"登录失败次数过多，账户已锁定，请{minutes}分钟后再试或联系管理员",
                       f"Too many failed logins: the account is locked for {minutes} more minute(s)")


def _count_failure(user: User) -> LoginFailed:
    user.failed_logins += 1
    locked = user.failed_logins >= MAX_FAILURES
    if locked:
        user.locked_until = (clock.now_dt() + LOCKOUT).strftime("%Y-%m-%dT%H:%M:%SZ")
    user.save(only=[User.failed_logins, User.locked_until])
    audit.record(user, "login_failed", "user", user.id, {"failures": user.failed_logins, "locked": locked})
    if locked:
        return LoginFailed("密码错误次数过多，账户已锁定15分钟", "Too many wrong passwords: locked for 15 minutes")
    return LoginFailed(*WRONG_LOGIN)   # no "tries left": an unknown name would not get it


def require_role(user: User | None, *roles: str) -> None:
    if user is None or not user.active or user.role not in roles:
        names = "、".join(ROLE_NAMES[r][0] for r in roles)
        raise PermissionDenied(f"只有{names}可以执行此操作", f"Only {', '.join(roles)} may do this")


def needs_first_admin() -> bool:
    return not User.select().where(User.role == "admin").exists()


def role_label(role: str, language: str = "zh") -> str:
    zh, en = ROLE_NAMES.get(role, (role, role))
    return en if language.startswith("en") else zh


def valid_role(role: str) -> bool:
    return role in ROLES


_DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 43 + "="
