"""导引台: the front desk finds a service and prints its guide card (办事须知卡).

Keyboard first. Type a name (营业执照), its pinyin (yingyezhizhao, ying ye zhi zhao) or
initials (yyzz): matches show as you type (db.cards.index on the read worker, a short
pause after the last key), the best one selected and previewed. Down moves into the
list, Up from its top (or Esc) back to the box, Enter previews, Ctrl+P prints through the
system print dialog. 批量打印 prints every guide of a section or window.

The preview is rendered on the cards thread and shown in Qt's PDF view; a guide that may
not print says why instead (db.cards.printing: approved current versions only).
"""
from __future__ import annotations

from PyQt6.QtCore import QCoreApplication, Qt, QTimer, pyqtSignal
from PyQt6.QtGui import QKeySequence, QShortcut
from PyQt6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox,
    QSplitter, QTableView, QVBoxLayout, QWidget,
)

from db.cards import index, rules
from desktop.cards.jobs import CardJob
from desktop.cards.preview import CardPreview
from desktop.cards.printing import CardPrinter, PrintOutcome, PrintRequest, preview_pdf
from desktop.frontdesk.results import HIT_ROLE, HitsModel
from desktop.operations import Op, Query, error_text

SEARCH_DELAY_MS = 150
PREVIEW_DELAY_MS = 80


def tr(text: str) -> str:
    return QCoreApplication.translate("FrontDesk", text)


class SearchBox(QLineEdit):
    """Down (or Enter) goes to the results."""
    down = pyqtSignal()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class ResultsView(QTableView):
    """Up from the first row, or Esc, goes back to the search box; typing goes there too."""
    back = pyqtSignal(str)            # text typed while the list had the focus

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape or (key == Qt.Key.Key_Up and self.currentIndex().row() <= 0):
            self.back.emit("")
            return
        text = event.text()
        if text and text.isprintable() and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.back.emit(text)
            return
        super().keyPressEvent(event)


def layout_label(layout: str, english: bool) -> str:
    zh, en = rules.LAYOUT_LABELS[layout]
    return en if english else zh


