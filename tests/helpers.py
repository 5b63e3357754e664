"""Small helpers for tests: look rows up by their human names, load a script by its path."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from db.models import Column, User


def user(username: str) -> User:
    return User.get(User.username == username)


def column(code: str) -> Column:
    return Column.get(Column.code == code)


def module_at(path: Path, name: str) -> ModuleType:
    """A Python file that is not an importable module (a script, a numbered migration)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def drop_audit_guards() -> None:
    """What someone editing the profile file outside the app would do first: drop the
    triggers that keep audit_event append-only (migration 0008), so the tampering that the
    hash chain must detect can happen."""
    from db.database import database
    found = database.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_event'")
    for (name,) in found.fetchall():
        database.execute_sql(f'DROP TRIGGER "{name}"')
