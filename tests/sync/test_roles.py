"""Least privilege on the servers: staff credentials can't touch publication rows with raw SQL."""
from __future__ import annotations

import pytest
from peewee import DatabaseError

from db.central import roles
from db.ids import new_id
from tests.sync.helpers import (
    TRADING_COLUMN, approve, central_rows, draft, draft_and_submit, pending_ops, submit, user,
)

PASSWORD = "Gk-test-pw-7319"


def account(central, kind: str) -> str:
    name = f"{central.name}_{kind[:2]}u"
    roles.create_account(central.db, central.name, name, PASSWORD, kind)
    central.accounts.append(name)
    return name


def publish_one(central, make_client):
    drafter = make_client("drafter").use()
    version = draft_and_submit("已发布的公告")
    drafter.sync(central.db)
    leader = make_client("leader")
    leader.sync(central.db)
    approve(version.item_id)
    leader.sync(central.db)
    return version


def refused(db, sql: str) -> bool:
    try:
        with db.atomic():
            db.execute_sql(sql)
    except DatabaseError:
        return True
    return False


@pytest.mark.central
def test_drafter_credentials_cannot_write_publication_rows(server_central, make_client):
    version = publish_one(server_central, make_client)
    name = account(server_central, "drafter")
    drafter_db = server_central.connect(server_central.account_url(name), PASSWORD)
    try:
        assert central_rows(drafter_db, "SELECT count(*) FROM pub_item")[0][0] == 1, "reading is allowed"
        statements = [
            "INSERT INTO pub_item (item_id, version_no, content_hash, index_no, title, body_html, column_code,"
            " column_name, section_code, publisher, doc_no, topic, written_on, validity, disclosure, summary, content,"
            " approved_by, decision_id, published_at) VALUES ('x', 1, 'h', '', '伪造', '', '', '', '', '', '', '', '',"
            " '', '', '', '{}', '', 'd', '2026-01-01T00:00:00Z')",
            "UPDATE pub_item SET title = '篡改的标题'",
            "DELETE FROM pub_item",
            "DELETE FROM pub_attachment",
            "INSERT INTO pub_attachment (item_id, sha256, filename, size) VALUES ('x', 'y', 'z', 1)",
        ]
        for sql in statements:
            assert refused(drafter_db, sql), sql
        call = "CALL gk_publish('x')" if server_central.backend == "mariadb" else "SELECT gk_publish('x')"
        assert refused(drafter_db, call), "drafters hold no EXECUTE on the publishing routine"
    finally:
        drafter_db.close()
    assert central_rows(server_central.db, "SELECT title, content_hash FROM pub_item") == [
        ("已发布的公告", version.content_hash)]


@pytest.mark.central
def test_leader_credentials_publish_only_through_the_checked_routine(server_central, make_client):
    publish_one(server_central, make_client)
    name = account(server_central, "leader")
    leader_db = server_central.connect(server_central.account_url(name), PASSWORD)
    call = "CALL gk_publish('{}')" if server_central.backend == "mariadb" else "SELECT gk_publish('{}')"
    try:
        assert refused(leader_db, "UPDATE pub_item SET title = '领导也不能直接改'")
        assert refused(leader_db, call.format("no-such-decision")), "the routine checks the approval itself"
        leader_db.execute_sql("UPDATE wf_version SET content = REPLACE(content, '已发布', '偷改')")
        decision = central_rows(leader_db, "SELECT id FROM wf_decision")[0][0]
        assert refused(leader_db, call.format(decision)), "content changed after approval no longer hashes right"
    finally:
        leader_db.close()
    assert central_rows(server_central.db, "SELECT title FROM pub_item") == [("已发布的公告",)]


@pytest.mark.central
def test_website_reader_sees_only_publication(server_central, make_client):
    publish_one(server_central, make_client)
    name = account(server_central, "reader")
    reader_db = server_central.connect(server_central.account_url(name), PASSWORD)
    try:
        assert central_rows(reader_db, "SELECT count(*) FROM published_now")[0][0] == 1
        assert refused(reader_db, "SELECT count(*) FROM wf_version")
        assert refused(reader_db, "SELECT count(*) FROM dir_user")
    finally:
        reader_db.close()


def test_sqlite_triggers_refuse_unapproved_publication_rows(sqlite_central, make_client):
    publish_one(sqlite_central, make_client)
    db = sqlite_central.db
    assert refused(db, "UPDATE pub_item SET title = '篡改的标题'")
    assert refused(db, "INSERT INTO pub_item SELECT 'other', version_no, content_hash, index_no, title, body_html,"
                       " column_code, column_name, section_code, publisher, doc_no, topic, written_on, validity,"
                       " disclosure, summary, content, approved_by, decision_id, published_at, go_live_at,"
                       " expires_at FROM pub_item")


