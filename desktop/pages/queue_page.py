"""The review queue (审核队列): what a section head or leader can decide now, most urgent
first, with the preview, the comparison with the live version and the decision buttons.

Keyboard: Ctrl+Enter approves (as the button says), A asks first and then approves, C
approves with a comment, R returns with a reason, Ctrl+B bulk-approves the selected rows
after asking, D / V show the comparison / preview, Ctrl+P saves the approval slip as PDF.
After each decision the next item is selected and a line says what happened.

Besides 待我审核, the view choice lists what nobody can decide now (无人可审, for
supervising leaders and administrators) and decisions the site database refused
(网站数据库拒绝), each row with the reason; those rows can be read but not decided here.
"""
from __future__ import annotations

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PyQt6.QtGui import QKeySequence, QShortcut
from PyQt6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSplitter, QVBoxLayout, QWidget,
)

from db import clock, workdays
from db.models import Column
from db.workflow import queue
from desktop.context import Changes, user_key
from desktop.operations import Query, error_text
from desktop.review import labels
from desktop.review.deciding import DecidingMixin
from desktop.review.panel import DIFF, PREVIEW, ReviewPanel
from desktop.review.queue_model import ROW_ROLE, QueueModel
from desktop.review.queue_table import QueueTable
from desktop.review.slips import SlipSaver

PAGE_ROWS = 100                # rows per fetch: the first screenful shows without reading the rest
MINE, UNREVIEWABLE, REFUSED = "mine", "unreviewable", "refused"
VIEW_NAMES = {MINE: QT_TRANSLATE_NOOP("QueuePage", "待我审核"),
              UNREVIEWABLE: QT_TRANSLATE_NOOP("QueuePage", "无人可审"),
              REFUSED: QT_TRANSLATE_NOOP("QueuePage", "网站数据库拒绝")}
SPLITTER_KEY = "queue/splitter"


def tr(text: str) -> str:
    return QCoreApplication.translate("QueuePage", text)


def views_for(role: str) -> tuple[str, ...]:
    """The views a role has: administrators decide nothing, so they see only the problems."""
    if role == "admin":
        return UNREVIEWABLE, REFUSED
    if role == "leader":
        return MINE, UNREVIEWABLE, REFUSED
    return MINE, REFUSED


