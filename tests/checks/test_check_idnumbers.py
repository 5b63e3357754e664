"""身份证号: the rule must find every real ID number, with its exact span, and nothing that
merely looks like one."""
from __future__ import annotations

from datetime import date

import pytest

from tests.checks.checks_helpers import full_width, make_id, wrong_check
from db.checks import check_text

ID = make_id("411502", date(1990, 3, 7), "123")          # 411502199003071233
ID_X = "11010519491231002X"                               # the example in GB 11643-1999
assert make_id("110105", date(1949, 12, 31), "002") == ID_X


def ids(findings, rule="id_number"):
    return [(f.excerpt, f.start, f.end) for f in findings if f.rule == rule]


@pytest.mark.parametrize("text, excerpt", [
    (f"身份证号{ID}。", ID),
    (f"{ID}", ID),
    (f"公民身份号码：{ID_X}，", ID_X),
    (f"号码{ID_X.lower()}结束", ID_X.lower()),
    (f"身份证号：{full_width(ID)}", full_width(ID)),
    (f"身份证号：{full_width(ID_X)}", full_width(ID_X)),
    (f"身份证 {ID[:6]} {ID[6:14]} {ID[14:]} 号", f"{ID[:6]} {ID[6:14]} {ID[14:]}"),
    (f"身份证 {'-'.join(ID[i:i + 4] for i in range(0, 18, 4))}",
     "-".join(ID[i:i + 4] for i in range(0, 18, 4))),
    (f"身份证{ID[:6]}　{ID[6:14]}　{ID[14:]}", f"{ID[:6]}　{ID[6:14]}　{ID[14:]}"),
    (f"ID:{ID}", ID),
    (f"{ID}元", ID),                  # no sum of money has 18 digits; a join typo is likelier
    ("旧证号码411502900307123号", "411502900307123"),           # 15 digits, born 1990-03-07
    (f"香港居民居住证{make_id('810000', date(1985, 1, 2), '001')}",
     make_id("810000", date(1985, 1, 2), "001")),
])
def test_valid_id_numbers_are_blocking_with_exact_span(ctx, text, excerpt):
    findings = check_text(text, "body", ctx)
    found = [f for f in findings if f.rule == "id_number"]
    assert len(found) == 1
    f = found[0]
    assert f.severity == "blocking"
    assert text[f.start:f.end] == excerpt == f.excerpt


@pytest.mark.parametrize("text", [
    "日期20171231，时间201712311230",
    "信政服〔2017〕12号，国务院令第492号",
    "订单号201712310000123456",                     # no such region (20)
    "金额411502199003071233.00元",                   # an amount with decimals
    "流水号4115021990030712331",                     # 19 digits: part of a longer number
    "编号9411502199003071233",                       # ...and with a digit before it
    f"出生于未来：{make_id('411502', date(2030, 1, 1), '123')}",
    f"日期不存在：{make_id('411502', date(1990, 3, 7), '123')[:10]}0230{ID[14:]}",
    f"没有的地区：{make_id('991502', date(1990, 3, 7), '123')}",
    f"省级代码：{make_id('410000', date(1990, 3, 7), '123')}",
    f"1900年以前：{make_id('440524', date(1880, 1, 1), '001')}",  # the standard's other example
    "电话0376-6221234，热线12345，传真0376-6221235",
    "统一社会信用代码91411500MA3X4L6Y2K",
    "旧号码411502901307123",                          # month 13
])
def test_look_alikes_are_not_id_numbers(ctx, text):
    assert ids(check_text(text, "body", ctx)) == []


@pytest.mark.parametrize("wrong", wrong_check(ID) + wrong_check(ID_X))
def test_wrong_check_digit_is_only_a_warning(ctx, wrong):
    findings = check_text(f"身份证号{wrong}", "body", ctx)
    assert ids(findings) == []
    assert all(f.severity == "warning" for f in findings)
    assert ids(findings, "id_number_suspect") == [(wrong, 4, 22)]


def test_masked_suggestion_keeps_first_and_last_four(ctx):
    split = f"{ID[:6]} {ID[6:14]} {ID[14:]}"
    suggestions = [f.suggestion for f in check_text(f"{ID}，{split}，{ID_X}，411502900307123", "body", ctx)]
    assert suggestions == ["4115**********1233", "4115**********1233", "1101**********002X",
                           "4115*******7123"]


def test_two_ids_separated_by_a_space_are_two_findings(ctx):
    other = make_id("320102", date(1975, 11, 30), "456")
    text = f"{ID} {other}"
    assert ids(check_text(text, "body", ctx)) == [(ID, 0, 18), (other, 19, 37)]


def test_birth_date_after_today_is_not_plausible(ctx):
    born_later = make_id("411502", date(2024, 6, 2), "123")
    born_today = make_id("411502", date(2024, 6, 1), "123")
    assert ids(check_text(born_later, "body", ctx)) == []
    assert ids(check_text(born_today, "body", ctx)) == [(born_today, 0, 18)]
