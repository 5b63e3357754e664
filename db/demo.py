"""The demo profile: the center's directory from the seed report and a few hundred items.

Everything is made through the same services the application uses, so the demo shows
the real rules at work (history, versions, queues, audit). Timestamps are then moved
into the past so lists look like a year of work rather than one afternoon.

The whole build is one transaction: committing each of the ~1,500 service calls on its
own would spend most of the time waiting for the disk, and a half-built demo is useless.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from concurrent.futures import Future, ThreadPoolExecutor

from db import auth, clock, demo_samples, items, reference
from db.database import Profile, database, open_profile
from db.errors import DomainError
from db.models import Column, Item, Section, User
from db.checks.demo_step import add_check_examples
from db.cards.demo_step import ready_guides
from db.workflow.demo_reviews import walk_reviews

DEMO_PASSWORD = "gongkai123"
NOT_YET_HASHED = "!"        # no scheme: verify_password refuses it (replaced before the build commits)
GUIDES_FILE = reference.RESOURCES / "demo" / "guides.json"

# Extra steps other modules register (review decisions, publication); each gets (rng, items).
EXTRA_STEPS: list = [walk_reviews, add_check_examples, ready_guides]


def build(profile: Profile, item_count: int = 300, reset: bool = False, seed: int = 2017) -> dict:
    """Create (or with reset, recreate) the demo profile. Returns counts for the caller to print."""
    if reset and profile.root.exists():
        shutil.rmtree(profile.root)
    if profile.exists():
        raise DomainError(f"演示资料库已存在：{profile.root}（使用 --reset 重建）",
                          f"The demo profile already exists at {profile.root} (use --reset to rebuild)")
    open_profile(profile, create=True)
    with ThreadPoolExecutor(max_workers=1) as hasher, database.atomic():
        reference.install_topics()
        reference.install_structure()
        hashes = _hash_passwords_meanwhile(hasher)
        reference.install_users(DEMO_PASSWORD, hash_for=lambda username: NOT_YET_HASHED)
        rng = random.Random(seed)
        made = make_sample_items(rng, item_count)
        made += make_guides(rng)
        submitted = submit_some(rng, made)
        for step in EXTRA_STEPS:
            step(rng, made)
        spread_over_the_past(rng, made)
        for username, digest in hashes.items():
            User.update(password_hash=digest.result()).where(User.username == username).execute()
        total = Item.select().count()
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return {"items": total, "submitted": submitted}


def _hash_passwords_meanwhile(hasher: ThreadPoolExecutor) -> dict[str, Future]:
    """Each demo user's scrypt hash (own salt, full cost) on a thread while the items are made.

    scrypt releases the GIL, so the ~1 s of hashing overlaps the item building; the users
    hold an unusable placeholder until the hashes are written, in the same transaction.
    """
    usernames = [spec["username"] for spec in reference.load_json(reference.DIRECTORY_FILE)["users"]]
    return {name: hasher.submit(auth.hash_password, DEMO_PASSWORD) for name in usernames}


def drafter_of(section_code: str) -> User:
    return (User.select().join(Section).where((Section.code == section_code) & (User.role == "drafter"))
            .order_by(User.username).first())


def make_sample_items(rng: random.Random, count: int) -> list[Item]:
    """The planned samples as drafts; a policy comes with its 政策解读, linked both ways."""
    lookups: dict = {}
    made = []
    for plan in demo_samples.plan_items(rng, count, clock.local_today()):
        item = _create(plan, lookups)
        made.append(item)
        if plan.interpretation is not None:
            made.append(_create(plan.interpretation, lookups, related_id=item.id))
    return made


def _create(plan: demo_samples.Plan, lookups: dict, **extra) -> Item:
    """One draft; `lookups` caches the drafter and column rows across the build."""
    if ("drafter", plan.section) not in lookups:
        lookups[("drafter", plan.section)] = drafter_of(plan.section)
    if ("column", plan.column) not in lookups:
        lookups[("column", plan.column)] = Column.get(Column.code == plan.column)
    fields = {
        "title": plan.title,
        "body_html": "".join(f"<p>{p}</p>" for p in plan.paragraphs),
        "publisher": "信阳市公共资源交易中心" if plan.column.startswith("ztb") else "信阳市行政服务中心",
        "doc_no": plan.doc_no, "topic": plan.topic, "written_on": plan.written_on.isoformat(),
        "summary": plan.summary, **extra,
    }
    return items.create_item(lookups[("drafter", plan.section)], lookups[("column", plan.column)], fields)


def _past_date(rng: random.Random, year: int) -> dt.date:
    latest = min(dt.date(year, 12, 28), dt.date.today() - dt.timedelta(days=1))
    start = dt.date(year, 1, 3)
    return start + dt.timedelta(days=rng.randint(0, max(0, (latest - start).days)))


def make_guides(rng: random.Random) -> list[Item]:
    if not GUIDES_FILE.exists():
        return []
    column = Column.get(Column.code == "bszn")
    drafter = drafter_of("approval")
    made = []
    entries = json.loads(GUIDES_FILE.read_text(encoding="utf-8"))
    if isinstance(entries, dict):   # {"about": …, "guides": [{"key", "section", "guide"}, …]}
        entries = entries.get("guides", [])
    for entry in entries:
        guide = entry.get("guide", entry)
        fields = {"title": f"{guide['name']}办事指南", "topic": "0105", "guide": guide,
                  "written_on": _past_date(rng, rng.randint(2019, 2026)).isoformat(),
                  "summary": f"{guide['name']}的办理依据、条件、材料、流程、时限和收费标准。"}
        made.append(items.create_item(drafter, column, fields))
    return made


def submit_some(rng: random.Random, made: list[Item]) -> int:
    """Every item of the archive goes to review, and most of the recent ones; a few recent
    ones stay drafts so the drafter has work in hand."""
    count = 0
    for item in made:
        if not demo_samples.is_recent(item.written_on, clock.local_today()) or rng.random() < 0.8:
            try:
                items.submit(item.created_by, item)
                count += 1
            except DomainError:
                pass   # an incomplete sample stays a draft, as real ones do
    return count


def spread_over_the_past(rng: random.Random, made: list[Item]) -> None:
    written_on = dict(Item.select(Item.id, Item.written_on).where(Item.id.in_([i.id for i in made])).tuples())
    with database.atomic():
        for item in made:
            if not written_on.get(item.id):
                continue
            written = dt.date.fromisoformat(written_on[item.id])
            when = dt.datetime.combine(written + dt.timedelta(days=rng.randint(0, 3)),
                                       dt.time(rng.randint(8, 17), rng.randint(0, 59)))
            stamp = min(when, dt.datetime.now() - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
            Item.update(created_at=stamp, updated_at=stamp).where(Item.id == item.id).execute()


def ensure(profile: Profile) -> bool:
    """Build the demo profile when it does not exist yet; True when it was built now."""
    if profile.exists():
        return False
    build(profile)
    return True


def describe_credentials() -> str:
    data = reference.load_json(reference.DIRECTORY_FILE)
    lines = [f"  {u['username']:<14}{u['display_name']}（{u['role']}）" for u in data["users"]]
    return "演示账户（密码均为 {}）：\n{}".format(DEMO_PASSWORD, "\n".join(lines))
