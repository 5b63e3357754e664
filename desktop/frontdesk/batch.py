"""批量打印: every guide of a section or of a window, with progress and Cancel.

The dialog lists what will print (approved current versions) and what will not, each
with the reason (db.cards.printing.printable_batch), before anything is sent. Printing
runs on the cards thread (desktop.cards.printing.CardPrinter); the progress shows after a
moment, and Cancel stops between pages and throws the job away.
"""
from __future__ import annotations

from PyQt6.QtCore import QCoreApplication, Qt
from PyQt6.QtGui import QBrush, QColor
from PyQt6.QtWidgets import (
    QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QListWidget, QListWidgetItem, QRadioButton, QSpinBox, QVBoxLayout,
)

from db.cards import index, printing, rules
from desktop.cards.printing import CardPrinter, PrintOutcome, PrintRequest
from desktop.frontdesk.page import layout_label, outcome_text
from desktop.operations import Query


def tr(text: str) -> str:
    return QCoreApplication.translate("FrontDesk", text)


def batch_contents(user, by: str, value: str):
    """(printable guides, refusals) of a section ("section", id) or window ("window", name)."""
    ids = index.ids_of_section(value) if by == "section" else index.ids_at_window(value)
    return printing.printable_batch(user, ids)


class BatchDialog(QDialog):
    def __init__(self, ctx, parent, layout: str, copies: int = 1):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("批量打印办事须知卡"))
        self.printer = CardPrinter(ctx, self)
        self.printable: list = []
        self.outcome: PrintOutcome | None = None
        self._build(layout, copies)
        self.resize(720, 560)
        Query(self, ctx, lambda: (index.sections(), index.windows()), key=f"batch.choices.{id(self)}") \
            .success(self._fill_choices).run_in_background()

    def _build(self, layout: str, copies: int) -> None:
        self.by_section, self.by_window = QRadioButton(tr("按科室")), QRadioButton(tr("按窗口"))
        self.by_section.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_section)
        group.addButton(self.by_window)
        self.section_combo, self.window_combo = QComboBox(), QComboBox()
        self.window_combo.setEnabled(False)
        self.layout_combo = QComboBox()
        for name in rules.LAYOUTS:
            self.layout_combo.addItem(layout_label(name, self.ctx.english()), name)
        self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData(layout)))
        self.copies = QSpinBox()
        self.copies.setRange(1, 200)
        self.copies.setValue(copies)
        self.copies.setSuffix(tr(" 张"))
        choose = QGridLayout()
        choose.addWidget(self.by_section, 0, 0)
        choose.addWidget(self.section_combo, 0, 1)
        choose.addWidget(self.by_window, 1, 0)
        choose.addWidget(self.window_combo, 1, 1)
        choose.setColumnStretch(1, 1)
        form = QFormLayout()
        form.addRow(tr("版式"), self.layout_combo)
        form.addRow(tr("每项份数"), self.copies)
        self.printable_list, self.refused_list = QListWidget(), QListWidget()
        self.printable_box, self.refused_box = QGroupBox(), QGroupBox()
        for box, widget in ((self.printable_box, self.printable_list), (self.refused_box, self.refused_list)):
            inner = QVBoxLayout(box)
            inner.addWidget(widget)
        lists = QHBoxLayout()
        lists.addWidget(self.printable_box, 1)
        lists.addWidget(self.refused_box, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.print_button = self.buttons.addButton(tr("打印…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self.print_all)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addLayout(form)
        layout.addLayout(lists, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.by_section.toggled.connect(self._mode_changed)
        self.section_combo.currentIndexChanged.connect(lambda _i: self.load())
        self.window_combo.currentIndexChanged.connect(lambda _i: self.load())
        self._show_lists([], [])

    def _fill_choices(self, choices) -> None:
        sections, windows = choices
        for section_id, name, count in sections:
            self.section_combo.addItem(tr("{name}（{n} 项）").format(name=name, n=count), section_id)
        for window, count in windows:
            self.window_combo.addItem(tr("{name}（{n} 项）").format(name=window, n=count), window)
        self.load()

    def _mode_changed(self, by_section: bool) -> None:
        self.section_combo.setEnabled(by_section)
        self.window_combo.setEnabled(not by_section)
        self.load()

    def choice(self) -> tuple[str, str] | None:
        combo = self.section_combo if self.by_section.isChecked() else self.window_combo
        value = combo.currentData()
        return None if value is None else ("section" if self.by_section.isChecked() else "window", value)

    def load(self) -> None:
        choice = self.choice()
        if choice is None:
            self._show_lists([], [])
            return
        user = self.ctx.user
        Query(self, self.ctx, lambda: batch_contents(user, *choice), key=f"batch.contents.{id(self)}") \
            .success(lambda found: self._show_lists(*found)).run_in_background()

    def _show_lists(self, printable: list, refused: list) -> None:
        self.printable = printable
        self.printable_list.clear()
        self.refused_list.clear()
        for guide in printable:
            QListWidgetItem(tr("{name}（第{n}版）").format(name=guide.title, n=guide.version_no), self.printable_list)
        for refusal in refused:
            item = QListWidgetItem(refusal.title, self.refused_list)
            item.setToolTip(refusal.english if self.ctx.english() else refusal.message)
            item.setForeground(QBrush(QColor("#a33")))
            reason = QListWidgetItem("    " + (refusal.english if self.ctx.english() else refusal.message),
                                     self.refused_list)
            reason.setForeground(QBrush(QColor("#777")))
            reason.setFlags(Qt.ItemFlag.NoItemFlags)
        self.printable_box.setTitle(tr("将打印（{n} 项）").format(n=len(printable)))
        self.refused_box.setTitle(tr("不能打印（{n} 项）").format(n=len(refused)))
        self.print_button.setEnabled(bool(printable))

    def request(self) -> PrintRequest:
        return PrintRequest(tuple(g.item_id for g in self.printable), self.layout_combo.currentData(),
                            self.copies.value())

    def print_all(self) -> None:
        if self.printable:
            printer = self.printer.ask(self.layout_combo.currentData())
            if printer is not None:
                self.start(printer)

    def start(self, printer, show_after_ms: int | None = None):
        """What the print dialog's 打印 leads to (tests call it with a PDF printer)."""
        self.print_button.setEnabled(False)
        return self.printer.start(printer, self.request(), self.printed, show_after_ms)

    def printed(self, outcome: PrintOutcome) -> None:
        self.outcome = outcome
        self.print_button.setEnabled(bool(self.printable))
        self.status.setText(outcome_text(outcome, self.ctx.english()))
