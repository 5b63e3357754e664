"""What reviewers see: their queue sorted by the legal deadline, counts per state, and an
item's decision history. Read-only queries, shaped for a quick first screen."""
from __future__ import annotations

import json
from functools import reduce
from operator import or_
from typing import NamedTuple

from peewee import JOIN, SQL, Tuple, fn

from db.database import database
from db.models import Column, Decision, Item, ReviewTask, Section, User, Version
from db.workflow import authorship, routing, rows, states


# A row's stage plan: the one frozen with its version, else (a version mirrored without
# one) its column's.
PLAN = fn.COALESCE(fn.NULLIF(Version.stages, ""), Column.review_stages)


class QueueRow(NamedTuple):
    task_id: str
    item_id: str
    version_id: str
    version_no: int
    content_hash: str
    title: str
    purpose: str
    note: str
    section_id: str
    section_name: str
    column_id: str
    column_name: str
    kind: str
    review_stages: str              # the version's frozen plan (routing.plan_of)
    stage: int
    stage_role: str
    drafter_name: str
    submitted_at: str
    due_on: str
    on_behalf_of: str = ""          # the principal's display name when deciding as a deputy
    problem: str = ""               # why it is listed though nobody can decide it now (db.workflow.attention)
    problem_english: str = ""

    @property
    def stage_count(self) -> int:
        return len(routing.roles_in(self.review_stages))


def _queue_query(user: User, scopes: list[routing.Scope], *fields):
    """Open stages in the user's scopes: not their own submissions, not a version they
    already approved at another stage (nobody signs two stages), and as a deputy not a
    version written by the reviewer they stand in for. A version the user saved content into
    but did not submit stays listed, so the queue can say why they cannot decide it
    (queue_for marks it)."""
    by_role: dict[str, list[str]] = {}
    deputising = []
    for scope in scopes:
        if scope.on_behalf_of is None:
            by_role.setdefault(scope.stage_role, []).append(scope.section_id)
        else:
            deputising.append((ReviewTask.stage_role == scope.stage_role) & (ReviewTask.section == scope.section_id)
                              & authorship.not_author(Version, scope.on_behalf_of.id))
    own = [(ReviewTask.stage_role == role) & ReviewTask.section.in_(ids) for role, ids in by_role.items()]
    in_scope = reduce(or_, own + deputising)
    signed = (Decision.select(SQL("1")).where((Decision.version == Version.id) & (Decision.decider == user.id)
                                             & (Decision.outcome == "approve")))
    return (ReviewTask.select(*fields)
            .join(Version, on=(ReviewTask.version == Version.id))
            .where((ReviewTask.state == states.T_OPEN) & in_scope & (Version.created_by != user.id)
                   & ~fn.EXISTS(signed)))


def queue_for(user: User, section_id: str | None = None, column_ids: list[str] | None = None,
              kind: str | None = None, day: str | None = None, limit: int | None = None,
              after: QueueRow | None = None) -> list[QueueRow]:
    """Open stages this user may decide now, most urgent first (by deadline, then by
    submission). Their own submissions are left out: nobody decides on what they submitted.

    `limit` rows at most, starting after the row `after`: a screenful comes off the
    index on (state, stage role, deadline) without reading the rest of the queue."""
    scopes = routing.scopes_of(user, day)
    if not scopes:
        return []
    drafter = User.alias()
    query = (_filtered(_queue_query(user, scopes, ReviewTask.id, ReviewTask.item, Version.id, Version.number,
                                    Version.content_hash, Version.title, Version.purpose, Version.note, Section.id,
                                    Section.name, Column.id, Column.name, Column.kind, PLAN,
                                    ReviewTask.stage, ReviewTask.stage_role, drafter.display_name, Version.created_at,
                                    ReviewTask.due_on)
                       .join_from(ReviewTask, Section, on=(ReviewTask.section == Section.id))
                       .join_from(Version, drafter, on=(Version.created_by == drafter.id)),
                       section_id, column_ids, kind)
             .order_by(ReviewTask.due_on, Version.created_at, ReviewTask.id))
    if after is not None:
        query = query.where(Tuple(ReviewTask.due_on, Version.created_at, ReviewTask.id)
                            > Tuple(after.due_on, after.submitted_at, after.task_id))
    if limit is not None:
        query = query.limit(limit)
    deputising = {(s.stage_role, s.section_id): s.on_behalf_of.display_name for s in scopes if s.on_behalf_of}
    sql, params = query.sql()           # plain tuples: every column is already text or a number
    rows = [QueueRow(*row) for row in database.execute_sql(sql, params).fetchall()]
    if deputising:
        rows = [r._replace(on_behalf_of=deputising.get((r.stage_role, r.section_id), "")) for r in rows]
    return _mark_co_authored(user, rows)


