"""Tables of the review workflow that 0001 did not have (created by migration 0002)."""
from __future__ import annotations

from peewee import CharField, ForeignKeyField, TextField

from db.clock import now
from db.models import BaseModel, User, uuid_key


class Delegation(BaseModel):
    """代审: `principal` lets `deputy` decide in their name from `starts_on` to `ends_on`.

    Dates are local calendar days (YYYY-MM-DD), both inclusive. A revoked delegation
    keeps its row, so the audit trail can always say on whose authority a deputy acted.
    """
    id = uuid_key()
    principal = ForeignKeyField(User, backref="delegations_given", on_delete="RESTRICT")
    deputy = ForeignKeyField(User, backref="delegations_taken", on_delete="RESTRICT")
    starts_on = CharField()
    ends_on = CharField()
    note = TextField(default="")
    created_by = ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    created_at = CharField(default=now)
    revoked_at = CharField(null=True)

    class Meta:
        indexes = ((("deputy", "starts_on"), False),)

    @classmethod
    def in_force_on(cls, day: str):
        return cls.select().where((cls.starts_on <= day) & (cls.ends_on >= day) & cls.revoked_at.is_null())
