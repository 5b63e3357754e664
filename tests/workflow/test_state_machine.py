"""The transition tables are the whole truth about states."""
from __future__ import annotations

import pytest

from db.errors import InvalidState
from db.models import ITEM_STATES
from db.workflow import states


def test_every_transition_stays_within_the_design_states():
    for (source, _event), target in states.ITEM_TRANSITIONS.items():
        assert source in ITEM_STATES and target in ITEM_STATES


def test_withdrawn_is_final():
    assert not [key for key in states.ITEM_TRANSITIONS if key[0] == states.WITHDRAWN]


@pytest.mark.parametrize("state, event", [
    ("in_review", "submit"),          # already in review: approve, return or edit first
    ("published", "submit"),          # a published item is edited into a working copy first
    ("approved", "return"),
    ("draft", "approve_last"),
    ("withdrawn", "edit"),
])
def test_refused_transitions_say_what_and_why_in_both_languages(state, event):
    with pytest.raises(InvalidState) as refused:
        states.item_next(state, event)
    assert states.STATE_NAMES[state][0] in str(refused.value)
    assert states.STATE_NAMES[state][1] in refused.value.english


def test_the_path_of_the_design_diagram():
    path = [("draft", "submit"), ("in_review", "approve_stage"), ("in_review", "return"),
            ("returned", "submit"), ("in_review", "approve_last"), ("approved", "published"),
            ("published", "edit"), ("draft", "submit"), ("in_review", "edit"), ("draft", "submit")]
    state = "draft"
    for source, event in path:
        assert state == source
        state = states.item_next(state, event)
    assert state == "in_review"
