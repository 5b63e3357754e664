"""Review workflow: delegations (代审), a note on each version, and published items kept for good.

Frozen SQL, like 0001: later changes go into new migrations.
"""

STATEMENTS = (
    'CREATE TABLE "delegation" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, "principal_id" VARCHAR(32) NOT NULL, "deputy_id" VARCHAR(32) NOT NULL, "starts_on" VARCHAR(255) NOT NULL, "ends_on" VARCHAR(255) NOT NULL, "note" TEXT NOT NULL, "created_by_id" VARCHAR(32) NOT NULL, "created_at" VARCHAR(255) NOT NULL, "revoked_at" VARCHAR(255), FOREIGN KEY ("principal_id") REFERENCES "user" ("id") ON DELETE RESTRICT, FOREIGN KEY ("deputy_id") REFERENCES "user" ("id") ON DELETE RESTRICT, FOREIGN KEY ("created_by_id") REFERENCES "user" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "delegation_principal_id" ON "delegation" ("principal_id")',
    'CREATE INDEX "delegation_deputy_id" ON "delegation" ("deputy_id")',
    'CREATE INDEX "delegation_created_by_id" ON "delegation" ("created_by_id")',
    'CREATE INDEX "delegation_deputy_id_starts_on" ON "delegation" ("deputy_id", "starts_on")',
    # Why a version was submitted: the reason for a withdrawal, or a note on what changed.
    "ALTER TABLE \"version\" ADD COLUMN \"note\" TEXT NOT NULL DEFAULT ''",
    # Anything that was ever on the website stays; withdrawal is a state, not a delete.
    "CREATE TRIGGER item_published_never_deleted BEFORE DELETE ON \"item\" "
    "WHEN OLD.published_version_no IS NOT NULL "
    "BEGIN SELECT RAISE(ABORT, 'published items are never deleted'); END",
)


def up(migrator, db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
