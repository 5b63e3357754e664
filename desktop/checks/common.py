"""What the checks' widgets share: how a finding looks (colours, labels) and what can be
done with it. The db.checks package (its engine) loads on first use, not with the widgets."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PyQt6.QtCore import QCoreApplication
from PyQt6.QtGui import QColor

if TYPE_CHECKING:
    from db.checks.findings import Finding

BLOCKING_INK, BLOCKING_WASH = QColor("#b3261e"), QColor("#fbdad7")
WARNING_INK, WARNING_WASH = QColor("#9a5b00"), QColor("#ffefc2")
OVERRIDDEN_INK = QColor("#5f6368")

# Fields whose text the panel can change in place (the span indexes that text).
FIXABLE_FIELDS = ("body", "title", "meta.summary", "meta.doc_no")


def tr(text: str) -> str:
    return QCoreApplication.translate("Checks", text)


def ink(finding: Finding) -> QColor:
    return BLOCKING_INK if finding.blocking else WARNING_INK


def wash(finding: Finding) -> QColor:
    return BLOCKING_WASH if finding.blocking else WARNING_WASH


def severity_label(finding: Finding) -> str:
    return tr("阻断") if finding.blocking else tr("提示")


def message_of(finding: Finding, english: bool) -> str:
    return (finding.english or finding.message) if english else finding.message


def place_of(finding: Finding, english: bool) -> str:
    from db.checks.findings import place
    return place(finding, english)


def is_masking(finding: Finding) -> bool:
    """Personal data with a masked form: the fix is 脱敏."""
    from db.checks.findings import PERSONAL_DATA_RULES
    return finding.rule in PERSONAL_DATA_RULES and bool(finding.suggestion)


def can_apply(finding: Finding) -> bool:
    """The suggestion can replace the finding's text in the editor."""
    if not finding.suggestion or finding.source or finding.field not in FIXABLE_FIELDS:
        return False
    return finding.start >= 0 or finding.field == "meta.doc_no"


def apply_label(finding: Finding) -> str:
    return tr("应用脱敏") if is_masking(finding) else tr("改为建议")
