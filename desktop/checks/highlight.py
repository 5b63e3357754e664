"""Showing findings in the text widgets and fixing them there.

Highlights are extra selections: they colour the text without changing the document, so
they are no edit, no undo step and no autosave. Fixes are ordinary edits (a QTextCursor
in one edit block, QLineEdit.insert), so Ctrl+Z takes them back like typing would.
"""
from __future__ import annotations

from PyQt6.QtGui import QTextCharFormat, QTextCursor, QTextFormat
from PyQt6.QtWidgets import QLineEdit, QTextEdit

from db.checks.findings import Finding
from desktop.checks.common import OVERRIDDEN_INK, ink, wash

# Marks the extra selections made here, so other highlights on the same widget stay.
OURS = QTextFormat.Property.UserProperty + 61
Replacement = tuple[int, int, str, str]      # start, end, the text expected there, the new text


def highlight(edit: QTextEdit, findings: list[Finding], passed: frozenset[str] = frozenset()) -> None:
    """Colour the spans of `findings` (positions in edit's document) in `edit`; those
    whose key is in `passed` (let through with a reason) only get a grey dotted line."""
    document = edit.document()
    last = document.characterCount() - 1
    others = [s for s in edit.extraSelections() if not s.format.property(OURS)]
    ours = []
    for finding in sorted(findings, key=lambda f: not f.blocking):   # blocking painted last, on top
        if not 0 <= finding.start < finding.end <= last:
            continue
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(document)
        selection.cursor.setPosition(finding.start)
        selection.cursor.setPosition(finding.end, QTextCursor.MoveMode.KeepAnchor)
        selection.format = span_format(finding, finding.key in passed)
        ours.append(selection)
    edit.setExtraSelections(others + list(reversed(ours)))


def span_format(finding: Finding, passed: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if passed:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(OVERRIDDEN_INK)
    else:
        fmt.setBackground(wash(finding))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(ink(finding))
    fmt.setProperty(OURS, True)
    return fmt


def our_selections(edit: QTextEdit) -> list[tuple[int, int]]:
    """The (start, end) spans highlighted here."""
    return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in edit.extraSelections()
            if s.format.property(OURS)]


def replace_in_document(edit, replacements: list[Replacement]) -> int:
    """Replace spans of a QTextEdit/QPlainTextEdit in one undo step; a span that no longer
    holds the expected text is left alone. Returns how many were replaced."""
    cursor = QTextCursor(edit.document())
    done = 0
    cursor.beginEditBlock()
    for start, end, expected, new in sorted(replacements, reverse=True):   # from the end: spans stay put
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != expected:
            continue
        cursor.insertText(new)
        done += 1
    cursor.endEditBlock()
    return done


def replace_in_line(edit: QLineEdit, start: int, end: int, expected: str, new: str) -> bool:
    """The same for a one-line field; start -1 replaces the whole text."""
    if start < 0:
        start, end = 0, len(edit.text())
    if edit.text()[start:end] != expected:
        return False
    edit.setSelection(start, end - start)
    edit.insert(new)
    return True


def show_span(edit: QTextEdit, finding: Finding) -> None:
    """Select a finding's span in the body and scroll to it."""
    if not 0 <= finding.start < finding.end <= edit.document().characterCount() - 1:
        return
    cursor = QTextCursor(edit.document())
    cursor.setPosition(finding.start)
    cursor.setPosition(finding.end, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()
