"""A list of findings as cards: severity and where, what, and the suggestion or the reason
it was let through. Cards wrap their text, so the list reads well in the editor's narrow
side column and in the queue's preview alike. The editor's panel adds one-click actions
to each card; the leader's view shows the list read-only. Attachment findings are grouped
per file, with the first ones shown (a roster can hold thousands)."""
from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PyQt6.QtCore import QCoreApplication, Qt, pyqtSignal
from PyQt6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop.checks.common import OVERRIDDEN_INK, ink, message_of, place_of, severity_label

if TYPE_CHECKING:
    from db.checks.findings import Finding
    from db.checks.service import CheckedFinding, OverrideNote


def tr(text: str) -> str:
    return QCoreApplication.translate("Checks", text)


SHOWN_PER_FILE = 50


def override_text(note: OverrideNote) -> str:
    version = tr("，第{n}版").format(n=note.version_no) if note.version_no else ""
    return tr("已说明理由：{reason}（{who}{version}）").format(reason=note.reason, who=note.user_name,
                                                        version=version)


def excerpt_text(finding: Finding, english: bool = False) -> str:
    """The text found, after the message, unless the message names it already."""
    if finding.start < 0 or not finding.excerpt or finding.excerpt in finding.message:
        return ""
    return f": “{finding.excerpt}”" if english else f"：“{finding.excerpt}”"


def count_line(unresolved: int, passed: int, warnings: int) -> str:
    """阻断 2 项 · 已说明理由 1 项 · 提示 3 项, leaving out what is zero."""
    parts = [tr("阻断 {n} 项").format(n=unresolved) if unresolved else "",
             tr("已说明理由 {n} 项").format(n=passed) if passed else "",
             tr("提示 {n} 项").format(n=warnings) if warnings else ""]
    return " · ".join(part for part in parts if part)


class FindingCard(QFrame):
    """One finding. Clicking it emits `chosen`."""
    chosen = pyqtSignal(object)

    def __init__(self, row: CheckedFinding, english: bool, buttons: list[QPushButton], in_file: bool):
        super().__init__()
        self.row = row
        finding = row.finding
        colour = (OVERRIDDEN_INK if row.override else ink(finding)).name()
        self.setObjectName("findingCard")
        self.setStyleSheet(f"#findingCard {{ border-left: 4px solid {colour}; background: palette(base); }}")
        label = tr("已放行") if row.override else severity_label(finding)
        where = (finding.location or "") if in_file else place_of(finding, english)
        self.head = QLabel(f"<b style='color:{colour}'>{html.escape(label)}</b>&nbsp;&nbsp;{html.escape(where)}")
        self.message = _wrapping(message_of(finding, english) + excerpt_text(finding, english))
        advice = override_text(row.override) if row.override else (
            tr("建议：{s}").format(s=finding.suggestion) if finding.suggestion else "")
        self.advice = _wrapping(advice)
        self.advice.setStyleSheet("color: palette(dark)" if row.override else "")
        self.advice.setVisible(bool(advice))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 6, 4)
        layout.setSpacing(2)
        for widget in (self.head, self.message, self.advice):
            layout.addWidget(widget)
        self.buttons = buttons
        if buttons:
            line = QHBoxLayout()
            line.addStretch(1)
            for button in buttons:
                line.addWidget(button)
            layout.addLayout(line)

    @property
    def finding(self) -> Finding:
        return self.row.finding

    def mousePressEvent(self, event) -> None:
        self.chosen.emit(self.row.finding)
        super().mousePressEvent(event)


def _wrapping(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class FindingsList(QScrollArea):
    """Cards of CheckedFinding rows. `actions_for(row)` gives the buttons of a card."""
    chosen = pyqtSignal(object)          # the Finding of the card the user clicked

    def __init__(self, english: bool = False, parent=None):
        super().__init__(parent)
        self.english = english
        self.actions_for = lambda _row: []
        self.cards: list[FindingCard] = []
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._new_holder()

    def _new_holder(self) -> None:
        holder = QWidget()
        self.column = QVBoxLayout(holder)
        self.column.setContentsMargins(2, 2, 2, 2)
        self.column.setSpacing(4)
        self.column.addStretch(1)
        self.setWidget(holder)            # the old holder and its cards are deleted

    def show_findings(self, rows: list[CheckedFinding]) -> None:
        self.cards = []
        self._new_holder()
        files: dict[str, list[CheckedFinding]] = {}
        for row in rows:
            if row.finding.source:
                files.setdefault(row.finding.source, []).append(row)
            else:
                self._add_card(row, in_file=False)
        for name, found in files.items():
            self._add_file(name, found)

    def _add(self, widget: QWidget) -> None:
        self.column.insertWidget(self.column.count() - 1, widget)

    def _add_card(self, row: CheckedFinding, in_file: bool) -> None:
        card = FindingCard(row, self.english, self.actions_for(row), in_file)
        card.chosen.connect(self.chosen)
        self.cards.append(card)
        self._add(card)

    def _add_file(self, name: str, rows: list[CheckedFinding]) -> None:
        unresolved = sum(1 for r in rows if r.unresolved)
        head = QLabel(tr("附件“{name}”：{n}项，其中未处理的阻断{b}项").format(name=name, n=len(rows), b=unresolved))
        head.setWordWrap(True)
        head.setStyleSheet("font-weight: bold; margin-top: 4px")
        self._add(head)
        for row in rows[:SHOWN_PER_FILE]:
            self._add_card(row, in_file=True)
        if len(rows) > SHOWN_PER_FILE:
            self._add(QLabel(tr("另有{n}项未列出").format(n=len(rows) - SHOWN_PER_FILE)))
