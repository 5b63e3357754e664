"""Test data builders for the check tests, written independently of db.checks."""
from __future__ import annotations

from datetime import date


def iso7064_check(first17: str) -> str:
    """ISO 7064 MOD 11-2 in its recursive (pure system) form, not the weighted sum the
    code under test uses, so a shared mistake can't hide."""
    p = 0
    for digit in first17:
        p = ((p + int(digit)) * 2) % 11
    value = (12 - p) % 11
    return "X" if value == 10 else str(value)


def make_id(region: str = "411502", born: date = date(1990, 3, 7), seq: str = "123") -> str:
    first17 = f"{region}{born:%Y%m%d}{seq}"
    return first17 + iso7064_check(first17)


def wrong_check(id18: str) -> str:
    """The same number with each wrong check character, one at a time."""
    return [id18[:17] + c for c in "0123456789X" if c != id18[17]]


def luhn_complete(partial: str) -> str:
    """Append the digit that makes ``partial`` pass the Luhn check."""
    for last in "0123456789":
        digits = [int(c) for c in partial + last][::-1]
        total = sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2)
                    for i, d in enumerate(digits))
        if total % 10 == 0:
            return partial + last
    raise AssertionError("unreachable")


def full_width(text: str) -> str:
    return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789X"})
