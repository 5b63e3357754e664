"""Everyone who saved content into a version is one of its authors and cannot decide on it."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from db import clock, items
from db.errors import PermissionDenied
from db.database import database
from db.models import Column, Item, Revision, Version
from db.workflow import attention, authorship, delegation, publication, queue, submission
from tests.helpers import column, module_at, user
from tests.workflow.conftest import approve, draft, publish_through_review


def edited_by_head_then_submitted():
    """liuyang drafts, the office head chenjing rewrites a sentence, liuyang submits."""
    item = draft()
    items.save_item(user("chenjing"), item, {"summary": "科室负责人改写的摘要。"})
    version = items.submit(user("liuyang"), Item.get_by_id(item.id))
    return Item.get_by_id(item.id), version


def test_a_head_who_edited_the_draft_cannot_approve_it(profile):
    item, version = edited_by_head_then_submitted()
    assert authorship.authors_of(version) == {user("liuyang").id, user("chenjing").id}
    with pytest.raises(PermissionDenied, match="修改过此版本"):
        approve("chenjing", version)
    assert Item.get_by_id(item.id).state == "in_review"


def test_the_head_sees_the_edited_version_in_the_queue_with_the_reason(profile):
    _item, version = edited_by_head_then_submitted()
    rows = [r for r in queue.queue_for(user("chenjing")) if r.version_id == version.id]
    assert len(rows) == 1 and "修改过此版本" in rows[0].problem
    assert queue.counts_for(user("chenjing"))["mine"] == 0, "待我审核 counts what she can decide"


def test_nobody_else_able_to_decide_puts_it_before_the_leader(profile):
    _item, version = edited_by_head_then_submitted()
    listed = [r for r in attention.unreviewable_for(user("wangjianguo")) if r.version_id == version.id]
    assert listed and "参与了此版本的起草或修改" in listed[0].problem


def test_a_deputy_never_decides_for_a_reviewer_who_edited_the_version(profile):
    _item, version = edited_by_head_then_submitted()
    today = dt.date.today()
    delegation.delegate(user("chenjing"), user("chenjing"), user("zhengli"), today, today)
    with pytest.raises(PermissionDenied, match="不能代其审批"):
        approve("zhengli", version)


def at(minutes_ago: int) -> None:
    moment = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=minutes_ago)
    clock.set_source(lambda: moment)


def test_an_edit_approved_in_an_earlier_version_does_not_count_later(profile):
    """Saves before the last approved version were approved by somebody else already.
    (A save in the very second of that freeze still counts: erring towards an author.)"""
    gzdt = column("gzdt")
    Column.update(review_stages="leader").where(Column.id == gzdt.id).execute()   # v1: leader only
    try:
        at(15)
        item = draft()
        items.save_item(user("chenjing"), item, {"summary": "科室负责人改写的摘要。"})
        at(10)
        first = items.submit(user("liuyang"), Item.get_by_id(item.id))
        approve("wangjianguo", first)
        publication.mark_published(item.id, first.number, first.content_hash)
        Column.update(review_stages="section_head,leader").where(Column.id == gzdt.id).execute()
        at(5)
        items.save_item(user("liuyang"), Item.get_by_id(item.id), {"summary": "起草人更新的摘要。"})
        second = items.submit(user("liuyang"), Item.get_by_id(item.id))
    finally:
        clock.set_source(None)
    assert authorship.authors_of(second) == {user("liuyang").id}
    assert approve("chenjing", second).kind == "next_stage"


def test_another_users_autosave_never_overwrites_whose_save_it_was(profile):
    item = draft()
    items.save_item(user("liuyang"), item, {"summary": "起草人的自动保存。"}, autosave=True)
    items.save_item(user("chenjing"), Item.get_by_id(item.id), {"summary": "负责人的自动保存。"}, autosave=True)
    autosaves = Revision.select().where((Revision.item == item.id) & Revision.autosave)
    assert {r.saved_by_id for r in autosaves} == {user("liuyang").id, user("chenjing").id}


def test_a_withdrawal_request_is_written_by_its_requester_alone(profile):
    """It carries the live, approved content, not the head's edits to the working copy."""
    item = publish_through_review()
    items.save_item(user("chenjing"), item, {"summary": "负责人改写了工作副本。"})
    request = submission.request_withdrawal(user("liuyang"), Item.get_by_id(item.id), "信息已过期")
    assert authorship.authors_of(request) == {user("liuyang").id}
    assert approve("chenjing", request).kind == "next_stage"


MIGRATION = Path(__file__).resolve().parents[2] / "db" / "migrations" / "0009_version_authors.py"


def test_versions_in_review_before_the_rule_get_their_authors_from_the_saves(profile):
    _item, version = edited_by_head_then_submitted()
    published = publish_through_review(title="早已发布的信息")
    Version.update(authors="").execute()                    # as versions made before 0009 were
    found = module_at(MIGRATION, "version_authors_migration").authors_of_pending(database)
    assert set(found[version.id].split(",")) == {user("liuyang").id, user("chenjing").id}
    assert published.id not in {Version.get_by_id(v).item_id for v in found}, "decided versions keep the submitter"