class Page(DecidingMixin, QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.views = views_for(ctx.user.role)
        self.view = self.views[0]
        self.busy = False
        self.loaded_once = False
        self.follow_id = ""            # the item to select after the next reload
        self.shown_filters = (None, None, None)
        self._first_read()             # the first rows first: read while the page is built
        self.model = QueueModel(self)
        self.model.english = ctx.english()
        self.model.fetcher = self._fetch_more
        self.table = QueueTable(self.model)
        self.panel = ReviewPanel(ctx, self)
        self.slips = SlipSaver(ctx, self)
        self.view_choice, self.section_filter, self.column_filter, self.kind_filter = (QComboBox() for _ in range(4))
        self._fill_filters()
        self.total = QLabel()
        self.bulk_button = QPushButton(tr("批量批准所选"))
        self.bulk_button.setToolTip(tr("批准所有选中的信息（Ctrl+B，先确认）；有未处理阻断性检查问题的将跳过"))
        self._lay_out()
        self._connect()
        self._add_shortcuts()
        self._enable_filters()
        self._count_views()
        ctx.hub.changed.connect(self._on_changed)

    # --- building ----------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        for view in self.views:
            self.view_choice.addItem(tr(VIEW_NAMES[view]), view)
        self.view_choice.setToolTip(tr("待我审核：我现在可以决定的；无人可审：现在没有人能审批的；"
                                       "网站数据库拒绝：同步时被网站数据库拒绝的审批意见"))
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
        for combo in (self.view_choice, self.section_filter, self.column_filter, self.kind_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(5)
            combo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.table.show_section_column(len(sections) > 1)

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
        filters.addWidget(self.view_choice)
        for label, combo in ((tr("科室"), self.section_filter), (tr("栏目"), self.column_filter),
                             (tr("类型"), self.kind_filter)):
            filters.addWidget(QLabel(label))
            filters.addWidget(combo, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        bottom.addWidget(self.bulk_button)
        left_layout.addLayout(bottom)
        self.total.setToolTip(tr("按住 Ctrl 或 Shift 可多选"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("queueSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.panel)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 400])
        saved = self.ctx.settings.value(user_key(self.ctx.user, SPLITTER_KEY))
        if saved is not None:
            self.splitter.restoreState(saved)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def _connect(self) -> None:
        self.view_choice.currentIndexChanged.connect(lambda _index: self._view_chosen())
        for combo in (self.section_filter, self.column_filter, self.kind_filter):
            combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.splitter.splitterMoved.connect(self._remember_splitter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.bulk_button.clicked.connect(self.bulk_approve_selected)
        self.panel.approve_button.clicked.connect(lambda: self.approve_current())
        self.panel.comment_button.clicked.connect(self.approve_with_comment)
        self.panel.return_button.clicked.connect(self.return_current)
        self.panel.slip_button.clicked.connect(self.save_slip)

    def _remember_splitter(self, *_args) -> None:
        self.ctx.settings.setValue(user_key(self.ctx.user, SPLITTER_KEY), self.splitter.saveState())

    def _add_shortcuts(self) -> None:
        keys = ((QKeySequence("Ctrl+Return"), lambda: self.approve_current()),
                (QKeySequence("Ctrl+Enter"), lambda: self.approve_current()),
                (QKeySequence("A"), self.ask_and_approve),
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
    def deciding(self) -> bool:
        """The rows shown are the user's to decide (not one of the problem views)."""
        return self.view == MINE

    def _view_chosen(self) -> None:
        self.view = self.view_choice.currentData()
        self._enable_filters()
        self.refresh()

    def _enable_filters(self) -> None:
        """The filters narrow the user's own queue; the problem views are short and whole."""
        for combo in (self.section_filter, self.column_filter, self.kind_filter):
            combo.setEnabled(self.deciding())
        self._update_bulk_button()

    def _first_read(self) -> None:
        if self.deciding():
            self._fetch(None, None, None)
        else:
            self._fetch_problems()

    def refresh(self) -> None:
        if not self.deciding():
            self._fetch_problems()
            return
        section = self.section_filter.currentData() or None
        columns, kind = self.column_filter.currentData() or None, self.kind_filter.currentData() or None
        self._fetch(section, columns, kind, max(PAGE_ROWS, len(self.model.rows)))   # as far as was scrolled

    def _fetch(self, section: str | None, columns: list[str] | None, kind: str | None,
               limit: int | None = None) -> None:
        """The first `limit` rows (a page); the count and the rows after them are asked for apart."""
        user, filters, limit = self.ctx.user, (section, columns, kind), limit or PAGE_ROWS

        def fetch():
            rows = queue.queue_for(user, section_id=section, column_ids=columns, kind=kind, limit=limit)
            return MINE, rows, len(rows) == limit, workdays.overrides(), clock.local_today(), filters
        Query(self, self.ctx, fetch, key="review-queue").success(self._loaded).run_in_background()

    def _fetch_problems(self) -> None:
        user, view = self.ctx.user, self.view

        def fetch():
            from db.workflow import attention
            rows = attention.unreviewable_for(user) if view == UNREVIEWABLE else attention.refused_for(user)
            return view, rows, False, workdays.overrides(), clock.local_today(), (None, None, None)
        Query(self, self.ctx, fetch, key="review-queue").success(self._loaded).run_in_background()

    def _loaded(self, result) -> None:
        view, rows, more, calendar, today, filters = result
        if view != self.view:
            return                     # the view changed while this was read
        self.shown_filters = filters
        keep = self.follow_id or (self.current_row().item_id if self.current_row() else "")
        self.follow_id = ""
        self.model.set_rows(rows, calendar, today, more)
        if not self.loaded_once:
            self.table.fit_columns()
        self.loaded_once = True
        self._select(self.model.index_of(keep) if keep else -1)
        if self.deciding():
            self._count(today)
        else:
            self.total.setText(tr("共 {n} 条").format(n=len(rows)))

    def _count(self, today) -> None:
        """共 n 条待审，其中超期 m 条, counted on the read worker after the rows are shown."""
        user, (section, columns, kind) = self.ctx.user, self.shown_filters
        (Query(self, self.ctx, lambda: queue.queue_totals(user, today.isoformat(), section, columns, kind),
               key="review-queue-totals").success(self._counted).run_in_background())

    def _counted(self, totals: tuple[int, int]) -> None:
        if not self.deciding():
            return
        total, overdue = totals
        text = tr("共 {n} 条待审").format(n=total)
        self.total.setText(text + (tr("，其中超期 {n} 条").format(n=overdue) if overdue else ""))

    def _count_views(self) -> None:
        """How many rows each problem view holds, in the view choice ("无人可审（2）")."""
        if len(self.views) < 2:
            return
        user = self.ctx.user

        def count():
            from db.workflow import attention
            return attention.counts(user)
        Query(self, self.ctx, count, key="review-queue-views").success(self._views_counted).run_in_background()

    def _views_counted(self, counts: dict[str, int]) -> None:
        for index, view in enumerate(self.views):
            if view in counts:
                name = tr(VIEW_NAMES[view])
                self.view_choice.setItemText(index, tr("{view}（{n}）").format(view=name, n=counts[view])
                                             if counts[view] else name)

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
        if changes.queue or changes.items or changes.sync or changes.directory:
            self.refresh()
            self._count_views()

    def _selection_changed(self, *_args) -> None:
        self._update_bulk_button()
        row = self.current_row()
        if row is not None and row is not self.panel.row:
            self.panel.show_row(row, decidable=self.deciding() and not row.problem)

    def _update_bulk_button(self) -> None:
        count = len(self.selected_rows())
        self.bulk_button.setText(tr("批量批准所选（{n}）").format(n=count) if count > 1 else tr("批量批准所选"))
        self.bulk_button.setEnabled(count > 1 and not self.busy and self.deciding())
        self.bulk_button.setVisible(self.deciding())

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
