"""Only what a supervising leader approved prints, checked in db/: which version, who may
print it, and each print job in the audit trail."""
from __future__ import annotations

import copy
import json

import pytest

from db import audit, items, settings
from db.cards import demo_step, index, printing
from db.cards.printing import NotPrintable, PrintedGuide
from db.errors import DomainError, PermissionDenied
from db.models import AuditEvent, Item
from db.workflow import publication, submission
from tests.cards.card_helpers import demo_entries
from tests.cards.guide_fixtures import draft_guide, published_guide
from tests.helpers import user

GUIDE = demo_entries()[0]["guide"]          # 有限责任公司设立登记


def test_published_guide_prints_its_version_with_the_approval_date_section_and_url(profile):
    item = published_guide(GUIDE)
    card = printing.printable_guide(user("qiantai"), item.id)
    assert card.guide == json.loads(item.versions[0].content)["guide"]
    assert (card.title, card.version_no, card.section) == ("有限责任公司设立登记", 1, "审批服务科")
    assert card.url == settings.get("guide_url_pattern").format(item_id=item.id)
    leader_approval = [d for d in item.decisions if d.stage == 2][0]
    assert card.approved_on == printing.approval_date(item.versions[0])
    assert card.approved_on == _local_day(leader_approval.decided_at)


def _local_day(stamp: str) -> str:
    from db import clock
    return clock.parse(stamp).astimezone().date().isoformat()


@pytest.mark.parametrize("state, words", [
    ("draft", "尚未提交审核"), ("in_review", "正在审核中"), ("returned", "已被退回修改")])
def test_a_guide_never_approved_is_refused_saying_why(profile, state, words):
    item = draft_guide(GUIDE)
    if state != "draft":
        demo_step.submit_if_needed(item)
    if state == "returned":
        demo_step.decide_open_stage(item, approve=False)
    assert Item.get_by_id(item.id).state == state
    with pytest.raises(NotPrintable) as refused:
        printing.printable_guide(user("qiantai"), item.id)
    assert words in str(refused.value) and "有限责任公司设立登记" in str(refused.value)
    assert refused.value.english


def test_in_review_at_the_leader_stage_is_still_refused(profile):
    item = draft_guide(GUIDE)
    demo_step.submit_if_needed(item)
    demo_step.decide_open_stage(item, approve=True)         # section head approved; leader not yet
    with pytest.raises(NotPrintable):
        printing.printable_guide(user("qiantai"), item.id)


def test_approved_but_not_yet_synced_prints(profile):
    item = draft_guide(GUIDE)
    demo_step.approve_through(item)
    assert Item.get_by_id(item.id).state == "approved"
    assert printing.printable_guide(user("qiantai"), item.id).version_no == 1


@pytest.mark.parametrize("submitted", [False, True])
def test_a_working_copy_newer_than_the_published_version_prints_the_published_one(profile, submitted):
    item = published_guide(GUIDE)
    changed = copy.deepcopy(GUIDE)
    changed["hours"] = "工作日全天"
    items.save_item(user("sunqiang"), item, {"guide": changed})
    if submitted:
        items.submit(user("sunqiang"), Item.get_by_id(item.id))
    card = printing.printable_guide(user("qiantai"), item.id)
    assert card.version_no == 1 and card.guide["hours"] == GUIDE["hours"]
    assert "工作日全天" not in json.dumps(card.guide, ensure_ascii=False)


def test_an_approved_new_version_replaces_the_published_one_on_the_card(profile):
    item = published_guide(GUIDE)
    changed = copy.deepcopy(GUIDE)
    changed["hours"] = "工作日全天"
    items.save_item(user("sunqiang"), item, {"guide": changed})
    demo_step.approve_through(item)
    card = printing.printable_guide(user("qiantai"), item.id)
    assert (card.version_no, card.guide["hours"]) == (2, "工作日全天")


def test_withdrawn_and_abolished_guides_do_not_print(profile):
    withdrawn, abolished = published_guide(GUIDE), published_guide(demo_entries()[1]["guide"])
    submission.request_withdrawal(user("sunqiang"), withdrawn, "事项已取消")
    demo_step.approve_through(withdrawn)
    with pytest.raises(NotPrintable, match="撤稿申请已获批准"):
        printing.printable_guide(user("qiantai"), withdrawn.id)
    latest = max(Item.get_by_id(withdrawn.id).versions, key=lambda v: v.number)
    publication.mark_withdrawn(withdrawn.id, latest.number, latest.content_hash)
    with pytest.raises(NotPrintable, match="已撤稿"):
        printing.printable_guide(user("qiantai"), withdrawn.id)
    submission.request_abolition(user("sunqiang"), abolished, "已被新规定替代")
    demo_step.approve_through(abolished)
    with pytest.raises(NotPrintable, match="已废止"):
        printing.printable_guide(user("qiantai"), abolished.id)


@pytest.mark.parametrize("username, allowed", [
    ("qiantai", True), ("admin", True), ("sunqiang", True), ("zhoumin", True),
    ("liuyang", False), ("limeihua", False)])
def test_front_desk_admins_and_the_guides_own_section_may_print(profile, username, allowed):
    item = published_guide(GUIDE)
    if allowed:
        assert printing.printable_guide(user(username), item.id).version_no == 1
    else:
        with pytest.raises(PermissionDenied, match="导引台"):
            printing.printable_guide(user(username), item.id)


def test_the_url_comes_from_the_configured_pattern_and_a_broken_pattern_is_refused(profile):
    item = published_guide(GUIDE)
    settings.put("guide_url_pattern", "https://zwfw.example.cn/bszn/{index_no}-v{version_no}")
    fresh = Item.get_by_id(item.id)
    assert printing.printable_guide(None, item.id).url == f"https://zwfw.example.cn/bszn/{fresh.index_no}-v1"
    settings.put("guide_url_pattern", "https://zwfw.example.cn/{guide}")
    with pytest.raises(DomainError, match="网址模板"):
        printing.printable_guide(None, item.id)


def test_a_batch_lists_the_refused_guides_with_their_reasons_in_order(profile):
    good, draft = published_guide(GUIDE), draft_guide(demo_entries()[1]["guide"])
    printable, refused = printing.printable_batch(user("qiantai"), [draft.id, good.id])
    assert [p.item_id for p in printable] == [good.id]
    assert [(r.item_id, r.title) for r in refused] == [(draft.id, "个体工商户设立登记")]
    assert "尚未提交审核" in refused[0].message


def test_each_print_job_is_one_audit_event_and_counts_per_guide(profile):
    first, second = published_guide(GUIDE), published_guide(demo_entries()[1]["guide"])
    index.refresh()
    printing.record_print(user("qiantai"), [PrintedGuide(first.id, 1), PrintedGuide(second.id, 1)],
                          "a4x4", copies=4, pages=2)
    printing.record_print(user("qiantai"), [PrintedGuide(first.id, 1)], "a6")
    events = list(AuditEvent.select().where(AuditEvent.action == "card_printed").order_by(AuditEvent.id))
    assert len(events) == 2
    detail = json.loads(events[0].detail)
    assert detail | {} == {"count": 2, "copies": 4, "layout": "a4x4", "pages": 2, "channel": "app",
                           "guides": [first.id, second.id], "versions": [1, 1]}
    assert events[0].actor_name == "导引台" and events[1].object_id == first.id
    assert printing.print_jobs_per_guide() == {first.id: 2, second.id: 1}
    counts = {hit.item_id: hit.printed for hit in index.everything()}
    assert counts == {first.id: 5, second.id: 4}
    assert audit.verify_chain() == []
