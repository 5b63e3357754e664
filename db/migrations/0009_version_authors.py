"""Review workflow: each version names everyone who saved content into it (`authors`).

Until now only the submitter counted as a version's author, so a section head who edited
a drafter's working copy could approve it at the head stage. New versions freeze their
authors at submission (db.workflow.authorship). Versions still waiting for a decision get
theirs from the history of saves now, so the rule holds for what is already in review;
older versions keep an empty list, which means "the submitter".

Frozen SQL, like 0001: later changes go into new migrations.
"""

STATEMENT = 'ALTER TABLE "version" ADD COLUMN "authors" VARCHAR(255) NOT NULL DEFAULT \'\''
PENDING_SQL = ('SELECT "id", "item_id", "created_by_id", "created_at" FROM "version" '
               'WHERE "state" IN (\'in_review\', \'held\') AND "purpose" = \'publish\'')
# Saves after the item's content was last approved, up to this version's freeze.
SAVERS_SQL = (
    'SELECT DISTINCT "saved_by_id" FROM "revision" WHERE "item_id" = ? AND "saved_at" <= ? AND "saved_at" >= '
    'COALESCE((SELECT max("created_at") FROM "version" WHERE "item_id" = ? AND "id" != ? AND "purpose" = \'publish\' '
    '          AND "state" IN (\'held\', \'approved\', \'published\', \'replaced\')), \'\')')


def authors_of_pending(db) -> dict[str, str]:
    """version id → its authors, for every version still waiting for a decision."""
    found = {}
    for version_id, item_id, submitter, frozen_at in db.execute_sql(PENDING_SQL).fetchall():
        savers = {row[0] for row in db.execute_sql(SAVERS_SQL, (item_id, frozen_at, item_id, version_id))}
        found[version_id] = ",".join(sorted(savers | {submitter}))
    return found


def up(migrator, db):
    db.execute_sql(STATEMENT)
    db.cursor().executemany('UPDATE "version" SET "authors" = ? WHERE "id" = ?',
                            [(authors, version_id) for version_id, authors in authors_of_pending(db).items()])
