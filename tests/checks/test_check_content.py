"""Catalogue metadata, 文号, guides, policy bundles and whole-item checks."""
from __future__ import annotations

import copy
from datetime import date

import pytest

from db import guides
from db.checks import CheckContext, Finding, check_content, check_text, has_blocking, mask
from db.checks.policy import POLICY_MESSAGE
from tests.checks.checks_helpers import make_id
from tests.checks.conftest import TODAY

GOOD = {
    "kind": "article", "column": "notice", "section": "office",
    "title": "关于调整窗口办公时间的通知",
    "body_html": "<p>各位办事群众：</p><p>自2017年12月1日起调整办公时间。</p>",
    "meta": {"index_no": "", "publisher": "信阳市行政服务中心", "doc_no": "信政服〔2017〕12号",
             "topic": "T0101", "written_on": "2017-11-20", "validity": "有效",
             "disclosure": "主动公开", "secrecy": "非涉密", "summary": "调整窗口办公时间"},
    "guide": None, "attachments": [], "related": "",
}
LEAVES = frozenset({"T0101", "T0102"})


def content(**changes):
    item = copy.deepcopy(GOOD)
    for key, value in changes.items():
        if key in item["meta"]:
            item["meta"][key] = value
        else:
            item[key] = value
    return item


@pytest.fixture
def leaf_ctx():
    return CheckContext(today=TODAY, leaf_topics=LEAVES)


def problems(item, ctx):
    return [(f.rule, f.severity, f.field) for f in check_content(item, ctx)]


def test_a_good_item_has_no_findings(leaf_ctx):
    assert check_content(GOOD, leaf_ctx) == []


@pytest.mark.parametrize("key", ["publisher", "topic", "written_on", "validity", "disclosure",
                                 "secrecy", "summary"])
def test_every_required_field_blocks_when_blank(leaf_ctx, key):
    assert problems(content(**{key: "  "}), leaf_ctx) == [("required", "blocking", f"meta.{key}")]


def test_blank_title_blocks(leaf_ctx):
    assert problems(content(title=""), leaf_ctx) == [("required", "blocking", "title")]


@pytest.mark.parametrize("key, value", [("validity", "有效的"), ("disclosure", "公开"),
                                        ("secrecy", "保密")])
def test_values_outside_the_lists_block(leaf_ctx, key, value):
    assert problems(content(**{key: value}), leaf_ctx) == [("invalid_value", "blocking", f"meta.{key}")]


@pytest.mark.parametrize("doc_no, severity, suggestion", [
    ("信政服〔2017〕12号", None, None),
    ("", None, None),
    ("信政服[2017]12号", "blocking", "信政服〔2017〕12号"),
    ("信政服(2017)12号", "blocking", "信政服〔2017〕12号"),
    ("信政服（2017）12号", "blocking", "信政服〔2017〕12号"),
    ("信政服【2017】12号", "blocking", "信政服〔2017〕12号"),
    ("信政服［2017］12号", "blocking", "信政服〔2017〕12号"),
    ("信政服〔２０１７〕１２号", "warning", "信政服〔2017〕12号"),
    ("国务院令第492号", None, None),                 # decrees carry no year
    ("主席令第三十一号", None, None),
    ("第12号文件", "blocking", None),                 # submission refuses it too
    ("信政服〔1948〕12号", "blocking", None),          # implausible year
    ("信政服〔2025〕12号", "blocking", None),          # after today (2024-06-01)
    ("信政服〔2016〕12号", "warning", None),          # year differs from 成文日期
])
def test_doc_no_forms(leaf_ctx, doc_no, severity, suggestion):
    findings = check_content(content(doc_no=doc_no), leaf_ctx)
    assert [(f.severity, f.suggestion) for f in findings if f.field == "meta.doc_no"] == (
        [(severity, suggestion)] if severity else [])


@pytest.mark.parametrize("written_on, published_on, expected", [
    ("2017-11-20", None, []),
    ("2024-06-01", None, []),                                     # today is fine
    ("2024-06-02", None, [("written_on", "meta.written_on")]),   # future
    ("1949-09-30", None, [("written_on", "meta.written_on")]),   # too early
    ("2017/11/20", None, [("written_on", "meta.written_on")]),   # format
    ("2017-02-30", None, [("written_on", "meta.written_on")]),
    ("2017-11-20", date(2017, 11, 20), []),
    ("2017-11-20", date(2017, 11, 19), [("published_on", "meta.published_on")]),
])
def test_dates(written_on, published_on, expected):
    ctx = CheckContext(today=TODAY, leaf_topics=LEAVES, published_on=published_on)
    item = content(written_on=written_on, doc_no="")
    assert [(f.rule, f.field) for f in check_content(item, ctx)] == expected
    assert all(f.severity == "blocking" for f in check_content(item, ctx))


