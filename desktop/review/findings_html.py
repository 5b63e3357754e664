"""The check findings of a version under review, as the queue's 检查 tab shows them."""
from __future__ import annotations

from html import escape

from PyQt6.QtCore import QCoreApplication

from db.checks.findings import place


def tr(text: str) -> str:
    return QCoreApplication.translate("ReviewPanel", text)


def findings_html(checked: list, english: bool) -> str:
    if not checked:
        return f'<p style="color:#0f5223">{escape(tr("未发现问题。"))}</p>'
    rows = []
    for finding, note in checked:
        if finding.blocking and note is None:
            badge, colour = tr("阻断"), "#b3261e"
        elif finding.blocking:
            badge, colour = tr("已说明例外"), "#5f6368"
        else:
            badge, colour = tr("提示"), "#9a5b00"
        message = (finding.english or finding.message) if english else finding.message
        line = (f'<p><span style="color:{colour}; font-weight:bold">[{escape(badge)}]</span> '
                f"{escape(place(finding, english))}：{escape(message)}")
        if note is not None:
            line += f'<br/><span style="color:#5f6368">{escape(tr("例外理由："))}{escape(note.reason)}（{escape(note.user_name)}）</span>'
        rows.append(line + "</p>")
    return "".join(rows)