class Page(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = HitsModel(self, ctx.english())
        self.printer = CardPrinter(ctx, self)
        self.preview_job: CardJob | None = None
        self.shown_item: str | None = None
        self.searched: str | None = None
        self._build()
        self._connect()
        ctx.hub.changed.connect(self.on_changes)
        self.refresh()

    # building -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = SearchBox()
        self.search.setObjectName("frontDeskSearch")
        self.search.setPlaceholderText(tr("输入事项名称、拼音或首字母，如：营业执照、yingyezhizhao、yyzz"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(34)
        font = self.search.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.search.setFont(font)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.results = ResultsView()
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().hide()
        self.results.setWordWrap(False)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.count_label = QLabel()
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 13pt; font-weight: bold")
        self.title_label.setWordWrap(True)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setStyleSheet("color: #555")
        self.layout_combo = QComboBox()
        for layout in rules.LAYOUTS:
            self.layout_combo.addItem(layout_label(layout, self.ctx.english()), layout)
        saved = self.ctx.settings.value("frontdesk/layout", "a6")
        self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData(saved)))
        self.copies = QSpinBox()
        self.copies.setRange(1, 200)
        self.copies.setSuffix(tr(" 张"))
        self.copies.setToolTip(tr("每项办事指南打印的卡片张数（A4 四联时每页排 4 张）"))
        self.print_button = QPushButton(tr("打印…"))
        self.print_button.setToolTip(tr("用系统打印对话框打印所选办事指南的卡片（Ctrl+P）"))
        self.batch_button = QPushButton(tr("批量打印…"))
        self.batch_button.setToolTip(tr("打印一个科室或一个窗口的全部办事指南"))
        self.preview = CardPreview(self, self.ctx.english())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._lay_out()

    def _lay_out(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.results, 1)
        left_layout.addWidget(self.count_label)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(tr("版式")))
        controls.addWidget(self.layout_combo)
        controls.addWidget(QLabel(tr("份数")))
        controls.addWidget(self.copies)
        controls.addStretch(1)
        controls.addWidget(self.print_button)
        controls.addWidget(self.batch_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title_label)
        right_layout.addWidget(self.info_label)
        right_layout.addLayout(controls)
        right_layout.addWidget(self.preview, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self.search.returnPressed.connect(self.enter_results)
        self.search.down.connect(self.enter_results)
        self.timer.timeout.connect(self.run_search)
        self.results.back.connect(self.back_to_search)
        self.results.activated.connect(lambda _index: self.show_preview())
        self.results.selectionModel().currentRowChanged.connect(lambda *_: self.preview_timer.start())
        self.preview_timer.timeout.connect(self.show_preview)
        self.layout_combo.currentIndexChanged.connect(self._layout_chosen)
        self.copies.valueChanged.connect(lambda _n: self.preview_timer.start())
        self.print_button.clicked.connect(self.print_current)
        self.batch_button.clicked.connect(self.open_batch)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_current)

    # what the main window calls ------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self) -> None:
        """Bring the search index up to date (on the write worker), then search again."""
        Op(self, self.ctx, index.refresh).success(lambda _count: self.run_search()).run_in_background()

    def on_changes(self, changes) -> None:
        if changes.items or changes.queue or changes.sync:
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.search.setFocus)

    # searching ----------------------------------------------------------------------------------
    def run_search(self) -> None:
        self.timer.stop()
        text = self.search.text()
        Query(self, self.ctx, lambda: index.search(text, limit=None), key=f"frontdesk.search.{id(self)}") \
            .success(self.show_hits).run_in_background()

    def show_hits(self, hits) -> None:
        keep = self.current_hit().item_id if self.current_hit() else None
        self.model.set_hits(hits)
        self.count_label.setText(tr("找到 {n} 项").format(n=len(hits)) if self.search.text().strip()
                                 else tr("共 {n} 项办事指南").format(n=len(hits)))
        rows = [h.item_id for h in hits]
        same_query = self.search.text() == self.searched
        self.searched = self.search.text()
        # A new query selects its best match; the same one run again (after a change
        # elsewhere) keeps the guide the user was looking at.
        row = rows.index(keep) if same_query and keep in rows else 0
        if hits:
            self.results.selectRow(row)
            self.results.scrollTo(self.model.index(row, 0))
            self.preview_timer.start()
        else:
            self.show_nothing(tr("没有找到匹配的办事指南。可以试试事项名称中的其他字词、拼音或首字母。"))

    def current_hit(self):
        index_ = self.results.currentIndex()
        return self.model.data(index_.siblingAtColumn(0), HIT_ROLE) if index_.isValid() else None

    def enter_results(self) -> None:
        if self.timer.isActive():
            self.run_search()
        if self.model.rowCount():
            self.results.setFocus()
            if not self.results.currentIndex().isValid():
                self.results.selectRow(0)

    def back_to_search(self, typed: str) -> None:
        self.search.setFocus()
        if typed:
            self.search.insert(typed)

    # preview ----------------------------------------------------------------------------------
    @property
    def layout_name(self) -> str:
        return self.layout_combo.currentData()

    def _layout_chosen(self, _index: int) -> None:
        self.ctx.settings.setValue("frontdesk/layout", self.layout_name)
        self.show_preview()

    def show_preview(self) -> None:
        self.preview_timer.stop()
        hit = self.current_hit()
        if hit is None:
            return
        self.title_label.setText(hit.name)
        if not hit.printable:
            self.shown_item = None
            self.info_label.setText(hit.window)
            self.preview.show_message(hit.reason_text(self.ctx.english()))
            self.print_button.setEnabled(False)
            return
        self.print_button.setEnabled(True)
        user, item_id, layout, copies = self.ctx.user, hit.item_id, self.layout_name, self.copies.value()
        self.preview_job = CardJob(self, self.ctx, lambda job: preview_pdf(user, item_id, layout, copies),
                                   key=f"frontdesk.preview.{id(self)}")
        self.preview_job.success(lambda made: self._previewed(hit, made)).failure(self._preview_failed)
        self.preview_job.run_in_background()

    def _previewed(self, hit, made) -> None:
        guide, result = made
        self.shown_item = guide.item_id
        parts = [tr("第{n}版").format(n=guide.version_no), tr("{day}审定").format(day=guide.approved_on)]
        if guide.window:
            parts.append(guide.window)
        if hit.printed:
            parts.append(tr("已打印 {n} 张").format(n=hit.printed))
        self.info_label.setText(" · ".join(parts))
        self.preview.show_pdf(result.pdf, result.warnings)

    def _preview_failed(self, error: BaseException) -> None:
        self.shown_item = None
        self.print_button.setEnabled(False)
        self.preview.show_message(error_text(self.ctx, error))

    def show_nothing(self, text: str) -> None:
        self.shown_item = None
        self.title_label.clear()
        self.info_label.clear()
        self.preview.show_message(text)

    # printing ----------------------------------------------------------------------------------
    def print_request(self) -> PrintRequest | None:
        hit = self.current_hit()
        if hit is None or not hit.printable:
            return None
        return PrintRequest((hit.item_id,), self.layout_name, self.copies.value())

    def print_current(self) -> None:
        request = self.print_request()
        if request is None:
            hit = self.current_hit()
            self.say(hit.reason_text(self.ctx.english()) if hit else tr("请先选择一项办事指南"))
            return
        printer = self.printer.ask(request.layout)
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer, show_after_ms: int | None = None):
        """What the print dialog's 打印 leads to: the selected guide onto `printer`."""
        request = self.print_request()
        return None if request is None else self.printer.start(printer, request, self.printed, show_after_ms)

    def printed(self, outcome: PrintOutcome) -> None:
        self.say(outcome_text(outcome, self.ctx.english()))
        self.run_search()

    def say(self, text: str) -> None:
        self.status.setText(text)

    def open_batch(self):
        from desktop.frontdesk.batch import BatchDialog
        dialog = BatchDialog(self.ctx, self, self.layout_name, self.copies.value())
        dialog.finished.connect(lambda _result: self.run_search())
        dialog.open()
        return dialog


def outcome_text(outcome: PrintOutcome, english: bool = False) -> str:
    if outcome.cancelled:
        return tr("已取消打印，未计入打印记录。")
    if not outcome.printed:
        return tr("没有可以打印的办事指南。")
    names = "、".join(g.title for g in outcome.printed[:3]) + (tr(" 等") if len(outcome.printed) > 3 else "")
    text = tr("已发送到打印机：{names}（{n} 项，{pages} 页）").format(names=names, n=len(outcome.printed),
                                                              pages=outcome.pages)
    if outcome.refused:
        text += tr("；{n} 项不能打印").format(n=len(outcome.refused))
    from forms.fonts import FALLBACK_WARNING
    if FALLBACK_WARNING in outcome.warnings:       # the printout may not show Chinese elsewhere
        text += "\n" + (FALLBACK_WARNING.english if english else str(FALLBACK_WARNING))
    return text
