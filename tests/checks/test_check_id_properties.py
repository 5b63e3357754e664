"""Properties over generated ID numbers: every valid one is found with its exact span,
whatever the text around it and however it is written; no corrupted one is reported
as an ID number (nor as anything else blocking)."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from db.checks import CheckContext, check_text
from db.checks.idcard import PROVINCES
from tests.checks.checks_helpers import full_width, iso7064_check
from tests.checks.conftest import TODAY

CTX = CheckContext(today=TODAY)
MAINLAND = sorted(p for p in PROVINCES if p not in ("81", "82", "83"))

regions = st.one_of(
    st.builds(lambda p, city, county: f"{p}{city:02d}{county:02d}",
              st.sampled_from(MAINLAND), st.integers(1, 99), st.integers(0, 99)),
    st.sampled_from(["810000", "820000", "830000"]))
births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
first17s = st.builds(lambda region, born, seq: f"{region}{born:%Y%m%d}{seq:03d}",
                     regions, births, st.integers(0, 999))
# Chinese text with punctuation and line breaks, no digits or Latin letters.
chinese = st.text(alphabet=st.one_of(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
                                     st.sampled_from("，。、：；（）“”《》 \n")), max_size=30)
writings = st.sampled_from(["plain", "full_width", "spaced", "hyphens"])


def written(number: str, how: str) -> str:
    if how == "full_width":
        return full_width(number)
    if how == "spaced":
        return f"{number[:6]} {number[6:14]} {number[14:]}"
    if how == "hyphens":
        return "-".join(number[i:i + 4] for i in range(0, 18, 4))
    return number


@settings(max_examples=300, deadline=None)
@given(first17=first17s, before=chinese, after=chinese, how=writings)
def test_every_valid_id_is_found_with_its_exact_span(first17, before, after, how):
    number = first17 + iso7064_check(first17)
    shown = written(number, how)
    text = before + shown + after
    found = [f for f in check_text(text, "body", CTX) if f.rule == "id_number"]
    assert [(f.start, f.end) for f in found] == [(len(before), len(before) + len(shown))]
    assert found[0].severity == "blocking"
    assert found[0].suggestion == number[:4] + "*" * 10 + number[-4:]


@settings(max_examples=300, deadline=None)
@given(first17=first17s, before=chinese, after=chinese, how=writings, data=st.data())
def test_no_corrupted_check_digit_is_reported_as_an_id(first17, before, after, how, data):
    right = iso7064_check(first17)
    wrong = data.draw(st.sampled_from([c for c in "0123456789X" if c != right]))
    text = before + written(first17 + wrong, how) + after
    findings = check_text(text, "body", CTX)
    assert not [f for f in findings if f.rule == "id_number"]
    assert not [f for f in findings if f.severity == "blocking"]


@settings(max_examples=150, deadline=None)
@given(region=regions, born=st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)),
       seq=st.integers(0, 999), before=chinese, after=chinese)
def test_every_old_15_digit_id_is_found(region, born, seq, before, after):
    number = f"{region}{born:%y%m%d}{seq:03d}"
    found = [f for f in check_text(before + number + after, "body", CTX) if f.rule == "id_number"]
    assert [(f.start, f.end) for f in found] == [(len(before), len(before) + 15)]
