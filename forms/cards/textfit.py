"""Line breaking for Chinese text with simple 避头尾 (kinsoku) rules.

Chinese breaks between any two characters; runs of printable ASCII (numbers, URLs,
Latin words) stay together unless longer than a line. Closing punctuation never
starts a line: it is glued to the unit before it. Opening brackets never end a line:
they are glued to the unit after them.

Widths are kept in 1/1000 em, so a paragraph is split into units once and wrapped
at any font size by scaling the line width instead of re-measuring.
"""
from __future__ import annotations

import re

CLOSING = frozenset("，。、；：！？）》」』”’〕】〉…—·%,.;:!?)]}")
OPENING = frozenset("（《「『“‘〔【〈([{")
_TOKEN = re.compile(r"[\x21-\x7e]+|\s|.", re.S)

Unit = tuple[str, float, bool]      # (text, width in 1/1000 em, is a space)


class WidthTable(dict):
    """Character -> advance width in 1/1000 em for one font, measured on first use."""

    def __init__(self, font_name: str):
        super().__init__()
        from reportlab.pdfbase import pdfmetrics

        self._measure = pdfmetrics.getFont(font_name).stringWidth

    def __missing__(self, char: str) -> float:
        width = self[char] = self._measure(char, 1000)
        return width

    def text_width(self, text: str) -> float:
        return sum(self[c] for c in text)


def split_units(text: str, widths: WidthTable) -> list[Unit]:
    """The unbreakable pieces of a paragraph, with their widths."""
    units: list[Unit] = []
    opening = ""
    for token in _TOKEN.findall(text):
        if token.isspace():
            units.append((" ", widths[" "], True))
        elif token in CLOSING and units and not units[-1][2]:
            last_text, last_width, _ = units[-1]
            units[-1] = (last_text + token, last_width + widths[token], False)
        elif token in OPENING:
            opening += token
        else:
            piece = opening + token
            units.append((piece, widths.text_width(piece), False))
            opening = ""
    if opening:
        units.append((opening, widths.text_width(opening), False))
    return units


def wrap_units(units: list[Unit], max_width: float, widths: WidthTable) -> list[str]:
    """Greedy line filling; `max_width` in 1/1000 em (line width / font size * 1000)."""
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for text, width, is_space in units:
        if is_space and not line:
            continue
        if used + width > max_width and line:
            lines.append("".join(line).rstrip())
            line, used = [], 0.0
            if is_space:
                continue
        if width > max_width:
            # Longer than a whole line (a long URL or number): break inside it.
            head, used = _split_long(text, max_width, widths, lines)
            line = [head]
            continue
        line.append(text)
        used += width
    if line:
        lines.append("".join(line).rstrip())
    return lines


def _split_long(text: str, max_width: float, widths: WidthTable,
                lines: list[str]) -> tuple[str, float]:
    """Emit full lines of `text` into `lines`; return the remainder and its width."""
    start, used = 0, 0.0
    for index, char in enumerate(text):
        width = widths[char]
        if used + width > max_width and index > start:
            lines.append(text[start:index])
            start, used = index, 0.0
        used += width
    return text[start:], used


def wrap(text: str, line_width: float, size: float, widths: WidthTable) -> list[str]:
    """Convenience: wrap one paragraph to `line_width` points at `size` points."""
    return wrap_units(split_units(text, widths), line_width * 1000.0 / size, widths)
