"""The demo's sample items read like a real center's website: each item is one coherent
piece (its body and summary are about its title), policies have all their articles in
order and come with their own interpretation, and titles repeat only where the real
thing does (a monthly report, a numbered meeting).

The plans are checked over several seeds without a database; the built demo is checked
once, through the same checks engine the editor runs."""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

import pytest

from db import database as dbmod
from db import demo, demo_samples, metadata
from db.checks import service
from db.checks.demo_step import DUTY_PHONE_NOTICE, LEAKY_DRAFT
from db.models import Column, Item, ReviewTask, Version
from db.workflow import demo_reviews

SEEDS = range(5)
TODAY = dt.date(2026, 12, 7)
NUMERALS = "一二三四五六七八九"
ARTICLE = re.compile(r"^第([一二三四五六七八九十]+)条")


def chinese_number(text: str) -> int:
    """一 … 九十九, as article numbers are written (十二 is 12, 二十 is 20)."""
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return NUMERALS.index(text) + 1
    return (NUMERALS.index(tens) + 1 if tens else 1) * 10 + (NUMERALS.index(units) + 1 if units else 0)


def article_numbers(paragraphs) -> list[int | None]:
    return [chinese_number(m.group(1)) if (m := ARTICLE.match(p)) else None for p in paragraphs]


def plans_of(seed: int, count: int = 300) -> list[demo_samples.Plan]:
    return demo_samples.plan_items(random.Random(seed), count, TODAY)


def with_interpretations(plans):
    return [p for plan in plans for p in (plan, plan.interpretation) if p is not None]


def test_chinese_article_numbers_read_as_written():
    assert [chinese_number(t) for t in ("一", "九", "十", "十一", "十九", "二十", "二十三")] == [1, 9, 10, 11, 19, 20, 23]


