"""Line breaking for Chinese text with simple 避头尾 (kinsoku) rules.

Chinese may break between any two characters, except: before closing punctuation
(，。、；：）》 … never start a line), after an opening bracket (（《 never ends one),
and inside a run of printable ASCII (numbers, URLs, Latin words), unless that run is
longer than a whole line. A line may also break at a space, which is then dropped.

A paragraph is measured once: running character widths in 1/1000 em. Wrapping at any
font size then finds each line's end by bisecting the running widths and stepping back
while the break would be forbidden, so the cost grows with the number of lines rather
than the number of characters.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Iterator, NamedTuple

CLOSING = frozenset("，。、；：！？）》」』”’〕】〉…—·%,.;:!?)]}")
OPENING = frozenset("（《「『“‘〔【〈([{")
_EPSILON = 1e-6


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
        return sum(map(self.__getitem__, text))


class Measured(NamedTuple):
    """A paragraph ready to wrap at any size."""

    text: str
    ends: list[float]       # ends[k] = width of text[:k] in 1/1000 em

    @property
    def width(self) -> float:
        return self.ends[-1]


def measure(text: str, widths: WidthTable) -> Measured:
    return Measured(text, list(accumulate(map(widths.__getitem__, text), initial=0.0)))


def may_break(text: str, k: int) -> bool:
    """May a line end between text[k-1] and text[k]? Asked only where a line is full,
    so plain Chinese text is never scanned character by character."""
    after, before = text[k], text[k - 1]
    if after in CLOSING or before in OPENING:
        return False
    if "!" <= before <= "~" and "!" <= after <= "~":
        return False                        # inside an ASCII word, number or URL
    while after.isspace() and k + 1 < len(text):
        k += 1                              # spaces, then closing punctuation?
        after = text[k]
    return after not in CLOSING


def line_spans(para: Measured, max_width: float) -> Iterator[tuple[int, int]]:
    """Greedy line filling: (start, stop) of each line's text, trailing spaces included;
    `max_width` in 1/1000 em (line width / font size * 1000)."""
    text, ends = para
    length = len(text)
    start = 0
    while start < length:
        if text[start].isspace():
            start += 1
            continue
        stop = bisect_right(ends, ends[start] + max_width + _EPSILON, start, length + 1) - 1
        if stop < length:
            end = stop
            while end > start and not may_break(text, end):
                end -= 1
            # Nowhere to break within the line (a long URL or number): cut it where it is full.
            stop = end if end > start else max(stop, start + 1)
        yield start, stop
        start = stop


def wrap_measured(para: Measured, max_width: float) -> list[str]:
    text = para.text
    return [text[start:stop].rstrip() for start, stop in line_spans(para, max_width)]


def count_lines(para: Measured, max_width: float) -> int:
    return sum(1 for _ in line_spans(para, max_width))


def wrap(text: str, line_width: float, size: float, widths: WidthTable) -> list[str]:
    """Convenience: wrap one paragraph to `line_width` points at `size` points."""
    return wrap_measured(measure(text, widths), line_width * 1000.0 / size)
