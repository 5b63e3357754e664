"""What the editor says above the form about the item's state, and the bar that says it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PyQt6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from db import clock

STATE_NAMES = {
    "draft": QT_TRANSLATE_NOOP("EditorBanner", "草稿"),
    "returned": QT_TRANSLATE_NOOP("EditorBanner", "已退回"),
    "in_review": QT_TRANSLATE_NOOP("EditorBanner", "审核中"),
    "approved": QT_TRANSLATE_NOOP("EditorBanner", "已批准"),
    "published": QT_TRANSLATE_NOOP("EditorBanner", "已发布"),
    "withdrawn": QT_TRANSLATE_NOOP("EditorBanner", "已撤稿"),
}
STYLES = {
    "returned": ("#fdecea", "#c62828"),
    "error": ("#fdecea", "#c62828"),
    "warning": ("#fff4e0", "#d08a00"),
    "info": ("#e8f1fb", "#2f6fb5"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("EditorBanner", text)


def local_time(stamp: str | None, seconds: bool = False) -> str:
    """A stored UTC time as local wall-clock text."""
    if not stamp:
        return ""
    return clock.parse(stamp).astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class Notice:
    kind: str                  # a key of STYLES
    heading: str
    text: str = ""
    action: str = ""           # button text, when the notice offers one
    second: str = ""           # a second button's text (two choices)


def state_name(state: str) -> str:
    return tr(STATE_NAMES.get(state, state))


def state_line(item) -> str:
    """The footer's short state: 草稿 / 审核中 · 第2版."""
    if item is None:
        return tr("新信息（尚未保存）")
    name = state_name(item.state)
    if item.latest_version_no and item.state in ("returned", "in_review", "approved", "published"):
        return tr("{state} · 第{n}版").format(state=name, n=item.latest_version_no)
    return name


def state_notice(item, can_edit: bool, unlocked: bool, stranded: bool = False) -> Notice | None:
    """The banner for an item's state; None when there is nothing to say. `stranded`: a
    draft of the user's whose column no longer takes it; it may move to another."""
    if item is None:
        return None
    if stranded:
        return Notice("warning", tr("栏目“{name}”已不接收此草稿").format(name=item.column.name),
                      tr("请在上方的“栏目”中选择本科室可以起草的其他栏目，移过去后即可继续编辑和提交；"
                         "没有合适的栏目时请联系管理员。"))
    if not can_edit:
        if item.state == "withdrawn":
            return Notice("info", tr("此信息已撤稿，不能再修改"))
        return Notice("info", tr("只读"), tr("您没有修改此信息的权限，只能查看。"))
    if item.state == "returned":
        who = item.returned_by.display_name if item.returned_by_id else ""
        heading = tr("已被退回 · {who} · {when}").format(who=who, when=local_time(item.returned_at))
        reason = item.return_reason or tr("（未填写退回理由）")
        return Notice("returned", heading, tr("退回理由：") + reason)
    if item.state in ("in_review", "approved"):
        heading = (tr("第{n}版正在审核中") if item.state == "in_review"
                   else tr("第{n}版已批准，等待发布")).format(n=item.latest_version_no)
        return Notice("warning", heading, tr("修改将撤回审核中的版本，改完后需重新提交审核。"),
                      "" if unlocked else tr("修改"))
    if item.state == "published":
        return Notice("warning", tr("已发布（第{n}版）").format(n=item.published_version_no or item.latest_version_no),
                      tr("发布中的版本保持不变，修改后需重新审核。"), "" if unlocked else tr("修改"))
    if item.published_version_no:
        return Notice("info", tr("这是已发布信息的修改稿"),
                      tr("发布中的第{n}版保持不变，此修改稿重新审核通过后才会替换它。").format(n=item.published_version_no))
    return None


class Banner(QFrame):
    """A coloured bar with a heading, a text and up to two buttons."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("bannerHeading")
        self.heading.setWordWrap(True)
        self.text = QLabel(self)
        self.text.setObjectName("bannerText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(self)
        self.button.setObjectName("bannerButton")
        self.second_button = QPushButton(self)
        self.second_button.setObjectName("bannerSecondButton")
        self._action: Callable[[], None] | None = None
        self._second: Callable[[], None] | None = None
        self.button.clicked.connect(lambda: self._action and self._action())
        self.second_button.clicked.connect(lambda: self._second and self._second())
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.heading)
        texts.addWidget(self.text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(texts, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.second_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_notice(self, notice: Notice | None, action: Callable[[], None] | None = None,
                    second: Callable[[], None] | None = None) -> None:
        if notice is None:
            self.hide()
            return
        background, accent = STYLES[notice.kind]
        self.setStyleSheet(f"Banner {{ background: {background}; border: 1px solid {accent};"
                           f" border-left: 5px solid {accent}; border-radius: 3px; }}"
                           f" QLabel {{ background: transparent; border: none; }}")
        size = "12pt" if notice.kind == "returned" else "10pt"
        self.heading.setStyleSheet(f"font-weight: bold; font-size: {size}; color: {accent}")
        self.heading.setText(notice.heading)
        self.text.setText(notice.text)
        self.text.setVisible(bool(notice.text))
        self._action = action
        self.button.setText(notice.action)
        self.button.setVisible(bool(notice.action and action))
        self._second = second
        self.second_button.setText(notice.second)
        self.second_button.setVisible(bool(notice.second and second))
        self.show()
