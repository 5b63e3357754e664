"""The review queue (审核队列): what a section head or leader may decide now, most urgent
first, with the preview, the comparison with the live version and the decision buttons.

Keyboard: Ctrl+Enter or A approves, C approves with a comment, R returns with a reason,
Ctrl+B bulk-approves the selected rows, D / V show the comparison / preview,
Ctrl+P saves the approval slip as PDF. After each decision the next item is selected and a
line says what happened.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PyQt6.QtCore import QCoreApplication, Qt
from PyQt6.QtGui import QKeySequence, QShortcut
from PyQt6.QtWidgets import (
    QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from db import clock, workdays
from db.models import Column
from db.workflow import queue
from desktop.context import Changes
from desktop.operations import Op, Query, error_text
from desktop.review import labels
from desktop.review.panel import DIFF, PREVIEW, ReviewPanel
from desktop.review.queue_model import ROW_ROLE, TITLE_COLUMN, QueueModel
from desktop.review.slips import SlipSaver

if TYPE_CHECKING:
    from db.workflow import decisions
    from desktop.review.dialogs import BulkReportDialog, CommentDialog, ReturnDialog


MAX_COLUMN_WIDTH = 150
FIT_SAMPLE = 60
PAGE_ROWS = 100                # rows per fetch: the first screenful shows without reading the rest


def tr(text: str) -> str:
    return QCoreApplication.translate("QueuePage", text)


def workflow_decisions():
    """db.workflow.decisions, imported when first deciding (on the write worker): the queue
    shows without loading the decision machinery (submission rules, checks, bundles)."""
    from db.workflow import decisions
    return decisions


def outcome_message(outcome: decisions.Outcome) -> str:
    title = outcome.title
    if outcome.kind == "approved":
        return tr("《{title}》已批准并等待同步").format(title=title)
    if outcome.kind == "held":
        return tr("《{title}》已批准，待配套的《{partner}》审签后一同发布").format(title=title, partner=outcome.held_for)
    if outcome.kind == "next_stage":
        stage = labels.named(labels.STAGE_PEOPLE, outcome.next_stage_role)
        return tr("《{title}》已转到下一环节：{stage}").format(title=title, stage=stage)
    return tr("《{title}》已退回给 {name}").format(title=title, name=outcome.returned_to)


class Page(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._fetch(None, None, None)  # the first rows first: read while the page is built
        self.busy = False
        self.loaded_once = False
        self.follow_id = ""            # the item to select after the next reload
        self.return_dialog: ReturnDialog | None = None
        self.comment_dialog: CommentDialog | None = None
        self.report: BulkReportDialog | None = None
        self.model = QueueModel(self)
        self.model.fetcher = self._fetch_more
        self.table = self._make_table()
        self.panel = ReviewPanel(ctx, self)
        self.slips = SlipSaver(ctx, self)
        self.section_filter, self.column_filter, self.kind_filter = QComboBox(), QComboBox(), QComboBox()
        self._fill_filters()
        self.total = QLabel()
        self.bulk_button = QPushButton(tr("批量批准所选"))
        self.bulk_button.setToolTip(tr("批准所有选中的信息（Ctrl+B）；有未处理阻断性检查问题的将跳过"))
        self._lay_out()
        self._connect()
        self._add_shortcuts()
        ctx.hub.changed.connect(self._on_changed)

    # --- building ----------------------------------------------------------------------------
    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("queueTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        return table

    def _fit_columns(self) -> None:
        """Columns as wide as the header and the first rows, capped so the title keeps the room.
        (Measured here: resizeColumnToContents asks the model for far more cells.)"""
        metrics = self.table.fontMetrics()
        sample = range(min(FIT_SAMPLE, self.model.rowCount()))
        for column in range(self.model.columnCount()):
            if column == TITLE_COLUMN:
                continue
            texts = [self.model.headerData(column, Qt.Orientation.Horizontal)]
            texts += [self.model.text(self.model.rows[row], column) for row in sample]
            widest = max(metrics.horizontalAdvance(str(text or "")) for text in texts)
            self.table.setColumnWidth(column, min(widest + 16, MAX_COLUMN_WIDTH))

    def _fill_filters(self) -> None:
        self.section_filter.addItem(tr("全部科室"), "")
        sections, columns = queue.filter_choices(self.ctx.user)
        for section_id, name in sections:
            self.section_filter.addItem(name, section_id)
        self.column_filter.addItem(tr("全部栏目"), [])
        children: dict[str | None, list[Column]] = {}
        for column in columns:
            children.setdefault(column.parent_id, []).append(column)
        self._add_columns(children, None, 0)
        self.kind_filter.addItem(tr("全部类型"), "")
        for kind in ("article", "guide", "policy", "interpretation"):
            self.kind_filter.addItem(labels.named(labels.KINDS, kind), kind)

    def _add_columns(self, children: dict, parent_id: str | None, depth: int) -> None:
        for column in children.get(parent_id, []):
            self.column_filter.addItem("　" * depth + column.name, self._subtree(children, column))
            self._add_columns(children, column.id, depth + 1)

    def _subtree(self, children: dict, column: Column) -> list[str]:
        ids = [column.id]
        for child in children.get(column.id, []):
            ids += self._subtree(children, child)
        return ids

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for label, combo in ((tr("科室"), self.section_filter), (tr("栏目"), self.column_filter),
                             (tr("类型"), self.kind_filter)):
            filters.addWidget(QLabel(label))
            filters.addWidget(combo)
        filters.addStretch(1)
        filters.addWidget(self.total)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(tr("按住 Ctrl 或 Shift 可多选")))
        bottom.addStretch(1)
        bottom.addWidget(self.bulk_button)
        left_layout.addLayout(bottom)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([640, 620])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def _connect(self) -> None:
        for combo in (self.section_filter, self.column_filter, self.kind_filter):
            combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.bulk_button.clicked.connect(self.bulk_approve_selected)
        self.panel.approve_button.clicked.connect(lambda: self.approve_current())
        self.panel.comment_button.clicked.connect(self.approve_with_comment)
        self.panel.return_button.clicked.connect(self.return_current)
        self.panel.slip_button.clicked.connect(self.save_slip)

    def _add_shortcuts(self) -> None:
        keys = ((QKeySequence("Ctrl+Return"), lambda: self.approve_current()),
                (QKeySequence("Ctrl+Enter"), lambda: self.approve_current()),
                (QKeySequence("A"), lambda: self.approve_current()),
                (QKeySequence("C"), self.approve_with_comment),
                (QKeySequence("R"), self.return_current),
                (QKeySequence("Ctrl+B"), self.bulk_approve_selected),
                (QKeySequence("D"), lambda: self.panel.tabs.setCurrentIndex(DIFF)),
                (QKeySequence("V"), lambda: self.panel.tabs.setCurrentIndex(PREVIEW)),
                (QKeySequence("Ctrl+P"), self.save_slip))
        self.shortcuts = []
        for sequence, slot in keys:
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

    # --- loading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        section = self.section_filter.currentData() or None
        columns, kind = self.column_filter.currentData() or None, self.kind_filter.currentData() or None
        self._fetch(section, columns, kind, max(PAGE_ROWS, len(self.model.rows)))   # as far as was scrolled

    def _fetch(self, section: str | None, columns: list[str] | None, kind: str | None,
               limit: int | None = None) -> None:
        """The first `limit` rows (a page); the count and the rows after them are asked for apart."""
        user, filters, limit = self.ctx.user, (section, columns, kind), limit or PAGE_ROWS

        def fetch():
            rows = queue.queue_for(user, section_id=section, column_ids=columns, kind=kind, limit=limit)
            return rows, len(rows) == limit, workdays.overrides(), clock.local_today(), filters
        Query(self, self.ctx, fetch, key="review-queue").success(self._loaded).run_in_background()

    def _loaded(self, result) -> None:
        rows, more, calendar, today, self.shown_filters = result
        keep = self.follow_id or (self.current_row().item_id if self.current_row() else "")
        self.follow_id = ""
        self.model.set_rows(rows, calendar, today, more)
        if not self.loaded_once:
            self._fit_columns()
        self.loaded_once = True
        self._select(self.model.index_of(keep) if keep else -1)
        self._count(today)

    def _count(self, today) -> None:
        """共 n 条待审，其中超期 m 条, counted on the read worker after the rows are shown."""
        user, (section, columns, kind) = self.ctx.user, self.shown_filters
        (Query(self, self.ctx, lambda: queue.queue_totals(user, today.isoformat(), section, columns, kind),
               key="review-queue-totals").success(self._counted).run_in_background())

    def _counted(self, totals: tuple[int, int]) -> None:
        total, overdue = totals
        text = tr("共 {n} 条待审").format(n=total)
        self.total.setText(text + (tr("，其中超期 {n} 条").format(n=overdue) if overdue else ""))

    def _fetch_more(self, after, generation: int) -> None:
        """The rows after `after`, when the table scrolls down to the end of those shown."""
        user, (section, columns, kind) = self.ctx.user, self.shown_filters

        def fetch():
            rows = queue.queue_for(user, section_id=section, column_ids=columns, kind=kind, limit=PAGE_ROWS,
                                   after=after)
            return rows, len(rows) == PAGE_ROWS
        (Query(self, self.ctx, fetch, key="review-queue-more")
         .success(lambda result: self.model.append_rows(*result, generation))
         .failure(self._more_failed).run_in_background())

    def _more_failed(self, error: BaseException) -> None:
        self.model.fetching = False
        self.panel.say(error_text(self.ctx, error), error=True)

    def _select(self, row: int) -> None:
        if not self.model.rows:
            self.panel.show_row(None)
            self._update_bulk_button()
            return
        row = row if row >= 0 else 0
        self.table.selectRow(min(row, len(self.model.rows) - 1))
        self.table.setFocus()

    def _on_changed(self, changes: Changes) -> None:
        if changes.queue or changes.items or changes.sync:
            self.refresh()

    def _selection_changed(self, *_args) -> None:
        self._update_bulk_button()
        row = self.current_row()
        if row is not None and row is not self.panel.row:
            self.panel.show_row(row)

    def _update_bulk_button(self) -> None:
        count = len(self.selected_rows())
        self.bulk_button.setText(tr("批量批准所选（{n}）").format(n=count) if count > 1 else tr("批量批准所选"))
        self.bulk_button.setEnabled(count > 1 and not self.busy)

    # --- what is selected ----------------------------------------------------------------------
    def current_row(self):
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def selected_rows(self) -> list:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [self.model.rows[n] for n in sorted(rows) if n < len(self.model.rows)]

    def _next_after(self, rows: list) -> str:
        """The item to show once `rows` have left the queue: the one below them."""
        taken = {row.item_id for row in rows}
        last = max((self.model.index_of(row.item_id) for row in rows), default=-1)
        following = [r for r in self.model.rows[last + 1:] if r.item_id not in taken]
        before = [r for r in self.model.rows[:last] if r.item_id not in taken]
        return following[0].item_id if following else (before[-1].item_id if before else "")

    # --- deciding --------------------------------------------------------------------------------
    def approve_current(self, comment: str = "") -> None:
        row = self.current_row()
        if row is None or self.busy:
            return
        user = self.ctx.user
        self._run(lambda: workflow_decisions().approve(user, row.item_id, row.version_no, row.content_hash, comment), [row])

    def approve_with_comment(self) -> None:
        row = self.current_row()
        if row is None or self.busy:
            return
        from desktop.review.dialogs import CommentDialog
        self.comment_dialog = CommentDialog(self, row.title)
        self.comment_dialog.accepted.connect(lambda: self.approve_current(self.comment_dialog.value()))
        self.comment_dialog.finished.connect(self._back_to_table)
        self.comment_dialog.open()

    def return_current(self) -> None:
        row = self.current_row()
        if row is None or self.busy:
            return
        from desktop.review.dialogs import ReturnDialog
        self.return_dialog = ReturnDialog(self, row.title, row.drafter_name)
        self.return_dialog.accepted.connect(lambda: self._return(row, self.return_dialog.value()))
        self.return_dialog.finished.connect(self._back_to_table)
        self.return_dialog.open()

    def _back_to_table(self, _result=None) -> None:
        """After a dialog, the keyboard is back on the queue for the next decision."""
        self.window().activateWindow()
        self.table.setFocus()

    def _return(self, row, reason: str) -> None:
        user = self.ctx.user
        self._run(lambda: workflow_decisions().return_item(user, row.item_id, row.version_no, row.content_hash, reason), [row])

    def _run(self, decide, rows: list) -> None:
        self.busy = True
        self.follow_id = self._next_after(rows)
        (Op(self, self.ctx, decide, Changes(queue=True, items=True))
         .success(self._decided).failure(self._failed).run_in_background())

    def _decided(self, outcome: decisions.Outcome) -> None:
        self.busy = False
        self.panel.say(outcome_message(outcome))

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.follow_id = ""
        self.panel.say(error_text(self.ctx, error), error=True)
        self.refresh()

    def bulk_approve_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) < 2 or self.busy:
            return
        user, targets = self.ctx.user, [(r.item_id, r.version_no, r.content_hash) for r in rows]
        self.busy = True
        self._update_bulk_button()
        self.follow_id = self._next_after(rows)
        (Op(self, self.ctx, lambda: workflow_decisions().bulk_approve(user, targets), Changes(queue=True, items=True))
         .success(self._bulk_done).failure(self._failed).run_in_background())

    def _bulk_done(self, result: decisions.BulkResult) -> None:
        self.busy = False
        english = self.ctx.english()
        skipped = [(s.title, s.english if english else s.reason) for s in result.skipped]
        text = tr("已批准 {done} 条").format(done=len(result.done))
        if skipped:
            text += tr("，跳过 {n} 条（原因见清单）").format(n=len(skipped))
        self.panel.say(text, error=bool(skipped))
        if skipped:
            from desktop.review.dialogs import BulkReportDialog
            self.report = BulkReportDialog(self, len(result.done), skipped)
            self.report.open()

    def save_slip(self) -> None:
        row = self.current_row()
        if row is not None:
            self.slips.ask_and_save(row.item_id, row.version_no)
