"""The side-by-side comparison: the version on the website (left) against the version
under review (right). Changed fields are tinted; within text, deletions are red and struck
through on the left, additions green on the right."""
from __future__ import annotations

from html import escape

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from db import guides
from db.workflow.compare import Comparison, FieldChange, LinePair, char_diff

FIELD_LABELS = {
    "title": QT_TRANSLATE_NOOP("DiffView", "标题"), "column": QT_TRANSLATE_NOOP("DiffView", "栏目"),
    "meta.index_no": QT_TRANSLATE_NOOP("DiffView", "索引号"), "meta.publisher": QT_TRANSLATE_NOOP("DiffView", "发布机构"),
    "meta.doc_no": QT_TRANSLATE_NOOP("DiffView", "文号"), "meta.topic": QT_TRANSLATE_NOOP("DiffView", "主题分类"),
    "meta.written_on": QT_TRANSLATE_NOOP("DiffView", "成文日期"), "meta.validity": QT_TRANSLATE_NOOP("DiffView", "有效性"),
    "meta.disclosure": QT_TRANSLATE_NOOP("DiffView", "公开属性"), "meta.secrecy": QT_TRANSLATE_NOOP("DiffView", "涉密状态"),
    "meta.summary": QT_TRANSLATE_NOOP("DiffView", "内容概述"), "attachments": QT_TRANSLATE_NOOP("DiffView", "附件"),
    "related": QT_TRANSLATE_NOOP("DiffView", "关联信息"),
}
DELETED = "background-color:#fbdad7; color:#8c1d18; text-decoration:line-through"
INSERTED = "background-color:#d3f1d8; color:#0f5223"
CHANGED_ROW = "background-color:#fff7e0"
TABLE = 'border="1" cellspacing="0" cellpadding="4" width="100%" style="border-color:#d0d0d0; border-collapse:collapse"'


def tr(text: str) -> str:
    return QCoreApplication.translate("DiffView", text)


def diff_html(comparison: Comparison, display: dict[str, dict[str, str]] | None = None) -> str:
    """`display` maps a field key to {stored value: shown value} (e.g. topic codes to names)."""
    left_head = tr("（首次发布，网站上尚无此信息）") if comparison.first_publication else tr("网站上的版本")
    summary = _summary(comparison)
    parts = [f'<p style="font-size:10pt">{summary}</p>',
             _fields_table(comparison.fields, left_head, display or {})]
    if comparison.guide:
        parts.append(_guide_table(comparison.guide, left_head))
    parts.append(_body_table(comparison.body, left_head))
    return "".join(parts)


def _summary(comparison: Comparison) -> str:
    changed = [f for f in comparison.fields + comparison.guide if f.changed]
    paragraphs = sum(1 for p in comparison.body if p.kind != "equal")
    if not comparison.changed:
        return escape(tr("与网站上的版本相同，内容没有改动。"))
    return escape(tr("改动：{fields}个字段，{paragraphs}处正文段落。").format(fields=len(changed), paragraphs=paragraphs))


def _header(label: str, left_head: str) -> str:
    return (f'<tr style="background-color:#f0f0f0"><th width="16%">{escape(label)}</th>'
            f'<th width="42%">{escape(left_head)}</th><th width="42%">{escape(tr("本次提交的版本"))}</th></tr>')


def _fields_table(fields: tuple[FieldChange, ...], left_head: str, display: dict) -> str:
    rows = [_header(tr("字段"), left_head)]
    for change in fields:
        shown = display.get(change.key, {})
        old, new = shown.get(change.old, change.old), shown.get(change.new, change.new)
        rows.append(_field_row(tr(FIELD_LABELS.get(change.key, change.key)), old, new, change.changed))
    return f"<table {TABLE}>{''.join(rows)}</table>"


def _field_row(label: str, old: str, new: str, changed: bool) -> str:
    if changed:
        left, right = char_diff(old, new)
        return (f'<tr style="{CHANGED_ROW}"><td><b>{escape(label)}</b></td>'
                f"<td>{_segments(left)}</td><td>{_segments(right)}</td></tr>")
    return f"<tr><td>{escape(label)}</td><td>{_plain(old)}</td><td>{_plain(new)}</td></tr>"


def _guide_table(changes: tuple[FieldChange, ...], left_head: str) -> str:
    names = {key: zh for key, zh, _ in guides.ELEMENTS}
    rows = [_header(tr("指南要素"), left_head)]
    rows += [_field_row(names.get(c.key, c.key), c.old, c.new, c.changed) for c in changes]
    return f'<p></p><table {TABLE}>{"".join(rows)}</table>'


def _body_table(pairs: tuple[LinePair, ...], left_head: str) -> str:
    rows = [_header(tr("正文"), left_head).replace('<th width="16%">', '<th width="8%">')
            .replace('width="42%"', 'width="46%"')]
    for number, pair in enumerate(pairs, start=1):
        style = "" if pair.kind == "equal" else f' style="{CHANGED_ROW}"'
        rows.append(f'<tr{style}><td align="right" style="color:#888">{number}</td>'
                    f"<td>{_segments(pair.left) if pair.left else ''}</td>"
                    f"<td>{_segments(pair.right) if pair.right else ''}</td></tr>")
    if len(rows) == 1:
        rows.append(f'<tr><td></td><td colspan="2" style="color:#888">{escape(tr("（无正文）"))}</td></tr>')
    return f'<p></p><table {TABLE}>{"".join(rows)}</table>'


def _segments(segments) -> str:
    out = []
    for kind, text in segments:
        piece = escape(text).replace("\n", "<br/>")
        if kind == "delete":
            out.append(f'<span style="{DELETED}">{piece}</span>')
        elif kind == "insert":
            out.append(f'<span style="{INSERTED}">{piece}</span>')
        else:
            out.append(piece)
    return "".join(out)


def _plain(text: str) -> str:
    return escape(text).replace("\n", "<br/>") or '<span style="color:#aaa">—</span>'
