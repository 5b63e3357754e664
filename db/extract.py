"""Text of attachments, in chunks that know where they came from.

Each reader returns (text, location) chunks: a line of a .txt (第3行), a paragraph or
table cell of a .docx (第12段, 表格1 第3行第2列), a cell of a .xlsx (Sheet1!B12), a page
of a .pdf (第3页). .docx and .xlsx are read straight from their XML with the standard
library: a 10,000-row roster is one streaming pass over the sheet. pypdf is imported
only when a PDF is read.

check_attachment() never raises: a file that cannot be read is itself a finding.
"""
from __future__ import annotations

import codecs
import re
import zipfile
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

from db import richtext
from db.checks.engine import CheckContext, check_chunks
from db.checks.findings import WARNING, Finding


class Chunk(NamedTuple):
    text: str
    location: str | None


class ExtractError(Exception):
    """The file can't be read; ``str()`` is Chinese, ``english`` English."""

    def __init__(self, message: str, english: str):
        super().__init__(message)
        self.english = english


TEXT_TYPES = (".txt", ".csv", ".htm", ".html")
SUPPORTED = TEXT_TYPES + (".docx", ".xlsx", ".xlsm", ".pdf")
_OLD_OFFICE = {".doc": ".docx", ".xls": ".xlsx", ".wps": ".docx", ".et": ".xlsx"}


def extract_chunks(path: str | Path, filename: str | None = None) -> list[Chunk]:
    """Chunks of text of the file at ``path``; the type comes from ``filename`` (the name
    the user gave it) or else from ``path``. Raises ExtractError."""
    suffix = Path(filename or str(path)).suffix.lower()
    if suffix in TEXT_TYPES:
        return _text_chunks(Path(path).read_bytes(), html=suffix in (".htm", ".html"))
    if suffix == ".docx":
        return _with_zip(path, _docx_chunks)
    if suffix in (".xlsx", ".xlsm"):
        return _with_zip(path, _xlsx_chunks)
    if suffix == ".pdf":
        return _pdf_chunks(path)
    if suffix in _OLD_OFFICE:
        raise ExtractError(f"暂不能检查{suffix}格式，请另存为{_OLD_OFFICE[suffix]}后再检查，或人工核对",
                           f"{suffix} files can't be checked; save as {_OLD_OFFICE[suffix]}")
    raise ExtractError("该类型的文件无法自动检查，请人工核对内容",
                       f"files of type {suffix or '(none)'} can't be checked automatically")


def check_attachment(path: str | Path, filename: str | None = None,
                     context: CheckContext | None = None) -> list[Finding]:
    """Findings in an attachment; ``source`` is ``filename`` (default: the path's name)."""
    name = filename or Path(path).name
    try:
        chunks = extract_chunks(path, name)
    except ExtractError as error:
        return [_unreadable(name, str(error), error.english)]
    except OSError as error:
        return [_unreadable(name, "无法打开文件", f"cannot be opened ({error.strerror})")]
    except Exception as error:   # parsers of arbitrary files fail in many ways; none may escape
        return [_unreadable(name, "文件已损坏或格式不正确", f"damaged or not a valid file ({error!r})")]
    findings = check_chunks(chunks, context, field="attachment", source=name)
    if Path(name).suffix.lower() == ".pdf" and not any(text.strip() for text, _ in chunks):
        findings.append(_unreadable(name, "没有可提取的文字（可能是扫描件），请人工核对",
                                    "has no extractable text (a scan?); check it by eye"))
    return findings


def _unreadable(name: str, reason: str, english: str) -> Finding:
    return Finding("attachment_unreadable", WARNING, f"附件“{name}”未能检查：{reason}",
                   "attachment", source=name,
                   english=f"Attachment {name} was not checked: {english}")


# --- plain text -----------------------------------------------------------------------

def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (covers GBK/GB2312)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ExtractError("无法识别文字编码", "unknown text encoding") from None


def _text_chunks(data: bytes, html: bool) -> list[Chunk]:
    text = decode_text(data)
    if html:
        text = richtext.to_text(richtext.clean_html(text))
    return [Chunk(line, f"第{number}行")
            for number, line in enumerate(text.splitlines(), start=1) if line.strip()]


def _with_zip(path, reader) -> list[Chunk]:
    try:
        with zipfile.ZipFile(path) as archive:
            return reader(archive)
    except zipfile.BadZipFile:
        raise ExtractError("文件已损坏或不是有效的Office文档（可能已加密）",
                           "damaged, encrypted or not an Office Open XML file") from None
    except KeyError as missing:
        raise ExtractError("文件缺少必要的内容，可能已损坏", f"missing part {missing}") from None


# --- .docx ----------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RUN_TEXT = {_W + "t": None, _W + "delText": None, _W + "tab": "\t", _W + "br": "\n",
             _W + "cr": "\n", _W + "noBreakHyphen": "-"}


