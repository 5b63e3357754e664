"""Admin-edited word lists: sensitive words and confusion pairs (wrong → right).

The lists are plain data; storing and editing them is the app's business. The text
format (also that of resources/wordlists/*.txt), one entry a line, ``#`` starts a
comment line:

    sensitive.txt:   word [| severity [| note]]
    confusion.txt:   wrong → right [| severity [| note]]     (``->`` works too)

severity is ``blocking``/``阻断`` or ``warning``/``提示`` (the default).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from db.checks.ahocorasick import Automaton
from db.checks.findings import BLOCKING, WARNING, Finding

DEFAULTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "wordlists"
_SEVERITY_WORDS = {"blocking": BLOCKING, "阻断": BLOCKING, "warning": WARNING, "提示": WARNING}
_ARROWS = ("→", "->")


class WordListError(ValueError):
    """A line of a word list that cannot be understood; ``line`` is 1-based."""

    def __init__(self, line: int, message: str, english: str):
        super().__init__(f"第{line}行：{message}")
        self.line = line
        self.english = f"line {line}: {english}"


def _checked_severity(entry) -> None:
    if entry.severity not in (BLOCKING, WARNING):
        raise ValueError(f"unknown severity {entry.severity!r} in word list entry {entry!r}")


@dataclass(frozen=True)
class SensitiveEntry:
    word: str
    severity: str = WARNING
    note: str = ""

    def __post_init__(self) -> None:
        _checked_severity(self)


@dataclass(frozen=True)
class ConfusionEntry:
    wrong: str
    right: str
    severity: str = WARNING
    note: str = ""

    def __post_init__(self) -> None:
        _checked_severity(self)


def _lines(text: str) -> Iterable[tuple[int, list[str]]]:
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            yield number, [part.strip() for part in line.split("|")]


def _severity(number: int, parts: list[str]) -> str:
    word = parts[1] if len(parts) > 1 and parts[1] else "warning"
    if word.lower() not in _SEVERITY_WORDS:
        raise WordListError(number, f"严重程度“{word}”无效，应为 blocking 或 warning",
                            f"unknown severity {word!r}")
    return _SEVERITY_WORDS[word.lower()]


def parse_sensitive(text: str) -> list[SensitiveEntry]:
    return [SensitiveEntry(parts[0], _severity(number, parts), "|".join(parts[2:]))
            for number, parts in _lines(text)]


def parse_confusion(text: str) -> list[ConfusionEntry]:
    entries = []
    for number, parts in _lines(text):
        arrow = next((a for a in _ARROWS if a in parts[0]), None)
        wrong, _, right = parts[0].partition(arrow) if arrow else ("", "", "")
        if not wrong.strip() or not right.strip():
            raise WordListError(number, "应写成“错误写法→正确写法”", "expected 'wrong → right'")
        entries.append(ConfusionEntry(wrong.strip(), right.strip(), _severity(number, parts),
                                      "|".join(parts[2:])))
    return entries


def load_default_sensitive() -> list[SensitiveEntry]:
    return parse_sensitive((DEFAULTS_DIR / "sensitive.txt").read_text(encoding="utf-8"))


def load_default_confusion() -> list[ConfusionEntry]:
    return parse_confusion((DEFAULTS_DIR / "confusion.txt").read_text(encoding="utf-8"))


def _entry(kind, value):
    """An entry from what the app stores: the entry itself, a dict of its fields, or the
    bare word (a str) / the (wrong, right) pair."""
    if isinstance(value, kind):
        return value
    if isinstance(value, dict):
        return kind(**value)
    return kind(value) if isinstance(value, str) else kind(*value)


class SensitiveWords:
    """A sensitive-word list compiled for matching."""

    def __init__(self, entries: Iterable[SensitiveEntry | dict | str] = ()):
        self.entries = [_entry(SensitiveEntry, e) for e in entries]
        self._automaton = Automaton((e.word, e) for e in self.entries)

    def find(self, text: str, field: str) -> list[Finding]:
        hits = _outermost(self._automaton.find_all(text))
        return [_sensitive_finding(text, start, end, entry, field) for start, end, entry in hits]


def _sensitive_finding(text, start, end, entry: SensitiveEntry, field) -> Finding:
    note = f"（{entry.note}）" if entry.note else ""
    return Finding("sensitive_word", entry.severity, f"含敏感词“{entry.word}”{note}", field,
                   start, end, text[start:end],
                   english=f"Sensitive word {entry.word}" + (f" ({entry.note})" if entry.note else ""))


class ConfusionPairs:
    """A confusion-pair list compiled for matching. A wrong form inside an occurrence of
    its right form (李明 in 李明华) is not reported."""

    def __init__(self, entries: Iterable[ConfusionEntry | dict | tuple[str, str]] = ()):
        self.entries = [_entry(ConfusionEntry, e) for e in entries]
        words = [(e.wrong, e) for e in self.entries]
        words += [(e.right, None) for e in self.entries if e.wrong in e.right]
        self._automaton = Automaton(words)

    def find(self, text: str, field: str) -> list[Finding]:
        hits = list(self._automaton.find_all(text))
        rights = [(s, e) for s, e, entry in hits if entry is None]
        wrongs = [(s, e, entry) for s, e, entry in hits
                  if entry is not None and not _inside_right_form(s, e, entry, text, rights)]
        return [_confusion_finding(text, s, e, entry, field) for s, e, entry in _outermost(wrongs)]


def _outermost(hits) -> list[tuple[int, int, object]]:
    """Drop a hit that lies inside a longer one (待补充 inside 此处待补充)."""
    kept: list[tuple[int, int, object]] = []
    for hit in sorted(hits, key=lambda h: (h[0], h[0] - h[1])):
        if kept and hit[1] <= kept[-1][1]:
            continue
        kept.append(hit)
    return kept


def _inside_right_form(start, end, entry: ConfusionEntry, text, rights) -> bool:
    return any(r_start <= start and end <= r_end and text[r_start:r_end] == entry.right
               for r_start, r_end in rights)


def _confusion_finding(text, start, end, entry: ConfusionEntry, field) -> Finding:
    note = f"（{entry.note}）" if entry.note else ""
    return Finding("confusion", entry.severity, f"“{entry.wrong}”疑为“{entry.right}”之误{note}",
                   field, start, end, text[start:end], suggestion=entry.right,
                   english=f"{entry.wrong} is probably a mistake for {entry.right}")
