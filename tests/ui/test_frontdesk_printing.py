"""The printer gets the very cards the preview shows: same pages, same text in the same
places, A4 four-up with its crop marks, and whole jobs rather than half ones."""
from __future__ import annotations

import pytest
from PyQt6.QtPrintSupport import QPrinter

from desktop.cards.painter import CardPainter, prepare_printer
from forms.cards import CardTemplate, render_cards
from forms.cards.render import plan_sheets
from forms.fonts import FontSet
from tests.cards.card_helpers import demo_cards, long_guide_card, normalise, pdf_lines


def printed(tmp_path, cards, layout: str, progress=None) -> bytes:
    out = tmp_path / f"{layout}.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    prepare_printer(printer, layout)
    fonts = FontSet.discover()
    sheets = plan_sheets(cards, CardTemplate.default(), layout, fonts)
    CardPainter(fonts).print_sheets(printer, sheets, progress)
    return out.read_bytes()


def placed(pdf: bytes) -> list[tuple[int, str, float, float]]:
    return [(line.page, normalise(line.text), line.x, line.y) for line in pdf_lines(pdf) if normalise(line.text)]


@pytest.mark.parametrize("layout", ["a6", "a4x4", "placard"])
def test_printed_text_sits_where_reportlab_puts_it(qapp, tmp_path, layout):
    cards = demo_cards()[:2] + [long_guide_card(materials=8, condition_chars=300)]
    expected = placed(render_cards(cards, CardTemplate.default(), layout).pdf)
    got = placed(printed(tmp_path, cards, layout))
    assert [(p, t) for p, t, _, _ in got] == [(p, t) for p, t, _, _ in expected]
    worst = max(max(abs(a[2] - b[2]), abs(a[3] - b[3])) for a, b in zip(got, expected))
    assert worst < 1.0, f"a line is {worst:.2f} pt away from where the preview shows it"


def test_a_cancelled_job_stops_between_pages(qapp, tmp_path):
    seen = []

    def stop_after_two(done, total):
        seen.append(done)
        return done < 2
    from forms.cards import Cancelled
    with pytest.raises(Cancelled):
        printed(tmp_path, demo_cards()[:6], "a6", stop_after_two)
    assert seen == [1, 2]
