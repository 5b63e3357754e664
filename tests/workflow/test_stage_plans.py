"""A version keeps the stage plan it was submitted with; the final approval is a
supervising leader's; a section head's own submission never waits for a review nobody
can give; and whatever nobody can decide is listed, with the reason."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from db import clock, directory
from db.database import database
from db.errors import PermissionDenied
from db.models import AuditEvent, Decision, Item, OutboxOp, ReviewTask, SectionLeader, Version
from db.workflow import attention, delegation, queue, slip
from tests.helpers import column, module_at, user
from tests.workflow.conftest import approve, submitted

MIGRATION = Path(__file__).resolve().parents[2] / "db" / "migrations" / "0007_version_stage_plan.py"


def set_stages(code: str, stages: str) -> None:
    """The administrator changes a column's review stages (admin screen → db.directory)."""
    target = column(code)
    target.review_stages = stages
    sections = [link.section for link in target.section_links]
    directory.save_column(user("admin"), target, sections)


def row_for(username: str, item_id: str) -> queue.QueueRow:
    return next(row for row in queue.queue_for(user(username)) if row.item_id == item_id)


def test_a_column_change_during_review_does_not_reroute_what_is_in_review(profile):
    item, version = submitted(title="审核中栏目改为一个环节")
    set_stages("gzdt", "leader")
    row = row_for("chenjing", item.id)
    assert (row.stage, row.stage_count, row.stage_role) == (1, 2, "section_head"), "1/2, not 1/1"
    outcome = approve("chenjing", version)
    assert (outcome.kind, outcome.next_stage_role) == ("next_stage", "leader"), "no final approval by a section head"
    assert Item.get_by_id(item.id).state == "in_review"
    assert approve("wangjianguo", version).kind == "approved"

    later, later_version = submitted(title="改动之后提交的动态")
    assert Version.get_by_id(later_version.id).stages == "leader", "new submissions follow the column as it is now"
    assert [(r.stage, r.stage_count) for r in queue.queue_for(user("wangjianguo")) if r.item_id == later.id] == [(1, 1)]


def test_a_final_approval_by_anyone_but_a_supervising_leader_is_refused(profile):
    """The central gate's rule, here too: even a task row that says otherwise (e.g. one a
    sync rebuilt from a changed column) cannot make a section head's approval the last."""
    item, version = submitted(title="终审须由分管领导作出")
    Version.update(stages="leader").where(Version.id == version.id).execute()
    with pytest.raises(PermissionDenied, match="分管领导"):
        approve("chenjing", version)
    assert not Decision.select().exists() and Item.get_by_id(item.id).state == "in_review"
    assert not OutboxOp.select().where(OutboxOp.kind == "decision.record").exists()


def test_a_deputy_gives_the_final_approval_in_the_leaders_name(profile):
    item, version = submitted(title="代审人终审")
    approve("chenjing", version)
    today = clock.local_today()
    delegation.delegate(user("wangjianguo"), user("wangjianguo"), user("limeihua"), today, today)
    assert approve("limeihua", version).kind == "approved"


def load_migration():
    return module_at(MIGRATION, "stage_plan_migration")


def test_versions_older_than_the_plan_get_the_plan_their_review_tasks_show(profile):
    item, version = submitted(title="迁移前已在审核中")
    approve("chenjing", version)
    set_stages("gzdt", "leader")
    plans = load_migration().plans_from_tasks(database)
    assert plans[version.id] == "section_head,leader"


# ---------------------------------------------------------------- a section head's own text

def test_a_section_heads_own_submission_goes_straight_to_the_leader_when_nobody_else_can_review(profile):
    item, version = submitted("chenjing", title="办公室负责人自己起草的通知")
    frozen = Version.get_by_id(version.id)
    assert (frozen.stages, frozen.skipped_stages) == ("leader", "section_head")
    task = ReviewTask.get(ReviewTask.version == version)
    assert (task.stage, task.stage_role) == (1, "leader")
    assert [(r.title, r.stage_count) for r in queue.queue_for(user("wangjianguo"))] == [(item.title, 1)]
    event = AuditEvent.get(AuditEvent.action == "stage_skipped")
    assert json.loads(event.detail)["reason"] == "起草人为科室负责人，本环节免"
    payload = json.loads(OutboxOp.get(OutboxOp.kind == "version.submit").payload)
    assert (payload["stages"], payload["skipped"]) == (["leader"], ["section_head"])
    assert approve("wangjianguo", version).kind == "approved"
    data = slip.slip_data(item.id)
    assert [(d["stage_name"], d["outcome"], d["comment"]) for d in data["decisions"]][0] == (
        "科室负责人审核", "免", "起草人为科室负责人，本环节免")


