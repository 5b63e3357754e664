"""The right side of the queue: the selected version as the website will show it, its
comparison with the live version, its decision history and its check findings, with the
decision buttons underneath."""
from __future__ import annotations

from html import escape

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PyQt6.QtWidgets import (
    QHBoxLayout, QLabel, QPushButton, QTabWidget, QTextBrowser, QVBoxLayout, QWidget,
)

from db.models import Column, Item, Topic
from db.workflow import queue
from db.workflow.queue import QueueRow
from desktop.checks.findings_view import FindingsView
from desktop.review import labels
from desktop.review.preview import preview_html

PREVIEW, DIFF, HISTORY, CHECKS = range(4)
HISTORY_HEADERS = (QT_TRANSLATE_NOOP("ReviewPanel", "版本"), QT_TRANSLATE_NOOP("ReviewPanel", "环节"),
                   QT_TRANSLATE_NOOP("ReviewPanel", "审批人"), QT_TRANSLATE_NOOP("ReviewPanel", "时间"),
                   QT_TRANSLATE_NOOP("ReviewPanel", "结论"), QT_TRANSLATE_NOOP("ReviewPanel", "意见"))
MESSAGE_OK = "background-color:#e6f4ea; color:#0f5223; padding:6px; border-radius:3px"
MESSAGE_ERROR = "background-color:#fce8e6; color:#8c1d18; padding:6px; border-radius:3px"
BANNER = "background-color:#fff4e5; color:#6d4200; padding:6px; border-radius:3px"


def tr(text: str) -> str:
    return QCoreApplication.translate("ReviewPanel", text)


