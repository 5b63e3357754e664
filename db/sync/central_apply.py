"""The central rules: what one op does to the rows of a push transaction (a db.sync.ledger.Ledger).

Each function returns a result dict (stored in applied_ops, so a retried op gets the same
answer). A rule that says no is a result with status "conflict", never an exception, and
leaves the rows as they were: one bad item must not block the rest of the outbox.
Decisions are ordered by commit, never by client clocks: the ledger holds the rows as the
transaction sees them, row-locked, so "the first decision to commit stands" is decided here.
"""
from __future__ import annotations

import hashlib

from db.sync import index_numbers
from db.sync.ledger import Ledger
from db.workflow import states

APPLIED, CONFLICT = "applied", "conflict"
PENDING = ("in_review", "held")


def conflict(kind: str, message: str, english: str, theirs: dict | None = None, **extra) -> dict:
    return {"status": CONFLICT, "kind": kind, "message": message, "english": english,
            "theirs": theirs or {}, **extra}


# ---------------------------------------------------------------- submissions

def apply_submit(ledger: Ledger, snap: dict) -> dict:
    item_data, version_data = snap["item"], snap["version"]
    if version_data["id"] in ledger.versions:
        return {"status": APPLIED, "note": "version already known"}
    item = ledger.item(item_data["id"])
    if item is not None and item["state"] == "withdrawn":
        return conflict("withdrawn", "该信息已在网站数据库中撤稿，此次修改未提交",
                        "The item was withdrawn centrally; this edit was not submitted", {"state": item["state"]})
    latest = item["latest_version_no"] if item else 0
    if version_data["number"] <= latest or item and ledger.version_numbered(item["id"], version_data["number"]):
        return conflict("race", f"其他工作站已先提交了第{latest}版，此版本未提交",
                        f"Another workstation submitted version {latest} first; this one was not submitted",
                        {"latest_version_no": latest})
    content = snap["content"]
    if hashlib.sha256(content.encode("utf-8")).hexdigest() != version_data["content_hash"]:
        return conflict("rejected", "版本内容与其校验值不符，未提交", "The version content does not match its hash")
    item = item or ledger.add_item(_new_item(ledger, item_data))
    for old in ledger.versions_of(item["id"]):
        if old["state"] in PENDING:
            ledger.set_version_state(old, states.version_next(old["state"], states.EDIT))
    ledger.add_version({**version_data, "state": states.V_IN_REVIEW}, content)
    # the edits before it happened on the workstation: the submission shows here as its outcome
    item.update(latest_version_no=version_data["number"], state=states.follow_item(item["state"], states.IN_REVIEW),
                return_reason="")
    ledger.touch_item(item)
    result = {"status": APPLIED, "version": version_data["number"]}
    _ask_index_no(ledger, item, snap, result)
    return result


def _new_item(ledger: Ledger, data: dict) -> dict:
    return {"id": data["id"], "section_id": data["section_id"], "column_id": data["column_id"],
            "state": "in_review", "index_no": None, "created_by": data["created_by"], "created_at": data["created_at"],
            "latest_version_no": 0, "published_version_no": None, "published_at": None, "return_reason": "",
            "updated_at": ledger.now}


def _ask_index_no(ledger: Ledger, item: dict, snap: dict, result: dict) -> None:
    """The item's first number: the workstation's provisional one, if the central counter agrees."""
    provisional = snap["item"].get("index_no")
    if item["index_no"]:
        result["index_no"] = item["index_no"]
    elif provisional:
        rule = snap.get("index_rule", {})
        request = ledger.index_requests.setdefault(item["id"], index_numbers.Request(
            item["id"], provisional, rule.get("template", ""), rule.get("org_code", "")))
        request.results.append(result)


