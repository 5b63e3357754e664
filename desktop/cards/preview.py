"""Card preview in the app: Qt's PDF view showing the PDF forms.cards renders.

The PDF bytes are made on the cards thread (desktop.cards.jobs) and loaded into a
QPdfDocument from a QBuffer on the main thread; the view shows all pages (a guide that
continues on a 续 card has two) fitted to the width. A warning the renderer gives (no
embeddable Chinese font, characters the font lacks) shows in a banner above the pages.
"""
from __future__ import annotations

from PyQt6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt, pyqtSignal
from PyQt6.QtPdf import QPdfDocument
from PyQt6.QtPdfWidgets import QPdfView
from PyQt6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QStackedWidget, QVBoxLayout, QWidget

from desktop.editor.banner import Banner, Notice


def tr(text: str) -> str:
    return QCoreApplication.translate("CardPreview", text)


def warnings_notice(warnings, english: bool) -> Notice | None:
    """The renderer's warnings as one banner; the font fallback first and loudest."""
    if not warnings:
        return None
    texts = [getattr(w, "english", str(w)) if english else str(w) for w in warnings]
    return Notice("warning", tr("打印效果提示"), "\n".join(dict.fromkeys(texts)))


class CardPreview(QWidget):
    """The pages of one rendering, or a line saying why there is none."""
    loaded = pyqtSignal(int)            # page count, once a PDF is shown

    def __init__(self, parent=None, english: bool = False):
        super().__init__(parent)
        self.english = english
        self.document = QPdfDocument(self)
        self.buffer: QBuffer | None = None
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)      # a whole card in sight
        self.view.setPageSpacing(12)
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #666; padding: 24px")
        self.banner = Banner(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.show_message(tr("选择一项办事指南即可预览其办事须知卡"))

    def show_pdf(self, pdf: bytes, warnings=()) -> None:
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self.buffer is not None:
            self.buffer.deleteLater()
        self.buffer = buffer
        self.banner.show_notice(warnings_notice(warnings, self.english))
        self.stack.setCurrentWidget(self.view)
        self.loaded.emit(self.document.pageCount())

    def show_message(self, text: str) -> None:
        self.document.close()
        self.banner.show_notice(None)
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def page_count(self) -> int:
        return self.document.pageCount() if self.stack.currentWidget() is self.view else 0


class PreviewDialog(QDialog):
    """A card preview in a window of its own (the guide editor's 预览卡片)."""

    def __init__(self, parent, title: str, english: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.preview = CardPreview(self, english)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("关闭"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.resize(520, 760)
