"""Personal numbers in running text: ID numbers, mobile numbers and bank cards.

One scan finds digit runs (groups of digits joined by single spaces or hyphens, so
``411502 19900307 1234`` and ``4115-0219-9003-0712-34`` are one run). A run that is not
a number we know as a whole is tried group by group, so ``电话 138 0013 8000 2017`` still
yields the mobile. Digits inside longer digit runs and decimals (1234567890.00) are
never candidates; amounts (13800138000元, ￥…) are not taken for mobiles or cards.
"""
from __future__ import annotations

import re
from datetime import date

from db.checks import bankcard, idcard, phones
from db.checks.findings import BLOCKING, WARNING, Finding

# Not inside a longer number or a decimal. The look-behinds follow the first digit so
# the regex engine can skip ahead to the next digit (3x faster than leading with them).
_RUN = re.compile(
    r"[0-9](?<![0-9]{2})(?<![0-9]\.[0-9])"
    r"[0-9]*(?:[ -][0-9]+)*[Xx]?"
    r"(?![0-9Xx])(?!\.[0-9])")
_CURRENCY, _UNITS = "¥￥$", "元万亿%％‰"
_GROUP = re.compile(r"[0-9]+[Xx]?")
_LENGTHS = frozenset({11, 13, 15, 16, 17, 18, 19})
_SHORTEST = min(_LENGTHS)


def find_personal_numbers(text: str, folded: str, field: str, today: date) -> list[Finding]:
    """``folded`` is textnorm.fold(text): same offsets, ASCII digits and separators."""
    findings: list[Finding] = []
    for run in _RUN.finditer(folded):
        if run.end() - run.start() < _SHORTEST:
            continue                      # years, amounts, serials: the bulk of all runs
        if " " in run.group() or "-" in run.group():
            groups = [(m.start() + run.start(), m.end() + run.start())
                      for m in _GROUP.finditer(run.group())]
        else:
            groups = [run.span()]
        findings.extend(_scan_groups(text, folded, groups, field, today))
    return findings


def _scan_groups(text, folded, groups, field, today) -> list[Finding]:
    """Longest candidate first from each group; a hit consumes its groups."""
    found, i = [], 0
    while i < len(groups):
        for j in range(len(groups), i, -1):
            finding = _candidate(text, folded, groups[i:j], field, today)
            if finding:
                found.append(finding)
                i = j
                break
        else:
            i += 1
    return found


def _candidate(text, folded, groups, field, today) -> Finding | None:
    # People group digits in twos, threes and fours; a lone digit is a list, not a number.
    if len(groups) > 1 and any(end - start < 2 for start, end in groups):
        return None
    chars = "".join(folded[s:e] for s, e in groups)
    if len(chars) not in _LENGTHS:
        return None
    start, end = groups[0][0], groups[-1][1]
    plus_before = start > 0 and folded[start - 1] == "+"
    amount = ((start > 0 and folded[start - 1] in _CURRENCY)
              or (end < len(folded) and folded[end] in _UNITS))
    kind = _classify(chars, plus_before, amount, today)
    if kind is None:
        return None
    rule, severity, message, english, suggestion = kind
    if suggestion.startswith("+"):      # the plus sign belongs to the number
        start -= 1
    return Finding(rule, severity, message, field, start, end, text[start:end],
                   suggestion, english=english)


def _classify(chars: str, plus_before: bool, amount: bool, today: date):
    """ID numbers first: an ID is an ID even before 元 (an 18-digit sum of money is not
    a thing, a mistyped join is). Mobiles and cards are not taken from amounts, since
    11-digit sums in 元 do occur in budget reports."""
    if len(chars) == 18 and idcard.is_valid_id18(chars, today):
        return ("id_number", BLOCKING, "身份证号码属于个人信息，公开前须遮盖",
                "Resident ID number (personal data): mask it before publication",
                idcard.masked(chars))
    if len(chars) == 15 and idcard.is_valid_id15(chars, today):
        return ("id_number", BLOCKING, "15位身份证号码属于个人信息，公开前须遮盖",
                "Old 15-digit ID number (personal data): mask it before publication",
                idcard.masked(chars))
    if not chars.isdigit():
        return None if len(chars) != 18 else _suspect_id(chars, today)
    suspect = _suspect_id(chars, today)
    if suspect or amount:
        return suspect
    parts = phones.mobile_parts(chars, plus_before)
    if parts:
        return ("mobile", BLOCKING, "手机号码属于个人信息，公开前须遮盖",
                "Mobile number (personal data): mask it before publication",
                phones.masked(*parts))
    if bankcard.is_bank_card(chars):
        return ("bank_card", BLOCKING, "银行卡号属于个人信息，公开前须遮盖",
                "Bank card number (personal data): mask it before publication",
                bankcard.masked(chars))
    return None


def _suspect_id(chars: str, today: date):
    """Region and birth date fit but the check character does not: most likely a
    mistyped ID number, which still gives away a person's birthplace and birthday."""
    if not idcard.shaped_like_id18(chars, today):
        return None
    return ("id_number_suspect", WARNING,
            "疑似身份证号码（校验码不符），请核实；如确为身份证号码须遮盖",
            "Looks like an ID number but the check digit is wrong; verify and mask if it is one",
            idcard.masked(chars))
