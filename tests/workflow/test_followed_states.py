"""What a pull applies goes through the state machine too (db/sync/settle.py, mirror.py)."""
from __future__ import annotations

from db import clock
from db.models import Decision, ReviewTask
from db.sync.models import SyncConflict
from db.sync import mirror, settle
from db.workflow import states
from tests.helpers import user
from tests.workflow.conftest import submitted


def mirrored_decision(version, stage: int, outcome: str, decider: str) -> None:
    """A decision made on another workstation, as the pull inserts it."""
    Decision.create(item=version.item_id, version=version, version_no=version.number,
                    content_hash=version.content_hash, stage=stage, outcome=outcome, comment="",
                    decider=user(decider), decided_at=clock.now(), status=states.D_AUTHORITATIVE)


def tasks_of(version) -> list[tuple[int, str]]:
    return [(t.stage, t.state) for t in ReviewTask.select().where(ReviewTask.version == version)
            .order_by(ReviewTask.stage, ReviewTask.created_at)]


def test_a_stage_decided_elsewhere_closes_as_approved_and_opens_the_next(profile):
    item, version = submitted()
    mirrored_decision(version, 1, "approve", "chenjing")
    settle.rebuild_tasks(item)
    assert tasks_of(version) == [(1, states.T_APPROVED), (2, states.T_OPEN)]


def test_a_return_made_elsewhere_closes_the_stage_as_returned(profile):
    item, version = submitted()
    mirrored_decision(version, 1, "return", "chenjing")
    item.state = states.RETURNED          # what the pulled item row says
    item.save()
    settle.rebuild_tasks(item)
    assert tasks_of(version) == [(1, states.T_RETURNED)]


def test_a_pulled_state_the_machine_refuses_is_kept_local_and_recorded(profile):
    item, _ = submitted()
    kept = mirror._followed(states.follow_item, item.id, states.WITHDRAWN, states.IN_REVIEW)
    assert kept == states.WITHDRAWN
    conflict = SyncConflict.get(SyncConflict.item_id == item.id)
    assert conflict.kind == "state" and "已撤稿" in conflict.message
