"""Fixtures for tests that drive real widgets (offscreen): an application context around
the test's profile, with the write worker running and settings kept out of the user's home."""
from __future__ import annotations

import pytest
from PyQt6.QtCore import QSettings

from db import auth
from desktop.context import AppContext
from desktop.operations import OpRunner, ReadRunner
from tests.conftest import DEMO_PASSWORD


@pytest.fixture
def ui_settings(tmp_path) -> QSettings:
    """QSettings in a throw-away INI file instead of the user's configuration."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def ctx(profile, qapp, ui_settings):
    """An application context on the test profile; nobody logged in yet."""
    context = AppContext(profile=profile, settings=ui_settings, language="zh_CN")
    context.runner = OpRunner()
    context.reader = ReadRunner()
    yield context
    context.runner.shutdown()
    context.reader.shutdown()


@pytest.fixture
def log_in(ctx):
    """log_in("liuyang") logs that demo user in through db.auth and puts them on the context."""
    def as_user(username: str):
        ctx.user = auth.login(username, DEMO_PASSWORD)
        return ctx.user
    return as_user


@pytest.fixture
def open_item_editor(ctx, qtbot):
    """open_item_editor(item_id=…, column_id=…) opens desktop.editor windows; at the end of
    the test they close without the unsaved-changes question (nobody is there to answer)."""
    from desktop.editor import close_all, open_editor

    def opener(item_id: str | None = None, column_id: str | None = None):
        return open_editor(ctx, None, item_id=item_id, column_id=column_id)
    yield opener
    close_all(ctx, ask=False)
