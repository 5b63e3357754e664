"""Printing guide cards: the system print dialog, the job on the cards thread, the count.

`print_request(printer, user, request, job)` is the whole print: it asks db.cards which
of the guides may print (approved current versions; the rest are refused with why),
lays their cards out with the layout's template and paints them onto the printer
(desktop.cards.painter). The print dialog's 打印 button leads to it through
`CardPrinter.start`, which runs it on the cards thread with progress and Cancel and,
once the pages are spooled, records the job in the audit trail through the write worker.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable

from PyQt6.QtCore import QCoreApplication
from PyQt6.QtPrintSupport import QPrintDialog, QPrinter
from PyQt6.QtWidgets import QDialog, QWidget

from db.cards import printing, templates
from db.cards.printing import PrintableGuide, PrintedGuide, Refusal
from desktop.cards.jobs import CardJob, JobProgress
from desktop.operations import Op
from forms.cards import Cancelled, CardData, CardTemplate


def tr(text: str) -> str:
    return QCoreApplication.translate("CardPrinting", text)


@dataclass(frozen=True)
class PrintRequest:
    item_ids: tuple[str, ...]
    layout: str                     # a6, a4x4 or placard
    copies: int = 1                 # cards of each guide


@dataclass
class PrintOutcome:
    request: PrintRequest
    printed: list[PrintableGuide] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    pages: int = 0
    warnings: list[str] = field(default_factory=list)
    cancelled: bool = False


def card_of(guide: PrintableGuide) -> CardData:
    return CardData(guide.guide, guide.title, guide.section, guide.version_no, guide.approved_on, guide.url)


def template_for(layout: str) -> CardTemplate:
    stored = templates.for_layout(layout)
    return CardTemplate(stored.name, stored.elements)


def preview_pdf(user, item_id: str, layout: str, copies: int = 1):
    """(PrintableGuide, RenderResult): what a card of this guide prints, as PDF bytes."""
    from forms.cards import render_cards
    guide = printing.printable_guide(user, item_id)
    return guide, render_cards([card_of(guide)], template_for(layout), layout, copies=copies)


def print_request(printer: QPrinter, user, request: PrintRequest, job: CardJob | None = None) -> PrintOutcome:
    """Print the guides of `request` that may print onto `printer` (see module doc)."""
    from desktop.cards.painter import CardPainter
    from forms.cards.render import plan_sheets
    from forms.fonts import FontSet

    printable, refused = printing.printable_batch(user, list(request.item_ids))
    outcome = PrintOutcome(request, printable, refused)
    if not printable:
        return outcome
    fonts = FontSet.discover()
    planning = None if job is None else (lambda done, _total: job.report(done, len(printable) + 1))
    try:
        sheets = plan_sheets([card_of(g) for g in printable], template_for(request.layout), request.layout,
                             fonts, request.copies, planning)
        outcome.warnings = list(sheets.warnings)
        spooling = None if job is None else (lambda done, total: job.report(len(printable) + done, len(printable) + total))
        outcome.pages = CardPainter(fonts).print_sheets(printer, sheets, spooling)
    except Cancelled:
        outcome.cancelled, outcome.pages = True, 0
        _drop_partial_file(printer)
    return outcome


def _drop_partial_file(printer: QPrinter) -> None:
    """A cancelled print to a PDF file leaves no half-written file behind (a real printer
    drops the job: QPrinter.abort)."""
    path = printer.outputFileName()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and path and os.path.exists(path):
        os.remove(path)


def new_printer(layout: str) -> QPrinter:
    from desktop.cards.painter import prepare_printer
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(tr("办事须知卡"))
    prepare_printer(printer, layout)
    return printer


class CardPrinter:
    """Print through the system dialog, on the cards thread, with progress and Cancel."""

    def __init__(self, ctx, parent: QWidget):
        self.ctx, self.parent = ctx, parent
        self.job: CardJob | None = None

    def ask(self, layout: str) -> QPrinter | None:
        """The system print dialog for a printer set up for `layout`; None when cancelled."""
        printer = new_printer(layout)
        dialog = QPrintDialog(printer, self.parent)
        dialog.setWindowTitle(tr("打印办事须知卡"))
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def start(self, printer: QPrinter, request: PrintRequest,
              done: Callable[[PrintOutcome], None] | None = None, show_after_ms: int | None = None) -> CardJob:
        """What the print dialog's 打印 leads to: print on the cards thread, then count it."""
        user = self.ctx.user
        job = CardJob(self.parent, self.ctx, lambda job: print_request(printer, user, request, job))
        label = tr("正在准备 {n} 份办事指南的卡片……").format(n=len(request.item_ids))
        kwargs = {} if show_after_ms is None else {"show_after_ms": show_after_ms}
        self.progress = JobProgress(self.parent, job, label, **kwargs)
        job.success(lambda outcome: self._printed(outcome, done))
        if done is not None:
            job.failure(lambda error: self._failed(error, request, done))
        self.job = job.run_in_background()
        return job

    def _printed(self, outcome: PrintOutcome, done) -> None:
        """Count a spooled job in the audit trail (write worker), then tell `done`."""
        report = (lambda _result=None: done(outcome)) if done is not None else (lambda _result=None: None)
        if not outcome.pages or outcome.cancelled:
            report()
            return
        printed = [PrintedGuide(g.item_id, g.version_no) for g in outcome.printed]
        user, request = self.ctx.user, outcome.request
        Op(self.parent, self.ctx, lambda: printing.record_print(
            user, printed, request.layout, request.copies, outcome.pages)).success(report).run_in_background()

    def _failed(self, error: BaseException, request: PrintRequest, done) -> None:
        from desktop.operations import show_error
        show_error(self.parent, self.ctx, error)
        done(PrintOutcome(request, cancelled=True))