def apply_stale(ledger: Ledger, snap: dict) -> dict:
    """An edit took a version out of review on its workstation: nobody may approve it any more."""
    version = ledger.versions.get(snap["version_id"])
    item = ledger.item(snap["item_id"])
    if version is None or item is None or version["state"] not in PENDING:
        return {"status": APPLIED, "note": "nothing pending to take out of review"}
    ledger.set_version_state(version, states.version_next(version["state"], states.EDIT))
    if item["latest_version_no"] == version["number"] and item["state"] in ("in_review", "approved"):
        item["state"] = states.item_next(item["state"], states.EDIT)
        ledger.touch_item(item)
    return {"status": APPLIED}


# ---------------------------------------------------------------- decisions

def decision_status(ledger: Ledger, item: dict, version: dict, data: dict) -> tuple[str, str]:
    """(status, conflict kind) of a decision arriving now; the first to commit stands."""
    if version["number"] < item["latest_version_no"] or version["state"] == "stale":
        return "stale", "stale"
    if item["state"] == "withdrawn":
        return "stale", "withdrawn"
    standing = ledger.standing(version["id"], data["stage"])
    if standing is not None:
        return "superseded", "superseded" if standing["outcome"] == data["outcome"] else "race"
    if version["state"] not in PENDING or data["stage"] > 1 and not _approved_below(ledger, version, data["stage"]):
        return "superseded", "race"
    return "authoritative", ""


def _approved_below(ledger: Ledger, version: dict, stage: int) -> bool:
    standing = ledger.standing(version["id"], stage - 1)
    return standing is not None and standing["outcome"] == "approve"


def apply_decision(ledger: Ledger, snap: dict) -> dict:
    data = snap["decision"]
    item = ledger.item(data["item_id"])
    version = ledger.versions.get(data["version_id"])
    if item is None or version is None:
        return conflict("rejected", "所审核的版本尚未到达网站数据库，审批意见未能生效",
                        "The version decided on has not reached the site database")
    if version["content_hash"] != data["content_hash"] or version["number"] != data["version_no"]:
        return conflict("rejected", "审批意见与版本内容不符（校验值不同），未生效",
                        "The decision does not match the version's content hash")
    if data["id"] in ledger.decisions:
        return {"status": APPLIED, "note": "decision already recorded"}
    status, kind = decision_status(ledger, item, version, data)
    decision = ledger.add_decision({**data, "recorded_at": ledger.now, "status": status})
    if status != "authoritative":
        return _decision_conflict(ledger, kind, item, version, data)
    published = _take_effect(ledger, item, version, decision, snap)
    return {"status": APPLIED, "decision_status": status, "published": published}


DECISION_MESSAGES = {
    "withdrawn": ("该信息已撤稿，此审批意见未生效", "The item was withdrawn; the decision did not take effect"),
    "superseded": ("另一位领导已先对同一版本作出相同决定，您的意见记为“已被取代”",
                   "Another leader made the same decision on this version first; yours is recorded as superseded"),
    "race": ("另一位审核人已先对同一版本作出不同决定（先提交者生效），您的意见未生效",
             "Another reviewer decided differently on this version first (the first commit wins); yours did not take effect"),
}


def _decision_conflict(ledger: Ledger, kind: str, item: dict, version: dict, data: dict) -> dict:
    standing = ledger.standing(version["id"], data["stage"])
    theirs = {"item_state": item["state"], "latest_version_no": item["latest_version_no"],
              "version_state": version["state"]}
    if standing is not None:
        theirs.update({key: standing[key] for key in ("decider_id", "outcome", "decided_at", "comment")},
                      decision_id=standing["id"])
    if kind == "stale":
        zh, en = (f"您审批的是第{version['number']}版，但该版本已失效（已有更新的第{item['latest_version_no']}版或已被修改），"
                  "此意见未生效，未发布任何内容",
                  f"You decided on version {version['number']}, which is no longer under review (latest: "
                  f"{item['latest_version_no']}); the decision is stale and nothing was published")
    else:
        zh, en = DECISION_MESSAGES[kind]
    return conflict(kind, zh, en, theirs, decision_status="stale" if kind in ("stale", "withdrawn") else "superseded")


