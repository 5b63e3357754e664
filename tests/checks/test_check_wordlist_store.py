"""The word lists in the profile: seeded, edited by the admin only, audited, queued for
sync, and compiled once per change."""
from __future__ import annotations

import json

import pytest

from db import database as dbmod
from db.checks import lists, service
from db.checks.models import ConfusionPair, SensitiveWord
from db.checks.wordlists import load_default_confusion, load_default_sensitive
from db.errors import PermissionDenied, ValidationFailed
from db.models import AuditEvent, OutboxOp
from tests.helpers import user

TEXT = "中心召开政务公开推进会，王振化主任出席。"


def found(text: str = TEXT) -> list[tuple[str, str, str]]:
    from db.checks import check_text
    return [(f.rule, f.severity, f.excerpt) for f in check_text(text, "body", service.context_for_profile())]


def test_the_lists_are_seeded_from_the_shipped_files(profile):
    assert {r.word for r in lists.sensitive_rows()} == {e.word for e in load_default_sensitive()}
    assert {(r.wrong, r.right) for r in lists.confusion_rows()} == {
        (e.wrong, e.right) for e in load_default_confusion()}
    assert found() == [("confusion", "blocking", "王振化主任")]


def test_every_workstation_seeds_the_same_ids(profile, tmp_path):
    ids = {r.word: r.id for r in lists.sensitive_rows()}
    dbmod.open_profile(dbmod.Profile(tmp_path / "other"), create=True)
    assert {r.word: r.id for r in lists.sensitive_rows()} == ids


def test_admin_edits_change_the_findings(profile):
    admin = user("admin")
    word = lists.save_sensitive(admin, "推进会", "blocking", "示例")
    assert ("sensitive_word", "blocking", "推进会") in found()
    lists.save_sensitive(admin, "推进会", "warning", active=False, entry_id=word.id)
    assert ("sensitive_word", "blocking", "推进会") not in found() and len(found()) == 1
    pair = ConfusionPair.get(ConfusionPair.wrong == "王振化主任")
    lists.remove_entry(admin, lists.CONFUSION, pair.id)
    assert found() == []
    lists.save_confusion(admin, "政务公开推进会", "政务公开工作推进会")
    assert found() == [("confusion", "warning", "政务公开推进会")]


def test_edits_are_audited_and_travel_as_outbox_ops(profile):
    admin = user("admin")
    row = lists.save_sensitive(admin, "推进会", "blocking")
    lists.remove_entry(admin, lists.SENSITIVE, row.id)
    actions = [e.action for e in AuditEvent.select().where(AuditEvent.object_id == row.id).order_by(AuditEvent.id)]
    assert actions == ["wordlist_saved", "wordlist_removed"]
    ops = [json.loads(op.payload) for op in OutboxOp.select().where(OutboxOp.kind == "wordlist.entry")
           .order_by(OutboxOp.seq)]
    assert [(op["list"], op["id"], op["action"]) for op in ops] == [
        ("sensitive", row.id, "upsert"), ("sensitive", row.id, "delete")]
    assert ops[0]["entry"] == {"word": "推进会", "severity": "blocking", "note": "", "active": True}


@pytest.mark.parametrize("username", ["liuyang", "wangjianguo", "chenjing"])
def test_only_the_admin_edits_the_lists(profile, username):
    with pytest.raises(PermissionDenied):
        lists.save_sensitive(user(username), "推进会")
    with pytest.raises(PermissionDenied):
        lists.remove_entry(user(username), lists.SENSITIVE, SensitiveWord.select().first().id)


@pytest.mark.parametrize("args, field, message", [
    (("",), "word", "请填写敏感词"),
    (("会",), "word", "至少需要2个字"),
    (("字" * 51,), "word", "不能超过50字"),
    (("待补充",), "word", "已在词表中"),
    (("推进\n会",), "word", "换行"),
    (("推进会", "fatal"), "severity", "阻断"),
])
def test_bad_sensitive_entries_are_refused_with_a_message(profile, args, field, message):
    with pytest.raises(ValidationFailed) as refused:
        lists.save_sensitive(user("admin"), *args)
    assert message in refused.value.problems[field][0]


@pytest.mark.parametrize("wrong, right, field, message", [
    ("", "对", "wrong", "请填写错误写法"),
    ("按装", "", "right", "请填写正确写法"),
    ("按装调试", "按装调试", "right", "相同"),
    ("按装", "安装", "wrong", "已在易混淆词表中"),
])
def test_bad_confusion_pairs_are_refused_with_a_message(profile, wrong, right, field, message):
    with pytest.raises(ValidationFailed) as refused:
        lists.save_confusion(user("admin"), wrong, right)
    assert message in refused.value.problems[field][0]


def test_the_lists_are_compiled_once_per_change(profile):
    first = lists.compiled_lists()
    assert lists.compiled_lists() is first, "no change, no recompilation"
    # A change made outside the service (sync, SQL by hand) is seen too: triggers move the stamp.
    dbmod.database.execute_sql("UPDATE sensitive_word SET active = 0 WHERE word = '待补充'")
    second = lists.compiled_lists()
    assert second is not first and "待补充" not in {e.word for e in second.sensitive.entries}
    assert lists.compiled_lists() is second
