"""Sync engine: the conflicts table (stale/superseded decisions, races, refused ops).

The sync cursor, pinned instance id and last results live in the existing sync_state table.
"""

STATEMENTS = (
    'CREATE TABLE "sync_conflict" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "op_id" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL, "item_id" VARCHAR(255) NOT NULL, "title" VARCHAR(255) NOT NULL, "mine" TEXT NOT NULL, "theirs" TEXT NOT NULL, "message" TEXT NOT NULL, "english" TEXT NOT NULL, "for_user" VARCHAR(255) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "resolved_at" VARCHAR(255), "resolution" VARCHAR(255) NOT NULL)',
    'CREATE INDEX "sync_conflict_op_id" ON "sync_conflict" ("op_id")',
    'CREATE INDEX "sync_conflict_item_id" ON "sync_conflict" ("item_id")',
    'CREATE INDEX "sync_conflict_for_user" ON "sync_conflict" ("for_user")',
    'CREATE INDEX "sync_conflict_resolved_at" ON "sync_conflict" ("resolved_at")',
)


def up(migrator, db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
