"""Sync benchmark: pushing N approved items vs a raw peewee bulk upsert of the same rows.

For each reachable central database (SQLite always; MariaDB and PostgreSQL on 127.0.0.1)
it prints, measured in the same run on the same server:
  * floor: the central rows of N approved items (wf_item, wf_version, wf_decision and the
    pub_item row the website reads, with the same values the push writes) upserted with
    peewee insert_many, 100 rows per statement, one transaction, no rules;
  * push: the same N items as 2N outbox ops (version.submit + the final decision.record,
    payloads as the workflow writes them) pushed by the engine: each op checked against
    applied_ops, decided by the central rules, published through the database's own gate,
    logged in change_log, in batches of 200 ops per transaction; goal ≥ 50% of the floor;
  * sync: the whole first sync of that workstation, i.e. the push plus pulling its own
    changes back (local items marked published through db.workflow.publication, with
    their audit events);
  * a sync with nothing to do; goal ≤ 100 ms.
The local profile is filled with plain inserts (setting it up is not what is measured).

    .venv/bin/python bench/bench_sync.py [--items 10000] [--backends sqlite,mariadb,postgresql]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db import content, database as dbmod, reference  # noqa: E402
from db.central import roles, siteinit  # noqa: E402
from db.central.connect import dialect, open_central, writing  # noqa: E402
from db.central.models import CENTRAL_MODELS, PubItem, WfDecision, WfItem, WfVersion  # noqa: E402
from db.content import canonical_json  # noqa: E402
from db.ids import new_id  # noqa: E402
from db.models import Column, Decision, Item, OutboxOp, ReviewTask, User, Version  # noqa: E402
from db.sync import engine as engine_module  # noqa: E402
from db.sync.engine import SyncEngine, seed_central_directory  # noqa: E402
from db.workflow import catalogue  # noqa: E402

SERVERS = {"mariadb": ("mysql://root@127.0.0.1:3306/{}", "mysql://root@127.0.0.1:3306/mysql"),
           "postgresql": ("postgresql://postgres@127.0.0.1:5432/{}", "postgresql://postgres@127.0.0.1:5432/postgres")}
NOW = "2026-01-05T08:00:00Z"
BODY = "<p>" + "建设工程招标公告正文，包括项目概况、投标人资格要求和开标时间。" * 60 + "</p>"


# ---------------------------------------------------------------- the workstation's profile

def build_profile(root: Path, count: int) -> None:
    """N items approved at the last stage, each with its submit and decision ops queued."""
    dbmod.open_profile(dbmod.Profile(root), create=True)
    reference.install_topics()
    reference.install_structure()
    reference.install_users("bench-password-1")
    column = Column.get(Column.code == "ztb_jsgc")
    drafter, leader = User.get(User.username == "maxiaoyan"), User.get(User.username == "zhangweidong")
    with dbmod.database.atomic():
        for start in range(0, count, 500):
            _approved_items(range(start, min(count, start + 500)), column, drafter, leader)
    dbmod.close()


def _approved_items(numbers, column, drafter, leader) -> None:
    items, versions, tasks, decisions, ops = [], [], [], [], []
    for n in numbers:
        item = Item(id=new_id(), section=drafter.section_id, column=column, created_by=drafter, title=f"招标公告{n}",
                    body_html=BODY, index_no=f"BENCH/2026-{n:05d}", state="approved", latest_version_no=1,
                    created_at=NOW, updated_at=NOW, changed_at=NOW)
        data = {"kind": "article", "column": column.code, "section": "trading", "title": item.title, "body_html": BODY,
                "meta": {"index_no": item.index_no, "publisher": "信阳市公共资源交易中心", "doc_no": "", "topic": "0105",
                         "written_on": "2026-01-05", "validity": "有效", "disclosure": "主动公开", "secrecy": "非涉密",
                         "summary": "招标公告"}, "guide": None, "attachments": [], "related": ""}
        version = Version(id=new_id(), item=item, number=1, content=canonical_json(data), title=item.title,
                          content_hash=content.content_hash(data), state="approved", created_by=drafter, created_at=NOW)
        task = ReviewTask(id=new_id(), item=item, version=version, stage=1, stage_role="leader", state="approved",
                          section=drafter.section_id, due_on="2026-02-02", created_at=NOW, closed_at=NOW)
        decision = Decision(id=new_id(), item=item, version=version, version_no=1, content_hash=version.content_hash,
                            task=task, stage=1, outcome="approve", decider=leader, decided_at=NOW, status="recorded")
        items.append(item)
        versions.append(version)
        tasks.append(task)
        decisions.append(decision)
        ops.append(_op("version.submit", catalogue.submit_payload(item, version, ["leader"], "2026-02-02"), drafter))
        ops.append(_op("decision.record", catalogue.decision_payload(decision, "leader", True, [version], ""), leader))
    for model, rows in ((Item, items), (Version, versions), (ReviewTask, tasks), (Decision, decisions)):
        model.insert_many([row.__data__ for row in rows]).execute()
    OutboxOp.insert_many(ops).execute()


def _op(kind: str, payload: dict, actor) -> dict:
    return {"op_id": new_id(), "kind": kind, "payload": canonical_json(payload), "created_by": actor.id,
            "created_at": NOW, "state": "pending"}


# ---------------------------------------------------------------- the floor

def floor_rows(profile_root: Path) -> dict:
    """The central rows the push ends with, made beforehand (making them is not measured)."""
    dbmod.open_profile(dbmod.Profile(profile_root))
    leader = User.get(User.username == "zhangweidong")
    column = Column.get(Column.code == "ztb_jsgc")
    plan = {WfItem: [], WfVersion: [], WfDecision: [], PubItem: []}
    for version in Version.select(Version, Item).join(Item):
        item, data = version.item, json.loads(version.content)
        decision = Decision.get(Decision.version == version)
        plan[WfItem].append(dict(id=item.id, section_id=item.section_id, column_id=item.column_id, state="published",
                                 index_no=item.index_no, created_by=item.created_by_id, created_at=NOW,
                                 latest_version_no=1, published_version_no=1, published_at=NOW, return_reason="",
                                 updated_at=NOW))
        plan[WfVersion].append(dict(id=version.id, item_id=item.id, number=1, purpose="publish", content=version.content,
                                    content_hash=version.content_hash, title=version.title, state="published",
                                    created_by=version.created_by_id, created_at=NOW))
        plan[WfDecision].append(dict(id=decision.id, item_id=item.id, version_id=version.id, version_no=1,
                                     content_hash=version.content_hash, stage=1, is_final=1, outcome="approve",
                                     comment="", decider_id=leader.id, on_behalf_of_id=None, decided_at=NOW,
                                     recorded_at=NOW, status="authoritative"))
        meta = data["meta"]
        plan[PubItem].append(dict(item_id=item.id, version_no=1, content_hash=version.content_hash,
                                  index_no=item.index_no, title=data["title"], body_html=data["body_html"],
                                  column_code=column.code, column_name=column.name, section_code="trading",
                                  publisher=meta["publisher"], doc_no=meta["doc_no"], topic=meta["topic"],
                                  written_on=meta["written_on"], validity=meta["validity"],
                                  disclosure=meta["disclosure"], summary=meta["summary"], content=version.content,
                                  approved_by=leader.display_name, decision_id=decision.id, published_at=NOW,
                                  go_live_at=None, expires_at=None))
    dbmod.close()
    return plan


def write_floor(central, plan: dict) -> float:
    """Upsert the rows with peewee insert_many, 100 per statement, in one transaction."""
    kind = dialect(central)
    with central.bind_ctx(CENTRAL_MODELS):
        if kind == "sqlite":       # no rules in the floor
            for trigger in ("pub_item_guard_insert", "pub_item_guard_update"):
                central.execute_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        else:
            central.execute_sql("DROP TRIGGER IF EXISTS wf_decision_guard"
                                + (" ON wf_decision" if kind == "postgresql" else ""))
        started = time.perf_counter()
        with writing(central):
            for model, rows in plan.items():
                for start in range(0, len(rows), 100):
                    _upsert(model, rows[start:start + 100], kind).execute()
        return time.perf_counter() - started


def _upsert(model, rows: list[dict], kind: str):
    key = model._meta.primary_key
    others = [f for f in model._meta.sorted_fields if f is not key]
    if kind == "mysql":
        return model.insert_many(rows).on_conflict(preserve=others)
    return model.insert_many(rows).on_conflict(conflict_target=[key], preserve=others)


# ---------------------------------------------------------------- the push

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
        if backend == "postgresql":
            admin.execute_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                              " WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
        admin.execute_sql(f"DROP DATABASE IF EXISTS {name}")
        roles.drop_roles(admin, name)
        admin.close()


def timed_sync(profile, central) -> tuple[float, float, object]:
    """(whole sync, its push phase, report)."""
    spent = {}
    real_push = engine_module.push

    def push(*args, **kwargs):
        started = time.perf_counter()
        try:
            return real_push(*args, **kwargs)
        finally:
            spent["push"] = time.perf_counter() - started
    engine_module.push = push
    try:
        started = time.perf_counter()
        report = SyncEngine(profile, central).run()
        return time.perf_counter() - started, spent["push"], report
    finally:
        engine_module.push = real_push


def bench_backend(backend: str, work: Path, template: Path, count: int) -> None:
    central, admin, name = fresh_central(backend, work, template)
    try:
        floor = write_floor(central, floor_rows(template))
    finally:
        drop(central, admin, name, backend)

    central, admin, name = fresh_central(backend, work, template)
    profile_root = work / f"push-{backend}"
    shutil.copytree(template, profile_root)
    try:
        profile = dbmod.open_profile(dbmod.Profile(profile_root))
        whole, pushed, report = timed_sync(profile, central)
        idle = []
        for _ in range(5):
            started = time.perf_counter()
            SyncEngine(profile, central).run()
            idle.append(time.perf_counter() - started)
    finally:
        dbmod.close()
        drop(central, admin, name, backend)
    rate = {"floor": count / floor, "push": count / pushed, "sync": count / whole}
    print(f"{backend:<11} floor {rate['floor']:6.0f} items/s | push {rate['push']:6.0f} items/s"
          f" = {rate['push'] / rate['floor']:4.0%} of floor (goal ≥ 50%) | whole first sync {rate['sync']:6.0f} items/s"
          f" = {rate['sync'] / rate['floor']:4.0%} | idle sync {sorted(idle)[2] * 1000:5.1f} ms (goal ≤ 100 ms)"
          f" | {report.pushed} ops, {len(report.published)} published")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--backends", default="sqlite,mariadb,postgresql")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="gongkai-bench-sync-"))
    try:
        template = work / "template"
        build_profile(template, args.items)
        print(f"{args.items} approved items of ~6 KB each, pushed as {2 * args.items} ops"
              " (version.submit + decision.record)")
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
