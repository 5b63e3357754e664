"""What a check reports: one finding per problem, with where it is and how to fix it."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass

from db import guides

BLOCKING = "blocking"
WARNING = "warning"
SEVERITIES = (BLOCKING, WARNING)

# Rules whose suggestion is a masked form of personal data; mask() applies only these.
PERSONAL_DATA_RULES = frozenset({"id_number", "id_number_suspect", "mobile", "bank_card"})


@dataclass(frozen=True)
class Finding:
    """One problem. ``start``/``end`` index the plain text of ``field`` (-1 when the
    finding is about the field as a whole). For attachments ``source`` is the file name,
    ``location`` the page, cell or paragraph, and the span indexes that chunk's text."""

    rule: str
    severity: str
    message: str                 # Chinese, shown to the user
    field: str = "body"
    start: int = -1
    end: int = -1
    excerpt: str = ""
    suggestion: str | None = None
    source: str | None = None
    location: str | None = None
    english: str = ""

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")

    @property
    def blocking(self) -> bool:
        return self.severity == BLOCKING

    @property
    def key(self) -> str:
        """A stable identity for recording an override. Hashed, because the span text
        is often the personal data itself and overrides end up in the audit log."""
        parts = (self.rule, self.field, self.source or "", self.location or "", self.excerpt)
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]

    def to_dict(self) -> dict:
        data = asdict(self)
        data["key"] = self.key
        return data


def has_blocking(findings) -> bool:
    return any(f.severity == BLOCKING for f in findings)


FIELD_LABELS = {
    "title": ("标题", "Title"), "body": ("正文", "Body"), "related": ("关联信息", "Related item"),
    "guide": ("办事指南", "Service guide"), "meta.summary": ("内容概述", "Summary"),
    "meta.doc_no": ("文号", "Document number"), "meta.publisher": ("发布机构", "Publisher"),
    "meta.topic": ("主题分类", "Topic"), "meta.written_on": ("成文日期", "Date written"),
    "meta.validity": ("有效性", "Validity"), "meta.disclosure": ("公开属性", "Disclosure"),
    "meta.secrecy": ("涉密状态", "Classification"), "meta.published_on": ("发布日期", "Publication date"),
}


def place(finding: Finding, english: bool = False) -> str:
    """Where a finding is, for people: 正文, 办事指南·办理流程 第2项, 附件“名单.xlsx” Sheet1!B12."""
    if finding.source:
        name = f"attachment {finding.source}" if english else f"附件“{finding.source}”"
    else:
        name = _field_label(finding.field, english)
    return f"{name} {finding.location}" if finding.location else name


def _field_label(field: str, english: bool) -> str:
    if field.startswith("guide."):
        labels = {key: (zh, en) for key, zh, en in guides.ELEMENTS}
        zh, en = labels.get(field[6:], (field[6:], field[6:]))
        return f"Service guide: {en}" if english else f"办事指南·{zh}"
    zh, en = FIELD_LABELS.get(field, (field, field))
    return en if english else zh
