"""Guides in known review states, made through the real services.

`guides_template` is a profile (the demo directory) holding every demo guide, published
as sync would report, built once per test session. Test modules that need it import
the fixtures and override `profile` with `guides_profile`, so the UI fixtures (ctx,
log_in) work on it unchanged:

    from tests.cards.guide_fixtures import guides_template, guides_profile as profile  # noqa: F401
"""
from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest

from db import database as dbmod
from db import items
from db.cards import demo_step, index
from db.models import Item
from tests.cards.card_helpers import demo_entries
from tests.helpers import column, user

DRAFTER = "sunqiang"            # 审批服务科: the section 办事指南 belongs to


def guide_fields(guide: dict) -> dict:
    return {"title": f"{guide['name']}办事指南", "topic": "0105", "written_on": "2024-03-01",
            "publisher": "信阳市行政服务中心", "summary": f"{guide['name']}的办理指南。",
            "guide": copy.deepcopy(guide)}


def draft_guide(guide: dict) -> Item:
    return items.create_item(user(DRAFTER), column("bszn"), guide_fields(guide))


def published_guide(guide: dict) -> Item:
    item = draft_guide(guide)
    demo_step.approve_through(item)
    demo_step.publish(item)
    return Item.get_by_id(item.id)


def entry_named(name: str) -> dict:
    return next(e["guide"] for e in demo_entries() if e["guide"]["name"] == name)


_built: dict[Path, Path] = {}      # template profile -> guides profile, once per test run


@pytest.fixture(scope="session")
def guides_template(template_profile, tmp_path_factory) -> Path:
    """Built once per run, though each module importing the fixture registers its own."""
    if template_profile not in _built:
        _built[template_profile] = _build_guides(template_profile, tmp_path_factory.mktemp("guides") / "profile")
    return _built[template_profile]


def _build_guides(template_profile: Path, root: Path) -> Path:
    root.mkdir()
    shutil.copyfile(template_profile / "profile.sqlite", root / "profile.sqlite")
    dbmod.open_profile(dbmod.Profile(root))
    with dbmod.database.atomic():
        for entry in demo_entries():
            published_guide(entry["guide"])
        index.refresh()
    dbmod.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    dbmod.close()
    return root


@pytest.fixture
def guides_profile(guides_template, tmp_path) -> dbmod.Profile:
    """A fresh copy of the guides profile, open for the test."""
    root = tmp_path / "profile"
    root.mkdir()
    shutil.copyfile(guides_template / "profile.sqlite", root / "profile.sqlite")
    opened = dbmod.open_profile(dbmod.Profile(root))
    yield opened
    dbmod.close()


def guide_item(name: str) -> Item:
    for item in Item.select().where(Item.guide_json.is_null(False)):
        if json.loads(item.guide_json).get("name") == name:
            return item
    raise LookupError(name)
