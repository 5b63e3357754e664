"""Who reviews what: the stages of a column, and who may decide at each stage.

A column's `review_stages` lists stage roles in order ("section_head,leader" by default,
"leader" for a one-stage column). The section-head stage goes to the heads of the
item's section; the leader stage to the leaders who supervise that section
(SectionLeader). Any one of them decides for all; a deputy with a delegation in force
decides on behalf of the reviewer who delegated.
"""
from __future__ import annotations

from dataclasses import dataclass

from db.database import database
from db.errors import PermissionDenied
from db.models import Column, Item, Section, User
from db.workflow import delegation, rows

SECTION_HEAD, LEADER = "section_head", "leader"
STAGE_NAMES = {SECTION_HEAD: ("科室负责人审核", "section head review"),
               LEADER: ("分管领导审批", "supervising leader approval")}


COLUMN_SQL = 'SELECT * FROM "column" WHERE "id" = ?'


def column_of(item) -> Column:
    """The item's column, fetched once and kept on the item (Item.column would query again)."""
    if "column" not in item.__rel__:
        item.__rel__["column"] = rows.first(Column, COLUMN_SQL, item.column_id)
    return item.__rel__["column"]


def stages_of(column: Column) -> list[str]:
    """The column's stage roles. The last stage is always a supervising leader: that is the
    rule the seed sets (凡未经过分管领导审核批准的信息不得向外发布)."""
    return roles_in(column.review_stages)


def roles_in(review_stages: str) -> list[str]:
    roles = [r for r in review_stages.split(",") if r in STAGE_NAMES]
    if not roles or roles[-1] != LEADER:
        roles.append(LEADER)
    return roles


def plan_of(version, column: Column | None = None) -> list[str]:
    """The stage roles a version is reviewed under: frozen when it was submitted, so that
    a later change of the column's stages applies to new submissions only. A version
    without a frozen plan (one mirrored from a workstation that did not send it) follows
    its column."""
    if version.stages:
        return roles_in(version.stages)
    return stages_of(column if column is not None else Column.get_by_id(Item.get_by_id(version.item_id).column_id))


def skipped_of(version) -> list[str]:
    """The stage roles left out of the version's plan when it was submitted (see plan_for)."""
    return [role for role in version.skipped_stages.split(",") if role in STAGE_NAMES]


LEADERS_SQL = ('SELECT u.* FROM "user" u JOIN "section_leader" l ON l."leader_id" = u."id" '
               'WHERE l."section_id" = ? AND u."active"')
HEADS_SQL = 'SELECT * FROM "user" WHERE "role" = ? AND "section_id" = ? AND "active"'


def reviewers(stage_role: str, section_id: str) -> list[User]:
    """Who decides at this stage in their own right."""
    if stage_role == LEADER:
        return list(User.raw(LEADERS_SQL, section_id))
    return list(User.raw(HEADS_SQL, SECTION_HEAD, section_id))


# The same rule as reviewers(), as an SQL expression over a review task `t` with the
# decider's id twice as parameters: true when they decide that stage in their own right.
# Deciding asks it inside its one statement (decisions.DECIDING_SQL).
OWN_RIGHT_SQL = (
    'CASE t."stage_role" '
    'WHEN \'leader\' THEN EXISTS (SELECT 1 FROM "section_leader" l JOIN "user" u ON u."id" = l."leader_id" '
    '                             WHERE l."section_id" = t."section_id" AND l."leader_id" = ? AND u."active") '
    'ELSE EXISTS (SELECT 1 FROM "user" u WHERE u."id" = ? AND u."role" = \'section_head\' '
    '             AND u."section_id" = t."section_id" AND u."active") END')


def may_review(user: User | None) -> bool:
    """An active section head or leader: someone who may decide at all."""
    return user is not None and user.active and user.role in delegation.REVIEW_ROLES


@dataclass(frozen=True)
class Authority:
    decider: User
    on_behalf_of: User | None      # the reviewer a deputy acts for; None in one's own right


def authority(user: User, stage_role: str, section_id: str, day: str | None = None,
              author_ids: frozenset[str] = frozenset()) -> Authority:
    """On whose authority `user` decides at this stage, or PermissionDenied. A deputy never
    acts for one of `author_ids` (everyone who wrote the version, db.workflow.authorship):
    that would be approving one's own words through somebody else."""
    if may_review(user):
        own = {u.id: u for u in reviewers(stage_role, section_id)}
        if user.id in own:
            return Authority(user, None)
        principals = [row.principal_id for row in delegation.in_force_for_deputy(user, day) if row.principal_id in own]
        for principal_id in principals:
            if principal_id not in author_ids:
                return Authority(user, own[principal_id])
        if principals:
            name = own[principals[0]].display_name
            raise PermissionDenied(f"此版本由{name}本人提交或修改，不能代其审批",
                                   f"{name} submitted or edited this version; nobody decides on it in their name")
    zh, en = STAGE_NAMES[stage_role]
    section = Section.get_by_id(section_id).name
    raise PermissionDenied(f"您不是“{section}”的{_who(stage_role)}，不能在“{zh}”环节作出决定",
                           f"You are not a reviewer for {en} of {section}")


