"""Toolbar glyphs drawn with QPainter, so the editor needs no icon files or icon theme."""
from __future__ import annotations

from functools import cache

from PyQt6.QtCore import QLineF, QRectF, Qt
from PyQt6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap

SIZE = 32
INK = QColor("#303030")
LINES = {   # (indent, length) of each text line, in 32-pixel units
    "align_left": [(4, 24), (4, 16), (4, 24), (4, 12)],
    "align_center": [(4, 24), (8, 16), (4, 24), (10, 12)],
    "align_right": [(4, 24), (12, 16), (4, 24), (16, 12)],
    "align_justify": [(4, 24), (4, 24), (4, 24), (4, 24)],
    "list_bullet": [(12, 16), (12, 16), (12, 16)],
    "list_number": [(12, 16), (12, 16), (12, 16)],
}


@cache
def glyph(name: str) -> QIcon:
    """The icon called `name`: bold, italic, underline, align_*, list_bullet, list_number."""
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if name in ("bold", "italic", "underline"):
        _letter(painter, name)
    else:
        _lines(painter, name)
    painter.end()
    return QIcon(pixmap)


def _letter(painter: QPainter, name: str) -> None:
    font = QFont("Serif" if name == "italic" else "Sans Serif")
    font.setPixelSize(22)
    font.setBold(name == "bold")
    font.setItalic(name == "italic")
    font.setUnderline(name == "underline")
    painter.setFont(font)
    painter.setPen(INK)
    letter = {"bold": "B", "italic": "I", "underline": "U"}[name]
    painter.drawText(QRectF(0, 0, SIZE, SIZE), Qt.AlignmentFlag.AlignCenter, letter)


def _lines(painter: QPainter, name: str) -> None:
    rows = LINES[name]
    pen = QPen(INK, 2.5)
    painter.setPen(pen)
    top = 7 if len(rows) == 4 else 8
    step = 6 if len(rows) == 4 else 8
    for row, (indent, length) in enumerate(rows):
        y = top + row * step
        painter.drawLine(QLineF(indent, y, indent + length, y))
        if name == "list_bullet":
            painter.setBrush(INK)
            painter.drawEllipse(QRectF(4, y - 2, 4, 4))
        elif name == "list_number":
            font = QFont("Sans Serif")
            font.setPixelSize(8)
            painter.setFont(font)
            painter.drawText(QRectF(2, y - 5, 8, 10), Qt.AlignmentFlag.AlignCenter, str(row + 1))
