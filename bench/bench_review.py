"""Review benchmark (issue 3), on a copy of the ten-year profile (bench/bigprofile.py:
130,000 items, 2,000 of them waiting for one leader). Each figure is printed beside a
floor measured in the same run, with the ratio:

1. Queue usable: from building the queue page to the first row selected and its preview
   painted, for 王建国 with 2,000 pending (median of 5, goal ≤ 200 ms).
   Floor: one plain SQL read of the same 2,000 open review tasks shown in a bare
   QTableView (QStandardItemModel).
2. Bulk approval of 100 items (checks per version, decision, release, audit, outbox; one
   transaction; goal ≤ 0.5 s). Floor: 100 decision rows and 100 outbox rows inserted with
   peewee in one transaction, no rules.
3. The whole path of 500 new items: draft → submit → section head → leader → approved and
   queued for sync, with audit and outbox, each step its own transaction as in the app
   (goal ≥ 150 items/s); once inside the big profile and once in a fresh one. Floor: the
   same four-table path in bare peewee (insert item; insert version + outbox row; insert
   decision + outbox row, twice), also one transaction per step, no rules. For reference
   only: Wagtail 8's moderation workflow takes an article from draft to live at ~13
   items/s on this kind of machine (DESIGN.md §11).

SQL statements are counted as SQLite runs them (BEGIN and COMMIT included, statements
inside triggers and FTS5's own not), on separate passes so that counting costs the timed
runs nothing. Every timed part starts with an empty WAL (a TRUNCATE checkpoint), and the
copy of the big profile is flushed to disk before anything is timed: otherwise the first
checkpoint of a run writes back the whole 690 MB copy and bills it to whatever runs then.

    .venv/bin/python bench/bench_review.py [--items 500] [--bulk 100]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bigprofile import LEADER, build_big_profile  # noqa: E402
from db import database as dbmod  # noqa: E402
from db import items, reference  # noqa: E402
from db.models import Column, Decision, Item, OutboxOp, User, Version  # noqa: E402
from db.workflow import decisions, queue  # noqa: E402

DRAFT = {"title": "市行政服务中心召开政务公开工作推进会",
         "body_html": "<p>为认真贯彻落实《中华人民共和国政府信息公开条例》，中心召开政务公开工作推进会。</p>"
                      "<p>会议要求各科室按照程序及时公开信息，做到有领导分管、有科室负责、有专人办理。</p>",
         "publisher": "信阳市行政服务中心", "topic": "0101", "written_on": "2026-11-02",
         "summary": "中心召开政务公开工作推进会，部署政务公开重点工作。"}
STEPS = ("draft", "submit", "section head", "leader")
COUNTED_ITEMS = 20


def person(username: str) -> User:
    return User.get(User.username == username)


def line(name: str, value: str, floor_name: str = "", floor: str = "", ratio: str = "", goal: str = "") -> None:
    print(f"  {name:<34}{value:>12}   {floor_name:<30}{floor:>12}   {ratio:>8}   {goal}")


def fresh_wal() -> None:
    """Start a timed part with the write-ahead log empty, the same for the floor and us."""
    dbmod.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


@contextmanager
def counting_statements():
    """The statements SQLite runs meanwhile (on this thread's connection), in a list."""
    seen: list[str] = []
    connection = dbmod.database.connection()
    connection.set_trace_callback(lambda sql: None if sql.startswith("--") else seen.append(sql))
    try:
        yield seen
    finally:
        connection.set_trace_callback(None)


# --- 1. queue usable -------------------------------------------------------------------------------
def queue_usable(root: Path, runs: int = 5) -> None:
    from PyQt6.QtCore import QSettings
    from PyQt6.QtWidgets import QApplication

    from desktop.context import AppContext
    from desktop.operations import OpRunner, ReadRunner
    app = QApplication.instance() or QApplication(["bench"])
    ctx = AppContext(profile=dbmod.Profile(root), settings=QSettings(str(root / "bench.ini"), QSettings.Format.IniFormat))
    ctx.runner, ctx.reader = OpRunner(), ReadRunner()
    ctx.user = person(LEADER)
    pending = queue.queue_count(ctx.user)
    page_times = [_time_queue_page(app, ctx) for _ in range(runs)]
    floor_times = [_time_bare_table(app) for _ in range(runs)]
    first_page = statistics.median(_timed(lambda: queue.queue_for(ctx.user, limit=100)) for _ in range(runs))
    whole = statistics.median(_timed(lambda: queue.queue_for(ctx.user)) for _ in range(runs))
    ctx.runner.shutdown()
    ctx.reader.shutdown()
    page, floor = statistics.median(page_times), statistics.median(floor_times)
    print(f"\n1. Queue usable for {LEADER} with {pending:,} pending in {Item.select().count():,} items (median of {runs})")
    line("queue page ready", f"{page * 1000:.0f} ms", "floor: plain SQL + QTableView", f"{floor * 1000:.0f} ms",
         f"{page / floor:.1f}×", "goal ≤ 200 ms")
    line("  of which first 100 rows in db/", f"{first_page * 1000:.1f} ms")
    line("  (whole queue_for() in db/)", f"{whole * 1000:.0f} ms")


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _time_queue_page(app, ctx) -> float:
    """Until the first row is selected and its preview painted (a paint of the preview after
    the row was shown: what the reviewer sees, not only what was asked for)."""
    from PyQt6.QtCore import QEvent, QEventLoop, QObject

    from desktop.pages.queue_page import Page
    painted: list[float] = []

    class PreviewPainted(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and page.panel.row is not None and not painted:
                painted.append(time.perf_counter())
            return False
    spy = PreviewPainted()
    started = time.perf_counter()
    page = Page(ctx)
    page.panel.preview.viewport().installEventFilter(spy)
    page.resize(1200, 700)
    page.show()
    while not painted:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)   # idle like the app, no spinning
    elapsed = painted[0] - started
    page.close()
    page.deleteLater()
    while ctx.reader.running:            # what the page still asked for (checks, counts) ends before the next run
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
    return elapsed


def _time_bare_table(app) -> float:
    from PyQt6.QtGui import QStandardItem, QStandardItemModel
    from PyQt6.QtWidgets import QTableView
    started = time.perf_counter()
    rows = dbmod.database.execute_sql(
        'SELECT t.due_on, v.title, t.section_id, t.stage_role, v.created_at FROM review_task t '
        'JOIN version v ON v.id = t.version_id WHERE t.state = ? AND t.stage_role = ? ORDER BY t.due_on',
        ("open", "leader")).fetchall()
    model = QStandardItemModel(len(rows), 5)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            model.setItem(r, c, QStandardItem(str(value)))
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 700)
    view.show()
    app.processEvents()
    elapsed = time.perf_counter() - started
    view.close()
    view.deleteLater()
    app.processEvents()
    return elapsed


