"""Policy bundles: a 政策文件 and its 政策解读 are drafted, reviewed and published together.

The link is `Item.related`, kept in both directions. Submitting either submits the
partner's working copy too. A policy document cannot be submitted without its
interpretation. When the last stage approves one partner while the other is still in
review (or was never out), the approved version is *held*; the partner's final
approval then releases both in one `decision.record` operation, so the central database
publishes them in one transaction.
"""
from __future__ import annotations

from dataclasses import dataclass

from db import items
from db.errors import DomainError, PermissionDenied, ValidationFailed
from db.models import Item, User, Version
from db.workflow import states, working_copy

PAIRS = {"policy": "interpretation", "interpretation": "policy"}
KIND_NAMES = {"policy": "政策文件", "interpretation": "政策解读"}
POLICY_RULE = ("政策文件须与政策解读同步起草、同步审签、同步发布",
               "A policy document must be drafted, reviewed and published together with its interpretation")


class BundleIncomplete(DomainError):
    """A policy document went to review without its interpretation."""


def partner_of(item: Item) -> Item | None:
    """The bundle partner, its column and section at hand; None when not linked."""
    return items.item_at_hand(item.related_id) if item.related_id else None


def require_complete(item: Item, partner: Item | None) -> None:
    if item.column.kind == "policy" and partner is None:
        raise BundleIncomplete(*POLICY_RULE)


def relink(user: User, item: Item, partner_id: str | None) -> None:
    """Point `item` at a new partner (or none), keeping every link two-way.

    Call while saving `item`'s working copy; the caller saves `item`. The partners whose
    link changes get a working-copy change of their own (their content changed).
    """
    partner_id = partner_id or None
    if partner_id == item.related_id:
        return
    new = Item.get_or_none(Item.id == partner_id) if partner_id else None
    if partner_id and new is None:
        raise ValidationFailed({"related": ("找不到要关联的信息", "The item to link no longer exists")})
    if new is not None:
        _check_pair(user, item, new)
    old = partner_of(item)
    if old is not None:
        _set_related(user, old, None)
    if new is not None:
        if new.related_id and new.related_id != item.id:
            _set_related(user, Item.get_by_id(new.related_id), None)
        _set_related(user, new, item.id)
    item.related = partner_id


def _check_pair(user: User, item: Item, other: Item) -> None:
    if PAIRS.get(item.column.kind) != other.column.kind:
        raise ValidationFailed({"related": ("只能把政策文件与政策解读相互关联",
                                            "Only a policy document and an interpretation can be linked")})
    try:
        items.require_drafter_of(user, other.column, other.section_id)
    except PermissionDenied as refused:
        raise PermissionDenied(f"不能关联《{other.title}》：{refused}",
                               f"Cannot link “{other.title}”: {refused.english}") from refused


def _set_related(user: User, other: Item, value: str | None) -> None:
    other = Item.get_by_id(other.id)
    working_copy.begin_edit(user, other)
    other.related = value
    items.mark_changed(user, other)
    items.keep_revision(user, other, autosave=False)


@dataclass(frozen=True)
class Candidate:
    """An item the user could link as the bundle partner, as the chooser lists it."""
    id: str
    title: str
    column: str
    state: str
    partner_title: str          # the item it is linked to now ("" when free)


def partner_candidates(user: User, kind: str, item_id: str | None = None) -> list[Candidate]:
    """Items of the kind that pairs with `kind` that `user` may link (their own section's,
    in columns they may draft in), newest change first; withdrawn ones are left out, as
    is `item_id` itself."""
    wanted = PAIRS.get(kind)
    if wanted is None:
        return []
    columns = {c.id: c for c in items.draftable_columns(user) if c.kind == wanted}
    if not columns:
        return []
    rows = (Item.select(Item.id, Item.title, Item.column, Item.state, Item.related)
            .where(Item.column.in_(list(columns)) & (Item.section == user.section_id)
                   & (Item.state != states.WITHDRAWN))
            .order_by(Item.updated_at.desc()))
    rows = [row for row in rows if row.id != item_id]
    linked = {row.related_id for row in rows if row.related_id and row.related_id != item_id}
    titles = {i.id: i.title for i in Item.select(Item.id, Item.title).where(Item.id.in_(list(linked)))} if linked else {}
    return [Candidate(row.id, row.title, columns[row.column_id].name, row.state,
                      titles.get(row.related_id, "") if row.related_id != item_id else "")
            for row in rows]


def latest_version(item: Item) -> Version | None:
    if not item.latest_version_no:
        return None
    return Version.get_or_none((Version.item == item) & (Version.number == item.latest_version_no))


def held_version(partner: Item | None) -> Version | None:
    """The partner's approved version waiting for this one, if any."""
    version = latest_version(partner) if partner is not None else None
    return version if version is not None and version.state == states.V_HELD else None


def must_wait_for(partner: Item | None) -> bool:
    """Whether a final approval must be held until `partner` is approved too.

    It waits while the partner is in review, or has never been approved at all; it goes
    when the partner is live, already released for sync, or held waiting for this one.
    """
    if partner is None or held_version(partner) is not None:
        return False
    if partner.state == states.IN_REVIEW:
        return True
    released = Version.select().where((Version.item == partner) & Version.state.in_(
        (states.V_APPROVED, states.V_PUBLISHED))).exists()
    return not (states.is_live(partner) or released)
