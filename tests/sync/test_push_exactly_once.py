"""Push is exactly-once across lost acknowledgements, cut connections and crashes."""
from __future__ import annotations

import pytest
from peewee import OperationalError

from db.models import OutboxOp
from db.sync.errors import CentralUnreachable
from db.sync.push import Hooks
from tests.sync.helpers import approve, central_rows, draft_and_submit, pending_ops


class LostAck(Exception):
    """The COMMIT reached the server but its answer never came back."""


def lose_ack(batch):
    raise OperationalError(2013, "Lost connection to server during query")


def cut_before_commit(batch):
    raise OperationalError(2006, "Server has gone away")


def effects(central_db, item_id):
    versions = central_rows(central_db, "SELECT count(*) FROM wf_version WHERE item_id = ?", (item_id,))[0][0]
    logged = central_rows(central_db, "SELECT count(*) FROM change_log WHERE entity = 'version'")[0][0]
    applied = central_rows(central_db, "SELECT count(*) FROM applied_ops")[0][0]
    return versions, logged, applied


def test_lost_commit_acknowledgement_leaves_exactly_one_effect(central, make_client):
    client = make_client("drafter").use()
    version = draft_and_submit("确认丢失的招标公告")
    with pytest.raises(CentralUnreachable):
        client.sync(central.db, hooks=Hooks(after_commit=lose_ack))
    assert [op.kind for op in pending_ops()] == ["version.submit"], "the op stays pending locally"
    assert effects(central.db, version.item_id) == (1, 1, 1), "the first COMMIT did happen"

    report = client.sync(central.db)
    assert report.retried == 1
    assert effects(central.db, version.item_id) == (1, 1, 1), "the retry returned the stored result, no second effect"
    assert pending_ops() == []
    assert OutboxOp.get().state == "applied"


def test_push_cut_before_commit_leaves_nothing_and_op_pending(central, make_client):
    client = make_client("drafter").use()
    version = draft_and_submit("提交前断线")
    with pytest.raises(CentralUnreachable) as stopped:
        client.sync(central.db, hooks=Hooks(before_commit=cut_before_commit))
    assert "本地工作已保存" in str(stopped.value)
    assert effects(central.db, version.item_id) == (0, 0, 0)
    assert len(pending_ops()) == 1

    client.sync(central.db)
    assert effects(central.db, version.item_id) == (1, 1, 1)
    assert pending_ops() == []


def test_client_killed_after_central_commit_recovers_without_duplicates(central, make_client):
    drafter = make_client("drafter").use()
    version = draft_and_submit("崩溃恢复")
    drafter.sync(central.db)
    leader = make_client("leader")
    leader.sync(central.db)
    approve(version.item_id)

    class Killed(BaseException):
        pass

    def die(batch):
        raise Killed()
    with pytest.raises(Killed):
        leader.sync(central.db, hooks=Hooks(after_commit=die))
    assert len(pending_ops()) == 1, "the process died before marking its outbox"

    leader.use()      # a new process opens the profile again
    again = central.connect()
    try:
        report = leader.sync(again)
    finally:
        again.close()
    assert report.retried == 1
    assert central_rows(central.db, "SELECT count(*) FROM wf_decision")[0][0] == 1
    assert central_rows(central.db, "SELECT count(*) FROM pub_item")[0][0] == 1
    assert pending_ops() == []
