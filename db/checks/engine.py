"""The check engine: runs every rule over an item's content, a text or an attachment."""
from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from db import clock, richtext
from db.checks import address, docno, numbers, secrecy
from db.checks.findings import PERSONAL_DATA_RULES, WARNING, Finding, has_blocking
from db.checks.guide import check_guide, guide_texts
from db.checks.metadata import check_metadata
from db.checks.policy import check_policy_bundle
from db.checks.textnorm import fold
from db.checks.wordlists import (ConfusionPairs, SensitiveWords, load_default_confusion,
                                 load_default_sensitive)

__all__ = ["CheckContext", "check_text", "check_chunks", "check_content", "has_blocking", "mask"]

# Guide elements that are published contact numbers on purpose: a mobile there is
# worth a look, not a leak.
CONTACT_FIELDS = frozenset({"guide.phone", "guide.complaint_phone"})


@dataclass
class CheckContext:
    """Everything the rules need besides the text. Build the word lists once (their
    automata are compiled in the constructor) and reuse the context."""

    sensitive: SensitiveWords = field(default_factory=SensitiveWords)
    confusion: ConfusionPairs = field(default_factory=ConfusionPairs)
    leaf_topics: frozenset[str] | None = None      # None: topic codes are not checked
    topic_names: Mapping[str, str] | None = None   # code → name, for clearer topic messages
    today: date = field(default_factory=clock.local_today)   # the project's clock, not the OS's
    published_on: date | None = None

    @classmethod
    def build(cls, sensitive: Iterable = (), confusion: Iterable = (), **kwargs) -> CheckContext:
        """From plain entries (as stored by the app) rather than compiled lists."""
        return cls(SensitiveWords(sensitive), ConfusionPairs(confusion), **kwargs)

    @classmethod
    def with_default_lists(cls, **kwargs) -> CheckContext:
        """With the word lists shipped in resources/wordlists."""
        return cls.build(load_default_sensitive(), load_default_confusion(), **kwargs)


def check_text(text: str, field: str = "body", context: CheckContext | None = None) -> list[Finding]:
    """Findings of the text rules; spans index ``text`` exactly."""
    context = context or CheckContext()
    folded = fold(text)
    findings = numbers.find_personal_numbers(text, folded, field, context.today)
    findings += secrecy.find_markings(text, folded, field)
    findings += docno.find_bracket_variants(text, folded, field)
    findings += address.find_home_addresses(text, folded, field)
    findings += context.sensitive.find(text, field)
    findings += context.confusion.find(text, field)
    if field in CONTACT_FIELDS:
        findings = [replace(f, severity=WARNING) if f.rule == "mobile" else f for f in findings]
    return sorted(findings, key=lambda f: (f.start, f.end, f.rule))


def check_chunks(chunks: Sequence[tuple[str, str | None]], context: CheckContext | None = None,
                 field: str = "attachment", source: str | None = None) -> list[Finding]:
    """Text rules over (text, location) chunks, e.g. the cells of a sheet. The chunks are
    checked as one text (one pass per rule instead of one per cell) and each finding is
    mapped back to its chunk: ``location`` set, span relative to the chunk's text."""
    texts = [text for text, _ in chunks]
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    mapped = []
    for finding in check_text("\n".join(texts), field, context):
        index = bisect.bisect_right(starts, finding.start) - 1
        begin = starts[index]
        if finding.end > begin + len(texts[index]):
            continue                      # no rule should span two chunks; never report one
        mapped.append(_moved(finding, begin, source, chunks[index][1]))
    return mapped


def _moved(f: Finding, offset: int, source: str | None, location: str | None) -> Finding:
    """``f`` re-anchored in its chunk (dataclasses.replace is 4x slower, and a roster
    gives tens of thousands of findings)."""
    return Finding(f.rule, f.severity, f.message, f.field, f.start - offset, f.end - offset,
                   f.excerpt, f.suggestion, source, location, f.english)


def check_content(content: dict, context: CheckContext | None = None,
                  attachments: Iterable[tuple[str | Path, str]] | None = None) -> list[Finding]:
    """Every rule over an item's content dict (see docs/development.md). ``attachments``
    are (path of the stored file, display filename) pairs; their findings carry the
    filename as ``source``. The body's spans index richtext.to_text(content['body_html'])."""
    context = context or CheckContext()
    meta = content.get("meta") or {}
    findings = check_metadata(content, context.leaf_topics, context.today, context.published_on,
                              context.topic_names)
    findings += check_guide(content)
    findings += check_policy_bundle(content)
    findings += check_text(str(content.get("title") or ""), "title", context)
    findings += check_text(richtext.to_text(str(content.get("body_html") or "")), "body", context)
    findings += check_text(str(meta.get("summary") or ""), "meta.summary", context)
    for name, location, text in guide_texts(content.get("guide")):
        findings += [replace(f, location=location) for f in check_text(text, name, context)]
    if attachments:
        from db.extract import check_attachment   # db.extract imports this module
        for path, filename in attachments:
            findings += check_attachment(path, filename, context)
    return findings


def mask(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with every personal-data finding replaced by its masked suggestion.
    Findings whose span no longer holds their excerpt (the text changed) are skipped."""
    usable = sorted((f for f in findings if f.rule in PERSONAL_DATA_RULES and f.suggestion
                     and 0 <= f.start < f.end <= len(text) and text[f.start:f.end] == f.excerpt),
                    key=lambda f: f.start)
    pieces, position = [], 0
    for finding in usable:
        if finding.start < position:
            continue
        pieces += [text[position:finding.start], finding.suggestion]
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces)
