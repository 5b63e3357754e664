"""A ten-year profile for benchmarks: ~130,000 items, a queue of pending reviews.

Rows are written in bulk (not through the services: building 130k items one by one
would take many minutes and measure nothing of interest). The shapes are the ones the
services write: every item has its search entry; published items have an approved
version; pending items have a version under review at the leader stage, a section-head
approval before it and an open review task.

The built profile is kept under bench/out/ and reused when its parameters match.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db import content, demo_samples, reference, search, workdays  # noqa: E402
from db.database import Profile, close, database, open_profile  # noqa: E402
from db.ids import new_id  # noqa: E402
from db.models import Column, Decision, Item, ReviewTask, Section, User, Version  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
LEADER = "wangjianguo"            # supervises 办公室 and 政策法规科: the pending queue is his
BATCH = 500


def build_big_profile(root: Path | None = None, items: int = 130_000, pending: int = 2_000,
                      seed: int = 10) -> Profile:
    root = root or OUT / f"big-{items}-{pending}"
    profile = Profile(root)
    marker = root / "built.json"
    if marker.exists() and json.loads(marker.read_text()) == {"items": items, "pending": pending, "seed": seed}:
        open_profile(profile)
        return profile
    if root.exists():
        shutil.rmtree(root)
    started = time.perf_counter()
    open_profile(profile, create=True)
    reference.install_topics()
    reference.install_structure()
    reference.install_users("gongkai123")
    _fill(random.Random(seed), items, pending)
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.execute_sql("ANALYZE")
    marker.write_text(json.dumps({"items": items, "pending": pending, "seed": seed}))
    print(f"built {items:,} items in {time.perf_counter() - started:.0f} s at {root}", file=sys.stderr)
    return profile


class _Samples:
    def __init__(self, rng: random.Random):
        data = demo_samples.load()
        self.rng, self.data = rng, data
        self.columns = {c.code: c for c in Column.select() if c.accepts_items and c.kind != "guide"}
        self.codes = sorted(set(data["columns"]) & set(self.columns))
        self.sections = {s.code: s for s in Section.select()}
        self.drafters = {u.section_id: u for u in User.select().where(User.role == "drafter")}
        self.heads = {u.section_id: u for u in User.select().where(User.role == "section_head")}

    def item_fields(self, code: str, year: int) -> dict:
        """One of the column's written samples, filled in for `year` (titles may repeat:
        ten years of weekly news share their wording)."""
        spec = self.data["columns"][code]
        sample = self.rng.choice(spec["samples"])
        words = demo_samples.sample_words(self.rng, self.data, sample, year)
        paragraphs = [p.format(**words) for p in sample["paragraphs"]]
        return {"title": sample["title"].format(**words), "paragraphs": paragraphs,
                "topic": spec["topic"], "section": sample.get("section", spec["section"])}


def _fill(rng: random.Random, count: int, pending: int) -> None:
    samples = _Samples(rng)
    leader = User.get(User.username == LEADER)
    leader_sections = [s for s in samples.sections.values() if s.code in ("office", "policy")]
    start = dt.datetime(2016, 1, 4, 9, 0)
    step = (dt.datetime(2026, 11, 1) - start) / count
    with database.atomic():
        for first in range(0, count, BATCH):
            rows = [_make_row(samples, n, start + step * n, n >= count - pending, leader_sections)
                    for n in range(first, min(count, first + BATCH))]
            _insert(rows, leader)


def _make_row(samples: _Samples, n: int, when: dt.datetime, is_pending: bool, leader_sections) -> dict:
    rng = samples.rng
    code = rng.choice(samples.codes)
    fields = samples.item_fields(code, when.year)
    column = samples.columns[code]
    section = samples.sections[fields["section"]]
    if is_pending:
        section = rng.choice(leader_sections)
        column = samples.columns["gzdt"]
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    body_html = "".join(f"<p>{p}</p>" for p in fields["paragraphs"])
    item = {
        "id": new_id(), "section": section.id, "column": column.id,
        "state": "in_review" if is_pending else "published",
        "title": fields["title"], "body_html": body_html, "body_text": "\n".join(fields["paragraphs"]),
        "index_no": f"XYSXZFWZX/{when.year}-{n + 1:06d}", "publisher": "信阳市行政服务中心",
        "doc_no": "", "topic": fields["topic"], "written_on": when.date().isoformat(),
        "validity": "有效", "disclosure": "主动公开", "secrecy": "非涉密",
        "summary": fields["paragraphs"][0][:98], "created_by": samples.drafters[section.id].id,
        "created_at": stamp, "updated_by": samples.drafters[section.id].id, "updated_at": stamp,
        "changed_at": stamp, "latest_version_no": 1,
        "published_version_no": None if is_pending else 1,
        "published_at": None if is_pending else stamp, "return_reason": "", "edit_count": 1,
    }
    return {"item": item, "column_code": column.code, "section_code": section.code,
            "head": samples.heads[section.id], "pending": is_pending}


def _insert(rows: list[dict], leader: User) -> None:
    Item.insert_many([r["item"] for r in rows]).execute()
    versions, tasks, decisions = [], [], []
    for row in rows:
        version = _version_of(row)
        versions.append(version)
        if row["pending"]:
            tasks.append({"id": new_id(), "item": version["item"], "version": version["id"], "stage": 2,
                          "stage_role": "leader", "section": row["item"]["section"], "state": "open",
                          "created_at": version["created_at"],
                          "due_on": workdays.add_working_days(dt.date.fromisoformat(row["item"]["written_on"]), 20, {}).isoformat()})
            decisions.append(_decision(version, row["head"].id, 1))
        else:
            decisions.append(_decision(version, row["head"].id, 1))
            decisions.append(_decision(version, leader.id, 2))
    Version.insert_many(versions).execute()
    if tasks:
        ReviewTask.insert_many(tasks).execute()
    Decision.insert_many(decisions).execute()
    for row in rows:
        item = row["item"]
        search.reindex_item(item["id"], search.searchable_text(
            item["title"], item["summary"], item["doc_no"], item["index_no"], item["body_text"]), None)


def _version_of(row: dict) -> dict:
    item = row["item"]
    frozen = {
        "kind": "article", "column": row["column_code"], "section": row["section_code"],
        "title": item["title"], "body_html": item["body_html"],
        "meta": {k: item[k] or "" for k in content.META_FIELDS}, "guide": None,
        "attachments": [], "related": "",
    }
    return {"id": new_id(), "item": item["id"], "number": 1, "purpose": "publish",
            "content": content.canonical_json(frozen), "content_hash": content.content_hash(frozen),
            "title": item["title"], "state": "in_review" if row["pending"] else "published",
            "created_by": item["created_by"], "created_at": item["created_at"]}


def _decision(version: dict, decider_id: str, stage: int) -> dict:
    return {"id": new_id(), "item": version["item"], "version": version["id"], "version_no": 1,
            "content_hash": version["content_hash"], "task": None, "stage": stage, "outcome": "approve",
            "comment": "", "decider": decider_id, "on_behalf_of": None,
            "decided_at": version["created_at"], "status": "authoritative"}


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 130_000
    built = build_big_profile(items=count)
    print(built.root)
    close()
