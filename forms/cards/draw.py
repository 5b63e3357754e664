"""Drawing planned cards onto a reportlab canvas with the canvas text API directly."""
from __future__ import annotations

from forms.cards.frame import CardPlan
from forms.cards.layouts import CROP_CROSS_ARM, CROP_EDGE_GAP, CROP_LENGTH, Layout
from forms.cards.qr import qr_path
from forms.fonts import FontSet

ACCENT = (0.72, 0.08, 0.08)     # the red of official notices; prints as dark grey in B/W
RULE_GREY = 0.55
CROP_MARK_WIDTH = 0.3


def draw_card(canvas, plan: CardPlan, origin: tuple[float, float], fonts: FontSet) -> None:
    canvas.saveState()
    canvas.translate(*origin)
    _draw_rules(canvas, plan)
    _draw_markers(canvas, plan)
    _draw_text(canvas, plan, fonts)
    _draw_qr(canvas, plan.qr)
    canvas.restoreState()


def _draw_rules(canvas, plan: CardPlan) -> None:
    for x1, y1, x2, y2, accent in plan.rules:
        if accent:
            canvas.setStrokeColorRGB(*ACCENT)
            canvas.setLineWidth(1.0)
        else:
            canvas.setStrokeGray(RULE_GREY)
            canvas.setLineWidth(0.4)
        canvas.line(x1, y1, x2, y2)


def _draw_markers(canvas, plan: CardPlan) -> None:
    canvas.setFillColorRGB(*ACCENT)
    for x, y, side in plan.markers:
        canvas.rect(x, y, side, side, stroke=0, fill=1)


def _draw_text(canvas, plan: CardPlan, fonts: FontSet) -> None:
    """One text object per card, in reading order, so copied text reads right."""
    canvas.setFillGray(0)
    canvas.setStrokeGray(0)
    # Without a separate bold face, headings are filled and stroked (text render mode 2).
    canvas.setLineWidth(0.28)
    text = canvas.beginText()
    current = None
    for run in plan.runs:
        key = (run.role, run.size)
        if key != current:
            text.setFont(fonts.heading if run.role == "heading" else fonts.body, run.size)
            if fonts.fake_bold_headings:
                text.setTextRenderMode(2 if run.role == "heading" else 0)
            current = key
        text.setTextOrigin(run.x, run.y)
        text.textOut(run.text)
    canvas.drawText(text)


def _draw_qr(canvas, qr: tuple[str, float, float, float]) -> None:
    url, x, y, side = qr
    if not url:
        return
    ops, modules = qr_path(url)
    module = side / modules
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.transform(module, 0, 0, module, x, y)
    canvas.addLiteral(ops)        # one path of module-unit rectangles, built once per URL
    canvas.restoreState()


def draw_crop_marks(canvas, layout: Layout) -> None:
    """Short strokes on both cut lines near the sheet edges, and a cross where they meet."""
    width, height = layout.page
    cut_x, cut_y = layout.cut_lines
    near, far = CROP_EDGE_GAP, CROP_EDGE_GAP + CROP_LENGTH
    canvas.saveState()
    canvas.setStrokeGray(0)
    canvas.setLineWidth(CROP_MARK_WIDTH)
    canvas.lines([
        (cut_x, near, cut_x, far), (cut_x, height - far, cut_x, height - near),
        (near, cut_y, far, cut_y), (width - far, cut_y, width - near, cut_y),
        (cut_x - CROP_CROSS_ARM, cut_y, cut_x + CROP_CROSS_ARM, cut_y),
        (cut_x, cut_y - CROP_CROSS_ARM, cut_x, cut_y + CROP_CROSS_ARM),
    ])
    canvas.restoreState()