def _take_effect(ledger: Ledger, item: dict, version: dict, decision: dict, snap: dict) -> bool:
    if decision["outcome"] == "return":
        ledger.set_version_state(version, states.version_next(version["state"], states.RETURN))
        item.update(state=states.item_next(item["state"], states.RETURN), return_reason=decision["comment"])
    elif decision["is_final"] and snap.get("held_for"):
        ledger.set_version_state(version, states.version_next(version["state"], states.HOLD))   # waits for its partner
        item["state"] = states.item_next(item["state"], states.APPROVE_LAST)
    elif decision["is_final"]:
        _go_out(ledger, item, version, decision)
        for partner_item_id, partner_version_id in snap.get("release", []):
            if partner_version_id != version["id"]:
                _release_partner(ledger, partner_item_id, partner_version_id)
    ledger.touch_item(item)
    return decision["outcome"] == "approve" and bool(decision["is_final"]) and not snap.get("held_for")


def _go_out(ledger: Ledger, item: dict, version: dict, decision: dict) -> None:
    """Publish (or, for a 撤稿 request, take down) exactly the approved version, through the gate."""
    withdraw = version["purpose"] == "withdraw"
    ledger.gate(decision, withdraw)
    _retire_live(ledger, item, version, states.WITHDRAWN_EVENT if withdraw else states.REPLACED)
    went_out = states.WITHDRAWN_EVENT if withdraw else states.PUBLISHED_EVENT
    ledger.set_version_state(version, states.version_after(version["state"], _approval_event(version), went_out))
    item["state"] = states.item_after(item["state"], *_item_approval(item), went_out)
    if withdraw:       # published_version_no keeps naming the version that was last live, as locally
        ledger.entry("publication", item["id"], {"item_id": item["id"], "version_no": version["number"],
                                                 "content_hash": version["content_hash"]}, op="delete")
        return
    item.update(published_version_no=version["number"], published_at=ledger.now)
    ledger.entry("publication", item["id"], {"item_id": item["id"], "version_no": version["number"],
                                             "content_hash": version["content_hash"], "published_at": ledger.now})


def _release_partner(ledger: Ledger, item_id: str, version_id: str) -> None:
    version = ledger.versions.get(version_id)
    item = ledger.item(item_id)
    if version is None or item is None or version["state"] != "held":
        return
    approval = next((d for d in ledger.decisions_on(version_id) if d["outcome"] == "approve" and d["is_final"]
                     and d["status"] == "authoritative"), None)
    if approval is None:
        return
    _go_out(ledger, item, version, approval)
    ledger.touch_item(item)


def _approval_event(version: dict) -> str:
    """How a version reaches `approved`: its last stage now, or released with its partner."""
    return states.RELEASE if version["state"] == states.V_HELD else states.APPROVE_LAST


def _item_approval(item: dict) -> tuple[str, ...]:
    """The item's step to `approved`, unless it is there already (held for its partner)."""
    return () if item["state"] == states.APPROVED else (states.APPROVE_LAST,)


def _retire_live(ledger: Ledger, item: dict, version: dict, event: str) -> None:
    for old in ledger.versions_of(item["id"]):
        if old["state"] == states.V_PUBLISHED and old["id"] != version["id"]:
            ledger.set_version_state(old, states.version_next(old["state"], event))


# ---------------------------------------------------------------- other workstations' business

def apply_relay(ledger: Ledger, kind: str, key: str, snap: dict) -> dict:
    """An op with no central rows of its own (代审, calendar, word lists, overrides, card
    templates …): it travels to the other workstations through the change log."""
    ledger.entry(kind[:32], key[:64], snap, op="delete" if snap.get("action") == "delete" else "upsert")
    return {"status": APPLIED, "note": "relayed to the other workstations"}
