"""The workflow's one state machine: every state of items, versions and review tasks,
and every transition between them, as tables.

An item's `state` tells what is in flight for it; whether something is on the website
is a separate fact (`published_version_no`), because a published item keeps its live
version while a working copy is edited and reviewed (DESIGN.md §5):

    draft ─submit─▶ in_review(stage k) ─approve (last stage)─▶ approved ─sync─▶ published
      ▲                │ return (reason required)                                  │
      └── returned ◀───┘                               edit → new working copy ───┤
                                         request withdrawal/废止 (needs approval) ─┘

废止 is not a state: it is a version with purpose "abolish" whose content says
有效性 = 废止. Once approved and published, the item stays on the website marked 废止,
as government sites show abolished documents. 撤稿 (purpose "withdraw") takes the item
off the website; after sync reports it, the item is `withdrawn` for good.
"""
from __future__ import annotations

from db.errors import InvalidState

# Item states (db.models.ITEM_STATES)
DRAFT, RETURNED, IN_REVIEW, APPROVED, PUBLISHED, WITHDRAWN = (
    "draft", "returned", "in_review", "approved", "published", "withdrawn")

# Events
SUBMIT = "submit"                          # a working copy goes to review
REQUEST_WITHDRAWAL = "request_withdrawal"  # 撤稿 of the live version goes to review
REQUEST_ABOLITION = "request_abolition"    # 废止 of the live version goes to review
EDIT = "edit"                              # the working copy changes
APPROVE_STAGE = "approve_stage"            # a stage before the last approves
APPROVE_LAST = "approve_last"              # the last stage approves
RETURN = "return"                          # a reviewer returns it, with a reason
HOLD = "hold"                              # approved, waiting for its bundle partner
RELEASE = "release"                        # both partners approved: queued for sync
PUBLISHED_EVENT = "published"              # sync: the central database published it
WITHDRAWN_EVENT = "withdrawn"              # sync: the central database took it off
REPLACED = "replaced"                      # sync: a newer version went live

REQUESTS = (SUBMIT, REQUEST_WITHDRAWAL, REQUEST_ABOLITION)
LIVE_ONLY = frozenset({REQUEST_WITHDRAWAL, REQUEST_ABOLITION})   # guarded by is_live()

ITEM_TRANSITIONS: dict[tuple[str, str], str] = {
    (DRAFT, EDIT): DRAFT,
    (RETURNED, EDIT): RETURNED,            # the reason stays visible until resubmission
    (IN_REVIEW, EDIT): DRAFT,              # pending decisions on the old version go stale
    (APPROVED, EDIT): DRAFT,               # a released approval still goes out (see docs)
    (PUBLISHED, EDIT): DRAFT,              # a working copy; the live version stays
    (DRAFT, SUBMIT): IN_REVIEW,
    (RETURNED, SUBMIT): IN_REVIEW,
    (PUBLISHED, REQUEST_WITHDRAWAL): IN_REVIEW,
    (DRAFT, REQUEST_WITHDRAWAL): IN_REVIEW,       # live item with an unsubmitted working copy
    (RETURNED, REQUEST_WITHDRAWAL): IN_REVIEW,
    (PUBLISHED, REQUEST_ABOLITION): IN_REVIEW,
    (DRAFT, REQUEST_ABOLITION): IN_REVIEW,
    (RETURNED, REQUEST_ABOLITION): IN_REVIEW,
    (IN_REVIEW, APPROVE_STAGE): IN_REVIEW,
    (IN_REVIEW, APPROVE_LAST): APPROVED,
    (IN_REVIEW, RETURN): RETURNED,
    (APPROVED, PUBLISHED_EVENT): PUBLISHED,
    (APPROVED, WITHDRAWN_EVENT): WITHDRAWN,
}

# Version states. A version is immutable content; only its state moves.
V_IN_REVIEW, V_HELD, V_APPROVED, V_PUBLISHED = "in_review", "held", "approved", "published"
V_REPLACED, V_WITHDRAWN, V_RETURNED, V_STALE = "replaced", "withdrawn", "returned", "stale"

VERSION_TRANSITIONS: dict[tuple[str, str], str] = {
    (V_IN_REVIEW, APPROVE_STAGE): V_IN_REVIEW,
    (V_IN_REVIEW, APPROVE_LAST): V_APPROVED,
    (V_IN_REVIEW, HOLD): V_HELD,
    (V_HELD, RELEASE): V_APPROVED,
    (V_IN_REVIEW, RETURN): V_RETURNED,
    (V_IN_REVIEW, EDIT): V_STALE,
    (V_HELD, EDIT): V_STALE,
    (V_APPROVED, PUBLISHED_EVENT): V_PUBLISHED,
    (V_APPROVED, WITHDRAWN_EVENT): V_WITHDRAWN,
    (V_PUBLISHED, REPLACED): V_REPLACED,
    (V_PUBLISHED, WITHDRAWN_EVENT): V_WITHDRAWN,
}
PENDING_VERSION_STATES = (V_IN_REVIEW, V_HELD)      # what an edit makes stale

# Review tasks: one per stage of one version.
T_OPEN, T_APPROVED, T_RETURNED, T_STALE = "open", "approved", "returned", "stale"
TASK_TRANSITIONS: dict[tuple[str, str], str] = {
    (T_OPEN, APPROVE_STAGE): T_APPROVED,
    (T_OPEN, APPROVE_LAST): T_APPROVED,
    (T_OPEN, RETURN): T_RETURNED,
    (T_OPEN, EDIT): T_STALE,
}

