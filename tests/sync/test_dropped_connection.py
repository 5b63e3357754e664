"""A lost acknowledgement on a connection that really dropped (MariaDB, PostgreSQL): the push's
COMMIT reaches the server, then its session is killed by an administrator (`KILL` /
`pg_terminate_backend`) and the answer never reaches the client. The retry must find the
stored result and leave exactly one effect."""
from __future__ import annotations

import pytest

from db.central.connect import open_central, parse_url
from db.sync.errors import CentralUnreachable
from db.sync.push import Hooks
from tests.sync.commit_cutter import CommitCutter
from tests.sync.conftest import ADMIN_URLS
from tests.sync.helpers import approve, central_rows, pending_ops, submitted_to_the_leader

SESSION_ID = {"mariadb": "SELECT CONNECTION_ID()", "postgresql": "SELECT pg_backend_pid()"}
KILL = {"mariadb": "KILL {id}", "postgresql": "SELECT pg_terminate_backend({id})"}


class Session:
    """The sync's own server session, learnt inside its transaction, killed from outside."""

    def __init__(self, backend: str, connection):
        self.backend, self.connection, self.id = backend, connection, None

    def learn_and_arm(self, cutter: CommitCutter):
        def before_commit(_ops):
            self.id = int(self.connection.execute_sql(SESSION_ID[self.backend]).fetchone()[0])
            cutter.arm()
        return before_commit

    def kill(self) -> None:
        admin = open_central(ADMIN_URLS[self.backend])
        try:
            admin.execute_sql(KILL[self.backend].format(id=self.id))
        finally:
            admin.close()


def effects(central_db) -> tuple:
    return tuple(central_rows(central_db, sql)[0][0] for sql in (
        "SELECT count(*) FROM wf_decision", "SELECT count(*) FROM pub_item",
        "SELECT count(*) FROM change_log WHERE entity = 'publication'", "SELECT count(*) FROM applied_ops"))


@pytest.mark.central
def test_a_commit_whose_answer_died_with_its_connection_is_applied_once(server_central, make_client):
    (item_id,), _drafter, leader = submitted_to_the_leader(server_central.db, make_client, "断线后重试的审批")
    approve(item_id)
    before = effects(server_central.db)

    address = parse_url(server_central.url)
    cutter = CommitCutter((address.host, address.port), kill_session=lambda: session.kill())
    relayed = open_central(server_central.url.replace(f":{address.port}/", f":{cutter.port}/"))
    session = Session(server_central.backend, relayed)
    try:
        with pytest.raises(CentralUnreachable) as stopped:
            leader.sync(relayed, hooks=Hooks(before_commit=session.learn_and_arm(cutter)))
    finally:
        cutter.close()
        if not relayed.is_closed():
            relayed.close()
    assert cutter.cut.is_set(), "the COMMIT's answer was dropped and its session killed"
    assert "本地工作已保存" in str(stopped.value) and "(0, '')" not in str(stopped.value), "said in words"
    assert [op.kind for op in pending_ops()] == ["decision.record"], "the client never heard the COMMIT succeed"
    committed = effects(server_central.db)
    assert committed[:3] == (before[0] + 1, before[1] + 1, before[2] + 1), "the server did commit"

    report = leader.sync(server_central.db)
    assert report.retried == 1
    assert effects(server_central.db) == committed, "the retry got the stored result: no second effect"
    assert pending_ops() == []
    assert central_rows(server_central.db, "SELECT state FROM wf_item WHERE id = ?", (item_id,)) == [("published",)]