def second_office_head():
    office = user("chenjing").section
    return directory.create_user(user("admin"), "sunli", "孙丽", "section_head", office, "Gongkai-2024!")


def test_another_head_of_the_section_reviews_the_heads_own_submission(profile):
    second_office_head()
    item, version = submitted("chenjing", title="有另一位负责人时照常初审")
    assert Version.get_by_id(version.id).stages == "section_head,leader"
    assert [r.item_id for r in queue.queue_for(user("sunli"))] == [item.id]
    assert approve("sunli", version).kind == "next_stage"


def test_a_deputy_in_the_authors_own_name_neither_counts_nor_decides(profile):
    today = clock.local_today()
    delegation.delegate(user("chenjing"), user("chenjing"), user("zhengli"), today, today + dt.timedelta(days=3))
    own, own_version = submitted("chenjing", title="负责人本人的稿件")
    assert Version.get_by_id(own_version.id).skipped_stages == "section_head", "her deputy is no second reviewer"
    theirs, _ = submitted("liuyang", title="信息员的稿件")
    assert [r.item_id for r in queue.queue_for(user("zhengli")) if r.section_name == "办公室"] == [theirs.id]
    Version.update(stages="section_head,leader", skipped_stages="").where(Version.id == own_version.id).execute()
    ReviewTask.update(stage_role="section_head").where(ReviewTask.version == own_version.id).execute()
    with pytest.raises(PermissionDenied, match="本人提交"):
        approve("zhengli", own_version)


# ---------------------------------------------------------------- 无人可审

def test_a_stage_nobody_can_decide_is_listed_with_the_reason_to_leader_and_admin(profile):
    item, _ = submitted(title="负责人停用后无人初审")
    head = user("chenjing")
    directory.update_user(user("admin"), head, head.display_name, head.role, head.section, active=False)
    for username in ("wangjianguo", "admin"):
        listed = attention.unreviewable_for(user(username))
        assert [r.item_id for r in listed] == [item.id], username
        assert "没有在岗的科室负责人" in listed[0].problem
    assert attention.unreviewable_for(user("limeihua")) == [], "not her sections"
    assert attention.counts(user("wangjianguo"))["unreviewable"] == 1
    directory.update_user(user("admin"), head, head.display_name, head.role, head.section, active=True)
    assert attention.unreviewable_for(user("admin")) == []


def test_a_leader_stage_without_a_leader_is_listed_to_the_admin(profile):
    item, version = submitted(title="科室没有分管领导")
    approve("chenjing", version)
    SectionLeader.delete().where(SectionLeader.section == item.section_id).execute()
    listed = attention.unreviewable_for(user("admin"))
    assert [(r.item_id, r.stage_role) for r in listed] == [(item.id, "leader")]
    assert "没有在岗的分管领导" in listed[0].problem and "Nobody can decide" in listed[0].problem_english


# ---------------------------------------------------------------- the deputy's queue

def test_a_deputy_is_not_shown_what_she_already_signed_at_the_first_stage(profile):
    today = clock.local_today()
    delegation.delegate(user("wangjianguo"), user("wangjianguo"), user("chenjing"), today, today)
    signed, signed_version = submitted(title="她已初审的动态")
    waiting, _ = submitted(title="待她初审的动态")
    policy, policy_version = submitted("gaopeng", "gzdt", title="政策法规科的工作动态")
    approve("chenjing", signed_version)
    approve("zhengli", policy_version)
    mine = queue.queue_for(user("chenjing"))
    assert sorted(r.item_id for r in mine) == sorted([waiting.id, policy.id])
    assert [r.on_behalf_of for r in mine if r.item_id == policy.id] == ["王建国"]
    assert queue.counts_for(user("chenjing"))["mine"] == 2
    assert queue.queue_totals(user("chenjing"), today.isoformat()) == (2, 0)
