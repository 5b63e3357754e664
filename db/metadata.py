"""Catalogue metadata (公开目录要素): field rules shared by the editor, submission and import.

`field_problems` gives the message for one field as the user types (the editor shows it
inline); `submission_problems` adds what must be complete before review.
"""
from __future__ import annotations

import datetime as dt
import re

from db import clock
from db.models import DISCLOSURE, SECRECY, VALIDITY, Organisation, Topic

SUMMARY_MAX = 100
TITLE_MAX = 200
DOC_NO = re.compile(r"^\S.*〔(\d{4})〕(\d+)号$")
DOC_NO_WRONG_BRACKETS = re.compile(r"[\[【(（]\s*(\d{4})\s*[\]】)）]")
EARLIEST_WRITTEN = dt.date(1949, 10, 1)

Problem = tuple[str, str]   # (Chinese, English)


def doc_no_problem(value: str) -> Problem | None:
    value = value.strip()
    if not value:
        return None
    if DOC_NO.match(value):
        year = int(DOC_NO.match(value).group(1))
        if year < EARLIEST_WRITTEN.year or year > clock.local_today().year:
            return (f"文号中的年份{year}不合理", f"The year {year} in the document number is implausible")
        return None
    wrong = DOC_NO_WRONG_BRACKETS.search(value)
    if wrong:
        fixed = DOC_NO_WRONG_BRACKETS.sub(lambda m: f"〔{m.group(1)}〕", value)
        return (f"文号年份须用六角括号〔〕，应为“{fixed}”", f"Use 〔〕 around the year: {fixed}")
    return ("文号格式应为“机关代字〔年份〕序号号”，如 信政服〔2017〕12号",
            "A document number looks like 信政服〔2017〕12号")


def summary_problem(value: str) -> Problem | None:
    length = len(value.strip())
    if length > SUMMARY_MAX:
        return (f"内容概述不能超过{SUMMARY_MAX}字（现有{length}字）",
                f"The summary may have at most {SUMMARY_MAX} characters (it has {length})")
    return None


def title_problem(value: str) -> Problem | None:
    if len(value.strip()) > TITLE_MAX:
        return (f"标题不能超过{TITLE_MAX}字", f"The title may have at most {TITLE_MAX} characters")
    return None


def written_on_problem(value: str) -> Problem | None:
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return ("成文日期格式应为 YYYY-MM-DD", "The date written must be YYYY-MM-DD")
    if day > clock.local_today():
        return ("成文日期不能晚于今天", "The date written cannot be in the future")
    if day < EARLIEST_WRITTEN:
        return ("成文日期过早", "The date written is implausibly early")
    return None


def topic_problem(code: str) -> Problem | None:
    if not code:
        return None
    topic = Topic.get_or_none(Topic.code == code)
    if topic is None:
        return ("主题分类不存在", "Unknown topic")
    if Topic.select().where(Topic.parent == code).exists():
        return (f"请选择“{topic.name}”下的具体分类", f"Choose a sub-topic of {topic.name}")
    return None


def publisher_problem(name: str) -> Problem | None:
    if not name:
        return None
    if not Organisation.select().where((Organisation.name == name) & Organisation.active).exists():
        return ("发布机构须从机构名录中选择全称", "Choose the publisher's full name from the list")
    return None


def choice_problem(value: str, options: tuple[str, ...], label: str) -> Problem | None:
    if value and value not in options:
        return (f"{label}只能是：{'、'.join(options)}", f"{label} must be one of {', '.join(options)}")
    return None


FIELD_RULES = {
    "title": title_problem,
    "doc_no": doc_no_problem,
    "summary": summary_problem,
    "written_on": written_on_problem,
    "topic": topic_problem,
    "publisher": publisher_problem,
    "validity": lambda v: choice_problem(v, VALIDITY, "有效性"),
    "disclosure": lambda v: choice_problem(v, DISCLOSURE, "公开属性"),
    "secrecy": lambda v: choice_problem(v, SECRECY, "涉密状态"),
}

REQUIRED = {
    "title": ("标题", "Title"),
    "publisher": ("发布机构", "Publisher"),
    "topic": ("主题分类", "Topic"),
    "written_on": ("成文日期", "Date written"),
    "summary": ("内容概述", "Summary"),
}


def field_problems(fields: dict) -> dict[str, Problem]:
    """Format problems of the fields present in `fields` (blank optional fields are fine)."""
    problems = {}
    for name, rule in FIELD_RULES.items():
        if name in fields:
            problem = rule(str(fields[name] or ""))
            if problem:
                problems[name] = problem
    return problems


def submission_problems(fields: dict, kind: str) -> dict[str, Problem]:
    """Everything that stops a working copy from going to review."""
    problems = field_problems(fields)
    for name, (zh, en) in REQUIRED.items():
        if name not in problems and not str(fields.get(name) or "").strip():
            problems[name] = (f"请填写{zh}", f"{en} is required")
    if fields.get("secrecy") == "涉密" and "secrecy" not in problems:
        problems["secrecy"] = ("涉密信息不得上网公开", "Classified information may not be published")
    if kind != "guide" and not str(fields.get("body_text") or "").strip() and not fields.get("has_attachments"):
        problems["body"] = ("正文和附件不能都为空", "Add a body text or an attachment")
    return problems
