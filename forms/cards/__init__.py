"""Guide cards (办事须知卡): plain data in, PDF bytes out. No Qt, no database.

Importing this package is cheap: reportlab is imported, and fonts registered, on the
first call to render_cards.
"""
from __future__ import annotations

from forms.cards.model import (LAYOUT_NAMES, Cancelled, CardData, CardTemplate, RenderResult,
                               TemplateError)

__all__ = ["LAYOUT_NAMES", "Cancelled", "CardData", "CardTemplate", "RenderResult", "TemplateError",
           "render_cards"]


def render_cards(cards, template, layout, fonts=None, copies=1, progress=None) -> RenderResult:
    """Render `cards` with `template` in layout 'a6', 'a4x4' or 'placard'; `copies` cards
    of each guide; `progress(done, total)` may return False to stop (Cancelled).

    See forms.cards.render.render_cards; this wrapper keeps reportlab off import time.
    """
    from forms.cards.render import render_cards as render

    return render(cards, template, layout, fonts, copies, progress)
