"""The preview: a version as the website will show it, like a government site's article
page — the catalogue table (公开目录要素) on top, the title, the body, the attachments."""
from __future__ import annotations

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
LABEL_CELL = 'style="background-color:#eef3f9; color:#334; white-space:nowrap"'


def tr(text: str) -> str:
    return QCoreApplication.translate("Preview", text)


def preview_html(content: dict, topic_names: dict[str, str], published_at: str = "") -> str:
    meta = content.get("meta") or {}
    values = dict(meta, topic=topic_names.get(meta.get("topic", ""), meta.get("topic", "")),
                  published=labels.local_time(published_at)[:10] if published_at else tr("批准后由系统生成"))
    parts = [_catalogue(values), _heading(content, values), _body(content), _attachments(content)]
    return '<div style="font-size:11pt">' + "".join(parts) + "</div>"


def _catalogue(values: dict) -> str:
    cells = [(tr(label), values.get(key) or "—") for label, key in META_CELLS]
    rows = []
    for n in range(0, len(cells), 2):
        (l1, v1), (l2, v2) = cells[n], cells[n + 1]
        rows.append(f'<tr><td {LABEL_CELL} width="13%">{escape(l1)}</td><td width="37%">{escape(str(v1))}</td>'
                    f'<td {LABEL_CELL} width="13%">{escape(l2)}</td><td width="37%">{escape(str(v2))}</td></tr>')
    summary = values.get("summary") or "—"
    rows.append(f"<tr><td {LABEL_CELL}>{escape(tr('内容概述'))}</td><td colspan=\"3\">{escape(summary)}</td></tr>")
    return f"<table {TABLE}>{''.join(rows)}</table>"


def _heading(content: dict, values: dict) -> str:
    source = escape(values.get("publisher") or "")
    return (f'<h2 align="center" style="color:#1a3e72; margin-top:18px">{escape(content.get("title", ""))}</h2>'
            f'<p align="center" style="color:#777; font-size:9pt">{escape(tr("来源："))}{source}'
            f'　{escape(tr("有效性："))}{escape(values.get("validity") or "")}</p><hr/>')


def _body(content: dict) -> str:
    guide = content.get("guide")
    if guide:
        return _guide(guide)
    return f'<div style="line-height:160%">{content.get("body_html") or ""}</div>'


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
