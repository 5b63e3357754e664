"""Every step leaves a chained audit event; tampering is found and the CLI says where."""
from __future__ import annotations

import argparse

import pytest
from peewee import IntegrityError

from db import audit, clock
from db.database import database
from db.models import AuditEvent
from desktop.commands import audit as audit_command
from tests.helpers import drop_audit_guards
from tests.workflow.conftest import approve, submitted


@pytest.fixture
def reviewed(profile):
    item, version = submitted()
    approve("chenjing", version)
    approve("wangjianguo", version, "同意")
    return item


def actions_on(item_id: str) -> list[str]:
    return [e.action for e in audit.events_of(item_id)]


def test_the_workflow_writes_one_event_per_step(reviewed):
    assert actions_on(reviewed.id) == ["item_created", "item_saved", "submitted", "decision", "decision"]
    assert audit.verify_chain() == []


def test_audit_time_comes_from_the_clock_the_sync_layer_sets(profile):
    import datetime as dt
    central = dt.datetime(2026, 5, 4, 1, 2, 3, tzinfo=dt.timezone.utc)
    clock.set_source(lambda: central)
    try:
        item, _ = submitted()
    finally:
        clock.set_source(None)
    assert {e.at for e in audit.events_of(item.id)} == {"2026-05-04T01:02:03Z"}


@pytest.mark.parametrize("tamper", [
    lambda event: AuditEvent.update(detail='{"outcome":"return"}').where(AuditEvent.id == event.id).execute(),
    lambda event: AuditEvent.delete().where(AuditEvent.id == event.id).execute(),
    lambda event: database.execute_sql('UPDATE "audit_event" SET "actor_name" = ? WHERE "id" = ?', ("别人", event.id)),
], ids=["update", "delete", "raw-sql"])
def test_the_apps_own_connection_cannot_change_or_remove_an_event(reviewed, tamper):
    event = AuditEvent.select().where(AuditEvent.action == "decision").order_by(AuditEvent.id).first()
    with pytest.raises(IntegrityError, match="append-only"):
        with database.atomic():
            tamper(event)
    assert AuditEvent.get_by_id(event.id).detail == event.detail and audit.verify_chain() == []
    audit.record(None, "still_appending")             # appending still works
    assert audit.verify_chain() == []


def test_an_edited_event_is_found(reviewed):
    event = AuditEvent.select().where(AuditEvent.action == "decision").order_by(AuditEvent.id).first()
    drop_audit_guards()
    AuditEvent.update(detail='{"outcome":"return"}').where(AuditEvent.id == event.id).execute()
    assert audit.first_break().event_id == event.id


def test_a_deleted_event_in_the_middle_is_found(reviewed):
    event = AuditEvent.select().where(AuditEvent.action == "submitted").get()
    drop_audit_guards()
    AuditEvent.delete().where(AuditEvent.id == event.id).execute()
    assert audit.first_break().event_id == event.id + 1


def test_deleting_the_newest_events_is_found_too(reviewed):
    newest = AuditEvent.select().order_by(AuditEvent.id.desc()).first()
    drop_audit_guards()
    AuditEvent.delete().where(AuditEvent.id == newest.id).execute()
    broken = audit.first_break()
    assert broken is not None and broken.event_id == newest.id and "删除" in broken.message


def run_verify(profile) -> int:
    return audit_command.run(argparse.Namespace(profile=str(profile.root), action="verify"))


def test_audit_verify_exits_non_zero_at_the_first_broken_event(reviewed, profile, capsys):
    assert run_verify(profile) == 0
    assert "完整" in capsys.readouterr().out
    first = AuditEvent.select().order_by(AuditEvent.id).first()
    drop_audit_guards()
    AuditEvent.update(actor_name="别人").where(AuditEvent.id == first.id).execute()
    assert run_verify(profile) == 1
    out = capsys.readouterr()
    assert f"第 {first.id} 条" in out.out + out.err
