"""The demo's review step: a living queue for every reviewer on first run.

Registered in db.demo.EXTRA_STEPS. It walks the submitted demo items through the real
services: most go through section head and leader approval (older ones are then marked
published, as sync would report), a few are returned with reasons, and the rest wait at
the first or the leader stage (a policy with the interpretation db.demo made with it). It
also puts working copies of published items and a withdrawal and an abolition request
into review (so the comparison view has something to show), sets a delegation (代审) and
the year's holidays. Times are then spread over the last weeks so deadlines differ.
"""
from __future__ import annotations

import datetime as dt
import random

from db import clock, demo_samples, items
from db.database import database
from db.errors import DomainError
from db.models import Column, Decision, Item, ReviewTask, User, Version
from db.workflow import authorship, calendar, decisions, delegation, publication, routing, rows, states, submission

# (reason, whether it fits the item): a leader returns an item for what is in it; the
# general reason only when nothing more particular fits.
RETURN_REASONS = (
    ("成文日期与文号年份不一致，请核对后重新提交", lambda item: bool(item.doc_no)),
    ("请补充报名表附件后再提交", lambda item: "报名" in item.body_text),
    ("正文中的联系电话已变更，请更新", lambda item: "电话" in item.body_text),
    ("请在正文中写明咨询电话", lambda item: "电话" not in item.body_text and item.column.code in ("tzgg", "bmfw")),
    ("预算数与所附表格合计数不一致，请核对后重新提交", lambda item: "万元" in item.body_text),
    ("请核对招标项目编号和公告期限", lambda item: item.column.code.startswith("ztb_")),
    ("请补充统计表，统计口径与上年一致", lambda item: item.column.code in ("gzbg", "spqk")),
    ("解读应逐条对应政策原文，请补充对第三条的解读", lambda item: item.column.code == "zcjd"),
    ("请写明会议的具体日期和参会范围", lambda item: "召开" in item.title),
    ("标题中的单位名称应使用全称", lambda item: "中心" in item.title and "行政服务中心" not in item.title),
)
GENERAL_REASON = "内容概述过于简单，请概括主要内容"


def fitting_reasons(item: Item) -> list[str]:
    return [reason for reason, fits in RETURN_REASONS if fits(item)] or [GENERAL_REASON]


COMMENTS = ("", "", "", "同意", "同意发布", "同意，请注意及时更新")
# 2026 public holidays and make-up working days (国务院办公厅通知), as demo calendar data.
HOLIDAYS_2026 = (
    ("2026-01-01", "2026-01-03", "元旦"), ("2026-02-15", "2026-02-23", "春节"),
    ("2026-04-04", "2026-04-06", "清明节"), ("2026-05-01", "2026-05-05", "劳动节"),
    ("2026-06-19", "2026-06-21", "端午节"), ("2026-09-25", "2026-09-27", "中秋节"),
    ("2026-10-01", "2026-10-07", "国庆节"),
)
MAKEUP_2026 = (("2026-01-04", "元旦调休"), ("2026-02-14", "春节调休"), ("2026-02-28", "春节调休"),
               ("2026-05-09", "劳动节调休"), ("2026-09-20", "国庆节调休"), ("2026-10-10", "国庆节调休"))


def walk_reviews(rng: random.Random, made: list[Item]) -> None:
    admin = User.get(User.role == "admin")
    calendar.set_days(admin, holiday_days())
    _delegate_for_the_week()
    pending = list(Item.select().where(Item.state == states.IN_REVIEW).order_by(Item.created_at))
    rng.shuffle(pending)
    returned_to: set[str] = set()      # each drafter gets one item back to react to
    for item in pending:
        _walk(rng, item, returned_to)
    _working_copies(rng)
    _spread_pending(rng)


def holiday_days() -> list[tuple[dt.date, bool, str]]:
    days = []
    for first, last, name in HOLIDAYS_2026:
        day = dt.date.fromisoformat(first)
        while day <= dt.date.fromisoformat(last):
            days.append((day, False, name))
            day += dt.timedelta(days=1)
    return days + [(dt.date.fromisoformat(d), True, name) for d, name in MAKEUP_2026]


def _delegate_for_the_week() -> None:
    today = clock.local_today()
    leader, deputy = User.get(User.username == "wangjianguo"), User.get(User.username == "limeihua")
    delegation.delegate(leader, leader, deputy, today - dt.timedelta(days=2), today + dt.timedelta(days=4),
                        "赴省政务服务中心学习交流")


def _walk(rng: random.Random, item: Item, returned_to: set[str]) -> None:
    """Decide the item's fate: published, approved, returned, or waiting at a stage. An item
    of the archive (not written lately) was published long ago."""
    fate = rng.random()
    stages = routing.stages_of(item.column)
    if not demo_samples.is_recent(item.written_on, clock.local_today()):
        _approve_through(rng, item, len(stages), publish=True)
    elif item.created_by_id not in returned_to and item.column.kind != "guide":
        returned_to.add(item.created_by_id)
        _return(rng, item)
    elif fate < 0.30:
        _approve_through(rng, item, len(stages), publish=rng.random() < 0.85)
    elif fate < 0.42:
        _return(rng, item)
    elif fate < 0.70 and len(stages) > 1:
        _approve_through(rng, item, 1, publish=False)


def _current(item: Item) -> Version:
    item = rows.first(Item, decisions.ITEM_SQL, item.id)
    return rows.first(Version, decisions.VERSION_SQL, item.id, item.latest_version_no)


def _reviewer(item: Item, version: Version) -> tuple[User, User | None] | None:
    """Who decides the open stage: a reviewer in their own right, or the deputy sometimes."""
    task = rows.first(ReviewTask, decisions.OPEN_TASK_SQL, version.id, states.T_OPEN)
    if task is None:
        return None
    people = [u for u in routing.reviewers(task.stage_role, task.section_id) if not authorship.is_author(u.id, version)]
    return (people[0], None) if people else None