# Decision status: recorded locally, then confirmed (or not) by the central database.
D_RECORDED, D_AUTHORITATIVE, D_SUPERSEDED, D_STALE = "recorded", "authoritative", "superseded", "stale"

PURPOSES = ("publish", "withdraw", "abolish")

STATE_NAMES = {
    DRAFT: ("草稿", "draft"), RETURNED: ("已退回", "returned"), IN_REVIEW: ("审核中", "in review"),
    APPROVED: ("已批准", "approved"), PUBLISHED: ("已发布", "published"),
    WITHDRAWN: ("已撤稿", "withdrawn"),
}
EVENT_NAMES = {
    SUBMIT: ("提交审核", "submit it for review"), EDIT: ("修改", "edit it"),
    REQUEST_WITHDRAWAL: ("申请撤稿", "request its withdrawal"),
    REQUEST_ABOLITION: ("申请废止", "request its abolition"),
    APPROVE_STAGE: ("批准", "approve it"), APPROVE_LAST: ("批准", "approve it"),
    RETURN: ("退回", "return it"), PUBLISHED_EVENT: ("发布", "publish it"),
    WITHDRAWN_EVENT: ("撤下", "take it off the website"),
}


def item_next(state: str, event: str) -> str:
    """The item state after `event`, or InvalidState naming what was refused."""
    target = ITEM_TRANSITIONS.get((state, event))
    if target is None:
        zh_state, en_state = STATE_NAMES.get(state, (state, state))
        zh_event, en_event = EVENT_NAMES.get(event, (event, event))
        raise InvalidState(f"此信息当前为“{zh_state}”，不能{zh_event}",
                           f"The item is {en_state}; you cannot {en_event} now")
    return target


def version_next(state: str, event: str) -> str:
    return _step(VERSION_TRANSITIONS, "版本", "version", state, event)


def task_next(state: str, event: str) -> str:
    return _step(TASK_TRANSITIONS, "审核环节", "review stage", state, event)


def _step(table: dict, zh_what: str, en_what: str, state: str, event: str) -> str:
    target = table.get((state, event))
    if target is None:
        raise InvalidState(f"{zh_what}当前状态为“{state}”，不能执行“{event}”",
                           f"The {en_what} is {state}; '{event}' is not possible")
    return target


def is_live(item) -> bool:
    """Something of this item is on the website (or was approved to replace what is)."""
    return item.published_version_no is not None and item.state != WITHDRAWN


def can(state: str, event: str) -> bool:
    return (state, event) in ITEM_TRANSITIONS


# --- Applying what another party decided (db/sync) -------------------------------------------
# The central database and the other workstations move items and versions through the same
# machine, but a pull (or a push applied centrally) sees only the outcome, possibly several
# steps on: a drafter's edit and resubmission elsewhere shows as in_review → in_review with a
# newer number. So a state decided elsewhere is accepted when the machine can reach it from
# the state here. Besides, the central database orders decisions by commit (DESIGN.md §6.4):
# a decision made here can lose to another workstation's, so a version decided (or edited)
# here follows the decision that stood, or the edit elsewhere that made it stale first; and
# a decision the central database refused leaves the version in review there, so here too.
VERSION_DECIDED = (V_HELD, V_APPROVED, V_RETURNED)
VERSION_SETTLED = VERSION_DECIDED + (V_STALE,)
VERSION_RACES = frozenset(
    [(mine, theirs) for mine in VERSION_SETTLED for theirs in VERSION_SETTLED if mine != theirs]
    + [(mine, V_IN_REVIEW) for mine in VERSION_DECIDED])


def _reachable(table: dict, start: str) -> frozenset[str]:
    seen, todo = {start}, [start]
    while todo:
        state = todo.pop()
        for (source, _event), target in table.items():
            if source == state and target not in seen:
                seen.add(target)
                todo.append(target)
    return frozenset(seen)


def _reach_of(table: dict) -> dict[str, frozenset[str]]:
    return {state: _reachable(table, state) for pair in table for state in (pair[0], table[pair])}


ITEM_REACH, VERSION_REACH = _reach_of(ITEM_TRANSITIONS), _reach_of(VERSION_TRANSITIONS)


def follow_item(state: str, decided: str) -> str:
    """The item state `decided` elsewhere, or InvalidState when the machine cannot get there
    from `state` (nothing leaves `withdrawn`)."""
    if decided not in ITEM_REACH.get(state, ()):
        raise InvalidState(f"此信息本机状态为“{STATE_NAMES.get(state, (state,))[0]}”，不能改为“{STATE_NAMES.get(decided, (decided,))[0]}”",
                           f"The item is {state} here; it cannot become {decided}")
    return decided


def follow_version(state: str, decided: str) -> str:
    """The version state `decided` elsewhere: reachable from `state`, or the central
    database's standing decision replacing one made (or an edit) here."""
    if decided not in VERSION_REACH.get(state, ()) and (state, decided) not in VERSION_RACES:
        raise InvalidState(f"版本本机状态为“{state}”，不能改为“{decided}”",
                           f"The version is {state} here; it cannot become {decided}")
    return decided


def item_after(state: str, *events: str) -> str:
    """The item state after several events in a row (each one checked)."""
    for event in events:
        state = item_next(state, event)
    return state


def version_after(state: str, *events: str) -> str:
    for event in events:
        state = version_next(state, event)
    return state
