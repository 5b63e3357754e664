"""Audit trail: the database itself refuses to change or remove an audit event.

The hash chain (db.audit) detects an edited or deleted event afterwards; these triggers
stop the app's own connection (and anyone using the file through SQLite without dropping
them first) from doing it at all. Nothing in the app updates or deletes audit events:
backups copy the file whole, a demo reset starts a new profile, sync only appends.
Someone holding the file can still drop the triggers, which is what the chain is for.

Frozen SQL, like 0001: later changes go into new migrations.
"""

MESSAGE = "audit_event is append-only"
STATEMENTS = (
    'CREATE TRIGGER "audit_event_no_update" BEFORE UPDATE ON "audit_event" '
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    'CREATE TRIGGER "audit_event_no_delete" BEFORE DELETE ON "audit_event" '
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
)


def up(migrator, db):
    for statement in STATEMENTS:
        db.execute_sql(statement)
