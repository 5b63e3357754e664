"""Fitting one guide onto cards: wrap, shrink to a readable minimum, continue on 续 cards.

The rule: use as few cards as the smallest allowed body size needs, and within that
card count the largest body size that fits. A guide that fits one card at the largest
size is wrapped once; only long guides try further sizes.

The result is a list of CardPlan values: every string with its font role, size and
position on the card, plus the marks and the QR box. Drawing them is draw.py's job,
so the benchmark can time "just the text" on exactly the same lines.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from forms.cards.elements import Para
from forms.cards.frame import CardFrame, CardPlan, TextRun
from forms.cards.layouts import CardStyle
from forms.cards.textfit import Unit, WidthTable, split_units, wrap_units

CONTINUED = "（续）"


@dataclass(frozen=True)
class _Row:
    element: int
    heading: bool
    height: float
    x: float
    text: str
    label: str = ""
    keep: bool = False      # keep on the same card as the next row


def _keeps(count: int, listed: bool) -> list[bool]:
    """Which lines of a paragraph stay with the next: short list items stay whole;
    other paragraphs leave no single line alone at the foot or head of a card."""
    if listed and count <= 4:
        return [k < count - 1 for k in range(count)]
    return [count > 1 and k in (0, count - 2) for k in range(count)]


@dataclass
class Composer:
    """Lays out guides for one card style with one font set's width tables."""

    style: CardStyle
    body: WidthTable
    heading: WidthTable
    _units: dict[str, list[Unit]] = field(default_factory=dict)

    def units(self, text: str) -> list[Unit]:
        units = self._units.get(text)
        if units is None:
            units = self._units[text] = split_units(text, self.body)
        return units

    def compose(self, title: str, section: str, stamp: str, url: str,
                elements: list[tuple[str, list[Para]]]) -> list[CardPlan]:
        frames = [CardFrame.build(self.style, self.heading, title, url),
                  CardFrame.build(self.style, self.heading, title + CONTINUED, url)]
        pages = self._fit(elements, frames)
        plans = []
        for number, page in enumerate(pages, start=1):
            frame = frames[0 if number == 1 else 1]
            plan = frame.header(self.body, self.heading, section)
            self._place_rows(plan, page, frame)
            frame.footer(plan, stamp, number, len(pages))
            plans.append(plan)
        return plans

    # -- fitting -----------------------------------------------------------------

    def _fit(self, elements, frames) -> list[list[tuple[_Row, float]]]:
        sizes = self.style.body_sizes
        first = self._paginate(self._rows(elements, sizes[0]), elements, sizes[0], frames)
        if len(first) == 1 or len(sizes) == 1:
            return first
        smallest = self._paginate(self._rows(elements, sizes[-1]), elements, sizes[-1], frames)
        for size in sizes[1:-1]:
            pages = self._paginate(self._rows(elements, size), elements, size, frames)
            if len(pages) <= len(smallest):
                return pages
        return smallest

    def _rows(self, elements: list[tuple[str, list[Para]]], size: float) -> list[_Row]:
        rows: list[_Row] = []
        width = self.style.width - 2 * self.style.margin
        line = size * self.style.leading
        for index, (heading, paras) in enumerate(elements):
            rows.append(_Row(index, True, _heading_height(size), 0.0, heading, keep=True))
            label_width = self._label_width(paras, size)
            wrap_width = (width - label_width) * 1000.0 / size
            for para in paras:
                lines = wrap_units(self.units(para.text), wrap_width, self.body) or [""]
                keeps = _keeps(len(lines), bool(para.label))
                for number, (text, keep) in enumerate(zip(lines, keeps)):
                    label = para.label if number == 0 else ""
                    rows.append(_Row(index, False, line, label_width, text, label, keep))
        return rows

    def _label_width(self, paras: list[Para], size: float) -> float:
        labels = [p.label for p in paras if p.label]
        if not labels:
            return 0.0
        return max(self.body.text_width(lab) for lab in labels) * size / 1000.0 + 0.3 * size

    def _paginate(self, rows: list[_Row], elements, size: float,
                  frames) -> list[list[tuple[_Row, float]]]:
        """Rows with their size, per card. Rows that keep together move to the next card
        as a group; an element cut by a card break resumes under its heading + （续）."""
        pages: list[list[tuple[_Row, float]]] = [[]]
        used, space = 0.0, frames[0].body_height
        gap, group = _heading_gap(size), _group_heights(rows)
        for index, row in enumerate(rows):
            starts_group = index == 0 or not rows[index - 1].keep
            need = group[index] if starts_group else row.height
            need += gap if row.heading and pages[-1] else 0.0
            if used + need > space + 0.01 and pages[-1]:
                pages.append([])
                used, space = 0.0, frames[1].body_height
                if not row.heading:
                    heading = elements[row.element][0] + CONTINUED
                    pages[-1].append((_Row(row.element, True, _heading_height(size), 0.0,
                                           heading), size))
                    used += _heading_height(size)
            if row.heading and pages[-1]:
                used += gap
            pages[-1].append((row, size))
            used += row.height
        return pages

    # -- placing -----------------------------------------------------------------

    def _place_rows(self, plan: CardPlan, page: list[tuple[_Row, float]], frame: CardFrame) -> None:
        left = self.style.margin
        top = frame.body_top
        for position, (row, size) in enumerate(page):
            if row.heading:
                if position:
                    top -= _heading_gap(size)
                hsize = _heading_size(size)
                baseline = top - 1.12 * hsize
                plan.markers.append((left, baseline - 0.02 * hsize, 0.72 * hsize))
                plan.runs.append(TextRun("heading", hsize, left + 1.05 * hsize, baseline, row.text))
            else:
                baseline = top - 1.1 * size
                if row.label:
                    plan.runs.append(TextRun("body", size, left, baseline, row.label))
                if row.text:
                    plan.runs.append(TextRun("body", size, left + row.x, baseline, row.text))
            top -= row.height


def _group_heights(rows: list[_Row]) -> list[float]:
    """Height from each row to the end of the keep-together group it belongs to."""
    heights = [0.0] * len(rows)
    below = 0.0
    for index in range(len(rows) - 1, -1, -1):
        below = rows[index].height + (below if rows[index].keep else 0.0)
        heights[index] = below
    return heights


def _heading_size(size: float) -> float:
    return round(size * 1.1, 2)


def _heading_height(size: float) -> float:
    return _heading_size(size) * 1.45


def _heading_gap(size: float) -> float:
    return size * 0.45


