"""The demo's guides made ready for the front desk (registered in db.demo.EXTRA_STEPS).

Most guides go through the real review (section head, then supervising leader) and are
marked published as sync would report. A few are left where the front desk meets them
in real life, so its screen can show why they do not print: one never submitted, one
in review, one returned, one approved but not yet synced (it prints: approved is
enough), and one published guide with a working copy in review (the published version
prints, not the working copy).
"""
from __future__ import annotations

import json
import random

from db import items
from db.cards import index, printing
from db.database import database
from db.errors import DomainError
from db.models import Column, Item, ReviewTask, Version
from db.workflow import decisions, publication, routing, states

WORKING_COPY = "有限责任公司设立登记"
RETURN_REASON = "办理材料的份数与申请表不一致，请核对后重新提交"
# Examples the front desk should meet, each wanted in a state; taken from the guides the
# review step left unapproved, preferring one already in that state.
EXAMPLES = (("draft", states.DRAFT), ("returned", states.RETURNED), ("in_review", states.IN_REVIEW),
            ("approved", None))


def ready_guides(rng: random.Random, made: list[Item]) -> None:
    guides = list(Item.select().join(Column).where(Column.kind == "guide").order_by(Item.title, Item.id))
    roles = _pick_examples(guides)
    for item in guides:
        try:
            with database.atomic():
                _settle(item, roles.get(item.id, "published"))
        except DomainError:
            continue            # a guide the rules stop stays where it is, as in real life
    _working_copy_in_review(guides)
    index.refresh()


def guide_name(item: Item) -> str:
    return str(json.loads(item.guide_json or "{}").get("name") or "")


def _pick_examples(guides: list[Item]) -> dict[str, str]:
    unapproved = [g for g in guides if printing.printable_version(Item.get_by_id(g.id))[0] is None]
    roles: dict[str, str] = {}
    for role, state in EXAMPLES:
        free = [g for g in unapproved if g.id not in roles]
        chosen = next((g for g in free if g.state == state), free[0] if free else None)
        if chosen is not None:
            roles[chosen.id] = role
    return roles


def _settle(item: Item, role: str) -> None:
    state = Item.get_by_id(item.id).state
    if role == "draft":
        if state == states.IN_REVIEW:          # an edit takes it out of review
            items.save_item(item.created_by, Item.get_by_id(item.id), {"guide": json.loads(item.guide_json)})
    elif role == "in_review":
        submit_if_needed(item)
    elif role == "returned":
        submit_if_needed(item)
        decide_open_stage(item, approve=False)
    else:
        approve_through(item)
        if role == "published":
            publish(item)


def submit_if_needed(item: Item) -> None:
    fresh = Item.get_by_id(item.id)
    if fresh.state in (states.DRAFT, states.RETURNED):
        items.submit(fresh.created_by, fresh)


def approve_through(item: Item) -> None:
    """Submit when needed and approve every open stage, each by a reviewer of that stage."""
    submit_if_needed(item)
    while Item.get_by_id(item.id).state == states.IN_REVIEW:
        decide_open_stage(item, approve=True)


def decide_open_stage(item: Item, approve: bool) -> None:
    fresh = Item.get_by_id(item.id)
    version = Version.get((Version.item == fresh) & (Version.number == fresh.latest_version_no))
    task = ReviewTask.get((ReviewTask.version == version) & (ReviewTask.state == states.T_OPEN))
    reviewer = next(u for u in routing.reviewers(task.stage_role, task.section_id) if u.id != version.created_by_id)
    if approve:
        decisions.decide(reviewer, fresh.id, version.number, version.content_hash, decisions.APPROVE, "同意")
    else:
        decisions.decide(reviewer, fresh.id, version.number, version.content_hash, decisions.RETURN, RETURN_REASON)


def publish(item: Item) -> None:
    """What sync reports once the central database published the approved version."""
    version = Version.get_or_none((Version.item == item.id) & (Version.state == states.V_APPROVED))
    if version is not None:
        publication.mark_published(item.id, version.number, version.content_hash)


def _working_copy_in_review(guides: list[Item]) -> None:
    """A published guide's hours change in a working copy that waits for review: the
    published version keeps printing."""
    published = [g for g in guides if Item.get_by_id(g.id).state == states.PUBLISHED]
    chosen = next((g for g in published if guide_name(g) == WORKING_COPY), published[0] if published else None)
    if chosen is None:
        return
    fresh = Item.get_by_id(chosen.id)
    guide = json.loads(fresh.guide_json)
    guide["hours"] = "法定工作日 上午8:30—12:00，下午14:00—17:30（延时服务至18:30）"
    try:
        with database.atomic():
            items.save_item(fresh.created_by, fresh, {"guide": guide})
            items.submit(fresh.created_by, Item.get_by_id(fresh.id), "办理时间调整")
    except DomainError:
        pass