def test_every_policy_has_all_its_articles_in_order():
    policies = demo_samples.load()["columns"]["zcfg"]["samples"]
    assert len(policies) >= 5
    for policy in policies:
        numbers = article_numbers(policy["paragraphs"])
        assert numbers == list(range(1, len(numbers) + 1)), policy["title"]
        assert len(numbers) >= 5 and policy["paragraphs"][-1].endswith("施行。"), policy["title"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_few_hundred_items_never_repeat_a_title_in_a_column(seed):
    plans = with_interpretations(plans_of(seed))
    assert len(plans) > 300
    repeated = [key for key, times in Counter((p.column, p.title) for p in plans).items() if times > 1]
    assert repeated == []


@pytest.mark.parametrize("seed", SEEDS)
def test_each_item_is_about_its_title(seed):
    for plan in with_interpretations(plans_of(seed)):
        assert plan.key in plan.title, plan.title
        assert plan.key in "".join(plan.paragraphs), plan.title
        assert plan.key in plan.summary, plan.title
        assert "{" not in plan.title + plan.summary + "".join(plan.paragraphs), "every fill-in is filled"


@pytest.mark.parametrize("seed", SEEDS)
def test_summaries_and_titles_fit_the_catalogue(seed):
    for plan in with_interpretations(plans_of(seed)):
        assert metadata.summary_problem(plan.summary) is None, plan.summary
        assert metadata.title_problem(plan.title) is None, plan.title


def test_each_interpretation_names_and_explains_its_own_policy():
    plans = [p for p in plans_of(0) if p.column == "zcfg"]
    explained = [p for p in plans if p.interpretation is not None]
    assert len(explained) == len(plans) - 1, "all but the one still being drafted"
    for policy in explained:
        reading = policy.interpretation
        assert reading.column == "zcjd" and f"《{policy.title}》" in reading.title
        assert f"《{policy.title}》" in "".join(reading.paragraphs)
        cited = {chinese_number(n) for n in re.findall(r"第([一二三四五六七八九十]+)条", "".join(reading.paragraphs))}
        assert cited <= set(range(1, len(policy.paragraphs) + 1)), f"{reading.title} cites an article the policy lacks"
        assert reading.written_on == policy.written_on


@pytest.mark.parametrize("seed", SEEDS)
def test_dates_and_document_numbers_fit_the_titles(seed):
    plans = with_interpretations(plans_of(seed))
    for plan in plans:
        assert plan.written_on < TODAY
        titled = re.match(r"(\d{4})年(\d{1,2})月", plan.title)
        if titled:          # a month's report is written after that month
            assert plan.written_on > dt.date(int(titled[1]), int(titled[2]), 28), plan.title
        if plan.doc_no:
            assert metadata.parse_doc_no(plan.doc_no).year == plan.written_on.year
    doc_nos = [p.doc_no for p in plans if p.doc_no]
    assert doc_nos and len(set(doc_nos)) == len(doc_nos)


def test_figures_about_one_year_agree_across_items():
    """The budget and the final accounts of a year quote the same income; “三公” parts add up."""
    for year in range(*demo_samples.YEARS):
        figures = demo_samples.yearly_figures(year)
        assert float(figures["car"]) + float(figures["reception"]) == pytest.approx(float(figures["sangong"]))
        assert float(figures["spent"]) < float(figures["budget"])
        assert float(demo_samples.yearly_figures(year + 1)["sangong"]) < float(figures["sangong"]), "比上年有所下降"


def test_each_correction_changes_words_its_sample_has_once():
    """A sample's revision (what its drafter corrects once it is published) finds its words
    in that sample's body only, and the corrected item is still about its title."""
    plans = with_interpretations(plans_of(0))
    revised = 0
    for plan in plans:
        body = "".join(f"<p>{p}</p>" for p in plan.paragraphs)
        revision = demo_samples.revision_of(body, plan.summary)
        if revision is not None:
            revised += 1
            assert revision.body_html != body and plan.key in revision.body_html
            assert metadata.summary_problem(revision.summary) is None
    for _, sample in demo_samples.all_samples(demo_samples.load()):
        if "revision" in sample:
            assert "".join(sample["paragraphs"]).count(sample["revision"]["from"]) == 1, sample["title"]
    assert revised >= 8


def test_the_same_seed_plans_the_same_items():
    assert plans_of(7) == plans_of(7)
    assert plans_of(7) != plans_of(8)


def test_sample_titles_name_real_quarters_and_months():
    """A title like 第12季度 or 13月 would tell a newcomer the demo is nonsense."""
    titles = [plan.title for seed in SEEDS for plan in plans_of(seed)]
    quarters = [int(q) for title in titles for q in re.findall(r"第(\d+)季度", title)]
    months = [int(m) for title in titles for m in re.findall(r"(\d+)月", title)]
    assert quarters and set(quarters) <= {1, 2, 3, 4}
    assert months and set(months) <= set(range(1, 13))


@pytest.fixture(scope="module")
def demo_items(tmp_path_factory):
    """The demo as `make run` builds it, with every item's column at hand."""
    demo.build(dbmod.Profile(tmp_path_factory.mktemp("demo") / "demo"))
    yield list(Item.select(Item, Column).join(Column))
    dbmod.close()


def test_the_built_demo_repeats_no_title_in_a_column(demo_items):
    assert len(demo_items) > 300
    repeated = [key for key, times in Counter((i.column.code, i.title) for i in demo_items).items() if times > 1]
    assert repeated == []


def test_the_built_policies_keep_their_articles_and_partners(demo_items):
    by_id = {item.id: item for item in demo_items}
    policies = [item for item in demo_items if item.column.code == "zcfg"]
    for policy in policies:
        numbers = article_numbers(policy.body_text.split("\n"))
        assert [n for n in numbers if n] == list(range(1, max(filter(None, numbers)) + 1)), policy.title
    linked = [policy for policy in policies if policy.related_id]
    assert len(linked) == len(policies) - 1
    for policy in linked:
        reading = by_id[policy.related_id]
        assert reading.column.code == "zcjd" and reading.related_id == policy.id, "linked both ways"
        assert f"《{policy.title}》" in reading.body_text


def test_the_checks_find_only_what_the_demo_plants(demo_items):
    """A newcomer meets the planted findings (a leaky draft, an overridden duty mobile, a
    policy whose interpretation is not written yet) and nothing the samples let slip."""
    found = {(item.title, finding.rule) for item in demo_items
             for finding in service.findings_for_item(item, attachments=False)}
    unbundled = [item.title for item in demo_items if item.column.code == "zcfg" and not item.related_id]
    assert found == {(LEAKY_DRAFT["title"], "id_number"), (LEAKY_DRAFT["title"], "mobile"),
                     (LEAKY_DRAFT["title"], "confusion"), (DUTY_PHONE_NOTICE["title"], "mobile"),
                     (unbundled[0], "policy_interpretation")}


def test_the_built_corrections_are_the_samples_own(demo_items):
    """Working copies of published items carry a real correction with its reason, not a
    sentence that fits no item."""
    corrected = {sample["revision"]["reason"]: sample["revision"]["to"]
                 for _, sample in demo_samples.all_samples(demo_samples.load()) if "revision" in sample}
    later = list(Version.select().join(Item).join(Column).where(
        (Version.purpose == "publish") & (Version.number > 1) & (Column.kind != "guide")))
    assert len(later) >= 5
    for version in later:
        assert version.note in corrected and corrected[version.note] in version.content, version.title


def test_the_built_returns_give_reasons_that_fit_their_items(demo_items):
    """A returned item's reason speaks of something in it: no 文号 complaint on an item
    without a 文号, no missing 报名表 on a notice that asks for none. (Guides are returned
    by their own step, db.cards.demo_step.)"""
    returned = [item for item in demo_items if item.state == "returned" and item.column.kind != "guide"]
    assert len(returned) >= 3
    fits = dict(demo_reviews.RETURN_REASONS)
    for item in returned:
        particular = [reason for reason, fit in fits.items() if fit(item)]
        assert item.return_reason in particular or not particular and item.return_reason == demo_reviews.GENERAL_REASON, \
            (item.title, item.return_reason)
    assert len({item.return_reason for item in returned}) > 2


def test_the_built_work_in_hand_is_recent_and_submitted_after_it_was_written(demo_items):
    """Old items are the archive (published); drafts, returns and first versions in review
    were written in the last weeks, and none was submitted before its 成文日期."""
    today = dt.date.today()
    in_hand = [item for item in demo_items if item.column.kind != "guide" and
               (item.state in ("draft", "returned") or item.state == "in_review" and item.latest_version_no == 1)]
    assert len(in_hand) >= 20
    old = [(item.title, item.written_on) for item in in_hand
           if not demo_samples.is_recent(dt.date.fromisoformat(item.written_on), today)]
    assert old == []
    archive = [item for item in demo_items if item.column.kind != "guide" and
               not demo_samples.is_recent(dt.date.fromisoformat(item.written_on), today)]
    assert archive and all(item.published_version_no for item in archive)
    early = [(item.title, item.written_on, version.created_at) for item in in_hand
             for version in Version.select().where(Version.item == item.id)
             if version.created_at[:10] < item.written_on]
    assert early == []
    deadlines = {task.due_on for task in ReviewTask.select().where(ReviewTask.state == "open")}
    assert len(deadlines) > 3, "submitted over the last weeks, so the queue's deadlines differ"
