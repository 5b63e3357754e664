"""Small helpers for tests: look rows up by their human names."""
from __future__ import annotations

from db.models import Column, User


def user(username: str) -> User:
    return User.get(User.username == username)


def column(code: str) -> Column:
    return Column.get(Column.code == code)
