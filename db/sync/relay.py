"""Ops with no central rows of their own, applied on the other workstations when pulled.

代审 (delegation.set / delegation.revoke), working-day calendar days (calendar.day), word
lists (wordlist.entry), finding overrides (check.override) and card templates
(card_template.saved / card_template.removed / card_layout.set) reach the central database
as change-log entries that carry the op itself. Pulling one applies it to the local rows,
idempotently (an upsert by id, a delete, a day set to a value), so applying it twice, or
applying this workstation's own op when it comes back, changes nothing. Entries are
applied in commit order, so the last word wins everywhere. Two exceptions keep a newer
local change: an entry whose key has an op of this workstation still waiting to be
pushed is skipped (that op will come back later and win), and an entry that names a row
this profile does not have yet (an override of an item still on its way) waits in the
profile and is tried again after each page.
"""
from __future__ import annotations

import json

from db import settings
from db.database import database
from db.models import Item, OutboxOp, User, Version
from db.sync import outgoing, state

DEFERRED = "relay_deferred"
KEEP_DEFERRED = 1000


class NotYet(Exception):
    """The entry names rows this profile does not have yet."""


def apply_entries(entries: list[dict]) -> int:
    """Apply relayed ops (their change-log payloads) in order, then those that waited; returns
    how many changed something here."""
    pending = _pending_keys()
    waiting = json.loads(state.get(DEFERRED, "[]"))
    applied, still = 0, []
    calendar_changed = False
    for entry in waiting + entries:
        if (entry["kind"], outgoing.relay_key(entry)) in pending:
            continue
        handler = HANDLERS.get(entry["kind"])
        if handler is None:
            continue          # a kind this version does not know: nothing to do here
        try:
            with database.atomic():
                changed = handler(entry["payload"], entry.get("created_by", ""))
        except NotYet:
            still.append(entry)
            continue
        applied += 1 if changed else 0
        calendar_changed |= bool(changed) and entry["kind"] == "calendar.day"
    if calendar_changed:
        from db.workflow import calendar
        calendar.refresh_deadlines()
    if still or waiting:
        state.put(DEFERRED, json.dumps(still[-KEEP_DEFERRED:], ensure_ascii=False))
    return applied


def _pending_keys() -> set[tuple[str, str]]:
    keys = set()
    for op in OutboxOp.select(OutboxOp.op_id, OutboxOp.kind, OutboxOp.payload).where(
            (OutboxOp.state == "pending") & OutboxOp.kind.not_in(outgoing.WORKFLOW_KINDS)
            & ~OutboxOp.kind.startswith("directory.")):
        keys.add((op.kind, outgoing.relay_key({"op_id": op.op_id, "payload": json.loads(op.payload)})))
    return keys


def _require(model, key) -> None:
    if key and not model.select().where(model._meta.primary_key == key).exists():
        raise NotYet()


# ---------------------------------------------------------------- 代审

def _delegation_set(payload: dict, created_by: str) -> bool:
    from db.workflow.models import Delegation
    for user_id in (payload["principal"], payload["deputy"]):
        _require(User, user_id)
    if Delegation.select().where(Delegation.id == payload["id"]).exists():
        return False
    author = created_by if created_by and User.select().where(User.id == created_by).exists() else payload["principal"]
    Delegation.insert(id=payload["id"], principal=payload["principal"], deputy=payload["deputy"],
                      starts_on=payload["starts_on"], ends_on=payload["ends_on"], note=payload.get("note", ""),
                      created_by=author).execute()
    return True


def _delegation_revoke(payload: dict, _created_by: str) -> bool:
    from db.workflow.models import Delegation
    _require(Delegation, payload["id"])
    return bool(Delegation.update(revoked_at=payload["revoked_at"])
                .where((Delegation.id == payload["id"]) & Delegation.revoked_at.is_null()).execute())


# ---------------------------------------------------------------- calendar

def _calendar_day(payload: dict, _created_by: str) -> bool:
    from db import workdays
    from db.workflow.calendar import NOTES_KEY
    table, notes = workdays.overrides(), dict(settings.get(NOTES_KEY) or {})
    day, working = payload["day"], payload.get("working")
    before = (table.get(day), notes.get(day))
    if working is None:
        table.pop(day, None)
        notes.pop(day, None)
    else:
        table[day], notes[day] = bool(working), payload.get("note", "")
    if (table.get(day), notes.get(day)) == before:
        return False
    settings.put(workdays.OVERRIDES_KEY, table)
    settings.put(NOTES_KEY, notes)
    return True


