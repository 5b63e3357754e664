"""Guide cards: the card templates the administrator keeps, which template each layout
prints with, and the front desk's search index of guides (pinyin and initials).

Frozen SQL, like 0001. The shipped "八公开" template is seeded from
resources/cards/default.json as it is when a profile is first migrated, under an id
derived from its name, so every workstation seeds the same row. The search index is
filled on first use (db.cards.index.refresh).
"""
import hashlib
import json
from pathlib import Path

STATEMENTS = (
    'CREATE TABLE "card_template" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "body" TEXT NOT NULL, "updated_at" VARCHAR(255) NOT NULL, "updated_by" VARCHAR(255) NOT NULL)',
    'CREATE UNIQUE INDEX "card_template_name" ON "card_template" ("name")',
    'CREATE TABLE "card_layout" ("layout" VARCHAR(255) NOT NULL PRIMARY KEY, "template_id" VARCHAR(32) NOT NULL, FOREIGN KEY ("template_id") REFERENCES "card_template" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "card_layout_template_id" ON "card_layout" ("template_id")',
    'CREATE TABLE "guide_index" ("item_id" VARCHAR(32) NOT NULL PRIMARY KEY, "stamp" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "names" TEXT NOT NULL, "spell" TEXT NOT NULL, "initials" TEXT NOT NULL, "other" TEXT NOT NULL, "other_spell" TEXT NOT NULL, "other_initials" TEXT NOT NULL, "section_id" VARCHAR(255) NOT NULL, "window" VARCHAR(255) NOT NULL, "printable_version" INTEGER, "reason" VARCHAR(255) NOT NULL, "printed" INTEGER NOT NULL, "last_printed_at" VARCHAR(255), FOREIGN KEY ("item_id") REFERENCES "item" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "guide_index_section_id" ON "guide_index" ("section_id")',
)
DEFAULT_TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "cards" / "default.json"
LAYOUTS = ("a6", "a4x4", "placard")
SEEDED_AT = "2024-01-01T00:00:00Z"


def seed_id(name: str) -> str:
    return hashlib.sha256(f"card_template\x1f{name}".encode("utf-8")).hexdigest()[:32]


def seed(db) -> None:
    data = json.loads(DEFAULT_TEMPLATE.read_text(encoding="utf-8"))
    body = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    template_id = seed_id(data["name"])
    db.execute_sql('INSERT OR IGNORE INTO "card_template" VALUES (?, ?, ?, ?, \'\')',
                   (template_id, data["name"], body, SEEDED_AT))
    for layout in LAYOUTS:
        db.execute_sql('INSERT OR IGNORE INTO "card_layout" VALUES (?, ?)', (layout, template_id))


def up(migrator, db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
    seed(db)
