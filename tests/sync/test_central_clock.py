"""Time comes from the central database, not from a workstation's clock: with every
workstation's clock 400 days fast, what the central database records is stamped with its
own time, and a decision made after a sync is stamped with the central time too."""
from __future__ import annotations

import datetime as dt
import types

import pytest

from db import clock
from db.models import Decision
from db.sync import engine
from db.sync.changelog import central_now
from tests.sync.helpers import approve, central_rows, draft_and_submit

SKEW = dt.timedelta(days=400)
CLOSE_ENOUGH = dt.timedelta(minutes=5)


class FastDatetime(dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return dt.datetime.now(tz) + SKEW


@pytest.fixture
def fast_workstation_clock(monkeypatch):
    """The workstation's own clock (what db.clock and the engine read) runs 400 days fast."""
    fast = types.SimpleNamespace(datetime=FastDatetime, timezone=dt.timezone, timedelta=dt.timedelta, date=dt.date)
    monkeypatch.setattr(clock, "dt", fast)
    monkeypatch.setattr(engine, "dt", fast)
    clock.set_source(None)
    yield
    clock.set_source(None)       # the source the sync set measured its offset against the fast clock


CENTRAL_STAMPS = {
    "change_log": "SELECT at FROM change_log",
    "applied_ops": "SELECT applied_at FROM applied_ops",
    "decision recorded": "SELECT recorded_at FROM wf_decision",
    "decision made": "SELECT decided_at FROM wf_decision",
    "item published": "SELECT published_at FROM wf_item WHERE published_at IS NOT NULL",
    "item updated": "SELECT updated_at FROM wf_item",
    "publication": "SELECT published_at FROM pub_item",
}


def test_central_stamps_follow_the_database_clock(central, make_client, fast_workstation_clock):
    drafter = make_client("drafter").use()
    item_id = draft_and_submit("时钟偏差下的公告").item_id
    assert clock.parse(clock.now()) - dt.datetime.now(dt.timezone.utc) > SKEW - CLOSE_ENOUGH, "the clock is fast"
    drafter.sync(central.db)
    leader = make_client("leader")
    leader.sync(central.db)
    approve(item_id)
    leader.sync(central.db)

    database_time = clock.parse(central_now(central.db))
    for what, sql in CENTRAL_STAMPS.items():
        stamps = [row[0] for row in central_rows(central.db, sql)]
        assert stamps, what
        off = [stamp for stamp in stamps if abs(clock.parse(stamp) - database_time) > CLOSE_ENOUGH]
        assert off == [], f"{what} stamped by a workstation clock"
    local = Decision.get(Decision.item == item_id)
    assert abs(clock.parse(local.decided_at) - database_time) < CLOSE_ENOUGH, "the local decision too, once synced"
