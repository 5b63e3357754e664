"""A decision the site database refuses stays in sight: its decider, the section's heads and
its supervising leaders find it in the queue's 网站数据库拒绝 view, in words, until someone
settles the conflict."""
from __future__ import annotations

import pytest

from db.sync import conflicts
from db.workflow import attention
from tests.helpers import user
from tests.sync.conftest import central_pool, make_client, sqlite_central  # noqa: F401  (fixtures)
from tests.sync.helpers import approve, central_rows, draft_and_submit


@pytest.fixture
def refused(sqlite_central, make_client):  # noqa: F811
    """张卫东 approves a tender notice offline; meanwhile the site's directory no longer has
    him supervising the trading section, so the publication gate refuses his approval."""
    client = make_client("zhangweidong").use()
    version = draft_and_submit("某道路改造工程施工招标公告")
    approve(version.item_id)
    leader_id = user("zhangweidong").id
    central_rows(sqlite_central.db, "DELETE FROM dir_section_leader WHERE leader_id = ?", (leader_id,))
    report = client.sync(sqlite_central.db)
    assert report.conflicts == 1
    return version


def test_the_refused_approval_is_listed_for_its_decider_and_the_sections_reviewers(refused):
    listed = attention.refused_for(user("zhangweidong"))
    assert [row.item_id for row in listed] == [refused.item_id]
    assert listed[0].problem.startswith("网站数据库拒绝：终审批准须由本科室在岗的分管领导")
    assert "Refused by the site database" in listed[0].problem_english
    assert [row.item_id for row in attention.refused_for(user("wuhao"))] == [refused.item_id], "the section head"
    assert attention.refused_for(user("limeihua")) == [], "another leader's sections"
    assert attention.counts(user("zhangweidong"))["refused"] == 1


def test_once_settled_it_leaves_the_list(refused):
    [conflict] = list(conflicts.open_conflicts(user("zhangweidong")))
    conflicts.resolve(user("zhangweidong"), conflict, "dismiss")
    assert attention.refused_for(user("zhangweidong")) == []
