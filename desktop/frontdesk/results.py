"""The front desk's list of matching guides: name, window, whether it prints, prints so far."""
from __future__ import annotations

from PyQt6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PyQt6.QtGui import QBrush, QColor

from db.cards.index import GuideHit

HEADERS = (QT_TRANSLATE_NOOP("FrontDesk", "事项名称"), QT_TRANSLATE_NOOP("FrontDesk", "窗口"),
           QT_TRANSLATE_NOOP("FrontDesk", "可否打印"), QT_TRANSLATE_NOOP("FrontDesk", "已打印"))
HIT_ROLE = Qt.ItemDataRole.UserRole
UNPRINTABLE = QColor("#8a8a8a")
REASON_SHORT = {
    "draft": QT_TRANSLATE_NOOP("FrontDesk", "未提交审核"),
    "in_review": QT_TRANSLATE_NOOP("FrontDesk", "审核中，未批准"),
    "returned": QT_TRANSLATE_NOOP("FrontDesk", "已退回修改"),
    "approved": QT_TRANSLATE_NOOP("FrontDesk", "待关联信息一并发布"),
    "withdrawn": QT_TRANSLATE_NOOP("FrontDesk", "已撤稿"),
    "withdrawal_approved": QT_TRANSLATE_NOOP("FrontDesk", "撤稿已批准"),
    "abolished": QT_TRANSLATE_NOOP("FrontDesk", "已废止"),
    "not_a_guide": QT_TRANSLATE_NOOP("FrontDesk", "不是办事指南"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("FrontDesk", text)


def printable_text(hit: GuideHit) -> str:
    if hit.printable:
        return tr("可打印 · 第{n}版").format(n=hit.printable_version)
    return tr("不能打印：") + tr(REASON_SHORT.get(hit.reason, REASON_SHORT["draft"]))


class HitsModel(QAbstractTableModel):
    def __init__(self, parent=None, english: bool = False):
        super().__init__(parent)
        self.hits: list[GuideHit] = []
        self.english = english

    def set_hits(self, hits: list[GuideHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> GuideHit | None:
        return self.hits[row] if 0 <= row < len(self.hits) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return tr(HEADERS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (hit.name, hit.window, printable_text(hit), str(hit.printed) if hit.printed else "")[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not hit.printable:
            return QBrush(UNPRINTABLE)
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.reason_text(self.english) if not hit.printable else hit.name
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == HIT_ROLE:
            return hit
        return None
