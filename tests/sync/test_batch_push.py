"""Batched push: many ops per central transaction, still exactly once, refusals isolated."""
from __future__ import annotations

import pytest
from peewee import OperationalError

from db.models import OutboxOp
from db.sync.errors import CentralUnreachable
from db.sync.models import SyncConflict
from db.sync.push import Hooks
from tests.sync.helpers import approve, central_rows, draft_and_submit, pending_ops


def lose_ack(batch):
    raise OperationalError(2013, "Lost connection to server during query")


def cut_before_commit(batch):
    raise OperationalError(2006, "Server has gone away")


def approved_items(make_client, central_db, count: int):
    """`count` items submitted (and pushed) by a drafter, then approved on a leader's workstation."""
    drafter = make_client("drafter").use()
    versions = [draft_and_submit(f"批量审批的公告{n}") for n in range(count)]
    drafter.sync(central_db)
    leader = make_client("leader")
    leader.sync(central_db)
    for version in versions:
        approve(version.item_id)
    return leader, versions


def central_counts(db) -> tuple:
    return tuple(central_rows(db, f"SELECT count(*) FROM {table}")[0][0]
                 for table in ("wf_decision", "pub_item", "applied_ops", "change_log"))


def test_a_batch_takes_one_transaction_and_one_range_of_the_counter(central, make_client):
    drafter = make_client("drafter").use()
    before = central_rows(central.db, "SELECT seq FROM sync_counter")[0][0]
    versions = [draft_and_submit(f"同一事务的公告{n}") for n in range(6)]
    report = drafter.sync(central.db, batch_size=50)
    assert report.pushed == 6
    seqs = [row[0] for row in central_rows(central.db, "SELECT seq FROM change_log WHERE seq > ? ORDER BY seq",
                                           (before,))]
    assert seqs == list(range(before + 1, before + 1 + len(seqs))), "one contiguous range, no gaps"
    assert len({row[0] for row in central_rows(central.db, "SELECT at FROM change_log WHERE seq > ?", (before,))}) == 1
    assert sorted(row[0] for row in central_rows(central.db, "SELECT id FROM wf_version")) == sorted(v.id for v in versions)


def test_a_retried_batch_returns_its_stored_results_and_changes_nothing(central, make_client):
    leader, versions = approved_items(make_client, central.db, 4)
    with pytest.raises(CentralUnreachable):
        leader.sync(central.db, hooks=Hooks(after_commit=lose_ack))
    after_first = central_counts(central.db)
    assert after_first[:2] == (4, 4), "the COMMIT went through"
    assert len(pending_ops()) == 4, "but the answer was lost: all still pending here"

    report = leader.sync(central.db)
    assert report.retried == 4 and report.conflicts == 0
    assert central_counts(central.db)[:3] == after_first[:3], "no second effect"
    assert pending_ops() == []


def test_a_batch_cut_before_commit_leaves_nothing(central, make_client):
    leader, versions = approved_items(make_client, central.db, 3)
    before = central_counts(central.db)
    with pytest.raises(CentralUnreachable):
        leader.sync(central.db, hooks=Hooks(before_commit=cut_before_commit))
    assert central_counts(central.db) == before
    assert len(pending_ops()) == 3
    leader.sync(central.db)
    assert central_counts(central.db)[:2] == (3, 3)


def test_one_approval_the_gate_refuses_does_not_hold_back_the_others(central, make_client):
    leader, versions = approved_items(make_client, central.db, 3)
    tampered = versions[1]
    central_rows(central.db, "UPDATE wf_version SET content = REPLACE(content, '批量', '偷改') WHERE id = ?",
                 (tampered.id,))
    report = leader.sync(central.db)
    assert sorted(report.published) == sorted([versions[0].item_id, versions[2].item_id])
    assert report.conflicts == 1
    assert sorted(row[0] for row in central_rows(central.db, "SELECT item_id FROM pub_item")) == \
        sorted([versions[0].item_id, versions[2].item_id])
    conflict = SyncConflict.get()
    assert conflict.kind == "rejected" and conflict.item_id == tampered.item_id
    assert OutboxOp.select().where(OutboxOp.state == "conflict").count() == 1
    assert central_rows(central.db, "SELECT count(*) FROM wf_decision WHERE item_id = ?", (tampered.item_id,)) == [(0,)]