def forged_decision(version, stage: int, final: int, decider: str) -> str:
    """A decision row written by hand, as someone holding an account's password could."""
    return ("INSERT INTO wf_decision (id, item_id, version_id, version_no, content_hash, stage, is_final, outcome,"
            " comment, decider_id, on_behalf_of_id, decided_at, recorded_at, status) VALUES"
            f" ('{new_id()}', '{version.item_id}', '{version.id}', {version.number}, '{version.content_hash}', {stage},"
            f" {final}, 'approve', '', '{decider}', NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'authoritative')")


def submitted(central, make_client, title: str, column: str = TRADING_COLUMN):
    drafter = make_client(f"drafter-{column}").use()
    version = submit(draft(title, column=column))
    drafter.sync(central.db)
    return version


@pytest.mark.central
def test_a_drafter_account_cannot_forge_a_leader_decision(server_central, make_client):
    version = submitted(server_central, make_client, "等待领导审批的公告")
    name = account(server_central, "drafter")
    drafter_db = server_central.connect(server_central.account_url(name), PASSWORD)
    try:
        leader_id = user("zhangweidong").id
        assert refused(drafter_db, forged_decision(version, 1, 1, leader_id)), "no leader decision by a drafter"
        assert refused(drafter_db, "UPDATE wf_decision SET status = 'superseded'")
        assert refused(drafter_db, "DELETE FROM wf_decision")
    finally:
        drafter_db.close()
    leader = make_client("leader")
    leader.sync(server_central.db)
    approve(version.item_id)
    report = leader.sync(server_central.db)
    assert report.conflicts == 0 and len(report.published) == 1, "the genuine approval was not superseded"
    assert central_rows(server_central.db, "SELECT status FROM wf_decision") == [("authoritative",)]
    assert central_rows(server_central.db, "SELECT content_hash FROM pub_item") == [(version.content_hash,)]


@pytest.mark.central
def test_decisions_are_stamped_with_the_account_and_checked_against_its_role(server_central, make_client):
    version = submitted(server_central, make_client, "两级审核的通知", column="tzgg")     # section head, then leader
    head, leader = account(server_central, "section_head"), account(server_central, "leader")
    head_db = server_central.connect(server_central.account_url(head), PASSWORD)
    leader_db = server_central.connect(server_central.account_url(leader), PASSWORD)
    try:
        assert refused(head_db, forged_decision(version, 2, 1, user("zhangweidong").id)), "leader stage: leaders only"
        assert refused(head_db, forged_decision(version, 2, 0, user("zhangweidong").id)), "the last stage is a leader's"
        assert not refused(head_db, forged_decision(version, 1, 0, user("wuhao").id)), "the section-head stage"
        assert not refused(leader_db, forged_decision(version, 2, 1, user("zhangweidong").id))
    finally:
        head_db.close()
        leader_db.close()
    stamps = sorted(row[0].split("@")[0] for row in central_rows(server_central.db, "SELECT db_account FROM wf_decision"))
    assert stamps == sorted([head, leader])


@pytest.mark.central
def test_a_workstation_with_a_drafter_account_holds_decisions_back(server_central, make_client):
    version = submitted(server_central, make_client, "领导在信息员电脑上审批")
    leader = make_client("leader")
    leader.sync(server_central.db)
    approve(version.item_id)
    drafter_db = server_central.connect(server_central.account_url(account(server_central, "drafter")), PASSWORD)
    try:
        report = leader.sync(drafter_db)
    finally:
        drafter_db.close()
    assert report.held_back == 1 and report.pushed == 0
    [op] = pending_ops()
    assert "无权同步此审批意见" in op.last_error, "the op waits, with the reason in plain words"
    leader_db = server_central.connect(server_central.account_url(account(server_central, "leader")), PASSWORD)
    try:
        report = leader.sync(leader_db)
    finally:
        leader_db.close()
    assert len(report.published) == 1 and pending_ops() == []


@pytest.mark.central
def test_site_init_creates_a_section_head_account_the_guard_knows(server_central, monkeypatch):
    from argparse import Namespace

    from desktop.commands import site_init
    name = f"{server_central.name}_cli"
    server_central.accounts.append(name)
    monkeypatch.setenv("GK_TEST_ACCOUNT_PW", PASSWORD)
    args = Namespace(url=server_central.url, profile=None, no_roles=False,
                     account=[(name, "section_head", "GK_TEST_ACCOUNT_PW"), (name, "chief", "GK_TEST_ACCOUNT_PW")])
    assert site_init.run(args) == 1, "an unknown role is refused by name"
    args.account = args.account[:1]
    assert site_init.run(args) == 0
    head_db = server_central.connect(server_central.account_url(name), PASSWORD)
    try:
        assert roles.account_kind(head_db) == "section_head"
    finally:
        head_db.close()
