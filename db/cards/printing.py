"""Which guide version a card prints from, who may print it, and counting prints.

A card prints only what a supervising leader approved: the newest version of the guide
that is approved (queued for sync) or published. A working copy being drafted or
reviewed never prints; while it is, the live version keeps printing. A guide that was
never approved, is withdrawn (撤稿, or its withdrawal approved) or abolished (废止) does
not print, and the refusal says why in plain words.

Who may print: the front desk (导引台/窗口), administrators, and the staff of the
guide's own section. Each print job is one 'card_printed' audit event, written by the
desktop through the operations worker once the job is spooled.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from db import audit, clock, settings
from db.database import database
from db.errors import DomainError, NotFound, PermissionDenied
from db.models import Item, Section, User, Version
from db.workflow import states

PRINT_ROLES = ("front_desk", "admin")
PRINTABLE_STATES = (states.V_APPROVED, states.V_PUBLISHED)

# Why a guide has no printable version: reason code -> (Chinese, English), {title} filled in.
REASONS: dict[str, tuple[str, str]] = {
    states.DRAFT: ("《{title}》尚未提交审核，没有经批准的版本，不能打印",
                   "“{title}” was never submitted: no approved version to print"),
    states.IN_REVIEW: ("《{title}》正在审核中，尚未经分管领导批准，不能打印",
                       "“{title}” is in review and not yet approved: it cannot be printed"),
    states.RETURNED: ("《{title}》已被退回修改，没有经批准的版本，不能打印",
                      "“{title}” was returned for changes: no approved version to print"),
    states.APPROVED: ("《{title}》已批准，正等待一并发布的关联信息，暂不能打印",
                      "“{title}” is approved but held for its partner item: not printable yet"),
    states.WITHDRAWN: ("《{title}》已撤稿，不能打印", "“{title}” was withdrawn: it cannot be printed"),
    "withdrawal_approved": ("《{title}》的撤稿申请已获批准，不能再打印",
                            "The withdrawal of “{title}” was approved: it cannot be printed"),
    "abolished": ("《{title}》已废止，不能打印", "“{title}” is abolished (废止): it cannot be printed"),
    "not_a_guide": ("《{title}》不是办事指南，没有办事须知卡", "“{title}” is not a service guide"),
}


class NotPrintable(DomainError):
    """This guide has no version a card may print from; `reason` is the code."""

    def __init__(self, reason: str, title: str):
        zh, en = REASONS.get(reason, REASONS[states.DRAFT])
        super().__init__(zh.format(title=title), en.format(title=title))
        self.reason = reason


@dataclass(frozen=True)
class PrintableGuide:
    """Plain data for one card (forms.cards.CardData) from an approved version."""
    item_id: str
    title: str                  # the guide's 事项名称 in that version
    guide: dict                 # the version's frozen guide (db.guides format)
    section: str                # the section's name, printed in the card's header
    window: str
    version_no: int
    approved_on: str            # local date of the last-stage approval, YYYY-MM-DD
    url: str                    # the online guide, from the setting guide_url_pattern
    content_hash: str


@dataclass(frozen=True)
class Refusal:
    item_id: str
    title: str
    message: str
    english: str


# -- which version -----------------------------------------------------------------------

NEWEST_APPROVED_SQL = ('SELECT * FROM "version" WHERE "item_id" = ? AND "state" IN (?, ?) '
                       'ORDER BY "number" DESC LIMIT 1')


def printable_version(item: Item) -> tuple[Version | None, str]:
    """The version a card of this guide prints from, or None and the reason code."""
    if item.state == states.WITHDRAWN:
        return None, states.WITHDRAWN
    version = next(iter(Version.raw(NEWEST_APPROVED_SQL, item.id, *PRINTABLE_STATES)), None)
    if version is None:
        return None, item.state if item.state in REASONS else states.DRAFT
    if version.purpose == "withdraw":
        return None, "withdrawal_approved"
    content = json.loads(version.content)
    if version.purpose == "abolish" or (content.get("meta") or {}).get("validity") == "废止":
        return None, "abolished"
    if not content.get("guide"):
        return None, "not_a_guide"
    return version, ""


def may_print(user: User | None, item: Item) -> bool:
    """The front desk and administrators print any guide; section staff their own.
    `user` None is the command line run by whoever may open the profile."""
    if user is None:
        return True
    return user.active and (user.role in PRINT_ROLES or (bool(user.section_id) and user.section_id == item.section_id))


def require_may_print(user: User | None, item: Item) -> None:
    if not may_print(user, item):
        raise PermissionDenied("只有导引台/窗口、管理员和本科室人员可以打印办事须知卡",
                               "Only the front desk, administrators and the guide's own section may print its card")


def printable_guide(user: User | None, item_id: str) -> PrintableGuide:
    """Everything a card of this guide shows, from its approved version; NotPrintable
    (or PermissionDenied) when it may not be printed."""
    item = Item.get_or_none(Item.id == item_id)
    if item is None:
        raise NotFound("找不到该办事指南，可能已被删除", "The guide no longer exists")
    require_may_print(user, item)
    version, reason = printable_version(item)
    if version is None:
        raise NotPrintable(reason, _working_title(item))
    content = json.loads(version.content)
    guide = content["guide"]
    return PrintableGuide(
        item_id=item.id, title=str(guide.get("name") or content.get("title") or "").strip(),
        guide=guide, section=Section.get_by_id(item.section_id).name,
        window=str(guide.get("window") or "").strip(), version_no=version.number,
        approved_on=approval_date(version), url=guide_url(item, version.number),
        content_hash=version.content_hash)


def printable_batch(user: User | None, item_ids: list[str]) -> tuple[list[PrintableGuide], list[Refusal]]:
    """The guides that may print, and those that may not with the reason, in the given order."""
    printable, refused = [], []
    for item_id in item_ids:
        try:
            printable.append(printable_guide(user, item_id))
        except DomainError as error:
            item = Item.get_or_none(Item.id == item_id)
            refused.append(Refusal(item_id, _working_title(item) if item else item_id, str(error), error.english))
    return printable, refused


def _working_title(item: Item) -> str:
    guide = json.loads(item.guide_json) if item.guide_json else {}
    return str(guide.get("name") or item.title or "").strip() or "（未命名）"


APPROVAL_SQL = ('SELECT "decided_at" FROM "decision" WHERE "version_id" = ? AND "outcome" = \'approve\' '
                'AND "status" IN (\'authoritative\', \'recorded\') '
                'ORDER BY "status" = \'authoritative\' DESC, "stage" DESC, "decided_at" DESC LIMIT 1')


def approval_date(version: Version) -> str:
    """Local date of the last-stage approval, preferring the central database's ruling."""
    row = database.execute_sql(APPROVAL_SQL, (version.id,)).fetchone()
    stamp = row[0] if row else version.created_at
    return clock.parse(stamp).astimezone().date().isoformat()


