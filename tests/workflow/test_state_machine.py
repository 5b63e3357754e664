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


# --- states decided elsewhere (what db/sync applies) ------------------------------------------

def test_a_state_decided_elsewhere_is_accepted_when_the_machine_reaches_it():
    assert states.follow_item(states.PUBLISHED, states.IN_REVIEW) == states.IN_REVIEW   # edited and resubmitted there
    assert states.follow_item(states.IN_REVIEW, states.RETURNED) == states.RETURNED
    assert states.follow_version(states.V_HELD, states.V_APPROVED) == states.V_APPROVED


def test_nothing_decided_elsewhere_brings_a_withdrawn_item_back():
    for target in (states.DRAFT, states.IN_REVIEW, states.APPROVED, states.PUBLISHED):
        with pytest.raises(InvalidState) as refused:
            states.follow_item(states.WITHDRAWN, target)
        assert "已撤稿" in str(refused.value) and refused.value.english


def test_a_version_decided_here_follows_the_decision_that_stood_centrally():
    """First commit wins (DESIGN.md §6.4): a return made here can lose to an approval."""
    assert states.follow_version(states.V_RETURNED, states.V_APPROVED) == states.V_APPROVED
    assert states.follow_version(states.V_APPROVED, states.V_RETURNED) == states.V_RETURNED
    assert states.follow_version(states.V_STALE, states.V_APPROVED) == states.V_APPROVED   # a released approval
    assert states.follow_version(states.V_APPROVED, states.V_STALE) == states.V_STALE      # edited there first
    assert states.follow_version(states.V_APPROVED, states.V_IN_REVIEW) == states.V_IN_REVIEW   # refused there


@pytest.mark.parametrize("local, decided", [
    (states.V_STALE, states.V_IN_REVIEW),          # an edit here is not undone by a pull
    (states.V_PUBLISHED, states.V_IN_REVIEW),
    (states.V_WITHDRAWN, states.V_APPROVED),
    (states.V_REPLACED, states.V_PUBLISHED),
])
def test_a_version_never_goes_back_into_review_or_out_of_retirement(local, decided):
    with pytest.raises(InvalidState):
        states.follow_version(local, decided)


def test_several_events_in_a_row_are_each_checked():
    assert states.item_after(states.IN_REVIEW, states.APPROVE_LAST, states.PUBLISHED_EVENT) == states.PUBLISHED
    assert states.version_after(states.V_HELD, states.RELEASE, states.PUBLISHED_EVENT) == states.V_PUBLISHED
    with pytest.raises(InvalidState):
        states.item_after(states.IN_REVIEW, states.PUBLISHED_EVENT)       # not approved first
