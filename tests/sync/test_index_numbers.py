"""索引号: provisional on a workstation until the central database has seen the submission."""
from __future__ import annotations

from db.models import Item
from db.sync import index_numbers
from db.sync.models import SyncConflict
from tests.sync.helpers import approve, central_rows, draft_and_submit, edit, submit, user


def test_two_workstations_offline_end_with_different_numbers_and_the_website_shows_the_central_one(
        central, make_client):
    first = make_client("first").use()
    mine = draft_and_submit("甲工作站离线提交的公告")
    given = Item.get_by_id(mine.item_id).index_no
    assert index_numbers.is_provisional(mine.item_id)
    assert index_numbers.label(given, True) == f"{given}（暂定）"
    second = make_client("second").use()
    theirs = draft_and_submit("乙工作站离线提交的公告")
    assert Item.get_by_id(theirs.item_id).index_no == given, "both handed out the same number offline"

    first.sync(central.db)
    second.sync(central.db)
    final = Item.get_by_id(theirs.item_id).index_no
    assert final != given and final.startswith(given[:-5]), "the next serial of the same counter"
    assert not index_numbers.is_provisional(theirs.item_id)
    assert Item.get_by_id(mine.item_id).index_no == given, "the pulled item keeps its number here too"
    notice = SyncConflict.get(SyncConflict.kind == "index_no")
    assert given in notice.message and final in notice.message and notice.for_user == user("maxiaoyan").id
    first.sync(central.db)
    assert Item.get_by_id(mine.item_id).index_no == given and not SyncConflict.select().exists()
    assert sorted(row[0] for row in central_rows(central.db, "SELECT index_no FROM wf_item")) == sorted([given, final])

    leader = make_client("leader")
    leader.sync(central.db)
    approve(theirs.item_id)
    leader.sync(central.db)
    assert central_rows(central.db, "SELECT index_no FROM pub_item") == [(final,)]


def test_a_number_never_changes_once_given_centrally(sqlite_central, make_client):
    drafter = make_client("drafter").use()
    version = draft_and_submit("修改后再次提交")
    drafter.sync(sqlite_central.db)
    number = Item.get_by_id(version.item_id).index_no
    edit(version.item_id, "修改后再次提交（第二版）")
    submit(Item.get_by_id(version.item_id))
    drafter.sync(sqlite_central.db)
    assert central_rows(sqlite_central.db, "SELECT index_no FROM wf_item") == [(number,)]
    assert central_rows(sqlite_central.db, "SELECT serial FROM index_serial") == [(int(number[-5:]),)]
