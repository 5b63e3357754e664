"""The working-day calendar (db.workdays) as a service: who may change it, the audit
trail, the outbox, and the deadlines of open reviews moved when a day changes.

Weekends are days off and weekdays working days unless the calendar says otherwise:
a holiday (法定节假日) marks a weekday off, a make-up working day (调休上班) marks a
weekend day on. Each override may carry a note such as "国庆节".
"""
from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from db import audit, auth, outbox, settings, workdays
from db.database import database
from db.models import Item, ReviewTask, User, Version
from db.workflow import catalogue, states, submission

CALENDAR_ROLES = ("admin", "leader")
NOTES_KEY = "calendar.notes"


class Day(NamedTuple):
    day: dt.date
    working: bool
    overridden: bool
    note: str

    @property
    def kind(self) -> str:
        """"holiday", "makeup", "weekend" or "workday"."""
        if self.overridden:
            return "makeup" if self.working else "holiday"
        return "workday" if self.working else "weekend"


def set_days(user: User, days: list[tuple[dt.date, bool | None, str]]) -> int:
    """Mark days as working (True), off (False) or back to the default (None), with notes.
    Returns how many open reviews got a new deadline."""
    auth.require_role(user, *CALENDAR_ROLES)
    with database.atomic():
        table, notes = workdays.overrides(), _notes()
        for day, working, note in days:
            key = day.isoformat()
            if working is None:
                table.pop(key, None)
                notes.pop(key, None)
            else:
                table[key] = working
                notes[key] = note.strip()
            payload = {"day": key, "working": working, "note": notes.get(key, "")}
            audit.record(user, "calendar_day_set", "calendar", key, payload)
            outbox.enqueue(catalogue.CALENDAR_DAY, payload, user)
        settings.put(workdays.OVERRIDES_KEY, table)
        settings.put(NOTES_KEY, notes)
        return refresh_deadlines(table)


def set_day(user: User, day: dt.date, working: bool | None, note: str = "") -> int:
    return set_days(user, [(day, working, note)])


def month(year: int, month_no: int) -> list[Day]:
    table, notes = workdays.overrides(), _notes()
    first = dt.date(year, month_no, 1)
    days = []
    day = first
    while day.month == month_no:
        days.append(_day(day, table, notes))
        day += dt.timedelta(days=1)
    return days


def overrides_of_year(year: int) -> list[Day]:
    table, notes = workdays.overrides(), _notes()
    return [_day(dt.date.fromisoformat(key), table, notes) for key in sorted(table) if key.startswith(f"{year}-")]


def _day(day: dt.date, table: dict, notes: dict) -> Day:
    key = day.isoformat()
    return Day(day, workdays.is_working_day(day, table), key in table, notes.get(key, ""))


def _notes() -> dict[str, str]:
    return dict(settings.get(NOTES_KEY) or {})


def refresh_deadlines(table: dict | None = None) -> int:
    """Recompute the deadline of every open review with the current calendar."""
    table = workdays.overrides() if table is None else table
    days = int(settings.get("deadline_working_days") or 20)
    rows = (ReviewTask.select(ReviewTask.id, ReviewTask.due_on, Item, Version)
            .join(Item, on=(ReviewTask.item == Item.id))
            .join_from(ReviewTask, Version, on=(ReviewTask.version == Version.id))
            .where(ReviewTask.state == states.T_OPEN))
    moved: dict[str, list[str]] = {}
    for task in rows:
        due = submission.due_on(task.item, task.version, table, days)
        if due != task.due_on:
            moved.setdefault(due, []).append(task.id)
    for due, ids in moved.items():
        ReviewTask.update(due_on=due).where(ReviewTask.id.in_(ids)).execute()
    return sum(len(ids) for ids in moved.values())
