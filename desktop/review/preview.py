"""The preview: a version as the website will show it, like a government site's article
page — the catalogue table (公开目录要素) on top, the title, the body, the attachments."""
from __future__ import annotations

import re
from html import escape

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from db import guides
from desktop.review import labels

META_CELLS = (
    (QT_TRANSLATE_NOOP("Preview", "索引号"), "index_no"), (QT_TRANSLATE_NOOP("Preview", "主题分类"), "topic"),
    (QT_TRANSLATE_NOOP("Preview", "发布机构"), "publisher"), (QT_TRANSLATE_NOOP("Preview", "成文日期"), "written_on"),
    (QT_TRANSLATE_NOOP("Preview", "文号"), "doc_no"), (QT_TRANSLATE_NOOP("Preview", "发布日期"), "published"),
    (QT_TRANSLATE_NOOP("Preview", "有效性"), "validity"), (QT_TRANSLATE_NOOP("Preview", "公开属性"), "disclosure"),
)
TABLE = 'border="1" cellspacing="0" cellpadding="5" width="100%" style="border-color:#c8d3e0; border-collapse:collapse"'
LABEL_CELL = 'style="background-color:#eef3f9; color:#334"'
LABEL_TEXT = 'style="color:#52627a; font-size:9pt"'


def tr(text: str) -> str:
    return QCoreApplication.translate("Preview", text)


def preview_html(content: dict, topic_names: dict[str, str], published_at: str = "") -> str:
    meta = content.get("meta") or {}
    values = dict(meta, topic=topic_names.get(meta.get("topic", ""), meta.get("topic", "")),
                  published=labels.local_time(published_at)[:10] if published_at else tr("批准后由系统生成"))
    parts = [_catalogue(values), _heading(content, values), _body(content), _attachments(content)]
    return '<div style="font-size:11pt">' + "".join(parts) + "</div>"


def _catalogue(values: dict) -> str:
    """Two facts per row, each cell its label above its value: it reads the same in a
    narrow panel and in English, whose labels are longer."""
    cells = [(tr(label), values.get(key) or "—") for label, key in META_CELLS]
    rows = []
    for n in range(0, len(cells), 2):
        rows.append("<tr>" + "".join(_fact(label, value) for label, value in cells[n:n + 2]) + "</tr>")
    rows.append(f'<tr>{_fact(tr("内容概述"), values.get("summary") or "—", colspan=2)}</tr>')
    return f"<table {TABLE}>{''.join(rows)}</table>"


def _fact(label: str, value, colspan: int = 1) -> str:
    span = f' colspan="{colspan}"' if colspan > 1 else ' width="50%"'
    return (f'<td{span}><span {LABEL_TEXT}>{escape(label)}</span><br/>{escape(str(value))}</td>')


def _heading(content: dict, values: dict) -> str:
    source = escape(values.get("publisher") or "")
    return (f'<h2 align="center" style="color:#1a3e72; margin-top:18px">{escape(content.get("title", ""))}</h2>'
            f'<p align="center" style="color:#777; font-size:9pt">{escape(tr("来源："))}{source}'
            f'　{escape(tr("有效性："))}{escape(values.get("validity") or "")}</p><hr/>')


BODY_LINE_HEIGHT = "line-height:150%"
BODY_BLOCK = re.compile(r'<(p|li|h[1-4]|blockquote)(?: style="([^"]*)")?>')


def _body(content: dict) -> str:
    guide = content.get("guide")
    if guide:
        return _guide(guide)
    return spaced(content.get("body_html") or "")


def spaced(body_html: str) -> str:
    """The body with its line height on every block. (Qt's rich text gives a wrapping
    <div>'s line height to its first paragraph only, which then looked double-spaced.)"""
    def with_height(match: re.Match) -> str:
        style = f"{match[2]}; {BODY_LINE_HEIGHT}" if match[2] else BODY_LINE_HEIGHT
        return f'<{match[1]} style="{style}">'
    return BODY_BLOCK.sub(with_height, body_html)


def _guide(guide: dict) -> str:
    from db.workflow.compare import guide_text
    rows = []
    for key, zh, _en in guides.ELEMENTS:
        text = guide_text(guide, key)
        if key == "fee" and not text:
            text = guides.NO_FEE
        if key in ("legal_limit_days", "promised_limit_days"):
            text = guides.limit_text(guide.get(key))
        cell = escape(text).replace("\n", "<br/>") or "—"
        rows.append(f"<tr><td {LABEL_CELL} width=\"22%\">{escape(zh)}</td><td>{cell}</td></tr>")
    return f"<table {TABLE}>{''.join(rows)}</table>"


def _attachments(content: dict) -> str:
    files = content.get("attachments") or []
    if not files:
        return ""
    items = "".join(f"<li>{escape(a['filename'])}</li>" for a in files)
    return f'<p style="margin-top:12px"><b>{escape(tr("附件："))}</b></p><ul>{items}</ul>'
