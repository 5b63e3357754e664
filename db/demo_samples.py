"""The demo's sample items, planned from resources/demo/samples.json before any database work.

A plan is one coherent item: the title, paragraphs and summary of one written sample,
filled in with the same words ({year}, {place} …), a 成文日期 that fits what the title
says (a monthly report is written the month after) and a 文号 of that year. A policy's
plan carries the plan of its 政策解读. No title stands twice in a column: a sample whose
title has no fill-ins appears once, the others once per year, month, place and so on.
"""
from __future__ import annotations

import datetime as dt
import functools
import random
from dataclasses import dataclass, replace

from db import reference

SAMPLES_FILE = reference.RESOURCES / "demo" / "samples.json"
YEARS = (2017, 2026)
INTERPRETATIONS = {"column": "zcjd", "topic": "0803"}
FIRST_PASS_TRIES = 30           # enough to find a free title and a past date for any sample
RECENT_DAYS = 60                # work still open (drafts, reviews, returns) was written this recently
RECENT_SHARE = 0.5              # plans that try to be current work (some samples cannot: fixed years)
MISSES_PER_ITEM = 20            # the later draws give up once the titles are used up


@dataclass(frozen=True)
class Plan:
    column: str
    section: str
    topic: str
    key: str                    # the subject phrase the title, body and summary share
    title: str
    paragraphs: tuple[str, ...]
    summary: str
    written_on: dt.date
    doc_no: str = ""
    interpretation: Plan | None = None


@functools.lru_cache(maxsize=1)
def load() -> dict:
    return reference.load_json(SAMPLES_FILE)


def all_samples(samples: dict) -> list[tuple[str, dict]]:
    """(column code, sample) for every written sample, in file order."""
    return [(code, sample) for code, spec in samples["columns"].items() for sample in spec["samples"]]


def plan_items(rng: random.Random, count: int, today: dt.date) -> list[Plan]:
    """`count` plans (fewer only when every title is used): first each sample once, in a
    shuffled order, then more of the samples whose titles take fill-ins. About RECENT_SHARE
    of them try to be written in the last RECENT_DAYS (is_recent), the rest over the years."""
    samples = load()
    planner = _Planner(rng, samples, today)
    entries = all_samples(samples)
    plans = []
    for entry in rng.sample(entries, k=len(entries))[:count]:
        plan = _first_fit(planner, entry, rng.random() < RECENT_SHARE)
        plans += [plan] if plan else []
    repeatable = [entry for entry in entries if "{" in entry[1]["title"]]
    misses = 0
    while len(plans) < count and misses < MISSES_PER_ITEM * count:
        plan = _first_fit(planner, rng.choice(repeatable), rng.random() < RECENT_SHARE)
        misses += plan is None
        plans += [plan] if plan else []
    return plans


def _first_fit(planner: _Planner, entry: tuple[str, dict], recent: bool) -> Plan | None:
    """The entry planned within FIRST_PASS_TRIES draws, written lately if `recent` and that
    can be found, else at any past date."""
    wanted = [recent] * FIRST_PASS_TRIES + [False] * (FIRST_PASS_TRIES if recent else 0)
    return next(filter(None, (planner.plan(*entry, recent=want) for want in wanted)), None)


def is_recent(written_on: dt.date | str, today: dt.date) -> bool:
    """Written in the last RECENT_DAYS (a date, or an item's ISO 成文日期): such an item may
    still be a draft or in review; an older one has long been published."""
    written = dt.date.fromisoformat(written_on) if isinstance(written_on, str) else written_on
    return today - dt.timedelta(days=RECENT_DAYS) <= written < today