def guide_url(item: Item, version_no: int) -> str:
    pattern = str(settings.get("guide_url_pattern") or "")
    try:
        return pattern.format(item_id=item.id, index_no=item.index_no or "", version_no=version_no)
    except (KeyError, IndexError, ValueError) as error:
        raise DomainError(f"办事指南网址模板有误（{pattern}）：可用 {{item_id}}、{{index_no}}、{{version_no}}",
                          f"The guide URL pattern {pattern!r} is not usable ({error})") from error


# -- counting prints ----------------------------------------------------------------------

@dataclass(frozen=True)
class PrintedGuide:
    item_id: str
    version_no: int


def record_print(user: User | None, printed: list[PrintedGuide], layout: str, copies: int = 1,
                 pages: int = 0, channel: str = "app") -> None:
    """One print job: an audit event naming every guide and version printed, and each
    guide's print count in the search index, in one transaction."""
    if not printed:
        return
    from db.cards import index
    with database.atomic():
        detail = {"count": len(printed), "copies": copies, "layout": layout, "pages": pages,
                  "guides": [p.item_id for p in printed], "versions": [p.version_no for p in printed],
                  "channel": channel}
        audit.record(user, "card_printed", "guide", printed[0].item_id if len(printed) == 1 else "", detail)
        index.count_prints([p.item_id for p in printed], copies)


PRINTS_SQL = ('SELECT j.value, count(*) FROM "audit_event" e, json_each(e."detail", \'$.guides\') j '
              'WHERE e."action" = \'card_printed\' GROUP BY j.value')


def print_jobs_per_guide() -> dict[str, int]:
    """How many print jobs included each guide, read back from the audit trail."""
    return dict(database.execute_sql(PRINTS_SQL).fetchall())
