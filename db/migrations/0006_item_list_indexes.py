"""Indexes the item list needs on a ten-year profile (130,000 items).

* 成文日期 filter: the list then pages by written_on, newest first.
* "My items": a drafter's own items, newest first, without sorting thousands of rows.

Frozen SQL, like 0001: later changes go into new migrations.
"""

STATEMENTS = (
    'CREATE INDEX "item_written_on" ON "item" ("written_on")',
    'CREATE INDEX "item_created_by_id_updated_at" ON "item" ("created_by_id", "updated_at")',
)


def up(migrator, db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
