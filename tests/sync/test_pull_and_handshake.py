"""Pull: tombstones, interruption and resumption, fail-safe. Handshake: zero writes on mismatch."""
from __future__ import annotations

import pytest

from db.central import siteinit
from db.models import Item, ReviewTask
from db.sync import state
from db.sync.errors import EmptyDatabase, PullRefused, SchemaMismatch, WrongDatabase
from db.sync.push import Hooks
from tests.sync.conftest import spare_database
from tests.sync.helpers import central_rows, draft_and_submit, log_changes, pending_ops


class Interrupted(Exception):
    pass


def test_tombstone_for_an_unknown_item_is_a_no_op(central, make_client):
    client = make_client("leader")
    client.sync(central.db)
    before = Item.select().count()
    log_changes(central.db, [("publication", "f" * 32, "delete", {"item_id": "f" * 32})])
    report = client.sync(central.db)
    assert report.pulled == 1
    assert Item.select().count() == before
    assert state.cursor() == central_rows(central.db, "SELECT max(seq) FROM change_log")[0][0]


def test_interrupted_pull_leaves_the_cursor_and_a_resumed_pull_converges(central, make_client):
    drafter = make_client("drafter").use()
    made = [draft_and_submit(f"分页公告{n}") for n in range(6)]
    drafter.sync(central.db)
    leader = make_client("leader").use()
    calls = []

    def fail_on_second_page(seq):
        calls.append(seq)
        if len(calls) == 2:
            raise Interrupted()
    with pytest.raises(Interrupted):
        leader.sync(central.db, hooks=Hooks(pull_before_local_commit=fail_on_second_page), page_size=20)
    kept = state.cursor()
    assert kept == calls[0], "the first page's cursor stays; the second page left nothing behind"
    partial = Item.select().where(Item.id.in_([v.item_id for v in made])).count()

    leader.sync(central.db, page_size=20)
    assert state.cursor() == central_rows(central.db, "SELECT max(seq) FROM change_log")[0][0]
    assert Item.select().where(Item.id.in_([v.item_id for v in made])).count() == 6 >= partial
    assert ReviewTask.select().where(ReviewTask.state == "open").count() == 6, "each item waits in the leader's queue"


def test_a_pull_removing_most_local_items_is_refused(sqlite_central, make_client):
    client = make_client("leader")
    client.sync(sqlite_central.db)
    local = [draft_and_submit(f"本地公告{n}").item_id for n in range(30)]     # local items to protect
    log_changes(sqlite_central.db, [("publication", item_id, "delete", {"item_id": item_id}) for item_id in local[:25]])
    cursor = state.cursor()
    with pytest.raises(PullRefused) as refused:
        client.sync(sqlite_central.db)
    assert "为防止误删" in str(refused.value) and "25" in str(refused.value)
    assert state.cursor() == cursor


def test_a_new_workstation_is_not_stopped_by_the_sites_past_withdrawals(sqlite_central, make_client):
    """Tombstones of items this profile never had remove nothing here, however many."""
    client = make_client("leader")
    for n in range(5):
        draft_and_submit(f"本地公告{n}")
    log_changes(sqlite_central.db, [("publication", f"{n:032x}", "delete", {"item_id": f"{n:032x}"}) for n in range(40)])
    client.sync(sqlite_central.db)
    assert state.cursor() == central_rows(sqlite_central.db, "SELECT max(seq) FROM change_log")[0][0]


def _central_fingerprint(db) -> tuple:
    return tuple(central_rows(db, f"SELECT count(*) FROM {table}")[0][0]
                 for table in ("wf_item", "wf_version", "applied_ops", "change_log"))


def test_wrong_database_writes_nothing_and_keeps_local_work(central, make_client, tmp_path):
    client = make_client("drafter").use()
    draft_and_submit("应保留的本地工作")
    client.sync(central.db)
    draft_and_submit("第二条本地工作")
    with spare_database(central.backend, tmp_path, initialised=True) as other:
        before = _central_fingerprint(other)
        with pytest.raises(WrongDatabase) as refused:
            client.sync(other)
        assert "未写入任何数据" in str(refused.value)
        assert _central_fingerprint(other) == before
    assert len(pending_ops()) == 1
    assert state.get(state.LAST_ERROR).startswith("连接的不是")


def test_empty_database_writes_nothing_and_says_run_site_init(central, make_client, tmp_path):
    client = make_client("drafter").use()
    draft_and_submit("空库前的工作")
    with spare_database(central.backend, tmp_path) as empty:
        with pytest.raises(EmptyDatabase) as refused:
            client.sync(empty)
        assert "site-init" in str(refused.value) and "本地工作已保存" in str(refused.value)
        assert empty.get_tables() == []
    assert len(pending_ops()) == 1
    assert state.get(state.INSTANCE_ID) == "", "an empty database is never pinned as this profile's site"


@pytest.mark.parametrize("version, words", [(99, "比本工作站新"), (0, "过旧")])
def test_schema_too_new_or_too_old_writes_nothing(central, make_client, version, words):
    client = make_client("drafter").use()
    draft_and_submit("结构版本不符")
    central_rows(central.db, "UPDATE sync_meta SET value = ? WHERE name = 'schema_version'", (str(version),))
    before = _central_fingerprint(central.db)
    with pytest.raises(SchemaMismatch) as refused:
        client.sync(central.db)
    assert words in str(refused.value) and "本地工作已保存" in str(refused.value)
    assert _central_fingerprint(central.db) == before
    assert len(pending_ops()) == 1


def test_site_init_is_idempotent_and_keeps_the_instance_id(sqlite_central):
    first = central_rows(sqlite_central.db, "SELECT value FROM sync_meta WHERE name = 'instance_id'")
    report = siteinit.init_site(sqlite_central.db)
    assert report.applied == [] and not report.created
    assert central_rows(sqlite_central.db, "SELECT value FROM sync_meta WHERE name = 'instance_id'") == first


def test_txn_collects_changes_in_commit_order(sqlite_central):
    db = sqlite_central.db
    last = log_changes(db, [("x", "1", "upsert", {}), ("x", "2", "upsert", {})])
    rows = central_rows(db, "SELECT seq, entity_id FROM change_log WHERE entity = 'x' ORDER BY seq")
    assert [r[1] for r in rows] == ["1", "2"] and rows[-1][0] == last
