"""Property: several drafter and leader workstations doing random work, syncs and network
failures (an acknowledgement lost after COMMIT, a push cut before COMMIT, a pull cut
before a page's local commit) end, after a final sync of all, with every op applied at most once, every mirror
equal to the central data, every publication equal to an approved version, nothing lost.
The work includes withdrawals (撤稿) and decisions by a deputy (代审) whose delegation
reached their workstation by sync.

Clients take turns (db.database is one per process; each client binds it when it acts).
"""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import uuid

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st
from peewee import OperationalError

from db import clock, database as dbmod, directory
from db.errors import DomainError
from db.models import Decision, Item, OutboxOp, Section, Version
from db.sync.errors import SyncStopped
from db.sync.push import Hooks
from db.workflow import delegation, submission
from db.workflow.models import Delegation
from tests.sync.conftest import Client, drop_central, make_central
from tests.sync.helpers import approve, central_rows, draft_and_submit, edit, return_it, submit, user

ROLES = [("drafter", "maxiaoyan"), ("drafter", "maxiaoyan"), ("leader", "zhangweidong"), ("leader", "limeihua"),
         ("leader", "wuhao")]          # 吴浩, a section head, decides for 张卫东 (代审)
FAULTY_SYNCS = ("sync_lost_ack", "sync_cut_push", "sync_cut_pull")
ACTIONS = st.tuples(st.sampled_from(["new", "edit", "resubmit", "withdraw", "approve", "return", "sync",
                                     *FAULTY_SYNCS]),
                    st.integers(0, len(ROLES) - 1), st.integers(0, 50))


PULL_PAGE = 4     # small pages, so a cut pull has pages behind it and before it


def network_drop(_where):
    raise OperationalError(2013, "Lost connection to server during query")


def on_second_call(fail):
    calls = []

    def hook(where):
        calls.append(where)
        if len(calls) == 2:
            fail(where)
    return hook


def faulty(action: str) -> Hooks | None:
    """The hooks of one sync: which connection failure to inject, if any."""
    if action == "sync_lost_ack":
        return Hooks(after_commit=network_drop)
    if action == "sync_cut_push":
        return Hooks(before_commit=network_drop)
    if action == "sync_cut_pull":
        return Hooks(pull_before_local_commit=on_second_call(network_drop))
    return None


def act(client_role, username, action, pick, central_db, client, n):
    if action == "sync" or action in FAULTY_SYNCS:
        try:
            client.sync(central_db, hooks=faulty(action), page_size=PULL_PAGE)
        except SyncStopped:
            pass
        return
    client.use()
    try:
        if action == "new" and client_role == "drafter":
            draft_and_submit(f"随机公告{n}-{uuid.uuid4().hex[:4]}", username)
            return
        candidates = list(Item.select().order_by(Item.id))
        if not candidates:
            return
        item = candidates[pick % len(candidates)]
        if action == "edit" and client_role == "drafter":
            edit(item.id, item.title + "·改", username)
        elif action == "resubmit" and client_role == "drafter":
            submit(item, username)
        elif action == "withdraw" and client_role == "drafter":
            submission.request_withdrawal(user(username), item, "随机撤稿")
        elif action == "approve" and client_role == "leader":
            approve(item.id, username)
        elif action == "return" and client_role == "leader":
            return_it(item.id, "随机退回", username)
    except DomainError:
        pass     # the local rules said no: a real user would see the message


def mirror_of_client() -> dict:
    versions = {(v.id, v.item_id, v.number, v.content_hash) for v in Version.select()}
    decisions = {(d.id, d.status) for d in Decision.select()}
    published = {(i.id, i.published_version_no) for i in Item.select() if i.published_version_no}
    withdrawn = {i.id for i in Item.select().where(Item.state == "withdrawn")}
    return {"versions": versions, "decisions": decisions, "published": published, "withdrawn": withdrawn}


def mirror_of_central(db) -> dict:
    return {
        "versions": set(central_rows(db, "SELECT id, item_id, number, content_hash FROM wf_version")),
        "decisions": set(central_rows(db, "SELECT id, status FROM wf_decision")),
        "published": set(central_rows(db, "SELECT id, published_version_no FROM wf_item WHERE published_version_no IS NOT NULL")),
        "withdrawn": {row[0] for row in central_rows(db, "SELECT id FROM wf_item WHERE state = 'withdrawn'")},
    }


