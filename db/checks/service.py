"""The checks applied to the profile's items: findings of a working copy or a version,
overrides (例外) of blocking findings, and the rule that submission stops on blocking
findings nobody gave a reason for.

`blob_dir` is the profile's attachment folder (Profile.blob_dir); when it is not given,
the folder of the profile the database is bound to is used.
"""
from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from db import audit, clock, content, outbox
from db.checks import lists
from db.checks.engine import CheckContext, check_content
from db.checks.findings import BLOCKING, Finding, place
from db.checks.models import FindingOverride
from db.database import Profile, database
from db.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from db.metadata import TOPIC_SQL
from db.models import Attachment, Item, User, Version
from db.workflow import rows

OP_KIND = "check.override"
# Findings about the content: a reason can let them through. The others (catalogue
# metadata, guide elements, policy bundles) are what submission itself refuses: they
# are fixed, not explained.
OVERRIDABLE_RULES = frozenset({
    "id_number", "id_number_suspect", "mobile", "bank_card", "home_address", "secrecy_mark",
    "internal_mark", "internal_word", "sensitive_word", "confusion", "doc_no_brackets",
    "attachment_unreadable", "attachment_missing",
})
REASON_MAX = 500


# Context and findings -------------------------------------------------------------

def context_for_profile(topic: str | None = None, **kwargs) -> CheckContext:
    """A context with the profile's word lists (compiled once per change), its topic tree
    and today from db.clock. Cheap to call: build one per check or per batch.

    With `topic`, the tree is read for that one code only: enough for content filed under
    it, since the topic rule asks whether that code is a leaf (and what it is called)."""
    compiled = lists.compiled_lists()
    leaves, names = _topic_tree() if topic is None else _one_topic(topic)
    kwargs.setdefault("today", clock.local_today())
    return CheckContext(compiled.sensitive, compiled.confusion, leaf_topics=leaves, topic_names=names, **kwargs)


def _topic_tree() -> tuple[frozenset[str], dict[str, str]]:
    # Plain SQL: this runs before every check, and building the peewee query costs more
    # than running it on a topic tree of a hundred rows.
    tree = database.execute_sql('SELECT "code", "name", "parent_id" FROM "topic"').fetchall()
    names = {code: name for code, name, _ in tree}
    parents = {parent for _, _, parent in tree if parent}
    return frozenset(names.keys() - parents), names


def _one_topic(code: str) -> tuple[frozenset[str], dict[str, str]]:
    found = database.execute_sql(TOPIC_SQL, (code,)).fetchone() if code else None
    if found is None:
        return frozenset(), {}
    name, has_children = found
    return (frozenset() if has_children else frozenset({code})), {code: name}


def bound_blob_dir() -> Path:
    """The attachment folder of the profile the database is bound to."""
    return Profile(Path(database.database).parent).blob_dir


def findings_for_item(item: Item, blob_dir: Path | None = None, context: CheckContext | None = None,
                      attachments: bool = True, working: dict | None = None) -> list[Finding]:
    """Findings of the item's working copy; `attachments=False` leaves the files out
    (the editor checks them separately, on the worker). `working` is the working copy's
    content (content.item_content) when the caller has it at hand already."""
    if working is None:
        working = content.item_content(item, _current_attachments(item.id))
    return _check(working, blob_dir, context, attachments)


# Plain SQL here and for the overrides: submission and bulk approval ask for every item.
CURRENT_ATTACHMENTS_WHERE = '"item_id" = ? AND "removed_at" IS NULL ORDER BY "added_at", "filename"'


def _current_attachments(item_id: str) -> list[Attachment]:
    return rows.many(Attachment, CURRENT_ATTACHMENTS_WHERE, item_id)


def findings_for_version(version: Version, blob_dir: Path | None = None,
                         context: CheckContext | None = None) -> list[Finding]:
    """Findings of a version's frozen content and frozen attachments."""
    return _check(json.loads(version.content), blob_dir, context, True)


def findings_for_attachments(frozen: dict, blob_dir: Path | None = None,
                             context: CheckContext | None = None) -> list[Finding]:
    """Findings of the attachments listed in a content dict only."""
    context = context or context_for_profile()
    blob_dir = blob_dir or bound_blob_dir()
    findings: list[Finding] = []
    for attachment in frozen.get("attachments") or []:
        findings += _attachment_findings(blob_dir, attachment["sha256"], attachment["filename"], context)
    return findings


def _check(frozen: dict, blob_dir, context, attachments: bool) -> list[Finding]:
    context = context or context_for_profile()
    findings = check_content(frozen, context)
    if attachments:
        findings += findings_for_attachments(frozen, blob_dir, context)
    return findings


# A roster of 10,000 rows takes over a second to check; the editor, submission and the
# queue ask about the same file again and again, so recent answers are kept.
_attachment_cache: OrderedDict[tuple, list[Finding]] = OrderedDict()
_cache_lock = threading.Lock()
CACHE_FILES = 16


