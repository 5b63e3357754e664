"""The local profile's tables, written the way peewee's own examples write models.

Rows that travel between workstations have client-generated UUID keys (`new_id`).
The schema itself is created by numbered migrations in db/migrations; a test checks
that running the whole chain gives exactly these models.
"""
from __future__ import annotations

from peewee import (
    AutoField, BooleanField, CharField, ForeignKeyField, IntegerField, Model, TextField,
)

from db.clock import now
from db.database import database
from db.ids import new_id

ROLES = ("drafter", "section_head", "leader", "front_desk", "admin")
COLUMN_KINDS = ("article", "guide", "policy", "interpretation")
ITEM_STATES = ("draft", "returned", "in_review", "approved", "published", "withdrawn")
VALIDITY = ("有效", "失效", "废止")
DISCLOSURE = ("主动公开", "依申请公开", "不予公开")
SECRECY = ("非涉密", "涉密")


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


def uuid_key():
    return CharField(primary_key=True, max_length=32, default=new_id)


class Section(BaseModel):
    """科室."""
    id = uuid_key()
    code = CharField(unique=True)
    name = CharField()
    sort_order = IntegerField(default=0)
    active = BooleanField(default=True)


class User(BaseModel):
    id = uuid_key()
    username = CharField(unique=True)
    display_name = CharField()
    role = CharField(index=True)
    section = ForeignKeyField(Section, null=True, backref="members", on_delete="RESTRICT")
    password_hash = CharField()
    failed_logins = IntegerField(default=0)
    locked_until = CharField(null=True)
    active = BooleanField(default=True)
    created_at = CharField(default=now)

    @classmethod
    def active_with_role(cls, role: str):
        return cls.select().where((cls.role == role) & cls.active)


class SectionLeader(BaseModel):
    """A leader who supervises (分管) a section: the section's items route to them."""
    section = ForeignKeyField(Section, backref="leader_links", on_delete="CASCADE")
    leader = ForeignKeyField(User, backref="supervised_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("section", "leader"), True),)


class Column(BaseModel):
    """栏目: a node of the website's column tree."""
    id = uuid_key()
    code = CharField(unique=True)
    name = CharField()
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="RESTRICT")
    kind = CharField(default="article")
    accepts_items = BooleanField(default=True)
    review_stages = CharField(default="section_head,leader")
    sort_order = IntegerField(default=0)
    active = BooleanField(default=True)

    def stage_roles(self) -> list[str]:
        return [s for s in self.review_stages.split(",") if s]


class ColumnSection(BaseModel):
    """Sections allowed to publish into a column. A column with none is open to all."""
    column = ForeignKeyField(Column, backref="section_links", on_delete="CASCADE")
    section = ForeignKeyField(Section, backref="column_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("column", "section"), True),)


class Organisation(BaseModel):
    """发布机构: publishers chosen from a list by their full names."""
    id = uuid_key()
    name = CharField(unique=True)
    org_code = CharField(default="")
    sort_order = IntegerField(default=0)
    active = BooleanField(default=True)


class Topic(BaseModel):
    """主题分类: a tree; items take leaves only."""
    code = CharField(primary_key=True)
    name = CharField()
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="RESTRICT")
    sort_order = IntegerField(default=0)


class Setting(BaseModel):
    key = CharField(primary_key=True)
    value = TextField()


class Item(BaseModel):
    """公开信息: the working copy of one disclosure item plus pointers to its versions."""
    id = uuid_key()
    section = ForeignKeyField(Section, backref="items", on_delete="RESTRICT")
    column = ForeignKeyField(Column, backref="items", on_delete="RESTRICT")
    state = CharField(default="draft")
    title = CharField(default="")
    body_html = TextField(default="")
    body_text = TextField(default="")
    index_no = CharField(null=True, unique=True)
    publisher = CharField(default="")
    doc_no = CharField(default="")
    topic = CharField(default="")
    written_on = CharField(default="", index=True)     # index added by 0006 (list filter)
    validity = CharField(default="有效")
    disclosure = CharField(default="主动公开")
    secrecy = CharField(default="非涉密")
    summary = TextField(default="")
    guide_json = TextField(null=True)
    related = ForeignKeyField("self", null=True, backref="related_to", on_delete="SET NULL")
    created_by = ForeignKeyField(User, backref="created_items", on_delete="RESTRICT")
    created_at = CharField(default=now)
    updated_by = ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")
    updated_at = CharField(default=now, index=True)
    changed_at = CharField(default=now)
    latest_version_no = IntegerField(default=0)
    published_version_no = IntegerField(null=True)
    published_at = CharField(null=True)
    return_reason = TextField(default="")
    returned_by = ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")
    returned_at = CharField(null=True)
    edit_count = IntegerField(default=0)

    class Meta:
        indexes = (
            (("state", "updated_at"), False),
            (("column", "updated_at"), False),
            (("section", "updated_at"), False),
            (("created_by", "updated_at"), False),      # added by 0006 ("my items")
        )

    @classmethod
    def drafts_of(cls, user: User):
        return cls.select().where((cls.created_by == user) & cls.state.in_(("draft", "returned")))


