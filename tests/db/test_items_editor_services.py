"""The db services the item editor relies on: where one may draft, autosave checkpoints, revert."""
from __future__ import annotations

import json

from db import content, items
from db.models import AuditEvent, Item, Revision
from tests.helpers import column, user


def test_draftable_columns_are_the_sections_own_and_open_ones_in_tree_order(profile):
    codes = [c.code for c in items.draftable_columns(user("liuyang"))]      # 办公室
    assert codes[:4] == ["xxgk_gkxx", "jgsz", "ldjj", "zcfg"]
    assert "gzdt" in codes and "tzgg" in codes
    assert "bszn" not in codes, "办事指南 belongs to 审批服务科"
    assert not {"xxgk", "ztb", "ztb_jsgc", "czyjs"} & set(codes), "no containers, no other sections' columns"
    assert items.draftable_columns(user("wangjianguo")) == []


def test_an_item_created_by_autosave_is_not_yet_saved_on_purpose(profile):
    drafter = user("liuyang")
    item = items.create_item(drafter, column("gzdt"), {"title": "刚开始写"}, autosave=True)
    assert items.has_unsaved_autosave(item)
    items.save_item(drafter, item, {"title": "写好了"})
    assert not items.has_unsaved_autosave(item)


def test_revert_drops_autosaved_changes_back_to_the_last_save(profile):
    drafter = user("liuyang")
    item = items.create_item(drafter, column("gzdt"), {"title": "定稿", "body_html": "<p>正文</p>", "doc_no": "信政服〔2017〕1号"})
    items.save_item(drafter, item, {"title": "改乱了", "doc_no": ""}, autosave=True)
    kept = items.revert_to_last_save(drafter, item)
    assert (kept.title, kept.doc_no, kept.body_html) == ("定稿", "信政服〔2017〕1号", "<p>正文</p>")
    assert [r.autosave for r in Revision.select().where(Revision.item == item)] == [False]
    assert AuditEvent.select().where(AuditEvent.action == "item_reverted").count() == 1
    assert items.revert_to_last_save(drafter, kept).title == "定稿", "nothing to revert is no change"


def test_revert_of_an_item_never_saved_on_purpose_deletes_it(profile):
    drafter = user("liuyang")
    item = items.create_item(drafter, column("gzdt"), {"title": "随手写的"}, autosave=True)
    assert items.revert_to_last_save(drafter, item) is None
    assert not Item.select().where(Item.id == item.id).exists()


def test_fields_from_content_give_back_the_same_content(profile):
    drafter = user("liuyang")
    fields = {"title": "标题", "body_html": "<p>正文</p>", "publisher": "信阳市行政服务中心",
              "doc_no": "信政服〔2017〕2号", "topic": "0101", "written_on": "2017-03-15",
              "validity": "失效", "disclosure": "依申请公开", "secrecy": "非涉密", "summary": "概述"}
    first = items.create_item(drafter, column("gzdt"), fields)
    saved = json.loads(Revision.get(Revision.item == first).content)
    second = items.create_item(drafter, column("gzdt"), items.fields_from_content(saved))
    assert content.item_content(second, []) == content.item_content(first, [])
