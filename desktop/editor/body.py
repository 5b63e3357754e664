"""The rich-text body: a QTextEdit with a small formatting toolbar.

What leaves the widget is the project's clean HTML (db.richtext.clean_html), so the
website, the hash of a version and the checks all see the same simple structure. Pasted
content is cleaned the same way before it enters the document.
"""
from __future__ import annotations

import re

from PyQt6.QtCore import QCoreApplication, Qt, pyqtSignal
from PyQt6.QtGui import QAction, QFont, QKeySequence, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextFormat, QTextListFormat
from PyQt6.QtWidgets import QComboBox, QTextEdit, QToolBar, QVBoxLayout, QWidget

from db.richtext import clean_html
from desktop.editor.icons import glyph

# Qt's HTML reader sizes <h1>..<h3> with these font size adjustments; we do the same.
HEADING_SIZES = {1: 3, 2: 2, 3: 1}


def tr(text: str) -> str:
    return QCoreApplication.translate("RichTextEditor", text)


# What Qt adds when it writes a document out, undone so that an untouched body comes back
# exactly as it was stored (the version hash depends on it): headings wrapped in bold,
# links wrapped in an underline, each table cell's text in a paragraph, line breaks
# between blocks.
HEADING = re.compile(r"<(h[1-4])([^>]*)>(.*?)</\1>", re.S)
UNDERLINED_LINK = re.compile(r"<a ([^>]*)><u>((?:(?!</?u>).)*)</u></a>", re.S)
CELL_PARAGRAPH = re.compile(r"<(td|th)([^>]*)><p>((?:(?!</?p>).)*)</p></\1>", re.S)
BETWEEN_TAGS = re.compile(r">\s*\n\s*<")
ALIGN_STYLE = re.compile(r'style="text-align:(center|right|justify)"')


def clean_body_html(qt_html: str) -> str:
    """Qt's HTML of a document → the project's clean HTML, without Qt's additions."""
    clean = BETWEEN_TAGS.sub("><", clean_html(qt_html))
    clean = HEADING.sub(lambda m: f"<{m[1]}{m[2]}>{re.sub(r'</?strong>', '', m[3])}</{m[1]}>", clean)
    clean = UNDERLINED_LINK.sub(r"<a \1>\2</a>", clean)
    return CELL_PARAGRAPH.sub(r"<\1\2>\3</\1>", clean)


def qt_readable(clean: str) -> str:
    """Clean HTML as Qt's reader understands it (it takes alignment only as an attribute)."""
    return ALIGN_STYLE.sub(r'align="\1"', clean)


def local_files(mime) -> list[str]:
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []


def selected_blocks(cursor: QTextCursor) -> list:
    """The text blocks the cursor's selection touches (its own block when nothing is selected)."""
    document = cursor.document()
    block = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    blocks = [block]
    while block != last and block.isValid():
        block = block.next()
        blocks.append(block)
    return blocks


class BodyEdit(QTextEdit):
    """The text area. Pastes become clean rich text; dropped files become attachments."""
    filesDropped = pyqtSignal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setAcceptRichText(True)

    def canInsertFromMimeData(self, source) -> bool:
        return bool(local_files(source)) or source.hasHtml() or source.hasText()

    def insertFromMimeData(self, source) -> None:
        files = local_files(source)
        if files:
            self.filesDropped.emit(files)
        elif source.hasHtml():
            self.textCursor().insertHtml(clean_html(source.html()))
        elif source.hasText():
            self.textCursor().insertText(source.text())