def _attachment_findings(blob_dir: Path, sha256: str, filename: str, context: CheckContext) -> list[Finding]:
    from db.extract import check_attachment      # the file readers load only when a file is read
    path = blob_dir / sha256[:2] / sha256
    if not path.exists():
        return [Finding("attachment_missing", BLOCKING, f"附件“{filename}”的文件不在本机（可能尚未同步），未能检查",
                        "attachment", source=filename,
                        english=f"The file of {filename} is not on this workstation (not synced yet?); not checked")]
    # The context's compiled lists are part of the key (and kept alive by it), so an
    # edit of the word lists makes every cached answer miss.
    key = (sha256, filename, context.sensitive, context.confusion, context.today)
    with _cache_lock:
        if key in _attachment_cache:
            _attachment_cache.move_to_end(key)
            return _attachment_cache[key]
    found = check_attachment(path, filename, context)
    with _cache_lock:
        _attachment_cache[key] = found
        while len(_attachment_cache) > CACHE_FILES:
            _attachment_cache.popitem(last=False)
    return found


# Overrides --------------------------------------------------------------------------

@dataclass(frozen=True)
class OverrideNote:
    """An override as plain data, for display: who let the finding through and why."""
    reason: str
    user_name: str
    created_at: str
    version_no: int | None        # None: given on the working copy, holds for every version


@dataclass(frozen=True)
class CheckedFinding:
    finding: Finding
    override: OverrideNote | None

    @property
    def unresolved(self) -> bool:
        return self.finding.blocking and self.override is None


def overrides_for(target: Item | Version) -> list[FindingOverride]:
    """The overrides that hold for an item's working copy, or for a version."""
    if isinstance(target, Version):
        return rows.many(FindingOverride, '"item_id" = ? AND ("version_id" IS NULL OR "version_id" = ?) '
                                          'ORDER BY "created_at"', target.item_id, target.id)
    return rows.many(FindingOverride, '"item_id" = ? AND "version_id" IS NULL ORDER BY "created_at"', target.id)


def override(user: User, target: Item | Version, finding: Finding | str, reason: str,
             blob_dir: Path | None = None) -> FindingOverride:
    """Let one blocking finding through, with a reason (audited; travels by sync).

    On an item (its working copy) the drafters of its section may; on a version, those
    who may decide on it at some stage. `finding` may be a key: then the target is
    checked again to find it.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationFailed({"reason": ("请填写例外理由", "Give the reason for the override")})
    if len(reason) > REASON_MAX:
        raise ValidationFailed({"reason": (f"理由不能超过{REASON_MAX}字", f"At most {REASON_MAX} characters")})
    item, version = _item_and_version(target)
    _require_may_override(user, item, version)
    if isinstance(finding, str):
        finding = _find(target, finding, blob_dir)
    _require_overridable(finding)
    with database.atomic():
        row = FindingOverride.create(item=item, version=version, finding_key=finding.key, rule=finding.rule,
                                     field=finding.field, source=finding.source or "",
                                     location=finding.location or "", message=finding.message,
                                     reason=reason, created_by=user)
        detail = {"key": finding.key, "rule": finding.rule, "field": finding.field,
                  "source": row.source, "location": row.location, "reason": reason,
                  "version": version.number if version else None}
        audit.record(user, "check_override", "item", item.id, detail)
        outbox.enqueue(OP_KIND, {"id": row.id, "item_id": item.id, "version_id": version.id if version else "",
                                 "message": finding.message, "created_at": row.created_at, **detail}, user)
    return row


def _item_and_version(target: Item | Version) -> tuple[Item, Version | None]:
    if isinstance(target, Version):
        return Item.get_by_id(target.item_id), target
    return Item.get_by_id(target.id), None


def _require_may_override(user: User, item: Item, version: Version | None) -> None:
    from db import items
    if version is None:
        items.require_drafter_of(user, item.column, item.section_id)
        return
    from db.workflow import routing
    for stage_role in routing.stages_of(item.column):
        try:
            routing.authority(user, stage_role, item.section_id)
            return
        except PermissionDenied:
            continue
    raise PermissionDenied("只有此信息的审核人可以对已提交的版本说明例外",
                           "Only the reviewers of this item may override findings of a submitted version")


def _require_overridable(finding: Finding) -> None:
    if not finding.blocking:
        raise ValidationFailed({"finding": ("提示性问题不妨碍提交，无需说明理由",
                                            "Warnings do not stop anything; no reason is needed")})
    if finding.rule not in OVERRIDABLE_RULES:
        raise ValidationFailed({"finding": (f"“{finding.message}”须修改后才能提交，不能以理由放行",
                                            f"{finding.english or finding.message}: fix it; it cannot be overridden")})


def _find(target: Item | Version, key: str, blob_dir: Path | None) -> Finding:
    found = (findings_for_version(target, blob_dir) if isinstance(target, Version)
             else findings_for_item(target, blob_dir))
    for finding in found:
        if finding.key == key:
            return finding
    raise NotFound("该检查问题已不存在（内容可能已修改）", "That finding no longer occurs (the content changed?)")


# What stops submission and bulk approval --------------------------------------------

def checked(target: Item | Version, blob_dir: Path | None = None,
            context: CheckContext | None = None, working: dict | None = None) -> list[CheckedFinding]:
    """Every finding with the override that holds for it, blocking ones first. `working`:
    an item's working-copy content when the caller has it at hand."""
    found = (findings_for_version(target, blob_dir, context) if isinstance(target, Version)
             else findings_for_item(target, blob_dir, context, working=working))
    # Overrides matter for blocking findings only; without any, nothing needs looking up.
    notes = override_notes(target) if any(f.blocking for f in found) else {}
    result = [CheckedFinding(f, notes.get(f.key) if f.blocking else None) for f in found]
    return sorted(result, key=lambda c: (not c.unresolved, not c.finding.blocking))


