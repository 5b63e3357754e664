"""Catalogue metadata (公开目录要素) of an item's content dict."""
from __future__ import annotations

from datetime import date

from db.checks.docno import check_doc_no
from db.checks.findings import BLOCKING, Finding

REQUIRED = (
    ("publisher", "发布机构"), ("topic", "主题分类"), ("written_on", "成文日期"),
    ("validity", "有效性"), ("disclosure", "公开属性"), ("secrecy", "涉密状态"),
    ("summary", "内容概述"),
)
CHOICES = {
    "validity": ("有效", "失效", "废止"),
    "disclosure": ("主动公开", "依申请公开", "不予公开"),
    "secrecy": ("非涉密", "涉密"),
}
SUMMARY_LIMIT = 100
EARLIEST_WRITTEN_ON = date(1949, 10, 1)


def check_metadata(content: dict, leaf_topics, today: date,
                   published_on: date | None) -> list[Finding]:
    meta = content.get("meta") or {}
    findings = _required(content, meta)
    findings += _choices(meta)
    written = _written_on(meta, today, published_on, findings)
    findings += check_doc_no(str(meta.get("doc_no") or ""), written.year if written else None)
    findings += _summary(meta)
    findings += _publishability(meta)
    findings += _topic(meta, leaf_topics)
    return findings


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _required(content: dict, meta: dict) -> list[Finding]:
    findings = []
    if _blank(content.get("title")):
        findings.append(Finding("required", BLOCKING, "请填写标题", "title",
                                english="The title is required"))
    for key, label in REQUIRED:
        if _blank(meta.get(key)):
            findings.append(Finding("required", BLOCKING, f"请填写{label}", f"meta.{key}",
                                    english=f"{key} is required"))
    return findings


def _choices(meta: dict) -> list[Finding]:
    findings = []
    for key, allowed in CHOICES.items():
        value = meta.get(key)
        if not _blank(value) and value not in allowed:
            findings.append(Finding(
                "invalid_value", BLOCKING, f"“{value}”不是有效的取值，应为{'、'.join(allowed)}之一",
                f"meta.{key}", excerpt=str(value),
                english=f"{value!r} is not one of {', '.join(allowed)}"))
    return findings


def _written_on(meta, today, published_on, findings) -> date | None:
    """Parse 成文日期 and report what is wrong with it; returns it when usable."""
    value = str(meta.get("written_on") or "").strip()
    if not value:
        return None
    try:
        written = date.fromisoformat(value)
    except ValueError:
        findings.append(_date_problem(f"成文日期“{value}”格式应为YYYY-MM-DD", value,
                                      f"Date written {value!r} must be YYYY-MM-DD"))
        return None
    if written > today:
        findings.append(_date_problem(f"成文日期{value}晚于今天", value,
                                      "The date written lies in the future"))
    elif written < EARLIEST_WRITTEN_ON:
        findings.append(_date_problem(f"成文日期{value}早于{EARLIEST_WRITTEN_ON.isoformat()}，请核实",
                                      value, "The date written is implausibly early"))
    if published_on is not None and published_on < written:
        findings.append(Finding(
            "published_on", BLOCKING, f"发布日期{published_on.isoformat()}早于成文日期{value}",
            "meta.published_on", excerpt=published_on.isoformat(),
            english="The publication date precedes the date written"))
    return written


def _date_problem(message: str, value: str, english: str) -> Finding:
    return Finding("written_on", BLOCKING, message, "meta.written_on", excerpt=value, english=english)


def _summary(meta: dict) -> list[Finding]:
    summary = str(meta.get("summary") or "").strip()
    if len(summary) <= SUMMARY_LIMIT:
        return []
    return [Finding("summary_length", BLOCKING,
                    f"内容概述不能超过{SUMMARY_LIMIT}字（现为{len(summary)}字）", "meta.summary",
                    english=f"The summary may have at most {SUMMARY_LIMIT} characters ({len(summary)})")]


def _publishability(meta: dict) -> list[Finding]:
    findings = []
    if meta.get("secrecy") == "涉密":
        findings.append(Finding("secret_item", BLOCKING, "涉密信息不得公开发布", "meta.secrecy",
                                english="Classified information may not be published"))
    if meta.get("disclosure") == "不予公开":
        findings.append(Finding("not_public", BLOCKING, "公开属性为“不予公开”的信息不得发布",
                                "meta.disclosure", english="The item is marked not for disclosure"))
    return findings


def _topic(meta: dict, leaf_topics) -> list[Finding]:
    topic = meta.get("topic")
    if leaf_topics is None or _blank(topic) or topic in leaf_topics:
        return []
    return [Finding("topic_leaf", BLOCKING, f"主题分类“{topic}”不是末级分类，请选择末级分类",
                    "meta.topic", excerpt=str(topic),
                    english=f"Topic {topic!r} is not a leaf of the topic tree")]
