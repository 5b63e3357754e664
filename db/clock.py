"""The one place that says what time it is.

Local actions use the workstation clock; the sync layer replaces the source with the
central database's clock while it is connected, so decisions are never ordered by a
client's wrong clock.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

_source: Callable[[], dt.datetime] | None = None


def set_source(source: Callable[[], dt.datetime] | None) -> None:
    global _source
    _source = source


def now_dt() -> dt.datetime:
    if _source is not None:
        return _source()
    return dt.datetime.now(dt.timezone.utc)


def now() -> str:
    """UTC time as ISO-8601 text with seconds precision (sorts as text)."""
    return now_dt().astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_today() -> dt.date:
    return now_dt().astimezone().date()


def parse(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
