"""The approval slip (审批单) that replaces the paper sign-off sheet.

Input is the plain dict of db.workflow.slip.slip_data; output is PDF bytes. One A4 page
in the common layout of a government sign-off sheet: what was approved (title, 索引号,
column, section, drafter, version and content hash), the check findings let through with
the reason recorded for each (who, when, why), then every decision in order with its
stage, who signed ("B 代 A" for a deputy), when, the outcome and the comment. Every cell
of a table uses the body size; long comments wrap; a long history continues on the next
page with the table header repeated.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from xml.sax.saxutils import escape

from forms.fonts import FontSet, PrintWarning

TITLE = "政府信息公开审批单"
INFO_ROWS = (("标题", "title"), ("索引号", "index_no"), ("栏目", "column"), ("承办科室", "section"),
             ("主题分类", "topic"), ("文号", "doc_no"), ("起草人", "drafter"), ("提交时间", "submitted_at"),
             ("事项", "purpose"), ("当前状态", "state"))
DECISION_HEADER = ("版本", "审批环节", "审批人", "时间", "结论", "审批意见")
DECISION_WIDTHS = (0.07, 0.19, 0.20, 0.14, 0.07, 0.33)
OVERRIDE_HEADER = ("检查问题", "放行理由", "说明人", "时间")
OVERRIDE_WIDTHS = (0.34, 0.38, 0.13, 0.15)


@dataclass(frozen=True)
class SlipResult:
    pdf: bytes
    pages: int
    warnings: tuple[PrintWarning, ...] = field(default=())


def render_slip(data: dict, fonts: FontSet | None = None) -> SlipResult:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    fonts = fonts or FontSet.discover()
    styles = _styles(fonts)
    buffer = BytesIO()
    pages: list[int] = []
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                                 topMargin=18 * mm, bottomMargin=20 * mm, title=f"审批单 — {data['title']}",
                                 author=data.get("org_name", ""), invariant=True)
    footer = _footer(data, fonts, pages)
    document.build(_story(data, styles, document.width), onFirstPage=footer, onLaterPages=footer)
    missing = fonts.missing_characters(_all_text(data))
    warnings = list(fonts.warnings)
    if missing:
        warnings.append(PrintWarning(f"字体缺少以下字符，打印时会显示为空白：{''.join(missing[:20])}",
                                     f"The font lacks these characters: {''.join(missing[:20])}"))
    return SlipResult(buffer.getvalue(), len(pages), tuple(warnings))


def _styles(fonts: FontSet) -> dict:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=fonts.body, fontSize=10.5, leading=15, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=base, fontName=fonts.heading, fontSize=18, leading=26,
                                alignment=TA_CENTER, spaceAfter=4),
        "org": ParagraphStyle("org", parent=base, alignment=TA_CENTER, fontSize=11, spaceAfter=10),
        "label": ParagraphStyle("label", parent=base, fontName=fonts.heading),
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=12),
        "note": ParagraphStyle("note", parent=base, spaceBefore=6),
        "section": ParagraphStyle("section", parent=base, fontName=fonts.heading, fontSize=12,
                                  leading=18, spaceBefore=12, spaceAfter=4),
    }


def _p(text: str, style):
    from reportlab.platypus import Paragraph
    return Paragraph(escape(str(text or "")).replace("\n", "<br/>"), style)


def _story(data: dict, styles: dict, width: float) -> list:
    story = [_p(data.get("org_name", ""), styles["org"]), _p(TITLE, styles["title"]),
             _info_table(data, styles, width)]
    if data.get("note"):
        label = "提交说明" if data.get("purpose") == "发布" else "申请理由"
        story.append(_p(f"{label}：{data['note']}", styles["note"]))
    if data.get("overrides"):
        story += [_p("检查例外（经说明理由放行的问题）", styles["section"]), _override_table(data, styles, width)]
    return story + [_p("审批记录", styles["section"]), _decision_table(data, styles, width)]


def _info_table(data: dict, styles: dict, width: float):
    from reportlab.platypus import Table
    rows = [[_p(label, styles["label"]), _p(data.get(key, ""), styles["body"])] for label, key in INFO_ROWS]
    rows.append([_p("审批版本", styles["label"]),
                 _p(f"第 {data['version_no']} 版　内容哈希 {data['hash_short']}（SHA-256：{data['content_hash']}）",
                    styles["small"])])
    table = Table(rows, colWidths=[width * 0.16, width * 0.84])
    table.setStyle(_grid())
    return table


def _decision_table(data: dict, styles: dict, width: float):
    rows = []
    for decision in data["decisions"]:
        comment = (decision["comment"] or "") + decision.get("status_note", "")
        rows.append([decision["version_no"], decision["stage_name"], decision["signed_as"],
                     decision["decided_at"].replace(" ", "\n"), decision["outcome"], comment])
    return _table(DECISION_HEADER, rows or [["（尚无审批意见）"] + [""] * 5], DECISION_WIDTHS, styles, width)


def _override_table(data: dict, styles: dict, width: float):
    rows = [[o["finding"], o["reason"], o["by"], o["at"].replace(" ", "\n")] for o in data["overrides"]]
    return _table(OVERRIDE_HEADER, rows, OVERRIDE_WIDTHS, styles, width)


def _table(header: tuple[str, ...], rows: list[list], fractions: tuple[float, ...], styles: dict, width: float):
    """A ruled table with a shaded header row repeated on each page; every cell in the body size."""
    from reportlab.platypus import Table
    cells = [[_p(text, styles["label"]) for text in header]]
    cells += [[_p(value, styles["body"]) for value in row] for row in rows]
    table = Table(cells, colWidths=[width * f for f in fractions], repeatRows=1)
    table.setStyle(_grid(header=True))
    return table


def _grid(header: bool = False):
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle
    commands = [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")))
    else:
        commands.append(("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f4f4f4")))
    return TableStyle(commands)


def _footer(data: dict, fonts: FontSet, pages: list[int]):
    from reportlab.lib.units import mm

    def draw(canvas, document):
        pages.append(canvas.getPageNumber())
        canvas.saveState()
        canvas.setFont(fonts.body, 8)
        text = (f"由政务公开审签工作站生成　打印时间 {data['printed_at']}　"
                f"第 {canvas.getPageNumber()} 页　内容哈希 {data['hash_short']}")
        canvas.drawCentredString(document.pagesize[0] / 2, 10 * mm, text)
        canvas.restoreState()
    return draw


def _all_text(data: dict) -> str:
    parts = [str(v) for v in data.values() if isinstance(v, str)]
    for row in data["decisions"] + data.get("overrides", []):
        parts += [str(v) for v in row.values()]
    return ("".join(parts) + TITLE + "".join(DECISION_HEADER) + "".join(OVERRIDE_HEADER)
            + "".join(label for label, _ in INFO_ROWS))
