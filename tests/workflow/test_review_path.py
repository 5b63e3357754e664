"""The review path as the queue and bulk approval use it: the queue a page at a time with
its totals apart, held versions counted, a bulk approval that keeps one decision, one
audit event and one outbox operation per item, and deciding that reads what it needs
once, however many items the profile holds."""
from __future__ import annotations

import datetime as dt
import json

from db import audit, items
from db.database import database
from db.models import AuditEvent, Decision, OutboxOp, ReviewTask
from db.workflow import decisions, queue
from tests.helpers import user
from tests.workflow.conftest import approve, draft, submitted
from tests.workflow.test_bundles import linked_pair


def five_waiting_for_the_section_head() -> list:
    return [submitted(title=f"第{n}条工作动态")[1] for n in range(5)]


def test_the_queue_comes_a_page_at_a_time_in_deadline_order(profile):
    five_waiting_for_the_section_head()
    head = user("chenjing")
    whole = queue.queue_for(head)
    first = queue.queue_for(head, limit=2)
    second = queue.queue_for(head, limit=2, after=first[-1])
    rest = queue.queue_for(head, limit=2, after=second[-1])
    assert first + second + rest == whole and len(whole) == 5
    assert [r.due_on for r in whole] == sorted(r.due_on for r in whole)


def test_the_totals_count_the_whole_queue_and_what_is_overdue(profile):
    versions = five_waiting_for_the_section_head()
    ReviewTask.update(due_on="2020-01-02").where(ReviewTask.version == versions[0].id).execute()
    today = dt.date.today().isoformat()
    assert queue.queue_totals(user("chenjing"), today) == (5, 1)
    assert queue.queue_totals(user("chenjing"), today, kind="policy") == (0, 0)
    assert queue.queue_totals(user("liuyang"), today) == (0, 0), "a drafter decides nothing"


def test_a_version_held_for_its_partner_is_counted_among_the_approved(profile):
    policy, reading = linked_pair()
    items.submit(user("gaopeng"), policy)
    version = policy.versions.get()
    approve("zhengli", version)
    assert approve("wangjianguo", version).kind == "held"
    counts = queue.counts_for(user("wangjianguo"))
    assert (counts["approved"], counts["held"], counts["in_review"]) == (1, 1, 1)


def test_bulk_approval_skips_what_the_user_may_not_decide_and_writes_one_of_each_per_item(profile):
    mine = five_waiting_for_the_section_head()
    elsewhere = submitted("zhaoli", "gzdt", title="网络科的工作动态")[1]       # another section's head decides it
    targets = [(v.item_id, v.number, v.content_hash) for v in (*mine[:2], elsewhere, *mine[2:])]
    events_before, ops_before = AuditEvent.select().count(), OutboxOp.select().count()
    result = decisions.bulk_approve(user("chenjing"), targets)
    assert [o.item_id for o in result.done] == [v.item_id for v in mine]
    assert [s.item_id for s in result.skipped] == [elsewhere.item_id] and "不能" in result.skipped[0].reason
    assert Decision.select().count() == 5 and not Decision.select().where(Decision.item == elsewhere.item_id).exists()
    assert AuditEvent.select().count() - events_before == 5
    new_ops = OutboxOp.select().where(OutboxOp.seq > ops_before)
    assert sorted(json.loads(op.payload)["item_id"] for op in new_ops) == sorted(v.item_id for v in mine)
    assert audit.verify_chain() == [], "the chain and its head hold after a batch"


def statements(action) -> int:
    seen: list[str] = []
    connection = database.connection()
    connection.set_trace_callback(lambda sql: None if sql.startswith("--") else seen.append(sql))
    try:
        action()
    finally:
        connection.set_trace_callback(None)
    return len(seen)


def one_item_through_review(drafter, head, leader) -> list[int]:
    """Statements of each step: draft, submit, section head, leader."""
    made: list = []
    counts = [statements(lambda: made.append(draft()))]
    counts.append(statements(lambda: made.append(items.submit(drafter, made[0]))))
    version = made[1]
    for reviewer in (head, leader):
        counts.append(statements(lambda: decisions.approve(reviewer, version.item_id, version.number,
                                                           version.content_hash)))
    return counts


def test_each_step_takes_a_small_fixed_number_of_statements_however_full_the_profile(profile):
    people = user("liuyang"), user("chenjing"), user("wangjianguo")
    one_item_through_review(*people)          # once: word lists compiled, FTS5 reads its settings
    second = one_item_through_review(*people)
    for _ in range(5):
        one_item_through_review(*people)
    assert one_item_through_review(*people) == second
    assert max(second) <= 25 and sum(second[2:]) <= 25, "deciding reads what it needs in one go"
