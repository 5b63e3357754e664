"""Only exactly what a supervising leader approved reaches the website, decided by commit order."""
from __future__ import annotations

import json

from db import directory
from db.models import Decision, Item, Section
from db.sync.models import SyncConflict
from db.workflow import submission
from tests.sync.helpers import (
    approve, central_rows, draft_and_submit, edit, pending_ops, return_it, submit, user,
)


def published(central_db):
    return central_rows(central_db, "SELECT item_id, version_no, content_hash FROM published_now")


def second_leader_for_trading(central, make_client):
    admin = make_client("admin").use()
    trading = Section.get(Section.code == "trading")
    directory.set_section_leaders(user("admin"), trading, [user("zhangweidong"), user("limeihua")])
    admin.sync(central.db)


def test_publication_hash_equals_the_approved_versions_hash(central, make_client):
    drafter = make_client("drafter").use()
    version = draft_and_submit("招标公告：某路段改造工程")
    drafter.sync(central.db)
    leader = make_client("leader")
    leader.sync(central.db)
    approve(version.item_id)
    leader.sync(central.db)
    [(item_id, number, digest)] = published(central.db)
    assert (item_id, number, digest) == (version.item_id, 1, version.content_hash)
    [(content, title)] = central_rows(central.db, "SELECT content, title FROM pub_item")
    assert content == version.content and title == "招标公告：某路段改造工程"


def test_approval_of_v1_after_v2_was_submitted_publishes_nothing(central, make_client):
    drafter = make_client("drafter").use()
    v1 = draft_and_submit("第一版标题")
    drafter.sync(central.db)
    leader = make_client("leader")
    leader.sync(central.db)

    drafter.use()
    edit(v1.item_id, "第二版标题")
    submit(Item.get_by_id(v1.item_id))
    drafter.sync(central.db)

    leader.use()
    approve(v1.item_id)            # the leader, offline, still sees v1
    report = leader.sync(central.db)
    assert report.conflicts == 1
    assert published(central.db) == []
    conflict = SyncConflict.get()
    assert conflict.kind == "stale" and conflict.for_user == user("zhangweidong").id
    assert central_rows(central.db, "SELECT status FROM wf_decision") == [("stale",)]
    assert Item.get_by_id(v1.item_id).latest_version_no == 2, "the pull brought version 2 to the leader"


def test_two_leaders_approving_offline_one_authoritative_one_superseded_one_publication(central, make_client):
    second_leader_for_trading(central, make_client)
    drafter = make_client("drafter").use()
    version = draft_and_submit("两位领导同时审批")
    drafter.sync(central.db)
    first, second = make_client("zhang"), make_client("li")
    first.sync(central.db)
    second.sync(central.db)
    first.use()
    approve(version.item_id, "zhangweidong")
    second.use()
    approve(version.item_id, "limeihua")

    first.sync(central.db)
    report = second.sync(central.db)
    assert report.conflicts == 1
    statuses = sorted(row[0] for row in central_rows(central.db, "SELECT status FROM wf_decision"))
    assert statuses == ["authoritative", "superseded"]
    assert len(published(central.db)) == 1
    shown = SyncConflict.get()
    assert shown.kind == "superseded" and shown.for_user == user("limeihua").id
    assert Decision.get(Decision.decider == user("limeihua")).status == "superseded"


def test_approve_versus_return_race_is_won_by_the_first_commit(central, make_client):
    second_leader_for_trading(central, make_client)
    drafter = make_client("drafter").use()
    version = draft_and_submit("批准与退回竞争")
    drafter.sync(central.db)
    approver, returner = make_client("zhang"), make_client("li")
    approver.sync(central.db)
    returner.sync(central.db)
    approver.use()
    approve(version.item_id, "zhangweidong")
    returner.use()
    return_it(version.item_id, "数据有误，请核对", "limeihua")

    returner.sync(central.db)                 # the return commits first …
    report = approver.sync(central.db)        # … so the approval loses
    assert report.conflicts == 1
    assert published(central.db) == []
    assert SyncConflict.get().kind == "race"
    assert Item.get_by_id(version.item_id).state == "returned"
    assert central_rows(central.db, "SELECT state, return_reason FROM wf_item") == [("returned", "数据有误，请核对")]


def test_withdrawal_removes_the_item_from_the_websites_query(central, make_client):
    drafter = make_client("drafter").use()
    version = draft_and_submit("将被撤下的公告")
    drafter.sync(central.db)
    leader = make_client("leader")
    leader.sync(central.db)
    approve(version.item_id)
    leader.sync(central.db)
    assert len(published(central.db)) == 1

    drafter.sync(central.db)
    submission.request_withdrawal(user("maxiaoyan"), Item.get_by_id(version.item_id), "内容已过时")
    drafter.sync(central.db)
    leader.sync(central.db)
    approve(version.item_id)
    leader.sync(central.db)
    assert published(central.db) == []
    assert central_rows(central.db, "SELECT count(*) FROM pub_item")[0][0] == 0
    drafter.sync(central.db)
    assert Item.get_by_id(version.item_id).state == "withdrawn"


def test_go_live_and_expiry_are_honoured_by_published_now(sqlite_central, make_client):
    drafter = make_client("drafter").use()
    version = draft_and_submit("定时发布")
    drafter.sync(sqlite_central.db)
    leader = make_client("leader")
    leader.sync(sqlite_central.db)
    approve(version.item_id)
    leader.sync(sqlite_central.db)
    db = sqlite_central.db
    db.execute_sql("DROP TRIGGER pub_item_guard_update")     # the test plays the website's scheduler data
    db.execute_sql("UPDATE pub_item SET go_live_at = '2999-01-01T00:00:00Z'")
    assert published(db) == []
    db.execute_sql("UPDATE pub_item SET go_live_at = NULL, expires_at = '2000-01-01T00:00:00Z'")
    assert published(db) == []
    db.execute_sql("UPDATE pub_item SET expires_at = '2999-01-01T00:00:00Z'")
    assert len(published(db)) == 1


def test_ops_are_applied_in_order_and_none_is_left_pending(central, make_client):
    drafter = make_client("drafter").use()
    versions = [draft_and_submit(f"批量公告{n}") for n in range(5)]
    drafter.sync(central.db, batch_size=2)
    assert pending_ops() == []
    seqs = [row[0] for row in central_rows(central.db, "SELECT seq FROM change_log ORDER BY seq")]
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))
    logged = [json.loads(p)["id"] for (p,) in central_rows(
        central.db, "SELECT payload FROM change_log WHERE entity = 'version' ORDER BY seq")]
    assert logged == [v.id for v in versions]
