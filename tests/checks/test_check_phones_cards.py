"""Mobile numbers and bank card numbers: found with exact spans, look-alikes left alone."""
from __future__ import annotations

from datetime import date

import pytest

from db.checks import check_text
from tests.checks.checks_helpers import full_width, luhn_complete, make_id


def found(text, ctx, rule):
    return [(f.excerpt, f.suggestion, f.severity) for f in check_text(text, "body", ctx)
            if f.rule == rule]


@pytest.mark.parametrize("text, excerpt, suggestion", [
    ("联系电话：13800138000。", "13800138000", "138****8000"),
    ("手机 138 0013 8000", "138 0013 8000", "138****8000"),
    ("手机138-0013-8000", "138-0013-8000", "138****8000"),
    ("手机：+86 139 1234 5678", "+86 139 1234 5678", "+86 139****5678"),
    ("手机：+8615912345678", "+8615912345678", "+86 159****5678"),
    ("手机：0086-18612345678", "0086-18612345678", "0086 186****5678"),
    ("（+86）17712345678", "17712345678", "177****5678"),
    (f"手机{full_width('13800138000')}", full_width("13800138000"), "138****8000"),
    ("张三19912345678李四", "19912345678", "199****5678"),
    ("电话 138 0013 8000 2017", "138 0013 8000", "138****8000"),
])
def test_mobile_numbers_are_blocking_and_masked(ctx, text, excerpt, suggestion):
    assert found(text, ctx, "mobile") == [(excerpt, suggestion, "blocking")]


@pytest.mark.parametrize("text", [
    "咨询电话：0376-6221234",
    "咨询电话：(0376)6221234，0376 6221234，03766221234",
    "政务服务便民热线12345，工商银行95588",
    "服务热线400-123-4567、400 123 4567",
    "编号12345678901",                        # 1 then 2: not a mobile prefix
    "号码1380013800、138001380001",           # ten and twelve digits
    "金额13800138000.00元，13800138000元，￥13800138000",
    "合同号2013800138000",                    # inside a longer number
    "日期2017-12-31，20171231",
    "信政服〔2017〕12号",
    "1 3 8 0 0 1 3 8 0 0 0",                  # single digits are a list, not a number
    "增长13.8001380005%",
])
def test_numbers_that_are_not_mobiles(ctx, text):
    assert found(text, ctx, "mobile") == []


def test_mobile_in_a_guide_contact_field_is_a_warning(ctx):
    """咨询电话 is published on purpose; a mobile there is for the drafter to confirm."""
    assert [f.severity for f in check_text("13800138000", "guide.phone", ctx)] == ["warning"]
    assert [f.severity for f in check_text("13800138000", "guide.result", ctx)] == ["blocking"]


UNIONPAY_19 = luhn_complete("622202123456789012")
UNIONPAY_16 = luhn_complete("622848001234567")
VISA = "4111111111111111"


@pytest.mark.parametrize("text, excerpt, suggestion", [
    (f"卡号{UNIONPAY_19}", UNIONPAY_19, "6222***********" + UNIONPAY_19[-4:]),
    (f"卡号：{UNIONPAY_16}。", UNIONPAY_16, "6228********" + UNIONPAY_16[-4:]),
    (f"卡号 {' '.join(UNIONPAY_19[i:i + 4] for i in range(0, 19, 4))}",
     " ".join(UNIONPAY_19[i:i + 4] for i in range(0, 19, 4)), "6222***********" + UNIONPAY_19[-4:]),
    (f"卡号{'-'.join(VISA[i:i + 4] for i in range(0, 16, 4))}",
     "-".join(VISA[i:i + 4] for i in range(0, 16, 4)), "4111********1111"),
    (f"卡号{full_width(UNIONPAY_16)}", full_width(UNIONPAY_16), "6228********" + UNIONPAY_16[-4:]),
])
def test_bank_cards_are_blocking_and_masked(ctx, text, excerpt, suggestion):
    assert found(text, ctx, "bank_card") == [(excerpt, suggestion, "blocking")]


def _luhn_valid_id() -> str:
    """An ID number that also passes the Luhn check and starts like a card (62 Gansu)."""
    for seq in range(1000):
        candidate = make_id("620102", date(1988, 8, 8), f"{seq:03d}")
        if candidate.isdigit() and luhn_complete(candidate[:-1]) == candidate:
            return candidate
    raise AssertionError("no such number")


@pytest.mark.parametrize("text", [
    f"卡号{UNIONPAY_19[:-1]}{(int(UNIONPAY_19[-1]) + 1) % 10}",     # Luhn fails
    "卡号4111111111111112",
    f"订单号{luhn_complete('201712310000123')}",                     # 16 digits, no card prefix
    f"信用代码{luhn_complete('91411500123456789')}",                  # 18 digits starting 91
    "金额6222021234567890128.00元",
])
def test_numbers_that_are_not_bank_cards(ctx, text):
    assert found(text, ctx, "bank_card") == []


def test_an_id_number_that_passes_luhn_is_reported_as_id_only(ctx):
    number = _luhn_valid_id()
    rules = [f.rule for f in check_text(f"身份证{number}", "body", ctx)]
    assert rules == ["id_number"]