# --- 2. bulk approval ------------------------------------------------------------------------------
def bulk(count: int) -> None:
    leader = person(LEADER)
    rows = queue.queue_for(leader)
    targets = [(r.item_id, r.version_no, r.content_hash) for r in rows[:count]]
    fresh_wal()
    started = time.perf_counter()
    result = decisions.bulk_approve(leader, targets)
    elapsed = time.perf_counter() - started
    fresh_wal()
    floor = _bulk_floor(leader, rows[:count])
    counted = rows[count:count + COUNTED_ITEMS]
    with counting_statements() as ours:
        decisions.bulk_approve(leader, [(r.item_id, r.version_no, r.content_hash) for r in counted])
    with counting_statements() as theirs:
        _bulk_floor(leader, counted)
    print(f"\n2. Bulk approval of {len(targets)} items by {LEADER}: {len(result.done)} approved, {len(result.skipped)} skipped")
    line("bulk_approve()", f"{elapsed * 1000:.0f} ms", "floor: peewee rows, no rules", f"{floor * 1000:.0f} ms",
         f"{elapsed / floor:.1f}×", "goal ≤ 500 ms")
    line("  SQL statements per item", f"{len(ours) / len(counted):.1f}", "floor", f"{len(theirs) / len(counted):.1f}")


def _bulk_floor(leader: User, rows) -> float:
    started = time.perf_counter()
    with dbmod.database.atomic() as transaction:
        for row in rows:
            Decision.create(item=row.item_id, version=Version.get((Version.item == row.item_id) & (Version.number == row.version_no)),
                            version_no=row.version_no, content_hash=row.content_hash, stage=2, outcome="approve",
                            decider=leader)
            OutboxOp.create(kind="decision.record", payload="{}")
        elapsed = time.perf_counter() - started
        transaction.rollback()          # the floor leaves nothing behind
    return elapsed


