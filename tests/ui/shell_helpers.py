"""Helpers for the shell's UI tests: items in known states, waiting for the list."""
from __future__ import annotations

import pytest

from db import items
from db.models import Item
from tests.helpers import column, user

# The offscreen platform says so whenever a top-level window is shown; it is not a problem.
IGNORE_OFFSCREEN = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def draft(username: str, column_code: str, title: str, body: str = "") -> Item:
    fields = {"title": title, "body_html": f"<p>{body or title}</p>", "publisher": "信阳市行政服务中心",
              "topic": "0101", "written_on": "2024-03-01", "summary": title}
    return items.create_item(user(username), column(column_code), fields)


def returned(username: str, column_code: str, title: str, reviewer: str, reason: str) -> Item:
    """A submitted item the first-stage reviewer sent back with `reason`."""
    from db.workflow import decisions
    item = draft(username, column_code, title)
    version = items.submit(user(username), item)
    decisions.return_item(user(reviewer), item.id, version.number, version.content_hash, reason)
    return Item.get_by_id(item.id)


def settle(qtbot, page) -> None:
    """Wait until the search box's delay ran out and the list and its total are in.

    The total is counted after the page is fetched on the same read worker, so once the
    total shows, the rows are in too.
    """
    qtbot.waitUntil(lambda: not page.filters.timer.isActive() and page.filters.total.text().startswith("共"),
                    timeout=5000)


def titles(page) -> list[str]:
    return [row.title for row in page.model.rows]


def when_shown(qtbot, dialog_class, action, timeout_ms: int = 5000) -> None:
    """Call action(dialog) as soon as a visible dialog of `dialog_class` is up (it may be modal)."""
    from PyQt6.QtCore import QTimer
    from PyQt6.QtWidgets import QApplication
    timer = QTimer()
    timer.setInterval(20)
    waited = {"ms": 0}

    def poll():
        waited["ms"] += 20
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, dialog_class) and widget.isVisible():
                timer.stop()
                action(widget)
                return
        if waited["ms"] > timeout_ms:
            timer.stop()
    timer.timeout.connect(poll)
    timer.start()
    qtbot._when_shown_timers = getattr(qtbot, "_when_shown_timers", []) + [timer]   # keep it alive
