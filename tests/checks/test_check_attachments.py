"""Attachments: text is read from .txt/.docx/.xlsx/.pdf with its location and checked with
the same rules; a file that can't be read is a warning that names it, never a crash."""
from __future__ import annotations

import zipfile
from datetime import date

import pytest

from db.extract import check_attachment, extract_chunks
from tests.checks.checks_helpers import make_id

ID = make_id()                              # 411502199003071233
MOBILE = "13800138000"


def where(findings, rule=None):
    return [(f.rule, f.location, f.excerpt) for f in findings if rule in (None, f.rule)]


# --- .docx ----------------------------------------------------------------------------

@pytest.fixture
def docx_file(tmp_path):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "机密★1年"
    document.add_paragraph("关于发放补贴的公示")
    document.add_paragraph("")
    document.add_paragraph(f"申请人张三，身份证号{ID}。")
    table = document.add_table(rows=2, cols=3)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "姓名", "手机"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "李四", MOBILE
    remark = document.add_paragraph("请审核")
    document.add_comment(remark.runs, text="李四身份证另附，电话15912345678", author="审核人")
    edited = document.add_paragraph("联系人王五")
    edited._p.append(parse_xml(                      # a tracked deletion: still in the file
        f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>13912345678</w:delText>'
        f'</w:r></w:del>'))
    path = tmp_path / "公示.docx"
    document.save(path)
    return path


def test_docx_findings_name_paragraph_table_cell_and_header(docx_file, ctx):
    findings = check_attachment(docx_file, "公示.docx", ctx)
    assert sorted(where(findings)) == sorted([
        ("id_number", "第3段", ID),
        ("mobile", "表格1 第2行第2列", MOBILE),
        ("mobile", "第5段", "13912345678"),             # a tracked deletion
        ("mobile", "批注", "15912345678"),              # a reviewer's comment
        ("secrecy_mark", "页眉", "机密★1年"),
    ])
    assert all(f.source == "公示.docx" and f.field == "attachment" for f in findings)


def test_docx_spans_index_the_chunk_text(docx_file):
    chunks = dict((loc, text) for text, loc in extract_chunks(docx_file))
    from db.checks import CheckContext
    for f in check_attachment(docx_file, None, CheckContext()):
        assert chunks[f.location][f.start:f.end] == f.excerpt


# --- .xlsx ----------------------------------------------------------------------------

def roster_rows(count):
    for row in range(count):
        yield (f"张{row}", make_id("411502", date(1960, 1, 1 + row % 28), f"{row % 1000:03d}"),
               int(f"139{row:08d}"))


@pytest.fixture
def roster(tmp_path):
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(["姓名", "身份证号", "手机号"])
    for row in roster_rows(1000):
        sheet.append(row)                       # mobiles as numbers, IDs as text
    hidden = book.create_sheet("备用")
    hidden.sheet_state = "hidden"
    hidden["C7"] = f"备注：{ID}"
    path = tmp_path / "roster.xlsx"
    book.save(path)
    return path


def test_thousand_row_roster_reports_every_id_and_mobile_by_cell(roster, ctx):
    findings = check_attachment(roster, "花名册.xlsx", ctx)
    expected = []
    for number, (_, id_number, mobile) in enumerate(roster_rows(1000), start=2):
        expected += [("id_number", f"花名册!B{number}", id_number),
                     ("mobile", f"花名册!C{number}", str(mobile))]
    expected.append(("id_number", "备用!C7", ID))            # hidden sheets are read too
    assert where(findings) == expected
    assert findings[-1].start == 3 and findings[-1].suggestion == "4115**********1233"


def test_xlsx_rich_text_and_inline_strings(tmp_path, ctx):
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    book = Workbook()
    book.active["A1"] = CellRichText("电话", TextBlock(InlineFont(b=True), MOBILE))
    path = tmp_path / "rich.xlsx"
    book.save(path)
    assert where(check_attachment(path, None, ctx)) == [("mobile", "Sheet!A1", MOBILE)]


# --- .pdf -----------------------------------------------------------------------------