# ---------------------------------------------------------------- word lists

def _wordlist_entry(payload: dict, _created_by: str) -> bool:
    from db.checks.models import ConfusionPair, SensitiveWord
    model, unique = (SensitiveWord, "word") if payload["list"] == "sensitive" else (ConfusionPair, "wrong")
    if payload.get("action") == "delete":
        return bool(model.delete().where(model.id == payload["id"]).execute())
    values = {name: value for name, value in payload["entry"].items() if name in model._meta.fields}
    values.update(updated_at=payload.get("updated_at", ""), updated_by=payload.get("updated_by", ""))
    row = model.get_or_none(model.id == payload["id"])
    if row is not None and all(getattr(row, name) == value for name, value in values.items()):
        return False
    field = getattr(model, unique)
    model.delete().where((field == values[unique]) & (model.id != payload["id"])).execute()   # the later word wins
    if row is None:
        model.insert(id=payload["id"], **values).execute()
    else:
        model.update(**values).where(model.id == payload["id"]).execute()
    return True


# ---------------------------------------------------------------- overrides of findings

def _check_override(payload: dict, created_by: str) -> bool:
    from db.checks.models import FindingOverride
    if FindingOverride.select().where(FindingOverride.id == payload["id"]).exists():
        return False
    _require(Item, payload["item_id"])
    _require(Version, payload.get("version_id"))
    _require(User, created_by)
    FindingOverride.insert(id=payload["id"], item=payload["item_id"], version=payload.get("version_id") or None,
                           finding_key=payload["key"], rule=payload["rule"], field=payload.get("field", ""),
                           source=payload.get("source", ""), location=payload.get("location", ""),
                           message=payload.get("message", ""), reason=payload["reason"], created_by=created_by,
                           created_at=payload.get("created_at", "")).execute()
    return True


# ---------------------------------------------------------------- card templates

def _card_template_saved(payload: dict, _created_by: str) -> bool:
    from db.cards.models import CardTemplateRecord as Template
    from db.content import canonical_json
    body = canonical_json(payload["body"])
    row = Template.get_or_none(Template.id == payload["id"])
    if row is not None and (row.name, row.body) == (payload["name"], body):
        return False
    clash = Template.get_or_none((Template.name == payload["name"]) & (Template.id != payload["id"]))
    if clash is not None:
        clash.name = f"{clash.name}（{clash.id[:6]}）"      # the later name wins; the other keeps a marked one
        clash.save()
    values = {"name": payload["name"], "body": body, "updated_at": payload.get("updated_at", "")}
    if row is None:
        Template.insert(id=payload["id"], **values).execute()
    else:
        Template.update(**values).where(Template.id == payload["id"]).execute()
    return True


def _card_template_removed(payload: dict, _created_by: str) -> bool:
    from db.cards.models import CardLayoutTemplate, CardTemplateRecord as Template
    if CardLayoutTemplate.select().where(CardLayoutTemplate.template == payload["id"]).exists():
        return False          # a layout here still prints with it; its card_layout.set will follow
    return bool(Template.delete().where(Template.id == payload["id"]).execute())


def _card_layout_set(payload: dict, _created_by: str) -> bool:
    from db.cards.models import CardLayoutTemplate, CardTemplateRecord as Template
    _require(Template, payload["template_id"])
    current = CardLayoutTemplate.get_or_none(CardLayoutTemplate.layout == payload["layout"])
    if current is not None and current.template_id == payload["template_id"]:
        return False
    CardLayoutTemplate.insert(layout=payload["layout"], template=payload["template_id"]).on_conflict_replace().execute()
    return True


HANDLERS = {
    "delegation.set": _delegation_set, "delegation.revoke": _delegation_revoke, "calendar.day": _calendar_day,
    "wordlist.entry": _wordlist_entry, "check.override": _check_override,
    "card_template.saved": _card_template_saved, "card_template.removed": _card_template_removed,
    "card_layout.set": _card_layout_set,
}
