"""The front desk's guide search: Chinese, full pinyin, initials, heteronyms, kept up to date."""
from __future__ import annotations

import copy
import time

import pytest

from db import items
from db.cards import demo_step, index, pinyin
from db.models import Item
from tests.cards.guide_fixtures import guide_item, guides_profile, guides_template  # noqa: F401
from tests.cards.guide_fixtures import draft_guide, entry_named
from tests.helpers import user


def names(query: str) -> list[str]:
    return [hit.name for hit in index.search(query)]


@pytest.mark.parametrize("query", ["yyzz", "YYZZ", "ｙｙｚｚ", "yingyezhizhao", "ying ye zhi zhao",
                                   "ying'ye", "yingyezh", "营业执照", "执照"])
def test_business_licence_is_found_by_chinese_pinyin_or_initials(guides_profile, query):
    assert names(query)[0] == "营业执照遗失补领"


def test_initials_anywhere_in_the_name(guides_profile):
    assert names("spjyxk")[0] == "食品经营许可证核发（新办）"
    assert "食品经营许可证核发（新办）" in names("jyxk")


def test_pinyin_matches_start_at_a_syllable(guides_profile):
    """"hang" is the 行 of 旅行社 read hang, not the end of 商 shang or 场 chang."""
    found = names("hang")
    assert "旅行社业务经营许可（国内和入境旅游业务）" in found
    assert "商品房预售许可" not in found and "公共场所卫生许可" not in found


def test_both_readings_of_a_heteronym_are_indexed(guides_profile):
    spelled = pinyin.spell("旅行社")
    assert set(spelled.initials) == {"lxs", "lhs"}
    assert names("lvxingshe")[0] == names("lvhangshe")[0] == names("luxingshe")[0] == "旅行社业务经营许可（国内和入境旅游业务）"
    assert pinyin.spell("银行").full[0] == "yin'hang"            # the reading in context first


def test_name_matches_rank_before_result_matches(guides_profile):
    """营业执照 is the 办理结果 of the company registrations: they come after the guide named so."""
    found = names("营业执照")
    assert found[0] == "营业执照遗失补领"
    assert {"有限责任公司设立登记", "个体工商户设立登记"} <= set(found[1:])


def test_nothing_typed_lists_every_guide_and_nonsense_finds_nothing(guides_profile):
    assert len(index.search("")) == 41 and index.search("qqqqzz") == []


def test_the_index_follows_renames_and_approvals(guides_profile):
    item = guide_item("取水许可")
    renamed = copy.deepcopy(entry_named("取水许可"))
    renamed["name"] = "取水许可（延续）"
    items.save_item(user("sunqiang"), item, {"guide": renamed})
    assert index.refresh() == 1 and index.refresh() == 0
    hit = index.search("qsxkyx")[0]
    assert hit.item_id == item.id and hit.printable_version == 1    # the published version still prints
    assert "取水许可" in names("取水许可")                          # found by its printed name too
    fresh = draft_guide(entry_named("农药经营许可"))
    index.refresh()
    assert [h.reason for h in index.search("nyjyxk") if h.item_id == fresh.id] == ["draft"]
    demo_step.approve_through(fresh)
    index.refresh()
    assert [h.printable_version for h in index.search("nyjyxk") if h.item_id == fresh.id] == [1]


def test_unprintable_guides_come_after_printable_ones_with_a_reason(guides_profile):
    fresh = draft_guide(entry_named("取水许可"))
    index.refresh()
    hits = index.search("qsxk")
    assert [h.printable for h in hits] == [True, False]
    assert "尚未提交审核" in hits[1].reason_text() and hits[1].reason_text(english=True)
    assert hits[1].item_id == fresh.id


def test_windows_and_sections_group_the_guides(guides_profile):
    windows = dict(index.windows())
    assert windows["A01—A04号综合窗口"] == 2
    at_window = index.ids_at_window("A01—A04号综合窗口")
    assert {Item.get_by_id(i).title for i in at_window} == {"有限责任公司设立登记办事指南", "营业执照遗失补领办事指南"}
    approval = Item.get_by_id(at_window[0]).section_id
    assert len(index.ids_of_section(approval)) == 41


def test_typing_is_answered_quickly(guides_profile):
    started = time.perf_counter()
    for query in ("y", "yy", "yyz", "yyzz", "营", "营业", "xuke", "jzgc"):
        index.search(query)
    assert (time.perf_counter() - started) / 8 < 0.05
