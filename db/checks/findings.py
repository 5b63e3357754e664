"""What a check reports: one finding per problem, with where it is and how to fix it."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass

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
