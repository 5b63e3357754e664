"""Working days: weekends off, plus an editable calendar of holidays and make-up working days.

The legal deadline for active disclosure is 20 working days from the information's
creation or change (政府信息公开条例 2019, art. 26).
"""
from __future__ import annotations

import datetime as dt

from db import clock, settings

OVERRIDES_KEY = "calendar.overrides"   # {"2026-10-01": false, "2026-09-28": true}


def overrides() -> dict[str, bool]:
    return dict(settings.get(OVERRIDES_KEY) or {})


def set_override(day: dt.date, working: bool | None) -> None:
    """Mark a day as a holiday (False) or a make-up working day (True); None clears it."""
    current = overrides()
    if working is None:
        current.pop(day.isoformat(), None)
    else:
        current[day.isoformat()] = working
    settings.put(OVERRIDES_KEY, current)


def is_working_day(day: dt.date, table: dict[str, bool] | None = None) -> bool:
    table = overrides() if table is None else table
    marked = table.get(day.isoformat())
    if marked is not None:
        return marked
    return day.weekday() < 5


def add_working_days(start: dt.date, days: int, table: dict[str, bool] | None = None) -> dt.date:
    table = overrides() if table is None else table
    day, left = start, days
    while left > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day, table):
            left -= 1
    return day


def deadline_from(changed_at: str, table: dict[str, bool] | None = None) -> dt.date:
    start = clock.parse(changed_at).astimezone().date()
    return add_working_days(start, int(settings.get("deadline_working_days") or 20), table)