def run_scenario(backend, steps, tmp_path, template_profile, pool, extra=None):
    root = tmp_path / uuid.uuid4().hex[:8]
    root.mkdir()
    central, admin = make_central(backend, root, template_profile, pool)
    try:
        boss = Client(root / "admin", template_profile).use()
        directory.set_section_leaders(user("admin"), Section.get(Section.code == "trading"),
                                      [user("zhangweidong"), user("limeihua")])
        today = clock.local_today()
        delegation.delegate(user("admin"), user("zhangweidong"), user("wuhao"), today, today + dt.timedelta(days=30))
        boss.sync(central.db)
        clients = [Client(root / f"c{n}", template_profile) for n in range(len(ROLES))]
        for n, (action, who, pick) in enumerate(steps):
            role, username = ROLES[who]
            act(role, username, action, pick, central.db, clients[who], n)
        for _round in range(2):
            for client in clients:
                client.sync(central.db)
        check_invariants(central.db, clients)
        if extra is not None:
            extra(central.db)
    finally:
        dbmod.close()
        drop_central(central, admin)
        shutil.rmtree(root, ignore_errors=True)


# How each server words a second insert of the same key: a retry applied twice would show so.
DUPLICATE_KEY = re.compile(r"UNIQUE constraint|Duplicate entry|duplicate key", re.I)


def check_invariants(db, clients):
    applied = central_rows(db, "SELECT op_id FROM applied_ops")
    assert len(applied) == len(set(applied)), "every op applied at most once"
    central_mirror = mirror_of_central(db)
    for client in clients:
        client.use()
        assert OutboxOp.select().where(OutboxOp.state == "pending").count() == 0, "nothing left behind"
        assert mirror_of_client() == central_mirror
        assert [d.deputy_id for d in Delegation.select()] == [user("wuhao").id], "the delegation reached everyone"
        refused = {op.op_id for op in OutboxOp.select().where(OutboxOp.state == "conflict")}
        from db.sync.models import SyncConflict
        assert refused <= {c.op_id for c in SyncConflict.select()}, "every refused op is a visible conflict"
        duplicates = [c.message for c in SyncConflict.select() if DUPLICATE_KEY.search(c.message or "")]
        assert not duplicates, "a retried op was applied again and hit its own first effect"
    withdrawn = central_mirror["withdrawn"]
    assert not withdrawn & {row[0] for row in central_rows(db, "SELECT item_id FROM pub_item")}, "撤稿 is off the site"
    for item_id, number, digest, decision_id in central_rows(
            db, "SELECT item_id, version_no, content_hash, decision_id FROM pub_item"):
        [(status, outcome, final, hash_)] = central_rows(
            db, "SELECT status, outcome, is_final, content_hash FROM wf_decision WHERE id = ?", (decision_id,))
        assert (status, outcome, final, hash_) == ("authoritative", "approve", 1, digest)
        [(content,)] = central_rows(db, "SELECT content FROM wf_version WHERE item_id = ? AND number = ?",
                                    (item_id, number))
        assert json.loads(content)["title"] == central_rows(db, "SELECT title FROM pub_item WHERE item_id = ?",
                                                            (item_id,))[0][0]


DEPUTY_AND_WITHDRAWAL = [("new", 0, 0), ("sync", 0, 0), ("sync", 4, 0), ("approve", 4, 0), ("sync", 4, 0),
                         ("sync", 0, 0), ("withdraw", 0, 0), ("sync", 0, 0), ("sync", 3, 0), ("approve", 3, 0)]


def test_a_deputy_approval_and_a_withdrawal_converge(tmp_path, template_profile, central_pool):
    def happened(db):
        assert central_rows(db, "SELECT count(*) FROM wf_decision WHERE on_behalf_of_id IS NOT NULL"
                                " AND status = 'authoritative'") == [(1,)], "吴浩 approved for 张卫东"
        assert central_rows(db, "SELECT state FROM wf_item") == [("withdrawn",)]
        assert central_rows(db, "SELECT count(*) FROM pub_item") == [(0,)]
    run_scenario("sqlite", DEPUTY_AND_WITHDRAWAL, tmp_path, template_profile, central_pool, happened)


# Every kind of injected failure, whatever the random draws: a push cut before and after
# COMMIT, and a leader's pull cut after its first page.
EVERY_FAULT = [("new", 0, 0), ("new", 0, 1), ("sync_cut_push", 0, 0), ("sync_lost_ack", 0, 0), ("sync", 0, 0),
               ("sync_cut_pull", 2, 0), ("sync", 2, 0), ("approve", 2, 0), ("sync_cut_push", 2, 0), ("sync", 2, 0),
               ("sync_cut_pull", 3, 0)]


@pytest.mark.slow
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(steps=st.lists(ACTIONS, min_size=4, max_size=18))
@example(steps=EVERY_FAULT)
def test_random_work_converges_on_sqlite(steps, tmp_path, template_profile, central_pool):
    run_scenario("sqlite", steps, tmp_path, template_profile, central_pool)


@pytest.mark.central
@pytest.mark.slow
@pytest.mark.parametrize("backend", ["mariadb", "postgresql"])
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(steps=st.lists(ACTIONS, min_size=4, max_size=14))
@example(steps=EVERY_FAULT)
def test_random_work_converges_on_servers(backend, steps, tmp_path, template_profile, central_pool):
    run_scenario(backend, steps, tmp_path, template_profile, central_pool)
