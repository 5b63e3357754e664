"""Chinese line breaking: nothing lost, nothing too wide, no punctuation at the wrong end."""
from __future__ import annotations

import pytest

from forms.cards.elements import basis_text, material_text
from forms.cards.render import width_table
from forms.cards.textfit import CLOSING, OPENING, wrap
from forms.fonts import FontSet
from tests.cards.card_helpers import demo_entries, normalise


@pytest.fixture(scope="module")
def widths():
    return width_table(FontSet.discover().body)


def paragraphs() -> list[str]:
    out = []
    for entry in demo_entries():
        guide = entry["guide"]
        out += guide["conditions"].splitlines() + [guide["hours"], guide["complaint_phone"]]
        out += [basis_text(b) for b in guide["basis"]]
        out += [material_text(m) for m in guide["materials"]]
    return out


@pytest.mark.parametrize("line_width", [60, 97, 150, 258])
def test_wrapping_keeps_every_character_and_respects_the_width(widths, line_width):
    size = 9
    for text in paragraphs():
        lines = wrap(text, line_width, size, widths)
        assert normalise("".join(lines)) == normalise(text)
        for line in lines:
            assert widths.text_width(line) * size / 1000 <= line_width + 1e-6, line


@pytest.mark.parametrize("line_width", [60, 97, 150, 258])
def test_closing_punctuation_never_starts_a_line_nor_an_opening_bracket_ends_one(
        widths, line_width):
    checked = 0
    for text in paragraphs():
        lines = wrap(text, line_width, 9, widths)
        for before, after in zip(lines, lines[1:]):
            assert after[0] not in CLOSING, (before, after)
            assert before[-1] not in OPENING, (before, after)
            checked += 1
    assert checked > 150


def test_a_long_url_breaks_inside_when_it_cannot_fit_a_line(widths):
    url = "https://zwfw.xinyang.gov.cn/bszn/" + "abcdef0123456789" * 6
    lines = wrap(f"详见{url}。", 150, 9, widths)
    assert len(lines) > 2 and "".join(lines) == f"详见{url}。"


def test_latin_words_and_numbers_are_not_split_when_they_fit(widths):
    lines = wrap("法定工作日 上午8:30—12:00，下午14:30—17:30，电话0376-6226101", 80, 9, widths)
    assert any("0376-6226101" in line for line in lines), lines
