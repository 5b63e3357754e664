"""Drawing planned cards onto a reportlab canvas with the canvas text API directly."""
from __future__ import annotations

import hashlib

from reportlab.pdfbase import pdfmetrics

from forms.cards.frame import CardPlan
from forms.cards.layouts import CROP_CROSS_ARM, CROP_EDGE_GAP, CROP_LENGTH, Layout
from forms.cards.qr import qr_path
from forms.fonts import FontSet

ACCENT = (0.72, 0.08, 0.08)     # the red of official notices; prints as dark grey in B/W
RULE_GREY = 0.55
_ACCENT_STROKE = " ".join(f"{c:g}" for c in ACCENT) + " RG"
_ACCENT_FILL = " ".join(f"{c:g}" for c in ACCENT) + " rg"
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
    ops = []
    for x1, y1, x2, y2, accent in plan.rules:
        colour, width = (_ACCENT_STROKE, 1.0) if accent else (f"{RULE_GREY} G", 0.4)
        ops.append(f"{colour} {width} w {x1:.2f} {y1:.2f} m {x2:.2f} {y2:.2f} l S")
    if ops:
        canvas.addLiteral("\n".join(ops))


def _draw_markers(canvas, plan: CardPlan) -> None:
    """The heading squares, as one filled path."""
    if not plan.markers:
        return
    ops = [f"{x:.2f} {y:.2f} {side:.2f} {side:.2f} re" for x, y, side in plan.markers]
    canvas.addLiteral(f"{_ACCENT_FILL}\n" + "\n".join(ops) + "\nf")


def _draw_text(canvas, plan: CardPlan, fonts: FontSet) -> None:
    """One text object per card, in reading order, so copied text reads right.

    With embedded TrueType fonts the operators are written here: the font's own
    splitString still assigns every character to its subset (so the subsets embed
    exactly what is used), but each line is placed with one Tm and written with one Tj,
    without reportlab's general text object (cursor tracking, string widths, shaping
    checks), which costs more than the rest of a card together. The unembedded CID
    fallback goes through reportlab's text object."""
    canvas.setFillGray(0)
    canvas.setStrokeGray(0)
    # Without a separate bold face, headings are filled and stroked (text render mode 2).
    canvas.setLineWidth(0.28)
    faces = {"body": pdfmetrics.getFont(fonts.body), "heading": pdfmetrics.getFont(fonts.heading)}
    if not all(face._dynamicFont for face in faces.values()):
        _draw_text_object(canvas, plan, fonts)
        return
    doc = canvas._doc
    ops = ["BT"]
    add = ops.append
    current, mode = None, 0
    for role, size, x, y, line in plan.runs:
        face = faces[role]
        wanted = 2 if role == "heading" and fonts.fake_bold_headings else 0
        if wanted != mode:
            add(f"{wanted} Tr")
            mode = wanted
        add(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        for subset, codes in face.splitString(line, doc):
            if (face, subset, size) != current:
                add(f"{face.getSubsetInternalName(subset, doc)} {size:g} Tf")
                current = (face, subset, size)
            add(f"({codes.decode('latin-1').translate(_PDF_ESCAPES)}) Tj")
    if mode:
        add("0 Tr")
    add("ET")
    canvas.addLiteral(" ".join(ops))


# Literal-string escapes of PDF: backslash, parentheses, and bytes outside printable ASCII.
_PDF_ESCAPES = {c: f"\\{c:03o}" for c in (*range(32), *range(127, 256))} | {
    ord("\\"): "\\\\", ord("("): "\\(", ord(")"): "\\)"}


def _draw_text_object(canvas, plan: CardPlan, fonts: FontSet) -> None:
    """reportlab's text object; a line directly below the previous one, in the same
    font, is reached with T* (next line) instead of a new text matrix."""
    text = canvas.beginText()
    runs = plan.runs
    current, leading, cursor = None, 0.0, None
    for index, run in enumerate(runs):
        role, size, x, y, line = run
        if (role, size) != current:
            text.setFont(fonts.heading if role == "heading" else fonts.body, size)
            if fonts.fake_bold_headings:
                text.setTextRenderMode(2 if role == "heading" else 0)
            current, leading = (role, size), 0.0
        if cursor != (x, y):
            text.setTextOrigin(x, y)
        following = runs[index + 1] if index + 1 < len(runs) else None
        if following and following[:3] == (role, size, x) and following.y < y:
            step = y - following.y
            if abs(step - leading) > 1e-6:
                text.setLeading(step)
                leading = step
            text.textLine(line)
            cursor = (x, following.y)
        else:
            text.textOut(line)
            cursor = None
    canvas.drawText(text)


def _draw_qr(canvas, qr: tuple[str, float, float, float]) -> None:
    """Each URL's code is one form XObject, so a guide's 续 cards reuse its bytes."""
    url, x, y, side = qr
    if not url:
        return
    ops, modules = qr_path(url)
    name = "QR" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:20]
    if not canvas.hasForm(name):
        canvas.beginForm(name, 0, 0, modules, modules)
        canvas.setFillGray(0)
        canvas.addLiteral(ops)        # one path of module-unit rectangles
        canvas.endForm()
    module = side / modules
    canvas.saveState()
    canvas.transform(module, 0, 0, module, x, y)
    canvas.doForm(name)
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
