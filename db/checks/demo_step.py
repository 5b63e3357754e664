"""The demo's checks step (db.demo.EXTRA_STEPS): findings to look at on first run.

Through the real services: a draft of 刘洋's whose body still has a private mobile number,
an ID number and a confusion of the leader's name (the editor's 发布前检查 panel shows and
masks them); and a notice whose published duty mobile was let through with a reason, then
submitted, so reviewers see a finding with its override in the queue.
"""
from __future__ import annotations

import datetime as dt
import random

from db import clock, items
from db.checks import service
from db.models import Column, Item, User

COMMON = {"publisher": "信阳市行政服务中心", "topic": "0701", "validity": "有效", "disclosure": "主动公开",
          "secrecy": "非涉密"}
LEAKY_DRAFT = {
    "title": "关于窗口工作人员调整的通知",
    "body_html": "<p>因工作需要，原政务服务窗口工作人员张三（身份证号411502199003071233，"
                 "手机13837612345）调整至办公室工作。</p><p>截止目前，王振化主任已审阅调整方案。</p>",
    "summary": "窗口工作人员调整。",
}
DUTY_PHONE_NOTICE = {
    "title": "关于节假日值班安排的通知",
    "body_html": "<p>节假日期间中心一楼导引台安排专人值班，值班手机13937600001，咨询电话0376-6368000。</p>",
    "summary": "节假日期间中心值班安排和联系电话。",
}


def add_check_examples(_rng: random.Random, made: list[Item]) -> None:
    drafter = User.get(User.username == "liuyang")
    notices = Column.get(Column.code == "tzgg")
    made.append(items.create_item(drafter, notices, {**COMMON, **LEAKY_DRAFT, "written_on": _days_ago(9)}))
    notice = items.create_item(drafter, notices, {**COMMON, **DUTY_PHONE_NOTICE, "written_on": _days_ago(3)})
    for finding in service.findings_for_item(notice, attachments=False):
        if finding.rule == "mobile":
            service.override(drafter, notice, finding, "中心对外公布的节假日值班手机，须公开")
    items.submit(drafter, notice)
    made.append(notice)


def _days_ago(days: int) -> str:
    """A 成文日期 of the last days: the examples are work in hand, not the archive."""
    return (clock.local_today() - dt.timedelta(days=days)).isoformat()
