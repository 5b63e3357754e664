"""Page sizes, the four-up sheet's crop marks and card order, the larger placard type."""
from __future__ import annotations

import io
import re

import pypdf
import pytest

from forms.cards import CardTemplate, render_cards
from forms.cards.layouts import LAYOUTS, MM
from forms.cards.render import width_table
from forms.fonts import FontSet
from tests.cards.card_helpers import demo_cards, long_guide_card, pdf_lines

TEMPLATE = CardTemplate.default()
CARDS = demo_cards()[:5]


def page_sizes(pdf: bytes) -> set[tuple[float, float]]:
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return {(round(float(p.mediabox.width) / MM), round(float(p.mediabox.height) / MM))
            for p in pages}


@pytest.mark.parametrize("layout, size_mm", [("a6", (105, 148)), ("a4x4", (210, 297)),
                                             ("placard", (210, 297))])
def test_page_size(layout, size_mm):
    assert page_sizes(render_cards(CARDS[:2], TEMPLATE, layout).pdf) == {size_mm}


def test_four_up_sheet_holds_four_cards_per_page_in_reading_order():
    a6 = render_cards(CARDS, TEMPLATE, "a6")
    sheet = render_cards(CARDS, TEMPLATE, "a4x4")
    assert sheet.pages == -(-a6.pages // 4)
    width, height = LAYOUTS["a4x4"].page
    titles = [ln for ln in pdf_lines(sheet.pdf) if ln.size >= 11 and ln.page == 0]
    quadrants = [(ln.x > width / 2, ln.y < height / 2) for ln in titles]
    assert quadrants == [(False, False), (True, False), (False, True), (True, True)], titles


def line_segments(content: str) -> list[tuple[float, ...]]:
    number = r"(-?\d+(?:\.\d+)?)"
    pattern = rf"{number} {number} m {number} {number} l"
    return [tuple(map(float, m)) for m in re.findall(pattern, content)]


def test_four_up_sheet_has_crop_marks_on_both_cut_lines_on_every_page():
    sheet = render_cards(CARDS, TEMPLATE, "a4x4")
    width, height = LAYOUTS["a4x4"].page
    cut_x, cut_y = width / 2, height / 2
    for page in pypdf.PdfReader(io.BytesIO(sheet.pdf)).pages:
        segments = line_segments(page.get_contents().get_data().decode("latin-1"))
        vertical = [(min(a[1], a[3]), max(a[1], a[3])) for a in segments
                    if abs(a[0] - cut_x) < 0.01 and abs(a[2] - cut_x) < 0.01]
        horizontal = [(min(a[0], a[2]), max(a[0], a[2])) for a in segments
                      if abs(a[1] - cut_y) < 0.01 and abs(a[3] - cut_y) < 0.01]
        for marks, length in ((vertical, height), (horizontal, width)):
            assert any(lo < 15 * MM for lo, hi in marks), "no mark near the first sheet edge"
            assert any(hi > length - 15 * MM for lo, hi in marks), "no mark near the far edge"
            assert any(lo < length / 2 < hi for lo, hi in marks), "no cross at the centre"
            # Marks are short strokes, not a cut line drawn through the cards.
            assert all(hi - lo <= 10 * MM for lo, hi in marks)


def test_no_text_on_the_four_up_sheet_comes_near_a_cut_line():
    sheet = render_cards([long_guide_card()] + CARDS[:3], TEMPLATE, "a4x4")
    width, height = LAYOUTS["a4x4"].page
    widths = width_table(FontSet.discover().body)
    for line in pdf_lines(sheet.pdf):
        right = line.x + widths.text_width(line.text.replace(" ", "")) * line.size / 1000
        assert not line.x - 5 * MM < width / 2 < right + 5 * MM, line
        assert abs(line.y - height / 2) > 5 * MM, line
        assert abs(line.y + line.size - height / 2) > 5 * MM, line


def test_placard_uses_larger_type_than_a_card():
    placard = render_cards(CARDS[:1], TEMPLATE, "placard")
    card = render_cards(CARDS[:1], TEMPLATE, "a6")
    assert placard.pages == 1
    body = [ln.size for ln in pdf_lines(placard.pdf) if ln.size > LAYOUTS["placard"].style.small]
    assert min(body) >= 10 > max(LAYOUTS["a6"].style.body_sizes)
    largest = max(ln.size for ln in pdf_lines(placard.pdf))
    assert largest > max(ln.size for ln in pdf_lines(card.pdf))


def test_unknown_layout_is_refused():
    with pytest.raises(ValueError, match="a5"):
        render_cards(CARDS[:1], TEMPLATE, "a5")
