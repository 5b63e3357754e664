"""A policy document and its interpretation: submitted, reviewed and released together."""
from __future__ import annotations

import json

import pytest

from db import items
from db.models import Item, OutboxOp, Version
from db.workflow import bundles
from tests.helpers import user
from tests.workflow.conftest import approve, draft

POLICY = {"title": "信阳市行政审批中介服务管理办法", "topic": "0802", "doc_no": "信政服〔2017〕3号"}
READING = {"title": "《信阳市行政审批中介服务管理办法》政策解读", "topic": "0802", "doc_no": ""}


def linked_pair() -> tuple[Item, Item]:
    policy = draft("gaopeng", "zcfg", **POLICY)
    reading = draft("gaopeng", "zcjd", **READING)
    items.save_item(user("gaopeng"), reading, {"related_id": policy.id})
    return Item.get_by_id(policy.id), Item.get_by_id(reading.id)


def test_a_policy_without_its_interpretation_is_held(profile):
    policy = draft("gaopeng", "zcfg", **POLICY)
    with pytest.raises(bundles.BundleIncomplete) as held:
        items.submit(user("gaopeng"), policy)
    assert str(held.value) == "政策文件须与政策解读同步起草、同步审签、同步发布"
    assert "together" in held.value.english
    assert not Version.select().exists() and Item.get_by_id(policy.id).state == "draft"


def test_linking_is_kept_in_both_directions(profile):
    policy, reading = linked_pair()
    assert (policy.related_id, reading.related_id) == (reading.id, policy.id)
    other = draft("gaopeng", "zcjd", title="另一篇解读", topic="0802", doc_no="")
    items.save_item(user("gaopeng"), policy, {"related_id": other.id})
    assert Item.get_by_id(reading.id).related_id is None, "the old partner is let go"
    assert Item.get_by_id(other.id).related_id == policy.id


def test_only_a_policy_and_an_interpretation_pair_up(profile):
    policy = draft("gaopeng", "zcfg", **POLICY)
    news = draft("liuyang", "gzdt")
    with pytest.raises(Exception, match="政策文件与政策解读"):
        items.save_item(user("gaopeng"), policy, {"related_id": news.id})


def test_submitting_one_submits_both_and_the_first_approved_waits_for_the_other(profile):
    policy, reading = linked_pair()
    items.submit(user("gaopeng"), policy)
    policy, reading = Item.get_by_id(policy.id), Item.get_by_id(reading.id)
    assert (policy.state, reading.state) == ("in_review", "in_review")
    pv, rv = policy.versions.get(), reading.versions.get()
    for stage in ("zhengli", "wangjianguo"):
        outcome = approve(stage, pv)
    assert outcome.kind == "held" and outcome.held_for == READING["title"]
    assert Version.get_by_id(pv.id).state == "held"
    assert all(json.loads(op.payload)["release"] == [] for op in OutboxOp.select().where(OutboxOp.kind == "decision.record"))
    approve("zhengli", rv)
    outcome = approve("wangjianguo", rv)
    assert outcome.kind == "approved" and set(outcome.released) == {policy.id, reading.id}
    last = OutboxOp.select().where(OutboxOp.kind == "decision.record").order_by(OutboxOp.seq.desc()).get()
    released = {(r["item_id"], r["hash"]) for r in json.loads(last.payload)["release"]}
    assert released == {(policy.id, pv.content_hash), (reading.id, rv.content_hash)}, "one op: both go out together"
    assert {Version.get_by_id(pv.id).state, Version.get_by_id(rv.id).state} == {"approved"}


def test_editing_a_held_partner_takes_it_back_out(profile):
    policy, reading = linked_pair()
    items.submit(user("gaopeng"), policy)
    pv = Item.get_by_id(policy.id).versions.get()
    approve("zhengli", pv)
    approve("wangjianguo", pv)
    items.save_item(user("gaopeng"), Item.get_by_id(policy.id), {"summary": "修改了概述。"})
    assert Version.get_by_id(pv.id).state == "stale"
    assert Item.get_by_id(policy.id).state == "draft"


def test_the_chooser_offers_the_paired_kind_of_the_drafters_own_section(profile):
    policy, reading = linked_pair()
    loose = draft("gaopeng", "zcjd", title="《信阳市窗口服务规范》政策解读", topic="0802", doc_no="")
    offered = {c.id: c for c in bundles.partner_candidates(user("gaopeng"), "policy", policy.id)}
    assert set(offered) == {reading.id, loose.id}, "interpretations only, never the policy itself"
    assert offered[reading.id].partner_title == "", "linked to this very policy: not someone else's"
    other_policy = draft("gaopeng", "zcfg", title="信阳市窗口服务规范", topic="0802", doc_no="")
    offered = {c.id: c for c in bundles.partner_candidates(user("gaopeng"), "policy", other_policy.id)}
    assert offered[reading.id].partner_title == POLICY["title"], "the chooser says what it is linked to now"
    assert bundles.partner_candidates(user("liuyang"), "policy") == [], "another section's drafter sees none"
    assert bundles.partner_candidates(user("gaopeng"), "news") == []