def _approve_through(rng: random.Random, item: Item, stages: int, publish: bool) -> None:
    for _ in range(stages):
        version = _current(item)
        chosen = _reviewer(item, version)
        if chosen is None or version.state != states.V_IN_REVIEW:
            return
        decider = chosen[0] if publish else _maybe_deputy(rng, chosen[0])
        try:
            with database.atomic():
                outcome = decisions.approve(decider, item.id, version.number, version.content_hash, rng.choice(COMMENTS))
        except DomainError:
            return
    if publish and outcome.kind == "approved":
        for released in outcome.released:
            latest = _current(Item(id=released))
            publication.mark_published(released, latest.number, latest.content_hash)


def _maybe_deputy(rng: random.Random, reviewer: User) -> User:
    """Now and then this week's deputy decides for 王建国, so histories show "李美华 代 王建国"."""
    if reviewer.username == "wangjianguo" and rng.random() < 0.3:
        return User.get(User.username == "limeihua")
    return reviewer


def _return(rng: random.Random, item: Item) -> None:
    version = _current(item)
    chosen = _reviewer(item, version)
    if chosen is None:
        return
    try:
        with database.atomic():
            decisions.return_item(chosen[0], item.id, version.number, version.content_hash,
                                  rng.choice(fitting_reasons(item)))
    except DomainError:
        pass


def _working_copies(rng: random.Random) -> None:
    """Correct a few published items in working copies (some approved by the section head),
    and ask to withdraw a notice and abolish a policy, so the comparison view has changes.
    The corrections are the samples' own (db.demo_samples), so each reads as a real one."""
    published = list(Item.select(Item, Column).join(Column).where(Item.state == states.PUBLISHED)
                     .order_by(Item.written_on.desc(), Item.id))     # recent items are the ones corrected
    revised = []
    for item in published:
        if len(revised) == 8:
            break
        revision = demo_samples.revision_of(item.body_html, item.summary)
        if revision is None:
            continue
        try:
            with database.atomic():
                items.save_item(item.created_by, item, {"body_html": revision.body_html, "summary": revision.summary})
                items.submit(item.created_by, Item.get_by_id(item.id), revision.reason)
        except DomainError:
            continue
        revised.append(item)
        if rng.random() < 0.5:
            _approve_through(rng, item, 1, publish=False)
    untouched = [item for item in published if item not in revised]
    _request_one(untouched, "tzgg", submission.request_withdrawal, "通知所述安排已有变化，撤下原通知")
    _request_one(untouched[::-1], "zcfg", submission.request_abolition, "已被新发布的管理办法替代")   # the oldest


def _request_one(published: list[Item], column_code: str, request, reason: str) -> None:
    """Ask for the first item of the column, in the order given, that the request goes through for."""
    for target in (item for item in published if item.column.code == column_code):
        try:
            with database.atomic():
                request(target.created_by, target, reason)
            return
        except DomainError:
            continue


def _spread_pending(rng: random.Random) -> None:
    """Pending work looks like the last few weeks: submission times and deadlines differ.
    Earlier versions were decided soon after they were written, so histories read in order."""
    _date_history(rng)
    now = clock.now_dt()
    for task in ReviewTask.select(ReviewTask, Item.id, Item.written_on).join(Item).where(ReviewTask.state == states.T_OPEN):
        submitted = now - dt.timedelta(days=rng.randint(0, 30), hours=rng.randint(0, 8))
        if task.item.written_on:            # not before it was written
            written = dt.datetime.combine(dt.date.fromisoformat(task.item.written_on), dt.time(9), now.tzinfo)
            submitted = min(max(submitted, written + dt.timedelta(hours=rng.randint(2, 30))), now)
        stamp = submitted.strftime("%Y-%m-%dT%H:%M:%SZ")
        Item.update(changed_at=stamp).where(Item.id == task.item_id).execute()
        Version.update(created_at=stamp).where(Version.id == task.version_id).execute()
        decided = (submitted + dt.timedelta(hours=rng.randint(2, 30))).strftime("%Y-%m-%dT%H:%M:%SZ")
        Decision.update(decided_at=min(decided, clock.now())).where(Decision.version == task.version_id).execute()
    calendar.refresh_deadlines()


def _date_history(rng: random.Random) -> None:
    settled = (Version.select(Version.id, Version.item, Item.written_on).join(Item, on=(Version.item == Item.id))
               .where(Version.state.in_((states.V_PUBLISHED, states.V_REPLACED)) & (Item.written_on != "")))
    for version in settled:
        written = dt.datetime.combine(dt.date.fromisoformat(version.item.written_on), dt.time(1, 30))
        submitted = written + dt.timedelta(days=rng.randint(0, 2), hours=rng.randint(0, 6))
        Version.update(created_at=_stamp(submitted)).where(Version.id == version.id).execute()
        decisions_ = Decision.select(Decision.id).where(Decision.version == version.id).order_by(Decision.stage)
        for hours, decision in enumerate(decisions_, start=1):
            moment = submitted + dt.timedelta(hours=hours * rng.randint(2, 20))
            Decision.update(decided_at=_stamp(moment)).where(Decision.id == decision.id).execute()
            Item.update(published_at=_stamp(moment + dt.timedelta(minutes=10))).where(
                (Item.id == version.item_id) & (Item.published_version_no == Version.select(Version.number)
                                                .where(Version.id == version.id))).execute()


def _stamp(moment: dt.datetime) -> str:
    return min(moment, clock.now_dt().replace(tzinfo=None)).strftime("%Y-%m-%dT%H:%M:%SZ")
