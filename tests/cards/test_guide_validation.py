"""Guide rules in db/: 承诺时限 never beyond 法定时限, 收费 never blank, at submission too."""
from __future__ import annotations

import copy

import pytest

from db import guides, items
from db.errors import ValidationFailed
from db.models import Item
from tests.cards.card_helpers import demo_entries
from tests.cards.guide_fixtures import draft_guide
from tests.helpers import user

GUIDE = demo_entries()[0]["guide"]


def changed(**values) -> dict:
    guide = copy.deepcopy(GUIDE)
    guide.update(values)
    return guide


def problems(guide: dict) -> dict[str, str]:
    return {p.element: p.message for p in guides.validate(guides.normalise(guide))}


def test_a_complete_guide_has_no_problems():
    assert problems(GUIDE) == {}


def test_promised_limit_beyond_the_statutory_limit_is_refused_with_both_numbers():
    found = problems(changed(legal_limit_days=5, promised_limit_days=8))
    assert found == {"promised_limit_days": "承诺时限（8个工作日）不能超过法定时限（5个工作日）"}


@pytest.mark.parametrize("legal, promised", [(5, 5), (5, 0), (0, 0)])
def test_promised_limit_up_to_the_statutory_one_is_fine_and_zero_means_on_the_spot(legal, promised):
    assert problems(changed(legal_limit_days=legal, promised_limit_days=promised)) == {}
    assert guides.limit_text(0) == "即办"


@pytest.mark.parametrize("fee", ["", "   ", None])
def test_a_blank_fee_is_refused_asking_for_no_fee_written_out(fee):
    assert problems(changed(fee=fee)) == {"fee": "收费标准不能为空；不收费请写明“不收费”"}
    assert problems(changed(fee=guides.NO_FEE)) == {}


def test_negative_or_fractional_days_are_refused():
    assert "promised_limit_days" in problems(changed(promised_limit_days=-1))
    assert "legal_limit_days" in problems(changed(legal_limit_days=2.5))


def test_submission_is_refused_for_these_problems_and_keeps_the_draft(profile):
    item = draft_guide(changed(legal_limit_days=5, promised_limit_days=8, fee=""))
    with pytest.raises(ValidationFailed) as refused:
        items.submit(user("sunqiang"), item)
    assert set(refused.value.problems) >= {"guide.promised_limit_days", "guide.fee"}
    assert "不能超过法定时限" in str(refused.value)
    assert Item.get_by_id(item.id).state == "draft" and Item.get_by_id(item.id).latest_version_no == 0


def test_problems_by_element_groups_every_message():
    grouped = guides.problems_by_element(changed(name="", fee="", promised_limit_days=9, legal_limit_days=1))
    assert set(grouped) == {"name", "fee", "promised_limit_days"}
    assert all(isinstance(message, str) for messages in grouped.values() for message, _ in messages)