def test_summary_may_have_100_characters_not_101(leaf_ctx):
    assert problems(content(summary="字" * 100), leaf_ctx) == []
    assert problems(content(summary="字" * 101), leaf_ctx) == [("summary_length", "blocking", "meta.summary")]


def test_secret_and_not_public_items_block(leaf_ctx):
    assert problems(content(secrecy="涉密"), leaf_ctx) == [("secret_item", "blocking", "meta.secrecy")]
    assert problems(content(disclosure="不予公开"), leaf_ctx) == [("not_public", "blocking", "meta.disclosure")]


def test_topic_must_be_a_leaf_when_leaves_are_known(leaf_ctx):
    assert problems(content(topic="T01"), leaf_ctx) == [("topic_leaf", "blocking", "meta.topic")]
    assert check_content(content(topic="T01"), CheckContext(today=TODAY)) == []


def test_policy_without_interpretation_blocks(leaf_ctx):
    findings = check_content(content(kind="policy"), leaf_ctx)
    assert [(f.rule, f.severity, f.message) for f in findings] == [
        ("policy_interpretation", "blocking", POLICY_MESSAGE)]
    assert POLICY_MESSAGE == "政策文件须与政策解读同步起草、同步审签、同步发布"
    assert check_content(content(kind="policy", related="abc123"), leaf_ctx) == []
    assert problems(content(kind="interpretation"), leaf_ctx) == [
        ("policy_interpretation", "warning", "related")]


def complete_guide():
    guide = guides.empty_guide()
    guide.update(name="企业设立登记", basis=[{"law": "公司法", "article": "第六条"}],
                 conditions="符合条件的申请人", materials=[{"name": "申请书", "copies": 1, "form": "原件"}],
                 location="行政服务中心一楼", hours="工作日9:00-17:00", phone="0376-6221234",
                 complaint_phone="0376-6221235", steps=["受理", "审查", "决定"],
                 legal_limit_days=15, promised_limit_days=5, fee="不收费", result="营业执照")
    return guide


def test_guide_problems_come_from_db_guides(leaf_ctx):
    assert check_content(content(kind="guide", guide=complete_guide()), leaf_ctx) == []
    guide = complete_guide()
    guide.update(fee="", promised_limit_days=20)
    findings = check_content(content(kind="guide", guide=guide), leaf_ctx)
    assert [(f.field, f.severity) for f in findings] == [
        ("guide.fee", "blocking"), ("guide.promised_limit_days", "blocking")]
    assert "不收费" in findings[0].message
    assert problems(content(kind="guide", guide=None), leaf_ctx) == [("guide", "blocking", "guide")]


def test_guide_text_is_checked_and_contact_mobiles_only_warn(leaf_ctx):
    guide = complete_guide()
    guide.update(phone="13800138000", steps=["受理", f"核对身份证{make_id()}"])
    findings = [f for f in check_content(content(kind="guide", guide=guide), leaf_ctx)]
    assert [(f.rule, f.severity, f.field, f.location) for f in findings] == [
        ("mobile", "warning", "guide.phone", None),
        ("id_number", "blocking", "guide.steps", "第2项")]


def test_body_spans_index_the_plain_text_and_mask_fixes_them(leaf_ctx):
    from db import richtext
    number = make_id()
    item = content(body_html=f"<p>名单如下：</p><p>张三，<strong>{number}</strong>，电话13800138000</p>")
    findings = [f for f in check_content(item, leaf_ctx) if f.field == "body"]
    text = richtext.to_text(item["body_html"])
    assert [text[f.start:f.end] for f in findings] == [number, "13800138000"]
    assert mask(text, findings) == "名单如下：\n张三，4115**********1233，电话138****8000"
    assert check_text(mask(text, findings), "body", leaf_ctx) == []


def test_title_and_summary_are_checked_too(leaf_ctx):
    item = content(title="关于张三13800138000的公示", summary="机密★1年")
    assert [(f.rule, f.field) for f in check_content(item, leaf_ctx)] == [
        ("mobile", "title"), ("secrecy_mark", "meta.summary")]


def test_mask_leaves_other_findings_and_stale_spans_alone(ctx):
    text = "机密★1年 13800138000"
    findings = check_text(text, "body", ctx)
    assert mask(text, findings) == "机密★1年 138****8000"
    assert mask("机密★1年 13900000000", findings) == "机密★1年 13900000000"   # text changed


def test_has_blocking_and_stable_keys(ctx):
    first = check_text("电话13800138000", "body", ctx)
    again = check_text("电话13800138000", "body", ctx)
    assert has_blocking(first) and not has_blocking(check_text("请注意保存回执", "body", ctx))
    assert [f.key for f in first] == [f.key for f in again]
    other = check_text("电话13900139000", "body", ctx)
    assert first[0].key != other[0].key
    assert "13800138000" not in first[0].key            # the key never carries the data
    assert first[0].to_dict()["key"] == first[0].key


def test_finding_rejects_unknown_severity():
    with pytest.raises(ValueError):
        Finding("x", "fatal", "消息")