def _mark_co_authored(user: User, rows: list[QueueRow]) -> list[QueueRow]:
    """A version the user edited is theirs too: listed with the reason they cannot decide it."""
    mine = authorship.authored_by(user.id, [r.version_id for r in rows])
    zh, en = authorship.CO_AUTHOR_REFUSAL
    return [r._replace(problem=zh, problem_english=en) if r.version_id in mine else r for r in rows]


def _filtered(query, section_id: str | None, column_ids: list[str] | None, kind: str | None):
    """The queue's filters: section, column (with the children the caller lists), type."""
    query = (query.join_from(ReviewTask, Item, on=(ReviewTask.item == Item.id))
             .join_from(Item, Column, on=(Item.column == Column.id)))
    if section_id:
        query = query.where(ReviewTask.section == section_id)
    if column_ids:
        query = query.where(Item.column.in_(column_ids))
    if kind:
        query = query.where(Column.kind == kind)
    return query


def queue_totals(user: User, today: str, section_id: str | None = None, column_ids: list[str] | None = None,
                 kind: str | None = None, day: str | None = None) -> tuple[int, int]:
    """How many rows queue_for() has with these filters, and how many of them are past
    their deadline on `today` (YYYY-MM-DD)."""
    scopes = routing.scopes_of(user, day)
    if not scopes:
        return 0, 0
    query = _filtered(_queue_query(user, scopes, fn.COUNT(ReviewTask.id),
                                   fn.TOTAL((ReviewTask.due_on != "") & (ReviewTask.due_on < today))),
                      section_id, column_ids, kind)
    total, overdue = query.tuples().get()
    return total, int(overdue)


def queue_count(user: User, day: str | None = None) -> int:
    """待我审核: what the user can decide now (a version they edited is listed, not counted)."""
    scopes = routing.scopes_of(user, day)
    if not scopes:
        return 0
    return _queue_query(user, scopes, fn.COUNT(ReviewTask.id)).where(authorship.not_author(Version, user.id)).scalar()


# Reviewers follow what is on its way through review; everyone else (drafters, administrators)
# sees every state of the items they follow.
COUNTED_STATES = (states.IN_REVIEW, states.RETURNED, states.APPROVED)
EVERY_STATE = (states.DRAFT, states.RETURNED, states.IN_REVIEW, states.APPROVED, states.PUBLISHED,
               states.WITHDRAWN)


def states_counted_for(user: User) -> tuple[str, ...]:
    return COUNTED_STATES if routing.may_review(user) else EVERY_STATE


def counts_for(user: User) -> dict[str, int]:
    """待我审核 (mine), and per state the items of the sections the user follows (the states
    of states_counted_for). `approved` counts what waits for sync; `held` the part of it
    waiting for a bundle partner."""
    sections = routing.section_ids_in_view(user)
    counted = states_counted_for(user)
    query = (Item.select(Item.state, fn.COUNT(Item.id)).where(Item.state.in_(counted))
             .group_by(Item.state))
    if sections is not None:
        query = query.where(Item.section.in_(sections))
    counts = {state: 0 for state in counted}
    counts.update(dict(query.tuples()))
    counts["held"] = _held_count(sections)
    counts["mine"] = queue_count(user)
    return counts


# Held versions are part of what is approved (their item waits as `approved`), so they are
# counted among the approved items, whose index is short, not across every version: CROSS
# JOIN keeps that order and `+` keeps SQLite from walking every item of the sections instead.
HELD_SQL = ('SELECT count(*) FROM "item" i CROSS JOIN "version" v ON v."item_id" = i."id" '
            'WHERE i."state" = ? AND v."state" = ?')


def _held_count(sections: list[str] | None) -> int:
    sql, params = HELD_SQL, [states.APPROVED, states.V_HELD]
    if sections is not None:
        sql += f' AND +i."section_id" IN ({", ".join("?" for _ in sections)})'
        params += sections
    return database.execute_sql(sql, params).fetchone()[0]


