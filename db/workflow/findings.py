"""The one place the workflow asks the checks (db/checks) what blocks an approval.

Bulk approval is limited to versions without unresolved blocking findings. When the
checks package offers a findings store with overrides (`db.checks.service.
unresolved_blocking(version)`), that answer is used; until then the version's frozen
content and its attachments are checked here with the check engine.
"""
from __future__ import annotations

import json
from pathlib import Path

from db.attachments import blob_path
from db.checks import CheckContext, Finding, check_content
from db.database import Profile, database


def check_context() -> CheckContext:
    """Build once per batch: compiling the word lists is the expensive part."""
    service = _service()
    if service is not None and hasattr(service, "context_for_profile"):
        return service.context_for_profile()
    return CheckContext.with_default_lists()


def unresolved_blocking(version, context: CheckContext | None = None) -> list[Finding]:
    service = _service()
    if service is not None:
        return list(service.unresolved_blocking(version, context=context))
    return [f for f in findings_of(version, context) if f.blocking]


def checked(version, context: CheckContext | None = None) -> list[tuple[Finding, object]]:
    """Every finding of the version with its override note (None when it has none)."""
    service = _service()
    if service is not None and hasattr(service, "checked"):
        return [(c.finding, c.override) for c in service.checked(version, context=context)]
    return [(f, None) for f in findings_of(version, context)]


def require_submittable(item) -> None:
    """The checks' submission rule: no blocking finding without an override reason."""
    service = _service()
    if service is not None and hasattr(service, "require_no_unresolved_blocking"):
        service.require_no_unresolved_blocking(item)


def findings_of(version, context: CheckContext | None = None) -> list[Finding]:
    """Every finding on the version's frozen content, attachments included."""
    frozen = json.loads(version.content)
    return check_content(frozen, context or check_context(), _attachment_files(frozen))


def _attachment_files(frozen: dict) -> list[tuple[Path, str]]:
    profile = Profile(Path(database.database).parent)
    files = []
    for attachment in frozen.get("attachments") or []:
        path = blob_path(profile, attachment["sha256"])
        if path.exists():
            files.append((path, attachment["filename"]))
    return files


def summary(blocking: list[Finding]) -> tuple[str, str]:
    """Why a version was skipped, in one line (Chinese, English)."""
    first = blocking[0]
    where = f"（{first.source}）" if first.source else ""
    more = f"等{len(blocking)}项" if len(blocking) > 1 else ""
    return (f"有未处理的阻断性检查问题{more}：{first.message}{where}",
            f"{len(blocking)} unresolved blocking finding(s): {first.english or first.message}")


def _service():
    try:
        from db.checks import service
    except ImportError:
        return None
    return service if hasattr(service, "unresolved_blocking") else None
