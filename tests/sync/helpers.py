"""Workstation actions for sync tests, through the real services (db.items, db.workflow)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from db import items
from db.models import Column, Item, OutboxOp, User, Version
from db.workflow import decisions

TRADING_COLUMN = "ztb_jsgc"          # one review stage: the supervising leader (张卫东)
FIELDS = {"publisher": "信阳市公共资源交易中心", "topic": "0105", "written_on": "2024-03-01",
          "summary": "建设工程招标公告的内容概述。", "body_html": "<p>招标公告正文。</p>"}


def user(username: str) -> User:
    return User.get(User.username == username)


def draft(title: str, drafter: str = "maxiaoyan", column: str = TRADING_COLUMN) -> Item:
    return items.create_item(user(drafter), Column.get(Column.code == column), {**FIELDS, "title": title})


def submit(item: Item, drafter: str = "maxiaoyan") -> Version:
    return items.submit(user(drafter), Item.get_by_id(item.id))


def draft_and_submit(title: str, drafter: str = "maxiaoyan") -> Version:
    return submit(draft(title, drafter), drafter)


def edit(item_id: str, title: str, drafter: str = "maxiaoyan") -> Item:
    return items.save_item(user(drafter), Item.get_by_id(item_id), {"title": title})


def approve(item_id: str, leader: str = "zhangweidong"):
    item = Item.get_by_id(item_id)
    version = Version.get((Version.item == item) & (Version.number == item.latest_version_no))
    return decisions.approve(user(leader), item.id, version.number, version.content_hash)


def return_it(item_id: str, reason: str = "请补充材料", reviewer: str = "zhangweidong"):
    item = Item.get_by_id(item_id)
    version = Version.get((Version.item == item) & (Version.number == item.latest_version_no))
    return decisions.return_item(user(reviewer), item.id, version.number, version.content_hash, reason)


def pending_ops() -> list[OutboxOp]:
    return list(OutboxOp.select().where(OutboxOp.state == "pending").order_by(OutboxOp.seq))


def central_rows(central_db, sql: str, params=()) -> list[tuple]:
    """Rows of raw SQL written with `?` placeholders, on any backend."""
    if not central_db.__class__.__name__.startswith("Sqlite"):
        sql = sql.replace("?", "%s")
    cursor = central_db.execute_sql(sql, params)
    return list(cursor.fetchall()) if cursor.description else []


def log_changes(central_db, changes: list) -> int:
    """Append change-log rows as another workstation's transaction would."""
    from db.central.connect import writing
    from db.central.models import CENTRAL_MODELS
    from db.sync.changelog import central_now, write_changes
    with central_db.bind_ctx(CENTRAL_MODELS), writing(central_db):
        return write_changes(central_db, changes, central_now(central_db))


REPO = Path(__file__).resolve().parents[2]


def run_main(*args: str, password: str | None = None, home: Path | None = None) -> subprocess.CompletedProcess:
    """`python main.py ARGS` in a subprocess, as a script would run it. `password` goes in
    $GONGKAI_DB_PASSWORD; `home` holds the settings (QSettings) files of that run."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("GONGKAI_DB_PASSWORD", None)
    if password is not None:
        env["GONGKAI_DB_PASSWORD"] = password
    if home is not None:
        env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def wait_until(condition, seconds: float = 10.0, every: float = 0.02) -> bool:
    """Whether `condition()` came true within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return False


def submitted_to_the_leader(central_db, make_client, *titles: str):
    """Items a drafter submitted and synced, in a leader's queue after the leader's sync:
    (item ids, the drafter's client, the leader's client, bound now)."""
    drafter = make_client("drafter").use()
    item_ids = [draft_and_submit(title).item_id for title in titles]
    drafter.sync(central_db)
    leader = make_client("leader")
    leader.sync(central_db)
    return item_ids, drafter, leader
