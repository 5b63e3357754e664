"""Reference data from resources/: organisations, topics, sections, columns and users.

Used by the demo profile, by first-run set-up (organisations, topics and the column tree
taken from the seed report) and by tests.
"""
from __future__ import annotations

import json
from pathlib import Path

from db import auth
from db.database import database
from db.models import Column, ColumnSection, Organisation, Section, SectionLeader, Topic, User

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DIRECTORY_FILE = RESOURCES / "demo" / "directory.json"
TOPICS_FILE = RESOURCES / "demo" / "topics.json"


def load_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def install_topics(path: Path = TOPICS_FILE) -> None:
    def add(nodes, parent):
        for order, node in enumerate(nodes):
            Topic.insert(code=node["code"], name=node["name"], parent=parent,
                         sort_order=order).on_conflict_ignore().execute()
            add(node.get("children", []), node["code"])
    with database.atomic():
        add(load_json(path), None)


def install_structure(path: Path = DIRECTORY_FILE) -> None:
    """Organisations, sections and the column tree (no users)."""
    data = load_json(path)
    with database.atomic():
        for order, org in enumerate(data["organisations"]):
            Organisation.get_or_create(name=org["name"], defaults={"org_code": org["org_code"], "sort_order": order})
        for order, section in enumerate(data["sections"]):
            Section.get_or_create(code=section["code"], defaults={"name": section["name"], "sort_order": order})
        _install_columns(data["columns"], None)


def _install_columns(nodes: list[dict], parent: Column | None) -> None:
    for order, node in enumerate(nodes):
        column, created = Column.get_or_create(code=node["code"], defaults={
            "name": node["name"], "parent": parent, "kind": node.get("kind", "article"),
            "accepts_items": node.get("accepts_items", True),
            "review_stages": node.get("review_stages", "section_head,leader"), "sort_order": order})
        if created:
            for code in node.get("sections", []):
                ColumnSection.create(column=column, section=Section.get(Section.code == code))
        _install_columns(node.get("children", []), column)


def install_users(password: str, path: Path = DIRECTORY_FILE, hash_for=None) -> None:
    """The directory's users, all with one password, and who supervises which section.

    `hash_for(username)` gives each new user's stored hash (default: hash `password` now,
    with the user's own salt); the demo passes one that hands over hashes made meanwhile.
    """
    data = load_json(path)
    hash_for = hash_for or (lambda _username: auth.hash_password(password))
    with database.atomic():
        for spec in data["users"]:
            section = Section.get(Section.code == spec["section"]) if spec["section"] else None
            if User.select().where(User.username == spec["username"]).exists():
                continue
            User.create(username=spec["username"], display_name=spec["display_name"], role=spec["role"],
                        section=section, password_hash=hash_for(spec["username"]))
        for spec in data["sections"]:
            section = Section.get(Section.code == spec["code"])
            for username in spec.get("leaders", []):
                SectionLeader.get_or_create(section=section, leader=User.get(User.username == username))
