"""The queue sorts by the legal deadline; the calendar moves deadlines; counts per state."""
from __future__ import annotations

import datetime as dt

import pytest

from db import clock, workdays
from db.errors import PermissionDenied
from db.models import Item, ReviewTask
from db.workflow import calendar, decisions, queue
from tests.helpers import column, user
from tests.workflow.conftest import approve, submitted


def set_changed_at(item: Item, stamp: str) -> None:
    Item.update(changed_at=stamp).where(Item.id == item.id).execute()
    calendar.refresh_deadlines()


def test_the_queue_is_sorted_by_deadline_and_filtered(profile):
    newer, _ = submitted(title="新近的动态")
    older, _ = submitted(title="早些时候的通知", code="tzgg")
    set_changed_at(newer, "2026-11-20T02:00:00Z")
    set_changed_at(older, "2026-11-02T02:00:00Z")
    rows = queue.queue_for(user("chenjing"))
    assert [r.title for r in rows] == ["早些时候的通知", "新近的动态"]
    assert rows[0].due_on == "2026-11-30", "20 working days after Monday 2 November"
    assert [r.title for r in queue.queue_for(user("chenjing"), column_ids=[column("tzgg").id])] == ["早些时候的通知"]
    assert queue.queue_for(user("chenjing"), kind="policy") == []
    assert queue.queue_for(user("chenjing"), section_id=user("zhaoli").section_id) == []


def test_a_holiday_moves_open_deadlines(profile):
    item, _ = submitted()
    set_changed_at(item, "2026-11-02T02:00:00Z")
    moved = calendar.set_day(user("admin"), dt.date(2026, 11, 10), False, "测试假日")
    assert moved == 1
    assert ReviewTask.get(ReviewTask.item == item).due_on == "2026-12-01"
    calendar.set_day(user("wangjianguo"), dt.date(2026, 11, 14), True, "调休上班")
    assert ReviewTask.get(ReviewTask.item == item).due_on == "2026-11-30"
    assert [d.kind for d in calendar.overrides_of_year(2026)] == ["holiday", "makeup"]
    calendar.set_day(user("admin"), dt.date(2026, 11, 10), None)
    assert workdays.is_working_day(dt.date(2026, 11, 10))


@pytest.mark.parametrize("username", ["liuyang", "chenjing", "qiantai"])
def test_only_admins_and_leaders_edit_the_calendar(profile, username):
    with pytest.raises(PermissionDenied):
        calendar.set_day(user(username), dt.date(2026, 10, 1), False, "国庆节")


def test_counts_per_state_for_a_leader_and_a_drafter(profile):
    a, va = submitted(title="甲")
    b, vb = submitted(title="乙")
    c, vc = submitted(title="丙")
    approve("chenjing", va)
    approve("chenjing", vb)
    approve("wangjianguo", vb)
    decisions.return_item(user("chenjing"), c.id, 1, vc.content_hash, "请补充附件")
    leader = queue.counts_for(user("wangjianguo"))
    assert (leader["mine"], leader["in_review"], leader["approved"], leader["returned"]) == (1, 1, 1, 1)
    assert queue.counts_for(user("limeihua"))["in_review"] == 0, "not her sections"
    assert queue.counts_for(user("liuyang"))["returned"] == 1


def test_a_drafter_counts_every_state_of_the_section_a_reviewer_only_the_review(profile):
    from db.workflow import publication, submission
    from tests.workflow.conftest import draft, publish_through_review
    draft(title="草稿甲")
    publish_through_review(title="已发布乙")
    gone = publish_through_review(title="将撤稿丙")
    request = submission.request_withdrawal(user("liuyang"), gone, "信息已过期")
    approve("chenjing", request)
    approve("wangjianguo", request)
    publication.mark_withdrawn(gone.id, request.number, request.content_hash)
    submitted(title="审核中丁")
    drafter = queue.counts_for(user("liuyang"))
    assert {state: drafter[state] for state in queue.EVERY_STATE} == {
        "draft": 1, "returned": 0, "in_review": 1, "approved": 0, "published": 1, "withdrawn": 1}
    head = queue.counts_for(user("chenjing"))
    assert "published" not in head and (head["mine"], head["in_review"]) == (1, 1)


def test_today_decides_which_delegations_are_in_force(profile):
    from db.workflow import delegation
    today = clock.local_today()
    delegation.delegate(user("wangjianguo"), user("wangjianguo"), user("zhangweidong"), today, today)
    item, version = submitted()
    approve("chenjing", version)
    assert len(queue.queue_for(user("zhangweidong"))) == 1
    assert queue.queue_for(user("zhangweidong"), day=(today + dt.timedelta(days=1)).isoformat()) == []