def _docx_chunks(archive: zipfile.ZipFile) -> list[Chunk]:
    body = ElementTree.fromstring(archive.read("word/document.xml")).find(_W + "body")
    chunks: list[Chunk] = []
    paragraphs = tables = 0
    for block in _blocks(body):
        if block.tag == _W + "p":
            paragraphs += 1
            chunks.append(Chunk(_paragraph_text(block), f"第{paragraphs}段"))
        else:
            tables += 1
            chunks += _table_chunks(block, tables)
    for part in sorted(archive.namelist()):
        label = _part_label(part)
        if label:
            root = ElementTree.fromstring(archive.read(part))
            chunks += [Chunk(_paragraph_text(p), label) for p in root.iter(_W + "p")]
    return [chunk for chunk in chunks if chunk.text.strip()]


def _blocks(parent):
    """Paragraphs and tables of the body in order, looking inside content controls."""
    for child in parent:
        if child.tag in (_W + "p", _W + "tbl"):
            yield child
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _blocks(content)


def _paragraph_text(paragraph) -> str:
    """Visible text and the text of tracked deletions, which a published file still
    carries and anyone can restore."""
    pieces = []
    for element in paragraph.iter():
        if element.tag in _RUN_TEXT:
            fixed = _RUN_TEXT[element.tag]
            pieces.append(fixed if fixed is not None else (element.text or ""))
    return "".join(pieces)


def _table_chunks(table, number: int) -> list[Chunk]:
    chunks = []
    for row_number, row in enumerate(table.findall(_W + "tr"), start=1):
        column = 1
        for cell in row.findall(_W + "tc"):
            text = "\n".join(_paragraph_text(p) for p in cell.iter(_W + "p"))
            chunks.append(Chunk(text, f"表格{number} 第{row_number}行第{column}列"))
            span = cell.find(f"{_W}tcPr/{_W}gridSpan")
            column += int(span.get(_W + "val", "1")) if span is not None else 1
    return chunks


def _part_label(part: str) -> str | None:
    if re.fullmatch(r"word/header\d*\.xml", part):
        return "页眉"
    if re.fullmatch(r"word/footer\d*\.xml", part):
        return "页脚"
    return {"word/footnotes.xml": "脚注", "word/endnotes.xml": "尾注",
            "word/comments.xml": "批注"}.get(part)


# --- .xlsx ----------------------------------------------------------------------------

_S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _xlsx_chunks(archive: zipfile.ZipFile) -> list[Chunk]:
    shared = _shared_strings(archive)
    chunks: list[Chunk] = []
    for name, part in _sheets(archive):
        with archive.open(part) as stream:
            chunks += _sheet_cells(stream, name, shared)
    return chunks


def _sheets(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, zip part) in workbook order, hidden sheets included."""
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.iter(_PKG_REL + "Relationship")}
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    parts = set(archive.namelist())
    sheets = []
    for sheet in workbook.iter(_S + "sheet"):
        target = targets.get(sheet.get(_REL + "id"), "")
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        if part in parts:
            sheets.append((sheet.get("name"), part))
    return sheets


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    strings = []
    with archive.open("xl/sharedStrings.xml") as stream:
        for _, element in ElementTree.iterparse(stream):
            if element.tag == _S + "si":
                strings.append(_rich_text(element))
                element.clear()
    return strings


def _rich_text(element) -> str:
    """Text of an <si> or <is>: its <t>, or the <t> of its runs; phonetic hints skipped."""
    pieces = []
    for child in element:
        if child.tag == _S + "t":
            pieces.append(child.text or "")
        elif child.tag == _S + "r":
            pieces += [t.text or "" for t in child.iter(_S + "t")]
    return "".join(pieces)


def _sheet_cells(stream, sheet: str, shared: list[str]) -> list[Chunk]:
    chunks = []
    for _, element in ElementTree.iterparse(stream):
        if element.tag == _S + "c":
            text = _cell_text(element, shared)
            if text:
                chunks.append(Chunk(text, f"{sheet}!{element.get('r', '')}"))
        elif element.tag == _S + "row":
            element.clear()               # keeps memory flat on long sheets
    return chunks


def _cell_text(cell, shared: list[str]) -> str:
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        inline = cell.find(_S + "is")
        return _rich_text(inline) if inline is not None else ""
    value = cell.find(_S + "v")
    if value is None or value.text is None or kind in ("b", "e"):
        return ""
    if kind == "s":
        return shared[int(value.text)]
    if kind == "n":
        return _plain_number(value.text)
    return value.text


def _plain_number(text: str) -> str:
    """1.3800138E10 as 13800138000: numbers typed into Excel are stored like that."""
    if "E" not in text and "e" not in text:
        return text
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    return f"{number:f}" if number != number.to_integral_value() else str(int(number))


# --- .pdf -----------------------------------------------------------------------------

def _pdf_chunks(path) -> list[Chunk]:
    import pypdf                          # ~50 ms to import; only when a PDF is read
    reader = pypdf.PdfReader(str(path))
    if reader.is_encrypted and not reader.decrypt(""):
        raise ExtractError("文件已加密", "the file is encrypted")
    return [Chunk(page.extract_text() or "", f"第{number}页")
            for number, page in enumerate(reader.pages, start=1)]
