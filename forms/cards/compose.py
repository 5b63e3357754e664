"""Fitting one guide onto cards: wrap, shrink to a readable minimum, continue on 续 cards.

The rule: use as few cards as the smallest allowed body size needs, and within that
card count the largest body size that fits. A guide that fits one card at the largest
size is wrapped once; a cheap lower bound on the card count skips sizes that cannot
help, and the remaining sizes are bisected.

The result is a list of CardPlan values: every string with its font role, size and
position on the card, plus the marks and the QR box. Drawing them is draw.py's job,
so the benchmark can time "just the text" on exactly the same lines.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from forms.cards.elements import Para
from forms.cards.frame import CardFrame, CardPlan, TextRun
from forms.cards.layouts import CardStyle
from forms.cards.textfit import Measured, WidthTable, count_lines, measure, wrap_measured

CONTINUED = "（续）"


# A row of the body: (element index, is a heading, height, text x offset, text, list
# label, keep with the next row). Plain tuples: the fitting loop makes tens of thousands.
Row = tuple[int, bool, float, float, str, str, bool]


class _Element(NamedTuple):
    heading: str
    paras: list[Para]
    label_em: float         # widest list number, 1/1000 em; 0 when not a list

    def label_width(self, size: float) -> float:
        """Room for the list numbers, which the item text hangs beside."""
        return self.label_em * size / 1000.0 + 0.3 * size if self.label_em else 0.0


@dataclass
class Composer:
    """Lays out guides for one card style with one font set's width tables."""

    style: CardStyle
    body: WidthTable
    heading: WidthTable
    _measured: dict[str, Measured] = field(default_factory=dict)

    def measured(self, text: str) -> Measured:
        """Paragraphs are measured once per render, whatever sizes are tried."""
        para = self._measured.get(text)
        if para is None:
            para = self._measured[text] = measure(text, self.body)
        return para

    def compose(self, title: str, section: str, stamp: str, url: str,
                elements: list[tuple[str, list[Para]]]) -> list[CardPlan]:
        first = CardFrame.build(self.style, self.heading, title, url)
        # A 续 card's title takes no more lines than the first card's, if a size allows.
        frames = [first, CardFrame.build(self.style, self.heading, title + CONTINUED, url,
                                         len(first.title_lines))]
        label_em = self.body.text_width
        blocks = [_Element(heading, paras, max((label_em(p.label) for p in paras), default=0.0))
                  for heading, paras in elements]
        size, pages = self._fit(blocks, frames)
        plans = []
        for number, page in enumerate(pages, start=1):
            frame = frames[0 if number == 1 else 1]
            plan = frame.header(self.body, self.heading, section)
            self._place_rows(plan, page, frame, size)
            frame.footer(plan, stamp, number, len(pages))
            plans.append(plan)
        return plans

    # -- fitting -----------------------------------------------------------------

    def _fit(self, elements, frames) -> tuple[float, list[list[Row]]]:
        """The body size and the rows of each card."""
        sizes = self.style.body_sizes

        def layout(size: float) -> list[list[Row]]:
            return self._paginate(self._rows(elements, size), elements, size, frames)

        largest = layout(sizes[0])
        if len(largest) == 1 or len(sizes) == 1:
            return sizes[0], largest
        target = self._fewest_cards(elements, sizes[-1], frames)
        if target >= len(largest):
            return sizes[0], largest        # even the smallest size cannot save a card
        if len(largest) == 2 and not self._fits_one(elements, sizes[-1], frames[0]):
            return sizes[0], largest
        found = self._largest_fitting(elements, frames, target, layout)
        if found is None:                   # the bound was not reached: the smallest size
            smallest = layout(sizes[-1])    # sets the card count to aim for
            if len(smallest) >= len(largest):
                return sizes[0], largest
            found = self._largest_fitting(elements, frames, len(smallest), layout,
                                          (len(sizes) - 1, smallest))
        return found

    def _largest_fitting(self, elements, frames, cards: int, layout, known=None):
        """Bisect the sizes for the largest one laid out on at most `cards` cards; None when
        it comes down to the smallest size and that is not known to fit."""
        sizes = self.style.body_sizes
        fits, pages = known or (len(sizes) - 1, None)
        fails = 0                           # the largest size is known not to fit
        while fits - fails > 1:
            middle = (fits + fails) // 2
            if self._fewest_cards(elements, sizes[middle], frames) <= cards:
                trial = layout(sizes[middle])
                if len(trial) <= cards:
                    fits, pages = middle, trial
                    continue
            fails = middle
        if pages is None:
            trial = layout(sizes[fits])
            if len(trial) > cards:
                return None
            pages = trial
        return sizes[fits], pages

    def _rows(self, elements: list[_Element], size: float) -> list[Row]:
        """Every heading and wrapped line at `size`. Short list items keep together;
        other paragraphs leave no single line alone at the foot or head of a card."""
        rows: list[Row] = []
        append = rows.append
        width = self.style.width - 2 * self.style.margin
        line = size * self.style.leading
        heading_height = _heading_height(size)
        for index, (heading, paras, _) in enumerate(elements):
            append((index, True, heading_height, 0.0, heading, "", True))
            label_width = elements[index].label_width(size)
            wrap_width = (width - label_width) * 1000.0 / size
            for para in paras:
                lines = wrap_measured(self.measured(para.text), wrap_width) or [""]
                last = len(lines) - 1
                whole = bool(para.label) and last < 4
                for number, text in enumerate(lines):
                    keep = number < last and (whole or number == 0 or number == last - 1)
                    append((index, False, line, label_width, text,
                            para.label if number == 0 else "", keep))
        return rows

    def _fewest_cards(self, elements, size: float, frames) -> int:
        """A lower bound on the cards needed at `size`, without wrapping: no paragraph
        takes fewer lines than its width divided by the line width, and on k cards at
        least n - k of the n headings have the gap above them."""
        width = self.style.width - 2 * self.style.margin
        height = 0.0
        for element in elements:
            height += _heading_height(size)
            line_em = (width - element.label_width(size)) * 1000.0 / size
            lines = sum(-(-self.measured(p.text).width // line_em) or 1 for p in element.paras)
            height += lines * size * self.style.leading
        room, gap = max(frame.body_height for frame in frames), _heading_gap(size)
        return int(-(-(height + len(elements) * gap) // (room + gap)))

    def _fits_one(self, elements: list[_Element], size: float, frame: CardFrame) -> bool:
        """Exactly whether everything fits one card at `size`: with no card break, keeping
        lines together changes nothing, so counting lines is enough."""
        width = self.style.width - 2 * self.style.margin
        height = len(elements) * _heading_height(size) + (len(elements) - 1) * _heading_gap(size)
        line = size * self.style.leading
        for element in elements:
            line_em = (width - element.label_width(size)) * 1000.0 / size
            lines = sum(count_lines(self.measured(p.text), line_em) or 1 for p in element.paras)
            height += lines * line
        return height <= frame.body_height + 0.01

    def _paginate(self, rows: list[Row], elements, size: float, frames) -> list[list[Row]]:
        """Rows with their size, per card. Rows that keep together move to the next card
        as a group; an element cut by a card break resumes under its heading + （续）."""
        pages: list[list[Row]] = [[]]
        used, space = 0.0, frames[0].body_height + 0.01
        gap, group = _heading_gap(size), _group_heights(rows)
        keep_before = False
        for index, row in enumerate(rows):
            element, is_heading, height = row[0], row[1], row[2]
            need = height if keep_before else group[index]
            if is_heading and pages[-1]:
                need += gap
            if used + need > space and pages[-1]:
                pages.append([])
                used, space = 0.0, frames[1].body_height + 0.01
                if not is_heading:
                    resumed = (element, True, _heading_height(size), 0.0,
                               elements[element][0] + CONTINUED, "", True)
                    pages[-1].append(resumed)
                    used += resumed[2]
            elif is_heading and pages[-1]:
                used += gap
            pages[-1].append(row)
            used += height
            keep_before = row[6]
        return pages

    # -- placing -----------------------------------------------------------------

    def _place_rows(self, plan: CardPlan, page: list[Row], frame: CardFrame, size: float) -> None:
        left = self.style.margin
        top = frame.body_top
        hsize = _heading_size(size)
        for position, (_, is_heading, height, x, text, label, _) in enumerate(page):
            if is_heading:
                if position:
                    top -= _heading_gap(size)
                baseline = top - 1.12 * hsize
                plan.markers.append((left, baseline - 0.02 * hsize, 0.72 * hsize))
                plan.runs.append(TextRun("heading", hsize, left + 1.05 * hsize, baseline, text))
            else:
                baseline = top - 1.1 * size
                if label:
                    plan.runs.append(TextRun("body", size, left, baseline, label))
                if text:
                    plan.runs.append(TextRun("body", size, left + x, baseline, text))
            top -= height


def _group_heights(rows: list[Row]) -> list[float]:
    """Height from each row to the end of the keep-together group it belongs to."""
    heights = [0.0] * len(rows)
    below = 0.0
    for index in range(len(rows) - 1, -1, -1):
        row = rows[index]
        below = row[2] + (below if row[6] else 0.0)
        heights[index] = below
    return heights


def _heading_size(size: float) -> float:
    return round(size * 1.1, 2)


def _heading_height(size: float) -> float:
    return _heading_size(size) * 1.45


def _heading_gap(size: float) -> float:
    return size * 0.45


