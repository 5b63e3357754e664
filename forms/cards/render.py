"""render_cards: guide cards from plain data to PDF bytes."""
from __future__ import annotations

from contextlib import contextmanager
from io import BytesIO

from db.guides import normalise
from forms.cards.compose import Composer
from forms.cards.frame import CardPlan
from forms.cards.draw import draw_card, draw_crop_marks
from forms.cards.elements import element_paragraphs
from forms.cards.layouts import Layout, get_layout
from forms.cards.model import CardData, CardTemplate, RenderResult
from forms.cards.textfit import WidthTable
from forms.fonts import FontSet, PrintWarning

_width_tables: dict[str, WidthTable] = {}


def width_table(font_name: str) -> WidthTable:
    """Per-process width cache for a registered font."""
    table = _width_tables.get(font_name)
    if table is None:
        table = _width_tables[font_name] = WidthTable(font_name)
    return table


def plan_cards(cards: list[CardData], template: CardTemplate, layout: Layout,
               fonts: FontSet) -> tuple[list[list[CardPlan]], list[PrintWarning]]:
    """Every card of every guide, laid out but not drawn; plus content warnings."""
    composer = Composer(layout.style, width_table(fonts.body), width_table(fonts.heading))
    plans, warnings = [], []
    for card in cards:
        guide = normalise(card.guide)
        elements = []
        for key, heading in template.elements:
            paras = element_paragraphs(key, guide)
            if paras:
                elements.append((heading, paras))
            else:
                warnings.append(_blank_element_warning(card.card_title, heading))
        plans.append(composer.compose(card.card_title, card.section, card.stamp, card.url,
                                      elements))
    return plans, warnings


def render_cards(cards: list[CardData], template: CardTemplate, layout: str,
                 fonts: FontSet | None = None) -> RenderResult:
    page_layout = get_layout(layout)
    fonts = fonts or FontSet.discover()
    plans, warnings = plan_cards(cards, template, page_layout, fonts)
    buffer = BytesIO()
    canvas = new_canvas(buffer, page_layout, fonts)
    pages = _draw_pages(canvas, [p for guide in plans for p in guide], page_layout, fonts)
    save_canvas(canvas)
    warnings = list(fonts.warnings) + _missing_glyph_warnings(fonts, plans) + warnings
    continued = [card.card_title for card, guide in zip(cards, plans) if len(guide) > 1]
    return RenderResult(buffer.getvalue(), pages, warnings, continued)


def new_canvas(buffer: BytesIO, layout: Layout, fonts: FontSet):
    from reportlab.pdfgen.canvas import Canvas

    # The initial font is the body font, so no unembedded Helvetica gets referenced.
    canvas = Canvas(buffer, pagesize=layout.page, invariant=True,
                    initialFontName=fonts.body, initialFontSize=layout.style.small)
    canvas.setTitle("办事须知卡")
    return canvas


def save_canvas(canvas) -> None:
    with _binary_streams():
        canvas.save()


@contextmanager
def _binary_streams():
    """Streams zlib-compressed without reportlab's default ASCII85 layer: the PDF is a
    fifth smaller, and the pure-Python ASCII85 encoder is the slowest step of saving.
    The setting is read while saving, so it is switched only around save()."""
    from reportlab import rl_config

    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _draw_pages(canvas, plans: list[CardPlan], layout: Layout, fonts: FontSet) -> int:
    per_page = len(layout.slots)
    pages = 0
    for start in range(0, len(plans), per_page):
        if layout.crop_marks:
            draw_crop_marks(canvas, layout)
        for plan, origin in zip(plans[start:start + per_page], layout.slots):
            draw_card(canvas, plan, origin, fonts)
        canvas.showPage()
        pages += 1
    return pages


def _missing_glyph_warnings(fonts: FontSet, plans: list[list[CardPlan]]) -> list[PrintWarning]:
    chars: set[str] = set()
    for guide in plans:
        for plan in guide:
            for run in plan.runs:
                chars.update(run.text)
    missing = "".join(fonts.missing_characters(chars))
    if not missing:
        return []
    return [PrintWarning(f"字体缺少以下字符，打印时可能显示为方框：{missing}",
                         f"The font has no glyphs for these characters, which may print as "
                         f"boxes: {missing}")]


def _blank_element_warning(title: str, heading: str) -> PrintWarning:
    return PrintWarning(f"《{title}》的“{heading}”为空，卡片上未印该项",
                        f"{title}: '{heading}' is blank and was left off the card")
