"""Pull: change-log pages after the local cursor, each applied in one local transaction
that also moves the cursor, so an interrupted pull resumes exactly where it stopped.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable

from db.central.models import ChangeLog
from db.database import database
from db.models import Item
from db.sync import state
from db.sync.errors import Cancelled, PullRefused
from db.sync.mirror import Mirror

PAGE_SIZE = 500
FAILSAFE_SHARE = 0.5      # refuse a pull that would remove more than half the local items …
FAILSAFE_FLOOR = 20       # … once there are enough items for a share to mean something


@dataclass
class PullReport:
    entries: int = 0
    items: set = field(default_factory=set)
    wanted_blobs: set = field(default_factory=set)
    cursor: int = 0


def check_failsafe(cursor: int) -> None:
    removals = (ChangeLog.select(ChangeLog.entity_id).where((ChangeLog.seq > cursor) & (ChangeLog.op == "delete")
                                                            & (ChangeLog.entity == "publication")).distinct().count())
    if not removals:
        return
    local = Item.select().count()
    if removals > FAILSAFE_FLOOR and removals > FAILSAFE_SHARE * local:
        raise PullRefused(f"网站数据库要求撤下 {removals} 条信息，超过本机 {local} 条的一半；为防止误删已停止同步，请联系管理员核实",
                          f"The site database would remove {removals} of this profile's {local} items; "
                          "the pull was stopped as a precaution. Ask an administrator to check")


def pull(central, hooks, progress: Callable[[str, int, int], None], cancelled: Callable[[], bool],
         page_size: int = PAGE_SIZE) -> PullReport:
    report = PullReport(cursor=state.cursor())
    newest = ChangeLog.select(ChangeLog.seq).order_by(ChangeLog.seq.desc()).limit(1).scalar() or 0
    if newest <= report.cursor:
        return report
    check_failsafe(report.cursor)
    while True:
        if cancelled():
            raise Cancelled()
        rows = list(ChangeLog.select().where(ChangeLog.seq > report.cursor).order_by(ChangeLog.seq).limit(page_size))
        if not rows:
            return report
        _apply_page(rows, hooks, report)
        progress("pull", report.cursor, newest)


def _apply_page(rows: list, hooks, report: PullReport) -> None:
    mirror = Mirror()
    with database.atomic():
        for row in rows:
            mirror.apply(row.entity, row.entity_id, row.op, json.loads(row.payload))
        mirror.settle()
        state.put(state.CURSOR, rows[-1].seq)
        if hooks is not None and hooks.pull_before_local_commit:
            hooks.pull_before_local_commit(rows[-1].seq)
    report.cursor = rows[-1].seq
    report.entries += len(rows)
    report.items |= mirror.touched_items
    report.wanted_blobs |= mirror.wanted_blobs
