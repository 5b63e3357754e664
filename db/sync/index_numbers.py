"""索引号: provisional on the workstation, final in the central database.

A workstation gives an item its number at the first submission (db.workflow.submission,
from its own counter), so drafting and submitting work offline. Two workstations offline
at the same time can hand out the same number, so that number is provisional until the
central database has seen the submission: when the version.submit op is applied there,
the central item keeps the provisional number if no other item holds it (the usual case:
what the drafter saw stays), else it gets the next serial of the central counter for its
scope (template, organisation code and year). The central number never changes after
that, so a published number never changes. The pull brings it back to the workstation,
and a drafter whose number was replaced sees a notice on the conflicts screen.

The frozen version content keeps the number the drafter's workstation gave (it is part of
what the leader approved); the website's `pub_item.index_no` is the central item's number.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

from db.sync import central_sql

SUFFIX = "（暂定）"
SUFFIX_EN = " (provisional)"


@dataclass
class Request:
    item_id: str
    provisional: str
    template: str
    org_code: str
    results: list = field(default_factory=list)     # results of the ops to tell the final number


# ---------------------------------------------------------------- central allocation

def allocate(ledger) -> None:
    """Give every item of the segment that still lacks a central number one (inside the push)."""
    requests = [r for r in ledger.index_requests.values() if not ledger.items[r.item_id]["index_no"]]
    ledger.index_requests = {}
    if not requests:
        return
    db = ledger.db
    held = {number: item_id for item_id, number in central_sql.select_in(
        db, "SELECT id, index_no FROM wf_item WHERE index_no IN ({marks})", [r.provisional for r in requests])}
    used = {item["index_no"] for item in ledger.items.values() if item["index_no"]}
    floors, waiting = {}, []
    for request in requests:
        scope, serial = _scope_of(request, ledger.now)
        if request.provisional not in used and held.get(request.provisional, request.item_id) == request.item_id:
            _assign(ledger, request, request.provisional, used)
            if serial is not None:
                floors[scope] = max(floors.get(scope, 0), serial)
        else:
            waiting.append((scope, request))
    counters, known = _counters(db, ledger.kind, set(floors) | {scope for scope, _r in waiting})
    for scope, request in waiting:
        counters[scope] = max(counters.get(scope, 0), floors.get(scope, 0))
        number = _next_free(db, request, scope, counters, used)
        _assign(ledger, request, number, used)
    for scope, floor in floors.items():
        counters[scope] = max(counters.get(scope, 0), floor)
    _store_counters(db, counters, known)


def _assign(ledger, request: Request, number: str, used: set) -> None:
    ledger.items[request.item_id]["index_no"] = number
    used.add(number)
    for result in request.results:
        result["index_no"] = number
        if number != request.provisional:
            result["index_no_was"] = request.provisional


def _next_free(db, request: Request, scope: str, counters: dict, used: set) -> str:
    year = scope.rsplit("|", 1)[-1]
    while True:
        counters[scope] += 1
        number = _format(request.template, request.org_code, year, counters[scope])
        if number in used:
            continue
        if not central_sql.run(db, "SELECT 1 FROM wf_item WHERE index_no = ?", (number,)).fetchone():
            return number


def _counters(db, kind: str, scopes: set) -> tuple[dict, set]:
    """The counters of these scopes (locked until COMMIT on the servers) and which exist."""
    lock = "" if kind == "sqlite" else " FOR UPDATE"
    found = dict(central_sql.select_in(db, "SELECT scope, serial FROM index_serial WHERE scope IN ({marks})" + lock,
                                       sorted(scopes)))
    return {scope: found.get(scope, 0) for scope in scopes}, set(found)


def _store_counters(db, counters: dict, known: set) -> None:
    for scope, serial in counters.items():
        if scope in known:
            central_sql.run(db, "UPDATE index_serial SET serial = ? WHERE scope = ? AND serial < ?",
                            (serial, scope, serial))
        else:
            central_sql.run(db, "INSERT INTO index_serial (scope, serial) VALUES (?, ?)", (scope, serial))


def _scope_of(request: Request, now: str) -> tuple[str, int | None]:
    """The counter the number belongs to (template, organisation, year) and its serial, if it parses."""
    match = _pattern(request.template, request.org_code).fullmatch(request.provisional)
    year = match.group("yyyy") if match and match.groupdict().get("yyyy") else now[:4]
    serial = int(match.group("serial")) if match and match.groupdict().get("serial") else None
    return f"{request.template}|{request.org_code}|{year}"[-191:], serial


def _pattern(template: str, org_code: str) -> re.Pattern:
    parts = []
    try:
        pieces = list(string.Formatter().parse(template))
    except ValueError:
        return re.compile(r"(?!x)x")      # a broken template matches nothing
    for literal, name, _spec, _conv in pieces:
        parts.append(re.escape(literal))
        if name == "org_code":
            parts.append(re.escape(org_code))
        elif name == "yyyy":
            parts.append(r"(?P<yyyy>\d{4})")
        elif name == "serial":
            parts.append(r"(?P<serial>\d+)")
        elif name is not None:
            parts.append(".*?")
    return re.compile("".join(parts))


def _format(template: str, org_code: str, year: str, serial: int) -> str:
    try:
        return template.format(org_code=org_code, yyyy=int(year), serial=serial)
    except (KeyError, IndexError, ValueError):
        return f"{org_code}/{year}-{serial:05d}"


# ---------------------------------------------------------------- on the workstation

def provisional_item_ids() -> set[str]:
    """Items whose 索引号 the central database has not confirmed yet (a submission still queued)."""
    from db.database import database
    rows = database.execute_sql("SELECT json_extract(payload, '$.item_id') FROM outbox_op"
                                " WHERE state = 'pending' AND kind = 'version.submit'")
    return {item_id for (item_id,) in rows}


def is_provisional(item_id: str) -> bool:
    return item_id in provisional_item_ids()


def label(index_no: str | None, provisional: bool, english: bool = False) -> str:
    """How to show a number: "XYS/2026-00012（暂定）" while it is provisional."""
    if not index_no:
        return ""
    return index_no + ((SUFFIX_EN if english else SUFFIX) if provisional else "")
