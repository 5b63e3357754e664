"""Edit of a withdrawn item: a drafter revises a published item offline while, at another
workstation, it is withdrawn (撤稿). After the drafter's sync the clash is a conflict the
drafter sees, with the edit kept in it; nothing is silently dropped and nothing goes live."""
from __future__ import annotations

import json

from db.models import Item
from db.sync import conflicts
from db.workflow import submission
from tests.sync.helpers import approve, central_rows, edit, submit, submitted_to_the_leader, user

EDITED = "修订后的招标公告（离线修改）"


def published_then_withdrawn_elsewhere(central, make_client):
    """Returns the item id and the first drafter's workstation, offline since the item went live."""
    (item_id,), first, leader = submitted_to_the_leader(central.db, make_client, "将被撤稿的公告")
    approve(item_id)
    leader.sync(central.db)
    first.sync(central.db)                   # the first drafter sees it live, then goes offline

    second = make_client("drafter-second")
    second.sync(central.db)
    submission.request_withdrawal(user("maxiaoyan"), Item.get_by_id(item_id), "信息有误，申请撤稿")
    second.sync(central.db)
    leader.sync(central.db)
    approve(item_id)
    leader.sync(central.db)
    assert central_rows(central.db, "SELECT state FROM wf_item WHERE id = ?", (item_id,)) == [("withdrawn",)]
    return item_id, first


def test_a_submitted_edit_of_a_withdrawn_item_is_a_conflict_the_drafter_sees(central, make_client):
    item_id, first = published_then_withdrawn_elsewhere(central, make_client)
    first.use()
    edit(item_id, EDITED)
    submit(Item.get_by_id(item_id))
    report = first.sync(central.db)

    assert report.conflicts == 1
    shown = list(conflicts.open_conflicts(user("maxiaoyan")))
    assert [(c.kind, c.item_id) for c in shown] == [("withdrawn", item_id)]
    assert "撤稿" in shown[0].message
    assert EDITED in json.loads(shown[0].mine)["content"], "the submitted edit is kept whole in the conflict"
    assert central_rows(central.db, "SELECT count(*) FROM wf_version WHERE title = ?", (EDITED,)) == [(0,)]
    assert central_rows(central.db, "SELECT count(*) FROM pub_item") == [(0,)], "nothing went live"
    assert Item.get_by_id(item_id).state == "withdrawn", "the withdrawal reached this workstation"


def test_an_unsubmitted_edit_of_a_withdrawn_item_survives_the_pull(central, make_client):
    item_id, first = published_then_withdrawn_elsewhere(central, make_client)
    first.use()
    edit(item_id, EDITED)
    first.sync(central.db)

    item = Item.get_by_id(item_id)
    assert item.title == EDITED, "the working copy is never overwritten"
    assert item.state == "withdrawn"
    shown = list(conflicts.open_conflicts(user("maxiaoyan")))
    assert [(c.kind, c.item_id) for c in shown] == [("withdrawn", item_id)], "the drafter is told"
    assert "保留" in shown[0].message
    assert central_rows(central.db, "SELECT count(*) FROM pub_item") == [(0,)]
