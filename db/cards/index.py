"""The front desk's search index of guides: names, pinyin, initials and printability.

One row per guide item (db.cards.models.GuideIndexEntry). A row records the item's
change time, state and version pointers it was built from (`stamp`); `refresh()`
compares those with the items (one indexed query) and rebuilds only the rows that
differ, so it is cheap to call whenever something may have changed: a save, a decision,
a publication reported by sync. Searching reads the table only, with LIKE over a few
short columns; on a few thousand guides that is a few milliseconds.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from db import clock
from db.cards import pinyin, printing
from db.database import database
from db.models import Item

INDEX_VERSION = "1"            # bump when the spellings change: every row is rebuilt

GUIDE_ITEMS_SQL = (
    'SELECT i."id", i."updated_at", i."state", i."latest_version_no", i."published_version_no", '
    'i."validity", g."stamp" FROM "item" i JOIN "column" c ON c."id" = i."column_id" '
    'LEFT JOIN "guide_index" g ON g."item_id" = i."id" WHERE c."kind" = \'guide\'')
UPSERT_SQL = (
    'INSERT INTO "guide_index" ("item_id", "stamp", "name", "names", "spell", "initials", "other", '
    '"other_spell", "other_initials", "section_id", "window", "printable_version", "reason", "printed") '
    'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT ("item_id") DO UPDATE SET '
    '"stamp" = excluded."stamp", "name" = excluded."name", "names" = excluded."names", '
    '"spell" = excluded."spell", "initials" = excluded."initials", "other" = excluded."other", '
    '"other_spell" = excluded."other_spell", "other_initials" = excluded."other_initials", '
    '"section_id" = excluded."section_id", "window" = excluded."window", '
    '"printable_version" = excluded."printable_version", "reason" = excluded."reason"')


def _stamp(updated_at, state, latest, published, validity) -> str:
    return f"{INDEX_VERSION}|{updated_at}|{state}|{latest}|{published}|{validity}"


def refresh() -> int:
    """Rebuild the rows whose guide changed since; returns how many were rebuilt."""
    rows = database.execute_sql(GUIDE_ITEMS_SQL).fetchall()
    stale = [(row[0], _stamp(*row[1:6])) for row in rows if row[6] != _stamp(*row[1:6])]
    if stale:
        with database.atomic():
            for item_id, stamp in stale:
                _rebuild(Item.get_by_id(item_id), stamp)
    return len(stale)


def _rebuild(item: Item, stamp: str) -> None:
    version, reason = printing.printable_version(item)
    working = json.loads(item.guide_json) if item.guide_json else {}
    printed = json.loads(version.content)["guide"] if version is not None else None
    shown = printed or working
    name = str(shown.get("name") or "").strip() or item.title.strip()
    names = _unique([name, str(working.get("name") or "").strip()])
    other = _unique([str(g.get(key) or "").strip() for g in (printed or {}, working)
                     for key in ("result", "window")])
    spell, initials = _spelled(names)
    other_spell, other_initials = _spelled(other)
    database.execute_sql(UPSERT_SQL, (
        item.id, stamp, name, _join(pinyin.fold(n) for n in names), spell, initials,
        _join(pinyin.fold(o) for o in other), other_spell, other_initials, item.section_id,
        str(shown.get("window") or "").strip(), version.number if version is not None else None, reason))


def _spelled(texts: list[str]) -> tuple[str, str]:
    spellings = [pinyin.spell(text) for text in texts]
    return (_join(v for s in spellings for v in s.full), _join(v for s in spellings for v in s.initials))


def _unique(values: list[str]) -> list[str]:
    return [v for v in dict.fromkeys(values) if v]


def _join(values) -> str:
    return pinyin.SEPARATOR.join(_unique(list(values)))


# -- searching -----------------------------------------------------------------------------

@dataclass(frozen=True)
class GuideHit:
    item_id: str
    name: str
    window: str
    section_id: str
    section_name: str
    printable_version: int | None
    reason: str                 # db.cards.printing.REASONS code when not printable
    printed: int                # cards printed so far
    rank: int                   # 0 best

    @property
    def printable(self) -> bool:
        return self.printable_version is not None

    def reason_text(self, english: bool = False) -> str:
        if self.printable:
            return ""
        zh, en = printing.REASONS.get(self.reason, printing.REASONS["draft"])
        return (en if english else zh).format(title=self.name)


HIT_COLUMNS = ('g."item_id", g."name", g."window", g."section_id", s."name", g."printable_version", '
               'g."reason", g."printed", g."names", g."spell", g."initials", g."other", g."other_spell", '
               'g."other_initials"')
SEARCH_SQL = (f'SELECT {HIT_COLUMNS} FROM "guide_index" g JOIN "section" s ON s."id" = g."section_id" '
              'WHERE {where}')
# Spellings are stored with syllable marks; LIKE looks at them without, and the match is
# then checked to start at a syllable.
SPELLING_COLUMNS = ('g."names"', 'replace(g."spell", \'\'\'\', \'\')', 'g."initials"', 'g."other"',
                    'replace(g."other_spell", \'\'\'\', \'\')', 'g."other_initials"')
TEXT_COLUMNS = ('g."names"', 'g."other"')


def search(query: str, limit: int | None = 50) -> list[GuideHit]:
    """Guides whose name (or 办理结果, 窗口) matches what was typed: Chinese, pinyin from
    the start of a syllable, or initials, anywhere in the name. Best first: name matches
    before the rest, matches at the start before matches inside, printable guides first."""
    typed = pinyin.normal_query(query)
    if not typed:
        return everything(limit)
    columns = SPELLING_COLUMNS if pinyin.is_spelling(typed) else TEXT_COLUMNS
    where = " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns)
    pattern = "%" + typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = database.execute_sql(SEARCH_SQL.format(where=where), [pattern] * len(columns)).fetchall()
    ranked = ((row, _rank(typed, row)) for row in rows)
    hits = [_hit(row, rank) for row, rank in ranked if rank is not None]
    hits.sort(key=lambda h: (h.rank, not h.printable, len(h.name), h.name))
    return hits[:limit] if limit else hits


def everything(limit: int | None = None) -> list[GuideHit]:
    rows = database.execute_sql(SEARCH_SQL.format(where="1") + ' ORDER BY g."window", g."name"').fetchall()
    hits = [_hit(row, 0) for row in rows]
    hits.sort(key=lambda h: not h.printable)
    return hits[:limit] if limit else hits


def _hit(row, rank: int) -> GuideHit:
    return GuideHit(*row[:8], rank=rank)


def _rank(typed: str, row) -> int | None:
    """0 a name is exactly it; 1 a name, its pinyin or initials start with it; 2 they
    contain it (pinyin: from a syllable on); 3 only 办理结果 or 窗口 match; None: no match."""
    names, spells, initials, other, other_spells, other_initials = (
        column.split(pinyin.SEPARATOR) for column in row[8:14])
    if typed in names:
        return 0
    plain = [s.replace(pinyin.SYLLABLE, "") for s in spells]
    if any(v.startswith(typed) for v in names + plain + initials):
        return 1
    if any(typed in v for v in names + initials) or any(pinyin.starts_at_syllable(typed, s) for s in spells):
        return 2
    if any(typed in v for v in other + other_initials) or any(
            pinyin.starts_at_syllable(typed, s) for s in other_spells):
        return 3
    return None


# -- groups and counts ------------------------------------------------------------------------

def windows() -> list[tuple[str, int]]:
    """Each window with the number of guides handled there, by window."""
    rows = database.execute_sql('SELECT "window", count(*) FROM "guide_index" WHERE "window" != \'\' '
                                'GROUP BY "window" ORDER BY "window"').fetchall()
    return [(window, count) for window, count in rows]


def sections() -> list[tuple[str, str, int]]:
    """(section id, name, number of guides) of each section that has guides."""
    rows = database.execute_sql('SELECT s."id", s."name", count(*) FROM "guide_index" g JOIN "section" s '
                                'ON s."id" = g."section_id" GROUP BY s."id" ORDER BY s."sort_order", s."name"')
    return [(section_id, name, count) for section_id, name, count in rows.fetchall()]


def ids_of_section(section_id: str) -> list[str]:
    return _ids('"section_id" = ?', section_id)


def ids_at_window(window: str) -> list[str]:
    return _ids('"window" = ?', window.strip())


def _ids(where: str, value: str) -> list[str]:
    sql = f'SELECT "item_id" FROM "guide_index" WHERE {where} ORDER BY "name"'
    return [row[0] for row in database.execute_sql(sql, (value,)).fetchall()]


def count_prints(item_ids: list[str], copies: int) -> None:
    """Add a print job's cards to each guide's count (call inside its transaction)."""
    refresh()
    marks = ", ".join("?" for _ in item_ids)
    database.execute_sql(f'UPDATE "guide_index" SET "printed" = "printed" + ?, "last_printed_at" = ? '
                         f'WHERE "item_id" IN ({marks})', [copies, clock.now(), *item_ids])
