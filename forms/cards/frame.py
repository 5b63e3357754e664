"""The fixed parts of a card: header note, title, rules, footer notes and the QR box.

A card plan lists every string with its font role, size and baseline, in reading
order (header, title, body, footer), so text copied from the PDF reads correctly.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from forms.cards.layouts import CardStyle
from forms.cards.qr import QUIET_ZONE, qr_path
from forms.cards.textfit import WidthTable, measure, wrap_measured

HEADER_LABEL = "办事须知卡"
QR_HINT = "扫码查看网上办事指南"
TITLE_LEADING = 1.3


class TextRun(NamedTuple):
    role: str           # "body" or "heading" (the heading face, bold)
    size: float
    x: float
    y: float            # baseline, from the card's bottom edge
    text: str


@dataclass
class CardPlan:
    runs: list[TextRun] = field(default_factory=list)
    markers: list[tuple[float, float, float]] = field(default_factory=list)  # x, y, side
    rules: list[tuple[float, float, float, float, bool]] = field(default_factory=list)  # accent?
    qr: tuple[str, float, float, float] = ("", 0.0, 0.0, 0.0)    # url, x, y, side


@dataclass
class CardFrame:
    """Where the header, title, body and footer of one card go."""

    style: CardStyle
    title_size: float
    title_lines: list[str]
    title_top: float
    title_bottom: float
    body_top: float
    body_bottom: float
    qr: tuple[str, float, float, float]

    @property
    def body_height(self) -> float:
        return self.body_top - self.body_bottom

    @classmethod
    def build(cls, style: CardStyle, heading: WidthTable, title: str, url: str,
              title_lines: int = 2) -> "CardFrame":
        size, lines = fit_title(heading, title, style.width - 2 * style.margin,
                                style.title_sizes, title_lines)
        title_top = style.height - style.margin - style.small * 1.7
        title_bottom = title_top - len(lines) * size * TITLE_LEADING - size * 0.3
        # The QR code's dark modules line up with the margins; its quiet zone overlaps them.
        module = style.qr_side / qr_path(url)[1]
        quiet = QUIET_ZONE * module
        qr = (url, style.width - style.margin - style.qr_side + quiet, style.margin - quiet,
              style.qr_side)
        footer_top = style.margin + style.qr_side - 2 * quiet
        return cls(style, size, lines, title_top, title_bottom,
                   title_bottom - style.small * 1.4, footer_top + style.small * 1.4, qr)

    def header(self, body: WidthTable, heading: WidthTable, section: str) -> CardPlan:
        style = self.style
        plan = CardPlan(qr=self.qr)
        left, right = style.margin, style.width - style.margin
        note_y = style.height - style.margin - style.small
        label_width = body.text_width(HEADER_LABEL) * style.small / 1000.0
        room = right - left - label_width - style.small * 2
        # A section name too long for the line is set smaller rather than cut off.
        size = min(style.small, room * 1000.0 / max(body.text_width(section), 1.0))
        plan.runs.append(TextRun("body", size, left, note_y, section))
        plan.runs.append(TextRun("body", style.small, right - label_width, note_y, HEADER_LABEL))
        y = self.title_top - self.title_size * 1.05
        for line in self.title_lines:
            width = heading.text_width(line) * self.title_size / 1000.0
            x = (left + right - width) / 2
            plan.runs.append(TextRun("heading", self.title_size, x, y, line))
            y -= self.title_size * TITLE_LEADING
        plan.rules.append((left, self.title_bottom, right, self.title_bottom, True))
        return plan

    def footer(self, plan: CardPlan, stamp: str, number: int, count: int) -> None:
        style = self.style
        left, right = style.margin, style.width - style.margin
        rule_y = self.body_bottom - style.small * 0.7
        plan.rules.append((left, rule_y, right, rule_y, False))
        notes = [stamp, QR_HINT] + ([f"第{number}张 / 共{count}张"] if count > 1 else [])
        y = rule_y - style.small * 1.9
        for note in notes:
            plan.runs.append(TextRun("body", style.small, left, y, note))
            y -= style.small * 1.6


def fit_title(widths: WidthTable, title: str, width: float, sizes: tuple[float, ...],
              max_lines: int = 2) -> tuple[float, list[str]]:
    """The largest title size that keeps the title to `max_lines` lines, else to two
    lines, else the smallest size with as many lines as it takes."""
    para = measure(title, widths)
    for limit in dict.fromkeys((max_lines, 2)):
        for size in sizes:
            lines = wrap_measured(para, width * 1000.0 / size)
            if len(lines) <= limit:
                return size, lines
    return sizes[-1], lines
