"""Tables of the guide cards (created by migration 0004_cards)."""
from __future__ import annotations

from peewee import CharField, ForeignKeyField, IntegerField, TextField

from db.clock import now
from db.models import BaseModel, Item, uuid_key


class CardTemplateRecord(BaseModel):
    """A card template the administrator keeps: its name and its elements as JSON
    ({"name", "elements": [{"key", "heading"}, …]}, db.cards.rules)."""
    id = uuid_key()
    name = CharField(unique=True)
    body = TextField()
    updated_at = CharField(default=now)
    updated_by = CharField(default="")          # user id; "" for the shipped default

    class Meta:
        table_name = "card_template"


class CardLayoutTemplate(BaseModel):
    """Which template each layout (a6, a4x4, placard) prints with."""
    layout = CharField(primary_key=True)
    template = ForeignKeyField(CardTemplateRecord, backref="layouts", on_delete="RESTRICT")

    class Meta:
        table_name = "card_layout"


class GuideIndexEntry(BaseModel):
    """The front desk's search entry of one guide item, rebuilt whenever `stamp` (the
    item's change time, state and version pointers) no longer matches the item.

    `names` holds the names to find the guide by (the printable version's and the working
    copy's), `spell`/`initials` their full pinyin and initials, `|`-separated variants
    (heteronyms); `other*` the same for secondary text (办理结果, 窗口). `printable_version`
    is the version a card would print from, or null with `reason` saying why not.
    """
    item = ForeignKeyField(Item, primary_key=True, backref="+", on_delete="CASCADE")
    stamp = CharField()
    name = CharField()
    names = TextField()
    spell = TextField()
    initials = TextField()
    other = TextField()
    other_spell = TextField()
    other_initials = TextField()
    section_id = CharField(index=True)
    window = CharField(default="")
    printable_version = IntegerField(null=True)
    reason = CharField(default="")
    printed = IntegerField(default=0)           # cards printed, over all print jobs
    last_printed_at = CharField(null=True)

    class Meta:
        table_name = "guide_index"
