"""Ops with no central rows of their own (代审, calendar, word lists, overrides, card
templates) reach the other workstations through the change log, applied idempotently."""
from __future__ import annotations

import datetime as dt

from db import clock, workdays
from db.cards import templates
from db.cards.models import CardLayoutTemplate, CardTemplateRecord
from db.checks import lists, service
from db.checks.models import FindingOverride, SensitiveWord
from db.models import Item, ReviewTask
from db.sync import state
from db.workflow import calendar, delegation, routing
from db.workflow.models import Delegation
from tests.sync.helpers import central_rows, draft, draft_and_submit, log_changes, submit, user


def synced(central_db, *clients) -> None:
    for client in clients:
        client.sync(central_db)


def test_a_delegation_and_its_revocation_reach_the_deputys_workstation(central, make_client):
    admin, deputy = make_client("admin").use(), make_client("deputy")
    today = clock.local_today()
    granted = delegation.delegate(user("admin"), user("zhangweidong"), user("wuhao"), today,
                                  today + dt.timedelta(days=7), "出差期间")
    synced(central.db, admin, deputy)
    trading = user("maxiaoyan").section_id
    assert routing.authority(user("wuhao"), "leader", trading).on_behalf_of.id == user("zhangweidong").id
    admin.use()
    delegation.revoke(user("admin"), granted.id)
    synced(central.db, admin, deputy)
    assert Delegation.get_by_id(granted.id).revoked_at is not None


def test_a_holiday_set_elsewhere_moves_the_deadlines_here(sqlite_central, make_client):
    drafter, leader = make_client("drafter").use(), make_client("leader")
    version = draft_and_submit("截止日期随日历变化")
    synced(sqlite_central.db, drafter, leader)
    due = ReviewTask.get(ReviewTask.item == version.item_id).due_on
    day = clock.local_today() + dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    drafter.use()
    calendar.set_day(user("admin"), day, False, "临时放假")
    synced(sqlite_central.db, drafter, leader)
    assert workdays.overrides()[day.isoformat()] is False
    assert calendar.month(day.year, day.month)[day.day - 1].note == "临时放假"
    assert ReviewTask.get(ReviewTask.item == version.item_id).due_on > due, "one working day fewer"


def test_the_same_word_added_on_two_workstations_ends_as_one_entry(sqlite_central, make_client):
    first, second = make_client("first").use(), make_client("second")
    lists.save_sensitive(user("admin"), "某某领导", "blocking", "甲添加")
    second.use()
    lists.save_sensitive(user("admin"), "某某领导", "warning", "乙添加")
    synced(sqlite_central.db, first, second, first)
    seen = []
    for client in (first, second):
        client.use()
        seen.append([(w.id, w.severity, w.note) for w in SensitiveWord.select().where(SensitiveWord.word == "某某领导")])
    assert seen[0] == seen[1] and len(seen[0]) == 1 and seen[0][0][2] == "乙添加", "the later word wins everywhere"
    second.use()
    lists.remove_entry(user("admin"), lists.SENSITIVE, seen[0][0][0])
    synced(sqlite_central.db, second, first)
    assert not SensitiveWord.select().where(SensitiveWord.word == "某某领导").exists()


def test_an_override_travels_and_one_for_an_item_still_on_its_way_waits(sqlite_central, make_client):
    drafter, leader = make_client("drafter").use(), make_client("leader")
    item = draft("值班手机已公开的通知")
    Item.update(body_html="<p>值班电话13800138000。</p>").where(Item.id == item.id).execute()
    [finding] = [f for f in service.findings_for_item(Item.get_by_id(item.id)) if f.rule == "mobile"]
    override = service.override(user("maxiaoyan"), Item.get_by_id(item.id), finding, "中心对外公布的值班手机")
    log_changes(sqlite_central.db, [("check.override", override.id, "upsert",
                                     {"op_id": "early", "kind": "check.override", "created_by": user("maxiaoyan").id,
                                      "payload": {"id": override.id, "item_id": item.id, "version_id": "",
                                                  "key": finding.key, "rule": "mobile", "reason": "早到的例外"}})])
    leader.sync(sqlite_central.db)
    assert not FindingOverride.select().exists() and "早到的例外" in state.get("relay_deferred")
    drafter.use()
    submit(Item.get_by_id(item.id))
    synced(sqlite_central.db, drafter, leader)
    [arrived] = FindingOverride.select()
    assert (arrived.id, arrived.item_id, arrived.created_by_id) == (override.id, item.id, user("maxiaoyan").id)
    assert state.get("relay_deferred") == "[]"


def test_card_templates_and_layout_choices_travel_and_applying_twice_changes_nothing(sqlite_central, make_client):
    admin, desk = make_client("admin").use(), make_client("desk")
    shipped = templates.all_templates()[0]
    made = templates.save_template(user("admin"), None, "窗口简版", shipped.elements[:3])
    templates.set_layout_template(user("admin"), "placard", made.id)
    synced(sqlite_central.db, admin, desk)
    assert CardTemplateRecord.get_by_id(made.id).name == "窗口简版"
    assert CardLayoutTemplate.get_by_id("placard").template_id == made.id
    before = [(r.id, r.name, r.body) for r in CardTemplateRecord.select()]
    state.put(state.CURSOR, 0)                      # the whole change log once more
    report = desk.sync(sqlite_central.db)
    assert report.pulled == central_rows(sqlite_central.db, "SELECT count(*) FROM change_log")[0][0]
    assert [(r.id, r.name, r.body) for r in CardTemplateRecord.select()] == before
