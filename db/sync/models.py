"""Local tables of the sync engine: the conflicts a user must see and settle."""
from __future__ import annotations

from peewee import CharField, TextField

from db.clock import now
from db.models import BaseModel, uuid_key

CONFLICT_KINDS = ("stale", "superseded", "race", "withdrawn", "rejected", "directory", "attachment", "index_no")


class SyncConflict(BaseModel):
    """An op the central database refused, or a pulled row that clashed; never silently dropped.

    `mine` is what this workstation wanted, `theirs` what the central database holds (JSON).
    """
    id = uuid_key()
    op_id = CharField(default="", index=True)
    kind = CharField()
    item_id = CharField(default="", index=True)
    title = CharField(default="")
    mine = TextField(default="{}")
    theirs = TextField(default="{}")
    message = TextField()
    english = TextField(default="")
    for_user = CharField(default="", index=True)
    created_at = CharField(default=now)
    resolved_at = CharField(null=True, index=True)
    resolution = CharField(default="")
