"""Printing planned cards on a QPrinter as vectors: the same plans reportlab draws.

forms.cards lays every card out (forms.cards.render.plan_sheets): each string with its
font, size and baseline, the rules, heading squares, crop marks and the QR code. The
preview shows reportlab's PDF of those plans; the printer gets the very same plans drawn
with QPainter, so the printed page matches the card (size, places, line breaks) and
stays sharp text rather than a picture of the preview. Text keeps the width reportlab
measured: a run Qt would set wider (another font in the fallback case) is narrowed to it.

Painting onto a QPrinter from a worker thread is allowed (QPainter on QPrinter, QImage
and QPicture); nothing here touches a widget.
"""
from __future__ import annotations

from PyQt6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PyQt6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPainterPath, QPen

from forms.cards.draw import ACCENT, CROP_MARK_WIDTH, RULE_GREY
from forms.cards.frame import CardPlan
from forms.cards.layouts import CROP_CROSS_ARM, CROP_EDGE_GAP, CROP_LENGTH, Layout
from forms.cards.model import Cancelled
from forms.cards.qr import QUIET_ZONE, qr_matrix
from forms.cards.render import PlannedSheets, Progress, width_table
from forms.fonts import FontSet

FAKE_BOLD_STROKE = 0.28       # points: the line width forms.cards.draw strokes headings with
UNIT = 100.0                  # painter units per point: font pixel sizes are whole numbers
PAGE_SIZES = {"a6": QPageSize.PageSizeId.A6, "a4x4": QPageSize.PageSizeId.A4, "placard": QPageSize.PageSizeId.A4}
_families: dict[str, str] = {}


def prepare_printer(printer, layout: str) -> None:
    """Paper of the layout, portrait, and coordinates from the paper's corner: a card
    prints at its real size wherever the printer's unprintable edge is (the cards keep
    7 mm clear of every edge)."""
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(QPageSize(PAGE_SIZES[layout]), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))


def qt_family(font_name: str) -> str:
    """The Qt family of a font reportlab registered (its file added to Qt once); "" for the
    unembedded CID fallback, which Qt replaces by a system Chinese font."""
    if font_name not in _families:
        from reportlab.pdfbase import pdfmetrics
        face = getattr(pdfmetrics.getFont(font_name), "face", None)
        family = ""
        if face is not None and getattr(face, "filename", None):
            QFontDatabase.addApplicationFont(face.filename)
            family = face.familyName.decode("utf-8", "replace") if isinstance(face.familyName, bytes) else str(face.familyName)
        _families[font_name] = family
    return _families[font_name]


