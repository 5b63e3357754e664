"""One set of catalogue rules: the editor's inline message, submission and the checks
say the same thing about the same value."""
from __future__ import annotations

import copy

import pytest

from db import metadata
from db.checks import CheckContext, check_content
from tests.checks.conftest import TODAY
from tests.checks.test_check_content import GOOD

CASES = [
    ("doc_no", "信政服[2017]12号", "doc_no"),
    ("doc_no", "第12号文件", "doc_no"),
    ("summary", "字" * 101, "summary_length"),
    ("written_on", "2024-06-02", "written_on"),
    ("written_on", "2017/11/20", "written_on"),
    ("validity", "有效的", "invalid_value"),
    ("secrecy", "涉密", "secret_item"),
    ("disclosure", "不予公开", "not_public"),
    ("summary", "", "required"),
]


@pytest.mark.parametrize("name, value, rule", CASES)
def test_checks_and_submission_give_the_same_message(profile, name, value, rule):
    item = copy.deepcopy(GOOD)
    item["meta"][name] = value
    fields = {**item["meta"], "title": item["title"], "body_text": "正文"}
    refused = metadata.submission_problems(fields, "article")
    [finding] = [f for f in check_content(item, CheckContext(today=TODAY)) if f.field == f"meta.{name}"]
    assert (finding.rule, finding.severity) == (rule, "blocking")
    if name == "written_on":       # submission judges dates against the real today
        refused = {name: metadata.written_on_problem(value, TODAY)}
    assert (finding.message, finding.english) == refused[name]


@pytest.mark.parametrize("value, form, normal", [
    ("信政服〔2017〕12号", "normal", "信政服〔2017〕12号"),
    (" 信政服〔２０１７〕１２号 ", "normal", "信政服〔2017〕12号"),
    ("信政服 [2017] 12号", "brackets", "信政服〔2017〕12号"),
    ("国务院令第492号", "decree", "国务院令第492号"),
    ("2017年第12号", "other", "2017年第12号"),
])
def test_parse_doc_no(value, form, normal):
    parsed = metadata.parse_doc_no(value)
    assert (parsed.form, parsed.normal) == (form, normal)
    assert metadata.parse_doc_no("  ") is None


def test_topic_messages_tell_a_branch_from_an_unknown_code():
    names = {"01": "综合政务", "0101": "政务公开"}
    assert metadata.topic_problem_in("0101", {"0101"}, names) is None
    assert metadata.topic_problem_in("01", {"0101"}, names)[0] == "请选择“综合政务”下的具体分类"
    assert metadata.topic_problem_in("99", {"0101"}, names)[0] == "主题分类不存在"
