"""The card templates the administrator keeps in the profile, and which one each layout
prints with.

Every change is one transaction writing the row, an audit event and an outbox
operation (`card_template.saved`, `card_template.removed`, `card_layout.set`), so the
other workstations learn it. Templates follow db.cards.rules, the renderer's own rules.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from db import audit, auth, clock, outbox
from db.cards import rules
from db.cards.models import CardLayoutTemplate, CardTemplateRecord
from db.content import canonical_json
from db.database import database
from db.errors import DomainError, NotFound, ValidationFailed
from db.models import User

OP_SAVED, OP_REMOVED, OP_LAYOUT = "card_template.saved", "card_template.removed", "card_layout.set"


@dataclass(frozen=True)
class StoredTemplate:
    id: str
    name: str
    elements: rules.Elements
    updated_at: str
    layouts: tuple[str, ...]        # the layouts that print with it

    def to_data(self) -> dict:
        return rules.to_data(self.name, self.elements)


def _stored(row: CardTemplateRecord, choices: dict[str, str]) -> StoredTemplate:
    _, elements = rules.elements_of(json.loads(row.body))
    layouts = tuple(layout for layout in rules.LAYOUTS if choices.get(layout) == row.id)
    return StoredTemplate(row.id, row.name, elements, row.updated_at, layouts)


def layout_choices() -> dict[str, str]:
    """layout -> template id."""
    return {row.layout: row.template_id for row in CardLayoutTemplate.select()}


def all_templates() -> list[StoredTemplate]:
    choices = layout_choices()
    return [_stored(row, choices) for row in CardTemplateRecord.select().order_by(CardTemplateRecord.name)]


def get(template_id: str) -> StoredTemplate:
    row = CardTemplateRecord.get_or_none(CardTemplateRecord.id == template_id)
    if row is None:
        raise NotFound("找不到该卡片模板", "The card template does not exist")
    return _stored(row, layout_choices())


def by_name(name: str) -> StoredTemplate:
    row = CardTemplateRecord.get_or_none(CardTemplateRecord.name == name.strip())
    if row is None:
        names = "、".join(t.name for t in all_templates())
        raise NotFound(f"没有名为“{name}”的卡片模板（现有：{names}）",
                       f"There is no card template named {name!r}")
    return _stored(row, layout_choices())


def for_layout(layout: str) -> StoredTemplate:
    """The template `layout` prints with."""
    _require_layout(layout)
    choice = CardLayoutTemplate.get_or_none(CardLayoutTemplate.layout == layout)
    if choice is None:
        raise NotFound("该版式没有指定卡片模板", f"No card template is set for the layout {layout}")
    return get(choice.template_id)


def save_template(admin: User, template_id: str | None, name: str, elements: rules.Elements) -> StoredTemplate:
    """Create (template_id None) or change a template; refused with the rule it breaks."""
    auth.require_role(admin, "admin")
    name = name.strip()
    elements = tuple((key, heading.strip()) for key, heading in elements)
    problem = rules.name_problem(name)
    if problem:
        raise ValidationFailed({"name": problem})
    rules.check(name, elements)
    body = canonical_json(rules.to_data(name, elements))
    with database.atomic():
        clash = CardTemplateRecord.select().where((CardTemplateRecord.name == name)
                                                  & (CardTemplateRecord.id != (template_id or "")))
        if clash.exists():
            raise ValidationFailed({"name": (f"已有名为“{name}”的模板", f"A template named {name!r} exists")})
        row = CardTemplateRecord() if template_id is None else _row(template_id)
        row.name, row.body, row.updated_at, row.updated_by = name, body, clock.now(), admin.id
        row.save(force_insert=template_id is None)
        audit.record(admin, "card_template_saved", "card_template", row.id,
                     {"name": name, "elements": [key for key, _ in elements]})
        outbox.enqueue(OP_SAVED, {"id": row.id, "name": name, "body": json.loads(body),
                                  "updated_at": row.updated_at}, admin)
    return get(row.id)


def remove_template(admin: User, template_id: str) -> None:
    """Delete a template no layout prints with."""
    auth.require_role(admin, "admin")
    with database.atomic():
        row = _row(template_id)
        in_use = [layout for layout, chosen in layout_choices().items() if chosen == row.id]
        if in_use:
            names = "、".join(rules.LAYOUT_LABELS[layout][0] for layout in in_use)
            raise DomainError(f"模板“{row.name}”正用于{names}，请先为这些版式另选模板",
                              f"The template {row.name!r} is in use by {', '.join(in_use)}")
        row.delete_instance()
        audit.record(admin, "card_template_removed", "card_template", row.id, {"name": row.name})
        outbox.enqueue(OP_REMOVED, {"id": row.id}, admin)


def set_layout_template(admin: User, layout: str, template_id: str) -> None:
    auth.require_role(admin, "admin")
    _require_layout(layout)
    with database.atomic():
        row = _row(template_id)
        (CardLayoutTemplate.insert(layout=layout, template=row.id)
         .on_conflict_replace().execute())
        audit.record(admin, "card_layout_set", "card_template", row.id, {"layout": layout, "name": row.name})
        outbox.enqueue(OP_LAYOUT, {"layout": layout, "template_id": row.id}, admin)


def _row(template_id: str) -> CardTemplateRecord:
    row = CardTemplateRecord.get_or_none(CardTemplateRecord.id == template_id)
    if row is None:
        raise NotFound("找不到该卡片模板，可能已被删除", "The card template no longer exists")
    return row


def _require_layout(layout: str) -> None:
    if layout not in rules.LAYOUTS:
        raise DomainError(f"未知的卡片版式：{layout}（可用：{'、'.join(rules.LAYOUTS)}）",
                          f"Unknown card layout {layout!r}; use one of {', '.join(rules.LAYOUTS)}")