class ReviewPanel(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.row: QueueRow | None = None
        self._topics: dict[str, str] | None = None
        self.message = QLabel()
        self.message.setObjectName("decisionMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER)
        self.banner.hide()
        self.tabs = QTabWidget()
        self.preview, self.diff, self.history = (QTextBrowser() for _ in range(3))
        for browser, title in ((self.preview, tr("预览(&V)")), (self.diff, tr("对照(&D)")), (self.history, tr("审批记录"))):
            browser.setOpenLinks(False)
            self.tabs.addTab(browser, title)
        # The history is a table as wide as the tab that wraps its cells; Qt rounds its 100 %
        # width up by a pixel at some widths, which showed a scroll bar with nothing to scroll.
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.checks = FindingsView(ctx)          # the checks' own read-only view (desktop/checks)
        self.checks.loaded.connect(self._checked)
        self.tabs.addTab(self.checks, tr("检查"))
        self.approve_button = QPushButton(tr("批准 (Ctrl+Enter)"))
        self.approve_button.setDefault(True)
        self.comment_button = QPushButton(tr("附意见批准 (C)"))
        self.return_button = QPushButton(tr("退回 (R)"))
        self.slip_button = QPushButton(tr("审批单 PDF"))
        self.slip_button.setToolTip(tr("把审批单保存为 PDF（Ctrl+P）"))
        self.slip_button.setFlat(True)
        self.tabs.setCornerWidget(self.slip_button, Qt.Corner.TopRightCorner)
        buttons = QHBoxLayout()
        for button in (self.approve_button, self.comment_button, self.return_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self._rendered: set[int] = set()
        self.tabs.currentChanged.connect(self._render_tab)
        self.show_row(None)

    # --- what is shown ---------------------------------------------------------------------
    def show_row(self, row: QueueRow | None, decidable: bool = True) -> None:
        """Show a row; `decidable` is False for the rows of a problem view, which are there to
        be read (why nobody can decide them, what the site database refused)."""
        self.row = row
        for button in (self.approve_button, self.comment_button, self.return_button):
            button.setEnabled(row is not None and decidable)
        self.slip_button.setEnabled(row is not None)
        if row is None:
            self.heading.setText(f'<span style="color:#777">{escape(tr("队列中没有待审核的信息。"))}</span>')
            self.banner.hide()
            for browser in (self.preview, self.diff, self.history, self.checks):
                browser.clear()
            self.tabs.setTabText(CHECKS, tr("检查"))
            return
        self.heading.setText(self._heading_html(row))
        self._show_banner(row)
        self.tabs.setTabText(CHECKS, tr("检查"))
        self.checks.show_version(row.version_id)      # on the read worker
        self._rendered = set()
        self._render_tab(self.tabs.currentIndex())

    def _render_tab(self, index: int) -> None:
        """Fill a tab the first time it is looked at for this row: moving through a long
        queue renders only what the reviewer actually sees."""
        row = self.row
        if row is None or index in self._rendered or index == CHECKS:
            return
        self._rendered.add(index)
        if index == HISTORY:
            self.history.setHtml(self._history_html(row.item_id))
            return
        content = queue.version_content(row.item_id, row.version_no)
        if index == PREVIEW:
            self.preview.setHtml(preview_html(content, self.topic_names(), queue.published_at(row.item_id)))
        else:
            from db.workflow import compare              # the comparison loads when first asked for
            from desktop.review.diffview import diff_html
            live = queue.live_content(row.item_id, except_version=row.version_no)
            self.diff.setHtml(diff_html(compare.compare(live, content), self._display(live, content)))

    def _heading_html(self, row: QueueRow) -> str:
        stage = labels.named(labels.STAGES, row.stage_role)
        facts = tr("第{version}版 · 内容哈希 {hash} · 第{stage}/{count}环节：{name} · 起草：{drafter} · 期限：{due}").format(
            version=row.version_no, hash=row.content_hash[:12], stage=row.stage, count=row.stage_count,
            name=stage, drafter=row.drafter_name, due=row.due_on)
        return (f'<div style="font-size:13pt; font-weight:bold">{escape(row.title)}</div>'
                f'<div style="color:#555">{escape(facts)}</div>')

    def _show_banner(self, row: QueueRow) -> None:
        notes = []
        if row.problem:
            notes.append(row.problem_english if self.ctx.english() else row.problem)
        if row.purpose == "withdraw":
            notes.append(tr("撤稿申请：批准后此信息将从网站撤下。理由：{note}").format(note=row.note))
        elif row.purpose == "abolish":
            notes.append(tr("废止申请：批准后网站上此信息的有效性将标为“废止”。理由：{note}").format(note=row.note))
        elif row.note:
            notes.append(tr("提交说明：{note}").format(note=row.note))
        if row.on_behalf_of:
            notes.append(tr("您正在代 {name} 审批（代审），审批单上将记为“{signed}”。").format(
                name=row.on_behalf_of, signed=labels.signed_as(self.ctx.user.display_name, row.on_behalf_of)))
        self.banner.setText("\n".join(notes))
        self.banner.setStyleSheet(MESSAGE_ERROR if row.problem else BANNER)
        self.banner.setVisible(bool(notes))

    def _history_html(self, item_id: str) -> str:
        views = queue.history_of(item_id)
        if not views:
            return f'<p style="color:#777">{escape(tr("尚无审批意见。"))}</p>'
        head = "".join(f"<th>{escape(tr(h))}</th>" for h in HISTORY_HEADERS)
        rows = []
        for view in views:
            status = labels.named(labels.STATUSES, view.status) if view.status in ("stale", "superseded") else ""
            said = labels.tr(labels.SKIPPED_NOTE) if view.outcome == "skipped" else view.comment
            comment = escape(said) + (f' <span style="color:#b3261e">（{escape(status)}）</span>' if status else "")
            signer = labels.signed_as(view.decider, view.on_behalf_of) or "—"
            rows.append(f"<tr><td>{view.version_no}</td><td>{escape(labels.named(labels.STAGES, view.stage_role))}</td>"
                        f"<td>{escape(signer)}</td>"
                        f"<td>{escape(labels.local_time(view.decided_at))}</td>"
                        f"<td>{escape(labels.named(labels.OUTCOMES, view.outcome))}</td><td>{comment}</td></tr>")
        return (f'<table border="1" cellspacing="0" cellpadding="4" width="100%" style="border-collapse:collapse">'
                f'<tr style="background-color:#f0f0f0">{head}</tr>{"".join(rows)}</table>')

    def _checked(self, unresolved: int) -> None:
        """The tab says at a glance whether blocking findings wait for a decision."""
        found = len(self.checks.rows)
        title = tr("检查") if not found else tr("检查（{n}）").format(n=found)
        self.tabs.setTabText(CHECKS, ("⚠ " if unresolved else "") + title)

    def _display(self, live: dict | None, content: dict) -> dict[str, dict[str, str]]:
        """Codes and ids in the comparison shown as names: topics, columns, the bundle partner."""
        columns = {c.code: c.name for c in Column.select(Column.code, Column.name)}
        partners = {p for p in ((live or {}).get("related"), content.get("related")) if p}
        titles = {i.id: i.title for i in Item.select(Item.id, Item.title).where(Item.id.in_(partners))}
        return {"meta.topic": self.topic_names(), "column": columns, "related": titles}

    def topic_names(self) -> dict[str, str]:
        if self._topics is None:
            self._topics = {t.code: t.name for t in Topic.select(Topic.code, Topic.name)}
        return self._topics

    # --- messages --------------------------------------------------------------------------
    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(MESSAGE_ERROR if error else MESSAGE_OK)
        self.message.setText(text)
        self.message.show()
