"""The front desk: find a guide by initials, preview its card in Qt's PDF view, print it
through QPrinter, see why a guide does not print, batch printing with Cancel."""
from __future__ import annotations

import json
import shutil
import subprocess

import pypdf
import pytest
from PyQt6 import sip
from PyQt6.QtCore import Qt
from PyQt6.QtPdf import QPdfDocument
from PyQt6.QtPrintSupport import QPrinter
from PyQt6.QtWidgets import QPushButton

from db import settings
from db.cards import index
from db.models import AuditEvent
from desktop.cards.painter import prepare_printer
from desktop.context import Changes
from desktop.frontdesk.page import Page
from desktop.main_window import MainWindow
from tests.cards.card_helpers import normalise
from tests.cards.guide_fixtures import draft_guide, entry_named, guide_item
from tests.cards.guide_fixtures import guides_profile as profile  # noqa: F401  (the guides, published)
from tests.cards.guide_fixtures import guides_template  # noqa: F401
from tests.ui.shell_helpers import IGNORE_OFFSCREEN

pytestmark = IGNORE_OFFSCREEN
LICENCE = "营业执照遗失补领"


def pdf_printer(path, layout: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    prepare_printer(printer, layout)
    return printer


@pytest.fixture
def desk(qtbot, ctx, log_in):
    log_in("qiantai")
    page = Page(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 41, timeout=10000)
    return page


def type_search(qtbot, page, text: str) -> None:
    page.search.clear()
    qtbot.keyClicks(page.search, text)
    qtbot.waitUntil(lambda: not page.timer.isActive() and page.searched == text, timeout=5000)


def wait_preview(qtbot, page, name: str) -> None:
    qtbot.waitUntil(lambda: page.title_label.text() == name and page.preview.page_count() > 0
                    and page.shown_item is not None, timeout=10000)


def test_front_desk_users_land_on_the_front_desk(qtbot, ctx, log_in):
    log_in("qiantai")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert [spec.key for spec in window.specs] == ["frontdesk"]
    assert isinstance(window.current_page(), Page)


def test_search_by_initials_preview_and_print_through_qprinter(qtbot, ctx, desk, tmp_path):
    type_search(qtbot, desk, "yyzz")
    assert desk.model.hit(0).name == LICENCE
    wait_preview(qtbot, desk, LICENCE)
    document = desk.preview.document
    assert document.status() == QPdfDocument.Status.Ready
    hit = desk.model.hit(0)
    from desktop.cards.printing import preview_pdf
    _, expected = preview_pdf(ctx.user, hit.item_id, "a6")
    assert document.pageCount() == expected.pages
    assert "第1版" in desk.info_label.text()

    out = tmp_path / "printed.pdf"
    desk.print_to(pdf_printer(out, "a6"))
    qtbot.waitUntil(lambda: "已发送到打印机" in desk.status.text(), timeout=15000)
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == expected.pages
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert abs(width - 297.6) < 1 and abs(height - 419.5) < 1                        # A6, in points
    text = normalise("".join(page.extract_text() for page in reader.pages))
    guide = json.loads(guide_item(LICENCE).guide_json)
    for value in [guide["name"], guide["fee"], guide["window"]] + [m["name"] for m in guide["materials"]]:
        assert normalise(value) in text
    event = AuditEvent.select().where(AuditEvent.action == "card_printed").get()
    assert json.loads(event.detail)["guides"] == [hit.item_id] and event.actor_name == "导引台"
    qtbot.waitUntil(lambda: desk.model.hit(0).printed == 1, timeout=5000)            # counted in the list


@pytest.mark.skipif(not (shutil.which("zbarimg") and shutil.which("pdftoppm")), reason="needs zbarimg and pdftoppm")
def test_the_qr_code_on_a_printed_card_opens_the_configured_url(qtbot, ctx, desk, tmp_path):
    settings.put("guide_url_pattern", "https://zwfw.xinyang.gov.cn/bszn/{item_id}.html")
    type_search(qtbot, desk, "yyzz")
    wait_preview(qtbot, desk, LICENCE)
    out, outcomes = tmp_path / "card.pdf", []
    desk.printer.start(pdf_printer(out, "a4x4"), desk.print_request(), outcomes.append)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=15000)
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")], check=True)
    image = next(tmp_path.glob("page*.png"))
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(image)], capture_output=True, text=True).stdout.split()
    assert set(decoded) == {f"https://zwfw.xinyang.gov.cn/bszn/{desk.model.hit(0).item_id}.html"}