def make_pdf(path, pages, encrypt_with=None):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    drawing = canvas.Canvas(str(path))
    for lines in pages:
        drawing.setFont("STSong-Light", 11)
        for number, line in enumerate(lines):
            drawing.drawString(60, 760 - 16 * number, line)
        if not lines:
            drawing.rect(60, 400, 200, 200, fill=1)      # a "scan": no text at all
        drawing.showPage()
    drawing.save()
    if encrypt_with is not None:
        import pypdf
        writer = pypdf.PdfWriter(clone_from=str(path))
        writer.encrypt(user_password=encrypt_with, owner_password="owner")
        writer.write(str(path))
    return path


def test_pdf_findings_name_the_page(tmp_path, ctx):
    path = make_pdf(tmp_path / "名单.pdf", [["关于补贴发放的公示"], [f"张三 {ID}", f"李四 {MOBILE}"]])
    assert where(check_attachment(path, None, ctx)) == [
        ("id_number", "第2页", ID), ("mobile", "第2页", MOBILE)]


def test_pdf_encrypted_with_an_empty_user_password_is_read(tmp_path, ctx):
    path = make_pdf(tmp_path / "a.pdf", [[f"电话{MOBILE}"]], encrypt_with="")
    assert where(check_attachment(path, None, ctx)) == [("mobile", "第1页", MOBILE)]


def test_pdf_that_needs_a_password_is_a_warning(tmp_path, ctx):
    path = make_pdf(tmp_path / "b.pdf", [[f"电话{MOBILE}"]], encrypt_with="secret")
    [finding] = check_attachment(path, "机密名单.pdf", ctx)
    assert (finding.rule, finding.severity, finding.source) == ("attachment_unreadable", "warning", "机密名单.pdf")
    assert "机密名单.pdf" in finding.message and "加密" in finding.message


def test_pdf_without_text_is_a_warning(tmp_path, ctx):
    path = make_pdf(tmp_path / "scan.pdf", [[]])
    [finding] = check_attachment(path, None, ctx)
    assert finding.severity == "warning" and "扫描件" in finding.message


# --- .txt and friends -----------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_text_files_in_common_encodings(tmp_path, ctx, encoding):
    path = tmp_path / "通知.txt"
    path.write_bytes(f"第一行说明\n联系人：张三，手机{MOBILE}\n".encode(encoding))
    assert where(check_attachment(path, None, ctx)) == [("mobile", "第2行", MOBILE)]


def test_html_attachment(tmp_path, ctx):
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><p>说明</p><p>身份证&nbsp;{ID}</p></body></html>", encoding="utf-8")
    assert where(check_attachment(path, None, ctx)) == [("id_number", "第2行", ID)]


# --- files that can't be read -----------------------------------------------------------

def truncated_docx(tmp_path):
    path = tmp_path / "cut.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document>" + "正文" * 5000 + "</w:document>")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def zip_without_document(tmp_path):
    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return path


def bad_xml_xlsx(tmp_path):
    path = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook><sheets><sheet")
        archive.writestr("xl/_rels/workbook.xml.rels", "<Relationships/>")
    return path


def raw(name: str, data: bytes):
    def make(tmp):
        (tmp / name).write_bytes(data)
        return tmp / name
    return make


@pytest.mark.parametrize("make, name", [
    (raw("x.docx", b"not a zip at all"), "x.docx"),
    (raw("x.xlsx", b"\xd0\xcf\x11\xe0 an encrypted Office file is OLE, not zip"), "x.xlsx"),
    (raw("x.pdf", b"%PDF-1.4 garbage"), "x.pdf"),
    (raw("x.txt", b"abc\x80\xff neither UTF-8 nor GB18030"), "x.txt"),
    (truncated_docx, "cut.docx"),
    (zip_without_document, "empty.docx"),
    (bad_xml_xlsx, "bad.xlsx"),
    (raw("x.doc", b"old word"), "x.doc"),
    (raw("photo.png", b"\x89PNG"), "photo.png"),
    (lambda tmp: tmp / "missing.pdf", "missing.pdf"),
])
def test_unreadable_files_give_one_warning_naming_the_file(tmp_path, ctx, make, name):
    path = make(tmp_path)
    findings = check_attachment(path, name, ctx)
    assert [(f.rule, f.severity, f.source) for f in findings] == [
        ("attachment_unreadable", "warning", name)]
    assert name in findings[0].message
