"""Nothing the guide says is lost on its cards, however long it is."""
from __future__ import annotations

import pytest

from forms.cards import CardTemplate, render_cards
from forms.cards.layouts import LAYOUTS
from tests.cards.card_helpers import (body_text, card_for, demo_entries, expected_strings,
                                      long_guide_card, missing_in_order, normalise, pdf_lines)

TEMPLATE = CardTemplate.default()
KEYS = [key for key, _ in TEMPLATE.elements]
HEADINGS = [heading for _, heading in TEMPLATE.elements]


def assert_complete(card, layout):
    result = render_cards([card], TEMPLATE, layout)
    body = body_text(result.pdf, LAYOUTS[layout].style, HEADINGS)
    missing = missing_in_order(body, expected_strings(card.guide, KEYS))
    assert not missing, f"{card.card_title}: not found in order on the card: {missing}"
    return result


@pytest.mark.parametrize("entry", demo_entries(), ids=lambda e: e["key"])
def test_every_element_of_every_demo_guide_is_on_its_a6_cards(entry):
    assert_complete(card_for(entry), "a6")


def test_long_guide_loses_no_text_and_continues_on_more_cards():
    card = long_guide_card(materials=40, condition_chars=2000)
    assert len(card.guide["conditions"]) == 2000 and len(card.guide["materials"]) == 40
    result = assert_complete(card, "a6")
    assert result.pages >= 3
    assert result.continued == [card.card_title]
    titles = [normalise(ln.text) for ln in pdf_lines(result.pdf) if ln.size >= 11]
    assert any(t.endswith("（续）") for t in titles), titles
    notes = {ln.text for ln in pdf_lines(result.pdf)}
    for number in range(1, result.pages + 1):
        assert f"第{number}张 / 共{result.pages}张" in notes


@pytest.mark.parametrize("layout", ["a4x4", "placard"])
def test_long_guide_loses_no_text_on_other_layouts(layout):
    assert_complete(long_guide_card(), layout)


def test_each_card_shows_version_and_approval_date():
    card = card_for(demo_entries()[5], version_no=7, approved_on="2026-03-15")
    result = render_cards([card], TEMPLATE, "a6")
    stamps = [ln for ln in pdf_lines(result.pdf) if ln.text == "第7版 · 2026-03-15审定"]
    assert len(stamps) == result.pages


def test_a_split_element_is_resumed_under_its_heading_marked_continued():
    result = render_cards([long_guide_card()], TEMPLATE, "a6")
    second_page = [normalise(ln.text) for ln in pdf_lines(result.pdf) if ln.page == 1]
    assert any(t in {h + "（续）" for h in HEADINGS} for t in second_page), second_page


def test_text_is_never_smaller_than_the_readable_minimum_nor_outside_the_card():
    style = LAYOUTS["a6"].style
    result = render_cards([long_guide_card()], TEMPLATE, "a6")
    from forms.cards.render import width_table
    from forms.fonts import FontSet

    widths = width_table(FontSet.discover().body)
    for line in pdf_lines(result.pdf):
        if line.size > style.small:
            assert line.size >= style.body_sizes[-1], line
        right = line.x + widths.text_width(line.text.replace(" ", "")) * line.size / 1000
        assert style.margin - 0.5 <= line.x and right <= style.width - style.margin + 0.5, line
        assert style.margin <= line.y <= style.height - style.margin, line


def test_body_text_stays_above_the_footer_and_qr_code():
    style = LAYOUTS["a6"].style
    lines = pdf_lines(render_cards([long_guide_card()], TEMPLATE, "a6").pdf)
    for page in {ln.page for ln in lines}:
        on_page = [ln for ln in lines if ln.page == page]
        footer_top = max(ln.y for ln in on_page if ln.size == style.small and ln.y < 100)
        qr_top = style.margin + style.qr_side * 0.8
        body = [ln for ln in on_page if style.small < ln.size < min(style.title_sizes)]
        lowest = min(ln.y - 0.25 * ln.size for ln in body)
        assert lowest > footer_top + style.small and lowest > qr_top, page


SHORT_TEMPLATE = CardTemplate.from_dict(
    {"name": "简", "elements": ["conditions", "materials", "fee"]})


def short_card():
    card = card_for(demo_entries()[0])
    card.guide.update(conditions="有经营能力。", materials=card.guide["materials"][:2])
    return card


def body_size(result, style) -> float:
    """The body text size: the smallest size between the footer notes and the title."""
    return min(ln.size for ln in pdf_lines(result.pdf) if style.small < ln.size < 11)


def test_short_guide_fits_one_card_at_the_largest_size():
    style = LAYOUTS["a6"].style
    result = render_cards([short_card()], SHORT_TEMPLATE, "a6")
    assert result.pages == 1 and result.continued == []
    assert body_size(result, style) == style.body_sizes[0]


def test_a_guide_a_bit_too_long_shrinks_onto_one_card_instead_of_continuing():
    style = LAYOUTS["a6"].style
    card = short_card()
    seen = []
    for repeats in range(20, 400, 10):
        card.guide["conditions"] = "申请人应当具备相应条件，" * repeats
        result = render_cards([card], SHORT_TEMPLATE, "a6")
        seen.append((result.pages, body_size(result, style)))
        if result.pages > 1:
            break
    shrunk = [size for pages, size in seen if pages == 1 and size < style.body_sizes[0]]
    assert shrunk, f"never shrank before continuing: {seen}"
    assert min(shrunk) >= style.body_sizes[-1]
    # Only when even the minimum size is not enough does the guide continue, and
    # then at the largest size that needs no more cards than the minimum does.
    assert seen[-1][0] == 2 and seen[-1][1] > style.body_sizes[-1]
