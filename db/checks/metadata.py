"""Catalogue metadata (公开目录要素) of an item's content dict, as findings.

The rules and their messages are db.metadata's, the same ones the editor and submission
use; this module only says which rule each problem belongs to and how severe it is.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from db import metadata
from db.checks.docno import check_doc_no
from db.checks.findings import BLOCKING, Finding


def check_metadata(content: dict, leaf_topics, today: date, published_on: date | None,
                   topic_names: Mapping[str, str] | None = None) -> list[Finding]:
    meta = content.get("meta") or {}
    fields = {**meta, "title": content.get("title") or ""}
    findings = _required(fields)
    findings += _choices(meta)
    written = _written_on(meta, today, published_on, findings)
    findings += check_doc_no(str(meta.get("doc_no") or ""), written.year if written else None, today)
    findings += _lengths(fields)
    findings += _publication(meta)
    findings += _topic(meta, leaf_topics, topic_names)
    return findings


def _field(name: str) -> str:
    return name if name == "title" else f"meta.{name}"


def _required(fields: dict) -> list[Finding]:
    return [Finding("required", BLOCKING, zh, _field(name), english=en)
            for name, (zh, en) in metadata.required_problems(fields).items()]


def _choices(meta: dict) -> list[Finding]:
    findings = []
    for name, (options, label) in metadata.CHOICES.items():
        value = str(meta.get(name) or "")
        problem = metadata.choice_problem(value, options, label)
        if problem:
            findings.append(Finding("invalid_value", BLOCKING, problem[0], f"meta.{name}",
                                    excerpt=value, english=problem[1]))
    return findings


def _written_on(meta, today, published_on, findings) -> date | None:
    """Report what is wrong with 成文日期; returns it when it is a date at all."""
    value = str(meta.get("written_on") or "").strip()
    problem = metadata.written_on_problem(value, today)
    if problem:
        findings.append(Finding("written_on", BLOCKING, problem[0], "meta.written_on",
                                excerpt=value, english=problem[1]))
    written = metadata.parse_written_on(value)
    if written is not None and published_on is not None and published_on < written:
        findings.append(Finding(
            "published_on", BLOCKING, f"发布日期{published_on.isoformat()}早于成文日期{value}",
            "meta.published_on", excerpt=published_on.isoformat(),
            english="The publication date precedes the date written"))
    return written


def _lengths(fields: dict) -> list[Finding]:
    findings = []
    for rule, name, check in (("title_length", "title", metadata.title_problem),
                              ("summary_length", "summary", metadata.summary_problem)):
        problem = check(str(fields.get(name) or ""))
        if problem:
            findings.append(Finding(rule, BLOCKING, problem[0], _field(name), english=problem[1]))
    return findings


_PUBLICATION_RULES = {"secrecy": "secret_item", "disclosure": "not_public"}


def _publication(meta: dict) -> list[Finding]:
    return [Finding(_PUBLICATION_RULES[name], BLOCKING, zh, f"meta.{name}", english=en)
            for name, (zh, en) in metadata.publication_problems(meta).items()]


def _topic(meta: dict, leaf_topics, topic_names) -> list[Finding]:
    topic = str(meta.get("topic") or "").strip()
    if leaf_topics is None:
        return []
    problem = metadata.topic_problem_in(topic, leaf_topics, topic_names)
    if not problem:
        return []
    return [Finding("topic_leaf", BLOCKING, problem[0], "meta.topic", excerpt=topic, english=problem[1])]
