"""Into review: freezing a version and opening its first stage.

Three kinds of request go through the same review: publishing a working copy
(purpose "publish"), withdrawing the live version from the website (撤稿, "withdraw")
and declaring it abolished (废止, "abolish": the live content with 有效性 = 废止).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from db import audit, clock, content, items, outbox, search, workdays
from db.database import database
from db.errors import InvalidState, NotFound, PermissionDenied, ValidationFailed
from db.models import Item, ReviewTask, User, Version
from db.workflow import authorship, bundles, catalogue, findings, routing, rows, states

EVENTS = {"publish": states.SUBMIT, "withdraw": states.REQUEST_WITHDRAWAL, "abolish": states.REQUEST_ABOLITION}
AUDIT_ACTIONS = {"publish": "submitted", "withdraw": "withdrawal_requested", "abolish": "abolition_requested"}


def submit(user: User, item: Item, note: str = "") -> Version:
    """Freeze the working copy as a new version and put it into review, with its bundle partner."""
    items.require_drafter_of(user, item.column, item.section_id)
    with database.atomic():
        item = _fresh(item.id)
        states.item_next(item.state, states.SUBMIT)
        partner = bundles.partner_of(item)
        bundles.require_complete(item, partner)
        version = freeze(user, item, "publish", note)
        if partner is not None and partner.state in (states.DRAFT, states.RETURNED):
            _submit_partner(user, partner)
    return version


def _fresh(item_id: str) -> Item:
    """The item row as it is now, with its column and section at hand (one statement)."""
    item = items.item_at_hand(item_id)
    if item is None:
        raise NotFound("找不到该信息，可能已被删除", "The item no longer exists")
    return item


def _submit_partner(user: User, partner: Item) -> Version:
    label = f"配套的{bundles.KIND_NAMES.get(partner.column.kind, '信息')}《{partner.title}》"
    try:
        items.require_drafter_of(user, partner.column, partner.section_id)
        return freeze(user, partner, "publish", "")
    except PermissionDenied as refused:
        raise PermissionDenied(f"{label}须同步提交，但{refused}",
                               f"The linked item “{partner.title}” must go too: {refused.english}") from refused
    except ValidationFailed as failed:
        raise ValidationFailed({f"partner.{name}": (f"{label}：{zh}", f"Linked item “{partner.title}”: {en}")
                                for name, (zh, en) in failed.problems.items()}) from failed


def request_withdrawal(user: User, item: Item, reason: str) -> Version:
    """撤稿: ask for the live version to be taken off the website (needs approval)."""
    return _request_on_live(user, item, "withdraw", reason)


def request_abolition(user: User, item: Item, reason: str) -> Version:
    """废止: ask for the live version to be marked 有效性 = 废止 on the website (needs approval)."""
    return _request_on_live(user, item, "abolish", reason)


def _request_on_live(user: User, item: Item, purpose: str, reason: str) -> Version:
    items.require_drafter_of(user, item.column, item.section_id)
    if not reason.strip():
        raise ValidationFailed({"reason": ("请填写申请理由", "Give the reason for the request")})
    with database.atomic():
        return freeze(user, _fresh(item.id), purpose, reason.strip())


def freeze(user: User, item: Item, purpose: str, note: str) -> Version:
    """The new version of a fresh item row, in review at its first stage (inside a transaction)."""
    event = EVENTS[purpose]
    new_state = states.item_next(item.state, event)
    stored = StoredSettings.read()
    changed = ["latest_version_no", "state"]
    if item.return_reason or item.returned_by_id or item.returned_at:
        changed += ["return_reason", "returned_by", "returned_at"]     # a resubmission clears the reason
    if purpose == "publish":
        frozen = _working_copy_content(item, stored, changed)
    else:
        frozen = _live_content(item, purpose)
    number = item.latest_version_no + 1
    text = content.canonical_json(frozen)     # serialised once: the version, its hash and the outbox
    authors = authorship.authors_for_new_version(item.id, user.id, purpose)
    stages, skipped = routing.plan_for(routing.column_of(item), item.section_id, user, authors)   # frozen with the version
    version = rows.insert(Version(item=item, number=number, purpose=purpose, content=text,
                                  content_hash=content.text_hash(text), title=frozen["title"],
                                  created_by=user, state=states.V_IN_REVIEW, note=note,
                                  stages=",".join(stages), skipped_stages=",".join(skipped),
                                  authors=authorship.joined(authors)))
    item.latest_version_no, item.state = number, new_state
    item.return_reason, item.returned_by, item.returned_at = "", None, None
    rows.update(item, *changed)
    task = open_stage(item, version, 1, stored.calendar, stored.deadline_days)
    audit.record(user, AUDIT_ACTIONS[purpose], "item", item.id,
                 {"version": number, "hash": version.content_hash, "purpose": purpose})
    for role in skipped:
        audit.record(user, "stage_skipped", "item", item.id,
                     {"version": number, "hash": version.content_hash, "stage_role": role,
                      "reason": routing.SKIP_REASON[0]})
    outbox.enqueue(catalogue.VERSION_SUBMIT,
                   catalogue.submit_payload(item, version, stages, task.due_on, frozen, skipped), user)
    return version


def _working_copy_content(item: Item, stored: StoredSettings, changed: list[str]) -> dict:
    """The content to freeze; refused with every problem submission finds. A first
    submission gets its 索引号 (`changed` then names the column to write back)."""
    attachments = items.current_attachments(item)
    problems = items.submission_problems(item, attachments)
    if problems:
        raise ValidationFailed(problems)
    working = content.item_content(item, attachments)
    findings.require_submittable(item, working)   # blocking findings need an override reason (db/checks)
    if not item.index_no:
        assign_index_no(item, stored, write=False)
        changed.append("index_no")
        working = {**working, "meta": {**working["meta"], "index_no": item.index_no}}
    return working


@dataclass(frozen=True)
class StoredSettings:
    """The profile settings a submission needs, read in one statement."""
    template: str
    org_code: str
    serial_key: str
    serial: int
    calendar: dict
    deadline_days: int

    @classmethod
    def read(cls) -> StoredSettings:
        serial_key = f"index_serial.{clock.local_today().year}"
        template, org_code, serial, calendar, days = rows.setting_values(
            "index_no_template", "org_code", serial_key, workdays.OVERRIDES_KEY, "deadline_working_days")
        return cls(template, org_code, serial_key, int(serial or 0), dict(calendar or {}), int(days or 20))


def _live_content(item: Item, purpose: str) -> dict:
    if not states.is_live(item):
        raise InvalidState("只有已发布的信息才能申请撤稿或废止",
                           "Only published items can be withdrawn or abolished")
    live = rows.one(Version, '"item_id" = ? AND "number" = ?', item.id, item.published_version_no)
    frozen = json.loads(live.content)
    if purpose == "abolish":
        if frozen["meta"].get("validity") == "废止":
            raise InvalidState("此信息已废止", "This item is already abolished")
        frozen["meta"]["validity"] = "废止"
    return frozen


def open_stage(item: Item, version: Version, stage: int, table: dict | None = None,
               days: int | None = None) -> ReviewTask:
    """Open review stage `stage` of the version's frozen plan; `table`/`days` are the
    calendar and deadline settings when already read in this transaction."""
    role = routing.plan_of(version, routing.column_of(item))[stage - 1]
    return rows.insert(ReviewTask(item=item, version=version, stage=stage, stage_role=role,
                                  section=item.section_id, due_on=due_on(item, version, table, days)))


def due_on(item: Item, version: Version, table: dict | None = None, days: int | None = None) -> str:
    """The legal deadline: 20 working days from the information's change (条例 art. 26).
    A withdrawal or 废止 request counts from the request."""
    if table is None or days is None:
        stored_table, stored_days = rows.setting_values(workdays.OVERRIDES_KEY, "deadline_working_days")
        table = dict(stored_table or {}) if table is None else table
        days = int(stored_days or 20) if days is None else days
    start = item.changed_at if version.purpose == "publish" else version.created_at
    return _deadline(start, days, frozenset(table.items()))


@lru_cache(maxsize=256)
def _deadline(start: str, days: int, calendar: frozenset) -> str:
    """Counting working days is a loop over the calendar; both stages of a version (and a
    whole day's submissions) ask with the same start, days and calendar."""
    return workdays.add_working_days(clock.parse(start).astimezone().date(), days, dict(calendar)).isoformat()


def assign_index_no(item: Item, stored: StoredSettings | None = None, write: bool = True) -> None:
    """索引号 from the configured template; the serial counts per year and never repeats.
    With `write=False` the caller writes `item.index_no` back with its own UPDATE."""
    stored = stored or StoredSettings.read()
    old_text = items._search_text(item)
    year = int(stored.serial_key.rsplit(".", 1)[1])
    serial = stored.serial
    while True:
        serial += 1
        candidate = stored.template.format(org_code=stored.org_code, yyyy=year, serial=serial)
        if not database.execute_sql('SELECT 1 FROM "item" WHERE "index_no" = ?', (candidate,)).fetchone():
            break
    rows.put_setting(stored.serial_key, serial)
    item.index_no = candidate
    if write:
        rows.update(item, "index_no")
    search.reindex_item(item.id, items._search_text(item), old_text)
