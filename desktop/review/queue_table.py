"""The queue's table: the title takes whatever room the short columns leave, and the
table never needs a horizontal scroll bar.

The short columns are sized once, to their header and the first rows, each capped; the
title stretches and never gets narrower than TITLE_MIN_CHARS characters. The table's
minimum width is exactly what that needs, so the splitter beside it stops before any
column would have to be cut off or scrolled to.
"""
from __future__ import annotations

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop.review.queue_model import (
    COLUMN_COLUMN, DEADLINE_COLUMN, DRAFTER_COLUMN, SECTION_COLUMN, STAGE_COLUMN, TIME_COLUMN, TITLE_COLUMN,
    QueueModel,
)

FIT_SAMPLE = 60                 # rows measured: resizeColumnToContents asks the model for far more cells
TITLE_MIN_CHARS = 10
PADDING = 16
# The widest each short column may get, in characters of the table's font (a longer section
# or column name is elided; its tooltip has it whole).
CAPS = {DEADLINE_COLUMN: 9, SECTION_COLUMN: 6, COLUMN_COLUMN: 5, STAGE_COLUMN: 7, DRAFTER_COLUMN: 4,
        TIME_COLUMN: 4}


class QueueTable(QTableView):
    def __init__(self, model: QueueModel, parent=None):
        super().__init__(parent)
        self.setObjectName("queueTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(32)
        self.fit_columns()

    def char_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("审")

    def fit_columns(self) -> None:
        """Short columns as wide as their header and the first rows, each within its cap;
        then the table's minimum width: those columns, the title's minimum, the frame and
        the vertical scroll bar."""
        model, metrics, char = self.model(), self.fontMetrics(), self.char_width()
        sample = model.rows[:FIT_SAMPLE]
        for column, cap in CAPS.items():
            texts = [str(model.headerData(column, Qt.Orientation.Horizontal) or "")]
            texts += [model.text(row, column) for row in sample]
            widest = max(metrics.horizontalAdvance(text) for text in texts) + PADDING
            self.setColumnWidth(column, min(widest, cap * char + PADDING))
        self.setMinimumWidth(self.needed_width())

    def needed_width(self) -> int:
        short = sum(self.columnWidth(c) for c in CAPS if not self.isColumnHidden(c))
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        return short + TITLE_MIN_CHARS * self.char_width() + PADDING + scroll_bar + 2 * self.frameWidth()

    def show_section_column(self, shown: bool) -> None:
        """Someone who reviews one section's items needs no section column."""
        self.setColumnHidden(SECTION_COLUMN, not shown)
        self.setMinimumWidth(self.needed_width())
