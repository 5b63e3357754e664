"""Drafting rules in db/: history, submission, versions and who may do what."""
from __future__ import annotations

import json

import pytest

from db import content, items
from db.errors import InvalidState, PermissionDenied, ValidationFailed
from db.models import OutboxOp, ReviewTask, Revision, Version
from tests.helpers import column, user

COMPLETE = {
    "title": "市行政服务中心召开2017年政务公开工作推进会",
    "body_html": "<p>为认真贯彻落实《中华人民共和国政府信息公开条例》，中心召开政务公开工作推进会。</p>",
    "publisher": "信阳市行政服务中心",
    "doc_no": "信政服〔2017〕12号",
    "topic": "0101",
    "written_on": "2017-03-15",
    "validity": "有效",
    "disclosure": "主动公开",
    "secrecy": "非涉密",
    "summary": "中心召开政务公开工作推进会，部署全年政务公开重点工作。",
}


def test_every_save_keeps_history(profile):
    drafter = user("liuyang")
    item = items.create_item(drafter, column("gzdt"), {"title": "第一稿"})
    items.save_item(drafter, item, {"title": "第二稿"})
    items.save_item(drafter, item, {"title": "第三稿"})
    titles = [json.loads(r.content)["title"] for r in Revision.select().where(Revision.item == item).order_by(Revision.id)]
    assert titles == ["第一稿", "第二稿", "第三稿"]


def test_autosaves_collapse_into_one_history_row(profile):
    drafter = user("liuyang")
    item = items.create_item(drafter, column("gzdt"), {"title": "开头"})
    for n in range(5):
        items.save_item(drafter, item, {"title": f"打字中{n}"}, autosave=True)
    rows = list(Revision.select().where(Revision.item == item).order_by(Revision.id))
    assert len(rows) == 2 and json.loads(rows[-1].content)["title"] == "打字中4"


def test_submit_freezes_a_version_with_its_hash_and_queues_it(profile):
    drafter = user("liuyang")
    item = items.create_item(drafter, column("gzdt"), COMPLETE)
    version = items.submit(drafter, item)
    frozen = json.loads(version.content)
    assert frozen["title"] == COMPLETE["title"]
    assert version.content_hash == content.content_hash(frozen)
    assert frozen["meta"]["index_no"].startswith("XYSXZFWZX/")
    task = ReviewTask.get(ReviewTask.version == version)
    assert (task.stage, task.stage_role, task.state) == (1, "section_head", "open")
    assert OutboxOp.select().where(OutboxOp.kind == "version.submit").count() == 1


def test_index_numbers_are_unique_and_sequential(profile):
    drafter = user("liuyang")
    numbers = []
    for n in range(3):
        item = items.create_item(drafter, column("gzdt"), dict(COMPLETE, title=f"信息{n}"))
        numbers.append(items.submit(drafter, item).item.index_no)
    assert len(set(numbers)) == 3
    assert [int(n.rsplit("-", 1)[1]) for n in numbers] == [1, 2, 3]


def test_version_content_does_not_change_when_the_draft_does(profile):
    drafter = user("liuyang")
    item = items.create_item(drafter, column("gzdt"), COMPLETE)
    version = items.submit(drafter, item)
    items.save_item(drafter, item, {"title": "提交后又修改的标题"})
    again = Version.get_by_id(version.id)
    assert json.loads(again.content)["title"] == COMPLETE["title"]
    assert again.state == "stale", "editing during review takes the old version out of review"


@pytest.mark.parametrize("field, value, message", [
    ("doc_no", "信政服[2017]12号", "六角括号"),
    ("doc_no", "第12号文件", "文号格式"),
    ("summary", "字" * 101, "不能超过100字"),
    ("topic", "01", "具体分类"),
    ("publisher", "某某单位", "机构名录"),
])
def test_submission_refuses_bad_metadata(profile, field, value, message):
    drafter = user("liuyang")
    item = items.create_item(drafter, column("gzdt"), dict(COMPLETE, **{field: value}))
    with pytest.raises(ValidationFailed) as refused:
        items.submit(drafter, item)
    assert message in refused.value.problems[field][0]
    assert not Version.select().exists()


def test_drafter_cannot_submit_into_another_sections_column(profile):
    drafter = user("liuyang")      # office
    with pytest.raises(PermissionDenied, match="不属于本科室"):
        items.create_item(drafter, column("ztb_jsgc"), COMPLETE)     # trading's column


def test_drafter_cannot_touch_another_sections_item(profile):
    item = items.create_item(user("maxiaoyan"), column("ztb_jsgc"), dict(COMPLETE, title="施工招标公告"))
    with pytest.raises(PermissionDenied):
        items.save_item(user("liuyang"), item, {"title": "改别人的"})
    with pytest.raises(PermissionDenied):
        items.submit(user("liuyang"), item)


@pytest.mark.parametrize("username", ["wangjianguo", "qiantai", "admin"])
def test_other_roles_do_not_draft(profile, username):
    with pytest.raises(PermissionDenied):
        items.create_item(user(username), column("gzdt"), COMPLETE)


def test_submitted_items_cannot_be_discarded(profile):
    drafter = user("liuyang")
    item = items.create_item(drafter, column("gzdt"), COMPLETE)
    items.submit(drafter, item)
    with pytest.raises(InvalidState):
        items.discard_draft(drafter, item)
