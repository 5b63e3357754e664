"""What changed between the version on the website and the one under review.

Pure data, no presentation: the desktop's diff view renders it side by side. Text is
compared paragraph by paragraph, and within a changed paragraph character by
character, which suits Chinese (no spaces to split words on).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from db import guides, richtext

# Fields compared in order; the desktop supplies the labels.
FIELDS = ("title", "column", "meta.index_no", "meta.publisher", "meta.doc_no", "meta.topic",
          "meta.written_on", "meta.validity", "meta.disclosure", "meta.secrecy", "meta.summary",
          "attachments", "related")

Segment = tuple[str, str]        # (kind, text); kind is "equal", "delete" or "insert"


@dataclass(frozen=True)
class FieldChange:
    key: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True)
class LinePair:
    """One row of the side-by-side view; a side is None where the other side has a line
    that was added or removed."""
    kind: str                          # "equal", "replace", "delete" or "insert"
    left: tuple[Segment, ...] | None
    right: tuple[Segment, ...] | None


@dataclass(frozen=True)
class Comparison:
    fields: tuple[FieldChange, ...]
    body: tuple[LinePair, ...]
    guide: tuple[FieldChange, ...]
    first_publication: bool

    @property
    def changed(self) -> bool:
        return (any(f.changed for f in self.fields + self.guide)
                or any(p.kind != "equal" for p in self.body))


def compare(old: dict | None, new: dict) -> Comparison:
    """`old` is the published content, None before the first publication."""
    before = old or {}
    fields = tuple(FieldChange(key, field_text(before, key), field_text(new, key)) for key in FIELDS)
    guide = tuple(FieldChange(key, guide_text(before.get("guide"), key), guide_text(new.get("guide"), key))
                  for key, _, _ in guides.ELEMENTS if new.get("guide") or before.get("guide"))
    return Comparison(fields, tuple(line_pairs(paragraphs(before), paragraphs(new))), guide, old is None)


def field_text(content: dict, key: str) -> str:
    if key.startswith("meta."):
        return str((content.get("meta") or {}).get(key[5:], "") or "")
    if key == "attachments":
        return "\n".join(a["filename"] for a in content.get("attachments") or [])
    return str(content.get(key) or "")


def guide_text(guide: dict | None, key: str) -> str:
    """A guide element as plain lines, whatever its shape (text, number, list of dicts)."""
    if not guide:
        return ""
    value = guide.get(key)
    if isinstance(value, list):
        return "\n".join(_flat(v) for v in value)
    return "" if value is None else str(value)


def _flat(value) -> str:
    if isinstance(value, dict):
        return " ".join(str(v) for v in value.values() if v not in (None, ""))
    return str(value)


def paragraphs(content: dict) -> list[str]:
    text = richtext.to_text(str(content.get("body_html") or ""))
    return [line.strip() for line in text.split("\n") if line.strip()]


def line_pairs(old: list[str], new: list[str]) -> list[LinePair]:
    pairs: list[LinePair] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs += [LinePair("equal", (("equal", line),), (("equal", line),)) for line in old[i1:i2]]
        elif tag == "delete":
            pairs += [LinePair("delete", (("delete", line),), None) for line in old[i1:i2]]
        elif tag == "insert":
            pairs += [LinePair("insert", None, (("insert", line),)) for line in new[j1:j2]]
        else:
            pairs += _replaced(old[i1:i2], new[j1:j2])
    return pairs


SIMILAR = 0.5         # paragraphs at least this alike are shown as one changed paragraph
MAX_PAIRINGS = 900    # beyond 30 × 30 changed paragraphs, pairing by likeness costs too much


def _replaced(old: list[str], new: list[str]) -> list[LinePair]:
    """Changed paragraphs: pair the most alike (character differences marked) and split the
    rest around that pair, so an edit is not shown as a deletion plus an unrelated insertion."""
    if not old or not new:
        return ([LinePair("delete", (("delete", a),), None) for a in old]
                + [LinePair("insert", None, (("insert", b),)) for b in new])
    if len(old) * len(new) > MAX_PAIRINGS:         # a rewrite: pair in order, keep it quick
        return [LinePair("replace", *char_diff(a, b)) for a, b in zip(old, new)] + _replaced(
            old[len(new):], new[len(old):])
    score, i, j = max((difflib.SequenceMatcher(None, a, b, autojunk=False).ratio(), i, j)
                      for i, a in enumerate(old) for j, b in enumerate(new))
    if score < SIMILAR:
        return _replaced(old, []) + _replaced([], new)
    return (_replaced(old[:i], new[:j]) + [LinePair("replace", *char_diff(old[i], new[j]))]
            + _replaced(old[i + 1:], new[j + 1:]))


def char_diff(old: str, new: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    left: list[Segment] = []
    right: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(left, "equal", old[i1:i2])
            _append(right, "equal", new[j1:j2])
            continue
        _append(left, "delete", old[i1:i2])
        _append(right, "insert", new[j1:j2])
    return tuple(left), tuple(right)


def _append(segments: list[Segment], kind: str, text: str) -> None:
    if not text:
        return
    if segments and segments[-1][0] == kind:
        segments[-1] = (kind, segments[-1][1] + text)
    else:
        segments.append((kind, text))
