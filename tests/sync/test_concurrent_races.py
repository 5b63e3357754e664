"""Races between pushes that really run at the same time: two workstations, two threads,
two central connections. The first push holds its transaction open at COMMIT until the
server shows the second one waiting on a row lock, so the two overlap for certain and the
first to commit is known; its decision must stand and the other must be recorded as lost.
"""
from __future__ import annotations

import threading

import pytest

from db import database as dbmod, directory
from db.models import Section
from db.sync.engine import SyncEngine
from db.sync.models import SyncConflict
from db.sync.push import Hooks
from tests.sync.conftest import server_or_skip
from tests.sync.helpers import approve, central_rows, draft_and_submit, return_it, user, wait_until

FIRST, SECOND = "zhangweidong", "limeihua"      # both supervise the trading section here


def lock_waiters(admin, central) -> int:
    """Sessions of this central database waiting for a lock, as the server reports them."""
    if central.backend == "mariadb":
        sql = ("SELECT count(*) FROM information_schema.innodb_trx t JOIN information_schema.processlist p"
               " ON p.id = t.trx_mysql_thread_id WHERE t.trx_state = 'LOCK WAIT' AND p.db = %s")
    else:
        sql = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'"
    return admin.execute_sql(sql, (central.name,)).fetchone()[0]


def item_before_two_leaders(central, make_client):
    """One submitted item in both leaders' queues, the leaders' workstations now offline."""
    boss = make_client("admin").use()
    directory.set_section_leaders(user("admin"), Section.get(Section.code == "trading"),
                                  [user(FIRST), user(SECOND)])
    boss.sync(central.db)
    drafter = make_client("drafter").use()
    item_id = draft_and_submit("两位领导同时审批的公告").item_id
    drafter.sync(central.db)
    first, second = make_client("leader-first"), make_client("leader-second")
    first.sync(central.db)
    second.sync(central.db)
    return item_id, first, second


DECIDE = {"approve": lambda item_id, who: approve(item_id, who),
          "return": lambda item_id, who: return_it(item_id, "请补充材料", who)}


class SimultaneousPushes:
    """Two syncs on their own threads and connections, started together at a barrier."""

    def __init__(self, central):
        self.central = central
        self.admin = server_or_skip(central.backend)
        self.barrier = threading.Barrier(2)
        self.first_at_commit = threading.Event()
        self.opening = threading.Lock()      # db.database binds one profile path per open
        self.overlapped = False
        self.errors: list[BaseException] = []

    def _hold_commit(self, _ops) -> None:
        self.first_at_commit.set()
        self.overlapped = wait_until(lambda: lock_waiters(self.admin, self.central) > 0)

    def _run(self, client, first: bool) -> None:
        connection = self.central.connect()
        try:
            with self.opening:
                client.use()
            self.barrier.wait(timeout=30)
            if not first:
                assert self.first_at_commit.wait(timeout=30), "the first push never reached COMMIT"
            hooks = Hooks(before_commit=self._hold_commit) if first else None
            SyncEngine(client.profile, connection, hooks=hooks).run()
        except BaseException as exc:   # noqa: BLE001 — reported by the test thread
            self.errors.append(exc)
        finally:
            connection.close()
            dbmod.close()

    def run(self, first_client, second_client) -> None:
        threads = [threading.Thread(target=self._run, args=(first_client, True)),
                   threading.Thread(target=self._run, args=(second_client, False))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        self.admin.close()
        assert not any(thread.is_alive() for thread in threads), "a push hung"
        assert self.errors == []
        assert self.overlapped, "the second push was never seen waiting while the first held its transaction"


@pytest.mark.central
@pytest.mark.parametrize("first_does, second_does, lost_as", [
    ("approve", "approve", "superseded"),      # two leaders approve the same version offline
    ("approve", "return", "race"),
    ("return", "approve", "race"),
])
def test_the_first_commit_wins_and_the_other_is_recorded(server_central, make_client, first_does, second_does,
                                                          lost_as):
    item_id, first, second = item_before_two_leaders(server_central, make_client)
    first.use()
    DECIDE[first_does](item_id, FIRST)
    second.use()
    DECIDE[second_does](item_id, SECOND)

    SimultaneousPushes(server_central).run(first, second)

    decisions = central_rows(server_central.db, "SELECT d.outcome, d.status, u.username FROM wf_decision d"
                                                " JOIN dir_user u ON u.id = d.decider_id ORDER BY u.username")
    assert sorted(decisions, key=lambda row: row[2] != FIRST) == [
        (first_does, "authoritative", FIRST), (second_does, "superseded", SECOND)]
    published = central_rows(server_central.db, "SELECT p.decision_id FROM pub_item p")
    winner = central_rows(server_central.db, "SELECT id FROM wf_decision WHERE status = 'authoritative'")
    assert published == (winner if first_does == "approve" else [])
    assert central_rows(server_central.db, "SELECT state FROM wf_item WHERE id = ?", (item_id,)) == [
        ("published" if first_does == "approve" else "returned",)]

    second.sync(server_central.db)
    assert [(c.kind, c.item_id) for c in SyncConflict.select()] == [(lost_as, item_id)], "the loser sees why"
    first.sync(server_central.db)
    assert SyncConflict.select().count() == 0, "the winner has nothing to settle"
