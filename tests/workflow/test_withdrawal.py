"""Working copies, 撤稿 and 废止 all need approval; published items are never deleted."""
from __future__ import annotations

import json

import pytest
from peewee import IntegrityError

from db import items
from db.errors import InvalidState, ValidationFailed
from db.models import Item, OutboxOp, Version
from db.workflow import decisions, publication, submission
from tests.helpers import user
from tests.workflow.conftest import approve, publish_through_review


def test_editing_a_published_item_keeps_the_live_version_until_the_copy_is_approved(profile):
    item = publish_through_review()
    items.save_item(user("liuyang"), item, {"title": "新标题的工作副本"})
    copy = Item.get_by_id(item.id)
    assert (copy.state, copy.published_version_no) == ("draft", 1)
    v2 = items.submit(user("liuyang"), copy)
    approve("chenjing", v2)
    approve("wangjianguo", v2)
    assert Item.get_by_id(item.id).published_version_no == 1, "approval alone changes nothing live"
    publication.mark_published(item.id, 2, v2.content_hash)
    live = Item.get_by_id(item.id)
    assert (live.state, live.published_version_no) == ("published", 2)
    assert [v.state for v in Version.select().where(Version.item == item).order_by(Version.number)] == [
        "replaced", "published"]


def test_withdrawal_needs_approval_and_the_item_stays_live_meanwhile(profile):
    item = publish_through_review()
    with pytest.raises(ValidationFailed):
        submission.request_withdrawal(user("liuyang"), item, " ")
    request = submission.request_withdrawal(user("liuyang"), item, "活动已取消，撤下原通知")
    assert (request.purpose, request.note, request.number) == ("withdraw", "活动已取消，撤下原通知", 2)
    pending = Item.get_by_id(item.id)
    assert (pending.state, pending.published_version_no) == ("in_review", 1)
    approve("chenjing", request)
    approve("wangjianguo", request)
    op = OutboxOp.select().where(OutboxOp.kind == "decision.record").order_by(OutboxOp.seq.desc()).get()
    assert json.loads(op.payload)["release"][0]["purpose"] == "withdraw"
    assert Item.get_by_id(item.id).state == "approved"
    publication.mark_withdrawn(item.id, 2, request.content_hash)
    gone = Item.get_by_id(item.id)
    assert gone.state == "withdrawn"
    assert Version.get((Version.item == item) & (Version.number == 1)).state == "withdrawn"
    with pytest.raises(InvalidState):
        items.save_item(user("liuyang"), gone, {"title": "撤稿后再改"})


def test_a_returned_withdrawal_leaves_the_item_on_the_website(profile):
    item = publish_through_review()
    request = submission.request_withdrawal(user("liuyang"), item, "想撤下")
    decisions.return_item(user("chenjing"), item.id, request.number, request.content_hash, "通知仍然有效，不宜撤稿")
    back = Item.get_by_id(item.id)
    assert (back.state, back.published_version_no, back.return_reason) == ("returned", 1, "通知仍然有效，不宜撤稿")


def test_only_published_items_can_be_withdrawn(office_item):
    item, _ = office_item
    with pytest.raises(InvalidState):
        submission.request_withdrawal(user("liuyang"), item, "还没发布就想撤")


def test_abolition_is_an_approved_version_marked_abolished(profile):
    item = publish_through_review()
    request = submission.request_abolition(user("liuyang"), item, "已被信政服〔2018〕2号文件替代")
    assert json.loads(request.content)["meta"]["validity"] == "废止"
    approve("chenjing", request)
    approve("wangjianguo", request)
    publication.mark_published(item.id, request.number, request.content_hash)
    done = Item.get_by_id(item.id)
    assert (done.state, done.validity, done.published_version_no) == ("published", "废止", 2)
    with pytest.raises(InvalidState, match="已废止"):
        submission.request_abolition(user("liuyang"), done, "再废止一次")


def test_published_items_are_never_hard_deleted(profile):
    item = publish_through_review()
    with pytest.raises(InvalidState):
        items.discard_draft(user("liuyang"), item)
    with pytest.raises(IntegrityError, match="never deleted"):
        Item.delete().where(Item.id == item.id).execute()


def test_sync_reports_must_match_the_content_hash(office_item):
    item, version = office_item
    with pytest.raises(Exception, match="不一致"):
        publication.mark_published(item.id, 1, "0" * 64)
    assert Item.get_by_id(item.id).published_version_no is None


def test_a_repeated_publication_report_is_harmless(profile):
    item = publish_through_review()
    version = Version.get(Version.item == item)
    publication.mark_published(item.id, 1, version.content_hash)
    assert Item.get_by_id(item.id).state == "published"


def test_the_decisions_become_authoritative_once_published(profile):
    item = publish_through_review()
    assert {d.status for d in Item.get_by_id(item.id).decisions} == {"authoritative"}
