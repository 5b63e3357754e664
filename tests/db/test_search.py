"""Chinese search finds words of every length, two characters included."""
from __future__ import annotations

import pytest

from db import items, search
from db.database import database
from tests.helpers import column, user


def find(query: str) -> set[str]:
    expression = search.match_expression(query)
    rows = database.execute_sql(search.matching_keys_sql(), (expression,)).fetchall()
    from db.models import Item
    return {Item.get_by_id(r[0]).title for r in rows}


@pytest.fixture
def corpus(profile):
    drafter = user("liuyang")
    for title, body in [
        ("政务公开工作要点", "<p>推进政务公开标准化规范化。</p>"),
        ("建设工程施工招标公告", "<p>本项目采用公开招标方式。</p>"),
        ("办事指南更新", "<p>营业执照办理材料调整。</p>"),
        ("网站信息发布审核管理办法", "<p>信政服〔2017〕54号 印发。</p>"),
        ("Windows 系统升级通知", "<p>网络科将于周末升级 Office 2016。</p>"),
    ]:
        items.create_item(drafter, column("gzdt"), {"title": title, "body_html": body})


@pytest.mark.parametrize("query, expected", [
    ("公开", {"政务公开工作要点", "建设工程施工招标公告"}),
    ("招标", {"建设工程施工招标公告"}),
    ("政务公开", {"政务公开工作要点"}),
    ("营业执照", {"办事指南更新"}),
    ("执", {"办事指南更新"}),
    ("照", {"办事指南更新"}),
    ("office", {"Windows 系统升级通知"}),
    ("win", {"Windows 系统升级通知"}),
    ("公开 招标", {"建设工程施工招标公告"}),
    ("ＯＦＦＩＣＥ", {"Windows 系统升级通知"}),
    ("开公", set()),
    ("信政服〔2017〕54号", {"网站信息发布审核管理办法"}),
    ("信政服〔2017〕", {"网站信息发布审核管理办法"}),
    ("〔2017〕54号", {"网站信息发布审核管理办法"}),
    ("信政服[2017]54", {"网站信息发布审核管理办法"}),
])
def test_queries(corpus, query, expected):
    assert find(query) == expected


def test_edited_text_is_found_and_old_text_is_not(profile):
    drafter = user("liuyang")
    item = items.create_item(drafter, column("gzdt"), {"title": "旧标题关于采购"})
    items.save_item(drafter, item, {"title": "新标题关于培训"})
    assert find("培训") == {"新标题关于培训"}
    assert find("采购") == set()


def test_punctuation_only_query_matches_nothing():
    assert search.match_expression("，。！ ") is None
