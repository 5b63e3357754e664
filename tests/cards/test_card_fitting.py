"""The fitting rule, checked against brute force: as few cards as the minimum size needs,
and within that count the largest size."""
from __future__ import annotations

from dataclasses import replace

import pytest

from db.guides import normalise
from forms.cards import CardTemplate
from forms.cards.compose import Composer
from forms.cards.elements import element_paragraphs
from forms.cards.layouts import LAYOUTS
from forms.cards.render import width_table
from forms.fonts import FontSet
from tests.cards.card_helpers import demo_cards, long_guide_card

TEMPLATE = CardTemplate.default()


def cards_under_test():
    cards = demo_cards()[::4] + [long_guide_card(), long_guide_card(12, 600)]
    medium = demo_cards()[3]
    medium.guide["conditions"] = "有经营能力。"
    medium.guide["materials"] = medium.guide["materials"][:2]
    return cards + [medium]


def compose(card, style):
    fonts = FontSet.discover()
    composer = Composer(style, width_table(fonts.body), width_table(fonts.heading))
    guide = normalise(card.guide)
    elements = [(heading, element_paragraphs(key, guide)) for key, heading in TEMPLATE.elements]
    return composer.compose(card.card_title, card.section, card.stamp, card.url, elements)


def body_size(plans, style) -> float:
    """The body text size: body-font runs other than the small header and footer notes."""
    return min(run.size for plan in plans for run in plan.runs
               if run.role == "body" and run.size > style.small)


@pytest.mark.parametrize("layout", ["a6", "placard"])
def test_chosen_size_is_the_largest_that_needs_no_more_cards_than_the_minimum(layout):
    style = LAYOUTS[layout].style
    for card in cards_under_test():
        counts = {size: len(compose(card, replace(style, body_sizes=(size,))))
                  for size in style.body_sizes}
        fewest = counts[style.body_sizes[-1]]
        expected = max(size for size, count in counts.items() if count <= fewest)
        plans = compose(card, style)
        assert (len(plans), body_size(plans, style)) == (counts[expected], expected), card.card_title