def filter_choices(user: User) -> tuple[list[tuple[str, str]], list[Column]]:
    """What the queue's filters offer: the sections the user reviews as (id, name), and
    the active columns, each in their sort order."""
    section_ids = sorted({scope.section_id for scope in routing.scopes_of(user)})
    marks = ", ".join("?" for _ in section_ids)
    sections = database.execute_sql(f'SELECT "id", "name" FROM "section" WHERE "id" IN ({marks}) '
                                     'ORDER BY "sort_order"', section_ids).fetchall() if section_ids else []
    return [tuple(row) for row in sections], rows.many(Column, '"active" ORDER BY "sort_order"')


class DecisionView(NamedTuple):
    version_no: int
    stage: int
    stage_role: str
    outcome: str
    comment: str
    decider: str
    on_behalf_of: str
    decided_at: str
    status: str

    @property
    def signed_as(self) -> str:
        """"B 代 A" for a deputy's decision; the decider's name otherwise."""
        return f"{self.decider} 代 {self.on_behalf_of}" if self.on_behalf_of else self.decider


SKIPPED = "skipped"      # DecisionView.outcome of a stage waived at submission (routing.plan_for)


def history_of(item_id: str) -> list[DecisionView]:
    """Every decision on the item, oldest version first; a stage waived at submission shows
    as a row of its own (outcome SKIPPED, the reason as its comment) before that version's
    decisions."""
    decider, principal = User.alias(), User.alias()
    query = (Decision.select(Decision.version_no, Decision.stage, ReviewTask.stage_role, Decision.outcome,
                             Decision.comment, decider.display_name, principal.display_name,
                             Decision.decided_at, Decision.status)
             .join_from(Decision, decider, on=(Decision.decider == decider.id))
             .join_from(Decision, principal, JOIN.LEFT_OUTER, on=(Decision.on_behalf_of == principal.id))
             .join_from(Decision, ReviewTask, JOIN.LEFT_OUTER, on=(Decision.task == ReviewTask.id))
             .where(Decision.item == item_id)
             .order_by(Decision.version_no, Decision.decided_at, Decision.stage))
    decided = [DecisionView(v, s, role or _role_of_stage(item_id, v, s), o, c, d, p or "", at, st)
               for v, s, role, o, c, d, p, at, st in query.tuples()]
    return sorted(decided + _waived(item_id), key=lambda view: (view.version_no, view.outcome != SKIPPED))


def _waived(item_id: str) -> list[DecisionView]:
    waived = rows.many(Version, '"item_id" = ? AND "skipped_stages" != \'\'', item_id)
    return [DecisionView(version.number, 0, role, SKIPPED, routing.SKIP_REASON[0], "", "", version.created_at, "")
            for version in waived for role in routing.skipped_of(version)]


def _role_of_stage(item_id: str, version_no: int, stage: int) -> str:
    roles = routing.plan_of(rows.one(Version, '"item_id" = ? AND "number" = ?', item_id, version_no))
    return roles[min(stage, len(roles)) - 1]


# Plain SQL: the preview asks for these whenever the reviewer moves to another row.
CONTENT_SQL = 'SELECT "content" FROM "version" WHERE "item_id" = ? AND "number" = ?'
LIVE_SQL = ('SELECT i."published_version_no", v."content" FROM "item" i LEFT JOIN "version" v '
            'ON v."item_id" = i."id" AND v."number" = i."published_version_no" WHERE i."id" = ?')


def version_content(item_id: str, version_no: int) -> dict:
    row = database.execute_sql(CONTENT_SQL, (item_id, version_no)).fetchone()
    if row is None:
        raise Version.DoesNotExist(f"version {version_no} of item {item_id}")
    return json.loads(row[0])


def live_content(item_id: str, except_version: int | None = None) -> dict | None:
    """The content on the website now, for comparison; None before the first publication."""
    row = database.execute_sql(LIVE_SQL, (item_id,)).fetchone()
    if row is None:
        raise Item.DoesNotExist(f"item {item_id}")
    live_no, live = row
    if live_no is None or live_no == except_version:
        return None
    return json.loads(live)


def published_at(item_id: str) -> str:
    """When the live version was published ("" before the first publication)."""
    row = database.execute_sql('SELECT "published_at" FROM "item" WHERE "id" = ?', (item_id,)).fetchone()
    return (row[0] if row else None) or ""


def returned_of(user: User) -> list[Item]:
    """A drafter's returned items, newest return first (the list shows them on top)."""
    return list(Item.select().where((Item.state == states.RETURNED) & (Item.section == user.section_id))
                .order_by(Item.returned_at.desc()))
