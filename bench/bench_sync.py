"""Sync benchmark: pushing N approved items vs a raw peewee bulk upsert of the same rows.

For each reachable central database (SQLite always; MariaDB and PostgreSQL on 127.0.0.1)
it prints, measured in the same run on the same server:
  * floor: the central rows of N approved items (wf_item, wf_version, wf_decision, pub_item)
    written with peewee insert_many, 100 rows per statement, one transaction — no rules;
  * push: the same N items as 2N outbox ops (submit + final approval) pushed by the engine,
    100 ops per central transaction, each op checked against applied_ops, published
    through the database's own gate, logged in change_log; goal ≥ 50% of the floor;
  * a sync with nothing to do; goal ≤ 100 ms.
The local profile is filled with plain inserts (setting it up is not what is measured).

    .venv/bin/python bench/bench_sync.py [--items 10000] [--backends sqlite,mariadb,postgresql]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db import content, database as dbmod, reference  # noqa: E402
from db.central import roles, siteinit  # noqa: E402
from db.central.connect import open_central, writing  # noqa: E402
from db.central.models import CENTRAL_MODELS, PubItem, WfDecision, WfItem, WfVersion  # noqa: E402
from db.content import canonical_json  # noqa: E402
from db.ids import new_id  # noqa: E402
from db.models import Column, Decision, Item, OutboxOp, User, Version  # noqa: E402
from db.sync.engine import SyncEngine, seed_central_directory  # noqa: E402

SERVERS = {"mariadb": ("mysql://root@127.0.0.1:3306/{}", "mysql://root@127.0.0.1:3306/mysql"),
           "postgresql": ("postgresql://postgres@127.0.0.1:5432/{}", "postgresql://postgres@127.0.0.1:5432/postgres")}


def build_profile(root: Path, count: int) -> None:
    dbmod.open_profile(dbmod.Profile(root), create=True)
    reference.install_topics()
    reference.install_structure()
    reference.install_users("bench-password-1")
    column = Column.get(Column.code == "ztb_jsgc")
    drafter, leader = User.get(User.username == "maxiaoyan"), User.get(User.username == "zhangweidong")
    with dbmod.database.atomic():
        for n in range(count):
            _approved_item(n, column, drafter, leader)
    dbmod.close()


def _approved_item(n: int, column, drafter, leader) -> None:
    body = "<p>" + ("建设工程招标公告正文，包括项目概况、投标人资格要求和开标时间。" * 60) + "</p>"
    item = Item.create(section=drafter.section_id, column=column, created_by=drafter, title=f"招标公告{n}",
                       body_html=body, index_no=f"BENCH/2026-{n:05d}", state="approved", latest_version_no=1)
    data = {"kind": "article", "column": column.code, "section": "trading", "title": item.title, "body_html": body,
            "meta": {"index_no": item.index_no, "publisher": "信阳市公共资源交易中心", "doc_no": "", "topic": "0105",
                     "written_on": "2026-01-05", "validity": "有效", "disclosure": "主动公开", "secrecy": "非涉密",
                     "summary": "招标公告"}, "guide": None, "attachments": [], "related": ""}
    version = Version.create(item=item, number=1, content=canonical_json(data), content_hash=content.content_hash(data),
                             title=item.title, state="approved", created_by=drafter)
    decision = Decision.create(item=item, version=version, version_no=1, content_hash=version.content_hash, stage=1,
                               outcome="approve", decider=leader, status="recorded")
    OutboxOp.create(op_id=new_id(), kind="version.submit", payload=canonical_json({"item_id": item.id, "version_id": version.id}))
    OutboxOp.create(op_id=new_id(), kind="decision.record",
                    payload=canonical_json({"decision_id": decision.id, "item_id": item.id, "final": True}))


def floor_rows(profile_root: Path):
    dbmod.open_profile(dbmod.Profile(profile_root))
    rows = []
    for version in Version.select().join(Item):
        decision = Decision.get(Decision.version == version)
        rows.append((version, decision))
    return rows


def write_floor(central, rows) -> float:
    now = "2026-01-01T00:00:00Z"
    items = [dict(id=v.item_id, section_id=v.item.section_id, column_id=v.item.column_id, state="published",
                  index_no=v.item.index_no, created_by=v.created_by_id, created_at=now, latest_version_no=1,
                  published_version_no=1, published_at=now, return_reason="", updated_at=now) for v, _d in rows]
    versions = [dict(id=v.id, item_id=v.item_id, number=1, purpose="publish", content=v.content,
                     content_hash=v.content_hash, title=v.title, state="published", created_by=v.created_by_id,
                     created_at=now) for v, _d in rows]
    decisions = [dict(id=d.id, item_id=d.item_id, version_id=d.version_id, version_no=1, content_hash=d.content_hash,
                      stage=1, is_final=1, outcome="approve", comment="", decider_id=d.decider_id, on_behalf_of_id=None,
                      decided_at=now, recorded_at=now, status="authoritative") for _v, d in rows]
    pubs = [dict(item_id=v.item_id, version_no=1, content_hash=v.content_hash, index_no=v.item.index_no, title=v.title,
                 body_html="x", column_code="c", column_name="c", section_code="s", publisher="p", doc_no="",
                 topic="t", written_on="", validity="有效", disclosure="主动公开", summary="", content=v.content,
                 approved_by="王", decision_id=d.id, published_at=now, go_live_at=None, expires_at=None)
            for v, d in rows]
    started = time.perf_counter()
    with central.bind_ctx(CENTRAL_MODELS), writing(central):
        if central.__class__.__name__.startswith("Sqlite"):
            for trigger in ("pub_item_guard_insert", "pub_item_guard_update"):
                central.execute_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        for model, data in ((WfItem, items), (WfVersion, versions), (WfDecision, decisions), (PubItem, pubs)):
            for start in range(0, len(data), 100):
                model.insert_many(data[start:start + 100]).on_conflict_replace().execute() \
                    if central.__class__.__name__.startswith("Sqlite") else \
                    model.insert_many(data[start:start + 100]).execute()
    return time.perf_counter() - started


def fresh_central(backend: str, folder: Path, template_root: Path):
    name = "gk_bench_" + uuid.uuid4().hex[:8]
    admin = None
    if backend == "sqlite":
        url = f"sqlite:///{folder / (name + '.sqlite')}"
    else:
        admin = open_central(SERVERS[backend][1])
        if backend == "postgresql":
            admin._state.conn.autocommit = True
        admin.execute_sql(f"CREATE DATABASE {name}" + (" CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" if backend == "mariadb" else ""))
        url = SERVERS[backend][0].format(name)
    central = open_central(url)
    siteinit.init_site(central, name)
    dbmod.open_profile(dbmod.Profile(template_root))
    seed_central_directory(central)
    dbmod.close()
    return central, admin, name


def drop(central, admin, name, backend) -> None:
    central.close()
    if admin is not None:
        admin.execute_sql(f"DROP DATABASE IF EXISTS {name}")
        roles.drop_roles(admin, name)
        admin.close()


def bench_backend(backend: str, work: Path, template: Path, count: int) -> None:
    central, admin, name = fresh_central(backend, work, template)
    rows = floor_rows(template)
    floor = write_floor(central, rows)
    dbmod.close()
    drop(central, admin, name, backend)

    central, admin, name = fresh_central(backend, work, template)
    profile_root = work / f"push-{backend}"
    shutil.copytree(template, profile_root)
    profile = dbmod.open_profile(dbmod.Profile(profile_root))
    started = time.perf_counter()
    report = SyncEngine(profile, central).run()
    pushed = time.perf_counter() - started
    idle = []
    for _ in range(5):
        started = time.perf_counter()
        SyncEngine(profile, central).run()
        idle.append(time.perf_counter() - started)
    dbmod.close()
    drop(central, admin, name, backend)
    floor_rate, push_rate = count / floor, count / pushed
    print(f"{backend:<11} floor (bulk upsert, no rules): {floor_rate:8.0f} items/s   "
          f"push ({report.pushed} ops, {len(report.published)} published): {push_rate:8.0f} items/s   "
          f"ratio {push_rate / floor_rate:5.0%} (goal ≥ 50%)   "
          f"idle sync: median {sorted(idle)[2] * 1000:5.1f} ms (goal ≤ 100 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--backends", default="sqlite,mariadb,postgresql")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gongkai-bench-sync-"))
    try:
        template = work / "template"
        build_profile(template, args.items)
        print(f"{args.items} approved items of ~6 KB each, pushed as {2 * args.items} ops")
        for backend in args.backends.split(","):
            try:
                bench_backend(backend, work, template, args.items)
            except Exception as exc:   # noqa: BLE001 — an unreachable server is reported, not fatal
                print(f"{backend:<11} skipped: {type(exc).__name__}: {str(exc)[:100]}")
    finally:
        dbmod.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