class _Planner:
    """Fills in samples, remembering the titles and 文号 already given out."""

    def __init__(self, rng: random.Random, samples: dict, today: dt.date):
        self.rng, self.samples, self.today = rng, samples, today
        self.titles: set[tuple[str, str]] = set()
        self.doc_nos: set[str] = set()

    def plan(self, code: str, sample: dict, recent: bool = False) -> Plan | None:
        """The sample filled in once (written lately when `recent`); None when the title is
        taken or the date does not fit (not yet past, or not recent)."""
        spec = self.samples["columns"][code]
        year = self._recent_year(sample) if recent else None
        if recent and year is None:
            return None
        words = sample_words(self.rng, self.samples, sample, year)
        title = sample["title"].format(**words)
        written = written_on(self.rng, sample.get("written", {}), words)
        if (code, title) in self.titles or written >= self.today or recent and not is_recent(written, self.today):
            return None
        self.titles.add((code, title))
        plan = Plan(code, sample.get("section", spec["section"]), spec["topic"], sample["key"], title,
                    tuple(p.format(**words) for p in sample["paragraphs"]), sample["summary"].format(**words),
                    written, self._doc_no(spec.get("doc_prefix", ""), written.year))
        return replace(plan, interpretation=interpretation_of(plan, sample.get("interpretation")))

    def _recent_year(self, sample: dict) -> int | None:
        """The year whose fill-ins give a recent 成文日期 (a report on last year is written
        this year); None for a sample bound to other years."""
        year = self.today.year - (1 if sample.get("written", {}).get("next_year") else 0)
        first, last = sample.get("years", (YEARS[0], year))
        return year if first <= year <= last else None

    def _doc_no(self, prefix: str, year: int) -> str:
        while prefix:
            doc_no = f"{prefix}〔{year}〕{self.rng.randint(1, 60)}号"
            if doc_no not in self.doc_nos:
                self.doc_nos.add(doc_no)
                return doc_no
        return ""


def interpretation_of(policy: Plan, written: dict | None) -> Plan | None:
    """The 政策解读 of a policy, written the same day; None for a policy still without one."""
    if written is None:
        return None
    return Plan(INTERPRETATIONS["column"], policy.section, INTERPRETATIONS["topic"], policy.key,
                f"《{policy.title}》政策解读", tuple(written["paragraphs"]), written["summary"], policy.written_on)


def sample_words(rng: random.Random, samples: dict, sample: dict | None = None, year: int | None = None) -> dict:
    """The values a sample's title and paragraphs are filled with (year, meeting number, …);
    the year drawn from the sample's years unless given."""
    first, last = (sample or {}).get("years", YEARS)
    year, count = year or rng.randint(first, last), rng.randint(800, 3000)
    return {"year": year, "next_year": year + 1, "n": rng.randint(1, 12), "month": rng.randint(1, 12),
            "quarter": rng.randint(1, 4), "place": rng.choice(samples["places"]),
            "city": rng.choice(samples["cities"]), "count": count, "done": count - rng.randint(0, 40),
            "quarter_count": count * 3 + rng.randint(0, 300), "complaints": rng.randint(1, 9),
            **yearly_figures(year)}


def yearly_figures(year: int) -> dict:
    """The center's budget figures (万元) of a year: the same in every item about that year,
    and the “三公” expenses falling year by year, as the texts say."""
    years_on = year - YEARS[0]
    budget = 10000 + 453 * years_on                 # in 0.1 万元
    sangong = 1860 - 90 * years_on                  # in 0.01 万元
    car = round(sangong * 0.7)
    return {"budget": f"{budget / 10:.1f}", "spent": f"{budget * 0.968 / 10:.1f}",
            "sangong": f"{sangong / 100:.2f}", "car": f"{car / 100:.2f}", "reception": f"{(sangong - car) / 100:.2f}"}


def written_on(rng: random.Random, rule: dict, words: dict) -> dt.date:
    """成文日期 as the sample's rule has it: after the month or quarter reported on, in the
    month of a meeting number, or in given months of the year (or of the next year)."""
    year = words["year"]
    if rule.get("after") in ("month", "quarter"):
        last_month = words["month"] if rule["after"] == "month" else words["quarter"] * 3
        year, month = (year + 1, 1) if last_month == 12 else (year, last_month + 1)
        return dt.date(year, month, rng.randint(2, 15))
    if "in_month_of" in rule:
        return dt.date(year, words[rule["in_month_of"]], rng.randint(1, 28))
    month = rng.choice(rule.get("months", range(1, 13)))
    return dt.date(year + 1 if rule.get("next_year") else year, month, rng.randint(1, 28))


@dataclass(frozen=True)
class Revision:
    reason: str
    body_html: str
    summary: str


def revision_of(body_html: str, summary: str) -> Revision | None:
    """The correction a published sample's drafter makes (the sample's `revision`, found by
    the words it corrects), applied to body and summary; None when the item has none."""
    for _, sample in all_samples(load()):
        change = sample.get("revision")
        if change and change["from"] in body_html:
            return Revision(change["reason"], body_html.replace(change["from"], change["to"]),
                            summary.replace(change["from"], change["to"]))
    return None
