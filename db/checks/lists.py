"""The word lists kept in the profile: the admin edits them, every check reads them.

Each change is one transaction writing the row, an audit event and a `wordlist.entry`
outbox operation, so the lists travel to the other workstations. The compiled lists
(Aho-Corasick automata) are built once and reused until word_list_stamp says the lists
changed (triggers set it on every write, see migration 0005).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

from db import audit, auth, clock, outbox
from db.checks.findings import BLOCKING, SEVERITIES, WARNING
from db.checks.models import ConfusionPair, SensitiveWord
from db.checks.wordlists import ConfusionEntry, ConfusionPairs, SensitiveEntry, SensitiveWords
from db.database import database
from db.errors import NotFound, ValidationFailed
from db.models import User

SENSITIVE, CONFUSION = "sensitive", "confusion"
OP_KIND = "wordlist.entry"
MIN_WORD, MAX_WORD = 2, 50
SEVERITY_NAMES = {BLOCKING: ("阻断", "blocking"), WARNING: ("提示", "warning")}
_MODELS = {SENSITIVE: SensitiveWord, CONFUSION: ConfusionPair}


# Reading ----------------------------------------------------------------------------

def sensitive_rows() -> list[SensitiveWord]:
    return list(SensitiveWord.select().order_by(SensitiveWord.word))


def confusion_rows() -> list[ConfusionPair]:
    return list(ConfusionPair.select().order_by(ConfusionPair.wrong))


def active_entries() -> tuple[list[SensitiveEntry], list[ConfusionEntry]]:
    sensitive = [SensitiveEntry(r.word, r.severity, r.note)
                 for r in SensitiveWord.select().where(SensitiveWord.active).order_by(SensitiveWord.word)]
    confusion = [ConfusionEntry(r.wrong, r.right, r.severity, r.note)
                 for r in ConfusionPair.select().where(ConfusionPair.active).order_by(ConfusionPair.wrong)]
    return sensitive, confusion


def current_stamp() -> str:
    row = database.execute_sql('SELECT "stamp" FROM "word_list_stamp" WHERE "id" = 1').fetchone()
    return row[0] if row else ""


@dataclass(frozen=True)
class CompiledLists:
    stamp: str
    sensitive: SensitiveWords
    confusion: ConfusionPairs


_compiled: dict[str, CompiledLists] = {}      # database file → lists compiled at a stamp
_compile_lock = threading.Lock()


def compiled_lists() -> CompiledLists:
    """The active entries compiled for matching; rebuilt only when the stamp moved."""
    stamp, path = current_stamp(), str(database.database)
    cached = _compiled.get(path)
    if cached is not None and cached.stamp == stamp:
        return cached
    with _compile_lock:
        cached = _compiled.get(path)
        if cached is None or cached.stamp != stamp:
            sensitive, confusion = active_entries()
            cached = CompiledLists(stamp, SensitiveWords(sensitive), ConfusionPairs(confusion))
            _compiled[path] = cached
    return cached


# Editing ----------------------------------------------------------------------------

def save_sensitive(user: User, word: str, severity: str = WARNING, note: str = "",
                   active: bool = True, entry_id: str | None = None) -> SensitiveWord:
    """Add an entry (entry_id None) or change one."""
    auth.require_role(user, "admin")
    word, note = word.strip(), note.strip()
    problems = _word_problems("word", "敏感词", "sensitive word", word)
    problems.update(_severity_problems(severity))
    with database.atomic():
        row = _row(SensitiveWord, entry_id) if entry_id else SensitiveWord()
        clash = SensitiveWord.get_or_none((SensitiveWord.word == word) & (SensitiveWord.id != row.id))
        if clash is not None and "word" not in problems:
            problems["word"] = (f"敏感词“{word}”已在词表中", f"{word} is already on the list")
        if problems:
            raise ValidationFailed(problems)
        row.word, row.severity, row.note, row.active = word, severity, note, bool(active)
        _stamp_and_save(user, row, entry_id is None)
        _record(user, SENSITIVE, row, "upsert", {"word": word, "severity": severity, "note": note,
                                                 "active": bool(active)})
    return row


def save_confusion(user: User, wrong: str, right: str, severity: str = WARNING, note: str = "",
                   active: bool = True, entry_id: str | None = None) -> ConfusionPair:
    auth.require_role(user, "admin")
    wrong, right, note = wrong.strip(), right.strip(), note.strip()
    problems = _word_problems("wrong", "错误写法", "wrong form", wrong)
    if not right:
        problems["right"] = ("请填写正确写法", "The right form is required")
    elif len(right) > MAX_WORD:
        problems["right"] = (f"正确写法不能超过{MAX_WORD}字", f"The right form may have at most {MAX_WORD} characters")
    elif right == wrong:
        problems["right"] = ("正确写法与错误写法相同", "The right form is the same as the wrong one")
    problems.update(_severity_problems(severity))
    with database.atomic():
        row = _row(ConfusionPair, entry_id) if entry_id else ConfusionPair()
        clash = ConfusionPair.get_or_none((ConfusionPair.wrong == wrong) & (ConfusionPair.id != row.id))
        if clash is not None and "wrong" not in problems:
            problems["wrong"] = (f"“{wrong}”已在易混淆词表中（→{clash.right}）",
                                 f"{wrong} is already on the list (→ {clash.right})")
        if problems:
            raise ValidationFailed(problems)
        row.wrong, row.right, row.severity, row.note, row.active = wrong, right, severity, note, bool(active)
        _stamp_and_save(user, row, entry_id is None)
        _record(user, CONFUSION, row, "upsert", {"wrong": wrong, "right": right, "severity": severity,
                                                 "note": note, "active": bool(active)})
    return row


def remove_entry(user: User, list_name: str, entry_id: str) -> None:
    auth.require_role(user, "admin")
    model = _MODELS[list_name]
    with database.atomic():
        row = _row(model, entry_id)
        row.delete_instance()
        _record(user, list_name, row, "delete", {"word": row.word} if list_name == SENSITIVE
                else {"wrong": row.wrong, "right": row.right})


def _row(model, entry_id: str):
    row = model.get_or_none(model.id == entry_id)
    if row is None:
        raise NotFound("该词条已不存在，可能已被删除", "The entry no longer exists")
    return row


def _word_problems(name: str, zh: str, en: str, word: str) -> dict:
    if not word:
        return {name: (f"请填写{zh}", f"The {en} is required")}
    if len(word) < MIN_WORD:
        return {name: (f"{zh}至少需要{MIN_WORD}个字，单字会在正文中到处命中",
                       f"The {en} needs at least {MIN_WORD} characters")}
    if len(word) > MAX_WORD:
        return {name: (f"{zh}不能超过{MAX_WORD}字", f"The {en} may have at most {MAX_WORD} characters")}
    if any(ch in word for ch in "\r\n\t"):
        return {name: (f"{zh}不能包含换行或制表符", f"The {en} cannot contain line breaks or tabs")}
    return {}


def _severity_problems(severity: str) -> dict:
    if severity not in SEVERITIES:
        return {"severity": ("严重程度只能是“阻断”或“提示”", "The severity must be blocking or warning")}
    return {}


def _stamp_and_save(user: User, row, is_new: bool) -> None:
    row.updated_at, row.updated_by = clock.now(), user.id
    row.save(force_insert=is_new)


def _record(user: User, list_name: str, row, action: str, entry: dict) -> None:
    table = _MODELS[list_name]._meta.table_name
    detail = {"list": list_name, "action": action, **entry}
    audit.record(user, f"wordlist_{'removed' if action == 'delete' else 'saved'}", table, row.id, detail)
    outbox.enqueue(OP_KIND, {"list": list_name, "id": row.id, "action": action, "entry": entry,
                             "updated_at": row.updated_at if action != "delete" else clock.now(),
                             "updated_by": user.id}, user)
