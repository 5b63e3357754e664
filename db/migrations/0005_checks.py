"""Checks: the admin-edited word lists, their change stamp, and overrides of findings.

Frozen SQL, like 0001. The lists are seeded here from resources/wordlists as they are
when a profile is first migrated. A seeded row's id is derived from its list and word,
so every workstation seeds the same ids and the rows travel by sync without clashing.
Triggers change word_list_stamp on every write to either list, whoever makes it (the
admin screen, sync, or SQL by hand), so the compiled lists are never used stale.
"""
import hashlib

TABLES = (
    'CREATE TABLE "sensitive_word" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "word" VARCHAR(255) NOT NULL, "severity" VARCHAR(255) NOT NULL, "note" TEXT NOT NULL, "active" INTEGER NOT NULL, "updated_at" VARCHAR(255) NOT NULL, "updated_by" VARCHAR(255) NOT NULL)',
    'CREATE UNIQUE INDEX "sensitive_word_word" ON "sensitive_word" ("word")',
    'CREATE TABLE "confusion_pair" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "wrong" VARCHAR(255) NOT NULL, "right" VARCHAR(255) NOT NULL, "severity" VARCHAR(255) NOT NULL, "note" TEXT NOT NULL, "active" INTEGER NOT NULL, "updated_at" VARCHAR(255) NOT NULL, "updated_by" VARCHAR(255) NOT NULL)',
    'CREATE UNIQUE INDEX "confusion_pair_wrong" ON "confusion_pair" ("wrong")',
    'CREATE TABLE "word_list_stamp" ("id" INTEGER NOT NULL PRIMARY KEY, "stamp" VARCHAR(255) NOT NULL)',
    'CREATE TABLE "finding_override" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "item_id" VARCHAR(32) NOT NULL, "version_id" VARCHAR(32), "finding_key" VARCHAR(32) NOT NULL, "rule" VARCHAR(255) NOT NULL, "field" VARCHAR(255) NOT NULL, "source" VARCHAR(255) NOT NULL, "location" VARCHAR(255) NOT NULL, "message" TEXT NOT NULL, "reason" TEXT NOT NULL, "created_by_id" VARCHAR(32) NOT NULL, "created_at" VARCHAR(255) NOT NULL, FOREIGN KEY ("item_id") REFERENCES "item" ("id") ON DELETE CASCADE, FOREIGN KEY ("version_id") REFERENCES "version" ("id") ON DELETE RESTRICT, FOREIGN KEY ("created_by_id") REFERENCES "user" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "finding_override_item_id" ON "finding_override" ("item_id")',
    'CREATE INDEX "finding_override_version_id" ON "finding_override" ("version_id")',
    'CREATE INDEX "finding_override_created_by_id" ON "finding_override" ("created_by_id")',
    'CREATE INDEX "finding_override_item_id_finding_key" ON "finding_override" ("item_id", "finding_key")',
    "INSERT INTO \"word_list_stamp\" (\"id\", \"stamp\") VALUES (1, lower(hex(randomblob(8))))",
)

TRIGGER = ('CREATE TRIGGER "{table}_{event}_stamp" AFTER {event} ON "{table}" BEGIN '
           'UPDATE "word_list_stamp" SET "stamp" = lower(hex(randomblob(8))) WHERE "id" = 1; END')


def seed_id(list_name: str, key: str) -> str:
    return hashlib.sha256(f"{list_name}\x1f{key}".encode("utf-8")).hexdigest()[:32]


def seed(db) -> None:
    from db.checks.wordlists import load_default_confusion, load_default_sensitive
    for entry in load_default_sensitive():
        db.execute_sql('INSERT OR IGNORE INTO "sensitive_word" VALUES (?, ?, ?, ?, 1, ?, \'\')',
                       (seed_id("sensitive", entry.word), entry.word, entry.severity, entry.note, "2024-01-01T00:00:00Z"))
    for entry in load_default_confusion():
        db.execute_sql('INSERT OR IGNORE INTO "confusion_pair" VALUES (?, ?, ?, ?, ?, 1, ?, \'\')',
                       (seed_id("confusion", entry.wrong), entry.wrong, entry.right, entry.severity, entry.note,
                        "2024-01-01T00:00:00Z"))


def up(migrator, db):
    for statement in TABLES:
        db.execute_sql(statement)
    for table in ("sensitive_word", "confusion_pair"):
        for event in ("INSERT", "UPDATE", "DELETE"):
            db.execute_sql(TRIGGER.format(table=table, event=event))
    seed(db)
