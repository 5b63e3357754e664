"""The conflicts screen: what this workstation wanted beside what the site database holds.

The user chooses: keep mine (sent again as a new op), take theirs, or dismiss. The choice
runs through the write worker (db.sync.conflicts.resolve checks who may settle what).
"""
from __future__ import annotations

import json

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PyQt6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QSplitter,
    QTextBrowser, QVBoxLayout, QWidget,
)

from db.models import User, Version
from db.sync import conflicts
from desktop.context import Changes
from desktop.operations import Op

KIND_NAMES = {
    "stale": QT_TRANSLATE_NOOP("SyncConflicts", "审批已失效"),
    "superseded": QT_TRANSLATE_NOOP("SyncConflicts", "已被取代"),
    "race": QT_TRANSLATE_NOOP("SyncConflicts", "先提交者生效"),
    "withdrawn": QT_TRANSLATE_NOOP("SyncConflicts", "已撤稿"),
    "rejected": QT_TRANSLATE_NOOP("SyncConflicts", "被拒绝"),
    "directory": QT_TRANSLATE_NOOP("SyncConflicts", "目录不一致"),
    "attachment": QT_TRANSLATE_NOOP("SyncConflicts", "附件问题"),
    "index_no": QT_TRANSLATE_NOOP("SyncConflicts", "索引号已调整"),
    "state": QT_TRANSLATE_NOOP("SyncConflicts", "状态未能跟随"),
}
FIELD_NAMES = {
    "title": QT_TRANSLATE_NOOP("SyncConflicts", "标题"),
    "number": QT_TRANSLATE_NOOP("SyncConflicts", "版本"),
    "outcome": QT_TRANSLATE_NOOP("SyncConflicts", "决定"),
    "comment": QT_TRANSLATE_NOOP("SyncConflicts", "意见"),
    "decided_at": QT_TRANSLATE_NOOP("SyncConflicts", "时间"),
    "decider_id": QT_TRANSLATE_NOOP("SyncConflicts", "审核人"),
    "item_state": QT_TRANSLATE_NOOP("SyncConflicts", "信息状态"),
    "latest_version_no": QT_TRANSLATE_NOOP("SyncConflicts", "最新版本"),
    "version_state": QT_TRANSLATE_NOOP("SyncConflicts", "版本状态"),
    "state": QT_TRANSLATE_NOOP("SyncConflicts", "状态"),
    "index_no": QT_TRANSLATE_NOOP("SyncConflicts", "索引号"),
}
OUTCOMES = {
    "approve": QT_TRANSLATE_NOOP("SyncConflicts", "批准"),
    "return": QT_TRANSLATE_NOOP("SyncConflicts", "退回"),
}
STATES = {
    "draft": QT_TRANSLATE_NOOP("SyncConflicts", "草稿"),
    "returned": QT_TRANSLATE_NOOP("SyncConflicts", "已退回"),
    "in_review": QT_TRANSLATE_NOOP("SyncConflicts", "审核中"),
    "approved": QT_TRANSLATE_NOOP("SyncConflicts", "已批准"),
    "held": QT_TRANSLATE_NOOP("SyncConflicts", "待同步发布"),
    "published": QT_TRANSLATE_NOOP("SyncConflicts", "已发布"),
    "withdrawn": QT_TRANSLATE_NOOP("SyncConflicts", "已撤稿"),
    "stale": QT_TRANSLATE_NOOP("SyncConflicts", "已失效"),
    "replaced": QT_TRANSLATE_NOOP("SyncConflicts", "已被新版本替换"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("SyncConflicts", text)


def describe(side: dict) -> list[tuple[str, str]]:
    """Readable (label, value) rows of one side of a conflict."""
    rows = []
    flat = dict(side)
    for nested in ("decision", "version", "row"):
        if isinstance(flat.get(nested), dict):
            flat.update(flat.pop(nested))
    for key, label in FIELD_NAMES.items():
        if key in flat and flat[key] not in (None, ""):
            value = flat[key]
            if key.endswith("_id") and isinstance(value, str):
                user = User.get_or_none(User.id == value)
                value = user.display_name if user else value[:8]
            words = {**OUTCOMES, **STATES} if key in ("outcome", "item_state", "version_state", "state") else {}
            rows.append((tr(label), tr(words[value]) if value in words else str(value)))
    return rows


def their_side(conflict) -> dict:
    """What the site database holds. A submission that came second names only the number
    that won; the pull has brought that version, so its title is shown beside mine."""
    theirs = json.loads(conflict.theirs or "{}")
    number = theirs.get("latest_version_no")
    if number and conflict.item_id and "title" not in theirs:
        version = Version.get_or_none((Version.item == conflict.item_id) & (Version.number == number))
        if version is not None:
            theirs = {"title": version.title, **theirs}
    return theirs


def side_html(title: str, rows: list[tuple[str, str]]) -> str:
    body = "".join(f"<tr><th align='left'>{label}</th><td>{value}</td></tr>" for label, value in rows)
    return f"<h3>{title}</h3><table cellspacing='4'>{body or '<tr><td>—</td></tr>'}</table>"


class ConflictsDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("syncConflictsDialog")
        self.setWindowTitle(tr("同步冲突"))
        self.list = QListWidget()
        self.list.setObjectName("conflictList")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)   # long titles elide
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("conflictMessage")
        self.mine, self.theirs = QTextBrowser(), QTextBrowser()
        self.mine.setObjectName("conflictMine")
        self.theirs.setObjectName("conflictTheirs")
        self.keep = QPushButton(tr("保留我的（重新提交）"))
        self.take = QPushButton(tr("采用网站数据库的"))
        self.dismiss = QPushButton(tr("忽略"))
        for button, choice in ((self.keep, "keep_mine"), (self.take, "take_theirs"), (self.dismiss, "dismiss")):
            button.clicked.connect(lambda _checked, choice=choice: self.choose(choice))
        self._layout()
        self.list.currentRowChanged.connect(self.show_row)
        self.reload()

    def _layout(self) -> None:
        sides = QSplitter()
        sides.addWidget(self.mine)
        sides.addWidget(self.theirs)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(self.message)
        column.addWidget(sides, 1)
        buttons = QHBoxLayout()
        for button in (self.keep, self.take, self.dismiss):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([240, 640])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(close)
        self.resize(940, 520)

    def reload(self) -> None:
        self.rows = list(conflicts.open_conflicts(self.ctx.user))
        self.list.clear()
        for row in self.rows:
            kind = tr(KIND_NAMES.get(row.kind, row.kind))
            entry = QListWidgetItem(tr("{kind}：{title}").format(kind=kind, title=row.title or tr("（无标题）")),
                                    self.list)
            entry.setToolTip(entry.text())
        self.list.setCurrentRow(0 if self.rows else -1)
        self.show_row(self.list.currentRow())

    def current(self):
        row = self.list.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def show_row(self, row: int) -> None:
        conflict = self.current()
        for button in (self.keep, self.take, self.dismiss):
            button.setEnabled(conflict is not None)
        if conflict is None:
            self.message.setText(tr("没有待处理的同步冲突。"))
            self.mine.clear()
            self.theirs.clear()
            return
        english = self.ctx.language.startswith("en")
        self.message.setText(conflict.english if english and conflict.english else conflict.message)
        self.mine.setHtml(side_html(tr("本工作站（我的）"), describe(json.loads(conflict.mine or "{}"))))
        self.theirs.setHtml(side_html(tr("网站数据库（对方的）"), describe(their_side(conflict))))
        can_keep = conflicts.can_keep_mine(conflict)
        self.keep.setEnabled(can_keep)
        decision = "decision" in json.loads(conflict.mine or "{}")
        self.keep.setToolTip(tr("审批意见绑定于当时的版本，不能重发；请对最新版本重新审核") if decision else "")

    def choose(self, choice: str) -> None:
        conflict = self.current()
        if conflict is None:
            return
        user = self.ctx.user
        Op(self, self.ctx, lambda: conflicts.resolve(user, conflict, choice),
           Changes(items=choice == "keep_mine", queue=True, sync=True)).success(lambda _r: self.reload()).run_in_background()
