"""Deciding: approve, approve with a comment, or return with a reason.

A decision names exactly what the reviewer saw: (item, version number, content hash).
It is refused when that is no longer the version under review (the drafter edited or
resubmitted meanwhile): a stale approval changes nothing and publishes nothing. No author
of a version (its submitter or anyone who saved content into it, db.workflow.authorship)
decides on it, and nobody signs two stages of one version.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from db import audit, clock, outbox
from db.database import database
from db.errors import DomainError, InvalidState, NotFound, PermissionDenied, ValidationFailed
from db.models import Column, Decision, Item, ReviewTask, User, Version
from db.workflow import authorship, bundles, catalogue, routing, rows, states, submission

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

ITEM_SECTION = 'i."section_id"'
# Everything a decision is judged by, in one statement: the item, the version (with its
# frozen stage plan), its open stage, the column, whether the decider reviews that stage in
# their own right (the rule of routing.reviewers), whether they supervise the item's section
# as a leader (the central gate's rule for a final approval), whether they approved this
# version already, and the deadline settings the next stage needs. `+` keeps SQLite on the
# version's index.
DECIDING_SQL = (
    f'SELECT {rows.columns(Item, "i")}, {rows.columns(Version, "v")}, {rows.columns(ReviewTask, "t")}, '
    f'{rows.columns(Column, "c")}, {routing.OWN_RIGHT_SQL}, '
    f'EXISTS ({routing.supervising_leader_sql(ITEM_SECTION)}), '
    'EXISTS (SELECT 1 FROM "decision" d WHERE d."version_id" = v."id" AND +d."decider_id" = ? '
    '        AND d."outcome" = \'approve\'), '
    '(SELECT "value" FROM "setting" WHERE "key" = \'calendar.overrides\'), '
    '(SELECT "value" FROM "setting" WHERE "key" = \'deadline_working_days\') '
    'FROM "version" v JOIN "item" i ON i."id" = v."item_id" JOIN "column" c ON c."id" = i."column_id" '
    'LEFT JOIN "review_task" t ON t."id" = (SELECT "id" FROM "review_task" WHERE "version_id" = v."id" '
    '                                      AND "state" = \'open\' ORDER BY "stage" LIMIT 1) '
    'WHERE v."item_id" = ? AND v."number" = ?')
MODELS = (Item, Version, ReviewTask, Column)


@dataclass
class Case:
    """What one decision is about, as read in one statement; see prepare()."""
    item: Item
    version: Version
    task: ReviewTask
    authority: routing.Authority
    stage_count: int                # of the version's frozen plan (routing.plan_of)
    calendar: dict
    deadline_days: int


def decide(user: User, item_id: str, version_no: int, content_hash: str, outcome: str,
           comment: str) -> Outcome:
    """Record one decision (inside a transaction). See approve() and return_item()."""
    return carry_out(user, prepare(user, item_id, version_no, content_hash, outcome), outcome, comment)


def prepare(user: User, item_id: str, version_no: int, content_hash: str, outcome: str) -> Case:
    """Every check of a decision, before anything is written: the version is the one under
    review, its stage is open, the user decides it (or deputises for who does), the user
    neither wrote the version nor approved an earlier stage of it, and the state machine
    allows the step. Raises the refusal; reads only."""
    row = database.execute_sql(DECIDING_SQL, (user.id, user.id, user.id, user.id, item_id, version_no)).fetchone()
    if row is None:
        _missing(item_id)
    item, version, task, column = _split(row)
    own, supervising, signed, calendar, days = row[-5:]
    item.__rel__["column"] = column
    _require_current(item, version, content_hash)
    if task is None:
        raise InvalidState("此版本当前没有待审核的环节", "This version has no open review stage")
    _require_independent(user, version, bool(signed))
    plan = routing.plan_of(version, column)
    authority = _authority(user, item, version, task, plan, bool(own))
    stage_count = max(len(plan), task.stage)
    if outcome == APPROVE and task.stage >= stage_count:
        _require_supervising_leader(item, authority, bool(supervising))
    states.item_next(item.state, _item_event(outcome, task.stage, stage_count))     # refused here, not halfway
    calendar, days = (json.loads(calendar) if calendar else None), (json.loads(days) if days else None)
    return Case(item, version, task, authority, stage_count, dict(calendar or {}), int(days or 20))


def _split(row) -> tuple:
    found, start = [], 0
    for model in MODELS:
        end = start + rows.width(model)
        values = row[start:end]
        found.append(rows.build(model, values) if values[0] is not None else None)
        start = end
    return tuple(found)


def _missing(item_id: str):
    if database.execute_sql('SELECT 1 FROM "item" WHERE "id" = ?', (item_id,)).fetchone() is None:
        raise NotFound("找不到该信息，可能已被删除", "The item no longer exists")
    raise NotFound("找不到该版本", "The version does not exist")


def _item_event(outcome: str, stage: int, stage_count: int) -> str:
    if outcome == RETURN:
        return states.RETURN
    return states.APPROVE_STAGE if stage < stage_count else states.APPROVE_LAST


def carry_out(user: User, case: Case, outcome: str, comment: str) -> Outcome:
    """Write a prepared decision: the decision row, the stage's (and item's, version's) new
    states, the next stage or the release, one outbox operation and one audit event."""
    item, version, task, authority = case.item, case.version, case.task, case.authority
    decision = rows.insert(Decision(
        item=item, version=version, version_no=version.number, content_hash=version.content_hash,
        task=task, stage=task.stage, outcome=outcome, comment=comment, decider=user,
        on_behalf_of=authority.on_behalf_of, decided_at=clock.now(), status=states.D_RECORDED))
    if outcome == RETURN:
        result = _return(user, item, version, task, decision)
    elif task.stage < case.stage_count:
        result = _next_stage(user, case, decision)
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


def _authority(user: User, item: Item, version: Version, task: ReviewTask, plan: list[str],
               own: bool) -> routing.Authority:
    """The decider's authority at the open stage; a clear refusal for a later stage's reviewer."""
    if own and routing.may_review(user):
        return routing.Authority(user, None)
    try:
        return routing.authority(user, task.stage_role, task.section_id,
                                 author_ids=authorship.authors_of(version))
    except PermissionDenied:
        for later in plan[task.stage:]:
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


def _require_supervising_leader(item: Item, authority: routing.Authority, supervising: bool) -> None:
    """The final approval is the one that publishes: it must come from (or on behalf of) an
    active leader who supervises the item's section, as the central gate will insist."""
    signer = authority.on_behalf_of or authority.decider
    if authority.on_behalf_of is not None:
        supervising = routing.supervises(signer.id, item.section_id)
    if not supervising:
        raise PermissionDenied(
            f"终审须由本科室的分管领导（或其代审人）作出，{signer.display_name}不是分管领导，本次批准未生效",
            f"The final approval must come from a supervising leader of the section (or their deputy); "
            f"{signer.display_name} is not one, so nothing was approved")


