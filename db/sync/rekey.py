"""A workstation joining a site: its own directory rows take the central ids.

A profile set up on its own (first-run dialog, reference data) has the same sections,
columns and users as the site, by code and user name, but under ids of its own. When the
pull brings the site's row for a code this profile holds under another id, the local row
takes the central id, and every foreign key that points at it follows (found with
PRAGMA foreign_key_list, checked at COMMIT through defer_foreign_keys). Audit events keep
the ids they were written with: the chain is never rewritten.
"""
from __future__ import annotations

from db.database import database

KEYS = {"section": "code", "column": "code", "user": "username"}


def adopt_central_id(table: str, central_id: str, natural_key: str) -> bool:
    """If this profile holds `natural_key` under another id, give that row `central_id`."""
    column = KEYS[table]
    row = database.execute_sql(f'SELECT "id" FROM "{table}" WHERE "{column}" = ? AND "id" <> ?',
                               (natural_key, central_id)).fetchone()
    if row is None or database.execute_sql(f'SELECT 1 FROM "{table}" WHERE "id" = ?', (central_id,)).fetchone():
        return False
    rekey(table, row[0], central_id)
    return True


def rekey(table: str, old: str, new: str) -> None:
    database.execute_sql("PRAGMA defer_foreign_keys = ON")      # until this transaction commits
    for referring in database.get_tables():
        for fk in database.execute_sql(f'PRAGMA foreign_key_list("{referring}")').fetchall():
            if fk[2] == table:
                database.execute_sql(f'UPDATE "{referring}" SET "{fk[3]}" = ? WHERE "{fk[3]}" = ?', (new, old))
    database.execute_sql(f'UPDATE "{table}" SET "id" = ? WHERE "id" = ?', (new, old))
