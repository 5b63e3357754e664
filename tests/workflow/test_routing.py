"""Stages and routing: who decides at which stage, and in which order."""
from __future__ import annotations

import pytest

from db.errors import InvalidState, PermissionDenied
from db.models import Item, ReviewTask
from db.workflow import decisions, queue
from tests.helpers import user
from tests.workflow.conftest import approve, submitted


def queue_titles(username: str) -> list[str]:
    return [row.title for row in queue.queue_for(user(username))]


def test_a_two_stage_item_goes_to_its_section_head_then_its_supervising_leader(office_item):
    item, version = office_item
    assert queue_titles("chenjing") == [item.title]
    assert queue_titles("wangjianguo") == [], "the leader sees it only after the section head"
    outcome = approve("chenjing", version)
    assert (outcome.kind, outcome.next_stage_role) == ("next_stage", "leader")
    assert queue_titles("chenjing") == []
    assert queue_titles("wangjianguo") == [item.title]
    assert queue_titles("limeihua") == [] and queue_titles("zhangweidong") == [], "other leaders' sections"
    assert approve("wangjianguo", version).kind == "approved"
    assert Item.get_by_id(item.id).state == "approved"


def test_items_route_to_the_leaders_who_supervise_their_section(profile):
    network, _ = submitted("zhaoli", "bmfw", title="便民服务热线调整公告")
    approve("huangtao", network.versions.get())
    assert queue_titles("limeihua") == ["便民服务热线调整公告"]
    assert queue_titles("wangjianguo") == []


def test_a_one_stage_column_goes_straight_to_the_leader(profile):
    item, version = submitted("maxiaoyan", "ztb_jsgc", title="某道路改造工程施工招标公告")
    task = ReviewTask.get(ReviewTask.version == version)
    assert (task.stage, task.stage_role) == (1, "leader")
    assert queue_titles("wuhao") == [], "the trading section head has no stage in this column"
    assert approve("zhangweidong", version).kind == "approved"


def test_the_second_stage_cannot_act_before_the_first(office_item):
    item, version = office_item
    with pytest.raises(InvalidState, match="科室负责人审核"):
        approve("wangjianguo", version)
    assert ReviewTask.get(ReviewTask.version == version).state == "open"
    assert not version.decisions.exists()


@pytest.mark.parametrize("username", ["limeihua", "huangtao", "liuyang", "admin", "qiantai"])
def test_people_outside_the_route_cannot_decide(office_item, username):
    item, version = office_item
    if username == "limeihua":
        approve("chenjing", version)        # now at the leader stage, but not hers
    with pytest.raises(PermissionDenied):
        decisions.approve(user(username), item.id, version.number, version.content_hash)
