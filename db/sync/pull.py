"""Pull: change-log pages after the local cursor, each applied in one local transaction
that also moves the cursor, so an interrupted pull resumes exactly where it stopped.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from db.database import database
from db.models import Item
from db.sync import state
from db.sync.central_sql import run
from db.sync.errors import Cancelled, PullRefused
from db.sync.mirror import Mirror

PAGE_SIZE = 1000
FAILSAFE_SHARE = 0.5      # refuse a pull that would remove more than half the local items …
FAILSAFE_FLOOR = 20       # … once there are enough items for a share to mean something
PAGE_SQL = "SELECT seq, entity, entity_id, op, payload FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?"


@dataclass
class PullReport:
    entries: int = 0
    items: set = field(default_factory=set)
    wanted_blobs: set = field(default_factory=set)
    cursor: int = 0
    relayed: int = 0


REMOVED_SQL = ("SELECT DISTINCT entity_id FROM change_log WHERE seq > ? AND op = 'delete' "
               "AND entity = 'publication'")
CHUNK = 500


def check_failsafe(central, cursor: int) -> None:
    """Refuse a pull whose tombstones would take down most of the items this profile
    holds. Only tombstones naming local items count: a new workstation starting at cursor
    0 meets every past withdrawal of the site, and those remove nothing here."""
    removed = [row[0] for row in run(central, REMOVED_SQL, (cursor,)).fetchall()]
    if len(removed) <= FAILSAFE_FLOOR:
        return
    hits = sum(Item.select().where(Item.id.in_(removed[n:n + CHUNK])).count()
               for n in range(0, len(removed), CHUNK))
    local = Item.select().count()
    if hits > FAILSAFE_FLOOR and hits > FAILSAFE_SHARE * local:
        raise PullRefused(f"网站数据库要求撤下 {hits} 条信息，超过本机 {local} 条的一半；为防止误删已停止同步，请联系管理员核实",
                          f"The site database would remove {hits} of this profile's {local} items; "
                          "the pull was stopped as a precaution. Ask an administrator to check")


def pull(central, hooks, progress: Callable[[str, int, int], None], cancelled: Callable[[], bool],
         page_size: int = PAGE_SIZE) -> PullReport:
    report = PullReport(cursor=state.cursor())
    newest = run(central, "SELECT MAX(seq) FROM change_log").fetchone()[0] or 0
    if newest <= report.cursor:
        return report
    check_failsafe(central, report.cursor)
    while True:
        if cancelled():
            raise Cancelled()
        rows = run(central, PAGE_SQL, (report.cursor, page_size)).fetchall()
        if not rows:
            return report
        _apply_page(central, rows, hooks, report)
        progress("pull", report.cursor, newest)


def _apply_page(central, rows: list, hooks, report: PullReport) -> None:
    mirror = Mirror(central)
    with database.atomic():
        mirror.apply_page([row[1:] for row in rows])
        state.put(state.CURSOR, rows[-1][0])
        if hooks is not None and hooks.pull_before_local_commit:
            hooks.pull_before_local_commit(rows[-1][0])
    report.cursor = rows[-1][0]
    report.entries += len(rows)
    report.items |= mirror.touched_items
    report.wanted_blobs |= mirror.wanted_blobs
    report.relayed += mirror.relayed
