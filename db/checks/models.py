"""Tables of the checks (created by migration 0005): the admin's word lists, the stamp
that says when they last changed, and the overrides (例外) of blocking findings."""
from __future__ import annotations

from peewee import BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from db.clock import now
from db.models import BaseModel, Item, User, Version, uuid_key


class SensitiveWord(BaseModel):
    """An entry of the sensitive-word list (敏感词). `updated_by` is a user id, "" for the
    shipped defaults; ids of the defaults are derived from the word, so every workstation
    seeds the same rows."""
    id = uuid_key()
    word = CharField(unique=True)
    severity = CharField(default="warning")
    note = TextField(default="")
    active = BooleanField(default=True)
    updated_at = CharField(default=now)
    updated_by = CharField(default="")


class ConfusionPair(BaseModel):
    """An entry of the confusion-pair list (易混淆词): a wrong form and the right one."""
    id = uuid_key()
    wrong = CharField(unique=True)
    right = CharField()
    severity = CharField(default="warning")
    note = TextField(default="")
    active = BooleanField(default=True)
    updated_at = CharField(default=now)
    updated_by = CharField(default="")


class WordListStamp(BaseModel):
    """One row whose `stamp` changes with every write to either list: triggers set it, so
    edits that arrive by sync or by hand are seen too. The compiled lists are cached
    against it."""
    id = IntegerField(primary_key=True)
    stamp = CharField()


class FindingOverride(BaseModel):
    """A reason given for letting a blocking finding through (例外).

    With `version` unset it holds for the item's working copy and every version frozen
    from it; with `version` set, for that version only. `finding_key` is Finding.key (a
    hash: the finding's text, often personal data, is not stored); rule, field, source,
    location and message say what it was about.
    """
    id = uuid_key()
    item = ForeignKeyField(Item, backref="finding_overrides", on_delete="CASCADE")
    version = ForeignKeyField(Version, null=True, backref="finding_overrides", on_delete="RESTRICT")
    finding_key = CharField(max_length=32)
    rule = CharField()
    field = CharField(default="")
    source = CharField(default="")
    location = CharField(default="")
    message = TextField(default="")
    reason = TextField()
    created_by = ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    created_at = CharField(default=now)

    class Meta:
        indexes = ((("item", "finding_key"), False),)
