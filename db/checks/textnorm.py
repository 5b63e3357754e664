"""Character normalisation that keeps every offset: each character maps to exactly one
character, so a span found in the normalised text is the same span in the original."""
from __future__ import annotations

import re

_FOLD = {ord("０") + i: ord("0") + i for i in range(10)}
_FOLD.update({
    ord("Ｘ"): ord("X"), ord("ｘ"): ord("x"),
    ord("＋"): ord("+"), ord("．"): ord("."),
    # Dashes people type between digit groups (0376—6221234, 4115-0219-…).
    ord("－"): ord("-"), ord("‐"): ord("-"), ord("‑"): ord("-"),
    ord("‒"): ord("-"), ord("–"): ord("-"), ord("—"): ord("-"), ord("−"): ord("-"),
    # Spaces other than the ASCII one.
    0x3000: ord(" "), 0x00A0: ord(" "), 0x2002: ord(" "), 0x2003: ord(" "),
    0x2009: ord(" "), 0x202F: ord(" "),
})


_FOLDABLE = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD) + "]")


def fold(text: str) -> str:
    """Full-width digits, X, plus, dot, dash variants and odd spaces to ASCII, 1:1.
    str.translate is slow on CJK text, so only the characters that fold are replaced."""
    return _FOLDABLE.sub(lambda m: chr(_FOLD[ord(m.group())]), text)