class CardPainter:
    """Paints planned pages with one font set."""

    def __init__(self, fonts: FontSet):
        self.fonts = fonts
        self.widths = {"body": width_table(fonts.body), "heading": width_table(fonts.heading)}
        self.families = {"body": qt_family(fonts.body), "heading": qt_family(fonts.heading)}
        self._fonts: dict[tuple[str, float], tuple[QFont, QFontMetricsF]] = {}

    def print_sheets(self, printer, sheets: PlannedSheets, progress: Progress | None = None) -> int:
        """Every page onto `printer` (prepared for the layout); returns the pages printed.
        `progress(done, total)` returning False aborts the job (Cancelled)."""
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be opened")
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            scale = printer.resolution() / 72.0 / UNIT
            painter.scale(scale, scale)
            total = len(sheets.pages)
            for number, page in enumerate(sheets.pages, start=1):
                if number > 1:
                    printer.newPage()
                self.paint_page(painter, page, sheets.layout)
                if progress is not None and progress(number, total) is False:
                    printer.abort()
                    raise Cancelled()
        finally:
            painter.end()
        return len(sheets.pages)

    def paint_page(self, painter: QPainter, page, layout: Layout) -> None:
        height = layout.page[1]
        if layout.crop_marks:
            _crop_marks(painter, layout)
        for plan, (left, bottom) in page:
            painter.save()
            # PDF space (points, y up, from the card's bottom-left) -> painter units, y down.
            painter.translate(left * UNIT, (height - bottom) * UNIT)
            self.paint_card(painter, plan)
            painter.restore()

    def paint_card(self, painter: QPainter, plan: CardPlan) -> None:
        for x1, y1, x2, y2, accent in plan.rules:
            pen = QPen(QColor.fromRgbF(*ACCENT) if accent else QColor.fromRgbF(RULE_GREY, RULE_GREY, RULE_GREY))
            pen.setWidthF((1.0 if accent else 0.4) * UNIT)
            painter.setPen(pen)
            painter.drawLine(QPointF(x1 * UNIT, -y1 * UNIT), QPointF(x2 * UNIT, -y2 * UNIT))
        painter.setPen(Qt.PenStyle.NoPen)
        for x, y, side in plan.markers:
            painter.fillRect(QRectF(x * UNIT, -(y + side) * UNIT, side * UNIT, side * UNIT), QColor.fromRgbF(*ACCENT))
        painter.setPen(QColor(0, 0, 0))
        for run in plan.runs:
            self._text(painter, run)
        _qr(painter, plan.qr)

    def _text(self, painter: QPainter, run) -> None:
        role, size, x, y, text = run
        font, metrics = self._font(role, size)
        planned = self.widths[role].text_width(text) * size / 1000.0 * UNIT
        actual = metrics.horizontalAdvance(text)
        painter.save()
        painter.translate(QPointF(x * UNIT, -y * UNIT))
        if actual > planned * 1.002 and actual > 0:
            painter.scale(planned / actual, 1.0)     # Qt would set it wider: narrow it to fit
        painter.setFont(font)
        painter.drawText(QPointF(0, 0), text)
        if role == "heading" and self.fonts.fake_bold_headings:
            # Bold without a bold face, as reportlab does it: the outline stroked too. Qt's
            # own synthetic bold would print the text twice (and copy it twice).
            outline = QPainterPath()
            outline.addText(QPointF(0, 0), font, text)
            pen = QPen(QColor(0, 0, 0))
            pen.setWidthF(FAKE_BOLD_STROKE * UNIT)
            painter.strokePath(outline, pen)
        painter.restore()

    def _font(self, role: str, size: float) -> tuple[QFont, QFontMetricsF]:
        key = (role, size)
        if key not in self._fonts:
            font = QFont(self.families[role]) if self.families[role] else QFont()
            if not self.families[role]:
                font.setStyleHint(QFont.StyleHint.Serif)
            font.setPixelSize(max(1, round(size * UNIT)))
            font.setKerning(False)             # reportlab sets no kerning either
            self._fonts[key] = (font, QFontMetricsF(font))
        return self._fonts[key]


def _crop_marks(painter: QPainter, layout: Layout) -> None:
    width, height = layout.page
    cut_x, cut_y = layout.cut_lines
    near, far = CROP_EDGE_GAP, CROP_EDGE_GAP + CROP_LENGTH
    pen = QPen(QColor(0, 0, 0))
    pen.setWidthF(CROP_MARK_WIDTH * UNIT)
    painter.setPen(pen)
    for x1, y1, x2, y2 in ((cut_x, near, cut_x, far), (cut_x, height - far, cut_x, height - near),
                           (near, cut_y, far, cut_y), (width - far, cut_y, width - near, cut_y),
                           (cut_x - CROP_CROSS_ARM, cut_y, cut_x + CROP_CROSS_ARM, cut_y),
                           (cut_x, cut_y - CROP_CROSS_ARM, cut_x, cut_y + CROP_CROSS_ARM)):
        painter.drawLine(QPointF(x1 * UNIT, (height - y1) * UNIT), QPointF(x2 * UNIT, (height - y2) * UNIT))


def _qr(painter: QPainter, qr: tuple[str, float, float, float]) -> None:
    """The code's dark modules as one filled path, row runs as rectangles."""
    url, x, y, side = qr
    if not url:
        return
    rows = qr_matrix(url)
    size = len(rows)
    module = side / (size + 2 * QUIET_ZONE) * UNIT
    left, top = x * UNIT + QUIET_ZONE * module, -(y + side) * UNIT + QUIET_ZONE * module
    path = QPainterPath()
    for number, row in enumerate(rows):
        bits = format(row, f"0{size}b")
        start = None
        for column, bit in enumerate(bits + "0"):
            if bit == "1" and start is None:
                start = column
            elif bit == "0" and start is not None:
                path.addRect(QRectF(left + start * module, top + number * module,
                                    (column - start) * module, module))
                start = None
    painter.fillPath(path, QColor(0, 0, 0))
