"""Names the review screens share: stages, kinds, purposes, outcomes (Chinese sources)."""
from __future__ import annotations

import datetime as dt

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

STAGES = {"section_head": QT_TRANSLATE_NOOP("Review", "科室负责人审核"),
          "leader": QT_TRANSLATE_NOOP("Review", "分管领导审批")}
STAGE_PEOPLE = {"section_head": QT_TRANSLATE_NOOP("Review", "科室负责人"),
                "leader": QT_TRANSLATE_NOOP("Review", "分管领导")}
KINDS = {"article": QT_TRANSLATE_NOOP("Review", "一般信息"), "guide": QT_TRANSLATE_NOOP("Review", "办事指南"),
         "policy": QT_TRANSLATE_NOOP("Review", "政策文件"), "interpretation": QT_TRANSLATE_NOOP("Review", "政策解读")}
PURPOSES = {"publish": QT_TRANSLATE_NOOP("Review", "发布"), "withdraw": QT_TRANSLATE_NOOP("Review", "撤稿"),
            "abolish": QT_TRANSLATE_NOOP("Review", "废止")}
OUTCOMES = {"approve": QT_TRANSLATE_NOOP("Review", "同意"), "return": QT_TRANSLATE_NOOP("Review", "退回"),
            "skipped": QT_TRANSLATE_NOOP("Review", "免")}
SKIPPED_NOTE = QT_TRANSLATE_NOOP("Review", "起草人为科室负责人，本环节免")     # routing.SKIP_REASON
STATUSES = {"stale": QT_TRANSLATE_NOOP("Review", "已失效"), "superseded": QT_TRANSLATE_NOOP("Review", "已被取代"),
            "recorded": QT_TRANSLATE_NOOP("Review", "待同步确认"), "authoritative": QT_TRANSLATE_NOOP("Review", "已确认")}


def tr(text: str) -> str:
    return QCoreApplication.translate("Review", text)


def named(table: dict, key: str) -> str:
    return tr(table[key]) if key in table else key


def local_time(stamp: str) -> str:
    """UTC ISO text as local "YYYY-MM-DD HH:MM"."""
    try:
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return stamp or ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def signed_as(decider: str, on_behalf_of: str) -> str:
    return tr("{deputy} 代 {principal}").format(deputy=decider, principal=on_behalf_of) if on_behalf_of else decider