class RichTextEditor(QWidget):
    """Body editor speaking the field value protocol: value() is clean HTML."""
    valueChanged = pyqtSignal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit = BodyEdit(self)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("bodyToolbar")
        self.actions_by_name: dict[str, QAction] = {}
        self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(lambda: self.valueChanged.emit(""))
        self.edit.currentCharFormatChanged.connect(self._show_format)
        self.edit.cursorPositionChanged.connect(self._show_block)

    # value protocol ---------------------------------------------------------------
    def value(self) -> str:
        if self.edit.document().isEmpty():
            return ""
        return clean_body_html(self.edit.toHtml())

    def setValue(self, html: str) -> None:
        self.edit.setHtml(qt_readable(html or ""))
        self.edit.document().clearUndoRedoStacks()

    def setReadOnly(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.toolbar.setEnabled(not read_only)

    # toolbar ---------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self._add("bold", tr("加粗"), QKeySequence.StandardKey.Bold, lambda on: self._merge(bold=on))
        self._add("italic", tr("倾斜"), QKeySequence.StandardKey.Italic,
                  lambda on: self._merge(italic=on))
        self._add("underline", tr("下划线"), QKeySequence.StandardKey.Underline,
                  lambda on: self._merge(underline=on))
        self.toolbar.addSeparator()
        self.heading = QComboBox(self.toolbar)
        self.heading.setObjectName("headingCombo")
        self.heading.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.heading.setToolTip(tr("段落样式"))
        for level, label in enumerate((tr("正文"), tr("一级标题"), tr("二级标题"), tr("三级标题"))):
            self.heading.addItem(label, level)
        self.heading.activated.connect(lambda index: self.set_heading(self.heading.itemData(index)))
        self.toolbar.addWidget(self.heading)
        self.toolbar.addSeparator()
        self._add("list_bullet", tr("项目符号列表"), None,
                  lambda on: self.set_list(QTextListFormat.Style.ListDisc, on))
        self._add("list_number", tr("编号列表"), None,
                  lambda on: self.set_list(QTextListFormat.Style.ListDecimal, on))
        self.toolbar.addSeparator()
        for name, label, flag in (("align_left", tr("左对齐"), Qt.AlignmentFlag.AlignLeft),
                                  ("align_center", tr("居中"), Qt.AlignmentFlag.AlignHCenter),
                                  ("align_right", tr("右对齐"), Qt.AlignmentFlag.AlignRight),
                                  ("align_justify", tr("两端对齐"), Qt.AlignmentFlag.AlignJustify)):
            self._add(name, label, None, lambda _on, flag=flag: self.set_alignment(flag))

    def _add(self, name: str, label: str, shortcut, slot) -> QAction:
        action = QAction(glyph(name), label, self)
        action.setCheckable(True)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{label} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
            self.addAction(action)   # the shortcut works while the body has focus
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.actions_by_name[name] = action
        return action

    # formatting ------------------------------------------------------------------
    def _merge(self, bold=None, italic=None, underline=None) -> None:
        """Format the selection, or what is typed next (Chinese has no words to pick)."""
        fmt = QTextCharFormat()
        if bold is not None:
            fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        if italic is not None:
            fmt.setFontItalic(italic)
        if underline is not None:
            fmt.setFontUnderline(underline)
        self.edit.mergeCurrentCharFormat(fmt)
        self.edit.setFocus()

    def set_heading(self, level: int) -> None:
        """Make the blocks under the cursor headings of `level` (0: body text)."""
        block_format = QTextBlockFormat()
        block_format.setHeadingLevel(level)
        char_format = QTextCharFormat()
        char_format.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
        char_format.setProperty(QTextFormat.Property.FontSizeAdjustment, HEADING_SIZES.get(level, 0))
        cursor = self.edit.textCursor()
        cursor.beginEditBlock()
        for block in selected_blocks(cursor):
            whole = QTextCursor(block)
            whole.mergeBlockFormat(block_format)
            whole.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            whole.mergeCharFormat(char_format)
        cursor.endEditBlock()
        self.edit.mergeCurrentCharFormat(char_format)
        self.edit.setFocus()

    def set_list(self, style: QTextListFormat.Style, on: bool) -> None:
        """Turn the blocks under the cursor into a list of `style`, or back into paragraphs."""
        cursor = self.edit.textCursor()
        cursor.beginEditBlock()
        if on and cursor.currentList() is not None:
            restyled = cursor.currentList().format()
            restyled.setStyle(style)
            cursor.currentList().setFormat(restyled)
        elif on:
            list_format = QTextListFormat()
            list_format.setStyle(style)
            cursor.createList(list_format)
        else:
            for block in selected_blocks(cursor):
                if block.textList() is not None:
                    block.textList().remove(block)
                    plain = QTextCursor(block)
                    indented = plain.blockFormat()
                    indented.setIndent(0)
                    plain.setBlockFormat(indented)
        cursor.endEditBlock()
        self._show_block()
        self.edit.setFocus()

    def set_alignment(self, flag: Qt.AlignmentFlag) -> None:
        self.edit.setAlignment(flag | Qt.AlignmentFlag.AlignAbsolute if flag == Qt.AlignmentFlag.AlignLeft else flag)
        self._show_block()
        self.edit.setFocus()

    # toolbar state follows the cursor --------------------------------------------
    def _show_format(self, fmt: QTextCharFormat) -> None:
        self.actions_by_name["bold"].setChecked(fmt.fontWeight() >= QFont.Weight.Bold)
        self.actions_by_name["italic"].setChecked(fmt.fontItalic())
        self.actions_by_name["underline"].setChecked(fmt.fontUnderline())

    def _show_block(self) -> None:
        cursor = self.edit.textCursor()
        self.heading.setCurrentIndex(max(0, min(3, cursor.blockFormat().headingLevel())))
        current = cursor.currentList()
        style = current.format().style() if current is not None else None
        self.actions_by_name["list_bullet"].setChecked(style == QTextListFormat.Style.ListDisc)
        self.actions_by_name["list_number"].setChecked(style == QTextListFormat.Style.ListDecimal)
        align = self.edit.alignment()
        for name, flag in (("align_center", Qt.AlignmentFlag.AlignHCenter), ("align_right", Qt.AlignmentFlag.AlignRight),
                           ("align_justify", Qt.AlignmentFlag.AlignJustify)):
            self.actions_by_name[name].setChecked(bool(align & flag))
        plain_left = not align & (Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignJustify)
        self.actions_by_name["align_left"].setChecked(bool(plain_left))
