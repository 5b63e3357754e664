"""代审: a reviewer names a deputy who decides in their name for a date range.

The deputy's decisions are recorded as decider = deputy, on_behalf_of = principal and
shown as "B 代 A". The principal keeps their own right to decide meanwhile. Delegation
does not chain: a deputy cannot pass on what was delegated to them.
"""
from __future__ import annotations

import datetime as dt

from db import audit, clock, outbox
from db.database import database
from db.errors import NotFound, PermissionDenied, ValidationFailed
from db.models import User
from db.workflow import catalogue, rows
from db.workflow.models import Delegation

REVIEW_ROLES = ("section_head", "leader")


def today() -> str:
    return clock.local_today().isoformat()


def delegate(actor: User, principal: User, deputy: User, starts_on: dt.date, ends_on: dt.date,
             note: str = "") -> Delegation:
    """Let `deputy` decide for `principal` from `starts_on` to `ends_on` (both inclusive)."""
    _require_may_manage(actor, principal)
    _check_people(principal, deputy)
    _check_dates(starts_on, ends_on)
    with database.atomic():
        _refuse_overlap(principal, starts_on, ends_on)
        row = Delegation.create(principal=principal, deputy=deputy, starts_on=starts_on.isoformat(),
                                ends_on=ends_on.isoformat(), note=note.strip(), created_by=actor)
        detail = catalogue.delegation_payload(row)
        audit.record(actor, "delegation_set", "delegation", row.id, detail)
        outbox.enqueue(catalogue.DELEGATION_SET, detail, actor)
    return row


def revoke(actor: User, delegation_id: str) -> Delegation:
    with database.atomic():
        row = Delegation.get_or_none(Delegation.id == delegation_id)
        if row is None:
            raise NotFound("找不到该代审授权", "The delegation no longer exists")
        _require_may_manage(actor, row.principal)
        if row.revoked_at is None:
            row.revoked_at = clock.now()
            row.save(only=[Delegation.revoked_at])
            detail = {"id": row.id, "revoked_at": row.revoked_at}
            audit.record(actor, "delegation_revoked", "delegation", row.id, detail)
            outbox.enqueue(catalogue.DELEGATION_REVOKE, detail, actor)
    return row


# Plain SQL: asked whenever a queue is read or a decision needs a deputy's authority.
IN_FORCE_WHERE = '"deputy_id" = ? AND "starts_on" <= ? AND "ends_on" >= ? AND "revoked_at" IS NULL'


def in_force_for_deputy(deputy: User, day: str | None = None) -> list[Delegation]:
    """The delegations `deputy` holds on `day` (Delegation.in_force_on, for one deputy)."""
    day = day or today()
    return rows.many(Delegation, IN_FORCE_WHERE, deputy.id, day, day)


def listed_for(user: User) -> list[Delegation]:
    """What a delegation screen shows: everything an admin may see, or the user's own."""
    query = Delegation.select().order_by(Delegation.starts_on.desc(), Delegation.created_at.desc())
    if user.role != "admin":
        query = query.where((Delegation.principal == user) | (Delegation.deputy == user))
    return list(query)


def possible_deputies(principal: User) -> list[User]:
    return list(User.select().where(User.role.in_(REVIEW_ROLES) & User.active & (User.id != principal.id))
                .order_by(User.role, User.username))


def _require_may_manage(actor: User, principal: User) -> None:
    if actor is None or not actor.active or (actor.role != "admin" and actor.id != principal.id):
        raise PermissionDenied("只能由本人或管理员设置代审", "Only the reviewer themselves or an administrator sets a delegation")


def _check_people(principal: User, deputy: User) -> None:
    if principal.role not in REVIEW_ROLES:
        raise ValidationFailed({"principal": ("只有科室负责人和分管领导可以委托代审",
                                              "Only section heads and leaders delegate reviews")})
    if deputy.id == principal.id:
        raise ValidationFailed({"deputy": ("不能委托给自己", "You cannot delegate to yourself")})
    if deputy.role not in REVIEW_ROLES or not deputy.active:
        raise ValidationFailed({"deputy": ("代审人须是在岗的科室负责人或分管领导",
                                           "The deputy must be an active section head or leader")})


def _check_dates(starts_on: dt.date, ends_on: dt.date) -> None:
    if ends_on < starts_on:
        raise ValidationFailed({"ends_on": ("结束日期不能早于开始日期", "The end date is before the start date")})
    if ends_on < clock.local_today():
        raise ValidationFailed({"ends_on": ("结束日期已过", "The end date is in the past")})


def _refuse_overlap(principal: User, starts_on: dt.date, ends_on: dt.date) -> None:
    clash = (Delegation.select().where(
        (Delegation.principal == principal) & Delegation.revoked_at.is_null()
        & (Delegation.starts_on <= ends_on.isoformat()) & (Delegation.ends_on >= starts_on.isoformat()))
        .first())
    if clash is not None:
        raise ValidationFailed({"starts_on": (
            f"该时段已委托{clash.deputy.display_name}代审（{clash.starts_on} 至 {clash.ends_on}），请先撤销",
            f"{clash.deputy.display_name} already deputises from {clash.starts_on} to {clash.ends_on}; revoke that first")})


def deputies_in_force(principal_ids: list[str], day: str | None = None) -> list[User]:
    """The deputies acting on `day` for any of these reviewers."""
    if not principal_ids:
        return []
    day = day or today()
    marks = ", ".join("?" for _ in principal_ids)
    return rows.many(User, f'"id" IN (SELECT "deputy_id" FROM "delegation" WHERE "principal_id" IN ({marks}) '
                           'AND "starts_on" <= ? AND "ends_on" >= ? AND "revoked_at" IS NULL)',
                     *principal_ids, day, day)