# --- 3. the whole path ---------------------------------------------------------------------------------
def whole_path(count: int, where: str) -> None:
    people = person("liuyang"), person("chenjing"), person(LEADER)
    column = Column.get(Column.code == "gzdt")
    fresh_wal()
    steps, elapsed = _timed_steps(lambda mark: _service_path(count, people, column, mark))
    approved = Item.select().where((Item.state == "approved") & Item.title.startswith(DRAFT["title"])).count()
    fresh_wal()
    floor_steps, floor = _timed_steps(lambda mark: _floor_path(count, people, column, mark))
    ours = _counted_steps(lambda mark: _service_path(COUNTED_ITEMS, people, column, mark))
    theirs = _counted_steps(lambda mark: _floor_path(COUNTED_ITEMS, people, column, mark))
    rate, floor_rate = count / elapsed, count / floor
    print(f"\n3. Whole path of {count} new items in {where}, draft → submit → 2 stages → approved with audit "
          f"and outbox ({approved} approved)")
    line("workflow services", f"{rate:.0f} items/s", "floor: bare peewee 4 tables", f"{floor_rate:.0f} items/s",
         f"{rate / floor_rate:.0%}", "goal ≥ 150 items/s")
    line("reference: Wagtail 8 moderation", "~13 items/s", "(DESIGN.md §11, not measured here)")
    line("  SQL statements per item", f"{sum(ours.values()) / COUNTED_ITEMS:.0f}", "floor",
         f"{sum(theirs.values()) / COUNTED_ITEMS:.0f}")
    for name in STEPS:
        line(f"  per item: {name}", f"{steps[name] / count * 1000:.1f} ms", "floor",
             f"{floor_steps[name] / count * 1000:.1f} ms")
        line(f"    SQL statements", f"{ours[name] / COUNTED_ITEMS:.0f}", "floor", f"{theirs[name] / COUNTED_ITEMS:.0f}")


def _timed_steps(run) -> tuple[dict[str, float], float]:
    """Seconds spent in each step of `run(mark)`, where mark(step) starts the next step."""
    spent = dict.fromkeys(STEPS, 0.0)
    current: list = [None, 0.0]

    def mark(step: str | None) -> None:
        moment = time.perf_counter()
        if current[0] is not None:
            spent[current[0]] += moment - current[1]
        current[:] = [step, moment]
    started = time.perf_counter()
    run(mark)
    return spent, time.perf_counter() - started


def _counted_steps(run) -> dict[str, int]:
    """SQL statements of each step of `run(mark)`."""
    counts, current = dict.fromkeys(STEPS, 0), [None]

    def mark(step: str | None) -> None:
        if current[0] is not None:
            counts[current[0]] += len(seen)
        seen.clear()
        current[0] = step
    with counting_statements() as seen:
        run(mark)
    return counts


def _service_path(count: int, people, column: Column, mark) -> None:
    drafter, head, leader = people
    for n in range(count):
        mark("draft")
        item = items.create_item(drafter, column, dict(DRAFT, title=f"{DRAFT['title']}（第{n + 1}次）"))
        mark("submit")
        version = items.submit(drafter, item)
        mark("section head")
        decisions.approve(head, item.id, version.number, version.content_hash)
        mark("leader")
        decisions.approve(leader, item.id, version.number, version.content_hash)
        mark(None)


def _floor_path(count: int, people, column: Column, mark) -> None:
    drafter, head, leader = people
    for n in range(count):
        mark("draft")
        with dbmod.database.atomic():
            item = Item.create(section=drafter.section_id, column=column, created_by=drafter, title=f"floor {n}",
                               body_html=DRAFT["body_html"], state="draft")
        mark("submit")
        with dbmod.database.atomic():
            version = Version.create(item=item, number=1, content=DRAFT["body_html"], content_hash="0" * 64,
                                     title=item.title, created_by=drafter)
            OutboxOp.create(kind="version.submit", payload="{}")
        for stage, (name, reviewer) in enumerate((("section head", head), ("leader", leader)), start=1):
            mark(name)
            with dbmod.database.atomic():
                Decision.create(item=item, version=version, version_no=1, content_hash="0" * 64, stage=stage,
                                outcome="approve", decider=reviewer)
                OutboxOp.create(kind="decision.record", payload="{}")
        mark(None)


def copy_flushed(source: Path, target: Path) -> None:
    """Copy the profile and write it to disk now, not at the first checkpoint of a timed run."""
    shutil.copyfile(source, target)
    descriptor = os.open(target, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=500, help="items for the whole path (default 500)")
    parser.add_argument("--bulk", type=int, default=100, help="items to bulk-approve (default 100)")
    args = parser.parse_args()
    source = build_big_profile()
    dbmod.close()
    work = Path(tempfile.mkdtemp(prefix="bench-review-"))
    try:
        copy_flushed(source.db_path, work / "profile.sqlite")
        dbmod.open_profile(dbmod.Profile(work))
        print(f"Review benchmark on a copy of {source.root.name} ({os.cpu_count()} CPUs)")
        print(f"  {'figure':<34}{'value':>12}   {'floor':<30}{'':>12}   {'ratio':>8}   goal")
        queue_usable(work)
        bulk(args.bulk)
        whole_path(args.items, "the 130,000-item profile")
        dbmod.close()
        fresh = work / "fresh"
        dbmod.open_profile(dbmod.Profile(fresh), create=True)
        reference.install_topics()
        reference.install_structure()
        reference.install_users("bench-password-1")
        whole_path(args.items, "a fresh profile")
    finally:
        dbmod.close()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
