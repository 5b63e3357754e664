"""Full-text search that finds Chinese words of any length, two characters included.

SQLite's FTS5 has no Chinese word splitter, and its trigram tokenizer cannot find the
two-character words people type most (公开, 招标). So text is indexed as overlapping
character bigrams (政务公开 → 政务 务公 公开 开) in a contentless FTS5 table: a query of n
characters becomes a phrase of n-1 bigrams, and one character becomes a prefix query.
The trailing single character of each run makes that prefix query complete.

Contentless tables store no copy of the text, so removing an item's old entry needs
the text it was indexed with; `reindex_item` gets it from the caller.
"""
from __future__ import annotations

import re
from functools import lru_cache

from db.database import database

CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
FULL_WIDTH = str.maketrans({chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B)})

def tokens(text: str) -> list[str]:
    """The index tokens of `text`: bigrams plus a trailing unigram per Chinese run, words otherwise."""
    out: list[str] = []
    for match in WORD.finditer(text.translate(FULL_WIDTH)):
        run = match.group()
        if CJK_RUN.fullmatch(run):
            out.extend(run[i:i + 2] for i in range(len(run) - 1))
            out.append(run[-1])
        else:
            out.append(run.lower())
    return out


@lru_cache(maxsize=16)
def index_text(text: str) -> str:
    """The indexed form of `text`. Kept for the last few texts: replacing an entry needs
    the old text's form again, and that is usually the one indexed a moment ago."""
    return " ".join(tokens(text))


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed; None when nothing searchable."""
    phrases = [_phrase(part) for part in query.split()]
    phrases = [p for p in phrases if p]
    return " AND ".join(phrases) if phrases else None


def _phrase(part: str) -> str:
    words = WORD.findall(part.translate(FULL_WIDTH))
    if not words:
        return ""
    pieces: list[str] = []
    for position, word in enumerate(words, start=1):
        if CJK_RUN.fullmatch(word) and len(word) > 1:
            pieces.extend(word[i:i + 2] for i in range(len(word) - 1))
            if position < len(words):
                pieces.append(word[-1])   # the index's trailing unigram sits between two runs
        else:
            pieces.append(word.lower())
    phrase = '"' + " ".join(pieces) + '"'
    last = words[-1]
    # One Chinese character or a partly typed word: match it as a prefix.
    if not CJK_RUN.fullmatch(last) or len(last) == 1:
        phrase += " *"
    return phrase


def searchable_text(title: str, summary: str, doc_no: str, index_no: str, body_text: str) -> str:
    return "\n".join((title, summary, doc_no, index_no or "", body_text))


KEY_SQL = "SELECT id FROM item_fts_key WHERE item_id = ?"
NEW_KEY_SQL = "INSERT INTO item_fts_key (item_id) VALUES (?)"
ADD_SQL = "INSERT INTO item_fts (rowid, text) VALUES (?, ?)"
DELETE_SQL = "INSERT INTO item_fts (item_fts, rowid, text) VALUES ('delete', ?, ?)"


def reindex_item(item_id: str, new_text: str, old_text: str | None) -> None:
    """Replace the item's entry; `old_text` is what it was last indexed with (None if never).
    Nothing is written when the searchable text did not change."""
    if new_text == old_text:
        return
    row = database.execute_sql(KEY_SQL, (item_id,)).fetchone()
    if row is None:
        index_new_item(item_id, new_text)
        return
    if old_text is not None:
        database.execute_sql(DELETE_SQL, (row[0], index_text(old_text)))
    database.execute_sql(ADD_SQL, (row[0], index_text(new_text)))


def index_new_item(item_id: str, text: str) -> None:
    """The first entry of an item that was never indexed."""
    rowid = database.execute_sql(NEW_KEY_SQL, (item_id,)).lastrowid
    database.execute_sql(ADD_SQL, (rowid, index_text(text)))


def remove_item(item_id: str, old_text: str) -> None:
    row = database.execute_sql("SELECT id FROM item_fts_key WHERE item_id = ?", (item_id,)).fetchone()
    if row is None:
        return
    database.execute_sql("INSERT INTO item_fts (item_fts, rowid, text) VALUES ('delete', ?, ?)",
                         (row[0], index_text(old_text)))
    database.execute_sql("DELETE FROM item_fts_key WHERE id = ?", (row[0],))


def matching_keys_sql() -> str:
    """SQL selecting item ids matching a MATCH parameter, newest indexed first."""
    return ("SELECT k.item_id FROM item_fts f JOIN item_fts_key k ON k.id = f.rowid "
            "WHERE f.text MATCH ? ORDER BY f.rowid DESC")
