"""Directory ops (sections, users, columns) on the central database: an administrator's last
word wins. Rare, so plain peewee models (bound by the engine) are fast enough here."""
from __future__ import annotations

from db.central.models import DirColumn, DirColumnSection, DirSection, DirSectionLeader, DirUser

APPLIED = "applied"
MODELS = {"directory.section": DirSection, "directory.user": DirUser, "directory.column": DirColumn}


def apply_directory(ledger, kind: str, row: dict) -> dict:
    row = dict(row)
    if kind == "directory.section":
        leaders = row.pop("leaders", [])
        _upsert(DirSection, row, ledger.now)
        DirSectionLeader.delete().where(DirSectionLeader.section_id == row["id"]).execute()
        for leader in leaders:
            DirSectionLeader.insert(section_id=row["id"], leader_id=leader).execute()
        ledger.entry("section", row["id"], {**row, "leaders": leaders})
    elif kind == "directory.column":
        sections = row.pop("sections", [])
        _upsert(DirColumn, row, ledger.now)
        DirColumnSection.delete().where(DirColumnSection.column_id == row["id"]).execute()
        for section in sections:
            DirColumnSection.insert(column_id=row["id"], section_id=section).execute()
        ledger.entry("column", row["id"], {**row, "sections": sections})
    else:
        _upsert(DirUser, row, ledger.now)
        ledger.entry("user", row["id"], row)
    return {"status": APPLIED}


def _upsert(model, row: dict, now: str) -> None:
    values = {**row, "updated_at": now}
    if model.select().where(model.id == row["id"]).exists():
        model.update(**values).where(model.id == row["id"]).execute()
    else:
        model.insert(**values).execute()


def seed_directory(ledger, snapshot: dict) -> int:
    """Insert directory rows the central database lacks; rows it has are left as they are."""
    added = 0
    for kind, rows in (("directory.section", snapshot["sections"]), ("directory.user", snapshot["users"]),
                       ("directory.column", snapshot["columns"])):
        model = MODELS[kind]
        for row in rows:
            if not model.select().where(model.id == row["id"]).exists():
                apply_directory(ledger, kind, row)
                added += 1
    return added