class Revision(BaseModel):
    """Every save of a working copy, kept as history (autosaves included)."""
    id = AutoField()
    item = ForeignKeyField(Item, backref="revisions", on_delete="CASCADE")
    saved_at = CharField(default=now)
    saved_by = ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    content = TextField()
    autosave = BooleanField(default=False)


class Version(BaseModel):
    """An immutable snapshot frozen at submission; `content_hash` is SHA-256 of `content`."""
    id = uuid_key()
    item = ForeignKeyField(Item, backref="versions", on_delete="RESTRICT")
    number = IntegerField()
    purpose = CharField(default="publish")
    content = TextField()
    content_hash = CharField(max_length=64)
    title = CharField()
    state = CharField(default="in_review")
    created_by = ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    created_at = CharField(default=now)
    note = TextField(default="")     # added by 0002: why it was submitted (e.g. a withdrawal's reason)
    # Added by 0007_version_stage_plan: the review stages frozen at submission ("section_head,leader"),
    # and the stages skipped then (a section head's own submission with nobody else to review it).
    stages = CharField(default="")
    skipped_stages = CharField(default="")
    # Added by 0009_version_authors: everyone who saved content into the version, comma-separated
    # user ids (db.workflow.authorship); empty on a version mirrored without them.
    authors = CharField(default="")

    class Meta:
        indexes = ((("item", "number"), True),)


class ReviewTask(BaseModel):
    """One stage of review of one version: the rows a reviewer's queue is made of."""
    id = uuid_key()
    item = ForeignKeyField(Item, backref="review_tasks", on_delete="RESTRICT")
    version = ForeignKeyField(Version, backref="review_tasks", on_delete="RESTRICT")
    stage = IntegerField()
    stage_role = CharField()
    section = ForeignKeyField(Section, backref="+", on_delete="RESTRICT")
    state = CharField(default="open")
    created_at = CharField(default=now)
    due_on = CharField(default="")
    closed_at = CharField(null=True)

    class Meta:
        indexes = ((("state", "stage_role", "due_on"), False),)


class Decision(BaseModel):
    """审批意见 bound to exact content: (item, version number, content hash)."""
    id = uuid_key()
    item = ForeignKeyField(Item, backref="decisions", on_delete="RESTRICT")
    version = ForeignKeyField(Version, backref="decisions", on_delete="RESTRICT")
    version_no = IntegerField()
    content_hash = CharField(max_length=64)
    task = ForeignKeyField(ReviewTask, null=True, backref="decisions", on_delete="RESTRICT")
    stage = IntegerField()
    outcome = CharField()
    comment = TextField(default="")
    decider = ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    on_behalf_of = ForeignKeyField(User, null=True, backref="+", on_delete="RESTRICT")
    decided_at = CharField(default=now)
    status = CharField(default="recorded")


class Attachment(BaseModel):
    """A file attached to an item; the bytes live in the profile's blob store by SHA-256."""
    id = uuid_key()
    item = ForeignKeyField(Item, backref="attachments", on_delete="CASCADE")
    sha256 = CharField(max_length=64, index=True)
    filename = CharField()
    size = IntegerField()
    added_by = ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    added_at = CharField(default=now)
    removed_at = CharField(null=True)

    @classmethod
    def current_of(cls, item):
        return cls.select().where((cls.item == item) & cls.removed_at.is_null()).order_by(cls.added_at, cls.filename)


class AuditEvent(BaseModel):
    """Append-only, hash-chained record of what happened (see db.audit)."""
    id = AutoField()
    at = CharField()
    actor_id = CharField(default="")
    actor_name = CharField(default="")
    on_behalf_of = CharField(default="")
    action = CharField(index=True)
    object_type = CharField(default="")
    object_id = CharField(default="", index=True)
    detail = TextField(default="{}")
    prev_hash = CharField(max_length=64)
    hash = CharField(max_length=64)


class OutboxOp(BaseModel):
    """An operation other workstations must learn, written in the same transaction as its effect."""
    seq = AutoField()
    op_id = CharField(unique=True, default=new_id)
    kind = CharField()
    payload = TextField()
    created_at = CharField(default=now)
    created_by = CharField(default="")
    state = CharField(default="pending", index=True)
    attempts = IntegerField(default=0)
    last_error = TextField(default="")
    result = TextField(default="")
    applied_at = CharField(null=True)


class SyncState(BaseModel):
    key = CharField(primary_key=True)
    value = TextField()


ALL_MODELS = [
    Section, User, SectionLeader, Column, ColumnSection, Organisation, Topic, Setting,
    Item, Revision, Version, ReviewTask, Decision, Attachment, AuditEvent, OutboxOp,
    SyncState,
]
