"""Deciding: approve, approve with a comment, or return with a reason.

A decision names exactly what the reviewer saw: (item, version number, content hash).
It is refused when that is no longer the version under review (the drafter edited or
resubmitted meanwhile): a stale approval changes nothing and publishes nothing. The
author of a version never decides on it, and nobody signs two stages of one version.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from db import audit, clock, outbox
from db.database import database
from db.errors import DomainError, InvalidState, NotFound, PermissionDenied, ValidationFailed
from db.models import Decision, Item, ReviewTask, User, Version
from db.workflow import bundles, catalogue, routing, rows, states, submission

APPROVE, RETURN = "approve", "return"


class StaleDecision(InvalidState):
    """The version the reviewer saw is no longer the one under review."""


@dataclass(frozen=True)
class Outcome:
    """What a decision did, for the message the reviewer sees next."""
    item_id: str
    title: str
    kind: str                       # "next_stage" | "approved" | "held" | "returned"
    decision_id: str
    next_stage_role: str = ""
    returned_to: str = ""           # the drafter's display name
    released: tuple[str, ...] = ()  # item ids whose versions are now queued for sync
    held_for: str = ""              # the bundle partner's title when held


def approve(user: User, item_id: str, version_no: int, content_hash: str, comment: str = "") -> Outcome:
    return _decide_recording_stale(user, item_id, version_no, content_hash, APPROVE, comment.strip())


def return_item(user: User, item_id: str, version_no: int, content_hash: str, reason: str) -> Outcome:
    reason = reason.strip()
    if not reason:
        raise ValidationFailed({"reason": ("退回须填写理由", "A return needs a reason")})
    return _decide_recording_stale(user, item_id, version_no, content_hash, RETURN, reason)


def _decide_recording_stale(user, item_id, version_no, content_hash, outcome, comment) -> Outcome:
    try:
        with database.atomic():
            return decide(user, item_id, version_no, content_hash, outcome, comment)
    except StaleDecision:
        with database.atomic():
            audit.record(user, "decision_refused_stale", "item", item_id,
                         {"version": version_no, "hash": content_hash, "outcome": outcome})
        raise


ITEM_SQL = 'SELECT * FROM "item" WHERE "id" = ?'
VERSION_SQL = 'SELECT * FROM "version" WHERE "item_id" = ? AND "number" = ?'
OPEN_TASK_SQL = 'SELECT * FROM "review_task" WHERE "version_id" = ? AND "state" = ? ORDER BY "stage" LIMIT 1'
SIGNED_SQL = 'SELECT 1 FROM "decision" WHERE "version_id" = ? AND "decider_id" = ? AND "outcome" = ? LIMIT 1'


def decide(user: User, item_id: str, version_no: int, content_hash: str, outcome: str,
           comment: str) -> Outcome:
    """Record one decision (inside a transaction). See approve() and return_item()."""
    item = rows.first(Item, ITEM_SQL, item_id)
    if item is None:
        raise NotFound("找不到该信息，可能已被删除", "The item no longer exists")
    version = rows.first(Version, VERSION_SQL, item_id, version_no)
    if version is None:
        raise NotFound("找不到该版本", "The version does not exist")
    _require_current(item, version, content_hash)
    task = _open_task(version)
    authority = _authority(user, item, task)
    _require_independent(user, version)
    decision = rows.insert(Decision(
        item=item, version=version, version_no=version.number, content_hash=version.content_hash,
        task=task, stage=task.stage, outcome=outcome, comment=comment, decider=user,
        on_behalf_of=authority.on_behalf_of, decided_at=clock.now(), status=states.D_RECORDED))
    if outcome == RETURN:
        result = _return(user, item, version, task, decision)
    elif task.stage < len(routing.stages_of(routing.column_of(item))):
        result = _next_stage(user, item, version, task, decision)
    else:
        result = _last_stage(user, item, version, task, decision)
    audit.record(user, "decision", "item", item.id,
                 {"version": version.number, "hash": version.content_hash, "stage": task.stage,
                  "outcome": outcome, "comment": comment, "result": result.kind},
                 on_behalf_of=authority.on_behalf_of)
    return result


def _require_current(item: Item, version: Version, content_hash: str) -> None:
    current = (version.number == item.latest_version_no and version.content_hash == content_hash
               and version.state == states.V_IN_REVIEW)
    if not current:
        raise StaleDecision(
            f"《{item.title}》已修改或重新提交，您审阅的第{version.number}版已失效，本次审批未生效（当前为第{item.latest_version_no}版）",
            f"“{item.title}” was changed or resubmitted: version {version.number} you reviewed is stale, "
            f"so nothing was decided (the current version is {item.latest_version_no})")


def _open_task(version: Version) -> ReviewTask:
    task = rows.first(ReviewTask, OPEN_TASK_SQL, version.id, states.T_OPEN)
    if task is None:
        raise InvalidState("此版本当前没有待审核的环节", "This version has no open review stage")
    return task


def _authority(user: User, item: Item, task: ReviewTask) -> routing.Authority:
    """The decider's authority at the open stage; a clear refusal for a later stage's reviewer."""
    try:
        return routing.authority(user, task.stage_role, task.section_id)
    except PermissionDenied:
        for later in routing.stages_of(routing.column_of(item))[task.stage:]:
            if _may_act(user, later, task.section_id):
                zh, en = routing.STAGE_NAMES[task.stage_role]
                raise InvalidState(f"此信息尚在“{zh}”环节，须先完成该环节才能由您审批",
                                   f"The item is still at the {en} stage; that stage must decide first")
        raise


def _may_act(user: User, stage_role: str, section_id: str) -> bool:
    try:
        routing.authority(user, stage_role, section_id)
        return True
    except PermissionDenied:
        return False


def _require_independent(user: User, version: Version) -> None:
    if version.created_by_id == user.id:
        raise PermissionDenied("不能审批本人提交的信息", "You cannot decide on a version you submitted yourself")
    if database.execute_sql(SIGNED_SQL, (version.id, user.id, APPROVE)).fetchone():
        raise PermissionDenied("您已在前一环节批准过此版本，须由他人审批本环节",
                               "You approved this version at an earlier stage; someone else decides this one")


def _close(task: ReviewTask, event: str) -> None:
    task.state = states.task_next(task.state, event)
    task.closed_at = clock.now()
    rows.update(task, "state", "closed_at")


def _return(user, item, version, task, decision) -> Outcome:
    _close(task, states.RETURN)
    version.state = states.version_next(version.state, states.RETURN)
    rows.update(version, "state")
    item.state = states.item_next(item.state, states.RETURN)
    item.return_reason, item.returned_by, item.returned_at = decision.comment, user, decision.decided_at
    rows.update(item, "state", "return_reason", "returned_by", "returned_at")
    _enqueue(user, decision, task, final=False, released=[], held_for="")
    return Outcome(item.id, item.title, "returned", decision.id, returned_to=version.created_by.display_name)


def _next_stage(user, item, version, task, decision) -> Outcome:
    _close(task, states.APPROVE_STAGE)
    item.state = states.item_next(item.state, states.APPROVE_STAGE)
    following = submission.open_stage(item, version, task.stage + 1)
    _enqueue(user, decision, task, final=False, released=[], held_for="")
    return Outcome(item.id, item.title, "next_stage", decision.id, next_stage_role=following.stage_role)


def _last_stage(user, item, version, task, decision) -> Outcome:
    _close(task, states.APPROVE_LAST)
    item.state = states.item_next(item.state, states.APPROVE_LAST)
    rows.update(item, "state")
    partner = bundles.partner_of(item)
    if bundles.must_wait_for(partner):
        version.state = states.version_next(version.state, states.HOLD)
        rows.update(version, "state")
        _enqueue(user, decision, task, final=True, released=[], held_for=partner.id)
        return Outcome(item.id, item.title, "held", decision.id, held_for=partner.title)
    version.state = states.version_next(version.state, states.APPROVE_LAST)
    rows.update(version, "state")
    released = [version] + _release_partner(user, partner)
    _enqueue(user, decision, task, final=True, released=released, held_for="")
    return Outcome(item.id, item.title, "approved", decision.id, released=tuple(v.item_id for v in released))


def _release_partner(user: User, partner: Item | None) -> list[Version]:
    held = bundles.held_version(partner)
    if held is None:
        return []
    held.state = states.version_next(held.state, states.RELEASE)
    held.save(only=[Version.state])
    audit.record(user, "released_with_partner", "item", partner.id,
                 {"version": held.number, "hash": held.content_hash})
    return [held]


def _enqueue(user, decision, task, final: bool, released: list, held_for: str) -> None:
    payload = catalogue.decision_payload(decision, task.stage_role, final, released, held_for)
    outbox.enqueue(catalogue.DECISION_RECORD, payload, user)


@dataclass(frozen=True)
class Skipped:
    item_id: str
    title: str
    reason: str           # Chinese
    english: str


@dataclass
class BulkResult:
    done: list[Outcome] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def bulk_approve(user: User, targets: list[tuple[str, int, str]], comment: str = "") -> BulkResult:
    """Approve each (item id, version number, hash) that has no unresolved blocking finding.

    One transaction for the lot; each approval in its own savepoint, so a refusal skips
    that item (and says why) without undoing the others.
    """
    from db.workflow import findings
    result, context = BulkResult(), findings.check_context()
    with database.atomic():
        for item_id, version_no, content_hash in targets:
            version = rows.first(Version, VERSION_SQL, item_id, version_no)
            title = version.title if version else ""
            blocking = findings.unresolved_blocking(version, context) if version else []
            if blocking:
                result.skipped.append(Skipped(item_id, title, *findings.summary(blocking)))
                continue
            try:
                with database.atomic():
                    result.done.append(decide(user, item_id, version_no, content_hash, APPROVE, comment.strip()))
            except DomainError as refused:
                if isinstance(refused, StaleDecision):
                    audit.record(user, "decision_refused_stale", "item", item_id,
                                 {"version": version_no, "hash": content_hash, "outcome": APPROVE})
                result.skipped.append(Skipped(item_id, title, str(refused), refused.english))
    return result