def _who(stage_role: str) -> str:
    return "分管领导" if stage_role == LEADER else "科室负责人"


@dataclass(frozen=True)
class Scope:
    """One slice of a reviewer's queue: tasks of this stage role in this section."""
    stage_role: str
    section_id: str
    on_behalf_of: User | None


def scopes_of(user: User, day: str | None = None) -> list[Scope]:
    """Everything `user` may decide today: in their own right first, then as a deputy."""
    if user is None or not user.active or user.role not in delegation.REVIEW_ROLES:
        return []
    scopes = {(s.stage_role, s.section_id): s for s in _own_scopes(user)}
    for row in delegation.in_force_for_deputy(user, day):
        for scope in _own_scopes(row.principal):
            key = (scope.stage_role, scope.section_id)
            scopes.setdefault(key, Scope(scope.stage_role, scope.section_id, row.principal))
    return list(scopes.values())


def _own_scopes(user: User) -> list[Scope]:
    if not user.active:
        return []
    if user.role == SECTION_HEAD and user.section_id:
        return [Scope(SECTION_HEAD, user.section_id, None)]
    if user.role == LEADER:
        return [Scope(LEADER, s, None) for s in supervised_by(user)]
    return []


SUPERVISED_SQL = 'SELECT "section_id" FROM "section_leader" WHERE "leader_id" = ?'


def supervised_by(leader: User) -> list[str]:
    """directory.sections_supervised_by in plain SQL: every queue read asks it."""
    return [row[0] for row in database.execute_sql(SUPERVISED_SQL, (leader.id,))]


def section_ids_in_view(user: User) -> list[str] | None:
    """Sections whose items the user follows in counts; None means every section."""
    if user.role in ("drafter", "section_head"):
        return [user.section_id] if user.section_id else []
    if user.role == LEADER:
        return supervised_by(user)
    return None


# --- who could decide at all ------------------------------------------------------------------

def can_be_decided(stage_role: str, section_id: str, author_ids: frozenset[str],
                   signed: frozenset[str] = frozenset(), day: str | None = None) -> bool:
    """Whether anybody may decide this stage of a version by `author_ids` now: a reviewer in
    their own right who is not an author, or a deputy in force for one; nobody who already
    approved another stage of the version (`signed`)."""
    own = [u.id for u in reviewers(stage_role, section_id) if u.id not in author_ids]
    if any(user_id not in signed for user_id in own):
        return True
    return any(deputy.id not in author_ids and deputy.id not in signed and may_review(deputy)
               for deputy in delegation.deputies_in_force(own, day))


def author_heads_section(author: User, section_id: str) -> bool:
    return author.role == SECTION_HEAD and author.section_id == section_id


# Why a section-head stage was left out of a plan (plan_for); the history and the slip say it.
SKIP_REASON = ("起草人为科室负责人，本环节免", "The drafter is the section head; this stage is waived")


def plan_for(column: Column, section_id: str, author: User,
             authors: frozenset[str] | None = None) -> tuple[list[str], list[str]]:
    """The stage roles a new submission goes through, and the ones it skips.

    A section-head stage is skipped when the author is a section head of the item's
    section and nobody else could decide it (no other head, no deputy in force for one):
    the head's own text goes straight to the supervising leader instead of waiting for a
    review nobody can give. The leader stage is never skipped. `authors`: everyone who
    wrote the version (the submitter alone when not given)."""
    authors = authors if authors is not None else frozenset({author.id})
    kept, skipped = [], []
    for role in stages_of(column):
        if (role == SECTION_HEAD and author_heads_section(author, section_id)
                and not can_be_decided(role, section_id, authors)):
            skipped.append(role)
        else:
            kept.append(role)
    return kept, skipped


# The rule of the central publication gate (db/central/routines.py), asked locally before a
# final approval is written: the one who signs (or on whose behalf a deputy signs) is an
# active leader who supervises the item's section.
def supervising_leader_sql(section: str = "?") -> str:
    """SELECT 1 when the user (a parameter) is an active leader linked to `section` (an SQL
    expression, or a parameter)."""
    return ('SELECT 1 FROM "section_leader" l JOIN "user" u ON u."id" = l."leader_id" '
            f'WHERE l."section_id" = {section} AND l."leader_id" = ? AND u."role" = \'leader\' AND u."active"')


SUPERVISING_LEADER_SQL = supervising_leader_sql()


def supervises(user_id: str, section_id: str) -> bool:
    return database.execute_sql(SUPERVISING_LEADER_SQL, (section_id, user_id)).fetchone() is not None
