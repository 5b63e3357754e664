"""Counts per state in the main window's status bar. Reviewers see their queue: 待我审核 n ·
审核中 · 已退回 · 待同步; drafters and administrators every state of the items they follow:
草稿 · 已退回 · 审核中 · 已批准待同步 · 已发布 · 已撤稿. And,
when there are any, 无人可审 n (stages nobody may decide, for supervising leaders and
administrators) and 被拒 n (decisions the site database refused).

Counted on the read worker whenever an operation or a sync changed something (it says it
is counting until the first counts are in); clicking the widget opens the queue
(reviewers), the review problems (administrators, when there are some) or the item list.
The counting modules load on the read worker too, so the widget costs the window's start
next to nothing.
"""
from __future__ import annotations

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PyQt6.QtWidgets import QLabel

from desktop.context import Changes
from desktop.operations import Query

REVIEWERS = ("section_head", "leader")
PROBLEM_ROLES = REVIEWERS + ("admin",)


def tr(text: str) -> str:
    return QCoreApplication.translate("QueueStatus", text)


# One label per state counted (db.workflow.queue.states_counted_for), in the order shown.
STATE_LABELS = (("draft", QT_TRANSLATE_NOOP("QueueStatus", "草稿 {n}")),
                ("returned", QT_TRANSLATE_NOOP("QueueStatus", "已退回 {n}")),
                ("in_review", QT_TRANSLATE_NOOP("QueueStatus", "审核中 {n}")),
                ("approved", QT_TRANSLATE_NOOP("QueueStatus", "已批准待同步 {n}")),
                ("published", QT_TRANSLATE_NOOP("QueueStatus", "已发布 {n}")),
                ("withdrawn", QT_TRANSLATE_NOOP("QueueStatus", "已撤稿 {n}")))
REVIEWER_ORDER = ("in_review", "returned", "approved")


def counts_text(counts: dict[str, int], reviewer: bool) -> str:
    parts = [tr("待我审核 {n}").format(n=counts["mine"])] if reviewer else []
    labels = dict(STATE_LABELS)
    shown = REVIEWER_ORDER if reviewer else [state for state, _label in STATE_LABELS]
    parts += [tr(labels[state]).format(n=counts[state]) for state in shown if state in counts]
    if counts.get("unreviewable"):
        parts.append(tr("无人可审 {n}").format(n=counts["unreviewable"]))
    if counts.get("refused"):
        parts.append(tr("被拒 {n}").format(n=counts["refused"]))
    return "　".join(parts)


def counts_for(user) -> dict[str, int]:
    """db.workflow.queue's and .attention's counts; imported here, on the read worker."""
    from db.workflow import attention, queue
    counts = queue.counts_for(user)
    if user.role in PROBLEM_ROLES:
        counts.update(attention.counts(user))
    return counts


def problems(counts: dict[str, int]) -> int:
    return counts.get("unreviewable", 0) + counts.get("refused", 0)


class StatusWidget(QLabel):
    def __init__(self, ctx, window):
        super().__init__()
        self.ctx, self.window = ctx, window
        self.setObjectName("queueCounts")
        self.reviewer = ctx.user.role in REVIEWERS
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tr("点击查看审核队列") if self.reviewer else tr("点击查看信息列表"))
        self.admin = ctx.user.role == "admin"
        self.counts: dict[str, int] = {}
        self.setText(tr("正在统计……"))
        ctx.hub.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.queue or changes.items or changes.sync or changes.directory:
            self.refresh()

    def refresh(self) -> None:
        user = self.ctx.user
        Query(self, self.ctx, lambda: counts_for(user), key="queue-counts").success(self._show).run_in_background()

    def _show(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.setText(counts_text(counts, self.reviewer))
        mine = counts.get("mine", 0) if self.reviewer else 0
        self.setStyleSheet("color: #b3261e; font-weight: bold" if mine or problems(counts) else "")
        if self.admin:
            self.setToolTip(tr("点击查看审核异常") if problems(counts) else tr("点击查看信息列表"))

    def mousePressEvent(self, event) -> None:
        if self.reviewer:
            self.window.show_page("queue")
        elif self.admin and problems(self.counts):
            self.window.show_page("review_problems")
        else:
            self.window.show_page("items")
        super().mousePressEvent(event)
