"""密级 markings, home addresses, sensitive words and confusion pairs."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.checks import CheckContext, check_text
from db.checks.ahocorasick import Automaton
from db.checks.wordlists import (ConfusionEntry, SensitiveEntry, WordListError,
                                 load_default_confusion, load_default_sensitive,
                                 parse_confusion, parse_sensitive)


def rule_hits(text, ctx, rules):
    return [(f.rule, f.severity, f.excerpt) for f in check_text(text, "body", ctx) if f.rule in rules]


MARKINGS = ("secrecy_mark", "internal_mark", "internal_word")


@pytest.mark.parametrize("text, expected", [
    ("机密★1年\n关于调整窗口的通知", [("secrecy_mark", "blocking", "机密★1年")]),
    ("秘密★长期", [("secrecy_mark", "blocking", "秘密★长期")]),
    ("绝密★", [("secrecy_mark", "blocking", "绝密★")]),
    ("秘密★６个月", [("secrecy_mark", "blocking", "秘密★６个月")]),
    ("机密 保密期限：十年", [("secrecy_mark", "blocking", "机密 保密期限：十年")]),
    ("正文\n  秘密  \n正文", [("secrecy_mark", "blocking", "秘密")]),
    ("【机密】", [("secrecy_mark", "blocking", "【机密】")]),
    ("内部资料 注意保存", [("internal_mark", "blocking", "内部资料 注意保存")]),
    ("【内部资料】2017年工作要点", [("internal_mark", "blocking", "【内部资料】")]),
    ("（内部文件，不得外传）", [("internal_mark", "blocking", "（内部文件，不得外传）")]),
    ("本材料为内部资料，请勿转发", [("internal_word", "warning", "内部资料")]),
    ("请注意保存受理回执", [("internal_word", "warning", "注意保存")]),
    ("依法保守国家秘密，不得公开涉及商业秘密、个人隐私的信息", []),
    ("中心制定了机密文件管理制度和保密工作制度", []),
    ("秘密的秘密", []),
])
def test_secrecy_markings(ctx, text, expected):
    assert rule_hits(text, ctx, MARKINGS) == expected


def test_marking_span_is_exact(ctx):
    text = "正文\n机密★1年\n"
    [finding] = check_text(text, "body", ctx)
    assert text[finding.start:finding.end] == "机密★1年"


@pytest.mark.parametrize("text, expected", [
    ("家住信阳市浉河区某小区3号楼2单元501室", ["3号楼2单元501室"]),
    ("住址：12栋1单元302", ["12栋1单元302"]),
    ("办理地点：行政服务中心3楼301室", []),
    ("地址：信阳市新七大街12号", []),
])
def test_home_addresses_are_warnings(ctx, text, expected):
    findings = [f for f in check_text(text, "body", ctx) if f.rule == "home_address"]
    assert [f.excerpt for f in findings] == expected
    assert all(f.severity == "warning" for f in findings)


# --- the automaton ----------------------------------------------------------------------

def test_automaton_finds_overlapping_words():
    automaton = Automaton((w, w) for w in ("he", "she", "his", "hers"))
    assert sorted(automaton.find_all("ushers")) == [(1, 4, "she"), (2, 4, "he"), (2, 6, "hers")]


def test_empty_automaton_finds_nothing():
    assert list(Automaton([]).find_all("任何文字")) == []


def naive(words, text):
    return sorted((i, i + len(w), w) for w in set(words) for i in range(len(text))
                  if text.startswith(w, i))


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.text(alphabet="甲乙丙ab", min_size=1, max_size=4), min_size=1, max_size=12),
       text=st.text(alphabet="甲乙丙abc", max_size=60))
def test_automaton_agrees_with_a_naive_search(words, text):
    automaton = Automaton((w, w) for w in words)
    assert sorted(automaton.find_all(text)) == naive(words, text)


# --- word list files and matching -------------------------------------------------------

def test_parse_formats_and_defaults():
    entries = parse_sensitive("# 注释\n内部讨论稿 | blocking | 不得公开\n测试\n\n草稿 | 提示\n")
    assert entries == [SensitiveEntry("内部讨论稿", "blocking", "不得公开"),
                       SensitiveEntry("测试", "warning", ""), SensitiveEntry("草稿", "warning", "")]
    assert parse_confusion("中新 → 中心 | 阻断\n条列->条例") == [
        ConfusionEntry("中新", "中心", "blocking"), ConfusionEntry("条列", "条例", "warning")]


@pytest.mark.parametrize("parse, text, line", [
    (parse_sensitive, "好词\n坏词 | urgent", 2),
    (parse_confusion, "# c\n没有箭头", 2),
    (parse_confusion, "a → ", 1),
])
def test_bad_lines_name_their_line(parse, text, line):
    with pytest.raises(WordListError) as error:
        parse(text)
    assert error.value.line == line and f"第{line}行" in str(error.value)


def test_shipped_lists_load_and_are_not_empty():
    assert len(load_default_sensitive()) >= 5
    assert len(load_default_confusion()) >= 5


def test_sensitive_words_use_the_entry_severity_and_the_longest_match():
    ctx = CheckContext.build(sensitive=[SensitiveEntry("此处待补充", "blocking"),
                                        SensitiveEntry("待补充", "warning"), "测试信息"])
    text = "一、此处待补充。二、待补充。三、测试信息"
    assert [(f.excerpt, f.severity, f.start) for f in check_text(text, "body", ctx)] == [
        ("此处待补充", "blocking", 2), ("待补充", "warning", 10), ("测试信息", "warning", 16)]


def test_confusion_pairs_suggest_the_right_form():
    ctx = CheckContext.build(confusion=[ConfusionEntry("王振化", "王振华", "blocking", "领导姓名"),
                                        ("截止目前", "截至目前")])
    findings = check_text("截止目前，王振化主任指出", "body", ctx)
    assert [(f.excerpt, f.suggestion, f.severity) for f in findings] == [
        ("截止目前", "截至目前", "warning"), ("王振化", "王振华", "blocking")]
    assert "王振华" in findings[1].message


def test_a_wrong_form_inside_its_right_form_is_not_reported():
    ctx = CheckContext.build(confusion=[("李明", "李明华")])
    assert check_text("李明华同志", "body", ctx) == []
    assert [f.excerpt for f in check_text("李明同志", "body", ctx)] == ["李明"]


def test_default_lists_catch_typical_errors(default_ctx):
    text = "中华人民共合国政府信息公开条列规定，XXX同志"
    rules = {(f.rule, f.excerpt) for f in check_text(text, "body", default_ctx)}
    assert ("confusion", "中华人民共合国") in rules
    assert ("sensitive_word", "XXX") in rules


@pytest.mark.parametrize("text, expected", [
    ("根据信政服[2017]12号文件", [("[2017]", "〔2017〕")]),
    ("豫政办（2016） 3号和信政服 【2017】第5号", [("（2016）", "〔2016〕"), ("【2017】", "〔2017〕")]),
    ("根据信政服〔2017〕12号文件", []),
    ("工作要点（2017年）第3号", []),             # not a year alone in the brackets
    ("see [2017] 12号", []),                      # no issuer abbreviation before it
    ("信政服(2017)", []),                          # no serial number after it
])
def test_doc_no_brackets_in_running_text_are_warnings(ctx, text, expected):
    findings = [f for f in check_text(text, "body", ctx) if f.rule == "doc_no_brackets"]
    assert [(text[f.start:f.end], f.suggestion) for f in findings] == expected
    assert all(f.severity == "warning" for f in findings)


def test_entries_may_be_dicts_and_bad_severities_fail_when_the_list_is_built():
    ctx = CheckContext.build(sensitive=[{"word": "测试信息", "severity": "blocking"}],
                             confusion=[{"wrong": "中新", "right": "中心"}])
    assert [(f.rule, f.severity) for f in check_text("测试信息，行政服务中新", "body", ctx)] == [
        ("sensitive_word", "blocking"), ("confusion", "warning")]
    with pytest.raises(ValueError):
        CheckContext.build(sensitive=[{"word": "词", "severity": "严重"}])