def override_notes(target: Item | Version) -> dict[str, OverrideNote]:
    """Finding key → the override that holds for it on this working copy or version."""
    rows = overrides_for(target)
    if not rows:
        return {}
    names = {u.id: u.display_name for u in User.select(User.id, User.display_name)
             .where(User.id.in_({r.created_by_id for r in rows}))}
    numbers = {v.id: v.number for v in Version.select(Version.id, Version.number)
               .where(Version.id.in_({r.version_id for r in rows if r.version_id}))}
    notes: dict[str, OverrideNote] = {}
    for row in reversed(rows):             # the newest reason is the one that stands
        notes.setdefault(row.finding_key, OverrideNote(row.reason, names.get(row.created_by_id, ""),
                                                       row.created_at, numbers.get(row.version_id)))
    return notes


@dataclass(frozen=True)
class WorkingCopyChecks:
    """What the editor's live checks need from the database: the context to check its
    texts with, its attachments' findings, and the overrides given so far."""
    context: CheckContext
    attachment_findings: list[Finding]
    notes: dict[str, OverrideNote]


def working_copy_checks(item_id: str | None, blob_dir: Path | None = None) -> WorkingCopyChecks:
    context = context_for_profile()
    item = Item.get_or_none(Item.id == item_id) if item_id else None
    if item is None:
        return WorkingCopyChecks(context, [], {})
    files = {"attachments": [{"sha256": a.sha256, "filename": a.filename} for a in Attachment.current_of(item)]}
    return WorkingCopyChecks(context, findings_for_attachments(files, blob_dir, context), override_notes(item))


def unresolved_blocking(version: Version, blob_dir: Path | None = None,
                        context: CheckContext | None = None) -> list[Finding]:
    """Blocking findings of a version without an override: what keeps it out of a bulk approval."""
    return [c.finding for c in checked(version, blob_dir, context) if c.unresolved]


class UnresolvedFindings(ValidationFailed):
    """Submission refused: blocking findings without an override. `findings` lists them
    all; `problems` (what the editor shows) has one line per finding in the texts and one
    per attachment, since a roster can hold thousands."""

    def __init__(self, findings: list[Finding]):
        self.findings = list(findings)
        super().__init__(_problem_lines(self.findings))
        count = len(self.findings)
        lines_zh = "；".join(zh for zh, _ in self.problems.values())
        lines_en = "; ".join(en for _, en in self.problems.values())
        DomainError.__init__(self, f"有{count}项阻断性检查问题未处理，请修改，或逐项说明例外理由：{lines_zh}",
                             f"{count} blocking finding(s) unresolved; fix them or give a reason for each: {lines_en}")


def _problem_lines(findings: list[Finding]) -> dict[str, tuple[str, str]]:
    lines: dict[str, tuple[str, str]] = {}
    files: dict[str, list[Finding]] = {}
    for f in findings:
        if f.source:
            files.setdefault(f.source, []).append(f)
        else:
            lines[f"check.{f.key}"] = (f"{place(f)}：{f.message}", f"{place(f, True)}: {f.english or f.message}")
    for name, found in files.items():
        first = found[0]
        where = f"（{first.location}）" if first.location else ""
        lines[f"check.file.{name}"] = (
            f"附件“{name}”：{len(found)}项，如{where}{first.message}",
            f"attachment {name}: {len(found)} finding(s), e.g. {first.english or first.message}")
    return lines


def require_no_unresolved_blocking(item: Item, blob_dir: Path | None = None, working: dict | None = None) -> None:
    """The submission rule: raise UnresolvedFindings unless every blocking finding of the
    working copy has an override. `working`: its content, when already at hand."""
    context = context_for_profile(topic=str((working.get("meta") or {}).get("topic") or "")) if working else None
    unresolved = [c.finding for c in checked(item, blob_dir, context, working=working) if c.unresolved]
    if unresolved:
        raise UnresolvedFindings(unresolved)
