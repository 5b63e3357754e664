"""The one place the workflow asks the checks (db/checks) what blocks an approval.

Bulk approval is limited to versions without unresolved blocking findings, and
submission to working copies whose blocking findings all have an override reason;
db.checks.service answers both, with the profile's word lists and the overrides.
"""
from __future__ import annotations

from db.checks import CheckContext, Finding, service


def check_context() -> CheckContext:
    """Build once per batch (cheap: the compiled word lists are reused until they change)."""
    return service.context_for_profile()


def unresolved_blocking(version, context: CheckContext | None = None) -> list[Finding]:
    return service.unresolved_blocking(version, context=context)


def require_submittable(item, working: dict | None = None) -> None:
    """The checks' submission rule: no blocking finding without an override reason.
    `working`: the working copy's content, when already at hand."""
    service.require_no_unresolved_blocking(item, working=working)


def summary(blocking: list[Finding]) -> tuple[str, str]:
    """Why a version was skipped, in one line (Chinese, English)."""
    first = blocking[0]
    where = f"（{first.source}）" if first.source else ""
    more = f"等{len(blocking)}项" if len(blocking) > 1 else ""
    return (f"有未处理的阻断性检查问题{more}：{first.message}{where}",
            f"{len(blocking)} unresolved blocking finding(s): {first.english or first.message}")

