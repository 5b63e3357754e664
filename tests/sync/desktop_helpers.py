"""Desktop pieces for sync tests: an application context on a client's profile, a status
widget pointed at a central database, and running one sync through its F9 action."""
from __future__ import annotations

from PyQt6.QtCore import QSettings

from db.models import User
from desktop import operations
from desktop.context import AppContext
from desktop.sync import credentials
from desktop.sync.status import StatusWidget


def make_ctx(client, tmp_path, username: str) -> AppContext:
    client.use()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(profile=client.profile, settings=settings, user=User.get(User.username == username))
    ctx.runner, ctx.reader = operations.OpRunner(), operations.ReadRunner()
    return ctx


def stop_ctx(ctx) -> None:
    ctx.runner.shutdown()
    ctx.reader.shutdown()


def status_widget(qtbot, ctx, url: str | None = None) -> StatusWidget:
    """The status-bar widget (and its sync controller), syncing with `url` when given."""
    if url is not None:
        credentials.save_url(ctx.settings, credentials.parse_url(url))
    widget = StatusWidget(ctx, None)
    qtbot.addWidget(widget)
    return widget


def run_sync(qtbot, widget, timeout: int = 30_000):
    """Press F9's action and wait for the sync to end; (report, error)."""
    with qtbot.waitSignal(widget.controller.finished, timeout=timeout) as finished:
        widget.action.trigger()
    return finished.args