def test_keyboard_down_into_the_list_up_back_and_typing_goes_to_the_search(qtbot, desk):
    type_search(qtbot, desk, "xk")
    desk.search.setFocus()
    qtbot.keyClick(desk.search, Qt.Key.Key_Down)
    assert desk.results.hasFocus() and desk.results.currentIndex().row() == 0
    qtbot.keyClick(desk.results, Qt.Key.Key_Down)
    assert desk.results.currentIndex().row() == 1
    wait_preview(qtbot, desk, desk.model.hit(1).name)
    qtbot.keyClick(desk.results, Qt.Key.Key_Up)
    qtbot.keyClick(desk.results, Qt.Key.Key_Up)
    assert desk.search.hasFocus()
    qtbot.keyClick(desk.search, Qt.Key.Key_Down)
    qtbot.keyClicks(desk.results, "q")
    assert desk.search.hasFocus() and desk.search.text() == "xkq"


def test_an_unprintable_guide_is_listed_with_why_and_cannot_be_printed(qtbot, ctx, desk):
    fresh = draft_guide(entry_named("取水许可"))
    desk.refresh()
    type_search(qtbot, desk, "qsxk")
    qtbot.waitUntil(lambda: desk.model.rowCount() == 2, timeout=5000)
    assert [desk.model.hit(n).printable for n in range(2)] == [True, False]
    assert "未提交审核" in desk.model.data(desk.model.index(1, 2))
    desk.results.selectRow(1)
    qtbot.waitUntil(lambda: "尚未提交审核" in desk.preview.message.text(), timeout=5000)
    assert desk.model.hit(1).item_id == fresh.id and not desk.print_button.isEnabled()
    qtbot.keyClick(desk.results, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "尚未提交审核" in desk.status.text()


def test_the_font_fallback_warning_shows_in_a_banner_and_after_printing(qtbot, desk, monkeypatch, tmp_path):
    monkeypatch.setenv("GONGKAI_CARD_FONT", "fallback")
    type_search(qtbot, desk, "yyzz")
    wait_preview(qtbot, desk, LICENCE)
    qtbot.waitUntil(desk.preview.banner.isVisible, timeout=5000)
    assert "未找到可嵌入的中文 TrueType 字体" in desk.preview.banner.text.text()
    desk.print_to(pdf_printer(tmp_path / "fallback.pdf", "a6"))
    qtbot.waitUntil(lambda: "已发送到打印机" in desk.status.text(), timeout=15000)
    assert "未找到可嵌入的中文 TrueType 字体" in desk.status.text()


def test_batch_print_of_a_window_and_cancel(qtbot, ctx, desk, tmp_path):
    dialog = desk.open_batch()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.printable_list.count() == 41, timeout=10000)
    dialog.by_window.setChecked(True)
    dialog.window_combo.setCurrentIndex(dialog.window_combo.findData("A01—A04号综合窗口"))
    qtbot.waitUntil(lambda: dialog.printable_list.count() == 2, timeout=5000)
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("a4x4"))
    out = tmp_path / "window.pdf"
    dialog.start(pdf_printer(out, "a4x4"))
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
    assert dialog.outcome.pages == len(pypdf.PdfReader(out).pages) == 1     # 2 guides, 4 cards: one sheet
    event = AuditEvent.select().where(AuditEvent.action == "card_printed").get()
    assert len(json.loads(event.detail)["guides"]) == 2 and json.loads(event.detail)["layout"] == "a4x4"

    dialog.outcome = None
    dialog.by_section.setChecked(True)
    qtbot.waitUntil(lambda: dialog.printable_list.count() == 41, timeout=5000)
    dialog.copies.setValue(10)
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("a6"))
    cancelled = tmp_path / "cancelled.pdf"
    job = dialog.start(pdf_printer(cancelled, "a6"), show_after_ms=0)
    progress = dialog.printer.progress
    qtbot.waitUntil(lambda: progress.dialog.isVisible() and job.progress[0] > 0, timeout=10000)
    qtbot.mouseClick(progress.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)      # Cancel
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
    assert dialog.outcome.cancelled and not cancelled.exists()
    assert "已取消" in dialog.status.text()
    assert AuditEvent.select().where(AuditEvent.action == "card_printed").count() == 1
    # The progress dialog goes away on its next poll (it is then deleted, not just hidden).
    qtbot.waitUntil(lambda: sip.isdeleted(progress.dialog) or not progress.dialog.isVisible(), timeout=2000)


def test_the_list_follows_changes_made_elsewhere(qtbot, ctx, desk):
    draft_guide(entry_named("农药经营许可"))
    ctx.notify(Changes(items=True))
    qtbot.waitUntil(lambda: desk.model.rowCount() == 42, timeout=5000)
    assert index.search("nyjyxk")[1].reason == "draft"
