"""Decisions are bound to exact content, need a reason to return, and are never one's own."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from db import clock, items
from db.checks import lists as wordlists
from db.errors import PermissionDenied, ValidationFailed
from db.models import AuditEvent, Decision, Item, OutboxOp, Version
from db.workflow import decisions, delegation, queue
from tests.helpers import user
from tests.workflow.conftest import approve, submitted


def decision_ops() -> list[dict]:
    return [json.loads(op.payload) for op in OutboxOp.select().where(OutboxOp.kind == "decision.record")
            .order_by(OutboxOp.seq)]


def test_nobody_approves_what_they_submitted(profile):
    item, version = submitted("chenjing", title="办公室负责人自己起草的通知")
    assert queue.queue_for(user("chenjing")) == [], "one's own submission is not in one's queue"
    with pytest.raises(PermissionDenied, match="本人提交"):
        approve("chenjing", version)
    assert not Decision.select().exists()


def test_approving_a_stale_version_publishes_nothing(office_item):
    item, v1 = office_item
    approve("chenjing", v1)
    items.save_item(user("liuyang"), item, {"title": "会后补充了参会单位的新标题"})
    assert Version.get_by_id(v1.id).state == "stale"
    assert Decision.get(Decision.version == v1).status == "stale", "pending decisions on it go stale"
    ops_before = OutboxOp.select().count()
    with pytest.raises(decisions.StaleDecision, match="已失效"):
        approve("wangjianguo", v1)
    assert Item.get_by_id(item.id).state == "draft"
    assert Decision.select().where(Decision.decider == user("wangjianguo")).count() == 0
    assert [op.kind for op in OutboxOp.select().where(OutboxOp.seq > 0).order_by(OutboxOp.seq)][-1] == "version.stale"
    assert OutboxOp.select().count() == ops_before, "a refused approval queues nothing"
    assert AuditEvent.select().where(AuditEvent.action == "decision_refused_stale").count() == 1


def test_a_decision_on_a_resubmitted_item_must_name_the_new_version_and_hash(office_item):
    item, v1 = office_item
    items.save_item(user("liuyang"), item, {"summary": "修改后的内容概述。"})
    v2 = items.submit(user("liuyang"), Item.get_by_id(item.id))
    with pytest.raises(decisions.StaleDecision):
        approve("chenjing", v1)
    with pytest.raises(decisions.StaleDecision):
        decisions.approve(user("chenjing"), item.id, v2.number, v1.content_hash)
    assert approve("chenjing", v2).kind == "next_stage"


def test_return_requires_a_reason_that_the_drafter_then_sees(office_item):
    item, version = office_item
    with pytest.raises(ValidationFailed, match="理由"):
        decisions.return_item(user("chenjing"), item.id, version.number, version.content_hash, "   ")
    assert Item.get_by_id(item.id).state == "in_review"
    outcome = decisions.return_item(user("chenjing"), item.id, version.number, version.content_hash,
                                    "成文日期与文号年份不一致，请核对")
    assert (outcome.kind, outcome.returned_to) == ("returned", "刘洋")
    back = Item.get_by_id(item.id)
    assert (back.state, back.return_reason, back.returned_by.username) == (
        "returned", "成文日期与文号年份不一致，请核对", "chenjing")
    assert back.returned_at
    assert [i.id for i in queue.returned_of(user("liuyang"))] == [item.id]
    assert decision_ops()[-1]["outcome"] == "return"
    items.submit(user("liuyang"), back)
    assert Item.get_by_id(item.id).return_reason == "", "resubmission clears the reason"


def test_the_last_approval_queues_exactly_that_version_for_sync(office_item):
    item, version = office_item
    approve("chenjing", version)
    outcome = approve("wangjianguo", version, comment="同意发布，注意及时更新")
    assert outcome.kind == "approved" and outcome.released == (item.id,)
    assert (Item.get_by_id(item.id).state, Version.get_by_id(version.id).state) == ("approved", "approved")
    payload = decision_ops()[-1]
    assert payload["final"] is True and payload["comment"] == "同意发布，注意及时更新"
    assert payload["release"] == [{"item_id": item.id, "version_id": version.id, "version_no": 1,
                                   "hash": version.content_hash, "purpose": "publish"}]
    assert (payload["decider"], payload["on_behalf_of"], payload["stage"]) == (user("wangjianguo").id, "", 2)
    first = decision_ops()[0]
    assert first["final"] is False and first["release"] == []


def delegate(principal: str, deputy: str, days: int = 7):
    today = clock.local_today()
    return delegation.delegate(user(principal), user(principal), user(deputy), today, today + dt.timedelta(days=days))


def test_a_deputys_decision_is_recorded_on_behalf_of_the_leader(office_item):
    item, version = office_item
    approve("chenjing", version)
    with pytest.raises(PermissionDenied):
        approve("limeihua", version)
    delegate("wangjianguo", "limeihua")
    rows = queue.queue_for(user("limeihua"))
    assert [(r.title, r.on_behalf_of) for r in rows] == [(item.title, "王建国")]
    approve("limeihua", version)
    decision = Decision.get((Decision.version == version) & (Decision.stage == 2))
    assert (decision.decider.username, decision.on_behalf_of.username) == ("limeihua", "wangjianguo")
    assert queue.history_of(item.id)[-1].signed_as == "李美华 代 王建国"
    event = AuditEvent.select().where(AuditEvent.action == "decision").order_by(AuditEvent.id.desc()).get()
    assert event.on_behalf_of == user("wangjianguo").id
    assert decision_ops()[-1]["on_behalf_of"] == user("wangjianguo").id


def test_a_revoked_or_expired_delegation_gives_no_authority(office_item):
    item, version = office_item
    approve("chenjing", version)
    row = delegate("wangjianguo", "limeihua")
    delegation.revoke(user("wangjianguo"), row.id)
    with pytest.raises(PermissionDenied):
        approve("limeihua", version)
    tomorrow = clock.local_today() + dt.timedelta(days=1)
    delegation.delegate(user("wangjianguo"), user("wangjianguo"), user("limeihua"), tomorrow, tomorrow)
    with pytest.raises(PermissionDenied):
        approve("limeihua", version)


def test_only_the_reviewer_or_an_admin_sets_a_delegation(profile):
    today = clock.local_today()
    with pytest.raises(PermissionDenied):
        delegation.delegate(user("limeihua"), user("wangjianguo"), user("limeihua"), today, today)
    with pytest.raises(ValidationFailed):
        delegation.delegate(user("wangjianguo"), user("wangjianguo"), user("liuyang"), today, today)
    delegation.delegate(user("admin"), user("wangjianguo"), user("zhangweidong"), today, today)
    with pytest.raises(ValidationFailed, match="已委托"):
        delegation.delegate(user("wangjianguo"), user("wangjianguo"), user("limeihua"), today, today)


def test_nobody_signs_two_stages_of_one_version(office_item):
    item, version = office_item
    delegate("wangjianguo", "chenjing")       # the office head deputises for her leader
    approve("chenjing", version)
    with pytest.raises(PermissionDenied, match="前一环节"):
        approve("chenjing", version)


def test_bulk_approval_skips_items_with_blocking_findings_and_says_why(profile):
    clean = [submitted(title=f"工作动态第{n}期") for n in range(3)]
    leaky, leaky_version = submitted(title="关于核对报名材料的通知",
                                     body_html="<p>请于周五前将报名表交至办公室。</p>")
    # Submission refuses unresolved blocking findings, so this one arises afterwards: the
    # admin puts a word of the version on the word list (db.checks.lists).
    wordlists.save_sensitive(user("admin"), "报名表", "blocking")
    targets = [(i.id, v.number, v.content_hash) for i, v in clean + [(leaky, leaky_version)]]
    result = decisions.bulk_approve(user("chenjing"), targets)
    assert sorted(o.item_id for o in result.done) == sorted(i.id for i, _ in clean)
    assert [(s.item_id, "报名表" in s.reason) for s in result.skipped] == [(leaky.id, True)]
    assert Item.get_by_id(leaky.id).state == "in_review"
    assert all(o.kind == "next_stage" for o in result.done)


def test_bulk_approval_reports_a_stale_target_and_keeps_the_rest(profile):
    (a, va), (b, vb) = submitted(title="甲"), submitted(title="乙")
    items.save_item(user("liuyang"), b, {"title": "乙（修改）"})
    result = decisions.bulk_approve(user("chenjing"), [(a.id, 1, va.content_hash), (b.id, 1, vb.content_hash)])
    assert [o.item_id for o in result.done] == [a.id]
    assert [s.item_id for s in result.skipped] == [b.id] and "已失效" in result.skipped[0].reason
