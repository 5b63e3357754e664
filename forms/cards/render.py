"""render_cards: guide cards from plain data to PDF bytes."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from typing import Callable

from db.guides import normalise
from forms.cards.compose import Composer
from forms.cards.frame import CardPlan
from forms.cards.draw import draw_card, draw_crop_marks
from forms.cards.elements import element_paragraphs
from forms.cards.layouts import Layout, get_layout
from forms.cards.model import Cancelled, CardData, CardTemplate, RenderResult
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
        guide_plans, guide_warnings = _plan_one(composer, card, template)
        plans.append(guide_plans)
        warnings.extend(guide_warnings)
    return plans, warnings


def _plan_one(composer: Composer, card: CardData, template: CardTemplate) -> tuple[list[CardPlan], list[PrintWarning]]:
    guide = normalise(card.guide)
    elements, warnings = [], []
    for key, heading in template.elements:
        paras = element_paragraphs(key, guide)
        if paras:
            elements.append((heading, paras))
        else:
            warnings.append(_blank_element_warning(card.card_title, heading))
    return composer.compose(card.card_title, card.section, card.stamp, card.url, elements), warnings


Progress = Callable[[int, int], object]    # (done, total); returning False cancels


@dataclass
class PlannedSheets:
    """Every page of a print job, laid out but not drawn: each page is the cards on it with
    the bottom-left corner of their slot. forms.cards draws them with reportlab; the
    desktop's printer path draws the very same plans with Qt."""
    layout: Layout
    pages: list[list[tuple[CardPlan, tuple[float, float]]]]
    warnings: list[PrintWarning]
    continued: list[str]                # titles that needed a 续 card


def plan_sheets(cards: list[CardData], template: CardTemplate, layout: str, fonts: FontSet,
                copies: int = 1, progress: Progress | None = None) -> PlannedSheets:
    """Plan the cards of every guide, `copies` of each (a guide's 续 cards stay with it),
    onto the pages of `layout`. `progress` is told after each guide."""
    page_layout = get_layout(layout)
    composer = Composer(page_layout.style, width_table(fonts.body), width_table(fonts.heading))
    plans, warnings = [], []
    for done, card in enumerate(cards, start=1):
        guide_plans, guide_warnings = _plan_one(composer, card, template)
        plans.append(guide_plans)
        warnings.extend(guide_warnings)
        _tell(progress, done, len(cards))
    sequence = [plan for guide in plans for _ in range(max(1, copies)) for plan in guide]
    per_page = len(page_layout.slots)
    pages = [list(zip(sequence[start:start + per_page], page_layout.slots))
             for start in range(0, len(sequence), per_page)]
    warnings = list(fonts.warnings) + _missing_glyph_warnings(fonts, plans) + warnings
    continued = [card.card_title for card, guide in zip(cards, plans) if len(guide) > 1]
    return PlannedSheets(page_layout, pages, warnings, continued)


def _tell(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise Cancelled()


def render_cards(cards: list[CardData], template: CardTemplate, layout: str,
                 fonts: FontSet | None = None, copies: int = 1,
                 progress: Progress | None = None) -> RenderResult:
    """PDF bytes of the cards. `progress(done, total)` is told after each guide is laid out
    and after each page is drawn (total: guides + pages); when it returns False the
    rendering stops with Cancelled."""
    fonts = fonts or FontSet.discover()
    planned = plan_sheets(cards, template, layout, fonts, copies,
                          None if progress is None else lambda done, _total: progress(done, len(cards) + 1))
    buffer = BytesIO()
    canvas = new_canvas(buffer, planned.layout, fonts)
    total = len(cards) + len(planned.pages)
    for number, page in enumerate(planned.pages, start=1):
        draw_page(canvas, page, planned.layout, fonts)
        _tell(progress, len(cards) + number, total)
    save_canvas(canvas)
    return RenderResult(buffer.getvalue(), len(planned.pages), planned.warnings, planned.continued)


def draw_page(canvas, page: list[tuple[CardPlan, tuple[float, float]]], layout: Layout, fonts: FontSet) -> None:
    if layout.crop_marks:
        draw_crop_marks(canvas, layout)
    for plan, origin in page:
        draw_card(canvas, plan, origin, fonts)
    canvas.showPage()


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
