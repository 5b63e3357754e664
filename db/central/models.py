"""The central ("website") database's tables as peewee models, for querying only.

The tables themselves are created by the numbered central migrations (db.central.migrations),
whose SQL is frozen per dialect. These models are bound to a connection at run time with
`central.bind_ctx(CENTRAL_MODELS)`, so the sync engine works on whatever database it is given.
They do not inherit db.models.BaseModel: they are not part of the local profile.
"""
from __future__ import annotations

from peewee import BigIntegerField, BlobField, CharField, CompositeKey, IntegerField, Model, TextField


class CentralModel(Model):
    class Meta:
        database = None
        legacy_table_names = False


class SyncMeta(CentralModel):
    name = CharField(primary_key=True, max_length=64)
    value = CharField()


class SyncCounter(CentralModel):
    id = IntegerField(primary_key=True)
    seq = BigIntegerField()


class AppliedOp(CentralModel):
    op_id = CharField(primary_key=True, max_length=32)
    kind = CharField(max_length=64)
    result = TextField()
    applied_at = CharField(max_length=20)

    class Meta:
        table_name = "applied_ops"


class ChangeLog(CentralModel):
    seq = BigIntegerField(primary_key=True)
    entity = CharField(max_length=32)
    entity_id = CharField(max_length=64)
    op = CharField(max_length=16)
    payload = TextField()
    at = CharField(max_length=20)


class Blob(CentralModel):
    sha256 = CharField(primary_key=True, max_length=64)
    size = BigIntegerField()
    data = BlobField()
    added_at = CharField(max_length=20)

    class Meta:
        table_name = "blob_store"


class DirSection(CentralModel):
    id = CharField(primary_key=True, max_length=32)
    code = CharField()
    name = CharField()
    sort_order = IntegerField()
    active = IntegerField()
    updated_at = CharField(max_length=20)


class DirUser(CentralModel):
    id = CharField(primary_key=True, max_length=32)
    username = CharField()
    display_name = CharField()
    role = CharField(max_length=32)
    section_id = CharField(max_length=32, null=True)
    password_hash = CharField()
    active = IntegerField()
    updated_at = CharField(max_length=20)


class DirSectionLeader(CentralModel):
    section_id = CharField(max_length=32)
    leader_id = CharField(max_length=32)

    class Meta:
        primary_key = CompositeKey("section_id", "leader_id")


class DirColumn(CentralModel):
    id = CharField(primary_key=True, max_length=32)
    code = CharField()
    name = CharField()
    parent_id = CharField(max_length=32, null=True)
    kind = CharField(max_length=32)
    accepts_items = IntegerField()
    review_stages = CharField()
    sort_order = IntegerField()
    active = IntegerField()
    updated_at = CharField(max_length=20)


class DirColumnSection(CentralModel):
    column_id = CharField(max_length=32)
    section_id = CharField(max_length=32)

    class Meta:
        primary_key = CompositeKey("column_id", "section_id")


class WfItem(CentralModel):
    id = CharField(primary_key=True, max_length=32)
    section_id = CharField(max_length=32)
    column_id = CharField(max_length=32)
    state = CharField(max_length=16)
    index_no = CharField(null=True)
    created_by = CharField(max_length=32)
    created_at = CharField(max_length=20)
    latest_version_no = IntegerField()
    published_version_no = IntegerField(null=True)
    published_at = CharField(max_length=20, null=True)
    return_reason = TextField()
    updated_at = CharField(max_length=20)


class WfVersion(CentralModel):
    id = CharField(primary_key=True, max_length=32)
    item_id = CharField(max_length=32)
    number = IntegerField()
    purpose = CharField(max_length=16)
    content = TextField()
    content_hash = CharField(max_length=64)
    title = CharField()
    state = CharField(max_length=16)
    created_by = CharField(max_length=32)
    created_at = CharField(max_length=20)


class WfDecision(CentralModel):
    id = CharField(primary_key=True, max_length=32)
    item_id = CharField(max_length=32)
    version_id = CharField(max_length=32)
    version_no = IntegerField()
    content_hash = CharField(max_length=64)
    stage = IntegerField()
    is_final = IntegerField()
    outcome = CharField(max_length=16)
    comment = TextField()
    decider_id = CharField(max_length=32)
    on_behalf_of_id = CharField(max_length=32, null=True)
    decided_at = CharField(max_length=20)
    recorded_at = CharField(max_length=20)
    status = CharField(max_length=16)
    db_account = CharField(max_length=80, default="")      # stamped by the guard trigger (schema 2)


class PubItem(CentralModel):
    item_id = CharField(primary_key=True, max_length=32)
    version_no = IntegerField()
    content_hash = CharField(max_length=64)
    index_no = CharField()
    title = CharField()
    body_html = TextField()
    column_code = CharField()
    column_name = CharField()
    section_code = CharField()
    publisher = CharField()
    doc_no = CharField()
    topic = CharField()
    written_on = CharField()
    validity = CharField()
    disclosure = CharField()
    summary = TextField()
    content = TextField()
    approved_by = CharField()
    decision_id = CharField(max_length=32)
    published_at = CharField(max_length=20)
    go_live_at = CharField(max_length=20, null=True)
    expires_at = CharField(max_length=20, null=True)


class PubAttachment(CentralModel):
    item_id = CharField(max_length=32)
    sha256 = CharField(max_length=64)
    filename = CharField()
    size = BigIntegerField()

    class Meta:
        primary_key = CompositeKey("item_id", "sha256", "filename")


class IndexSerial(CentralModel):
    """The last 索引号 serial given out per scope (organisation code and year)."""
    scope = CharField(primary_key=True, max_length=191)
    serial = IntegerField()


class DbAccount(CentralModel):
    """Which role each staff database account holds (written by site-init)."""
    account = CharField(primary_key=True, max_length=80)
    role_kind = CharField(max_length=16)
    created_at = CharField(max_length=20)


CENTRAL_MODELS = [SyncMeta, SyncCounter, AppliedOp, ChangeLog, Blob, DirSection, DirUser,
                  DirSectionLeader, DirColumn, DirColumnSection, WfItem, WfVersion, WfDecision,
                  PubItem, PubAttachment, IndexSerial, DbAccount]
