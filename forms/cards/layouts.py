"""Page layouts: where cards sit on a page and the type sizes each card style allows."""
from __future__ import annotations

from dataclasses import dataclass

MM = 72.0 / 25.4
A4 = (210 * MM, 297 * MM)
A6 = (105 * MM, 148 * MM)


@dataclass(frozen=True)
class CardStyle:
    """Geometry and type of one card, in points, measured from its bottom-left corner."""

    width: float
    height: float
    margin: float               # office printers cannot print the outer ~5 mm
    title_sizes: tuple[float, ...]   # tried largest first; the title wraps at the last
    body_sizes: tuple[float, ...]    # largest first; the last is the readable minimum
    small: float                # header and footer notes
    qr_side: float              # the QR code including its quiet zone
    leading: float = 1.45       # line height / font size for body text


@dataclass(frozen=True)
class Layout:
    name: str
    page: tuple[float, float]
    slots: tuple[tuple[float, float], ...]   # bottom-left of each card, in reading order
    style: CardStyle
    crop_marks: bool = False

    @property
    def cut_lines(self) -> tuple[float, float]:
        """x of the vertical and y of the horizontal cut on a multi-up sheet."""
        return self.page[0] / 2, self.page[1] / 2


_CARD = dict(margin=7 * MM, title_sizes=(14, 13, 12, 11), body_sizes=(9, 8.5, 8, 7.5, 7),
             small=6.5, qr_side=21 * MM)

LAYOUTS: dict[str, Layout] = {
    "a6": Layout("a6", A6, ((0.0, 0.0),), CardStyle(*A6, **_CARD)),
    "a4x4": Layout(
        "a4x4", A4,
        ((0.0, A4[1] / 2), (A4[0] / 2, A4[1] / 2), (0.0, 0.0), (A4[0] / 2, 0.0)),
        CardStyle(A4[0] / 2, A4[1] / 2, **_CARD), crop_marks=True),
    "placard": Layout("placard", A4, ((0.0, 0.0),), CardStyle(
        *A4, margin=15 * MM, title_sizes=(26, 24, 22, 20, 18),
        body_sizes=(14, 13, 12, 11, 10), small=9, qr_side=38 * MM)),
}

# Crop marks on the four-up sheet: short strokes on each cut line, starting beyond the
# unprintable edge, and a cross where the cuts meet. Card content keeps `margin` (7 mm)
# away from every cut, so the marks never touch text.
CROP_EDGE_GAP = 5 * MM
CROP_LENGTH = 6 * MM
CROP_CROSS_ARM = 4 * MM


def get_layout(name: str) -> Layout:
    try:
        return LAYOUTS[name]
    except KeyError:
        raise ValueError(f"unknown card layout {name!r}; use one of {sorted(LAYOUTS)}") from None