def _require_independent(user: User, version: Version, signed: bool) -> None:
    if version.created_by_id == user.id:
        raise PermissionDenied("不能审批本人提交的信息", "You cannot decide on a version you submitted yourself")
    if authorship.is_author(user.id, version):
        raise PermissionDenied(*authorship.CO_AUTHOR_REFUSAL)
    if signed:
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
    drafter = rows.one(User, '"id" = ?', version.created_by_id)
    return Outcome(item.id, item.title, "returned", decision.id, returned_to=drafter.display_name)


def _next_stage(user, case: Case, decision) -> Outcome:
    item, task = case.item, case.task
    _close(task, states.APPROVE_STAGE)
    item.state = states.item_next(item.state, states.APPROVE_STAGE)
    following = submission.open_stage(item, case.version, task.stage + 1, case.calendar, case.deadline_days)
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
    rows.update(held, "state")
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

    One transaction for the lot, and for each approved target its own decision, audit
    event and outbox operation. Every refusal is found before that target writes anything
    (prepare), so a refused target is skipped (and says why) without undoing the others;
    an unexpected failure undoes the lot.
    """
    from db.workflow import findings
    result, context, comment = BulkResult(), findings.check_context(), comment.strip()
    with database.atomic(), audit.appending():
        for item_id, version_no, content_hash in targets:
            case, refused = None, None
            try:
                case = prepare(user, item_id, version_no, content_hash, APPROVE)
            except DomainError as error:
                refused = error
            version = case.version if case else rows.one(Version, '"item_id" = ? AND "number" = ?', item_id, version_no)
            title = version.title if version else ""
            blocking = findings.unresolved_blocking(version, context) if version else []
            if blocking:
                result.skipped.append(Skipped(item_id, title, *findings.summary(blocking)))
            elif refused is not None:
                if isinstance(refused, StaleDecision):
                    audit.record(user, "decision_refused_stale", "item", item_id,
                                 {"version": version_no, "hash": content_hash, "outcome": APPROVE})
                result.skipped.append(Skipped(item_id, title, str(refused), refused.english))
            else:
                result.done.append(carry_out(user, case, APPROVE, comment))
    return result
