"""Helpers for workflow tests: complete items submitted by the demo directory's people."""
from __future__ import annotations

import pytest

from db import items
from db.models import Item, Version
from db.workflow import decisions, publication
from tests.helpers import column, user

COMPLETE = {
    "title": "市行政服务中心召开2017年政务公开工作推进会",
    "body_html": "<p>为认真贯彻落实《中华人民共和国政府信息公开条例》，中心召开政务公开工作推进会。</p>"
                 "<p>会议要求各科室按照程序及时公开信息。</p>",
    "publisher": "信阳市行政服务中心",
    "doc_no": "信政服〔2017〕12号",
    "topic": "0101",
    "written_on": "2017-03-15",
    "summary": "中心召开政务公开工作推进会，部署全年政务公开重点工作。",
}


def draft(username: str = "liuyang", code: str = "gzdt", **fields) -> Item:
    return items.create_item(user(username), column(code), {**COMPLETE, **fields})


def submitted(username: str = "liuyang", code: str = "gzdt", **fields) -> tuple[Item, Version]:
    item = draft(username, code, **fields)
    version = items.submit(user(username), item)
    return Item.get_by_id(item.id), version


def approve(username: str, version: Version, comment: str = "") -> decisions.Outcome:
    return decisions.approve(user(username), version.item_id, version.number, version.content_hash, comment)


def publish_through_review(username: str = "liuyang", code: str = "gzdt", **fields) -> Item:
    """An item approved at every stage and reported published by sync."""
    item, version = submitted(username, code, **fields)
    for reviewer in reviewers_for(item):
        approve(reviewer, version)
    publication.mark_published(item.id, version.number, version.content_hash)
    return Item.get_by_id(item.id)


REVIEWERS = {"office": ("chenjing", "wangjianguo"), "policy": ("zhengli", "wangjianguo"),
             "trading": ("wuhao", "zhangweidong"), "network": ("huangtao", "limeihua"),
             "approval": ("zhoumin", "limeihua")}


def reviewers_for(item: Item) -> list[str]:
    head, leader = REVIEWERS[item.section.code]
    return [head, leader] if item.column.stage_roles()[0] == "section_head" else [leader]


@pytest.fixture
def office_item(profile) -> tuple[Item, Version]:
    return submitted()
